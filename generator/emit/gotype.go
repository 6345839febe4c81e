package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/plan"
)

// TypeCode is the Go type of t as a value.
func TypeCode(t *plan.Type) *jen.Statement {
	switch t.Kind {
	case plan.StringKind:
		return jen.String()
	case plan.BoolKind:
		return jen.Bool()
	case plan.Int8Kind:
		return jen.Int8()
	case plan.Int16Kind:
		return jen.Int16()
	case plan.Int32Kind:
		return jen.Int32()
	case plan.Int64Kind:
		return jen.Int64()
	case plan.Float32Kind:
		return jen.Float32()
	case plan.Float64Kind:
		return jen.Float64()
	case plan.BigIntKind:
		return jen.Op("*").Qual("math/big", "Int")
	case plan.BigDecimalKind:
		return jen.Op("*").Qual("math/big", "Float")
	case plan.TimeKind:
		return jen.Qual("time", "Time")
	case plan.BlobKind:
		return jen.Index().Byte()
	case plan.StreamKind:
		return jen.Qual("io", "Reader")
	case plan.DocumentKind:
		return jen.Any()
	case plan.UnitKind:
		return jen.Struct()
	case plan.ListKind:
		return jen.Index().Add(elemCode(t))
	case plan.MapKind:
		return jen.Map(jen.String()).Add(elemCode(t))
	}
	return jen.Id(t.Name)
}

func elemCode(t *plan.Type) *jen.Statement {
	if t.ElemPointer {
		return jen.Op("*").Add(TypeCode(t.Elem))
	}
	return TypeCode(t.Elem)
}

// FieldType is the Go type of a struct field, pointer included.
func FieldType(f *plan.Field) *jen.Statement {
	if f.ReadCloser {
		return jen.Qual("io", "ReadCloser")
	}
	if f.Pointer && f.Type.Kind != plan.BigIntKind && f.Type.Kind != plan.BigDecimalKind {
		return jen.Op("*").Add(TypeCode(f.Type))
	}
	return TypeCode(f.Type)
}

// IsNilable reports whether an unset field compares equal to nil, so a
// required check is possible.
func IsNilable(f *plan.Field) bool {
	if f.Pointer {
		return true
	}
	switch f.Type.Kind {
	case plan.BlobKind, plan.StreamKind, plan.DocumentKind, plan.ListKind, plan.MapKind,
		plan.UnionKind, plan.BigIntKind, plan.BigDecimalKind:
		return true
	}
	return false
}
