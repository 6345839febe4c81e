// Package plan decides what Go code a model becomes: type, field and
// function names, Go types and pointer rules, enum constants, the
// constraints each validator checks, and which operations the protocol
// carries. Emitters and protocols read the plan and only print.
package plan

import (
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Plan is the Go view of one service's selected operations.
type Plan struct {
	Model   *smithy.Model
	Service *smithy.Shape
	Package string
	// ProtocolTrait is the service's protocol trait, or "" when it has none.
	ProtocolTrait smithy.ShapeID
	// Protocol carries the service's protocol; nil when smithy2go has no
	// plug-in for it, and then no operation gets wire code.
	Protocol Protocol
	// Version is the service's API version.
	Version string

	Operations []*Operation // by Go name
	Structs    []*Struct    // every structure, inputs and outputs included, by Go name
	Enums      []*Enum      // string and int enums, by Go name
	Unions     []*Union     // by Go name
	// Patterns are the distinct patterns validators check, in plan order.
	Patterns []*Pattern

	// Warnings are things the package does not do that the model asks
	// for, such as a pattern Go's regexp cannot express, with the model
	// position that asks.
	Warnings smithy.Problems

	types  map[smithy.ShapeID]*Type
	idents map[string]string
}

// Type returns the Go type planned for a shape.
func (p *Plan) Type(id smithy.ShapeID) *Type { return p.types[id] }

// Ident returns the identifier the package declares for a name that the
// runtime or a protocol adds (such as "APIError"): the name itself, unless
// a model shape took it.
func (p *Plan) Ident(name string) string {
	if n, ok := p.idents[name]; ok {
		return n
	}
	return name
}

// Renamed returns the added names that yielded to model names, as
// old → new, for rewriting the runtime files that declare them.
func (p *Plan) Renamed() map[string]string {
	out := map[string]string{}
	for k, v := range p.idents {
		if k != v {
			out[k] = v
		}
	}
	return out
}

// Func is the name of the package-level function that does prefix (such
// as "serialize" or "validate") for values of t. Every type has an ident
// of its own, so names never clash as long as no prefix starts another.
func (p *Plan) Func(prefix string, t *Type) string {
	if t.Struct != nil {
		return prefix + t.Struct.Name
	}
	return prefix + t.Ident
}

// StructFunc is Func for a struct, operation inputs and outputs included.
func (p *Plan) StructFunc(prefix string, st *Struct) string { return prefix + st.Name }

// Operation is one selected operation.
type Operation struct {
	Name   string // the shape name, which is also the query Action
	Shape  *smithy.Shape
	Input  *Struct
	Output *Struct
	// Errors are the operation's errors, then the service's, without repeats.
	Errors []*Struct
	// Unsupported explains why no wire code is generated for the
	// operation (an event stream, a shape the protocol cannot carry, no
	// protocol); "" when it gets wire code.
	Unsupported string

	// The functions of the HTTP-level contract that the protocol writes
	// for a supported operation: RequestFunc(ctx, *Input, endpoint string)
	// (*http.Request, error) builds the request without validating;
	// ResponseFunc(*http.Response, *Output) error reads a success;
	// ErrorFunc(*http.Response) error reads a failure as the operation's
	// modeled error or a generic one.
	RequestFunc, ResponseFunc, ErrorFunc string

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

// Fault says whose fault an error is, from the error trait.
type Fault int

// The faults, named as the runtime's constants are.
const (
	FaultUnknown Fault = iota
	FaultClient
	FaultServer
)

// Ident is the name of the runtime constant for the fault.
func (f Fault) Ident() string {
	return [...]string{"FaultUnknown", "FaultClient", "FaultServer"}[f]
}

// Struct is a Go struct generated for a structure shape.
type Struct struct {
	Name   string
	Shape  *smithy.Shape // the structure; smithy.api#Unit for an operation without input or output
	Fields []*Field
	Role   Role
	// Op is the operation a Role Input or Output struct belongs to.
	Op *Operation
	// Fault and Code describe a Role Error struct: whose fault it is and
	// the code the service sends for it.
	Fault Fault
	Code  string
	// Message is the field the SDK exposes as the error message, if any.
	Message *Field
}

// Doc returns the structure's HTML documentation.
func (s *Struct) Doc() string {
	if smithy.IsUnit(s.Shape.ID) {
		return ""
	}
	return s.Shape.Traits.Documentation()
}

// Field is a member of a structure or union.
type Field struct {
	Name   string
	Member *smithy.Member
	Type   *Type
	// Pointer means the field is *T, so unset differs from the zero value.
	// Types that already hold nil (big numbers, slices, maps, interfaces)
	// are never pointers.
	Pointer  bool
	Required bool
	// ReadCloser makes a streaming blob (StreamKind) an io.ReadCloser,
	// which the caller reads and closes: an output's, the response body
	// handed over unread. Inputs take an io.Reader.
	ReadCloser bool
	// Rules are the constraints Validate checks, all of them checkable.
	Rules Rules
}

// ZeroIsUnset reports a number or boolean held by value whose zero the
// serializers leave out, as the SDK does, so validators do not check it
// either. A required member is always sent, zero included.
func (f *Field) ZeroIsUnset() bool {
	k := f.Type.Kind
	return !f.Pointer && !f.Required && (f.Type.IsInteger() || k == Float32Kind || k == Float64Kind || k == BoolKind)
}

// Nilable reports whether an unset field compares equal to nil.
func (f *Field) Nilable() bool { return f.Pointer || f.Type.Nilable() }

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
	// Marker is the unexported method that ties the variants to the union.
	Marker string
}

// Variant is one member of a union.
type Variant struct {
	Name  string // the variant type, <Union>Member<Member>
	Field *Field // the member, as the variant's Value field
}

// Pattern is a pattern trait Go can check, compiled once per package.
type Pattern struct {
	Var    string // the package-level variable holding the compiled regexp
	Source string // as the model writes it, for messages
	Go     string // its RE2 form
}
