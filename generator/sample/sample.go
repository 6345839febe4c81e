// Package sample derives deterministic sample values from a plan: the
// minimal and full inputs and the full outputs that generated golden tests
// use. The same plan always gives the same values.
package sample

import (
	"time"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Value is a sample value of a planned type.
type Value struct {
	Type *plan.Type
	// Scalars; which one is set follows Type.Kind.
	Str   string
	Bool  bool
	Int   int64
	Float float64
	Time  time.Time
	Bytes []byte
	// Document is a document's value, as the model writes it.
	Document smithy.Node
	// Aggregates.
	Fields  []FieldValue // structure members that are set, in field order
	Items   []*Value     // list elements; nil for a null in a sparse list
	Entries []Entry      // map entries, sorted by key
	Variant *plan.Variant
	Inner   *Value // the variant's value
}

// FieldValue is one set member of a structure value.
type FieldValue struct {
	Field *plan.Field
	Value *Value
}

// Entry is one map entry.
type Entry struct {
	Key   string
	Value *Value // nil for a null in a sparse map
}
