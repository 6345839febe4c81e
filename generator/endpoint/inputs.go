package endpoint

import (
	"fmt"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// inputValue is Go code for an operation's input holding a test case's
// operationParams document: &<Op>Input{...}.
func (gp *goPlan) inputValue(op *plan.Operation, n smithy.Node) (jen.Code, error) {
	st := &plan.Type{Kind: plan.StructKind, Struct: op.Input, Name: op.Input.Name}
	if n.Kind == 0 {
		return jen.Op("&").Id(op.Input.Name).Values(), nil
	}
	return docValue(st, n, true)
}

// docValue is Go code for a document as a value of type t, or a pointer
// to one.
func docValue(t *plan.Type, n smithy.Node, pointer bool) (jen.Code, error) {
	wrap := func(c jen.Code) jen.Code {
		if pointer {
			return jen.Id("epPtr").Call(c)
		}
		return c
	}
	bad := func() (jen.Code, error) {
		return nil, fmt.Errorf("%s is not a value of a %s", n.Kind, kindName(t))
	}
	switch t.Kind {
	case plan.StringKind:
		if n.Kind != smithy.StringNode {
			return bad()
		}
		return wrap(jen.Lit(n.Str)), nil
	case plan.EnumKind:
		if n.Kind != smithy.StringNode {
			return bad()
		}
		return jen.Id(t.Name).Parens(jen.Lit(n.Str)), nil
	case plan.BoolKind:
		if n.Kind != smithy.BoolNode {
			return bad()
		}
		return wrap(jen.Lit(n.Bool)), nil
	case plan.Int8Kind, plan.Int16Kind, plan.Int32Kind, plan.Int64Kind:
		i, ok := n.Int()
		if !ok {
			return bad()
		}
		return wrap(jen.Id(fmt.Sprintf("int%d", t.Bits())).Parens(jen.Lit(int(i)))), nil
	case plan.Float32Kind, plan.Float64Kind:
		f, ok := n.Float()
		if !ok {
			return bad()
		}
		return wrap(jen.Id(fmt.Sprintf("float%d", t.Bits())).Parens(jen.Lit(f))), nil
	case plan.BlobKind:
		if n.Kind != smithy.StringNode {
			return bad()
		}
		return jen.Index().Byte().Parens(jen.Lit(n.Str)), nil
	case plan.ListKind:
		if n.Kind != smithy.ArrayNode {
			return bad()
		}
		var items []jen.Code
		for _, it := range n.Items {
			v, err := docValue(t.Elem, it, t.ElemPointer)
			if err != nil {
				return nil, err
			}
			items = append(items, v)
		}
		typ, err := typeCode(t)
		if err != nil {
			return nil, err
		}
		return typ.Values(items...), nil
	case plan.MapKind:
		if n.Kind != smithy.ObjectNode {
			return bad()
		}
		d := jen.Dict{}
		for _, f := range n.Fields {
			v, err := docValue(t.Elem, f.Value, t.ElemPointer)
			if err != nil {
				return nil, err
			}
			d[jen.Lit(f.Key)] = v
		}
		typ, err := typeCode(t)
		if err != nil {
			return nil, err
		}
		return typ.Values(d), nil
	case plan.StructKind:
		if n.Kind != smithy.ObjectNode || t.Struct == nil {
			return bad()
		}
		d := jen.Dict{}
		for _, f := range n.Fields {
			var field *plan.Field
			for _, sf := range t.Struct.Fields {
				if sf.Member.Name == f.Key {
					field = sf
				}
			}
			if field == nil {
				return nil, fmt.Errorf("%s has no member %s", t.Struct.Name, f.Key)
			}
			v, err := docValue(field.Type, f.Value, field.Pointer)
			if err != nil {
				return nil, err
			}
			d[jen.Id(field.Name)] = v
		}
		lit := jen.Id(t.Struct.Name).Values(d)
		if pointer {
			return jen.Op("&").Add(lit), nil
		}
		return lit, nil
	case plan.UnionKind:
		if n.Kind != smithy.ObjectNode || len(n.Fields) != 1 || t.Union == nil {
			return nil, fmt.Errorf("a union value must be an object with one member")
		}
		f := n.Fields[0]
		for _, v := range t.Union.Variants {
			if v.Field.Member.Name == f.Key {
				inner, err := docValue(v.Field.Type, f.Value, false)
				if err != nil {
					return nil, err
				}
				return jen.Op("&").Id(v.Name).Values(jen.Dict{jen.Id("Value"): inner}), nil
			}
		}
		return nil, fmt.Errorf("union %s has no member %s", t.Union.Name, strconv.Quote(f.Key))
	}
	return nil, fmt.Errorf("smithy2go does not write test inputs of a %s", kindName(t))
}

// typeCode is the Go type of a collection or named type.
func typeCode(t *plan.Type) (*jen.Statement, error) {
	switch t.Kind {
	case plan.StringKind:
		return jen.String(), nil
	case plan.BoolKind:
		return jen.Bool(), nil
	case plan.Int8Kind, plan.Int16Kind, plan.Int32Kind, plan.Int64Kind:
		return jen.Id(fmt.Sprintf("int%d", t.Bits())), nil
	case plan.Float32Kind, plan.Float64Kind:
		return jen.Id(fmt.Sprintf("float%d", t.Bits())), nil
	case plan.BlobKind:
		return jen.Index().Byte(), nil
	case plan.EnumKind, plan.IntEnumKind, plan.StructKind, plan.UnionKind:
		return jen.Id(t.Name), nil
	case plan.ListKind, plan.MapKind:
		elem, err := typeCode(t.Elem)
		if err != nil {
			return nil, err
		}
		if t.ElemPointer {
			elem = jen.Op("*").Add(elem)
		}
		if t.Kind == plan.ListKind {
			return jen.Index().Add(elem), nil
		}
		return jen.Map(jen.String()).Add(elem), nil
	}
	return nil, fmt.Errorf("smithy2go does not write test inputs of a %s", kindName(t))
}
