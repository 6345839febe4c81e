package emit

import (
	"math"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/sample"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Literal is Go source for a sample value of its type (never a pointer).
func Literal(v *sample.Value) jen.Code {
	t := v.Type
	switch t.Kind {
	case plan.StringKind:
		return stringLit(v.Str)
	case plan.EnumKind:
		for _, ev := range t.Enum.Values {
			if ev.Value == v.Str {
				return jen.Id(ev.Const)
			}
		}
		return jen.Id(t.Name).Call(jen.Lit(v.Str))
	case plan.IntEnumKind:
		for _, ev := range t.Enum.Values {
			if ev.Value == strconv.FormatInt(v.Int, 10) {
				return jen.Id(ev.Const)
			}
		}
		return jen.Id(t.Name).Call(jen.Lit(int(v.Int)))
	case plan.BoolKind:
		return jen.Lit(v.Bool)
	case plan.Int8Kind, plan.Int16Kind, plan.Int32Kind, plan.Int64Kind:
		return TypeCode(t).Call(jen.Lit(int(v.Int)))
	case plan.Float32Kind, plan.Float64Kind:
		return TypeCode(t).Call(floatLit(v.Float))
	case plan.BigIntKind:
		return jen.Qual("math/big", "NewInt").Call(jen.Lit(int(v.Int)))
	case plan.BigDecimalKind:
		return jen.Qual("math/big", "NewFloat").Call(floatLit(v.Float))
	case plan.TimeKind:
		u := v.Time.UTC()
		return jen.Qual("time", "Date").Call(jen.Lit(u.Year()), jen.Qual("time", u.Month().String()), jen.Lit(u.Day()),
			jen.Lit(u.Hour()), jen.Lit(u.Minute()), jen.Lit(u.Second()), jen.Lit(u.Nanosecond()), jen.Qual("time", "UTC"))
	case plan.BlobKind:
		return jen.Index().Byte().Call(stringLit(string(v.Bytes)))
	case plan.StreamKind:
		return jen.Qual("strings", "NewReader").Call(stringLit(string(v.Bytes)))
	case plan.StructKind:
		return jen.Id(t.Name).Values(fieldDict(v))
	case plan.UnionKind:
		return jen.Op("&").Id(v.Variant.Name).Values(jen.Dict{jen.Id("Value"): Literal(v.Inner)})
	case plan.UnitKind:
		return jen.Struct().Values()
	case plan.ListKind:
		if e, n, ok := v.Repeated(); ok {
			return repeatCall(t, e, n)
		}
		return TypeCode(t).ValuesFunc(func(g *jen.Group) {
			for _, it := range v.Items {
				g.Line().Add(elemLiteral(t, it))
			}
			if len(v.Items) > 0 {
				g.Line()
			}
		})
	case plan.MapKind:
		d := jen.Dict{}
		for _, e := range v.Entries {
			d[jen.Lit(e.Key)] = elemLiteral(t, e.Value)
		}
		return TypeCode(t).Values(d)
	case plan.DocumentKind:
		return documentLit(v.Document)
	}
	return jen.Nil()
}

// repeatCall is a list of n copies of e, with the tests' repeat helper.
// The element type is spelled out where e's literal has another type: a
// union variant, a document.
func repeatCall(t *plan.Type, e *sample.Value, n int) jen.Code {
	call := jen.Id("repeat")
	if k := t.Elem.Kind; k == plan.UnionKind || k == plan.DocumentKind {
		call.Types(elemCode(t))
	}
	// Unlike elemLiteral, a struct keeps its type: nothing around it
	// names the element type.
	if t.ElemPointer {
		return call.Call(jen.Lit(n), pointerTo(e))
	}
	return call.Call(jen.Lit(n), Literal(e))
}

// usesRepeat reports whether v holds a list that Literal writes with the
// repeat helper.
func usesRepeat(v *sample.Value) bool {
	if v == nil {
		return false
	}
	if _, _, ok := v.Repeated(); ok {
		return true
	}
	for _, f := range v.Fields {
		if usesRepeat(f.Value) {
			return true
		}
	}
	for _, it := range v.Items {
		if usesRepeat(it) {
			return true
		}
	}
	for _, e := range v.Entries {
		if usesRepeat(e.Value) {
			return true
		}
	}
	return usesRepeat(v.Inner)
}

// documentLit is a document as the JSON decoders return it: maps, slices,
// strings, booleans, nil, and numbers as json.Number with the model's text.
func documentLit(n smithy.Node) jen.Code {
	switch n.Kind {
	case smithy.BoolNode:
		return jen.Lit(n.Bool)
	case smithy.StringNode:
		return jen.Lit(n.Str)
	case smithy.NumberNode:
		return jen.Qual("encoding/json", "Number").Call(jen.Lit(n.Str))
	case smithy.ArrayNode:
		var items []jen.Code
		for _, it := range n.Items {
			items = append(items, documentLit(it))
		}
		return jen.Index().Any().Values(items...)
	case smithy.ObjectNode:
		d := jen.Dict{}
		for _, f := range n.Fields {
			d[jen.Lit(f.Key)] = documentLit(f.Value)
		}
		return jen.Map(jen.String()).Any().Values(d)
	}
	return jen.Nil()
}

// stringLit spells a long run of one character as strings.Repeat, as a
// person would.
func stringLit(s string) jen.Code {
	if len(s) > 16 && strings.Count(s, s[:1]) == len(s) {
		return jen.Qual("strings", "Repeat").Call(jen.Lit(s[:1]), jen.Lit(len(s)))
	}
	return jen.Lit(s)
}

func floatLit(f float64) jen.Code {
	switch {
	case math.IsNaN(f):
		return jen.Qual("math", "NaN").Call()
	case math.IsInf(f, 1):
		return jen.Qual("math", "Inf").Call(jen.Lit(1))
	case math.IsInf(f, -1):
		return jen.Qual("math", "Inf").Call(jen.Lit(-1))
	}
	return jen.Lit(f)
}

// elemLiteral is a list element or map value; a struct's type is left
// out, as gofmt -s would. A nil v is a sparse collection's null.
func elemLiteral(t *plan.Type, v *sample.Value) jen.Code {
	if v == nil {
		return jen.Nil()
	}
	if v.Type.Kind == plan.StructKind {
		return jen.Values(fieldDict(v))
	}
	if t.ElemPointer {
		return pointerTo(v)
	}
	return Literal(v)
}

// pointerTo is a pointer to a new value: &T{...} or ptr(x).
func pointerTo(v *sample.Value) jen.Code {
	switch v.Type.Kind {
	case plan.StructKind:
		return jen.Op("&").Add(Literal(v))
	case plan.BigIntKind, plan.BigDecimalKind:
		return Literal(v)
	}
	return jen.Id("ptr").Call(Literal(v))
}

// FieldLiteral is the value of a field: a pointer where the field is one.
func FieldLiteral(f *plan.Field, v *sample.Value) jen.Code {
	if f.ReadCloser {
		return jen.Qual("io", "NopCloser").Call(Literal(v))
	}
	if f.Pointer {
		return pointerTo(v)
	}
	return Literal(v)
}

func fieldDict(v *sample.Value) jen.Dict {
	d := jen.Dict{}
	for _, fv := range v.Fields {
		d[jen.Id(fv.Field.Name)] = FieldLiteral(fv.Field, fv.Value)
	}
	return d
}

// UnsetValue is what a field holds when unset.
func UnsetValue(f *plan.Field) jen.Code {
	if !f.Pointer && f.Type.Kind == plan.EnumKind {
		return jen.Lit("")
	}
	return jen.Nil()
}
