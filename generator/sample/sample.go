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

// Repeated returns the element of a list whose items are all one value
// (the same *Value, as the mutations make a list too long), and their
// count.
func (v *Value) Repeated() (*Value, int, bool) {
	if len(v.Items) < 2 || v.Items[0] == nil {
		return nil, 0, false
	}
	for _, it := range v.Items[1:] {
		if it != v.Items[0] {
			return nil, 0, false
		}
	}
	return v.Items[0], len(v.Items), true
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
