package query

import (
	"bytes"
	"encoding/xml"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol/xmlbody"
	"github.com/smithy2go/smithy2go/generator/sample"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// The oracle: what the generated code must produce for a sample value,
// computed a second, independent way. Requests are collected as key/value
// pairs and encoded by net/url (sorting keys as the AWS SDK does);
// responses are written with encoding/xml's escaping. Golden files come
// from here, never from the generated code under test.

type sampleValue = sample.Value

// goldenRequest is the golden file of a request: comment lines, then the
// body's pairs one per line, in the order the SDK sends them.
func (d Dialect) goldenRequest(op *plan.Operation, in *sample.Value, comment string) ([]byte, error) {
	body, err := d.encodeRequest(op, in)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	for _, line := range strings.Split(comment, "\n") {
		b.WriteString("# " + line + "\n")
	}
	b.WriteString(strings.ReplaceAll(string(body), "&", "\n") + "\n")
	return b.Bytes(), nil
}

// goldenResponse is a 200 response carrying out, with comment in an XML
// comment after the declaration.
func (d Dialect) goldenResponse(op *plan.Operation, out *sample.Value, comment string) (emit.Response, error) {
	doc, err := d.encodeResponse(op, out)
	if err != nil {
		return emit.Response{}, err
	}
	header := []byte("<!-- " + strings.ReplaceAll(comment, "--", "- -") + " -->\n")
	if i := bytes.Index(doc, []byte("?>\n")); i >= 0 {
		doc = append(append(append([]byte{}, doc[:i+3]...), header...), doc[i+3:]...)
	} else {
		doc = append(header, doc...)
	}
	return emit.Response{Status: 200, Header: [][2]string{{"Content-Type", "text/xml"}}, Body: doc}, nil
}

func (d Dialect) encodeRequest(op *plan.Operation, in *sample.Value) ([]byte, error) {
	vals := url.Values{}
	vals.Set("Action", op.Shape.ID.Name())
	vals.Set("Version", op.Version())
	for _, fv := range in.Fields {
		d.pairs(vals, d.requestKey(fv.Field.Member), fv.Field.Member, fv.Value)
	}
	return []byte(vals.Encode()), nil
}

func (d Dialect) pairs(vals url.Values, key string, m *smithy.Member, v *sample.Value) {
	t := v.Type
	switch t.Kind {
	case plan.StructKind:
		for _, fv := range v.Fields {
			d.pairs(vals, key+"."+d.requestKey(fv.Field.Member), fv.Field.Member, fv.Value)
		}
	case plan.UnionKind:
		f := v.Variant.Field
		inner := v.Inner
		if inner == nil && f.Type.Kind == plan.ListKind {
			// A variant holding a nil list is sent as an empty one.
			inner = &sample.Value{Type: f.Type}
		}
		d.pairs(vals, key+"."+d.requestKey(f.Member), f.Member, inner)
	case plan.ListKind:
		items := slices.DeleteFunc(slices.Clone(v.Items), func(it *sample.Value) bool { return it == nil })
		if len(items) == 0 {
			if !d.EC2 {
				vals.Set(key, "")
			}
			return
		}
		prefix := key
		if m != nil && !d.flattened(m) || m == nil && !d.EC2 {
			prefix += "." + xmlbody.ListItemName(t)
		}
		// Nil elements are skipped and the rest numbered from 1.
		for i, it := range items {
			d.pairs(vals, prefix+"."+strconv.Itoa(i+1), nil, it)
		}
	case plan.MapKind:
		prefix := key
		if m == nil || !d.flattened(m) {
			prefix += ".entry"
		}
		for i, e := range v.Entries {
			p := prefix + "." + strconv.Itoa(i+1)
			vals.Set(p+"."+xmlbody.MapKeyName(t), e.Key)
			d.pairs(vals, p+"."+xmlbody.MapValueName(t), nil, e.Value)
		}
	default:
		vals.Set(key, xmlbody.ScalarText(v, m, sample.FormatTime))
	}
}

// encodeResponse writes a response document holding out.
func (d Dialect) encodeResponse(op *plan.Operation, out *sample.Value) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	ns := ""
	if n, ok := op.Service().Traits.XMLNamespace(); ok {
		ns = n.URI
	}
	// Members with xmlAttribute sit on the element that holds the
	// output's members: the root for ec2Query, <OpResult> for awsQuery.
	attrs := attributes(out)
	b.WriteString("<" + op.Shape.ID.Name() + "Response")
	if ns != "" {
		b.WriteString(` xmlns="`)
		xml.EscapeText(&b, []byte(ns))
		b.WriteString(`"`)
	}
	if d.EC2 {
		b.WriteString(attrs)
	}
	b.WriteString(">\n")
	indent := "    "
	if !d.EC2 {
		b.WriteString("    <" + op.Shape.ID.Name() + "Result" + attrs + ">\n")
		indent = "        "
	}
	for _, fv := range out.Fields {
		if !fv.Field.Member.Traits.XMLAttribute() {
			d.element(&b, indent, xmlbody.Name(fv.Field.Member), fv.Field.Member, fv.Value)
		}
	}
	if d.EC2 {
		b.WriteString("    <requestId>" + sample.RequestID + "</requestId>\n")
	} else {
		b.WriteString("    </" + op.Shape.ID.Name() + "Result>\n")
		b.WriteString("    <ResponseMetadata>\n        <RequestId>" + sample.RequestID + "</RequestId>\n    </ResponseMetadata>\n")
	}
	b.WriteString("</" + op.Shape.ID.Name() + "Response>\n")
	return b.Bytes(), nil
}

// attributes writes a structure's xmlAttribute members as XML attributes.
func attributes(v *sample.Value) string {
	var attrs bytes.Buffer
	for _, fv := range v.Fields {
		if fv.Field.Member.Traits.XMLAttribute() {
			attrs.WriteString(" " + xmlbody.Name(fv.Field.Member) + `="`)
			xml.EscapeText(&attrs, []byte(xmlbody.ScalarText(fv.Value, fv.Field.Member, sample.FormatTime)))
			attrs.WriteString(`"`)
		}
	}
	return attrs.String()
}

func (d Dialect) element(b *bytes.Buffer, indent, name string, m *smithy.Member, v *sample.Value) {
	t := v.Type
	open := func(attrs string) { b.WriteString(indent + "<" + name + attrs + ">") }
	closeTag := func() { b.WriteString("</" + name + ">\n") }
	switch t.Kind {
	case plan.StructKind:
		open(attributes(v))
		b.WriteString("\n")
		for _, fv := range v.Fields {
			if !fv.Field.Member.Traits.XMLAttribute() {
				d.element(b, indent+"    ", xmlbody.Name(fv.Field.Member), fv.Field.Member, fv.Value)
			}
		}
		b.WriteString(indent)
		closeTag()
	case plan.UnionKind:
		open("")
		b.WriteString("\n")
		f := v.Variant.Field
		d.element(b, indent+"    ", xmlbody.Name(f.Member), f.Member, v.Inner)
		b.WriteString(indent)
		closeTag()
	case plan.ListKind:
		if m != nil && m.Traits.XMLFlattened() {
			for _, it := range v.Items {
				d.element(b, indent, name, nil, it)
			}
			return
		}
		open("")
		b.WriteString("\n")
		for _, it := range v.Items {
			d.element(b, indent+"    ", xmlbody.ListItemName(t), t.Member, it)
		}
		b.WriteString(indent)
		closeTag()
	case plan.MapKind:
		entry := func(ind, entryName string, e sample.Entry) {
			b.WriteString(ind + "<" + entryName + ">\n")
			b.WriteString(ind + "    <" + xmlbody.MapKeyName(t) + ">")
			xml.EscapeText(b, []byte(e.Key))
			b.WriteString("</" + xmlbody.MapKeyName(t) + ">\n")
			d.element(b, ind+"    ", xmlbody.MapValueName(t), t.Member, e.Value)
			b.WriteString(ind + "</" + entryName + ">\n")
		}
		if m != nil && m.Traits.XMLFlattened() {
			for _, e := range v.Entries {
				entry(indent, name, e)
			}
			return
		}
		open("")
		b.WriteString("\n")
		for _, e := range v.Entries {
			entry(indent+"    ", "entry", e)
		}
		b.WriteString(indent)
		closeTag()
	default:
		open("")
		xml.EscapeText(b, []byte(xmlbody.ScalarText(v, m, sample.FormatTime)))
		closeTag()
	}
}
