package restxml

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol/xmlbody"
	"github.com/smithy2go/smithy2go/generator/sample"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// The oracle: what the generated code must send and read for a sample
// value, computed a second, independent way. URIs are escaped by net/url,
// XML is written by encoding/xml's encoder, header lists are joined as
// RFC 7230 says. Golden files come from here, never from the generated
// code under test.
//
// A golden request is an HTTP message in text:
//
//	# comment lines
//	PUT /path?query
//	Header-Name: value
//
//	body
//
// with the headers in name order; the test helper (checkRESTXMLRequest,
// in templates/runtime_restxmltest_test.go) compares query parameters and
// headers as sets and XML bodies as trees.

// oracle computes for one service.
type oracle struct {
	svc      *smithy.Shape
	s3       bool
	noWrap   bool
	reqIDKey string
}

func newOracle(op *plan.Operation) oracle {
	svc := op.Service()
	o := oracle{svc: svc, s3: isS3(svc), noWrap: noErrorWrapping(svc), reqIDKey: "X-Amzn-Requestid"}
	if o.s3 {
		o.reqIDKey = "X-Amz-Request-Id"
	}
	return o
}

func goldenRequest(op *plan.Operation, in *sample.Value, comment string) ([]byte, error) {
	o := newOracle(op)
	method, target, header, body, err := o.request(op, in)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	for _, line := range strings.Split(comment, "\n") {
		b.WriteString("# " + line + "\n")
	}
	b.WriteString(method + " " + target + "\n")
	for _, k := range sortedKeys(header) {
		b.WriteString(k + ": " + header[k] + "\n")
	}
	b.WriteString("\n")
	b.Write(body)
	return b.Bytes(), nil
}

func sortedKeys(h map[string]string) []string {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// escape percent-encodes all but RFC 3986's unreserved characters.
func escape(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}

// fieldValue finds a member's value in a structure sample, or nil.
func fieldValue(v *sample.Value, f *plan.Field) *sample.Value {
	for _, fv := range v.Fields {
		if fv.Field == f {
			return fv.Value
		}
	}
	return nil
}

// text spells a scalar in a URI or header; timestamps in format.
func text(v *sample.Value, m *smithy.Member, format string) string {
	return xmlbody.ScalarText(v, m, func(t time.Time, _ string) string { return xmlbody.FormatTime(t, format) })
}

// timeFormat is the format a bound member's timestamps take: the member's
// or target's trait, else http-date in headers and date-time elsewhere.
func timeFormat(m, listMember *smithy.Member, target *smithy.Shape, header bool) string {
	for _, t := range []*smithy.Member{m, listMember} {
		if t == nil {
			continue
		}
		if f, ok := t.Traits.TimestampFormat(); ok {
			return f
		}
	}
	if target != nil {
		if f, ok := target.Traits.TimestampFormat(); ok {
			return f
		}
	}
	if header {
		return "http-date"
	}
	return "date-time"
}

func (o oracle) request(op *plan.Operation, in *sample.Value) (method, target string, header map[string]string, body []byte, err error) {
	r, err := routeOf(op, o.s3)
	if err != nil {
		return "", "", nil, nil, err
	}
	var path strings.Builder
	for _, seg := range r.segments {
		if seg.label == nil {
			path.WriteString(seg.literal)
			continue
		}
		v := fieldValue(in, seg.label)
		s := ""
		if v != nil {
			s = text(v, seg.label.Member, timeFormat(seg.label.Member, nil, v.Type.Shape, false))
		}
		if seg.greedy {
			parts := strings.Split(s, "/")
			for i := range parts {
				parts[i] = escape(parts[i])
			}
			path.WriteString(strings.Join(parts, "/"))
		} else {
			path.WriteString(escape(s))
		}
	}
	var query []string
	have := map[string]bool{}
	for _, c := range r.query {
		if c.hasValue {
			query = append(query, c.key+"="+c.value)
		} else {
			query = append(query, c.key)
		}
	}
	msg := split(in.Type.Struct.Fields, true)
	header = map[string]string{}
	for _, b := range msg.bound {
		v := fieldValue(in, b.field)
		if v == nil {
			continue
		}
		switch b.loc {
		case inQuery:
			items := []*sample.Value{v}
			var lm *smithy.Member
			if v.Type.Kind == plan.ListKind {
				items, lm = v.Items, v.Type.Member
			}
			for _, it := range items {
				query = append(query, escape(b.name)+"="+escape(text(it, b.field.Member, timeFormat(b.field.Member, lm, it.Type.Shape, false))))
			}
			have[b.name] = true
		case inHeader:
			header[b.name] = headerText(b.field, v)
		case inPrefixHeaders:
			for _, e := range v.Entries {
				header[http.CanonicalHeaderKey(b.name+e.Key)] = e.Value.Str
			}
		}
	}
	// Maps of query parameters come after, and do not replace, @httpQuery.
	for _, b := range msg.bound {
		v := fieldValue(in, b.field)
		if b.loc != inQueryParams || v == nil {
			continue
		}
		for _, e := range v.Entries {
			if have[e.Key] {
				continue
			}
			vals := []*sample.Value{e.Value}
			if e.Value.Type.Kind == plan.ListKind {
				vals = e.Value.Items
			}
			for _, x := range vals {
				query = append(query, escape(e.Key)+"="+escape(x.Str))
			}
		}
	}
	target = path.String()
	if len(query) > 0 {
		target += "?" + strings.Join(query, "&")
	}
	body, ct, err := o.requestBody(op, in, msg)
	if err != nil {
		return "", "", nil, nil, err
	}
	if ct != "" {
		if _, set := header["Content-Type"]; !set {
			header["Content-Type"] = ct
		}
	}
	if enc, _ := op.Shape.Traits.RequestCompression(); len(enc) > 0 && body != nil {
		for _, e := range enc {
			if e == "gzip" {
				if c := header["Content-Encoding"]; c != "" {
					header["Content-Encoding"] = c + ", gzip"
				} else {
					header["Content-Encoding"] = "gzip"
				}
			}
		}
	}
	return r.method, target, header, body, nil
}

// headerText is a header's value: list elements joined by ", ", strings
// quoted where a comma, quote or the white space at their ends would not
// survive the split (RFC 7230 quoted-string); @mediaType strings base64.
func headerText(f *plan.Field, v *sample.Value) string {
	if v.Type.Kind != plan.ListKind {
		s := text(v, f.Member, timeFormat(f.Member, nil, v.Type.Shape, true))
		if v.Type.Kind == plan.StringKind && mediaType(f) != "" {
			s = base64.StdEncoding.EncodeToString([]byte(s))
		}
		return s
	}
	var parts []string
	for _, it := range v.Items {
		if it == nil {
			continue
		}
		s := text(it, f.Member, timeFormat(f.Member, v.Type.Member, it.Type.Shape, true))
		if it.Type.Kind == plan.StringKind || it.Type.Kind == plan.EnumKind {
			if s == "" || strings.ContainsAny(s, `,"`) || strings.TrimSpace(s) != s {
				s = strconv.Quote(s)
			}
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

// requestBody is the body and its default Content-Type.
func (o oracle) requestBody(op *plan.Operation, in *sample.Value, msg message) ([]byte, string, error) {
	svc := o.svc.Traits
	if p := msg.payload; p != nil {
		ct := mediaType(p)
		v := fieldValue(in, p)
		switch p.Type.Kind {
		case plan.BlobKind, plan.StringKind, plan.EnumKind:
			if ct == "" {
				ct = "text/plain"
				if p.Type.Kind == plan.BlobKind {
					ct = "application/octet-stream"
				}
			}
			if v == nil {
				return nil, ct, nil
			}
			if p.Type.Kind == plan.BlobKind {
				return v.Bytes, ct, nil
			}
			return []byte(v.Str), ct, nil
		}
		if v == nil {
			return nil, "", nil
		}
		name, attrs := payloadRoot(p, svc)
		b, err := document(name, attrs, v, p.Member)
		return b, "application/xml", err
	}
	if len(msg.body) == 0 {
		return nil, "", nil
	}
	var fields []sample.FieldValue
	for _, fv := range in.Fields {
		for _, f := range msg.body {
			if fv.Field == f {
				fields = append(fields, fv)
			}
		}
	}
	name, attrs := bodyRoot(in.Type.Struct, svc)
	b, err := document(name, attrs, &sample.Value{Type: in.Type, Fields: fields}, nil)
	return b, "application/xml", err
}

// document writes v as an XML document whose root element is name, with
// attrs (constant attribute text, such as a namespace declaration).
func document(name, attrs string, v *sample.Value, m *smithy.Member) ([]byte, error) {
	var b bytes.Buffer
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := (&xmlWriter{enc: enc}).element(name, parseAttrs(attrs), v, m); err != nil {
		return nil, err
	}
	if err := enc.Flush(); err != nil {
		return nil, err
	}
	b.WriteString("\n")
	return b.Bytes(), nil
}

// parseAttrs reads constant attribute text back into attributes.
func parseAttrs(s string) []xml.Attr {
	if s == "" {
		return nil
	}
	var out []xml.Attr
	d := xml.NewDecoder(strings.NewReader("<x" + s + "/>"))
	tok, _ := d.RawToken()
	if st, ok := tok.(xml.StartElement); ok {
		for _, a := range st.Attr {
			out = append(out, xml.Attr{Name: xml.Name{Local: qualified(a.Name)}, Value: a.Value})
		}
	}
	return out
}

func qualified(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

type xmlWriter struct{ enc *xml.Encoder }

// inModelOrder sorts a structure's member values as the model lists the
// members: the SDK writes elements in that order.
func inModelOrder(st *plan.Struct, fields []sample.FieldValue) []sample.FieldValue {
	index := map[*smithy.Member]int{}
	for i, m := range st.Shape.Members {
		index[m] = i
	}
	out := slices.Clone(fields)
	sort.SliceStable(out, func(i, j int) bool { return index[out[i].Field.Member] < index[out[j].Field.Member] })
	return out
}

func ns(t smithy.Traits) []xml.Attr {
	n, ok := t.XMLNamespace()
	if !ok {
		return nil
	}
	name := "xmlns"
	if n.Prefix != "" {
		name += ":" + n.Prefix
	}
	return []xml.Attr{{Name: xml.Name{Local: name}, Value: n.URI}}
}

// element writes one element called name holding v (held by member m).
func (w *xmlWriter) element(name string, attrs []xml.Attr, v *sample.Value, m *smithy.Member) error {
	t := v.Type
	start := xml.StartElement{Name: xml.Name{Local: name}, Attr: attrs}
	switch t.Kind {
	case plan.StructKind:
		fields := inModelOrder(t.Struct, v.Fields)
		for _, fv := range fields {
			if fv.Field.Member.Traits.XMLAttribute() {
				fm := fv.Field.Member
				start.Attr = append(start.Attr, xml.Attr{Name: xml.Name{Local: xmlbody.Name(fm)},
					Value: text(fv.Value, fm, timeFormat(fm, nil, fv.Value.Type.Shape, false))})
			}
		}
		if err := w.enc.EncodeToken(start); err != nil {
			return err
		}
		for _, fv := range fields {
			if !fv.Field.Member.Traits.XMLAttribute() {
				if err := w.member(fv.Field.Member, fv.Value); err != nil {
					return err
				}
			}
		}
	case plan.UnionKind:
		if err := w.enc.EncodeToken(start); err != nil {
			return err
		}
		inner := v.Inner
		if inner == nil {
			inner = &sample.Value{Type: v.Variant.Field.Type}
		}
		if err := w.member(v.Variant.Field.Member, inner); err != nil {
			return err
		}
	case plan.ListKind:
		if err := w.enc.EncodeToken(start); err != nil {
			return err
		}
		if err := w.items(xmlbody.ListItemName(t), ns(t.Member.Traits), v); err != nil {
			return err
		}
	case plan.MapKind:
		if err := w.enc.EncodeToken(start); err != nil {
			return err
		}
		if err := w.entries("entry", nil, v); err != nil {
			return err
		}
	default:
		if err := w.enc.EncodeToken(start); err != nil {
			return err
		}
		s := text(v, m, timeFormat(m, nil, t.Shape, false))
		if err := w.enc.EncodeToken(xml.CharData(s)); err != nil {
			return err
		}
	}
	return w.enc.EncodeToken(start.End())
}

// member writes a structure or union member: one element, or a flattened
// collection's several.
func (w *xmlWriter) member(m *smithy.Member, v *sample.Value) error {
	name := xmlbody.Name(m)
	attrs := ns(m.Traits)
	switch {
	case v.Type.Kind == plan.ListKind && m.Traits.XMLFlattened():
		if attrs == nil {
			attrs = ns(v.Type.Member.Traits)
		}
		return w.items(name, attrs, v)
	case v.Type.Kind == plan.MapKind && m.Traits.XMLFlattened():
		return w.entries(name, attrs, v)
	}
	return w.element(name, attrs, v, m)
}

func (w *xmlWriter) items(name string, attrs []xml.Attr, v *sample.Value) error {
	for _, it := range v.Items {
		if it == nil {
			continue
		}
		if err := w.element(name, attrs, it, v.Type.Member); err != nil {
			return err
		}
	}
	return nil
}

// entries writes a map's entries in key order (samples keep them sorted).
func (w *xmlWriter) entries(name string, attrs []xml.Attr, v *sample.Value) error {
	t := v.Type
	for _, e := range v.Entries {
		start := xml.StartElement{Name: xml.Name{Local: name}, Attr: attrs}
		if err := w.enc.EncodeToken(start); err != nil {
			return err
		}
		key := &sample.Value{Type: &plan.Type{Kind: plan.StringKind}, Str: e.Key}
		if err := w.element(xmlbody.MapKeyName(t), ns(t.KeyMember.Traits), key, t.KeyMember); err != nil {
			return err
		}
		if e.Value != nil {
			if err := w.element(xmlbody.MapValueName(t), ns(t.Member.Traits), e.Value, t.Member); err != nil {
				return err
			}
		}
		if err := w.enc.EncodeToken(start.End()); err != nil {
			return err
		}
	}
	return nil
}

// goldenResponse is a response carrying out: its bound members in the
// status and headers, the request ID header, the rest in the body (an XML
// document whose comment says where it comes from).
func goldenResponse(op *plan.Operation, out *sample.Value, comment string) (emit.Response, error) {
	o := newOracle(op)
	resp := emit.Response{Status: 200}
	msg := split(out.Type.Struct.Fields, false)
	header := map[string]string{o.reqIDKey: sample.RequestID}
	var prefixAll *sample.Value
	for _, b := range msg.bound {
		v := fieldValue(out, b.field)
		switch {
		case b.loc == inPrefixHeaders && b.name == "" && v != nil:
			// With no prefix, every header of the response is an entry.
			prefixAll = v
			fallthrough
		case b.loc == inPrefixHeaders && v != nil:
			for _, e := range v.Entries {
				header[http.CanonicalHeaderKey(b.name+e.Key)] = e.Value.Str
			}
		case v == nil:
		case b.loc == inResponseCode:
			resp.Status = int(v.Int)
		case b.loc == inHeader:
			header[b.name] = headerText(b.field, v)
		}
	}
	body, err := o.responseBody(op, out, msg, comment)
	if err != nil {
		return resp, err
	}
	if len(body) > 0 {
		header["Content-Type"] = "application/xml"
		if p := msg.payload; p != nil && p.Type.Kind != plan.StructKind && p.Type.Kind != plan.UnionKind {
			header["Content-Type"] = "application/octet-stream"
		}
	}
	if prefixAll != nil {
		for k, v := range header {
			prefixAll.Entries = addEntry(prefixAll.Entries, strings.ToLower(k), v)
		}
	}
	for _, k := range sortedKeys(header) {
		resp.Header = append(resp.Header, [2]string{k, header[k]})
	}
	resp.Body = body
	return resp, nil
}

// addEntry adds key (unless present) to a map sample's sorted entries.
func addEntry(es []sample.Entry, key, value string) []sample.Entry {
	for _, e := range es {
		if e.Key == key {
			return es
		}
	}
	es = append(es, sample.Entry{Key: key, Value: &sample.Value{Type: &plan.Type{Kind: plan.StringKind}, Str: value}})
	sort.Slice(es, func(i, j int) bool { return es[i].Key < es[j].Key })
	return es
}

func (o oracle) responseBody(op *plan.Operation, out *sample.Value, msg message, comment string) ([]byte, error) {
	commented := func(doc []byte) []byte {
		return append([]byte("<!-- "+strings.ReplaceAll(comment, "--", "- -")+" -->\n"), doc...)
	}
	svc := o.svc.Traits
	if p := msg.payload; p != nil {
		v := fieldValue(out, p)
		if v == nil {
			return nil, nil
		}
		switch p.Type.Kind {
		case plan.BlobKind:
			return v.Bytes, nil
		case plan.StringKind, plan.EnumKind:
			return []byte(v.Str), nil
		}
		name, attrs := payloadRoot(p, svc)
		doc, err := document(name, attrs, v, p.Member)
		return commented(doc), err
	}
	var fields []sample.FieldValue
	for _, fv := range out.Fields {
		for _, f := range msg.body {
			if fv.Field == f {
				fields = append(fields, fv)
			}
		}
	}
	if len(fields) == 0 {
		return nil, nil
	}
	if unwrappedOutput(op) && len(fields) == 1 {
		f := fields[0]
		name := xmlbody.Name(f.Field.Member)
		doc, err := document(name, xmlbody.Namespace(svc), f.Value, f.Field.Member)
		return commented(doc), err
	}
	name, attrs := bodyRoot(out.Type.Struct, svc)
	doc, err := document(name, attrs, &sample.Value{Type: out.Type, Fields: fields}, nil)
	return commented(doc), err
}
