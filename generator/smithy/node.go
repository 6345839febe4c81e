package smithy

import (
	"strconv"
	"unicode/utf8"
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

// nodeText is a short rendering of n for problem messages.
func nodeText(n Node) string {
	switch n.Kind {
	case NullNode:
		return "null"
	case BoolNode:
		return strconv.FormatBool(n.Bool)
	case NumberNode:
		return n.Str
	case StringNode:
		if len(n.Str) > 40 {
			i := 37
			for i > 0 && !utf8.RuneStart(n.Str[i]) {
				i--
			}
			return strconv.Quote(n.Str[:i]) + "..."
		}
		return strconv.Quote(n.Str)
	case ArrayNode:
		if len(n.Items) == 0 {
			return "[]"
		}
		return "[...]"
	}
	if len(n.Fields) == 0 {
		return "{}"
	}
	return "{...}"
}

// describe names n's kind and, for scalars, its value: `the string "x"`.
func describe(n Node) string {
	switch n.Kind {
	case NumberNode, StringNode:
		return "the " + n.Kind.String() + " " + nodeText(n)
	case NullNode, BoolNode:
		return nodeText(n)
	}
	return withArticle(n.Kind)
}

// withArticle returns "a string", "an array" and so on.
func withArticle(k Kind) string {
	switch k {
	case NullNode:
		return "null"
	case ArrayNode, ObjectNode:
		return "an " + k.String()
	}
	return "a " + k.String()
}

// nodeEqual reports whether two nodes hold the same value, wherever they
// are in the file.
func nodeEqual(a, b Node) bool {
	if a.Kind == NumberNode && b.Kind == NumberNode {
		return numbersEqual(a.Str, b.Str)
	}
	if a.Kind != b.Kind || a.Str != b.Str || a.Bool != b.Bool ||
		len(a.Items) != len(b.Items) || len(a.Fields) != len(b.Fields) {
		return false
	}
	for i := range a.Items {
		if !nodeEqual(a.Items[i], b.Items[i]) {
			return false
		}
	}
	for _, f := range a.Fields { // objects are unordered
		v, ok := b.Get(f.Key)
		if !ok || !nodeEqual(f.Value, v) {
			return false
		}
	}
	return true
}
