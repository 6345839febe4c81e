package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/plan"
)

// equality writes the functions that compare values as Smithy compares
// them, for uniqueItems on lists whose items Go's == cannot compare.
type equality struct {
	g     *Generator
	f     *jen.File
	done  map[*plan.Type]bool
	queue []*plan.Type
}

// fn names the function comparing two values of a list, map, structure
// or union type, queueing it for writing.
func (e *equality) fn(t *plan.Type) string {
	if e.done == nil {
		e.done = map[*plan.Type]bool{}
	}
	if !e.done[t] {
		e.done[t] = true
		e.queue = append(e.queue, t)
	}
	return e.g.Plan.Func("equal", t)
}

// expr is a boolean expression comparing a and b, two values of t, or two
// pointers to values of t when ptr.
func (e *equality) expr(t *plan.Type, a, b *jen.Statement, ptr bool) *jen.Statement {
	if ptr && t.Kind != plan.StructKind {
		// Both unset, or both set and equal.
		return jen.Parens(a.Clone().Op("==").Nil().Op("&&").Add(b.Clone()).Op("==").Nil()).Op("||").
			Parens(a.Clone().Op("!=").Nil().Op("&&").Add(b.Clone()).Op("!=").Nil().Op("&&").
				Add(e.expr(t, jen.Op("*").Add(a), jen.Op("*").Add(b), false)))
	}
	switch {
	case t.Comparable():
		return a.Op("==").Add(b)
	case t.Kind == plan.TimeKind:
		return a.Dot("Equal").Call(b)
	case t.Kind == plan.BlobKind:
		return jen.Qual("bytes", "Equal").Call(a, b)
	case t.Kind == plan.BigIntKind, t.Kind == plan.BigDecimalKind:
		return jen.Parens(a.Clone().Op("==").Nil().Op("&&").Add(b.Clone()).Op("==").Nil()).Op("||").
			Parens(a.Clone().Op("!=").Nil().Op("&&").Add(b.Clone()).Op("!=").Nil().Op("&&").
				Add(a).Dot("Cmp").Call(b).Op("==").Lit(0))
	case t.Kind == plan.DocumentKind:
		e.g.UseRuntime("runtime_equal.go")
		return jen.Id("documentEqual").Call(a, b)
	case t.Kind == plan.StructKind && !ptr:
		return jen.Id(e.fn(t)).Call(jen.Op("&").Add(a), jen.Op("&").Add(b))
	}
	return jen.Id(e.fn(t)).Call(a, b)
}

// flush writes the queued functions.
func (e *equality) flush() {
	for len(e.queue) > 0 {
		t := e.queue[0]
		e.queue = e.queue[1:]
		name := e.g.Plan.Func("equal", t)
		a, b := jen.Id("a"), jen.Id("b")
		var params jen.Code = jen.List(a, b).Add(TypeCode(t))
		var body []jen.Code
		switch {
		case t.Struct != nil:
			params = jen.List(a, b).Op("*").Id(t.Struct.Name)
			body = append(body, jen.If(a.Clone().Op("==").Nil().Op("||").Add(b.Clone()).Op("==").Nil()).Block(
				jen.Return(a.Clone().Op("==").Add(b.Clone()))))
			for _, f := range t.Struct.Fields {
				body = append(body, jen.If(jen.Op("!").Parens(e.expr(f.Type, a.Clone().Dot(f.Name), b.Clone().Dot(f.Name), f.Pointer))).Block(
					jen.Return(jen.False())))
			}
			body = append(body, jen.Return(jen.True()))
		case t.Union != nil:
			var cases []jen.Code
			for _, v := range t.Union.Variants {
				cases = append(cases, jen.Case(jen.Op("*").Id(v.Name)).Block(
					jen.List(jen.Id("y"), jen.Id("ok")).Op(":=").Add(b.Clone()).Assert(jen.Op("*").Id(v.Name)),
					jen.Return(jen.Id("ok").Op("&&").Add(e.expr(v.Field.Type, jen.Id("x").Dot("Value"), jen.Id("y").Dot("Value"), false))),
				))
			}
			unknown := e.g.Plan.Ident("UnknownUnionMember")
			cases = append(cases, jen.Case(jen.Op("*").Id(unknown)).Block(
				jen.List(jen.Id("y"), jen.Id("ok")).Op(":=").Add(b.Clone()).Assert(jen.Op("*").Id(unknown)),
				jen.Return(jen.Id("ok").Op("&&").Id("x").Dot("Tag").Op("==").Id("y").Dot("Tag").Op("&&").
					Qual("bytes", "Equal").Call(jen.Id("x").Dot("Value"), jen.Id("y").Dot("Value"))),
			))
			body = append(body,
				jen.Switch(jen.Id("x").Op(":=").Add(a.Clone()).Assert(jen.Type())).Block(cases...),
				jen.Return(a.Clone().Op("==").Nil().Op("&&").Add(b.Clone()).Op("==").Nil()))
		case t.Kind == plan.ListKind:
			body = append(body,
				jen.If(jen.Len(a.Clone()).Op("!=").Len(b.Clone())).Block(jen.Return(jen.False())),
				jen.For(jen.Id("i").Op(":=").Range().Add(a.Clone())).Block(
					jen.If(jen.Op("!").Parens(e.expr(t.Elem, a.Clone().Index(jen.Id("i")), b.Clone().Index(jen.Id("i")), t.ElemPointer))).Block(
						jen.Return(jen.False()))),
				jen.Return(jen.True()))
		case t.Kind == plan.MapKind:
			body = append(body,
				jen.If(jen.Len(a.Clone()).Op("!=").Len(b.Clone())).Block(jen.Return(jen.False())),
				jen.For(jen.List(jen.Id("k"), jen.Id("x")).Op(":=").Range().Add(a.Clone())).Block(
					jen.List(jen.Id("y"), jen.Id("ok")).Op(":=").Add(b.Clone()).Index(jen.Id("k")),
					jen.If(jen.Op("!").Id("ok").Op("||").Op("!").Parens(e.expr(t.Elem, jen.Id("x"), jen.Id("y"), t.ElemPointer))).Block(
						jen.Return(jen.False()))),
				jen.Return(jen.True()))
		}
		e.f.Func().Id(name).Params(params).Bool().Block(body...)
		e.f.Line()
	}
}
