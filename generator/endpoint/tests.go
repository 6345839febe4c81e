package endpoint

import (
	"fmt"
	"net/textproto"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/ruleset"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// tests writes TestEndpoints: every endpointTests case of the model, as a
// subtest named by its documentation, resolves its parameters and checks
// the URL, headers and properties, or the error message, it expects.
func (gp *goPlan) tests(f *jen.File) {
	f.Add(comment("TestEndpoints runs the model's "+string(ruleset.TraitTests)+" cases: each resolves its "+
		"parameters and gets the endpoint or the error the model expects.", nil))
	f.Func().Id("TestEndpoints").Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Id("cases").Op(":=").Index().Struct(
			jen.Id("name").String(),
			jen.Id("params").Id(ParamsType),
			jen.Id("want").Id("endpointWant"),
		).ValuesFunc(func(g *jen.Group) {
			for i, tc := range gp.rs.Tests {
				g.Line().Values(gp.testCase(i, tc))
			}
			g.Line()
		}),
		jen.For(jen.List(jen.Id("_"), jen.Id("c")).Op(":=").Range().Id("cases")).Block(
			jen.Id("t").Dot("Run").Call(jen.Id("c").Dot("name"), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
				jen.List(jen.Id("got"), jen.Err()).Op(":=").Id(RulesType).Values().Dot("ResolveEndpoint").Call(
					jen.Qual("context", "Background").Call(), jen.Id("c").Dot("params")),
				jen.Id("epCheckEndpoint").Call(jen.Id("t"), jen.Id("got"), jen.Err(), jen.Id("c").Dot("want")),
			)),
		),
	)
}

func caseName(i int, tc *ruleset.TestCase) string {
	if tc.Doc == "" {
		return fmt.Sprintf("case %d", i)
	}
	return tc.Doc
}

func (gp *goPlan) testCase(i int, tc *ruleset.TestCase) jen.Dict {
	params := jen.Dict{}
	for _, tp := range tc.Params {
		gp.setParam(params, tp.Param, tp.Value)
	}
	return jen.Dict{
		jen.Id("name"):   jen.Lit(caseName(i, tc)),
		jen.Id("params"): jen.Id(ParamsType).Values(params),
		jen.Id("want"):   want(tc),
	}
}

// setParam adds a parameter's value to an EndpointParameters literal.
func (gp *goPlan) setParam(params jen.Dict, prm *ruleset.Param, v ruleset.Value) {
	field := jen.Id(gp.field[prm.Index])
	if v.Type == ruleset.StringArray {
		params[field] = literal(v)
	} else {
		params[field] = jen.Id("epPtr").Call(literal(v))
	}
}

// want is what a case expects, as an endpointWant literal.
func want(tc *ruleset.TestCase) jen.Code {
	want := jen.Dict{}
	if tc.IsError {
		want[jen.Id("err")] = jen.Lit(tc.Error)
		want[jen.Id("isErr")] = jen.True()
	} else {
		want[jen.Id("url")] = jen.Lit(tc.URL)
		if len(tc.Headers) > 0 {
			want[jen.Id("headers")] = jen.Map(jen.String()).Index().String().Values(jen.DictFunc(func(d jen.Dict) {
				for _, h := range tc.Headers {
					d[jen.Lit(textproto.CanonicalMIMEHeaderKey(h.Name))] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
						for _, v := range h.Values {
							g.Lit(v)
						}
					})
				}
			}))
		}
		if tc.Properties.Kind == smithy.ObjectNode && len(tc.Properties.Fields) > 0 {
			want[jen.Id("properties")] = document(tc.Properties)
		}
	}
	return jen.Id("endpointWant").Values(want)
}

// document is Go code for a JSON value as the runtime holds properties:
// string, bool, float64, []any, map[string]any.
func document(n smithy.Node) jen.Code {
	switch n.Kind {
	case smithy.StringNode:
		return jen.Lit(n.Str)
	case smithy.BoolNode:
		return jen.Lit(n.Bool)
	case smithy.NumberNode:
		f, _ := n.Float()
		return jen.Lit(f)
	case smithy.ArrayNode:
		return jen.Index().Any().ValuesFunc(func(g *jen.Group) {
			for _, it := range n.Items {
				g.Line().Add(document(it))
			}
			if len(n.Items) > 0 {
				g.Line()
			}
		})
	case smithy.ObjectNode:
		return jen.Map(jen.String()).Any().ValuesFunc(func(g *jen.Group) {
			for _, f := range n.Fields {
				g.Line().Lit(f.Key).Op(":").Add(document(f.Value))
			}
			if len(n.Fields) > 0 {
				g.Line()
			}
		})
	}
	return jen.Nil()
}

// bindingTests writes TestEndpointBindings: for each operation input of
// the endpointTests cases, the client's built-in and client settings and
// the operation's input, bound with BindEndpointParameters, resolve to
// what the case expects. Inputs smithy2go cannot write are left out with
// a warning; operations not generated have none.
func (gp *goPlan) bindingTests(f *jen.File) []string {
	ops := map[string]*plan.Operation{}
	for _, op := range gp.p.Operations {
		ops[op.Shape.ID.Name()] = op
	}
	var warnings []string
	var cases []jen.Code
	for i, tc := range gp.rs.Tests {
		for _, oi := range tc.OperationInputs {
			op := ops[oi.Operation]
			if op == nil {
				continue
			}
			params := jen.Dict{}
			for _, b := range oi.BuiltIns {
				for _, prm := range gp.rs.Params {
					if prm.BuiltIn != b.Name {
						continue
					}
					if v, ok := nodeValue(prm.Type, b.Value); ok {
						gp.setParam(params, prm, v)
					} else {
						warnings = append(warnings, fmt.Sprintf("%s: endpoint test %q: built-in %s is not a %s", gp.p.Service.ID, caseName(i, tc), b.Name, prm.Type))
					}
				}
			}
			for _, cp := range oi.ClientParams {
				gp.setParam(params, cp.Param, cp.Value)
			}
			in, err := gp.inputValue(op, oi.Params)
			if err != nil {
				warnings = append(warnings, fmt.Sprintf("%s: endpoint test %q: input of %s left out: %v", gp.p.Service.ID, caseName(i, tc), oi.Operation, err))
				continue
			}
			cases = append(cases, jen.Line().Values(jen.Dict{
				jen.Id("name"):   jen.Lit(caseName(i, tc) + " / " + oi.Operation),
				jen.Id("params"): jen.Id(ParamsType).Values(params),
				jen.Id("input"):  in,
				jen.Id("want"):   want(tc),
			}))
		}
	}
	if len(cases) == 0 {
		return warnings
	}
	cases = append(cases, jen.Line())
	f.Line()
	f.Add(comment("TestEndpointBindings runs the operation inputs of the model's "+string(ruleset.TraitTests)+
		" cases: the client's settings, then what the input binds with "+BindMethod+", resolve to what the case expects.", nil))
	f.Func().Id("TestEndpointBindings").Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Id("cases").Op(":=").Index().Struct(
			jen.Id("name").String(),
			jen.Id("params").Id(ParamsType),
			jen.Id("input").Any(),
			jen.Id("want").Id("endpointWant"),
		).Values(cases...),
		jen.For(jen.List(jen.Id("_"), jen.Id("c")).Op(":=").Range().Id("cases")).Block(
			jen.Id("t").Dot("Run").Call(jen.Id("c").Dot("name"), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
				jen.Id("p").Op(":=").Id("c").Dot("params"),
				jen.If(jen.List(jen.Id("b"), jen.Id("ok")).Op(":=").Id("c").Dot("input").Assert(
					jen.Interface(jen.Id(BindMethod).Params(jen.Op("*").Id(ParamsType)))), jen.Id("ok")).Block(
					jen.Id("b").Dot(BindMethod).Call(jen.Op("&").Id("p")),
				),
				jen.List(jen.Id("got"), jen.Err()).Op(":=").Id(RulesType).Values().Dot("ResolveEndpoint").Call(
					jen.Qual("context", "Background").Call(), jen.Id("p")),
				jen.Id("epCheckEndpoint").Call(jen.Id("t"), jen.Id("got"), jen.Err(), jen.Id("c").Dot("want")),
			)),
		),
	)
	return warnings
}

// nodeValue reads a built-in's value in a test case.
func nodeValue(t ruleset.Type, n smithy.Node) (ruleset.Value, bool) {
	switch {
	case t == ruleset.String && n.Kind == smithy.StringNode:
		return ruleset.Value{Type: t, Str: n.Str}, true
	case t == ruleset.Bool && n.Kind == smithy.BoolNode:
		return ruleset.Value{Type: t, Bool: n.Bool}, true
	case t == ruleset.StringArray && n.Kind == smithy.ArrayNode:
		v := ruleset.Value{Type: t, List: []string{}}
		for _, it := range n.Items {
			if it.Kind != smithy.StringNode {
				return ruleset.Value{}, false
			}
			v.List = append(v.List, it.Str)
		}
		return v, true
	}
	return ruleset.Value{}, false
}
