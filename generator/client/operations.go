package client

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// operationsFile writes client_operations.go: one method per operation,
// with the signature of the SDK's.
func (w *writer) operationsFile() {
	f := w.file("client_operations.go")
	for _, co := range w.c.Operations {
		w.operation(f, co)
	}
}

func (w *writer) operation(f *jen.File, co *plan.ClientOperation) {
	n := w.n
	op := co.Op
	in, out := op.Input.Name, op.Output.Name
	params := jen.Id("params")
	var body []jen.Code
	body = append(body,
		jen.If(params.Clone().Op("==").Nil()).Block(params.Clone().Op("=").Op("&").Id(in).Values()),
		jen.List(jen.Id("o"), jen.Id("cfg")).Op(":=").Id("c").Dot("operation").Call(jen.Id("optFns")),
	)
	if co.Auth != nil {
		// The operation's own auth schemes replace the service's.
		body = append(body,
			jen.Id("opCfg").Op(":=").Op("*").Id("cfg"),
			jen.Id("opCfg").Dot("auth").Dot("schemes").Op("=").Id("clientPreferred").Call(schemes(co.Auth), jen.Id("o").Dot("AuthSchemePreference")),
			jen.Id("cfg").Op("=").Op("&").Id("opCfg"),
		)
	}
	if t := co.Token; t != nil {
		// The token is filled once, before the first attempt, so every
		// attempt sends the same.
		tok := params.Clone().Dot(t.Name)
		body = append(body, jen.If(tok.Clone().Op("==").Nil().Op("&&").Id("o").Dot("IdempotencyTokenProvider").Op("!=").Nil()).Block(
			jen.List(jen.Id("t"), jen.Err()).Op(":=").Id("o").Dot("IdempotencyTokenProvider").Dot("GetIdempotencyToken").Call(),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Op("&").Qual(pkgSmithy, "OperationError").Add(values(
				kv("ServiceID", jen.Id(n.ServiceID)),
				kv("OperationName", jen.Lit(op.Name)),
				kv("Err", jen.Err()),
			)))),
			tok.Clone().Op("=").Op("&").Id("t"),
		))
	}
	body = append(body,
		jen.Id("result").Op(":=").Op("&").Id(out).Values(),
		jen.Err().Op(":=").Id("clientInvoke").Call(jen.Id("ctx"), jen.Id("cfg"), jen.Op("&").Id("clientCall").Types(jen.Id(in), jen.Id(out)).Add(values(
			kv("operation", jen.Lit(op.Name)),
			kv("input", params.Clone()),
			kv("output", jen.Id("result")),
			kv("validate", jen.Parens(jen.Op("*").Id(in)).Dot("Validate")),
			kv("build", jen.Id(op.RequestFunc)),
			kv("decode", jen.Id(op.ResponseFunc)),
			kv("decodeErr", jen.Id(op.ErrorFunc)),
			kv("endpoint", jen.Id("o")),
		))),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Id("result"), jen.Nil()),
	)
	lead := op.Name + " calls " + op.Name + " of " + w.title() + "."
	f.Add(emit.Doc(lead, op.Doc(), nil, deprecated(op)))
	f.Func().Params(jen.Id("c").Op("*").Id(n.Client)).Id(op.Name).Params(
		jen.Id("ctx").Qual("context", "Context"),
		params.Clone().Op("*").Id(in),
		jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id(n.Options)),
	).Params(jen.Op("*").Id(out), jen.Error()).Block(body...)
	f.Line()
}

func deprecated(op *plan.Operation) *smithy.Deprecation {
	if d, ok := op.Shape.Traits.Deprecated(); ok {
		return &d
	}
	return nil
}
