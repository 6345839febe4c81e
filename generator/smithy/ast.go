package smithy

import (
	"bytes"
	"encoding/json"
	"sort"
)

// AST returns the model as a Smithy 2.0 JSON AST: what was read, after
// merging files, applying traits and upgrading 1.0 shapes. Shapes list
// their mixins and also keep every member and trait the mixins gave
// them, which reapplying the mixins leaves as it is. The output is
// deterministic, indented like Smithy's own, and loads back to the same
// model.
func (m *Model) AST() []byte {
	w := &astWriter{}
	w.open('{')
	w.key("smithy")
	w.str("2.0")
	if len(m.Metadata) > 0 {
		w.key("metadata")
		w.node(Node{Kind: ObjectNode, Fields: m.Metadata})
	}
	w.key("shapes")
	w.open('{')
	for _, s := range m.Shapes() {
		w.key(string(s.ID))
		w.shape(s)
	}
	w.close('}')
	w.close('}')
	w.b.WriteByte('\n')
	return w.b.Bytes()
}

type astWriter struct {
	b      bytes.Buffer
	indent int
	// first is set after an opening brace, before the first entry.
	first bool
}

func (w *astWriter) open(c byte) {
	w.b.WriteByte(c)
	w.indent++
	w.first = true
}

func (w *astWriter) close(c byte) {
	w.indent--
	if !w.first {
		w.newline()
	}
	w.first = false
	w.b.WriteByte(c)
}

func (w *astWriter) newline() {
	w.b.WriteByte('\n')
	for range w.indent {
		w.b.WriteString("    ")
	}
}

// item starts an entry of an array or object.
func (w *astWriter) item() {
	if !w.first {
		w.b.WriteByte(',')
	}
	w.first = false
	w.newline()
}

func (w *astWriter) key(k string) {
	w.item()
	w.str(k)
	w.b.WriteString(": ")
}

func (w *astWriter) str(s string) {
	enc := json.NewEncoder(&w.b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	w.b.Truncate(w.b.Len() - 1)
}

func (w *astWriter) node(n Node) {
	switch n.Kind {
	case NullNode:
		w.b.WriteString("null")
	case BoolNode:
		if n.Bool {
			w.b.WriteString("true")
		} else {
			w.b.WriteString("false")
		}
	case NumberNode:
		w.b.WriteString(n.Str)
	case StringNode:
		w.str(n.Str)
	case ArrayNode:
		if len(n.Items) == 0 {
			w.b.WriteString("[]")
			return
		}
		w.open('[')
		for _, it := range n.Items {
			w.item()
			w.node(it)
		}
		w.close(']')
	case ObjectNode:
		if len(n.Fields) == 0 {
			w.b.WriteString("{}")
			return
		}
		w.open('{')
		for _, f := range n.Fields {
			w.key(f.Key)
			w.node(f.Value)
		}
		w.close('}')
	}
}

func (w *astWriter) target(id ShapeID) {
	w.open('{')
	w.key("target")
	w.str(string(id))
	w.close('}')
}

func (w *astWriter) targets(k string, ids []ShapeID) {
	if len(ids) == 0 {
		return
	}
	w.key(k)
	w.open('[')
	for _, id := range ids {
		w.item()
		w.target(id)
	}
	w.close(']')
}

func (w *astWriter) traits(t Traits) {
	if len(t.list) == 0 {
		return
	}
	w.key("traits")
	w.open('{')
	for _, tr := range t.list {
		w.key(string(tr.ID))
		w.node(tr.Value)
	}
	w.close('}')
}

func (w *astWriter) member(m *Member) {
	w.open('{')
	w.key("target")
	w.str(string(m.Target))
	w.traits(m.Traits)
	w.close('}')
}

func (w *astWriter) bindings(k string, bs []Binding) {
	if len(bs) == 0 {
		return
	}
	w.key(k)
	w.open('{')
	for _, b := range bs {
		w.key(b.Name)
		w.target(b.Target)
	}
	w.close('}')
}

func (w *astWriter) shape(s *Shape) {
	w.open('{')
	w.key("type")
	w.str(string(s.Type))
	w.targets("mixins", s.Mixins)
	switch s.Type {
	case List, Set:
		if m := s.ListMember(); m != nil {
			w.key("member")
			w.member(m)
		}
	case Map:
		for _, m := range s.Members {
			w.key(m.Name)
			w.member(m)
		}
	case Structure, Union, Enum, IntEnum:
		w.key("members")
		if len(s.Members) == 0 {
			w.b.WriteString("{}")
			break
		}
		w.open('{')
		for _, m := range s.Members {
			w.key(m.Name)
			w.member(m)
		}
		w.close('}')
	case Operation:
		if s.Input != "" {
			w.key("input")
			w.target(s.Input)
		}
		if s.Output != "" {
			w.key("output")
			w.target(s.Output)
		}
		w.targets("errors", s.Errors)
	case Service:
		if s.Version != "" {
			w.key("version")
			w.str(s.Version)
		}
		w.targets("operations", s.Operations)
		w.targets("resources", s.Resources)
		w.targets("errors", s.Errors)
		if len(s.Rename) > 0 {
			keys := make([]string, 0, len(s.Rename))
			for k := range s.Rename {
				keys = append(keys, string(k))
			}
			sort.Strings(keys)
			w.key("rename")
			w.open('{')
			for _, k := range keys {
				w.key(k)
				w.str(s.Rename[ShapeID(k)])
			}
			w.close('}')
		}
	case Resource:
		w.bindings("identifiers", s.Identifiers)
		w.bindings("properties", s.Properties)
		for _, b := range s.Lifecycle {
			w.key(b.Name)
			w.target(b.Target)
		}
		w.targets("operations", s.Operations)
		w.targets("collectionOperations", s.CollectionOperations)
		w.targets("resources", s.Resources)
	}
	w.traits(s.Traits)
	w.close('}')
}
