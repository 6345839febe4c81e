package emit

import (
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/plan"
)

// Enums writes enums.go. Enums are open: any value converts to the type
// and survives a round trip; the constants and Values name the values the
// model knows, with the AWS SDK's names.
func Enums(g *Generator) {
	if len(g.Plan.Enums) == 0 {
		return
	}
	f := g.GoFile("enums.go")
	for _, e := range g.Plan.Enums {
		enum(f, e)
	}
}

func enum(f *jen.File, e *plan.Enum) {
	base := jen.String()
	if e.Int {
		base = jen.Int32()
	}
	kind := "string"
	if e.Int {
		kind = "int32"
	}
	f.Add(Doc(e.Name+" is an open set of "+kind+" values: values this package does not know are kept as they are.",
		e.Shape.Traits.Documentation(), nil, deprecated(e.Shape.Traits)))
	f.Type().Id(e.Name).Add(base)
	f.Line()
	f.Add(Text("Values of " + e.Name + " known to this package."))
	var consts []jen.Code
	for i, v := range e.Values {
		if i > 0 && (v.Doc != "" || v.Deprecated != nil || e.Values[i-1].Doc != "") {
			consts = append(consts, jen.Line())
		}
		consts = append(consts, Doc("", v.Doc, nil, v.Deprecated), jen.Id(v.Const).Id(e.Name).Op("=").Add(value(e, v)))
	}
	f.Const().Defs(consts...)
	f.Line()
	var lits []jen.Code
	for _, v := range e.Values {
		lits = append(lits, jen.Id(v.Const))
	}
	f.Add(Text("Values returns the values of " + e.Name + " known to this package, in model order. A newer service may send others; they are valid values too."))
	f.Func().Params(jen.Id(e.Name)).Id("Values").Params().Index().Id(e.Name).Block(
		jen.Return(jen.Index().Id(e.Name).ValuesFunc(func(gr *jen.Group) {
			for _, l := range lits {
				gr.Line().Add(l)
			}
			gr.Line()
		})),
	)
	f.Line()
	f.Comment("IsKnown reports whether v is one of the values in Values.")
	f.Func().Params(jen.Id("v").Id(e.Name)).Id("IsKnown").Params().Bool().Block(
		jen.Switch(jen.Id("v")).Block(
			jen.CaseFunc(func(g *jen.Group) {
				for i, l := range lits {
					if i > 0 {
						g.Line().Add(l)
					} else {
						g.Add(l)
					}
				}
			}).Block(jen.Return(jen.True())),
		),
		jen.Return(jen.False()),
	)
	f.Line()
}

func value(e *plan.Enum, v plan.EnumValue) jen.Code {
	if e.Int {
		n, _ := strconv.ParseInt(v.Value, 10, 32)
		return jen.Lit(int(n))
	}
	return jen.Lit(v.Value)
}
