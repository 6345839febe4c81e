package plan

import (
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Kind is the Go shape of a type.
type Kind int

// The Go kinds.
const (
	StringKind Kind = iota
	BoolKind
	Int8Kind
	Int16Kind
	Int32Kind
	Int64Kind
	Float32Kind
	Float64Kind
	BigIntKind     // *big.Int
	BigDecimalKind // *big.Float
	TimeKind       // time.Time
	BlobKind       // []byte
	StreamKind     // io.Reader, for streaming blobs (io.ReadCloser in outputs: Field.ReadCloser)
	DocumentKind   // any
	EnumKind       // named string type
	IntEnumKind    // named int32 type
	ListKind       // []Elem
	MapKind        // map[string]Elem
	StructKind     // named struct
	UnionKind      // named interface
	UnitKind       // struct{}: a union member targeting smithy.api#Unit
)

// Type is the Go type of a shape.
type Type struct {
	Kind  Kind
	Shape *smithy.Shape
	// Name is the Go name of a named type: enum, int enum, struct, union.
	Name string
	// Ident names the type in the package-level functions that handle its
	// values (see Plan.Func): its Go name, or for lists and maps a name
	// from the shape that no other type has.
	Ident string
	// Elem is a list's element or a map's value; Key is a map's key.
	Elem, Key *Type
	// ElemPointer makes the elements of a sparse collection pointers.
	ElemPointer bool
	// Member is a list's member or a map's value member, whose traits
	// (xmlName, timestampFormat) wire code reads.
	Member *smithy.Member
	// KeyMember is a map's key member.
	KeyMember *smithy.Member
	// ElemRules and KeyRules constrain a collection's elements (or map
	// values) and map keys.
	ElemRules, KeyRules Rules
	// Struct, Enum and Union point to the planned named type.
	Struct *Struct
	Enum   *Enum
	Union  *Union
}

// Find returns the first type reachable from t (t itself included) that
// match accepts, going through structure fields, union variants and list
// and map elements; nil if there is none.
func Find(t *Type, match func(*Type) bool) *Type {
	seen := map[*Type]bool{}
	var find func(t *Type) *Type
	find = func(t *Type) *Type {
		if t == nil || seen[t] {
			return nil
		}
		seen[t] = true
		if match(t) {
			return t
		}
		switch {
		case t.Struct != nil:
			for _, f := range t.Struct.Fields {
				if found := find(f.Type); found != nil {
					return found
				}
			}
		case t.Union != nil:
			for _, v := range t.Union.Variants {
				if found := find(v.Field.Type); found != nil {
					return found
				}
			}
		case t.Elem != nil:
			return find(t.Elem)
		}
		return nil
	}
	return find(t)
}

// IsNumber reports whether the type is a Go number, int enums included.
func (t *Type) IsNumber() bool {
	switch t.Kind {
	case Int8Kind, Int16Kind, Int32Kind, Int64Kind, Float32Kind, Float64Kind, IntEnumKind:
		return true
	}
	return false
}

// IsInteger reports whether the type is a Go integer, int enums included.
func (t *Type) IsInteger() bool {
	switch t.Kind {
	case Int8Kind, Int16Kind, Int32Kind, Int64Kind, IntEnumKind:
		return true
	}
	return false
}

// Bits is the size of an integer or float kind.
func (t *Type) Bits() int {
	switch t.Kind {
	case Int8Kind:
		return 8
	case Int16Kind:
		return 16
	case Int32Kind, Float32Kind, IntEnumKind:
		return 32
	}
	return 64
}

// Pointable reports whether a field of this type is a pointer when the
// member is nullable. Collections, blobs, documents, unions and enums are
// always values, as in the AWS SDK: their zero value already means unset;
// big numbers are pointers already.
func (t *Type) Pointable() bool {
	switch t.Kind {
	case BlobKind, StreamKind, DocumentKind, EnumKind, IntEnumKind, ListKind, MapKind, UnionKind,
		BigIntKind, BigDecimalKind:
		return false
	}
	return true
}

// Nilable reports whether nil is a value of the type itself.
func (t *Type) Nilable() bool {
	switch t.Kind {
	case BlobKind, StreamKind, DocumentKind, ListKind, MapKind, UnionKind, BigIntKind, BigDecimalKind:
		return true
	}
	return false
}

// Comparable reports whether Go's == compares two values of the type as
// Smithy compares them, so uniqueItems needs no equality function.
func (t *Type) Comparable() bool {
	switch t.Kind {
	case StringKind, BoolKind, Int8Kind, Int16Kind, Int32Kind, Int64Kind, Float32Kind, Float64Kind,
		EnumKind, IntEnumKind:
		return true
	}
	return false
}

var kindOf = map[smithy.Type]Kind{
	smithy.String: StringKind, smithy.Boolean: BoolKind, smithy.Byte: Int8Kind, smithy.Short: Int16Kind,
	smithy.Integer: Int32Kind, smithy.Long: Int64Kind, smithy.Float: Float32Kind, smithy.Double: Float64Kind,
	smithy.BigInteger: BigIntKind, smithy.BigDecimal: BigDecimalKind, smithy.Timestamp: TimeKind,
	smithy.Blob: BlobKind, smithy.Document: DocumentKind, smithy.Enum: EnumKind, smithy.IntEnum: IntEnumKind,
	smithy.List: ListKind, smithy.Set: ListKind, smithy.Map: MapKind, smithy.Structure: StructKind, smithy.Union: UnionKind,
}
