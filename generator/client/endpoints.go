package client

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
)

// endpointsFile writes client_endpoints.go: EndpointResolverV2 with the
// SDK's shape, the default resolver, and the step of a call that binds
// the parameters from Options and the input and resolves.
func (w *writer) endpointsFile() {
	f := w.file("client_endpoints.go")
	n := w.n
	params := n.EndpointParameters
	f.Add(emit.Text(n.EndpointResolverV2 + " resolves the endpoint of a call from its parameters, as the SDK's EndpointResolverV2 does."))
	f.Type().Id(n.EndpointResolverV2).Interface(
		jen.Id("ResolveEndpoint").Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("params").Id(params)).
			Params(jen.Qual(pkgEndpoints, "Endpoint"), jen.Error()),
	)
	f.Line()
	if !w.c.EndpointRules {
		w.baseParameters(f)
	}
	f.Add(emit.Text(n.NewDefaultEndpointResolverV2 + " returns the resolver clients use unless Options name another."))
	f.Func().Id(n.NewDefaultEndpointResolverV2).Params().Id(n.EndpointResolverV2).Block(
		jen.Return(jen.Op("&").Id(n.DefaultEndpointResolver).Values()),
	)
	f.Line()
	f.Type().Id(n.DefaultEndpointResolver).Struct()
	f.Line()
	if w.c.EndpointRules {
		w.g.UseRuntime("runtime_client_rules.go")
		w.rulesResolver(f)
	} else {
		w.baseResolver(f)
	}
	w.resolveStep(f)
}

// baseParameters declares the SDK's built-in endpoint parameters for a
// service without endpoint rules, which has no generated ones.
func (w *writer) baseParameters(f *jen.File) {
	n := w.n
	f.Add(emit.Text(n.EndpointParameters + " are the inputs of endpoint resolution. The service's model has no endpoint rules, so the default resolver only uses Endpoint, which Options.BaseEndpoint sets."))
	f.Type().Id(n.EndpointParameters).Struct(
		jen.Comment("Region is the region of the call."),
		jen.Id("Region").Op("*").String(),
		jen.Line().Comment("UseDualStack asks for a dual-stack endpoint."),
		jen.Id("UseDualStack").Op("*").Bool(),
		jen.Line().Comment("UseFIPS asks for a FIPS endpoint."),
		jen.Id("UseFIPS").Op("*").Bool(),
		jen.Line().Comment("Endpoint overrides the endpoint."),
		jen.Id("Endpoint").Op("*").String(),
	)
	f.Line()
}

func (w *writer) baseResolver(f *jen.File) {
	n := w.n
	p := jen.Id("p")
	f.Add(emit.Text("ResolveEndpoint returns params.Endpoint: without endpoint rules there is nothing else to go by."))
	f.Func().Params(jen.Op("*").Id(n.DefaultEndpointResolver)).Id("ResolveEndpoint").Params(jen.Id("ctx").Qual("context", "Context"), p.Clone().Id(n.EndpointParameters)).
		Params(jen.Qual(pkgEndpoints, "Endpoint"), jen.Error()).Block(
		jen.Return(jen.Id("clientSmithyBase").Call(jen.Id(n.ServiceID), p.Clone().Dot("Endpoint"),
			p.Clone().Dot("UseFIPS").Op("!=").Nil().Op("&&").Op("*").Add(p.Clone()).Dot("UseFIPS"),
			p.Clone().Dot("UseDualStack").Op("!=").Nil().Op("&&").Op("*").Add(p.Clone()).Dot("UseDualStack"))),
	)
	f.Line()
	f.Add(emit.Text("resolve is ResolveEndpoint as the call loop takes it."))
	f.Func().Params(jen.Op("*").Id(n.DefaultEndpointResolver)).Id("resolve").Params(jen.Id("ctx").Qual("context", "Context"), p.Clone().Op("*").Id(n.EndpointParameters)).
		Params(jen.Id("clientEndpoint"), jen.Error()).Block(
		jen.List(jen.Id("u"), jen.Err()).Op(":=").Id("clientBaseEndpoint").Call(jen.Id(n.ServiceID), p.Clone().Dot("Endpoint"),
			p.Clone().Dot("UseFIPS").Op("!=").Nil().Op("&&").Op("*").Add(p.Clone()).Dot("UseFIPS"),
			p.Clone().Dot("UseDualStack").Op("!=").Nil().Op("&&").Op("*").Add(p.Clone()).Dot("UseDualStack")),
		jen.Return(jen.Id("clientEndpoint").Values(jen.Dict{jen.Id("url"): jen.Id("u")}), jen.Err()),
	)
	f.Line()
}

// rulesResolver adapts the resolver generated from the service's rules
// to the SDK's shapes.
func (w *writer) rulesResolver(f *jen.File) {
	n := w.n
	f.Add(emit.Text("ResolveEndpoint resolves with the service's endpoint rules, and gives the result the SDK's shape: authSchemes become auth options."))
	f.Func().Params(jen.Op("*").Id(n.DefaultEndpointResolver)).Id("ResolveEndpoint").Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("p").Id(n.EndpointParameters)).
		Params(jen.Qual(pkgEndpoints, "Endpoint"), jen.Error()).Block(
		jen.List(jen.Id("e"), jen.Err()).Op(":=").Id("EndpointRules").Values().Dot("ResolveEndpoint").Call(jen.Id("ctx"), jen.Id("p")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Qual(pkgEndpoints, "Endpoint").Values(), jen.Err())),
		jen.Return(jen.Id("clientRulesSmithyEndpoint").Call(jen.Id("e")), jen.Nil()),
	)
	f.Line()
	f.Add(emit.Text("resolve is ResolveEndpoint as the call loop takes it."))
	f.Func().Params(jen.Op("*").Id(n.DefaultEndpointResolver)).Id("resolve").Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("p").Op("*").Id(n.EndpointParameters)).
		Params(jen.Id("clientEndpoint"), jen.Error()).Block(
		jen.List(jen.Id("e"), jen.Err()).Op(":=").Id("EndpointRules").Values().Dot("ResolveEndpoint").Call(jen.Id("ctx"), jen.Op("*").Id("p")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("clientEndpoint").Values(), jen.Err())),
		jen.Return(jen.Id("clientRulesEndpoint").Call(jen.Id("e")), jen.Nil()),
	)
	f.Line()
}

// resolveStep writes the endpoint step of a call: take the built-ins'
// values from Options (and the credentials), bind them and the input's
// parameters, then resolve. The default resolver is called without the
// SDK's shapes in between, and nothing of it escapes to the heap.
func (w *writer) resolveStep(f *jen.File) {
	n := w.n
	o := jen.Id("o")
	b := w.c.EndpointBuiltIns
	builtIns := []jen.Code{
		kv("UseDualStack", o.Clone().Dot("EndpointOptions").Dot("UseDualStackEndpoint").Op("==").Qual(pkgAWS, "DualStackEndpointStateEnabled")),
		kv("UseFIPS", o.Clone().Dot("EndpointOptions").Dot("UseFIPSEndpoint").Op("==").Qual(pkgAWS, "FIPSEndpointStateEnabled")),
	}
	fields := []jen.Code{jen.List(jen.Id("UseDualStack"), jen.Id("UseFIPS")).Bool()}
	for _, fl := range w.c.Flags {
		builtIns = append(builtIns, kv(fl.Name, o.Clone().Dot(fl.Name)))
		fields = append(fields, jen.Id(fl.Name).Bool())
	}
	var body []jen.Code
	if w.c.AccountIDMode {
		w.g.UseRuntime(runtimeBuiltIns)
		builtIns = append(builtIns, kv("AccountIDEndpointMode", jen.String().Call(o.Clone().Dot("AccountIDEndpointMode"))))
		fields = append(fields, jen.Id("AccountIDEndpointMode").String(),
			jen.Comment("AccountID is the account of the credentials; \"\" when they carry none."),
			jen.Id("AccountID").String())
		// As in the SDK, the credentials are retrieved before the endpoint
		// is resolved, whatever the mode, and the mode is checked then.
		body = append(body,
			jen.Var().Id("err").Error(),
			jen.If(jen.List(jen.Id("b").Dot("AccountID"), jen.Err()).Op("=").Id("clientAccountID").Call(jen.Id("ctx"), o.Clone().Dot("Credentials"), o.Clone().Dot("AccountIDEndpointMode")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Id("clientEndpoint").Values(), jen.Err()),
			),
			jen.If(jen.Err().Op(":=").Id("clientCheckAccountID").Call(o.Clone().Dot("AccountIDEndpointMode"), jen.Id("b").Dot("AccountID")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Id("clientEndpoint").Values(), jen.Err()),
			),
		)
	}
	f.Add(emit.Text(n.EndpointBuiltIns + " are the values of a call's built-in endpoint parameters, which EndpointParameters point to."))
	f.Type().Id(n.EndpointBuiltIns).Struct(fields...)
	f.Line()

	f.Add(emit.Text("resolveEndpoint resolves the endpoint of a call with input in."))
	body = append([]jen.Code{jen.Id("b").Op(":=").Id(n.EndpointBuiltIns).Add(values(builtIns...))}, body...)
	if !w.c.AccountIDMode {
		body = append(body, jen.Var().Id("err").Error())
	}
	body = append(body,
		jen.If(jen.Err().Op(":=").Id("clientRegion").Call(o.Clone().Dot("Region")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Id("clientEndpoint").Values(), jen.Qual("fmt", "Errorf").Call(jen.Lit("failed to bind endpoint params, %w"), jen.Err())),
		),
		jen.Var().Id("ep").Id("clientEndpoint"),
		jen.If(jen.List(jen.Id("r"), jen.Id("ok")).Op(":=").Add(o.Clone()).Dot("EndpointResolverV2").Assert(jen.Op("*").Id(n.DefaultEndpointResolver)), jen.Id("ok")).Block(
			jen.Id("p").Op(":=").Add(o.Clone()).Dot("endpointParameters").Call(jen.Op("&").Id("b"), jen.Id("in")),
			jen.List(jen.Id("ep"), jen.Err()).Op("=").Id("r").Dot("resolve").Call(jen.Id("ctx"), jen.Op("&").Id("p")),
		).Else().Block(
			jen.Comment("The caller's resolver may keep the parameters: they point to a copy of b."),
			jen.Id("own").Op(":=").Id("b"),
			jen.Id("p").Op(":=").Add(o.Clone()).Dot("endpointParameters").Call(jen.Op("&").Id("own"), jen.Id("in")),
			jen.Var().Id("e").Qual(pkgEndpoints, "Endpoint"),
			jen.List(jen.Id("e"), jen.Err()).Op("=").Add(o.Clone()).Dot("EndpointResolverV2").Dot("ResolveEndpoint").Call(jen.Id("ctx"), jen.Id("p")),
			jen.Id("ep").Op("=").Id("clientFromSmithyEndpoint").Call(jen.Id("e")),
		),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Id("clientEndpoint").Values(), jen.Qual("fmt", "Errorf").Call(jen.Lit("failed to resolve service endpoint, %w"), jen.Err())),
		),
		jen.Return(jen.Id("ep"), jen.Nil()),
	)
	f.Func().Params(o.Clone().Op("*").Id(n.Options)).Id("resolveEndpoint").Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("in").Any()).
		Params(jen.Id("clientEndpoint"), jen.Error()).Block(body...)
	f.Line()

	f.Add(emit.Text("endpointParameters binds the endpoint parameters of a call: the built-ins from o and b, then what the input in binds."))
	body = []jen.Code{jen.Var().Id("p").Id(n.EndpointParameters)}
	if field := b[plan.BuiltInRegion]; field != "" {
		body = append(body, jen.If(o.Clone().Dot("Region").Op("!=").Lit("")).Block(jen.Id("p").Dot(field).Op("=").Op("&").Add(o.Clone()).Dot("Region")))
	}
	if field := b[plan.BuiltInUseFIPS]; field != "" {
		body = append(body, jen.Id("p").Dot(field).Op("=").Op("&").Id("b").Dot("UseFIPS"))
	}
	if field := b[plan.BuiltInDualStack]; field != "" {
		body = append(body, jen.Id("p").Dot(field).Op("=").Op("&").Id("b").Dot("UseDualStack"))
	}
	if field := b[plan.BuiltInEndpoint]; field != "" {
		body = append(body, jen.Id("p").Dot(field).Op("=").Add(o.Clone()).Dot("BaseEndpoint"))
	}
	for _, fl := range w.c.Flags {
		for _, field := range fl.Params {
			body = append(body, jen.Id("p").Dot(field).Op("=").Op("&").Id("b").Dot(fl.Name))
		}
	}
	if field := b[plan.BuiltInAccountIDMode]; field != "" {
		// Set even when empty, as the SDK sets it.
		body = append(body, jen.Id("p").Dot(field).Op("=").Op("&").Id("b").Dot("AccountIDEndpointMode"))
	}
	if field := b[plan.BuiltInAccountID]; field != "" {
		body = append(body, jen.If(jen.Id("b").Dot("AccountID").Op("!=").Lit("")).Block(jen.Id("p").Dot(field).Op("=").Op("&").Id("b").Dot("AccountID")))
	}
	switch d := w.c.RulesDefaults; len(d) {
	case 0:
	case 1:
		body = append(body, jen.Comment(d[0]+" keeps the rules' default, as in the SDK, which has no option for it."))
	default:
		body = append(body, jen.Comment(strings.Join(d, " and ")+" keep the rules' defaults, as in the SDK, which has no options for them."))
	}
	var cases []jen.Code
	for _, co := range w.c.Operations {
		if co.BindsEndpoint {
			cases = append(cases, jen.Case(jen.Op("*").Id(co.Op.Input.Name)).Block(jen.Id("v").Dot("BindEndpointParameters").Call(jen.Op("&").Id("p"))))
		}
	}
	if len(cases) > 0 {
		// Concrete calls: p stays on the stack.
		body = append(body, jen.Switch(jen.Id("v").Op(":=").Id("in").Assert(jen.Type())).Block(cases...))
	} else {
		body = append(body, jen.Id("_").Op("=").Id("in"))
	}
	body = append(body, jen.Return(jen.Id("p")))
	f.Func().Params(o.Clone().Op("*").Id(n.Options)).Id("endpointParameters").Params(jen.Id("b").Op("*").Id(n.EndpointBuiltIns), jen.Id("in").Any()).
		Id(n.EndpointParameters).Block(body...)
	f.Line()
}
