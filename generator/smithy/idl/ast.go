// Package idl parses Smithy IDL files (2.0, and 1.0 for older models)
// into a syntax tree. It knows the grammar and nothing of the semantic
// model: shape IDs are kept as written, relative or absolute, and the
// smithy package resolves them once every file of a model is read.
//
// Offsets are byte offsets into the file. Syntax errors carry the offset
// of the token Smithy's own loader would name, so that both report the
// same line and column.
package idl

// File is one parsed file.
type File struct {
	// Version is the $version control statement, "" when there is none
	// (a Smithy 1.0 file).
	Version   string
	Metadata  []Field
	Namespace string
	Uses      []Ref
	Shapes    []*Shape
	Applies   []*Apply
	// Errors are the syntax errors, in file order. Parsing goes on after
	// most of them from the next statement, so one run reports them all.
	Errors []Error
}

// V1 reports whether the file is a Smithy 1.0 file.
func (f *File) V1() bool { return f.Version == "" || f.Version[0] == '1' }

// Error is a syntax error.
type Error struct {
	Offset int
	Msg    string
}

// Ref is a shape ID as written: "Name", "Name$member" or "ns#Name".
type Ref struct {
	ID string
	At int
}

// Shape is a shape statement. Inline operation input and output are
// shapes of their own, marked by IO.
type Shape struct {
	Type   string
	TypeAt int
	Name   string
	At     int // of the name
	Doc    *Doc
	Traits []Trait
	Mixins []Ref
	For    *Ref // the resource of "structure X for R"
	// Members of structures, unions, enums, lists and maps, in order.
	Members []*Member
	// Operation properties.
	Input, Output *Ref
	Errors        []Ref
	// Body holds the properties of a service or resource.
	Body *Value
	// IO is "input" or "output" for a structure defined inline with ":=".
	IO string
}

// Doc is the text of the /// comments before a shape or member.
type Doc struct {
	Text string
	At   int
}

// Member is a member of a structure, union, enum, list or map.
type Member struct {
	Name   string
	At     int
	Elided bool // $name: the target comes from a resource or mixin
	Target Ref
	Doc    *Doc
	Traits []Trait
	// Value is what follows '=': a default value, or an enum member's value.
	Value *Value
}

// Trait is a trait application. Value is nil for an annotation such as
// @sensitive or @sensitive(); the loader gives it the value the trait's
// type calls for.
type Trait struct {
	ID    string
	At    int
	Value *Value
}

// Apply is an apply statement or block.
type Apply struct {
	Target Ref
	Traits []Trait
	At     int
}

// ValueKind is the kind of a node value.
type ValueKind uint8

// The node value kinds. ShapeID is an unquoted string, which the loader
// resolves to an absolute shape ID.
const (
	Null ValueKind = iota
	Bool
	Number
	String
	ShapeID
	Array
	Object
)

// Value is a node value: a trait value, metadata, a default, the body of
// a service or resource.
type Value struct {
	Kind   ValueKind
	Str    string // a string, a number's text, or a shape ID as written
	Bool   bool
	Items  []Value
	Fields []Field
	At     int
}

// Field is one key of an object value.
type Field struct {
	Key   string
	KeyAt int
	Value Value
}
