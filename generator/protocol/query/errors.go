package query

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol/xmlbody"
)

// modeled names the function that decodes an error struct from a body and
// wraps it in the *APIError read from the same body.
func (d *deserializer) modeled(st *plan.Struct) string {
	name := d.w.g.Plan.StructFunc("modeled", st)
	if !d.Once(name) {
		return name
	}
	d.FuncFor(xmlbody.StructType(st))
	ec2 := jen.Lit(d.w.d.EC2)
	apiErr := d.w.g.Id("APIError")
	d.f.Func().Id(name).Params(jen.Id("e").Op("*").Add(apiErr), jen.Id("body").Index().Byte()).Error().Block(
		jen.Id("me").Op(":=").Op("&").Id(st.Name).Values(),
		jen.List(jen.Id("d"), jen.Err()).Op(":=").Id("queryErrorDecoder").Call(jen.Id("body"), ec2),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.If(jen.Err().Op(":=").Id(d.w.g.Plan.StructFunc("deserialize", st)).Call(jen.Op("&").Id("d"), jen.Id("me")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.If(jen.Id("e").Dot("Fault").Op("==").Add(d.w.g.Id("FaultUnknown"))).Block(jen.Id("e").Dot("Fault").Op("=").Add(d.w.g.Id(st.Fault.Ident()))),
		jen.Id("e").Dot("Err").Op("=").Id("me"),
		jen.Return(jen.Id("e")),
	)
	d.f.Line()
	return name
}

// codeSwitch dispatches on e.Code to the modeled errors, or returns e.
func (d *deserializer) codeSwitch(errs []*plan.Struct) []jen.Code {
	codes, byCode := xmlbody.ErrorCodes(errs)
	if len(codes) == 0 {
		return []jen.Code{jen.Return(jen.Id("e"))}
	}
	var cases []jen.Code
	for _, c := range codes {
		st := byCode[c]
		cases = append(cases, jen.Case(jen.Lit(c)).Block(jen.Return(jen.Id(d.modeled(st)).Call(jen.Id("e"), jen.Id("body")))))
	}
	return []jen.Code{
		jen.Switch(jen.Qual("strings", "ToLower").Call(jen.Id("e").Dot("Code"))).Block(cases...),
		jen.Return(jen.Id("e")),
	}
}

// operationError writes the operation's error decoder: codes the
// operation and its service declare become their modeled errors, others a
// plain *APIError, as in the SDK.
func (d *deserializer) operationError(op *plan.Operation) {
	body := []jen.Code{
		jen.List(jen.Id("body"), jen.Err()).Op(":=").Id("readBody").Call(jen.Id("resp")),
		errReturn,
		jen.List(jen.Id("e"), jen.Err()).Op(":=").Id("parseQueryError").Call(jen.Id("body"), jen.Lit(d.w.d.EC2)),
		errReturn,
		jen.Id("e").Dot("StatusCode").Op("=").Id("resp").Dot("StatusCode"),
	}
	body = append(body, d.codeSwitch(op.Errors)...)
	d.f.Add(textf("%s reads a failed %s response: one of the errors %s declares, else an *%s.",
		op.ErrorFunc, op.Name, op.Name, d.w.g.Plan.Ident("APIError")))
	d.f.Func().Id(op.ErrorFunc).Params(jen.Id("resp").Op("*").Qual("net/http", "Response")).Error().Block(body...)
	d.f.Line()
}

// unmarshalError writes UnmarshalError, for callers that hold an error
// body without knowing the operation: a code that names one error type of
// the package decodes to it; a code two types share stays an *APIError.
func (d *deserializer) unmarshalError() {
	var errs []*plan.Struct
	count := map[string]int{}
	for _, st := range d.w.g.Plan.Structs {
		if st.Role == plan.Error {
			count[strings.ToLower(st.Code)]++
		}
	}
	for _, st := range d.w.g.Plan.Structs {
		if st.Role == plan.Error && count[strings.ToLower(st.Code)] == 1 {
			errs = append(errs, st)
		}
	}
	body := []jen.Code{
		jen.List(jen.Id("e"), jen.Err()).Op(":=").Id("parseQueryError").Call(jen.Id("body"), jen.Lit(d.w.d.EC2)),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
	}
	body = append(body, d.codeSwitch(errs)...)
	doc := "<Response><Errors><Error>"
	if !d.w.d.EC2 {
		doc = "<ErrorResponse><Error>"
	}
	apiErr := d.w.g.Plan.Ident("APIError")
	d.f.Add(textf("UnmarshalError decodes an error response (%s) into an *%s with its Code, Message and RequestID, read as the AWS SDK reads them: a body that is not XML, or lacks a code or message, gives \"UnknownError\". When the code is one of this package's error types, that error is decoded too and wrapped: errors.As finds it. A code that several error types share stays an *%s; an operation's own error decoder tells them apart. Only XML that breaks after its root element gives a plain error.",
		doc, apiErr, apiErr))
	d.f.Func().Id(d.w.g.Plan.Ident("UnmarshalError")).Params(jen.Id("body").Index().Byte()).Error().Block(body...)
	d.f.Line()
}
