package smithy

import (
	"sort"
	"sync"
)

// Type is a shape type as spelled in the JSON AST.
type Type string

// The shape types of Smithy 2.0 (and set, kept from 1.0).
const (
	Blob       Type = "blob"
	Boolean    Type = "boolean"
	String     Type = "string"
	Timestamp  Type = "timestamp"
	Byte       Type = "byte"
	Short      Type = "short"
	Integer    Type = "integer"
	Long       Type = "long"
	Float      Type = "float"
	Double     Type = "double"
	BigInteger Type = "bigInteger"
	BigDecimal Type = "bigDecimal"
	Document   Type = "document"
	Enum       Type = "enum"
	IntEnum    Type = "intEnum"
	List       Type = "list"
	Set        Type = "set"
	Map        Type = "map"
	Structure  Type = "structure"
	Union      Type = "union"
	Operation  Type = "operation"
	Service    Type = "service"
	Resource   Type = "resource"
)

// IsSimple reports whether t has no members (enums aside).
func (t Type) IsSimple() bool {
	switch t {
	case Blob, Boolean, String, Timestamp, Byte, Short, Integer, Long, Float, Double,
		BigInteger, BigDecimal, Document:
		return true
	}
	return false
}

// IsNumber reports whether t is a numeric type, intEnum included.
func (t Type) IsNumber() bool {
	switch t {
	case Byte, Short, Integer, Long, Float, Double, BigInteger, BigDecimal, IntEnum:
		return true
	}
	return false
}

// IsAggregate reports whether t holds other data shapes.
func (t Type) IsAggregate() bool {
	switch t {
	case List, Set, Map, Structure, Union:
		return true
	}
	return false
}

// IsData reports whether a member may target a shape of type t.
func (t Type) IsData() bool { return t.IsSimple() || t.IsAggregate() || t == Enum || t == IntEnum }

// Model is a loaded, checked model.
type Model struct {
	// File names the model's first source file; Position names the right
	// file for every offset.
	File   string
	Smithy string // the "smithy" version string
	// Metadata holds the model's metadata entries.
	Metadata []Field

	shapes     map[ShapeID]*Shape
	files      fileSet
	patterns   map[string]patternResult
	patternsMu sync.Mutex
	// Warnings are problems that do not stop generation, such as a pattern
	// that Go's regexp cannot express.
	Warnings Problems
}

// Shape returns the shape with the given ID, prelude included.
func (m *Model) Shape(id ShapeID) *Shape {
	if s, ok := m.shapes[id]; ok {
		return s
	}
	return prelude[id]
}

// Shapes returns the model's own shapes (not the prelude) sorted by ID.
func (m *Model) Shapes() []*Shape {
	out := make([]*Shape, 0, len(m.shapes))
	for _, s := range m.shapes {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// ShapesOf returns the model's shapes of type t, sorted by ID.
func (m *Model) ShapesOf(t Type) []*Shape {
	var out []*Shape
	for _, s := range m.Shapes() {
		if s.Type == t {
			out = append(out, s)
		}
	}
	return out
}

// Position converts an offset (Shape.Offset, Member.Offset, Node.Offset)
// to file:line:col. Offsets are global over the model's files: each file
// starts where the previous one ends, as in go/token.
func (m *Model) Position(offset int) Position { return m.files.position(offset) }

// Shape is one shape of the model.
type Shape struct {
	ID     ShapeID
	Type   Type
	Traits Traits
	// Members holds the members of structures, unions, enums and intEnums in
	// model order; a list's or set's "member"; a map's "key" and "value".
	Members []*Member
	// Mixins are applied at load time; kept for reference.
	Mixins []ShapeID

	// Operation.
	Input, Output ShapeID
	Errors        []ShapeID // also a service's common errors

	// Service.
	Version    string
	Operations []ShapeID // also a resource's "operations"
	Resources  []ShapeID
	Rename     map[ShapeID]string

	// Resource.
	Identifiers          []Binding
	Properties           []Binding
	Lifecycle            []Binding // create, put, read, update, delete, list, in that order when set
	CollectionOperations []ShapeID

	// Offset places the shape's definition (its ID in a JSON AST, its
	// name in IDL); Model.Position turns it into file:line:col.
	Offset int
	// Prelude marks shapes of smithy.api that every model has.
	Prelude bool
}

// Binding is a named reference: a resource identifier, property or lifecycle operation.
type Binding struct {
	Name   string
	Target ShapeID
}

// Member returns the member with the given name, or nil.
func (s *Shape) Member(name string) *Member {
	for _, m := range s.Members {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// ListMember returns the "member" of a list or set.
func (s *Shape) ListMember() *Member { return s.Member("member") }

// MapKey and MapValue return a map's key and value members.
func (s *Shape) MapKey() *Member   { return s.Member("key") }
func (s *Shape) MapValue() *Member { return s.Member("value") }

// IsList reports whether the shape is a list or a 1.0 set.
func (s *Shape) IsList() bool { return s.Type == List || s.Type == Set }

// IsEnum reports whether the shape is a string enum: an enum shape, or a
// string with the 1.0 enum trait.
func (s *Shape) IsEnum() bool {
	return s.Type == Enum || (s.Type == String && s.Traits.Has(TraitEnum))
}

// Member is a member of an aggregate shape.
type Member struct {
	Name      string
	ID        ShapeID // container$name
	Container ShapeID
	Target    ShapeID
	Traits    Traits
	// Offset places the member; an IDL member whose target is elided
	// ($name) has no Target until mixins are applied.
	Offset int
}
