// Package plan decides what Go code a model becomes: type and field names,
// Go types and pointer rules, enum constants, and the constraints each
// validator checks. Emitters read the plan and never the model file.
package plan

import (
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Plan is the Go view of one service's selected operations.
type Plan struct {
	Model   *smithy.Model
	Service *smithy.Shape
	Package string
	// Protocol is the service's protocol trait, or "" when it has none.
	Protocol smithy.ShapeID
	// Version is the service's API version, sent by query protocols.
	Version string

	Operations []*Operation // by Go name
	Structs    []*Struct    // every structure, inputs and outputs included, by Go name
	Enums      []*Enum      // string and int enums, by Go name
	Unions     []*Union     // by Go name
	// Lists and Maps are the collection shapes reachable from the
	// operations, by shape ID; wire code has one function per shape.
	Lists []*Type
	Maps  []*Type

	// Warnings are things the package cannot do that the model asks for,
	// such as a pattern Go's regexp cannot express.
	Warnings []string

	types map[smithy.ShapeID]*Type
}

// Type returns the Go type planned for a shape.
func (p *Plan) Type(id smithy.ShapeID) *Type { return p.types[id] }

// Operation is one selected operation.
type Operation struct {
	Name   string // the shape name, which is also the query Action
	Shape  *smithy.Shape
	Input  *Struct
	Output *Struct
	Errors []*Struct
	// Unsupported explains why no wire code is generated for the
	// operation (for example an event stream); "" when it is supported.
	Unsupported string

	plan *Plan
}

// Doc returns the operation's HTML documentation.
func (o *Operation) Doc() string { return o.Shape.Traits.Documentation() }

// Service returns the service shape the operation belongs to.
func (o *Operation) Service() *smithy.Shape { return o.plan.Service }

// Version returns the service's API version.
func (o *Operation) Version() string { return o.plan.Version }

// Role says what a structure is for.
type Role int

// The structure roles.
const (
	Nested Role = iota
	Input
	Output
	Error
)

// Struct is a Go struct generated for a structure shape.
type Struct struct {
	Name   string
	Shape  *smithy.Shape // the structure; smithy.api#Unit for an operation without input or output
	Fields []*Field
	Role   Role
	// Op is the operation a Role Input or Output struct belongs to.
	Op *Operation
	// Recursive reports that the struct can contain itself.
	Recursive bool
}

// Doc returns the structure's HTML documentation.
func (s *Struct) Doc() string {
	if smithy.IsUnit(s.Shape.ID) {
		return ""
	}
	return s.Shape.Traits.Documentation()
}

// ErrorCode is the code a service sends for an error structure.
func (s *Struct) ErrorCode() string {
	if q, ok := s.Shape.Traits.AWSQueryError(); ok && q.Code != "" {
		return q.Code
	}
	return s.Shape.ID.Name()
}

// Field is a member of a structure or union.
type Field struct {
	Name   string
	Member *smithy.Member
	Type   *Type
	// Pointer means the field is *T, so unset differs from the zero value.
	Pointer  bool
	Required bool
	Rules    Rules
}

// ZeroIsUnset reports a number held by value (its default is zero): like
// the SDK, serializers leave its zero out, so validators do not check it.
func (f *Field) ZeroIsUnset() bool {
	k := f.Type.Kind
	return !f.Pointer && (f.Type.IsInteger() || k == Float32Kind || k == Float64Kind)
}

// Doc returns the member's documentation, else its target's.
func (f *Field) Doc() string {
	if d := f.Member.Traits.Documentation(); d != "" {
		return d
	}
	return f.Type.Shape.Traits.Documentation()
}

// Enum is a named string or int32 type with a constant per value.
type Enum struct {
	Name   string
	Shape  *smithy.Shape
	Int    bool
	Values []EnumValue
}

// EnumValue is one enum constant.
type EnumValue struct {
	Const string // Go constant name
	Value string // wire value; for int enums the decimal literal
	Doc   string // HTML documentation, if any
	// Deprecated is set when the value is deprecated.
	Deprecated *smithy.Deprecation
}

// Union is a Go interface with one variant type per member, as the AWS SDK
// models unions.
type Union struct {
	Name     string
	Shape    *smithy.Shape
	Variants []*Variant
	// Unknown names the type that holds variants this package does not know.
	Unknown string
}

// Variant is one member of a union.
type Variant struct {
	Name  string // the variant type, <Union>Member<Member>
	Field *Field // the member, as the variant's Value field
}
