package restxml

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol/xmlbody"
)

// operationError writes op's error decoder: a code the operation or its
// service declares becomes its modeled error, wrapped in the *APIError;
// others are a plain *APIError, as in the SDK.
func (d *deserializer) operationError(op *plan.Operation) {
	body := []jen.Code{
		jen.List(jen.Id("body"), jen.Err()).Op(":=").Id("readBody").Call(jen.Id("resp")),
		errReturn,
		jen.List(jen.Id("e"), jen.Err()).Op(":=").Id("restXMLResponseError").Call(jen.Id("resp"), jen.Id("body"), jen.Lit(d.w.noWrapping), jen.Lit(d.w.s3)),
		errReturn,
	}
	codes, byCode := xmlbody.ErrorCodes(op.Errors)
	if len(codes) > 0 {
		var cases []jen.Code
		for _, c := range codes {
			cases = append(cases, jen.Case(jen.Lit(c)).Block(jen.Return(jen.Id(d.modeled(byCode[c])).Call(jen.Id("e"), jen.Id("resp"), jen.Id("body")))))
		}
		body = append(body, jen.Switch(jen.Qual("strings", "ToLower").Call(jen.Id("e").Dot("Code"))).Block(cases...))
	}
	body = append(body, jen.Return(jen.Id("e")))
	d.f.Add(emit.Text(op.ErrorFunc + " reads a failed " + op.Name + " response: one of the errors " + op.Name + " declares, else an *" + d.w.g.Plan.Ident("APIError") + "."))
	d.f.Func().Id(op.ErrorFunc).Params(jen.Id("resp").Op("*").Qual("net/http", "Response")).Error().Block(body...)
	d.f.Line()
}

// modeled names the function that decodes an error struct from a
// response, headers and body, and wraps it in e.
func (d *deserializer) modeled(st *plan.Struct) string {
	name := d.w.g.Plan.StructFunc("modeled", st)
	if !d.dec.Once(name) {
		return name
	}
	msg := split(st.Fields, false)
	code := []jen.Code{jen.Id("v").Op(":=").Op("&").Id(st.Name).Values()}
	code = append(code, d.bound(msg)...)
	if len(msg.body) > 0 {
		fn := d.w.g.Plan.StructFunc("deserialize", st)
		if d.dec.Once(fn) {
			d.dec.StructFunc(st, msg.body)
		}
		code = append(code,
			jen.Id("d").Op(":=").Id("restXMLDecoder").Values(jen.Dict{jen.Id("xmlDecoder"): jen.Id("newXMLDecoder").Call(jen.Id("body"))}),
			jen.If(jen.List(jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("startError").Call(jen.Lit(d.w.noWrapping)), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Err()),
			).Else().If(jen.Id("ok")).Block(
				jen.If(jen.Err().Op(":=").Id(fn).Call(jen.Op("&").Id("d"), jen.Id("v")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			))
	}
	code = append(code,
		jen.If(jen.Id("e").Dot("Fault").Op("==").Add(d.w.g.Id("FaultUnknown"))).Block(jen.Id("e").Dot("Fault").Op("=").Add(d.w.g.Id(st.Fault.Ident()))),
		jen.Id("e").Dot("Err").Op("=").Id("v"),
		jen.Return(jen.Id("e")),
	)
	d.f.Func().Id(name).Params(jen.Id("e").Op("*").Add(d.w.g.Id("APIError")), jen.Id("resp").Op("*").Qual("net/http", "Response"), jen.Id("body").Index().Byte()).Error().Block(code...)
	d.f.Line()
	return name
}
