package emit

import (
	"fmt"
	"math"
	"math/big"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/plan"
)

// Validators writes validators.go: Validate on every operation input, and
// one unexported function per shape that has something to check. The
// checks cover required members and every constraint trait (length, range,
// pattern, uniqueItems), through nested structures, lists, maps and unions.
// A valid input allocates nothing: paths are built only for violations.
func Validators(g *Generator) {
	v := &validators{g: g, needs: map[*plan.Type]bool{}, busy: map[*plan.Type]bool{}, usedPatterns: map[*plan.Pattern]bool{}}
	f := g.GoFile("validators.go")
	v.f = f
	v.eq = &equality{g: g, f: f}
	g.UseRuntime("runtime_validate.go")
	for _, op := range g.Plan.Operations {
		st := op.Input
		f.Add(Text("Validate checks v against the model: required members and every length, range, pattern and uniqueItems constraint. The error is a *" + g.Plan.Ident("InvalidParamsError") + " listing every violation."))
		f.Func().Params(jen.Id("v").Op("*").Id(st.Name)).Id("Validate").Params().Error().Block(
			jen.Var().Id("vr").Id("validator"),
			jen.Id(g.Plan.StructFunc("validate", st)).Call(jen.Op("&").Id("vr"), jen.Nil(), jen.Id("v")),
			jen.Return(jen.Id("vr").Dot("err").Call()),
		)
		f.Line()
		v.structFunc(st)
	}
	for len(v.queue) > 0 {
		t := v.queue[0]
		v.queue = v.queue[1:]
		switch {
		case t.Struct != nil:
			v.structFunc(t.Struct)
		case t.Kind == plan.ListKind:
			v.listFunc(t)
		case t.Kind == plan.MapKind:
			v.mapFunc(t)
		case t.Union != nil:
			v.unionFunc(t)
		}
	}
	v.eq.flush()
	v.patternVars()
}

type validators struct {
	g     *Generator
	f     *jen.File
	needs map[*plan.Type]bool
	busy  map[*plan.Type]bool
	done  map[string]bool
	queue []*plan.Type
	eq    *equality
	// usedPatterns are the patterns some check uses, declared at the end.
	usedPatterns map[*plan.Pattern]bool
}

// need reports whether values of t have anything to check inside them.
func (v *validators) need(t *plan.Type) bool {
	if n, ok := v.needs[t]; ok {
		return n
	}
	if v.busy[t] {
		return false // a cycle adds nothing the other paths don't
	}
	v.busy[t] = true
	defer delete(v.busy, t)
	n := false
	switch {
	case t.Struct != nil:
		for _, f := range t.Struct.Fields {
			if v.fieldNeeds(f) {
				n = true
			}
		}
	case t.Union != nil:
		for _, vr := range t.Union.Variants {
			if !vr.Field.Rules.Empty() || v.need(vr.Field.Type) {
				n = true
			}
		}
	case t.Kind == plan.ListKind:
		n = !t.ElemRules.Empty() || v.need(t.Elem)
	case t.Kind == plan.MapKind:
		n = !t.KeyRules.Empty() || !t.ElemRules.Empty() || v.need(t.Elem)
	}
	// A "no" found inside a cycle may only hold for this path; a "yes"
	// always holds.
	if n || len(v.busy) == 1 {
		v.needs[t] = n
	}
	return n
}

func (v *validators) fieldNeeds(f *plan.Field) bool {
	return (f.Required && f.Nilable()) || (f.Required && f.Type.Kind == plan.EnumKind) ||
		!f.Rules.Empty() || v.need(f.Type)
}

func (v *validators) enqueue(t *plan.Type) string {
	name := v.g.Plan.Func("validate", t)
	if v.done == nil {
		v.done = map[string]bool{}
	}
	if !v.done[name] {
		v.done[name] = true
		v.queue = append(v.queue, t)
	}
	return name
}

func (v *validators) structFunc(st *plan.Struct) {
	name := v.g.Plan.StructFunc("validate", st)
	var body []jen.Code
	for _, f := range st.Fields {
		if !v.fieldNeeds(f) {
			continue
		}
		body = append(body, v.fieldChecks(f, jen.Id("v").Dot(f.Name), f.Pointer)...)
	}
	v.f.Func().Id(name).Params(
		jen.Id("vr").Op("*").Id("validator"), jen.Id("p").Op("*").Id("validationPath"), jen.Id("v").Op("*").Id(st.Name),
	).Block(body...)
	v.f.Line()
}

// fieldChecks checks one member, whose value is val (a pointer when ptr).
func (v *validators) fieldChecks(f *plan.Field, val *jen.Statement, ptr bool) []jen.Code {
	var out []jen.Code
	name := jen.Lit(f.Name)
	if f.Required {
		switch {
		case ptr || f.Nilable():
			out = append(out, jen.If(val.Clone().Op("==").Nil()).Block(jen.Id("vr").Dot("required").Call(jen.Id("p"), name)))
		case f.Type.Kind == plan.EnumKind:
			out = append(out, jen.If(val.Clone().Op("==").Lit("")).Block(jen.Id("vr").Dot("required").Call(jen.Id("p"), name)))
		}
	}
	elem := val.Clone()
	if ptr {
		elem = jen.Op("*").Add(val.Clone())
	}
	checks := v.valueChecks(jen.Id("p"), f.Name, elem, f.Type, f.Rules)
	if v.need(f.Type) {
		checks = append(checks, v.nested(f.Name, val.Clone(), f.Type, ptr))
	}
	if len(checks) == 0 {
		return out
	}
	switch {
	case ptr || f.Nilable():
		out = append(out, jen.If(val.Clone().Op("!=").Nil()).Block(checks...))
	case f.Type.Kind == plan.EnumKind:
		out = append(out, jen.If(val.Clone().Op("!=").Lit("")).Block(checks...))
	case f.ZeroIsUnset() && f.Type.Kind != plan.BoolKind:
		// A default of 0 may lie outside the member's range (Evidently's
		// period: default 0, range 300..90000); the zero is not sent.
		out = append(out, jen.If(val.Clone().Op("!=").Lit(0)).Block(checks...))
	default:
		out = append(out, checks...)
	}
	return out
}

// nested descends into a structure, collection or union member.
func (v *validators) nested(field string, val *jen.Statement, t *plan.Type, ptr bool) jen.Code {
	fn := v.enqueue(t)
	arg := val
	if t.Struct != nil && !ptr {
		arg = jen.Op("&").Add(val)
	}
	return jen.Id("fp").Op(":=").Id("validationPath").Values(
		jen.Id("parent").Op(":").Id("p"), jen.Id("field").Op(":").Lit(field), jen.Id("index").Op(":").Lit(-1),
	).Line().Id(fn).Call(jen.Id("vr"), jen.Op("&").Id("fp"), arg)
}

// valueChecks checks the constraint rules on a value (never a pointer).
func (v *validators) valueChecks(path jen.Code, field string, val *jen.Statement, t *plan.Type, r plan.Rules) []jen.Code {
	var out []jen.Code
	call := func(method string, args ...jen.Code) {
		out = append(out, jen.Id("vr").Dot(method).Call(append([]jen.Code{path, jen.Lit(field)}, args...)...))
	}
	str := val.Clone()
	if t.Kind == plan.EnumKind {
		str = jen.String().Call(val.Clone())
	}
	if b := r.Length; b != nil {
		lo, hi := boundInts(b.Min, b.Max, b.HasMin, b.HasMax)
		bounds := []jen.Code{intLit(lo), intLit(hi), jen.Lit(b.HasMin), jen.Lit(b.HasMax)}
		switch t.Kind {
		case plan.StringKind, plan.EnumKind:
			call("lengthString", append([]jen.Code{str.Clone()}, bounds...)...)
		case plan.BlobKind, plan.ListKind, plan.MapKind:
			call("length", append([]jen.Code{jen.Len(val.Clone())}, bounds...)...)
		}
	}
	if b := r.Range; b != nil {
		switch {
		case t.IsInteger():
			lo, hi := boundInts(b.Min, b.Max, b.HasMin, b.HasMax)
			call("rangeInt", jen.Int64().Call(val.Clone()), intLit(lo), intLit(hi), jen.Lit(b.HasMin), jen.Lit(b.HasMax))
		case t.Kind == plan.Float32Kind || t.Kind == plan.Float64Kind:
			lo, hi := boundFloat(b.Min, t.Kind == plan.Float32Kind), boundFloat(b.Max, t.Kind == plan.Float32Kind)
			call("rangeFloat", jen.Float64().Call(val.Clone()), jen.Lit(lo), jen.Lit(hi), jen.Lit(b.HasMin), jen.Lit(b.HasMax),
				jen.Lit(b.Min), jen.Lit(b.Max))
		case t.Kind == plan.BigIntKind:
			v.g.UseRuntime("runtime_validatebig.go")
			call("rangeBig", jen.New(jen.Qual("math/big", "Float")).Dot("SetInt").Call(val.Clone()),
				jen.Lit(b.Min), jen.Lit(b.Max), jen.Lit(b.HasMin), jen.Lit(b.HasMax))
		case t.Kind == plan.BigDecimalKind:
			v.g.UseRuntime("runtime_validatebig.go")
			call("rangeBig", val.Clone(), jen.Lit(b.Min), jen.Lit(b.Max), jen.Lit(b.HasMin), jen.Lit(b.HasMax))
		}
	}
	if pt := r.Pattern; pt != nil {
		v.usedPatterns[pt] = true
		call("pattern", str.Clone(), jen.Id(pt.Var).Call(), jen.Lit(pt.Source))
	}
	if r.UniqueItems {
		if t.Elem.Comparable() && !t.ElemPointer {
			out = append(out, jen.Id("uniqueItemsCheck").Call(jen.Id("vr"), path, jen.Lit(field), val.Clone()))
		} else {
			et := TypeCode(t.Elem)
			if t.ElemPointer {
				et = jen.Op("*").Add(et)
			}
			eq := jen.Func().Params(jen.List(jen.Id("a"), jen.Id("b")).Add(et)).Bool().Block(
				jen.Return(v.eq.expr(t.Elem, jen.Id("a"), jen.Id("b"), t.ElemPointer)))
			out = append(out, jen.Id("uniqueItemsEqual").Call(jen.Id("vr"), path, jen.Lit(field), val.Clone(), eq))
		}
	}
	return out
}

// intLit is an untyped integer constant.
func intLit(n int64) jen.Code { return jen.Op(strconv.FormatInt(n, 10)) }

// boundInts converts length or integer range bounds to int64, rounding a
// fractional bound inwards (a range of 0.5..2.5 allows integers 1..2).
func boundInts(min, max string, hasMin, hasMax bool) (int64, int64) {
	var lo, hi int64
	if hasMin {
		f, _, _ := big.ParseFloat(min, 10, 200, big.ToNearestEven)
		c := new(big.Float).Set(f)
		i, acc := c.Int(nil)
		if acc == big.Below {
			i.Add(i, big.NewInt(1))
		}
		lo = clampInt(i)
	}
	if hasMax {
		f, _, _ := big.ParseFloat(max, 10, 200, big.ToNearestEven)
		i, acc := f.Int(nil)
		if acc == big.Above {
			i.Sub(i, big.NewInt(1))
		}
		hi = clampInt(i)
	}
	return lo, hi
}

func clampInt(i *big.Int) int64 {
	switch {
	case i.IsInt64():
		return i.Int64()
	case i.Sign() < 0:
		return math.MinInt64
	}
	return math.MaxInt64
}

// boundFloat parses a float bound, rounded to float32 for float members so
// a value written as the bound itself is in range.
func boundFloat(s string, f32 bool) float64 {
	if s == "" {
		return 0
	}
	x, _ := strconv.ParseFloat(s, 64)
	if f32 {
		return float64(float32(x))
	}
	return x
}

// patternVars declares the regexps, compiled on first use so that a large
// package does not pay for all of them at program start.
func (v *validators) patternVars() {
	var defs []jen.Code
	for _, pt := range v.g.Plan.Patterns {
		if !v.usedPatterns[pt] {
			continue
		}
		defs = append(defs, jen.Id(pt.Var).Op("=").Qual("sync", "OnceValue").Call(
			jen.Func().Params().Op("*").Qual("regexp", "Regexp").Block(
				jen.Return(jen.Qual("regexp", "MustCompile").Call(jen.Lit(pt.Go))))))
	}
	if len(defs) == 0 {
		return
	}
	v.f.Comment("The patterns of the model, compiled on first use.")
	v.f.Var().Defs(defs...)
}

func (v *validators) listFunc(t *plan.Type) {
	name := v.g.Plan.Func("validate", t)
	elem := jen.Id("v").Index(jen.Id("i"))
	var body []jen.Code
	checks := v.valueChecks(jen.Op("&").Id("ep"), "", elemValue(t, elem), t.Elem, t.ElemRules)
	if v.need(t.Elem) {
		checks = append(checks, v.elemNested(t, elem.Clone()))
	}
	if t.ElemPointer {
		checks = []jen.Code{jen.If(elem.Clone().Op("!=").Nil()).Block(checks...)}
	}
	body = append(body, jen.For(jen.Id("i").Op(":=").Range().Id("v")).Block(
		append([]jen.Code{
			jen.Id("ep").Op(":=").Id("validationPath").Values(jen.Id("parent").Op(":").Id("p"), jen.Id("index").Op(":").Id("i")),
		}, checks...)...,
	))
	v.f.Func().Id(name).Params(
		jen.Id("vr").Op("*").Id("validator"), jen.Id("p").Op("*").Id("validationPath"), jen.Id("v").Add(TypeCode(t)),
	).Block(body...)
	v.f.Line()
}

func elemValue(t *plan.Type, elem *jen.Statement) *jen.Statement {
	if t.ElemPointer {
		return jen.Op("*").Add(elem.Clone())
	}
	return elem.Clone()
}

// elemNested descends into an element of a list or a value of a map.
func (v *validators) elemNested(t *plan.Type, elem *jen.Statement) jen.Code {
	fn := v.enqueue(t.Elem)
	arg := elem
	if t.Elem.Struct != nil && !t.ElemPointer {
		arg = jen.Op("&").Add(elem)
	}
	return jen.Id(fn).Call(jen.Id("vr"), jen.Op("&").Id("ep"), arg)
}

func (v *validators) mapFunc(t *plan.Type) {
	name := v.g.Plan.Func("validate", t)
	// Struct values of a map are not addressable; check a copy.
	elem := jen.Id("v").Index(jen.Id("k"))
	var pre []jen.Code
	if t.Elem.Struct != nil && !t.ElemPointer && v.need(t.Elem) {
		pre = append(pre, jen.Id("e").Op(":=").Id("v").Index(jen.Id("k")))
		elem = jen.Id("e")
	}
	checks := v.valueChecks(jen.Op("&").Id("ep"), "", jen.Id("k"), t.Key, t.KeyRules)
	vals := v.valueChecks(jen.Op("&").Id("ep"), "", elemValue(t, elem), t.Elem, t.ElemRules)
	if v.need(t.Elem) {
		vals = append(vals, v.elemNested(t, elem.Clone()))
	}
	if t.ElemPointer && len(vals) > 0 {
		vals = []jen.Code{jen.If(elem.Clone().Op("!=").Nil()).Block(vals...)}
	}
	checks = append(checks, vals...)
	body := append([]jen.Code{
		jen.Id("ep").Op(":=").Id("validationPath").Values(
			jen.Id("parent").Op(":").Id("p"), jen.Id("index").Op(":").Lit(-1), jen.Id("key").Op(":").Id("k"), jen.Id("keyed").Op(":").True(),
		),
	}, pre...)
	body = append(body, checks...)
	v.f.Add(Text(fmt.Sprintf("%s visits keys in order so violations are reported in a stable order.", name)))
	v.f.Func().Id(name).Params(
		jen.Id("vr").Op("*").Id("validator"), jen.Id("p").Op("*").Id("validationPath"), jen.Id("v").Add(TypeCode(t)),
	).Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Qual("slices", "Sorted").Call(
			jen.Qual("maps", "Keys").Call(jen.Id("v")))).Block(body...),
	)
	v.f.Line()
}

func (v *validators) unionFunc(t *plan.Type) {
	name := v.g.Plan.Func("validate", t)
	var cases []jen.Code
	for _, vr := range t.Union.Variants {
		f := vr.Field
		checks := v.valueChecks(jen.Id("p"), f.Name, jen.Id("u").Dot("Value"), f.Type, f.Rules)
		if v.need(f.Type) {
			checks = append(checks, v.nested(f.Name, jen.Id("u").Dot("Value"), f.Type, false))
		}
		if len(checks) > 0 {
			cases = append(cases, jen.Case(jen.Op("*").Id(vr.Name)).Block(checks...))
		}
	}
	v.f.Func().Id(name).Params(
		jen.Id("vr").Op("*").Id("validator"), jen.Id("p").Op("*").Id("validationPath"), jen.Id("v").Id(t.Union.Name),
	).Block(jen.Switch(jen.Id("u").Op(":=").Id("v").Assert(jen.Type())).Block(cases...))
	v.f.Line()
}
