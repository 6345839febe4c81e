package restxml

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol/xmlbody"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// deserializers writes deserializers.go: each operation's response and
// error decoders and the functions reading the XML they hold.
func (w *writer) deserializers() {
	f := w.g.GoFile("deserializers.go")
	d := &deserializer{w: w, f: f, dec: xmlbody.NewDecoders(w.g, f, "restXMLDecoder", true)}
	for _, op := range w.g.Wired() {
		d.response(op)
		d.operationError(op)
	}
	d.dec.Flush()
}

type deserializer struct {
	w   *writer
	f   *jen.File
	dec *xmlbody.Decoders
}

var errReturn = xmlbody.ErrReturn

// response writes op's response decoder: the status code and headers,
// then the payload or the document of the body's members.
func (d *deserializer) response(op *plan.Operation) {
	st := op.Output
	msg := split(st.Fields, false)
	var body []jen.Code
	body = append(body, d.bound(msg)...)
	body = append(body, jen.Id("v").Dot("ResultMetadata").Dot("RequestID").Op("=").Id("resp").Dot("Header").Dot("Get").Call(jen.Lit(d.w.requestIDHeader())))
	body = append(body, d.responseBody(op, msg)...)
	d.f.Add(emit.Text(op.ResponseFunc + " reads a successful " + op.Name + " response into v."))
	d.f.Func().Id(op.ResponseFunc).Params(jen.Id("resp").Op("*").Qual("net/http", "Response"), jen.Id("v").Op("*").Id(st.Name)).Error().Block(body...)
	d.f.Line()
}

// readDocument reads the body and enters its root element; a blank body
// returns nil (nothing is set).
func readDocument() []jen.Code {
	return []jen.Code{
		jen.List(jen.Id("body"), jen.Err()).Op(":=").Id("readBody").Call(jen.Id("resp")),
		errReturn,
		jen.Id("d").Op(":=").Id("restXMLDecoder").Values(jen.Dict{jen.Id("xmlDecoder"): jen.Id("newXMLDecoder").Call(jen.Id("body"))}),
		jen.If(jen.List(jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("start").Call(), jen.Op("!").Id("ok")).Block(jen.Return(jen.Err())),
	}
}

func (d *deserializer) responseBody(op *plan.Operation, msg message) []jen.Code {
	if p := msg.payload; p != nil {
		return d.payload(p)
	}
	if len(msg.body) == 0 {
		return []jen.Code{jen.Return(jen.Id("restDiscard").Call(jen.Id("resp")))}
	}
	code := readDocument()
	if unwrappedOutput(op) && len(msg.body) == 1 {
		// The root element is the member itself.
		f := msg.body[0]
		code = append(code, d.dec.Read(f.Type, f.Member, jen.Id("v").Dot(f.Name), f.Pointer)...)
		return append(code, jen.Return(jen.Nil()))
	}
	d.dec.StructFunc(op.Output, msg.body)
	return append(code, jen.Return(jen.Id(d.w.g.Plan.StructFunc("deserialize", op.Output)).Call(jen.Op("&").Id("d"), jen.Id("v"))))
}

// payload reads the @httpPayload member from the whole body. An empty
// body leaves it unset.
func (d *deserializer) payload(p *plan.Field) []jen.Code {
	dst := jen.Id("v").Dot(p.Name)
	switch p.Type.Kind {
	case plan.StructKind:
		code := readDocument()
		code = append(code,
			jen.Id("x").Op(":=").Op("&").Id(p.Type.Name).Values(),
			jen.If(jen.Err().Op(":=").Id(d.dec.FuncFor(p.Type)).Call(jen.Op("&").Id("d"), jen.Id("x")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			dst.Clone().Op("=").Id("x"),
			jen.Return(jen.Nil()))
		return code
	case plan.UnionKind:
		code := readDocument()
		return append(code,
			jen.List(jen.Id("x"), jen.Err()).Op(":=").Id(d.dec.FuncFor(p.Type)).Call(jen.Op("&").Id("d")),
			dst.Clone().Op("=").Id("x"),
			jen.Return(jen.Err()))
	}
	code := []jen.Code{
		jen.List(jen.Id("body"), jen.Err()).Op(":=").Id("readBody").Call(jen.Id("resp")),
		jen.If(jen.Err().Op("!=").Nil().Op("||").Len(jen.Id("body")).Op("==").Lit(0)).Block(jen.Return(jen.Err())),
	}
	switch p.Type.Kind {
	case plan.BlobKind:
		code = append(code, dst.Clone().Op("=").Id("body"))
	case plan.StringKind:
		code = append(code, jen.Id("s").Op(":=").String().Call(jen.Id("body")), dst.Clone().Op("=").Op("&").Id("s"))
	case plan.EnumKind:
		code = append(code, dst.Clone().Op("=").Id(p.Type.Name).Call(jen.Id("body")))
	}
	return append(code, jen.Return(jen.Nil()))
}

// bound reads the status code and the headers into v.
func (d *deserializer) bound(msg message) []jen.Code {
	var code []jen.Code
	declared := false
	for _, b := range msg.bound {
		f := b.field
		dst := jen.Id("v").Dot(f.Name)
		switch b.loc {
		case inResponseCode:
			x := emit.TypeCode(f.Type).Call(jen.Id("resp").Dot("StatusCode"))
			if f.Pointer {
				code = append(code, jen.Id("status").Op(":=").Add(x), dst.Clone().Op("=").Op("&").Id("status"))
			} else {
				code = append(code, dst.Clone().Op("=").Add(x))
			}
		case inPrefixHeaders:
			code = append(code, dst.Clone().Op("=").Id("restGetPrefixHeaders").Call(jen.Id("resp").Dot("Header"), jen.Lit(b.name)))
		case inHeader:
			if !declared && (f.Pointer || f.Type.Kind == plan.ListKind) {
				code = append(code, jen.Var().Err().Error())
				declared = true
			}
			code = append(code, headerGet(b)...)
		}
	}
	return code
}

// headerGet reads an @httpHeader member.
func headerGet(b binding) []jen.Code {
	f := b.field
	t := f.Type
	h, name := jen.Id("resp").Dot("Header"), jen.Lit(b.name)
	dst := jen.Id("v").Dot(f.Name)
	if t.Kind == plan.ListKind {
		get := jen.Id("restGetHeaderList").Call(h, name, parser(t.Elem, f, t.Member))
		if t.Elem.Kind == plan.TimeKind && headerTimeFormat(listTimeMember(f), t.Elem.Shape, true) == "timeHTTPDate" {
			get = jen.Id("restGetHTTPDateList").Call(h, name)
		}
		return []jen.Code{jen.If(jen.List(dst, jen.Err()).Op("=").Add(get), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))}
	}
	get := jen.Id("restGetHeader").Call(h, name, parser(t, f, f.Member))
	if f.Pointer {
		return []jen.Code{jen.If(jen.List(dst, jen.Err()).Op("=").Add(get), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))}
	}
	return []jen.Code{jen.If(jen.List(jen.Id("x"), jen.Err()).Op(":=").Add(get), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())).
		Else().If(jen.Id("x").Op("!=").Nil()).Block(dst.Clone().Op("=").Op("*").Id("x"))}
}

// listTimeMember is the member whose timestampFormat a timestamp list
// header uses: the list's member's, else the bound member's.
func listTimeMember(f *plan.Field) *smithy.Member {
	if _, ok := f.Type.Member.Traits.TimestampFormat(); ok {
		return f.Type.Member
	}
	return f.Member
}

// parser is the runtime function reading one header value of t.
func parser(t *plan.Type, f *plan.Field, m *smithy.Member) jen.Code {
	switch t.Kind {
	case plan.StringKind:
		if mediaType(f) != "" && f.Type.Kind == plan.StringKind {
			return jen.Id("restParseBase64")
		}
		return jen.Id("restParseString").Index(jen.String())
	case plan.EnumKind:
		return jen.Id("restParseString").Index(jen.Id(t.Name))
	case plan.BoolKind:
		return jen.Id("restParseBool")
	case plan.Float32Kind, plan.Float64Kind:
		return jen.Id("restParseFloat").Index(emit.TypeCode(t))
	case plan.TimeKind:
		switch headerTimeFormat(m, t.Shape, true) {
		case "timeDateTime":
			return jen.Id("restParseDateTime")
		case "timeEpochSeconds":
			return jen.Id("restParseEpochSeconds")
		}
		return jen.Id("restParseHTTPDate")
	case plan.IntEnumKind:
		return jen.Id("restParseInt").Index(jen.Id(t.Name))
	}
	return jen.Id("restParseInt").Index(emit.TypeCode(t))
}
