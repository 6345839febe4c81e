package query

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
)

// unmarshalError writes UnmarshalError: the error document becomes an
// *APIError with Code, Message and RequestID; when the code names an error
// shape of the package, that error is decoded too and wrapped, so
// errors.As finds either.
func (d *deserializer) unmarshalError() {
	var errs []*plan.Struct
	for _, st := range d.w.g.Plan.Structs {
		if st.Role == plan.Error {
			errs = append(errs, st)
		}
	}
	ec2 := jen.Lit(d.w.d.EC2)
	body := []jen.Code{
		jen.List(jen.Id("e"), jen.Err()).Op(":=").Id("parseQueryError").Call(jen.Id("body"), ec2),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
	}
	if len(errs) > 0 {
		var cases []jen.Code
		for _, st := range errs {
			d.funcFor(&plan.Type{Kind: plan.StructKind, Shape: st.Shape, Name: st.Name, Struct: st})
			fn := d.w.g.StructFuncName("deserialize", st)
			fault := "FaultUnknown"
			switch kind, _ := st.Shape.Traits.Error(); kind {
			case "client":
				fault = "FaultClient"
			case "server":
				fault = "FaultServer"
			}
			cases = append(cases, jen.Case(jen.Lit(st.ErrorCode())).Block(
				jen.Id("me").Op(":=").Op("&").Id(st.Name).Values(),
				jen.List(jen.Id("d"), jen.Err()).Op(":=").Id("queryErrorDecoder").Call(jen.Id("body"), ec2),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				jen.If(jen.Err().Op(":=").Id(fn).Call(jen.Op("&").Id("d"), jen.Id("me")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				jen.If(jen.Id("e").Dot("Fault").Op("==").Id("FaultUnknown")).Block(jen.Id("e").Dot("Fault").Op("=").Id(fault)),
				jen.Id("e").Dot("Err").Op("=").Id("me"),
			))
		}
		body = append(body, jen.Switch(jen.Id("e").Dot("Code")).Block(cases...))
	}
	body = append(body, jen.Return(jen.Id("e")))
	doc := "<Response><Errors><Error>"
	if !d.w.d.EC2 {
		doc = "<ErrorResponse><Error>"
	}
	d.f.Add(emit.Text("UnmarshalError decodes an error response (" + doc + ") into an *APIError with its Code, Message and RequestID, read as the AWS SDK reads them: a body that is not XML, or lacks a code or message, gives \"UnknownError\". When the code is one of this package's error types, that error is decoded too and wrapped: errors.As finds it. Only XML that breaks after its root element gives a plain error."))
	d.f.Func().Id("UnmarshalError").Params(jen.Id("body").Index().Byte()).Error().Block(body...)
	d.f.Line()
}
