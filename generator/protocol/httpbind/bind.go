package httpbind

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// The HTTP binding traits (smithy.io, "HTTP binding traits").
const (
	traitHTTP          smithy.ShapeID = "smithy.api#http"
	traitLabel         smithy.ShapeID = "smithy.api#httpLabel"
	traitQuery         smithy.ShapeID = "smithy.api#httpQuery"
	traitQueryParams   smithy.ShapeID = "smithy.api#httpQueryParams"
	traitHeader        smithy.ShapeID = "smithy.api#httpHeader"
	traitPrefixHeaders smithy.ShapeID = "smithy.api#httpPrefixHeaders"
	traitPayload       smithy.ShapeID = "smithy.api#httpPayload"
	traitResponseCode  smithy.ShapeID = "smithy.api#httpResponseCode"
	traitMediaType     smithy.ShapeID = "smithy.api#mediaType"
	traitRequiresLen   smithy.ShapeID = "smithy.api#requiresLength"
	traitChecksumReq   smithy.ShapeID = "smithy.api#httpChecksumRequired"
	// traitFlexibleChecksum asks for a checksum of the body, which the
	// codec's customization computes from the body held in memory.
	traitFlexibleChecksum smithy.ShapeID = "aws.protocols#httpChecksum"
)

// Location is where a member travels in an HTTP message.
type Location int

// The locations. Members bound to none are in the body: the document the
// protocol's codec writes.
const (
	Body          Location = iota
	Label                  // @httpLabel: a segment of the request path
	Query                  // @httpQuery: one query parameter, repeated for a list
	QueryParams            // @httpQueryParams: a map of query parameters
	Header                 // @httpHeader; a list is one comma-separated header
	PrefixHeaders          // @httpPrefixHeaders: a map of headers named prefix+key
	Payload                // @httpPayload: the whole body
	ResponseCode           // @httpResponseCode: the response's status code
)

func (l Location) String() string {
	return [...]string{"body", "label", "query", "query params", "header", "prefix headers", "payload", "response code"}[l]
}

// Binding is one member's place in a message.
type Binding struct {
	Field    *plan.Field
	Location Location
	// Name is the label's name, the query key, the header name (as the
	// model spells it) or the header prefix.
	Name string
}

// Message is the HTTP view of one structure: an operation's input (a
// request) or output, or an error (responses).
type Message struct {
	Struct *plan.Struct
	// Request reports an input, whose members can also go in the path and
	// the query; in responses those traits are ignored and the members go
	// in the body, as Smithy's binding index has it.
	Request  bool
	Bindings []Binding // one per field, in field order
	// Body are the members of the document body, in field order; empty
	// when nothing goes in a document (a payload member takes the body).
	Body []*plan.Field
	// Payload is the @httpPayload member, or nil.
	Payload *plan.Field
}

// Bind says where each member of st goes: in a request when st is an
// operation input, else in a response.
func Bind(st *plan.Struct) *Message {
	msg := &Message{Struct: st, Request: st.Role == plan.Input}
	for _, f := range st.Fields {
		b := Binding{Field: f, Location: Body}
		t := f.Member.Traits
		str := func(id smithy.ShapeID) string { n, _ := t.Get(id); return n.String() }
		switch {
		case msg.Request && t.Has(traitLabel):
			b.Location, b.Name = Label, f.Member.Name
		case msg.Request && t.Has(traitQuery):
			b.Location, b.Name = Query, str(traitQuery)
		case msg.Request && t.Has(traitQueryParams):
			b.Location = QueryParams
		case t.Has(traitHeader):
			b.Location, b.Name = Header, str(traitHeader)
		case t.Has(traitPrefixHeaders):
			b.Location, b.Name = PrefixHeaders, str(traitPrefixHeaders)
		case t.Has(traitPayload):
			b.Location = Payload
			msg.Payload = f
		case !msg.Request && t.Has(traitResponseCode):
			b.Location = ResponseCode
		default:
			msg.Body = append(msg.Body, f)
		}
		msg.Bindings = append(msg.Bindings, b)
	}
	return msg
}

// Of returns the bindings at loc, in field order.
func (m *Message) Of(loc Location) []Binding {
	var out []Binding
	for _, b := range m.Bindings {
		if b.Location == loc {
			out = append(out, b)
		}
	}
	return out
}

// Binding returns f's binding.
func (m *Message) Binding(f *plan.Field) Binding {
	for _, b := range m.Bindings {
		if b.Field == f {
			return b
		}
	}
	return Binding{Field: f}
}

// HasBody reports whether messages of this structure carry a document
// body: some member is unbound. (A payload member is the body itself.)
func (m *Message) HasBody() bool { return len(m.Body) > 0 }

// Route is an operation's @http trait: its method, the path pattern split
// into literal text and labels, and the literal query the pattern ends
// with, if any.
type Route struct {
	Method string
	// Segments, in order: literal text (already a valid escaped path) or a
	// label, which Segment.Label names.
	Segments []Segment
	// Query is the literal query of the pattern ("foo=bar&hello"), as
	// written there.
	Query string
	// Code is the trait's success status code (200 by default).
	Code int
}

// Segment is literal path text or one label.
type Segment struct {
	Literal string
	Label   string // the member's name, when a label
	Greedy  bool   // {name+}: keeps the value's '/'
}

// RouteOf reads op's @http trait.
func RouteOf(op *smithy.Shape) (Route, error) {
	n, ok := op.Traits.Get(traitHTTP)
	if !ok {
		return Route{}, fmt.Errorf("operation %s has no http trait", op.ID.Name())
	}
	method, _ := n.Get("method")
	uri, _ := n.Get("uri")
	r := Route{Method: method.String(), Code: http.StatusOK}
	if code, ok := n.Get("code"); ok {
		if c, ok := code.Int(); ok {
			r.Code = int(c)
		}
	}
	if r.Method == "" || !strings.HasPrefix(uri.String(), "/") {
		return Route{}, fmt.Errorf("operation %s: http trait wants a method and a uri starting with '/'", op.ID.Name())
	}
	path, query, _ := strings.Cut(uri.String(), "?")
	r.Query = query
	for path != "" {
		open := strings.IndexByte(path, '{')
		if open < 0 {
			r.Segments = append(r.Segments, Segment{Literal: path})
			break
		}
		if open > 0 {
			r.Segments = append(r.Segments, Segment{Literal: path[:open]})
		}
		end := strings.IndexByte(path[open:], '}')
		if end < 0 {
			return Route{}, fmt.Errorf("operation %s: unclosed label in uri %q", op.ID.Name(), uri.String())
		}
		name := path[open+1 : open+end]
		s := Segment{Label: strings.TrimSuffix(name, "+"), Greedy: strings.HasSuffix(name, "+")}
		if s.Label == "" {
			return Route{}, fmt.Errorf("operation %s: empty label in uri %q", op.ID.Name(), uri.String())
		}
		r.Segments = append(r.Segments, s)
		path = path[open+end+1:]
	}
	return r, nil
}

// Timestamp formats, as the runtime names them (runtime_time.go).
const (
	DateTime     = "timeDateTime"
	HTTPDate     = "timeHTTPDate"
	EpochSeconds = "timeEpochSeconds"
)

// TimeFormat is the runtime constant of a timestamp's format: the
// member's timestampFormat trait, else its target's, else def (the
// location's default: date-time in labels and query strings, http-date
// in headers; a codec has its own for bodies).
func TimeFormat(m *smithy.Member, target *smithy.Shape, def string) string {
	f, ok := m.Traits.TimestampFormat()
	if !ok {
		f, ok = target.Traits.TimestampFormat()
	}
	if !ok {
		return def
	}
	switch f {
	case "http-date":
		return HTTPDate
	case "epoch-seconds":
		return EpochSeconds
	}
	return DateTime
}

// MediaType is a shape's @mediaType, or "".
func MediaType(s *smithy.Shape) string {
	n, _ := s.Traits.Get(traitMediaType)
	return n.String()
}

// payloadMediaType is the Content-Type a blob, string or enum payload
// sends: its @mediaType, else the Smithy default for its kind.
func payloadMediaType(f *plan.Field) string {
	if mt := MediaType(f.Type.Shape); mt != "" {
		return mt
	}
	if f.Type.Kind == plan.BlobKind || f.Type.Kind == plan.StreamKind {
		return "application/octet-stream"
	}
	return "text/plain"
}

// Supports says why op's bindings cannot be carried, or "" when they can:
// it checks what the generated code relies on and Smithy's validators
// already require of a valid model.
func Supports(op *plan.Operation) string {
	route, err := RouteOf(op.Shape)
	if err != nil {
		return err.Error()
	}
	in := Bind(op.Input)
	for _, s := range route.Segments {
		if s.Label == "" {
			continue
		}
		found := false
		for _, b := range in.Of(Label) {
			found = found || b.Name == s.Label
		}
		if !found {
			return "uri label {" + s.Label + "} names no input member with the httpLabel trait"
		}
	}
	for _, msg := range []*Message{in, Bind(op.Output)} {
		for _, b := range msg.Bindings {
			if why := supported(b); why != "" {
				return fmt.Sprintf("member %s (%s): %s", b.Field.Member.Name, b.Location, why)
			}
		}
	}
	for _, e := range op.Errors {
		for _, b := range Bind(e).Bindings {
			if why := supported(b); why != "" {
				return fmt.Sprintf("error %s member %s (%s): %s", e.Name, b.Field.Member.Name, b.Location, why)
			}
		}
	}
	return ""
}

func supported(b Binding) string {
	t := b.Field.Type
	scalar := func(t *plan.Type) bool {
		switch t.Kind {
		case plan.StringKind, plan.EnumKind, plan.BoolKind, plan.Int8Kind, plan.Int16Kind, plan.Int32Kind,
			plan.Int64Kind, plan.IntEnumKind, plan.Float32Kind, plan.Float64Kind, plan.TimeKind:
			return true
		}
		return false
	}
	switch b.Location {
	case Body:
		if t.Kind == plan.StreamKind {
			return "a streaming blob must be the payload"
		}
	case Label:
		if !scalar(t) {
			return "a label must be a string, number, boolean or timestamp"
		}
	case Query, Header:
		if !scalar(t) && !(t.Kind == plan.ListKind && scalar(t.Elem)) {
			return "must be a string, number, boolean, timestamp or a list of them"
		}
		if b.Location == Header && t.ElemPointer {
			return "a header list cannot hold nulls"
		}
	case QueryParams:
		if t.Kind != plan.MapKind || t.ElemPointer || !stringish(t.Elem) && !(t.Elem.Kind == plan.ListKind && !t.Elem.ElemPointer && stringish(t.Elem.Elem)) {
			return "must be a map of strings or of string lists"
		}
	case PrefixHeaders:
		if t.Kind != plan.MapKind || t.ElemPointer || t.Elem.Kind != plan.StringKind {
			return "must be a map of strings"
		}
	case ResponseCode:
		if !t.IsInteger() || t.Kind == plan.IntEnumKind {
			return "must be an integer"
		}
	}
	return ""
}

func stringish(t *plan.Type) bool { return t.Kind == plan.StringKind || t.Kind == plan.EnumKind }
