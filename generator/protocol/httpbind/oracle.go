package httpbind

import (
	"bytes"
	"crypto/md5"
	"encoding/base64"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/sample"
)

// The oracle: the HTTP message a sample value must become, computed a
// second way, apart from the generated code, for golden tests. Paths and
// query strings are escaped byte by byte from RFC 3986's unreserved set,
// numbers and times formatted with strconv and time, and bodies come from
// the protocol's own BodyOracle (encoding/json, encoding/xml).

// BodyOracle writes document bodies and payloads the independent way.
type BodyOracle interface {
	// MediaType is the Content-Type of documents (Codec.MediaType).
	MediaType() string
	// Document returns the document body holding v, a value of
	// msg.Struct whose fields are the body members that are set.
	Document(msg *Message, v *sample.Value) ([]byte, error)
	// Payload returns the body of a structure, union or document payload
	// member f holding v; v is nil when the member is unset, and a nil
	// result is no body at all.
	Payload(msg *Message, f *plan.Field, v *sample.Value) ([]byte, error)
}

// Golden is an HTTP request or response as golden files and tests hold
// it. Header names are as Go's http.Header keys them.
type Golden struct {
	Method string // requests: the method, and URL the full URL
	URL    string
	Status int // responses
	Header [][2]string
	Body   []byte
}

// Add adds a header line.
func (g *Golden) Add(name, value string) {
	g.Header = append(g.Header, [2]string{http.CanonicalHeaderKey(name), value})
}

// Get returns a header's first value, or "".
func (g *Golden) Get(name string) string {
	name = http.CanonicalHeaderKey(name)
	for _, h := range g.Header {
		if h[0] == name {
			return h[1]
		}
	}
	return ""
}

// Set replaces every value of a header with value.
func (g *Golden) Set(name, value string) {
	name = http.CanonicalHeaderKey(name)
	g.Header = slices.DeleteFunc(g.Header, func(h [2]string) bool { return h[0] == name })
	g.Add(name, value)
}

// BodyMD5 stands for the Content-MD5 of a document body in golden files:
// the document's bytes are the codec's, which the oracle does not know
// (key order, spacing), so the check computes it from the body sent.
const BodyMD5 = "{md5 of the body}"

// File is a golden request file: '#' comment lines, the request line
// (method and URL), header lines sorted by name, a blank line, the body
// as sent (uncompressed). runtime_resttest_test.go reads it.
func (g *Golden) File(comment string) []byte {
	var b bytes.Buffer
	for _, line := range strings.Split(comment, "\n") {
		b.WriteString("# " + line + "\n")
	}
	b.WriteString(g.Method + " " + g.URL + "\n")
	hs := slices.Clone(g.Header)
	sort.SliceStable(hs, func(i, j int) bool { return hs[i][0] < hs[j][0] })
	for _, h := range hs {
		b.WriteString(h[0] + ": " + h[1] + "\n")
	}
	b.WriteString("\n")
	b.Write(g.Body)
	return b.Bytes()
}

// Response is the golden response as the test emitter takes it.
func (g *Golden) Response() emit.Response {
	return emit.Response{Status: g.Status, Header: g.Header, Body: g.Body}
}

// GoldenRequest is the request that sends in to endpoint (scheme and host,
// such as "https://example.com").
func GoldenRequest(op *plan.Operation, in *sample.Value, endpoint string, bodies BodyOracle) (*Golden, error) {
	route, err := RouteOf(op.Shape)
	if err != nil {
		return nil, err
	}
	msg := Bind(op.Input)
	set := map[*plan.Field]*sample.Value{}
	for _, fv := range in.Fields {
		set[fv.Field] = fv.Value
	}
	g := &Golden{Method: route.Method}

	host := strings.TrimPrefix(strings.TrimPrefix(endpoint, "https://"), "http://")
	scheme := strings.TrimSuffix(endpoint, host)
	if prefix, ok := op.Shape.Traits.HostPrefix(); ok {
		for _, f := range op.Input.Fields {
			if v := set[f]; v != nil {
				prefix = strings.ReplaceAll(prefix, "{"+f.Member.Name+"}", v.Str)
			}
		}
		host = prefix + host
	}
	var path strings.Builder
	for _, s := range route.Segments {
		if s.Label == "" {
			path.WriteString(s.Literal)
			continue
		}
		for _, b := range msg.Of(Label) {
			if b.Name == s.Label {
				v := set[b.Field]
				if v == nil {
					return nil, fmt.Errorf("label %s is unset", s.Label)
				}
				path.WriteString(escape(text(v, b.Field, DateTime), s.Greedy))
			}
		}
	}
	var query []string
	if route.Query != "" {
		query = strings.Split(route.Query, "&")
	}
	keys := map[string]bool{}
	for _, b := range msg.Of(Query) {
		v := set[b.Field]
		if v == nil {
			continue
		}
		keys[b.Name] = true
		for _, x := range items(v) {
			query = append(query, escape(b.Name, false)+"="+escape(text(x, b.Field, DateTime), false))
		}
	}
	for _, b := range msg.Of(QueryParams) {
		v := set[b.Field]
		if v == nil {
			continue
		}
		for _, e := range v.Entries { // sorted by key
			if keys[e.Key] {
				continue // @httpQuery wins
			}
			for _, x := range items(e.Value) {
				query = append(query, escape(e.Key, false)+"="+escape(x.Str, false))
			}
		}
	}
	g.URL = scheme + host + path.String()
	if len(query) > 0 {
		g.URL += "?" + strings.Join(query, "&")
	}

	headers(g, msg, set)
	body, mediaType, err := messageBody(msg, in, set, bodies)
	if err != nil {
		return nil, err
	}
	raw := mediaType != bodies.MediaType()
	if p := msg.Payload; p != nil && (p.Type.Kind == plan.BlobKind || p.Type.Kind == plan.StreamKind || p.Type.Kind == plan.StringKind || p.Type.Kind == plan.EnumKind) {
		// As the AWS SDK has it, an unset payload of these kinds still
		// says what it would be.
		if g.Get("Content-Type") == "" {
			g.Add("Content-Type", payloadMediaType(p))
		}
	}
	if body != nil {
		if g.Get("Content-Type") == "" && mediaType != "" {
			g.Add("Content-Type", mediaType)
		}
		if len(body) > 0 && raw {
			// A document's length is the codec's; raw payloads are exact.
			g.Add("Content-Length", strconv.Itoa(len(body)))
		}
		g.Body = body
		enc, _ := op.Shape.Traits.RequestCompression()
		if slices.Contains(enc, "gzip") {
			if cur := g.Get("Content-Encoding"); cur != "" {
				g.Set("Content-Encoding", cur+", gzip")
			} else {
				g.Add("Content-Encoding", "gzip")
			}
		}
	}
	if op.Shape.Traits.Has(traitChecksumReq) && g.Get("Content-Md5") == "" && (msg.Payload == nil || msg.Payload.Type.Kind != plan.StreamKind) {
		// A stream is not read to hash it; no body hashes as empty.
		if raw {
			g.Add("Content-Md5", contentMD5(body))
		} else {
			g.Add("Content-Md5", BodyMD5)
		}
	}
	for _, f := range op.Input.Fields {
		if f.Member.Traits.IdempotencyToken() && set[f] == nil {
			return nil, fmt.Errorf("idempotency token %s is unset in the sample", f.Name)
		}
	}
	return g, nil
}

// GoldenResponse is a response carrying out with the given request ID.
// Where the wire cannot carry a sample value exactly, out is changed to
// what decoding gives: prefix header keys come back lower case, as Go
// and the AWS SDK key them.
func GoldenResponse(op *plan.Operation, out *sample.Value, requestIDHeader, requestID string, bodies BodyOracle) (*Golden, error) {
	route, err := RouteOf(op.Shape)
	if err != nil {
		return nil, err
	}
	msg := Bind(op.Output)
	set := map[*plan.Field]*sample.Value{}
	for _, fv := range out.Fields {
		set[fv.Field] = fv.Value
	}
	g := &Golden{Status: route.Code}
	for _, b := range msg.Of(ResponseCode) {
		if v := set[b.Field]; v != nil {
			g.Status = int(v.Int)
		}
	}
	headers(g, msg, set)
	if requestIDHeader != "" {
		g.Add(requestIDHeader, requestID)
	}
	if f := msg.Payload; f != nil && f.Type.Kind == plan.StreamKind {
		// Samples hold no streams: the response carries one, which out
		// then holds too.
		v := &sample.Value{Type: f.Type, Bytes: []byte("the " + op.Name + " stream")}
		out.Fields = append(out.Fields, sample.FieldValue{Field: f, Value: v})
		set[f] = v
	}
	body, mediaType, err := messageBody(msg, out, set, bodies)
	if err != nil {
		return nil, err
	}
	if body != nil && mediaType != "" && g.Get("Content-Type") == "" {
		g.Add("Content-Type", mediaType)
	}
	g.Body = body
	for _, b := range msg.Of(PrefixHeaders) {
		prefixed(g, out, b)
	}
	return g, nil
}

// prefixed sets a prefix headers member of out to what decoding the
// response gives: every header whose name starts with the prefix, in any
// case (with an empty prefix, every header), keyed by the rest of its name
// in lower case, as Go and the AWS SDK key them; unset when none match.
func prefixed(g *Golden, out *sample.Value, b Binding) {
	t := b.Field.Type
	v := &sample.Value{Type: t}
	for _, h := range g.Header {
		if len(h[0]) >= len(b.Name) && strings.EqualFold(h[0][:len(b.Name)], b.Name) {
			key := strings.ToLower(h[0][len(b.Name):])
			v.Entries = slices.DeleteFunc(v.Entries, func(e sample.Entry) bool { return e.Key == key })
			v.Entries = append(v.Entries, sample.Entry{Key: key, Value: &sample.Value{Type: t.Elem, Str: h[1]}})
		}
	}
	sort.Slice(v.Entries, func(i, j int) bool { return v.Entries[i].Key < v.Entries[j].Key })
	out.Fields = slices.DeleteFunc(out.Fields, func(fv sample.FieldValue) bool { return fv.Field == b.Field })
	if len(v.Entries) > 0 {
		out.Fields = append(out.Fields, sample.FieldValue{Field: b.Field, Value: v})
	}
}

// headers adds the members bound to headers; prefix maps first, so that
// members bound to one header win.
func headers(g *Golden, msg *Message, set map[*plan.Field]*sample.Value) {
	for _, b := range msg.Of(PrefixHeaders) {
		if v := set[b.Field]; v != nil {
			for _, e := range v.Entries {
				g.Set(b.Name+e.Key, e.Value.Str)
			}
		}
	}
	for _, b := range msg.Of(Header) {
		v := set[b.Field]
		if v == nil {
			continue
		}
		f := b.Field
		if f.Type.Kind != plan.ListKind {
			s := text(v, f, HTTPDate)
			if f.Type.Kind == plan.StringKind && MediaType(f.Type.Shape) != "" {
				s = base64.StdEncoding.EncodeToString([]byte(s))
			}
			g.Set(b.Name, s)
			continue
		}
		var parts []string
		for _, x := range v.Items {
			s := text(x, f, HTTPDate)
			if x.Type.Kind == plan.StringKind || x.Type.Kind == plan.EnumKind {
				s = quoteElement(s)
			}
			parts = append(parts, s)
		}
		g.Set(b.Name, strings.Join(parts, ", "))
	}
}

// quoteElement quotes a list element that would not survive splitting
// the header on commas and trimming (RFC 7230's quoted-string).
func quoteElement(s string) string {
	if s != "" && !strings.ContainsAny(s, `,"`) && strings.TrimSpace(s) == s {
		return s
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// messageBody is the body of a message and its media type; nil for none.
func messageBody(msg *Message, v *sample.Value, set map[*plan.Field]*sample.Value, bodies BodyOracle) ([]byte, string, error) {
	if f := msg.Payload; f != nil {
		p := set[f]
		switch f.Type.Kind {
		case plan.StreamKind:
			if p == nil {
				return nil, "", nil
			}
			return append([]byte{}, p.Bytes...), payloadMediaType(f), nil
		case plan.BlobKind:
			if p == nil {
				return nil, "", nil
			}
			return append([]byte{}, p.Bytes...), payloadMediaType(f), nil
		case plan.StringKind, plan.EnumKind:
			if p == nil || p.Str == "" && f.Type.Kind == plan.EnumKind {
				return nil, "", nil
			}
			return []byte(p.Str), payloadMediaType(f), nil
		}
		b, err := bodies.Payload(msg, f, p)
		return b, bodies.MediaType(), err
	}
	if !msg.HasBody() {
		return nil, "", nil
	}
	doc := &sample.Value{Type: v.Type}
	for _, fv := range v.Fields {
		if slices.Contains(msg.Body, fv.Field) {
			doc.Fields = append(doc.Fields, fv)
		}
	}
	b, err := bodies.Document(msg, doc)
	return b, bodies.MediaType(), err
}

// items are a list's elements, or the value itself.
func items(v *sample.Value) []*sample.Value {
	if v.Type.Kind == plan.ListKind {
		return slices.DeleteFunc(slices.Clone(v.Items), func(x *sample.Value) bool { return x == nil })
	}
	return []*sample.Value{v}
}

// text spells a scalar for the path, query or a header; def is the
// location's default timestamp format.
func text(v *sample.Value, f *plan.Field, def string) string {
	t := v.Type
	switch t.Kind {
	case plan.StringKind, plan.EnumKind:
		return v.Str
	case plan.BoolKind:
		return strconv.FormatBool(v.Bool)
	case plan.Float32Kind, plan.Float64Kind:
		return v.FloatText('f')
	case plan.TimeKind:
		m := f.Member
		if f.Type.Kind == plan.ListKind {
			m = f.Type.Member
		}
		switch TimeFormat(m, t.Shape, def) {
		case HTTPDate:
			return sample.FormatTime(v.Time, "http-date")
		case EpochSeconds:
			return sample.FormatTime(v.Time, "epoch-seconds")
		}
		return sample.FormatTime(v.Time, "date-time")
	case plan.BlobKind:
		return base64.StdEncoding.EncodeToString(v.Bytes)
	}
	return strconv.FormatInt(v.Int, 10)
}

// escape percent-encodes every byte but RFC 3986's unreserved characters
// (and '/' in a greedy label), in upper-case hex.
func escape(s string, keepSlash bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", c) >= 0 || keepSlash && c == '/' {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// contentMD5 is the Content-MD5 value of a body.
func contentMD5(b []byte) string {
	sum := md5.Sum(b)
	return base64.StdEncoding.EncodeToString(sum[:])
}
