package restxml

import (
	"bytes"
	"compress/gzip"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/xml"
	"hash/crc32"
	"hash/crc64"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol/httpbind"
	"github.com/smithy2go/smithy2go/generator/protocol/xmlbody"
	"github.com/smithy2go/smithy2go/generator/sample"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// The oracle: what the generated code must send and read for a sample
// value, computed a second, independent way: httpbind's oracle for the
// HTTP message, XML written by encoding/xml's encoder for the bodies.
// Golden files come from here, never from the generated code under test.

// bodies is restXml's httpbind.BodyOracle.
type bodies struct{ svc *smithy.Shape }

func (bodies) MediaType() string { return "application/xml" }

// Document is the body of a message's unbound members under the root
// element the codec writes.
func (b bodies) Document(msg *httpbind.Message, v *sample.Value) ([]byte, error) {
	st := msg.Struct
	if st.Role == plan.Output && unwrappedOutput(st.Op) && len(v.Fields) == 1 {
		f := v.Fields[0]
		return document(xmlbody.Name(f.Field.Member), ns(b.svc.Traits), f.Value, f.Field.Member)
	}
	name, attrs := bodyRoot(st, b.svc.Traits)
	return document(name, attrs, v, nil)
}

// Payload is the body of a structure or union payload: none when unset.
func (b bodies) Payload(msg *httpbind.Message, f *plan.Field, v *sample.Value) ([]byte, error) {
	if v == nil {
		return nil, nil
	}
	name, attrs := payloadRoot(f, b.svc.Traits)
	return document(name, attrs, v, f.Member)
}

// goldenRequest is the golden request file of a sample input.
func goldenRequest(op *plan.Operation, in *sample.Value, comment string) ([]byte, error) {
	g, err := httpbind.GoldenRequest(op, in, "https://example.com", bodies{op.Service()})
	if err != nil {
		return nil, err
	}
	if isS3(op.Service()) {
		// S3's endpoints carry the bucket, not the path (restDropBucket).
		if f := leadingBucket(&writer{s3: true}, op); f != nil {
			if v := fieldValue(in, f); v != nil {
				u, err := url.Parse(g.URL)
				if err != nil {
					return nil, err
				}
				u.RawPath = strings.Replace(u.EscapedPath(), "/"+escape(v.Str), "", 1)
				if u.RawPath == "" {
					u.RawPath = "/"
				}
				u.Path, _ = url.PathUnescape(u.RawPath)
				g.URL = u.String()
			}
		}
	}
	if p := httpbind.Bind(op.Input).Payload; p != nil && p.Type.Kind == plan.StreamKind && fieldValue(in, p) == nil {
		// No stream, no body: a Content-Length member says nothing then.
		g.Header = slices.DeleteFunc(g.Header, func(h [2]string) bool { return h[0] == "Content-Length" })
	}
	if sum := checksum(op, in, g.Body); sum[0] != "" && g.Get(sum[0]) == "" {
		g.Add(sum[0], sum[1])
	}
	if enc, _ := op.Shape.Traits.RequestCompression(); slices.Contains(enc, "gzip") && len(g.Body) > 0 {
		// The golden body is the XML before compression; the length is
		// what is sent, compressed at gzip's default level.
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		if _, err := zw.Write(g.Body); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		g.Set("Content-Length", strconv.Itoa(z.Len()))
	}
	return g.File(comment), nil
}

// checksum is the header (name and value) that the aws.protocols#
// httpChecksum trait asks of a request with body in memory: in the
// algorithm the input names, else CRC32 where one is required; none for
// a streaming payload, whose checksum is the client's.
func checksum(op *plan.Operation, in *sample.Value, body []byte) [2]string {
	n, ok := op.Shape.Traits.Get("aws.protocols#httpChecksum")
	if !ok {
		return [2]string{}
	}
	for _, f := range op.Input.Fields {
		if f.Type.Kind == plan.StreamKind {
			return [2]string{}
		}
	}
	algorithm := ""
	if m, _ := n.Get("requestAlgorithmMember"); m.String() != "" {
		for _, fv := range in.Fields {
			if fv.Field.Member.Name == m.String() {
				algorithm = fv.Value.Str
			}
		}
	}
	if required, _ := n.Get("requestChecksumRequired"); algorithm == "" && required.Bool {
		algorithm = "CRC32"
	}
	digest, ok := digests[algorithm]
	if !ok {
		return [2]string{}
	}
	sum := digest(body)
	return [2]string{"X-Amz-Checksum-" + algorithm, base64.StdEncoding.EncodeToString(sum)}
}

// digests compute the checksums S3 names, as big-endian bytes.
var digests = map[string]func([]byte) []byte{
	"CRC32": func(b []byte) []byte { return binary.BigEndian.AppendUint32(nil, crc32.ChecksumIEEE(b)) },
	"CRC32C": func(b []byte) []byte {
		return binary.BigEndian.AppendUint32(nil, crc32.Checksum(b, crc32.MakeTable(crc32.Castagnoli)))
	},
	// CRC-64/NVME, its polynomial reflected as hash/crc64 takes it.
	"CRC64NVME": func(b []byte) []byte {
		return binary.BigEndian.AppendUint64(nil, crc64.Checksum(b, crc64.MakeTable(0x9a6c9329ac4bc9b5)))
	},
	"SHA1":   func(b []byte) []byte { s := sha1.Sum(b); return s[:] },
	"SHA256": func(b []byte) []byte { s := sha256.Sum256(b); return s[:] },
}

// goldenResponse is a response carrying out, the comment in its XML body.
func goldenResponse(op *plan.Operation, out *sample.Value, comment string) (emit.Response, error) {
	g, err := httpbind.GoldenResponse(op, out, requestIDHeader(isS3(op.Service())), sample.RequestID, bodies{op.Service()})
	if err != nil {
		return emit.Response{}, err
	}
	resp := g.Response()
	if strings.HasPrefix(g.Get("Content-Type"), "application/xml") && len(resp.Body) > 0 {
		resp.Body = append([]byte("<!-- "+strings.ReplaceAll(comment, "--", "- -")+" -->\n"), resp.Body...)
	}
	// With no prefix, every header of the response is an entry of the
	// map, and decodes as one.
	for _, b := range httpbind.Bind(op.Output).Of(httpbind.PrefixHeaders) {
		if v := fieldValue(out, b.Field); b.Name == "" && v != nil {
			for _, h := range resp.Header {
				v.Entries = addEntry(v.Entries, strings.ToLower(h[0]), h[1])
			}
		}
	}
	return resp, nil
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

// text spells a scalar in an XML body, timestamps in format.
func text(v *sample.Value, m *smithy.Member, format string) string {
	return xmlbody.ScalarText(v, m, func(t time.Time, _ string) string { return sample.FormatTime(t, format) })
}

// timeFormat is a body timestamp's format: the member's or target's
// trait, else date-time.
func timeFormat(m *smithy.Member, target *smithy.Shape) string {
	if m != nil {
		if f, ok := m.Traits.TimestampFormat(); ok {
			return f
		}
	}
	if target != nil {
		if f, ok := target.Traits.TimestampFormat(); ok {
			return f
		}
	}
	return "date-time"
}

// document writes v as an XML document whose root element is name, with
// attrs (constant attribute text, such as a namespace declaration). Text
// and attribute values are escaped by encoding/xml.EscapeText; elements
// follow one another without white space, so the document has the length
// of the one the code must send.
func document(name, attrs string, v *sample.Value, m *smithy.Member) ([]byte, error) {
	var b bytes.Buffer
	(&xmlWriter{b: &b}).element(name, attrs, v, m)
	return b.Bytes(), nil
}

type xmlWriter struct{ b *bytes.Buffer }

func (w *xmlWriter) escaped(s string) { _ = xml.EscapeText(w.b, []byte(s)) }

// inMemberOrder sorts a structure's member values by member name: the
// SDK writes elements in that order.
func inMemberOrder(fields []sample.FieldValue) []sample.FieldValue {
	out := slices.Clone(fields)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Field.Member.Name < out[j].Field.Member.Name })
	return out
}

// ns is the namespace declaration a trait asks for, as attribute text.
func ns(t smithy.Traits) string {
	n, ok := t.XMLNamespace()
	if !ok {
		return ""
	}
	name := "xmlns"
	if n.Prefix != "" {
		name += ":" + n.Prefix
	}
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(n.URI))
	return " " + name + `="` + b.String() + `"`
}

// element writes one element called name holding v (held by member m).
func (w *xmlWriter) element(name, attrs string, v *sample.Value, m *smithy.Member) {
	t := v.Type
	w.b.WriteString("<" + name + attrs)
	switch t.Kind {
	case plan.StructKind:
		fields := inMemberOrder(v.Fields)
		for _, fv := range fields {
			if fm := fv.Field.Member; fm.Traits.XMLAttribute() {
				w.b.WriteString(" " + xmlbody.Name(fm) + `="`)
				w.escaped(text(fv.Value, fm, timeFormat(fm, fv.Value.Type.Shape)))
				w.b.WriteString(`"`)
			}
		}
		w.b.WriteString(">")
		for _, fv := range fields {
			if !fv.Field.Member.Traits.XMLAttribute() {
				w.member(fv.Field.Member, fv.Value)
			}
		}
	case plan.UnionKind:
		w.b.WriteString(">")
		inner := v.Inner
		if inner == nil {
			inner = &sample.Value{Type: v.Variant.Field.Type}
		}
		w.member(v.Variant.Field.Member, inner)
	case plan.ListKind:
		w.b.WriteString(">")
		w.items(xmlbody.ListItemName(t), ns(t.Member.Traits), v)
	case plan.MapKind:
		w.b.WriteString(">")
		w.entries("entry", "", v)
	default:
		w.b.WriteString(">")
		w.escaped(text(v, m, timeFormat(m, t.Shape)))
	}
	w.b.WriteString("</" + name + ">")
}

// member writes a structure or union member: one element, or a flattened
// collection's several.
func (w *xmlWriter) member(m *smithy.Member, v *sample.Value) {
	name, attrs := xmlbody.Name(m), ns(m.Traits)
	switch {
	case v.Type.Kind == plan.ListKind && m.Traits.XMLFlattened():
		if attrs == "" {
			attrs = ns(v.Type.Member.Traits)
		}
		w.items(name, attrs, v)
	case v.Type.Kind == plan.MapKind && m.Traits.XMLFlattened():
		w.entries(name, attrs, v)
	default:
		w.element(name, attrs, v, m)
	}
}

func (w *xmlWriter) items(name, attrs string, v *sample.Value) {
	for _, it := range v.Items {
		if it != nil {
			w.element(name, attrs, it, v.Type.Member)
		}
	}
}

// entries writes a map's entries in key order (samples keep them sorted).
func (w *xmlWriter) entries(name, attrs string, v *sample.Value) {
	t := v.Type
	for _, e := range v.Entries {
		w.b.WriteString("<" + name + attrs + ">")
		key := &sample.Value{Type: &plan.Type{Kind: plan.StringKind}, Str: e.Key}
		w.element(xmlbody.MapKeyName(t), ns(t.KeyMember.Traits), key, t.KeyMember)
		if e.Value != nil {
			w.element(xmlbody.MapValueName(t), ns(t.Member.Traits), e.Value, t.Member)
		}
		w.b.WriteString("</" + name + ">")
	}
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
