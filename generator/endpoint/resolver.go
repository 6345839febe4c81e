package endpoint

import (
	"fmt"
	"html"
	"net/textproto"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/godoc"
	"github.com/smithy2go/smithy2go/generator/ruleset"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Emit writes the package's endpoint resolver (endpoint_rules.go), the
// methods binding operation inputs to its parameters, and its tests. A
// service without endpoint rules gets none; a rule set with problems
// fails with smithy.Problems. Warnings are things left out. partitions,
// when not nil, is a partitions.json whose facts aws.partition uses
// instead of those the project carries.
func Emit(g *emit.Generator, partitions []byte) (warnings []string, err error) {
	rs, err := ruleset.Parse(g.Plan.Model, g.Plan.Service)
	if err != nil || rs == nil {
		return nil, err
	}
	gp, err := newGoPlan(g.Plan, rs)
	if err != nil {
		return []string{err.Error()}, nil
	}
	f := g.GoFile("endpoint_rules.go")
	gp.params(f)
	if err := gp.resolver(f); err != nil {
		return nil, err
	}
	binds, bindWarnings, err := gp.bindings()
	if err != nil {
		return nil, err
	}
	warnings = append(warnings, bindWarnings...)
	for _, b := range binds {
		f.Add(b)
	}
	g.UseRuntime(runtimeFile)
	switch {
	case gp.partitions && partitions != nil:
		src, err := PartitionSource(partitions, g.Plan.Package, g.Header)
		if err != nil {
			return nil, err
		}
		g.DataFile(runtimePartitionsFile, src)
	case gp.partitions:
		g.UseRuntime(runtimePartitionsFile)
	}
	if len(rs.Tests) > 0 {
		tf := g.GoFile("endpoint_rules_test.go")
		gp.tests(tf)
		warnings = append(warnings, gp.bindingTests(tf)...)
		g.UseRuntime(runtimeTestFile)
	}
	return warnings, nil
}

// comment renders plain text as a wrapped doc comment.
func comment(text string, dep *smithy.Deprecation, notes ...string) *jen.Statement {
	var b strings.Builder
	if text != "" {
		b.WriteString("<p>" + html.EscapeString(text) + "</p>")
	}
	for _, n := range notes {
		b.WriteString("<p>" + html.EscapeString(n) + "</p>")
	}
	opts := godoc.Options{Width: 77}
	if dep != nil {
		opts.Deprecated = &godoc.Deprecation{Message: dep.Message, Since: dep.Since}
	}
	out := godoc.Convert(b.String(), opts)
	if out == "" {
		return jen.Null()
	}
	return jen.Comment(strings.TrimSuffix(godoc.Lines(out, "// "), "\n"))
}

func (gp *goPlan) params(f *jen.File) {
	f.Add(comment(fmt.Sprintf("%s are the inputs of the service's endpoint rules. A nil field is unset; "+
		"%s resolves with the rule set's default for it.", ParamsType, RulesType), nil))
	f.Type().Id(ParamsType).StructFunc(func(g *jen.Group) {
		for i, prm := range gp.rs.Params {
			if i > 0 {
				g.Line()
			}
			var notes []string
			switch {
			case prm.Default != nil:
				notes = append(notes, "Defaults to "+valueText(*prm.Default)+".")
			case prm.Required:
				notes = append(notes, "Required.")
			}
			if prm.BuiltIn != "" {
				notes = append(notes, "It is the built-in "+prm.BuiltIn+": the client binds it where it has an option for it.")
			}
			g.Add(comment(prm.Doc, prm.Deprecated, notes...))
			typ := jen.Op("*").Id(goType(prm.Type))
			if prm.Type == ruleset.StringArray {
				typ = jen.Index().String()
			}
			g.Id(gp.field[i]).Add(typ)
		}
	})
	f.Line()

	f.Add(comment("ValidateRequired reports a required parameter that is unset, as an *"+ErrorType+".", nil))
	f.Func().Params(jen.Id("p").Id(ParamsType)).Id("ValidateRequired").Params().Error().BlockFunc(func(g *jen.Group) {
		for i, prm := range gp.rs.Params {
			if !prm.Required {
				continue
			}
			g.If(jen.Id("p").Dot(gp.field[i]).Op("==").Nil()).Block(
				jen.Return(jen.Op("&").Id(ErrorType).Values(jen.Dict{
					jen.Id("Param"):   jen.Lit(gp.field[i]),
					jen.Id("Message"): jen.Lit("parameter " + gp.field[i] + " is required"),
				})),
			)
		}
		g.Return(jen.Nil())
	})
	f.Line()

	f.Add(comment("WithDefaults returns a copy of p with the rule set's default for each unset parameter.", nil))
	f.Func().Params(jen.Id("p").Id(ParamsType)).Id("WithDefaults").Params().Id(ParamsType).BlockFunc(func(g *jen.Group) {
		for i, prm := range gp.rs.Params {
			if prm.Default == nil {
				continue
			}
			field := jen.Id("p").Dot(gp.field[i])
			if prm.Type == ruleset.StringArray {
				g.If(field.Clone().Op("==").Nil()).Block(field.Clone().Op("=").Add(literal(*prm.Default)))
				continue
			}
			g.If(field.Clone().Op("==").Nil()).Block(
				jen.Id("v").Op(":=").Add(literal(*prm.Default)),
				field.Clone().Op("=").Op("&").Id("v"),
			)
		}
		g.Return(jen.Id("p"))
	})
	f.Line()
}

func valueText(v ruleset.Value) string {
	switch v.Type {
	case ruleset.String:
		return fmt.Sprintf("%q", v.Str)
	case ruleset.Bool:
		return fmt.Sprint(v.Bool)
	}
	return fmt.Sprintf("%q", v.List)
}

func (gp *goPlan) resolver(f *jen.File) error {
	rs := gp.rs
	form := "the rule tree of the model's " + string(ruleset.TraitRuleSet) + " trait, as a decision graph"
	if rs.Trait == ruleset.TraitBDD {
		form = "the binary decision diagram of the model's " + string(ruleset.TraitBDD) + " trait"
	}
	f.Add(comment(fmt.Sprintf("%s resolves endpoints with the service's endpoint rules: %s.", RulesType, form), nil))
	f.Type().Id(RulesType).Struct()
	f.Line()
	f.Add(comment("ResolveEndpoint returns the endpoint the rules give for params, or an *"+ErrorType+
		": the message of the error rule they reach, or a required parameter left unset.", nil))
	f.Func().Params(jen.Id(RulesType)).Id("ResolveEndpoint").
		Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("params").Id(ParamsType)).
		Params(jen.Id(ResultType), jen.Error()).Block(
		jen.Id("params").Op("=").Id("params").Dot("WithDefaults").Call(),
		jen.If(jen.Err().Op(":=").Id("params").Dot("ValidateRequired").Call(), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Id(ResultType).Values(), jen.Qual("fmt", "Errorf").Call(jen.Lit("endpoint parameters are not valid, %w"), jen.Err())),
		),
		jen.Var().Id("v").Id("endpointVars"),
		jen.Id("ref").Op(":=").Id("endpointRoot"),
		jen.For().Block(
			jen.Id("n").Op(":=").Id("ref"),
			jen.If(jen.Id("n").Op("<").Lit(0)).Block(jen.Id("n").Op("=").Op("-").Id("n")),
			jen.Switch().Block(
				jen.Case(jen.Id("n").Op("==").Lit(1)).Block(
					jen.Return(jen.Id(ResultType).Values(), jen.Id("epNoMatch").Call()),
				),
				jen.Case(jen.Id("n").Op(">=").Id("epResultBase")).Block(
					jen.Return(jen.Id("v").Dot("result").Call(jen.Id("n").Op("-").Id("epResultBase"), jen.Op("&").Id("params"))),
				),
			),
			jen.Comment("A negative reference swaps the node's branches."),
			jen.Id("node").Op(":=").Op("&").Id("endpointNodes").Index(jen.Id("n").Op("-").Lit(1)),
			jen.If(jen.Id("v").Dot("holds").Call(jen.Id("node").Dot("cond"), jen.Op("&").Id("params")).Op("!=").Parens(jen.Id("ref").Op("<").Lit(0))).Block(
				jen.Id("ref").Op("=").Id("node").Dot("high"),
			).Else().Block(
				jen.Id("ref").Op("=").Id("node").Dot("low"),
			),
		),
	)
	f.Line()

	f.Comment("endpointRoot is where evaluation of endpointNodes starts.")
	f.Const().Id("endpointRoot").Int32().Op("=").Lit(int(rs.Graph.Root))
	f.Line()
	f.Add(comment("endpointNodes is the rules' decision graph: node i tests condition cond and goes on to "+
		"high when it holds and to low when it does not. A reference r > 1 is node r-1, and -r is that node with "+
		"its branches swapped; 1 and -1 mean no rule matched, and epResultBase+i is result i.", nil))
	f.Var().Id("endpointNodes").Op("=").Index(jen.Op("...")).Id("endpointNode").ValuesFunc(func(g *jen.Group) {
		// Each node's note follows the comma after it, so it opens the
		// next item.
		var note *jen.Statement
		for i, n := range rs.Graph.Nodes {
			item := jen.Null()
			if note != nil {
				item = note
			}
			g.Add(item.Line().Values(jen.Lit(int(n.Cond)), ref(n.High), ref(n.Low)))
			text := "unused terminal"
			if i > 0 {
				text = conditionText(rs.Conditions[n.Cond])
			}
			note = jen.Comment(fmt.Sprintf("%d: %s", i, text))
		}
		g.Add(note.Line())
	})
	f.Line()

	f.Comment("endpointVars are the variables the rules' conditions assign.")
	f.Type().Id("endpointVars").StructFunc(func(g *jen.Group) {
		for i, v := range rs.Vars {
			g.Id(gp.varField[i]).Id(goType(v.Type))
		}
	})
	f.Line()

	var condErr error
	f.Comment("holds evaluates condition i of the rules, assigning its variable.")
	f.Func().Params(jen.Id("v").Op("*").Id("endpointVars")).Id("holds").
		Params(jen.Id("i").Int32(), jen.Id("p").Op("*").Id(ParamsType)).Bool().Block(
		jen.Switch(jen.Id("i")).BlockFunc(func(g *jen.Group) {
			for i, c := range rs.Conditions {
				if !c.Reached() {
					continue
				}
				body, err := gp.condition(c)
				if err != nil && condErr == nil {
					condErr = err
				}
				g.Case(jen.Lit(i)).Block(append([]jen.Code{jen.Comment(conditionText(c))}, body...)...)
			}
		}),
		jen.Return(jen.False()),
	)
	f.Line()

	f.Comment("result is result i of the rules: an endpoint or an error.")
	f.Func().Params(jen.Id("v").Op("*").Id("endpointVars")).Id("result").
		Params(jen.Id("i").Int32(), jen.Id("p").Op("*").Id(ParamsType)).Params(jen.Id(ResultType), jen.Error()).Block(
		jen.Switch(jen.Id("i")).BlockFunc(func(g *jen.Group) {
			for i, r := range rs.Results {
				if i == 0 || !r.Reached() {
					continue
				}
				body, err := gp.result(r)
				if err != nil && condErr == nil {
					condErr = err
				}
				if r.URL != nil {
					body = append([]jen.Code{jen.Comment(resultText(r))}, body...)
				}
				g.Case(jen.Lit(i)).Block(body...)
			}
		}),
		jen.Return(jen.Id(ResultType).Values(), jen.Id("epNoMatch").Call()),
	)
	f.Line()
	return condErr
}

// ref spells a graph reference: result references as epResultBase+i.
func ref(r int32) jen.Code {
	if r >= ruleset.ResultBase {
		return jen.Id("epResultBase").Op("+").Lit(int(r - ruleset.ResultBase))
	}
	return jen.Lit(int(r))
}

func conditionText(c *ruleset.Condition) string {
	if c.Expr == nil {
		return ""
	}
	if c.Assign != nil {
		return c.Assign.Name + " = " + c.Expr.String()
	}
	return c.Expr.String()
}

func resultText(r *ruleset.Result) string {
	s := r.URL.String()
	if r.Doc != "" {
		s = r.Doc + ": " + s
	}
	return strings.ReplaceAll(s, "\n", " ")
}

// condition is the body of a condition's case: it returns whether the
// condition holds, after assigning its variable.
func (gp *goPlan) condition(cond *ruleset.Condition) ([]jen.Code, error) {
	c := &compiler{gp: gp, known: cond.Known}
	m := c.maybe(cond.Expr)
	var ret []jen.Code
	if cond.Assign == nil {
		switch {
		case m.pair != nil: // only whether there is a value is read
			c.stmts[len(c.stmts)-1] = jen.List(jen.Id("_"), m.ok).Op(":=").Add(m.pair)
			ret = append(ret, jen.Return(m.ok))
		case m.ok != nil:
			ret = append(ret, jen.Return(m.ok))
		case cond.Expr.Type == ruleset.Bool:
			ret = append(ret, jen.Return(m.val))
		default:
			ret = append(ret, jen.Return(jen.True()))
		}
		return append(c.stmts, ret...), c.err
	}
	dst := jen.Id("v").Dot(gp.varField[cond.Assign.Index])
	switch {
	case m.ptr != nil:
		// The call is the last statement made; assign it directly.
		c.stmts = c.stmts[:len(c.stmts)-1]
		return append(c.stmts, dst.Clone().Op("=").Add(m.ptr), jen.Return(dst.Clone().Op("!=").Nil())), c.err
	case m.pair != nil:
		c.stmts = c.stmts[:len(c.stmts)-1]
		return append(c.stmts,
			jen.Var().Id("ok").Bool(),
			jen.List(dst.Clone(), jen.Id("ok")).Op("=").Add(m.pair),
			jen.Return(jen.Id("ok"))), c.err
	case m.ok != nil:
		return append(c.stmts,
			jen.If(jen.Op("!").Parens(m.ok)).Block(jen.Return(jen.False())),
			dst.Clone().Op("=").Add(m.val),
			jen.Return(holdsValue(dst, cond.Assign.Type))), c.err
	}
	return append(c.stmts, dst.Clone().Op("=").Add(m.val), jen.Return(holdsValue(dst, cond.Assign.Type))), c.err
}

// holdsValue is whether an assigned value lets its condition hold: a
// false boolean does not.
func holdsValue(dst *jen.Statement, t ruleset.Type) jen.Code {
	if t == ruleset.Bool {
		return dst.Clone()
	}
	return jen.True()
}

// result is the body of a result's case.
func (gp *goPlan) result(r *ruleset.Result) ([]jen.Code, error) {
	c := &compiler{gp: gp, known: r.Known}
	if r.Error != nil {
		msg := c.value(r.Error)
		return append(c.stmts, jen.Return(jen.Id(ResultType).Values(), jen.Id("epRuleError").Call(msg))), c.err
	}
	url := c.value(r.URL)
	var headers jen.Code = jen.Nil()
	if len(r.Headers) > 0 {
		headers = jen.Qual("net/http", "Header").Values(jen.DictFunc(func(d jen.Dict) {
			for _, h := range r.Headers {
				d[jen.Lit(textproto.CanonicalMIMEHeaderKey(h.Name))] = jen.ValuesFunc(func(g *jen.Group) {
					for _, v := range h.Values {
						g.Add(c.value(v))
					}
				})
			}
		}))
	}
	var props jen.Code = jen.Nil()
	if r.Properties != nil {
		props = c.property(r.Properties)
	}
	return append(c.stmts, jen.Return(jen.Id("epEndpoint").Call(url, headers, props))), c.err
}

func (c *compiler) property(p *ruleset.Property) jen.Code {
	switch p.Kind {
	case ruleset.PropString:
		return c.value(p.Str)
	case ruleset.PropBool:
		return jen.Lit(p.Bool)
	case ruleset.PropList:
		return jen.Index().Any().ValuesFunc(func(g *jen.Group) {
			for _, it := range p.Items {
				g.Line().Add(c.property(it))
			}
			if len(p.Items) > 0 {
				g.Line()
			}
		})
	}
	return jen.Map(jen.String()).Any().ValuesFunc(func(g *jen.Group) {
		for _, f := range p.Fields {
			g.Line().Lit(f.Key).Op(":").Add(c.property(f.Value))
		}
		if len(p.Fields) > 0 {
			g.Line()
		}
	})
}
