package sample

import (
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// FromNode converts a JSON value from the model, such as the params of a
// Smithy protocol test, into a value of t. Timestamps are epoch seconds,
// blobs are their bytes as a string, and floats may be "NaN", "Infinity"
// or "-Infinity", as the smithy.test traits write them. A null element of
// a sparse list or map is a nil *Value.
func FromNode(t *plan.Type, n smithy.Node) (*Value, error) {
	v := &Value{Type: t}
	bad := func() (*Value, error) {
		return nil, fmt.Errorf("%s value for %s %s", n.Kind, t.Shape.Type, t.Shape.ID)
	}
	switch t.Kind {
	case plan.StringKind, plan.EnumKind:
		if n.Kind != smithy.StringNode {
			return bad()
		}
		v.Str = n.Str
	case plan.BlobKind, plan.StreamKind:
		if n.Kind != smithy.StringNode {
			return bad()
		}
		v.Bytes = []byte(n.Str)
	case plan.BoolKind:
		if n.Kind != smithy.BoolNode {
			return bad()
		}
		v.Bool = n.Bool
	case plan.Int8Kind, plan.Int16Kind, plan.Int32Kind, plan.Int64Kind, plan.IntEnumKind, plan.BigIntKind:
		i, ok := n.Int()
		if !ok {
			return bad()
		}
		v.Int = i
	case plan.Float32Kind, plan.Float64Kind, plan.BigDecimalKind:
		switch {
		case n.Kind == smithy.NumberNode:
			v.Float, _ = n.Float()
		case n.Str == "NaN":
			v.Float = math.NaN()
		case n.Str == "Infinity":
			v.Float = math.Inf(1)
		case n.Str == "-Infinity":
			v.Float = math.Inf(-1)
		default:
			return bad()
		}
	case plan.TimeKind:
		switch n.Kind {
		case smithy.NumberNode:
			f, _ := n.Float()
			sec, frac := math.Modf(f)
			v.Time = time.Unix(int64(sec), int64(math.Round(frac*1e3))*1e6).UTC()
		case smithy.StringNode:
			tm, err := time.Parse(time.RFC3339Nano, n.Str)
			if err != nil {
				return bad()
			}
			v.Time = tm.UTC()
		default:
			return bad()
		}
	case plan.StructKind:
		if n.Kind != smithy.ObjectNode {
			return bad()
		}
		for _, f := range t.Struct.Fields {
			fn, ok := n.Get(f.Member.Name)
			if !ok || fn.Kind == smithy.NullNode {
				continue
			}
			fv, err := FromNode(f.Type, fn)
			if err != nil {
				return nil, err
			}
			v.Fields = append(v.Fields, FieldValue{f, fv})
		}
		for _, fl := range n.Fields {
			if findField(t.Struct, fl.Key) == nil {
				return nil, fmt.Errorf("%s has no member %q", t.Shape.ID, fl.Key)
			}
		}
	case plan.UnitKind:
		if n.Kind != smithy.ObjectNode || len(n.Fields) != 0 {
			return bad()
		}
	case plan.UnionKind:
		if n.Kind != smithy.ObjectNode || len(n.Fields) != 1 {
			return bad()
		}
		for _, vr := range t.Union.Variants {
			if vr.Field.Member.Name == n.Fields[0].Key {
				inner, err := FromNode(vr.Field.Type, n.Fields[0].Value)
				if err != nil {
					return nil, err
				}
				v.Variant, v.Inner = vr, inner
				return v, nil
			}
		}
		return bad()
	case plan.DocumentKind:
		v.Document = n
	case plan.ListKind:
		if n.Kind != smithy.ArrayNode {
			return bad()
		}
		v.Items = []*Value{}
		for _, it := range n.Items {
			if it.Kind == smithy.NullNode && sparse(t) {
				v.Items = append(v.Items, null(t))
				continue
			}
			e, err := FromNode(t.Elem, it)
			if err != nil {
				return nil, err
			}
			v.Items = append(v.Items, e)
		}
	case plan.MapKind:
		if n.Kind != smithy.ObjectNode {
			return bad()
		}
		for _, fl := range n.Fields {
			if fl.Value.Kind == smithy.NullNode && sparse(t) {
				v.Entries = append(v.Entries, Entry{fl.Key, null(t)})
				continue
			}
			e, err := FromNode(t.Elem, fl.Value)
			if err != nil {
				return nil, err
			}
			v.Entries = append(v.Entries, Entry{fl.Key, e})
		}
		sort.Slice(v.Entries, func(i, j int) bool { return v.Entries[i].Key < v.Entries[j].Key })
		if v.Entries == nil {
			v.Entries = []Entry{}
		}
	default:
		return nil, fmt.Errorf("%s values are not supported in test params", t.Shape.Type)
	}
	return v, nil
}

// sparse reports whether a collection may hold nulls.
func sparse(t *plan.Type) bool { return t.Shape.Traits.Sparse() }

// null is a null element of a sparse collection: nil where Go can hold
// one, else the element type's zero value (an enum's "", say).
func null(t *plan.Type) *Value {
	if t.ElemPointer || t.Elem.Nilable() {
		return nil
	}
	return &Value{Type: t.Elem}
}

func findField(st *plan.Struct, member string) *plan.Field {
	for _, f := range st.Fields {
		if f.Member.Name == member {
			return f
		}
	}
	return nil
}
