package templates

import (
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Every restJson1 and restXml compliance case that binds members to the
// URI, the query string or headers, run through the rest helpers by a
// small interpreter of the test model: it does, from the model at run
// time, what an emitter will do from it at generation time. Bodies are
// not its business (the JSON and XML tests check those).

type restShape struct {
	Type    string                     `json:"type"`
	Members map[string]restShapeMember `json:"members"`
	Member  *restShapeMember           `json:"member"`
	Value   *restShapeMember           `json:"value"`
	KeyM    *restShapeMember           `json:"key"`
	Input   *restShapeMember           `json:"input"`
	Output  *restShapeMember           `json:"output"`
	Mixins  []restShapeMember          `json:"mixins"`
	Traits  map[string]json.RawMessage `json:"traits"`
	// Order lists Members' names as the model declares them.
	Order []string `json:"-"`
}

type restShapeMember struct {
	Target string                     `json:"target"`
	Traits map[string]json.RawMessage `json:"traits"`
}

var restModel struct {
	once   sync.Once
	shapes map[string]restShape
	// caseOp maps a case id to the shape carrying it, caseRaw a request
	// case id to its JSON.
	caseOp  map[string]string
	caseRaw map[string]json.RawMessage
	err     error
}

func restShapes(t testing.TB) map[string]restShape {
	t.Helper()
	restModel.once.Do(func() {
		raw, err := os.ReadFile(restSuitePath)
		if err != nil {
			restModel.err = err
			return
		}
		var ast struct {
			Shapes map[string]restShape `json:"shapes"`
		}
		if restModel.err = json.Unmarshal(raw, &ast); restModel.err != nil {
			return
		}
		var order struct {
			Shapes map[string]struct {
				Members json.RawMessage `json:"members"`
			} `json:"shapes"`
		}
		_ = json.Unmarshal(raw, &order)
		for name, s := range order.Shapes {
			shape := ast.Shapes[name]
			shape.Order = restMemberOrder(s.Members)
			ast.Shapes[name] = shape
		}
		for name := range ast.Shapes {
			restFlattenMixins(ast.Shapes, name)
		}
		restModel.shapes = ast.Shapes
		restModel.caseOp = map[string]string{}
		restModel.caseRaw = map[string]json.RawMessage{}
		for name, s := range ast.Shapes {
			for _, trait := range []string{"smithy.test#httpRequestTests", "smithy.test#httpResponseTests"} {
				var cases []json.RawMessage
				_ = json.Unmarshal(s.Traits[trait], &cases)
				for _, c := range cases {
					var head struct{ ID, AppliesTo string }
					_ = json.Unmarshal(c, &head)
					if _, seen := restModel.caseOp[head.ID]; !seen || head.AppliesTo != "server" {
						restModel.caseOp[head.ID] = name
					}
					if trait == "smithy.test#httpRequestTests" && head.AppliesTo != "server" {
						restModel.caseRaw[head.ID] = c
					}
				}
			}
		}
	})
	if errors.Is(restModel.err, os.ErrNotExist) {
		t.Skip("compliance suite " + restSuitePath + " not present (fresh clone); it is checked where ../shared exists")
	}
	if restModel.err != nil {
		t.Fatal(restModel.err)
	}
	return restModel.shapes
}

// restFlattenMixins copies a shape's mixins' members and traits into it,
// as the Smithy spec applies them (the mixin trait itself excepted).
func restFlattenMixins(shapes map[string]restShape, name string) restShape {
	s := shapes[name]
	if len(s.Mixins) == 0 {
		return s
	}
	members := map[string]restShapeMember{}
	traits := map[string]json.RawMessage{}
	var order []string
	for _, mix := range s.Mixins {
		m := restFlattenMixins(shapes, mix.Target)
		order = append(order, m.Order...)
		for k, v := range m.Members {
			members[k] = v
		}
		for k, v := range m.Traits {
			if k != "smithy.api#mixin" {
				traits[k] = v
			}
		}
	}
	for k, v := range s.Members {
		if inherited, ok := members[k]; ok {
			merged := map[string]json.RawMessage{}
			for tk, tv := range inherited.Traits {
				merged[tk] = tv
			}
			for tk, tv := range v.Traits {
				merged[tk] = tv
			}
			v = restShapeMember{Target: inherited.Target, Traits: merged}
		}
		members[k] = v
	}
	for _, k := range s.Order {
		if !slices.Contains(order, k) {
			order = append(order, k)
		}
	}
	for k, v := range s.Traits {
		traits[k] = v
	}
	s.Members, s.Traits, s.Mixins, s.Order = members, traits, nil, order
	shapes[name] = s
	return s
}

// restMemberOrder lists an object's keys in order.
func restMemberOrder(raw json.RawMessage) []string {
	var names []string
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return names
		}
		names = append(names, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return names
		}
	}
	return names
}

// restKind resolves a member's target to a simple kind, and its timestamp
// format (member trait, else target trait, else def) and @mediaType.
func restKind(shapes map[string]restShape, m restShapeMember, def int) (kind string, format int, mediaType bool) {
	format = def
	traits := []map[string]json.RawMessage{m.Traits}
	if s, ok := shapes[m.Target]; ok {
		kind = strings.ToLower(s.Type)
		traits = append(traits, s.Traits)
	} else {
		kind = strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(m.Target, "smithy.api#"), "Primitive"))
	}
	for i := len(traits) - 1; i >= 0; i-- {
		if raw, ok := traits[i]["smithy.api#timestampFormat"]; ok {
			var f string
			_ = json.Unmarshal(raw, &f)
			format = map[string]int{"date-time": timeDateTime, "http-date": timeHTTPDate, "epoch-seconds": timeEpochSeconds}[f]
		}
		if _, ok := traits[i]["smithy.api#mediaType"]; ok {
			mediaType = true
		}
	}
	return kind, format, mediaType
}

func restTraitString(m restShapeMember, trait string) (string, bool) {
	raw, ok := m.Traits[trait]
	if !ok {
		return "", false
	}
	var s string
	_ = json.Unmarshal(raw, &s)
	return s, true
}

// restText formats one scalar param for a label or query, as an emitter
// would pick the helper: it appends the unescaped text for the given
// location's escaper.
func restScalarQuery(t *testing.T, q []byte, key, kind string, format int, v any) []byte {
	switch kind {
	case "string", "enum":
		return restQuery(q, key, v.(string))
	case "byte":
		return restQueryInt(q, key, int8(restParamInt(t, v)))
	case "short":
		return restQueryInt(q, key, int16(restParamInt(t, v)))
	case "integer", "intenum":
		return restQueryInt(q, key, int32(restParamInt(t, v)))
	case "long":
		return restQueryInt(q, key, restParamInt(t, v))
	case "float":
		return restQueryFloat(q, key, float32(restParamFloat(t, v)))
	case "double":
		return restQueryFloat(q, key, restParamFloat(t, v))
	case "boolean":
		return restQueryBool(q, key, v.(bool))
	case "timestamp":
		return restQueryTime(q, key, restParamTime(t, v), format)
	}
	t.Fatalf("query of kind %s", kind)
	return nil
}

func restScalarLabel(t *testing.T, p []byte, kind string, format int, greedy bool, v any) []byte {
	switch kind {
	case "string", "enum":
		return restLabel(p, v.(string), greedy)
	case "byte", "short", "integer", "long", "intenum":
		return strconv.AppendInt(p, restParamInt(t, v), 10)
	case "float":
		return restFloat(p, float32(restParamFloat(t, v)))
	case "double":
		return restFloat(p, restParamFloat(t, v))
	case "boolean":
		return strconv.AppendBool(p, v.(bool))
	case "timestamp":
		return restLabelTime(p, restParamTime(t, v), format)
	}
	t.Fatalf("label of kind %s", kind)
	return nil
}

func restHeaderValue(t *testing.T, shapes map[string]restShape, m restShapeMember, v any) string {
	kind, format, mediaType := restKind(shapes, m, timeHTTPDate)
	switch kind {
	case "string", "enum":
		if mediaType {
			return restHeaderBase64(v.(string))
		}
		return v.(string)
	case "byte", "short", "integer", "long", "intenum":
		return strconv.FormatInt(restParamInt(t, v), 10)
	case "float":
		return restHeaderFloat(float32(restParamFloat(t, v)))
	case "double":
		return restHeaderFloat(restParamFloat(t, v))
	case "boolean":
		return strconv.FormatBool(v.(bool))
	case "timestamp":
		return restHeaderTime(restParamTime(t, v), format)
	case "list", "set":
		elem := *shapes[m.Target].Member
		ekind, eformat, _ := restKind(shapes, elem, timeHTTPDate)
		items := v.([]any)
		switch ekind {
		case "string", "enum":
			ss := make([]string, len(items))
			for i, x := range items {
				ss[i] = x.(string)
			}
			return restHeaderStrings(ss)
		case "integer", "intenum":
			is := make([]int32, len(items))
			for i, x := range items {
				is[i] = int32(restParamInt(t, x))
			}
			return restHeaderInts(is)
		case "double":
			fs := make([]float64, len(items))
			for i, x := range items {
				fs[i] = restParamFloat(t, x)
			}
			return restHeaderFloats(fs)
		case "boolean":
			bs := make([]bool, len(items))
			for i, x := range items {
				bs[i] = x.(bool)
			}
			return restHeaderBools(bs)
		case "timestamp":
			ts := make([]time.Time, len(items))
			for i, x := range items {
				ts[i] = restParamTime(t, x)
			}
			return restHeaderTimes(ts, eformat)
		}
		t.Fatalf("header list of %s", ekind)
	}
	t.Fatalf("header of kind %s", kind)
	return ""
}

// restBuildRequest binds params to a URL and headers.
func restBuildRequest(t *testing.T, shapes map[string]restShape, opID string, params map[string]any) (*url.URL, http.Header) {
	op := shapes[opID]
	var httpTrait struct{ URI, Method string }
	if err := json.Unmarshal(op.Traits["smithy.api#http"], &httpTrait); err != nil {
		t.Fatal(err)
	}
	input := shapes[op.Input.Target]
	pattern, constQuery, _ := strings.Cut(httpTrait.URI, "?")
	var p []byte
	for rest := pattern; rest != ""; {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			p = append(p, rest...)
			break
		}
		p = append(p, rest[:open]...)
		end := strings.IndexByte(rest, '}')
		label, greedy := strings.CutSuffix(rest[open+1:end], "+")
		rest = rest[end+1:]
		for name, m := range input.Members {
			if _, ok := m.Traits["smithy.api#httpLabel"]; ok && name == label {
				kind, format, _ := restKind(shapes, m, timeDateTime)
				p = restScalarLabel(t, p, kind, format, greedy, params[name])
			}
		}
	}
	q := []byte(constQuery)
	names := make([]string, 0, len(input.Members))
	for name := range input.Members {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		m := input.Members[name]
		key, ok := restTraitString(m, "smithy.api#httpQuery")
		v, set := params[name]
		if !ok || !set || v == nil {
			continue
		}
		kind, format, _ := restKind(shapes, m, timeDateTime)
		if kind == "list" || kind == "set" {
			elem := *shapes[m.Target].Member
			ekind, eformat, _ := restKind(shapes, elem, timeDateTime)
			for _, x := range v.([]any) {
				q = restScalarQuery(t, q, key, ekind, eformat, x)
			}
			continue
		}
		q = restScalarQuery(t, q, key, kind, format, v)
	}
	for _, name := range names {
		m := input.Members[name]
		if _, ok := m.Traits["smithy.api#httpQueryParams"]; !ok || params[name] == nil {
			continue
		}
		if value := shapes[shapes[m.Target].Value.Target]; value.Type == "list" || value.Type == "set" {
			lists := map[string][]string{}
			for k, vs := range params[name].(map[string]any) {
				for _, x := range vs.([]any) {
					lists[k] = append(lists[k], x.(string))
				}
			}
			q = restQueryParamLists(q, lists)
		} else {
			strs := map[string]string{}
			for k, v := range params[name].(map[string]any) {
				strs[k] = v.(string)
			}
			q = restQueryParams(q, strs)
		}
	}
	u, _ := url.Parse("https://example.com")
	restSetURL(u, p, q)
	h := http.Header{}
	for _, name := range names {
		m := input.Members[name]
		if prefix, ok := restTraitString(m, "smithy.api#httpPrefixHeaders"); ok && params[name] != nil {
			strs := map[string]string{}
			for k, v := range params[name].(map[string]any) {
				strs[k] = v.(string)
			}
			restSetPrefixHeaders(h, prefix, strs)
		}
	}
	for _, name := range names {
		m := input.Members[name]
		if header, ok := restTraitString(m, "smithy.api#httpHeader"); ok && params[name] != nil {
			h.Set(header, restHeaderValue(t, shapes, m, params[name]))
		}
	}
	return u, h
}

// Cases the interpreter leaves to the emitters, and why.
var restBindSkip = map[string]string{
	"RestJsonQueryIdempotencyTokenAutoFill":          "the token is generated by the client, not bound from params",
	"QueryIdempotencyTokenAutoFill":                  "the token is generated by the client, not bound from params",
	"RestJsonHttpChecksumRequired":                   "Content-MD5 is computed from the body",
	"SDKAppendedGzipAfterProvidedEncoding_restJson1": "requestCompression appends gzip to Content-Encoding",
	"SDKAppendedGzipAfterProvidedEncoding_restXml":   "requestCompression appends gzip to Content-Encoding",
	"SDKAppliedContentEncoding_restJson1":            "requestCompression sets Content-Encoding",
	"SDKAppliedContentEncoding_restXml":              "requestCompression sets Content-Encoding",
}

func TestRestBindingsCompliance(t *testing.T) {
	shapes := restShapes(t)
	restCase(t, "request", "RestJsonAllQueryStringTypes") // loads the suite
	ids := make([]string, 0, len(restSuite.requests))
	for id := range restSuite.requests {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	ran := 0
	for _, id := range ids {
		c := restSuite.requests[id]
		if c.AppliesTo == "server" || (c.Protocol != "aws.protocols#restJson1" && c.Protocol != "aws.protocols#restXml") ||
			strings.HasPrefix(id, "S3") || strings.HasPrefix(id, "Glacier") || strings.HasPrefix(id, "ApiGateway") || restBindSkip[id] != "" {
			continue
		}
		opID := restCaseOperation(shapes, id)
		op := shapes[opID]
		if op.Input == nil || !restBinds(shapes[op.Input.Target]) {
			continue
		}
		ran++
		t.Run(id, func(t *testing.T) {
			u, h := restBuildRequest(t, shapes, opID, c.Params)
			if got := u.EscapedPath(); got != c.URI {
				t.Errorf("path %s, want %s", got, c.URI)
			}
			got := restQuerySet(u.RawQuery)
			want := append([]string(nil), c.QueryParams...)
			slices.Sort(got)
			slices.Sort(want)
			if c.QueryParams != nil && !slices.Equal(got, want) {
				t.Errorf("query\n got %q\nwant %q", got, want)
			}
			for name, want := range c.Headers {
				if !restBoundHeader(shapes[op.Input.Target], name) {
					continue // Content-Type and the like are the protocol's
				}
				vs, present := h[http.CanonicalHeaderKey(name)]
				if !present || vs[0] != want {
					t.Errorf("header %s: %q, want %q", name, vs, want)
				}
			}
			var forbid struct {
				ForbidHeaders []string `json:"forbidHeaders"`
			}
			restCaseRaw(t, id, &forbid)
			for _, name := range forbid.ForbidHeaders {
				if _, present := h[http.CanonicalHeaderKey(name)]; present {
					t.Errorf("header %s is set", name)
				}
			}
		})
	}
	if ran < 60 {
		t.Errorf("only %d cases bind members; the suite has more", ran)
	}
	t.Logf("%d request cases with HTTP bindings", ran)
}

// Response headers read back into the params' values.
func TestRestResponseHeadersCompliance(t *testing.T) {
	shapes := restShapes(t)
	restCase(t, "response", "RestJsonInputAndOutputWithStringHeaders")
	ids := make([]string, 0, len(restSuite.response))
	for id := range restSuite.response {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	ran := 0
	for _, id := range ids {
		c := restSuite.response[id]
		if c.AppliesTo == "server" || (c.Protocol != "aws.protocols#restJson1" && c.Protocol != "aws.protocols#restXml") || len(c.Headers) == 0 {
			continue
		}
		opID := restCaseOperation(shapes, id)
		op, ok := shapes[opID]
		if !ok || op.Output == nil {
			continue // an error shape's case
		}
		out := shapes[op.Output.Target]
		h := http.Header{}
		for k, v := range c.Headers {
			h.Add(k, v)
		}
		checked := false
		for name, m := range out.Members {
			header, isHeader := restTraitString(m, "smithy.api#httpHeader")
			prefix, isPrefix := restTraitString(m, "smithy.api#httpPrefixHeaders")
			if !isHeader && !isPrefix {
				continue
			}
			checked = true
			want, set := c.Params[name]
			t.Run(id+"/"+name, func(t *testing.T) {
				if isPrefix {
					got := restGetPrefixHeaders(h, prefix)
					if !set {
						return
					}
					if wm := want.(map[string]any); len(got) != len(wm) {
						t.Errorf("%v, want %v", got, wm)
					} else {
						for k, v := range wm {
							if got[k] != v {
								t.Errorf("%s: %q, want %q", k, got[k], v)
							}
						}
					}
					return
				}
				got := restReadHeader(t, shapes, h, header, m)
				if !set {
					if got != nil {
						t.Errorf("read %v for an absent member", got)
					}
					return
				}
				if !restParamEqual(t, got, want) {
					t.Errorf("%s: %#v, want %#v", header, got, want)
				}
			})
		}
		if checked {
			ran++
		}
	}
	if ran < 20 {
		t.Errorf("only %d response cases with header bindings", ran)
	}
	t.Logf("%d response cases with header bindings", ran)
}

// restReadHeader reads a header-bound member as an emitter would, and
// returns it in the params' JSON form (json.Number, string, bool, []any,
// epoch seconds for timestamps), nil when absent.
func restReadHeader(t *testing.T, shapes map[string]restShape, h http.Header, name string, m restShapeMember) any {
	kind, format, mediaType := restKind(shapes, m, timeHTTPDate)
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	num := func(f float64) any {
		switch {
		case math.IsNaN(f):
			return "NaN"
		case math.IsInf(f, 1):
			return "Infinity"
		case math.IsInf(f, -1):
			return "-Infinity"
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
	}
	epoch := func(tm time.Time) any {
		return json.Number(strconv.FormatFloat(float64(tm.UnixMilli())/1e3, 'f', -1, 64))
	}
	switch kind {
	case "string", "enum":
		parse := restParseString[string]
		if mediaType {
			parse = restParseBase64
		}
		v, err := restGetHeader(h, name, parse)
		check(err)
		if v == nil {
			return nil
		}
		return *v
	case "byte", "short", "integer", "long", "intenum":
		v, err := restGetHeader(h, name, restParseInt[int64])
		check(err)
		if v == nil {
			return nil
		}
		return json.Number(strconv.FormatInt(*v, 10))
	case "float":
		v, err := restGetHeader(h, name, restParseFloat[float32])
		check(err)
		if v == nil {
			return nil
		}
		return num(float64(*v))
	case "double":
		v, err := restGetHeader(h, name, restParseFloat[float64])
		check(err)
		if v == nil {
			return nil
		}
		return num(*v)
	case "boolean":
		v, err := restGetHeader(h, name, restParseBool)
		check(err)
		if v == nil {
			return nil
		}
		return *v
	case "timestamp":
		parse := map[int]func(string) (time.Time, error){timeDateTime: restParseDateTime, timeHTTPDate: restParseHTTPDate, timeEpochSeconds: restParseEpochSeconds}[format]
		v, err := restGetHeader(h, name, parse)
		check(err)
		if v == nil {
			return nil
		}
		return epoch(*v)
	case "list", "set":
		elem := *shapes[m.Target].Member
		ekind, eformat, _ := restKind(shapes, elem, timeHTTPDate)
		var out []any
		switch ekind {
		case "string", "enum":
			vs, err := restGetHeaderList(h, name, restParseString[string])
			check(err)
			for _, v := range vs {
				out = append(out, v)
			}
		case "integer", "intenum":
			vs, err := restGetHeaderList(h, name, restParseInt[int32])
			check(err)
			for _, v := range vs {
				out = append(out, json.Number(strconv.Itoa(int(v))))
			}
		case "boolean":
			vs, err := restGetHeaderList(h, name, restParseBool)
			check(err)
			for _, v := range vs {
				out = append(out, v)
			}
		case "timestamp":
			var vs []time.Time
			var err error
			if eformat == timeHTTPDate {
				vs, err = restGetHTTPDateList(h, name)
			} else {
				vs, err = restGetHeaderList(h, name, restParseDateTime)
			}
			check(err)
			for _, v := range vs {
				out = append(out, epoch(v))
			}
		default:
			t.Fatalf("header list of %s", ekind)
		}
		if out == nil && h.Values(name) == nil {
			return nil
		}
		return out
	}
	t.Fatalf("header of kind %s", kind)
	return nil
}

func restParamEqual(t *testing.T, got, want any) bool {
	if gl, ok := got.([]any); ok {
		wl, ok := want.([]any)
		if !ok || len(gl) != len(wl) {
			return false
		}
		for i := range gl {
			if !restParamEqual(t, gl[i], wl[i]) {
				return false
			}
		}
		return true
	}
	if gn, ok := got.(json.Number); ok {
		wn, ok := want.(json.Number)
		if !ok {
			return false
		}
		g, _ := gn.Float64()
		w, _ := wn.Float64()
		return g == w || float32(g) == float32(w)
	}
	return got == want
}

// restCaseOperation finds the operation (or error) shape carrying a case.
func restCaseOperation(shapes map[string]restShape, id string) string {
	return restModel.caseOp[id]
}

func restCaseRaw(t *testing.T, id string, into any) {
	if err := json.Unmarshal(restModel.caseRaw[id], into); err != nil {
		t.Fatal(err)
	}
}

func restBinds(s restShape) bool {
	for _, m := range s.Members {
		for _, trait := range []string{"smithy.api#httpLabel", "smithy.api#httpQuery", "smithy.api#httpQueryParams", "smithy.api#httpHeader", "smithy.api#httpPrefixHeaders"} {
			if _, ok := m.Traits[trait]; ok {
				return true
			}
		}
	}
	return false
}

func restBoundHeader(s restShape, name string) bool {
	for _, m := range s.Members {
		if h, ok := restTraitString(m, "smithy.api#httpHeader"); ok && strings.EqualFold(h, name) {
			return true
		}
		if p, ok := restTraitString(m, "smithy.api#httpPrefixHeaders"); ok && len(name) >= len(p) && strings.EqualFold(name[:len(p)], p) {
			return true
		}
	}
	return false
}
