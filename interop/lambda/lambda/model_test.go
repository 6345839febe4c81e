package lambda

// Random responses written from the Lambda model itself, with
// encoding/json and none of the generated code: status, headers and body
// as the restJson1 protocol lays an output or error out. Both this
// package and the SDK decode them; the tests compare what they get.
// Required members are always there: for a response that lacks one, this
// package fills in its zero value as Smithy's error correction asks (the
// compliance suites check it) and the SDK does not.

import (
	"encoding/base64"
	"encoding/json"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// modelFile is the model this package is generated from, beside the
// project (../shared is read-only data that a fresh clone lacks).
var modelFile = filepath.Join("..", "..", "..", "..", "shared", "models", "aws", "lambda-2015-03-31.json")

type model struct {
	Shapes map[string]*shape `json:"shapes"`
}

type shape struct {
	Type    string                     `json:"type"`
	Members map[string]*member         `json:"members"`
	Member  *member                    `json:"member"`
	Key     *member                    `json:"key"`
	Value   *member                    `json:"value"`
	Traits  map[string]json.RawMessage `json:"traits"`
	Input   *struct{ Target string }   `json:"input"`
	Output  *struct{ Target string }   `json:"output"`
	Errors  []struct{ Target string }  `json:"errors"`
	// A service's operations.
	Operations []struct{ Target string } `json:"operations"`
}

type member struct {
	Target string                     `json:"target"`
	Traits map[string]json.RawMessage `json:"traits"`
}

func (s *shape) trait(id string) (string, bool) {
	raw, ok := s.Traits[id]
	return traitString(raw), ok
}

func (m *member) trait(id string) (string, bool) {
	raw, ok := m.Traits[id]
	return traitString(raw), ok
}

// traitString is a trait's value when it is a string, else "".
func traitString(raw json.RawMessage) string {
	var s string
	json.Unmarshal(raw, &s)
	return s
}

var (
	loadOnce sync.Once
	loaded   *model
	loadErr  error
)

// lambdaModel loads the model, or skips the test when ../shared is not
// there.
func lambdaModel(t testing.TB) *model {
	t.Helper()
	loadOnce.Do(func() {
		data, err := os.ReadFile(modelFile)
		if err != nil {
			loadErr = err
			return
		}
		loaded = &model{}
		loadErr = json.Unmarshal(data, loaded)
	})
	if os.IsNotExist(loadErr) {
		t.Skipf("%s is missing (../shared, read-only data beside the project): the response tests need the model", modelFile)
	}
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return loaded
}

func (m *model) operation(name string) *shape { return m.Shapes["com.amazonaws.lambda#"+name] }

// service is the service shape, for its common errors.
func (m *model) service() *shape { return m.Shapes["com.amazonaws.lambda#AWSGirApiService"] }

// response is an HTTP response, written as a test would send it.
type response struct {
	status int
	header http.Header
	body   []byte
}

// writeOutput draws a response carrying a random value of op's output.
func (m *model) writeOutput(t *rapid.T, op *shape) response {
	r := response{status: 200, header: http.Header{}}
	var http struct{ Code int }
	if raw, ok := op.Traits["smithy.api#http"]; ok {
		json.Unmarshal(raw, &http)
		if http.Code != 0 {
			r.status = http.Code
		}
	}
	r.header.Set("X-Amzn-Requestid", rapid.StringMatching(`[0-9a-f-]{0,36}`).Draw(t, "request ID"))
	if op.Output == nil || m.Shapes[op.Output.Target] == nil {
		r.body = []byte(rapid.SampledFrom([]string{"", "{}"}).Draw(t, "empty body"))
		return r
	}
	m.writeStruct(t, &r, m.Shapes[op.Output.Target], "output")
	return r
}

// writeError draws an error response for one of op's errors, or for an
// error the model does not know.
func (m *model) writeError(t *rapid.T, op *shape) (response, string) {
	errs := append(slices.Clone(op.Errors), m.service().Errors...)
	names := []string{"UnmodeledException"}
	for _, e := range errs {
		names = append(names, e.Target)
	}
	id := rapid.SampledFrom(names).Draw(t, "error")
	name := id[strings.IndexByte(id, '#')+1:]
	r := response{status: 400, header: http.Header{}}
	r.header.Set("X-Amzn-Requestid", rapid.StringMatching(`[0-9a-f-]{0,36}`).Draw(t, "request ID"))
	s := m.Shapes[id]
	if s == nil {
		s = &shape{Type: "structure", Members: map[string]*member{"message": {Target: "smithy.api#String"}}}
	}
	if raw, ok := s.Traits["smithy.api#httpError"]; ok {
		json.Unmarshal(raw, &r.status)
	}
	body := m.writeStruct(t, &r, s, "error")
	// Where the type goes, and how it is dressed (restJson1 error rules).
	typ := rapid.SampledFrom([]string{name, "com.amazonaws.lambda#" + name, name + ":http://internal.amazon.com/coral/com.amazonaws.lambda/"}).Draw(t, "type spelling")
	switch rapid.IntRange(0, 2).Draw(t, "type place") {
	case 0:
		r.header.Set("X-Amzn-Errortype", typ)
	case 1:
		body["code"] = typ
	default:
		body["__type"] = typ
	}
	r.body, _ = json.Marshal(body)
	return r, name
}

// writeStruct lays out a value of an output or error structure s in r:
// members bound to the status, headers or payload there, the rest in the
// JSON body. It returns the body object (nil with a payload).
func (m *model) writeStruct(t *rapid.T, r *response, s *shape, label string) map[string]any {
	body := map[string]any{}
	var payload []byte
	hasPayload := false
	for _, name := range sortedKeys(s.Members) {
		mem := s.Members[name]
		target := m.Shapes[mem.Target]
		present := has(mem, "smithy.api#required") || rapid.IntRange(0, 4).Draw(t, label+"."+name+" present") > 0
		switch {
		case has(mem, "smithy.api#httpResponseCode"):
			if present {
				r.status = rapid.IntRange(200, 299).Draw(t, label+"."+name)
			}
		case has(mem, "smithy.api#httpHeader"):
			h, _ := mem.trait("smithy.api#httpHeader")
			if present {
				r.header.Set(h, m.headerValue(t, mem, target, label+"."+name))
			}
		case has(mem, "smithy.api#httpPrefixHeaders"):
			prefix, _ := mem.trait("smithy.api#httpPrefixHeaders")
			for i := range rapid.IntRange(0, 3).Draw(t, label+"."+name+" size") {
				r.header.Set(prefix+"k"+strconv.Itoa(i), rapid.StringMatching(`[a-zA-Z0-9 ._-]*`).Draw(t, label+"."+name))
			}
		case has(mem, "smithy.api#httpPayload"):
			hasPayload = true
			if !present {
				continue
			}
			switch target.Type {
			case "blob":
				payload = rapid.SliceOf(rapid.Byte()).Draw(t, label+"."+name)
			case "string":
				payload = []byte(randomString.Draw(t, label+"."+name))
			default:
				payload, _ = json.Marshal(m.jsonValue(t, mem, label+"."+name, 0))
			}
		default:
			if present {
				key := name
				if n, ok := mem.trait("smithy.api#jsonName"); ok {
					key = n
				}
				body[key] = m.jsonValue(t, mem, label+"."+name, 0)
			}
		}
	}
	if hasPayload {
		r.body = payload
		return nil
	}
	// Members the model does not have are skipped.
	if rapid.Bool().Draw(t, label+" unknown member") {
		body["unmodeledMember"] = map[string]any{"a": []any{1, "x", nil, true}}
	}
	r.body, _ = json.Marshal(body)
	r.header.Set("Content-Type", "application/json")
	return body
}

func has(m *member, trait string) bool { _, ok := m.Traits[trait]; return ok }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// headerValue is a random header value of a header-bound member.
//
// Strings have no Unicode space at either end: the SDK trims it
// (strings.TrimSpace) where HTTP says only spaces and tabs are padding
// (RFC 9110 section 5.5), as this package reads them.
func (m *model) headerValue(t *rapid.T, mem *member, s *shape, label string) string {
	switch s.Type {
	case "string", "enum":
		v := m.scalar(t, mem, s, label).(string)
		return strings.TrimSpace(v)
	case "integer", "long", "short", "byte":
		return string(m.scalar(t, mem, s, label).(json.Number))
	case "boolean":
		return strconv.FormatBool(rapid.Bool().Draw(t, label))
	case "timestamp":
		return time.UnixMilli(rapid.Int64Range(0, 4102444800000).Draw(t, label)).UTC().Format(http.TimeFormat)
	}
	t.Fatalf("%s: no header value for %s", label, s.Type)
	return ""
}

// jsonValue is a random JSON value of the shape mem targets.
func (m *model) jsonValue(t *rapid.T, mem *member, label string, depth int) any {
	s := m.Shapes[mem.Target]
	if s == nil {
		s = &shape{Type: strings.ToLower(strings.TrimPrefix(mem.Target, "smithy.api#"))}
	}
	switch s.Type {
	case "structure":
		obj := map[string]any{}
		if depth > 4 {
			return obj
		}
		for _, name := range sortedKeys(s.Members) {
			if has(s.Members[name], "smithy.api#required") || rapid.IntRange(0, 3).Draw(t, label+"."+name+" present") > 0 {
				key := name
				if n, ok := s.Members[name].trait("smithy.api#jsonName"); ok {
					key = n
				}
				obj[key] = m.jsonValue(t, s.Members[name], label+"."+name, depth+1)
			}
		}
		return obj
	case "list", "set":
		items := []any{}
		if depth > 4 {
			return items
		}
		for i := range rapid.IntRange(0, 3).Draw(t, label+" length") {
			items = append(items, m.jsonValue(t, s.Member, label+"["+strconv.Itoa(i)+"]", depth+1))
		}
		return items
	case "map":
		obj := map[string]any{}
		if depth > 4 {
			return obj
		}
		for range rapid.IntRange(0, 3).Draw(t, label+" size") {
			k, _ := m.jsonValue(t, s.Key, label+" key", depth+1).(string)
			obj[k] = m.jsonValue(t, s.Value, label+"["+k+"]", depth+1)
		}
		return obj
	}
	return m.scalar(t, mem, s, label)
}

// scalar is a random JSON scalar of s.
func (m *model) scalar(t *rapid.T, mem *member, s *shape, label string) any {
	switch s.Type {
	case "string":
		if raw, ok := s.Traits["smithy.api#enum"]; ok {
			var vals []struct{ Value string }
			json.Unmarshal(raw, &vals)
			var names []string
			for _, v := range vals {
				names = append(names, v.Value)
			}
			return rapid.SampledFrom(append(names, "NotAValueYet")).Draw(t, label)
		}
		return randomString.Draw(t, label)
	case "enum":
		var values []string
		for _, name := range sortedKeys(s.Members) {
			v, ok := s.Members[name].trait("smithy.api#enumValue")
			if !ok {
				v = name
			}
			values = append(values, v)
		}
		return rapid.SampledFrom(append(values, "NotAValueYet")).Draw(t, label)
	case "boolean":
		return rapid.Bool().Draw(t, label)
	case "byte":
		return json.Number(strconv.Itoa(int(rapid.Int8().Draw(t, label))))
	case "short":
		return json.Number(strconv.Itoa(int(rapid.Int16().Draw(t, label))))
	case "integer":
		return json.Number(strconv.Itoa(int(rapid.Int32().Draw(t, label))))
	case "long":
		return json.Number(strconv.FormatInt(rapid.Int64().Draw(t, label), 10))
	case "double", "float":
		f := rapid.Float64().Draw(t, label)
		switch rapid.IntRange(0, 9).Draw(t, label+" special") {
		case 0:
			return "NaN"
		case 1:
			return "Infinity"
		case 2:
			return "-Infinity"
		}
		if s.Type == "float" {
			f = float64(float32(f))
			if math.IsInf(f, 0) {
				f = 1
			}
		}
		return f
	case "timestamp":
		ms := rapid.Int64Range(0, 4102444800000).Draw(t, label)
		return json.Number(strconv.FormatFloat(float64(ms)/1000, 'f', -1, 64))
	case "blob":
		return base64.StdEncoding.EncodeToString(rapid.SliceOf(rapid.Byte()).Draw(t, label))
	case "document":
		return map[string]any{"k": []any{1.5, "v", true, nil}}
	}
	t.Fatalf("%s: no JSON value for %s", label, s.Type)
	return nil
}
