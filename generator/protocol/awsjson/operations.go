package awsjson

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol/jsonbody"
)

type writer struct {
	g       *emit.Generator
	d       Dialect
	ser, de *jen.File
	codec   *jsonbody.Codec
	// queryCompatible marks an awsQueryCompatible service, whose errors
	// carry their query error code in a header.
	queryCompatible bool
	done            map[string]bool
}

var errReturn = jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))

// request writes the operation's request builder.
func (w *writer) request(op *plan.Operation) {
	var body []jen.Code
	doc := op.RequestFunc + " builds the request that sends " + op.Name + " to endpoint, without validating v."
	for _, f := range op.Input.Fields {
		if f.Member.Traits.IdempotencyToken() && f.Pointer && f.Type.Kind == plan.StringKind {
			w.g.UseRuntime("runtime_uuid.go")
			doc += " A nil " + f.Name + " is first set to a random UUID, as the AWS SDK does, and kept in v so a retry sends the same token."
			body = append(body, jen.If(jen.Id("v").Dot(f.Name).Op("==").Nil()).Block(
				jen.List(jen.Id("t"), jen.Err()).Op(":=").Id("newIdempotencyToken").Call(),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
				jen.Id("v").Dot(f.Name).Op("=").Op("&").Id("t"),
			))
		}
	}
	if f := predictEndpoint(op); f != nil {
		doc += " A " + f.Name + " that is a URL replaces endpoint, as the AWS SDK's customization does."
		body = append(body, jen.Id("endpoint").Op("=").Id("awsJSONEndpoint").Call(jen.Id("endpoint"), jen.Id("v").Dot(f.Name)))
	}
	prefix, checks := emit.HostPrefix(op)
	body = append(body, checks...)
	enc, _ := op.Shape.Traits.RequestCompression()
	target := w.g.Plan.Service.ID.Name() + "." + op.Shape.ID.Name()
	body = append(body,
		jen.List(jen.Id("body"), jen.Err()).Op(":=").Id("awsJSONBody").Call(jen.Id("v"), jen.Id(w.codec.WriteBody(op.Input, op.Input.Fields))),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Id("newAWSJSONRequest").Call(jen.Id("ctx"), jen.Id("endpoint"), prefix, jen.Lit(target),
			jen.Id(w.d.Const), jen.Id("body"), flags(slices.Contains(enc, "gzip"), w.queryCompatible))),
	)
	w.ser.Add(emit.Text(doc))
	w.ser.Func().Id(op.RequestFunc).Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("v").Op("*").Id(op.Input.Name), jen.Id("endpoint").String(),
	).Params(jen.Op("*").Qual("net/http", "Request"), jen.Error()).Block(body...)
	w.ser.Line()
}

// flags are newAWSJSONRequest's flags, by name.
func flags(gzip, queryMode bool) jen.Code {
	var names []jen.Code
	if gzip {
		names = append(names, jen.Id("awsJSONGzip"))
	}
	if queryMode {
		names = append(names, jen.Id("awsJSONQueryMode"))
	}
	if len(names) == 0 {
		return jen.Lit(0)
	}
	expr := jen.Add(names[0])
	for _, n := range names[1:] {
		expr = expr.Op("|").Add(n)
	}
	return expr
}

// predictEndpoint is Machine Learning's Predict member that names the
// endpoint of the model to ask, which the AWS SDK sends the request to;
// nil for every other operation.
func predictEndpoint(op *plan.Operation) *plan.Field {
	if op.Service().ID != "com.amazonaws.machinelearning#AmazonML_20141212" || op.Shape.ID.Name() != "Predict" {
		return nil
	}
	for _, f := range op.Input.Fields {
		if f.Member.Name == "PredictEndpoint" && f.Pointer && f.Type.Kind == plan.StringKind {
			return f
		}
	}
	return nil
}

// response writes the operation's response decoder.
func (w *writer) response(op *plan.Operation) {
	w.de.Add(emit.Text(op.ResponseFunc + " reads a successful " + op.Name + " response into v."))
	w.de.Func().Id(op.ResponseFunc).Params(jen.Id("resp").Op("*").Qual("net/http", "Response"), jen.Id("v").Op("*").Id(op.Output.Name)).Error().Block(
		jen.List(jen.Id("body"), jen.Err()).Op(":=").Id("readBody").Call(jen.Id("resp")),
		errReturn,
		jen.Id("d").Op(":=").Id("jsonBodyDecoder").Call(jen.Id("body")),
		jen.Id(w.codec.ReadBody(op.Output, op.Output.Fields)).Call(jen.Op("&").Id("d"), jen.Id("v")),
		jen.Id("v").Dot("ResultMetadata").Dot("RequestID").Op("=").Id("awsJSONRequestID").Call(jen.Id("resp").Dot("Header")),
		jen.Return(jen.Id("d").Dot("end").Call()),
	)
	w.de.Line()
}

// operationError writes the operation's error decoder: the errors the
// operation and its service declare, by the error type the response
// names (compared in any letter case, as the AWS SDK does); any other is
// a plain *APIError.
func (w *writer) operationError(op *plan.Operation) {
	body := []jen.Code{
		jen.List(jen.Id("body"), jen.Err()).Op(":=").Id("readBody").Call(jen.Id("resp")),
		errReturn,
	}
	var cases []jen.Code
	seen := map[string]bool{}
	for _, st := range op.Errors {
		typ := strings.ToLower(st.Shape.ID.Name())
		if seen[typ] {
			continue
		}
		seen[typ] = true
		cases = append(cases, jen.Case(jen.Lit(typ)).Block(jen.Return(jen.Id(w.modeled(st)).Call(jen.Id("e"), jen.Id("body")))))
	}
	typ := jen.Id("_")
	if len(cases) > 0 {
		typ = jen.Id("typ")
	}
	body = append(body, jen.List(typ, jen.Id("e")).Op(":=").Id("awsJSONError").Call(jen.Id("resp"), jen.Id("body"), jen.Lit(w.queryCompatible)))
	if len(cases) > 0 {
		body = append(body, jen.Switch(jen.Qual("strings", "ToLower").Call(jen.Id("typ"))).Block(cases...))
	}
	body = append(body, jen.Return(jen.Id("e")))
	w.de.Add(emit.Text(op.ErrorFunc + " reads a failed " + op.Name + " response: one of the errors " + op.Name +
		" declares, else an *" + w.g.Plan.Ident("APIError") + "."))
	w.de.Func().Id(op.ErrorFunc).Params(jen.Id("resp").Op("*").Qual("net/http", "Response")).Error().Block(body...)
	w.de.Line()
}

// modeled names the function that decodes an error struct from a body
// and wraps it in the *APIError read from the same response.
func (w *writer) modeled(st *plan.Struct) string {
	name := w.g.Plan.StructFunc("modeled", st)
	if w.done[name] {
		return name
	}
	w.done[name] = true
	body := []jen.Code{
		jen.Id("me").Op(":=").Op("&").Id(st.Name).Values(),
		jen.Id("d").Op(":=").Id("jsonBodyDecoder").Call(jen.Id("body")),
		jen.Id(w.codec.ReadBody(st, st.Fields)).Call(jen.Op("&").Id("d"), jen.Id("me")),
		jen.If(jen.Err().Op(":=").Id("d").Dot("end").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
	}
	if st.Message == nil {
		// The model has no message member; the type's Message holds the
		// one the response sent.
		body = append(body, jen.If(jen.Id("e").Dot("Message").Op("!=").Lit("")).Block(
			jen.Id("me").Dot("Message").Op("=").Op("&").Id("e").Dot("Message")))
	}
	body = append(body,
		// The code the service sent, when it is not the one the type
		// reports by default (an awsQueryCompatible code, say).
		jen.If(jen.Id("e").Dot("Code").Op("!=").Lit(st.Code)).Block(
			jen.Id("me").Dot("ErrorCodeOverride").Op("=").Op("&").Id("e").Dot("Code")),
		jen.If(jen.Id("e").Dot("Fault").Op("==").Add(w.g.Id("FaultUnknown"))).Block(
			jen.Id("e").Dot("Fault").Op("=").Add(w.g.Id(st.Fault.Ident()))),
		jen.Id("e").Dot("Err").Op("=").Id("me"),
		jen.Return(jen.Id("e")),
	)
	w.de.Func().Id(name).Params(jen.Id("e").Op("*").Add(w.g.Id("APIError")), jen.Id("body").Index().Byte()).Error().Block(body...)
	w.de.Line()
	return name
}
