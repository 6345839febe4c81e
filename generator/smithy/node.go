package smithy

import (
	"strconv"
)

// Kind is the JSON kind of a Node.
type Kind uint8

// The node kinds.
const (
	NullNode Kind = iota
	BoolNode
	NumberNode
	StringNode
	ArrayNode
	ObjectNode
)

func (k Kind) String() string {
	return [...]string{"null", "boolean", "number", "string", "array", "object"}[k]
}

// Node is a JSON value from the model, such as a trait value, kept in
// source order so output built from it is deterministic.
type Node struct {
	Kind   Kind
	Str    string // a string's value, or a number's literal text
	Bool   bool
	Items  []Node
	Fields []Field
	Offset int // byte offset in the model file
}

// Field is one member of an object node.
type Field struct {
	Key    string
	Value  Node
	Offset int // of the key
}

// Get returns the value of the object field key.
func (n Node) Get(key string) (Node, bool) {
	for _, f := range n.Fields {
		if f.Key == key {
			return f.Value, true
		}
	}
	return Node{}, false
}

// String returns the value of a string node, or "".
func (n Node) String() string {
	if n.Kind == StringNode {
		return n.Str
	}
	return ""
}

// Float returns a number node's value.
func (n Node) Float() (float64, bool) {
	if n.Kind != NumberNode {
		return 0, false
	}
	f, err := strconv.ParseFloat(n.Str, 64)
	return f, err == nil
}

// Int returns a number node's value when it is an integer that fits int64.
func (n Node) Int() (int64, bool) {
	if n.Kind != NumberNode {
		return 0, false
	}
	i, err := strconv.ParseInt(n.Str, 10, 64)
	return i, err == nil
}
