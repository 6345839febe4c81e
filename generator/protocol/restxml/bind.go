package restxml

// The HTTP binding traits, read from the model: where each member of an
// input, output or error goes in the HTTP message. A local stand-in until
// the shared binding layer (generator/protocol/httpbind, built for
// restJson1) lands; it reads only what restXml needs.

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// The binding traits.
const (
	traitHTTP         smithy.ShapeID = "smithy.api#http"
	traitLabel        smithy.ShapeID = "smithy.api#httpLabel"
	traitQuery        smithy.ShapeID = "smithy.api#httpQuery"
	traitQueryParams  smithy.ShapeID = "smithy.api#httpQueryParams"
	traitHeader       smithy.ShapeID = "smithy.api#httpHeader"
	traitPrefix       smithy.ShapeID = "smithy.api#httpPrefixHeaders"
	traitPayload      smithy.ShapeID = "smithy.api#httpPayload"
	traitResponseCode smithy.ShapeID = "smithy.api#httpResponseCode"
	traitMediaType    smithy.ShapeID = "smithy.api#mediaType"
	traitHTTPError    smithy.ShapeID = "smithy.api#httpError"
)

// location is where a member is bound.
type location int

const (
	inBody location = iota
	inLabel
	inQuery
	inQueryParams
	inHeader
	inPrefixHeaders
	inPayload
	inResponseCode
)

// binding is one member's place in the message: its location and, for
// queries and headers, the name there (a header's canonical form).
type binding struct {
	field *plan.Field
	loc   location
	name  string
}

// bindingOf reads a member's binding trait.
func bindingOf(f *plan.Field) binding {
	t := f.Member.Traits
	b := binding{field: f}
	str := func(id smithy.ShapeID) string { n, _ := t.Get(id); return n.String() }
	switch {
	case t.Has(traitLabel):
		b.loc = inLabel
	case t.Has(traitQuery):
		b.loc, b.name = inQuery, str(traitQuery)
	case t.Has(traitQueryParams):
		b.loc = inQueryParams
	case t.Has(traitHeader):
		b.loc, b.name = inHeader, http.CanonicalHeaderKey(str(traitHeader))
	case t.Has(traitPrefix):
		b.loc, b.name = inPrefixHeaders, str(traitPrefix)
	case t.Has(traitPayload):
		b.loc = inPayload
	case t.Has(traitResponseCode):
		b.loc = inResponseCode
	}
	return b
}

// message is a structure's members by where they go.
type message struct {
	body    []*plan.Field // unbound members: the XML document's children
	payload *plan.Field   // the @httpPayload member, if any
	bound   []binding     // members bound to the URI, query, headers or status
}

// split sorts a structure's members by binding, for the direction given:
// in a response, only headers, the status code and the payload are bound
// (labels and query parameters there are body members, as the SDK reads
// them).
func split(fields []*plan.Field, request bool) message {
	var m message
	for _, f := range fields {
		b := bindingOf(f)
		switch {
		case b.loc == inPayload:
			m.payload = f
		case b.loc == inBody,
			!request && (b.loc == inLabel || b.loc == inQuery || b.loc == inQueryParams),
			request && b.loc == inResponseCode:
			m.body = append(m.body, f)
		default:
			m.bound = append(m.bound, b)
		}
	}
	return m
}

// route is an operation's @http trait: method, the path's segments and the
// constant query the URI pattern gives.
type route struct {
	method   string
	segments []segment
	query    []constQuery
}

// segment is a path segment: literal text, or a label.
type segment struct {
	literal string
	label   *plan.Field
	greedy  bool
}

// constQuery is a key=value (or bare key) pair written into the URI pattern.
type constQuery struct {
	key, value string
	hasValue   bool
}

// routeOf reads op's @http trait. dropBucket leaves out a leading {Bucket}
// segment: S3's endpoints carry the bucket (in the host or the path), as
// the AWS SDK's endpoint rules resolve it.
func routeOf(op *plan.Operation, dropBucket bool) (route, error) {
	n, ok := op.Shape.Traits.Get(traitHTTP)
	if !ok {
		return route{}, fmt.Errorf("operation %s has no @http trait", op.Shape.ID)
	}
	method, _ := n.Get("method")
	uri, _ := n.Get("uri")
	r := route{method: strings.ToUpper(method.String())}
	path, rawQuery, _ := strings.Cut(uri.String(), "?")
	if dropBucket && (path == "/{Bucket}" || strings.HasPrefix(path, "/{Bucket}/")) {
		path = "/" + strings.TrimPrefix(strings.TrimPrefix(path, "/{Bucket}"), "/")
	}
	for _, part := range strings.Split(strings.TrimPrefix(path, "/"), "/") {
		// Each segment is "/" then a literal or a whole {label}.
		r.segments = append(r.segments, segment{literal: "/"})
		if strings.HasPrefix(part, "{") && strings.HasSuffix(part, "}") {
			name := part[1 : len(part)-1]
			greedy := strings.HasSuffix(name, "+")
			name = strings.TrimSuffix(name, "+")
			var label *plan.Field
			for _, f := range op.Input.Fields {
				if f.Member.Name == name {
					label = f
				}
			}
			if label == nil {
				return route{}, fmt.Errorf("operation %s: URI label {%s} names no input member", op.Shape.ID, name)
			}
			r.segments = append(r.segments, segment{label: label, greedy: greedy})
			continue
		}
		r.segments = append(r.segments, segment{literal: part})
	}
	if rawQuery != "" {
		for _, kv := range strings.Split(rawQuery, "&") {
			k, v, has := strings.Cut(kv, "=")
			r.query = append(r.query, constQuery{k, v, has})
		}
	}
	return r, nil
}

// mediaType is the @mediaType of a member's target, or "".
func mediaType(f *plan.Field) string {
	n, ok := f.Type.Shape.Traits.Get(traitMediaType)
	if !ok {
		return ""
	}
	return n.String()
}

// headerTimeFormat is the runtime constant for a timestamp in a header,
// label or query: http-date is a header's default, date-time the others'.
func headerTimeFormat(m *smithy.Member, target *smithy.Shape, header bool) string {
	f, ok := m.Traits.TimestampFormat()
	if !ok {
		f, ok = target.Traits.TimestampFormat()
	}
	if !ok && header {
		f = "http-date"
	}
	switch f {
	case "http-date":
		return "timeHTTPDate"
	case "epoch-seconds":
		return "timeEpochSeconds"
	}
	return "timeDateTime"
}
