package smithy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tidwall/gjson"
)

// Load parses and checks a Smithy JSON AST model. file names the model in
// problem reports. On failure the error is a Problems listing everything
// found; Load never panics on bad input.
func Load(file string, data []byte) (*Model, error) {
	l := &loader{
		m: &Model{File: file, shapes: map[ShapeID]*Shape{}, lines: newLineTable(data)},
	}
	if !gjson.ValidBytes(data) {
		l.addAt(jsonErrorOffset(data), "", "invalid JSON: %s", jsonErrorText(data))
		return nil, l.problems
	}
	l.load(gjson.ParseBytes(data))
	if len(l.problems) == 0 {
		l.applyMixins()
	}
	if len(l.problems) == 0 {
		l.check()
	}
	if len(l.problems) > 0 {
		l.problems.sort()
		return nil, l.problems
	}
	l.m.Warnings.sort()
	return l.m, nil
}

type loader struct {
	m        *Model
	problems Problems
	applies  []applyStmt
}

type applyStmt struct {
	target ShapeID
	traits Traits
	offset int
}

func (l *loader) addAt(offset int, shape ShapeID, format string, args ...any) {
	l.problems = append(l.problems, Problem{l.m.Position(offset), shape, fmt.Sprintf(format, args...)})
}

func (l *loader) warnAt(offset int, shape ShapeID, format string, args ...any) {
	l.m.Warnings = append(l.m.Warnings, Problem{l.m.Position(offset), shape, fmt.Sprintf(format, args...)})
}

// jsonErrorOffset finds where invalid JSON goes wrong; gjson only says that
// it does, so encoding/json locates it.
func jsonErrorOffset(data []byte) int {
	var syn *json.SyntaxError
	if err := decodeAll(data); errors.As(err, &syn) {
		off := int(syn.Offset) - 1
		if off < 0 {
			off = 0
		}
		return off
	}
	return len(data)
}

func jsonErrorText(data []byte) string {
	err := decodeAll(data)
	if err == nil || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "unexpected end of input"
	}
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return syn.Error()
	}
	return err.Error()
}

func decodeAll(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	var v json.RawMessage
	if err := dec.Decode(&v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return &json.SyntaxError{Offset: dec.InputOffset() + 1}
	}
	return nil
}

func (l *loader) load(root gjson.Result) {
	if !root.IsObject() {
		l.addAt(root.Index, "", "a model must be a JSON object, not %s", kindOf(root))
		return
	}
	seen := map[string]bool{}
	root.ForEach(func(k, v gjson.Result) bool {
		if seen[k.Str] {
			l.addAt(k.Index, "", "duplicate top-level key %q", k.Str)
		}
		seen[k.Str] = true
		switch k.Str {
		case "smithy":
			l.m.Smithy = v.Str
			if v.Type != gjson.String {
				l.addAt(v.Index, "", `"smithy" must be a version string such as "2.0"`)
			} else if !supportedVersion(v.Str) {
				l.addAt(v.Index, "", "unsupported Smithy version %q: smithy2go reads Smithy 1.0 and 2.0 JSON AST models", v.Str)
			}
		case "metadata":
			if !v.IsObject() {
				l.addAt(v.Index, "", `"metadata" must be an object`)
				return true
			}
			l.m.Metadata = l.node(v).Fields
		case "shapes":
			if !v.IsObject() {
				l.addAt(v.Index, "", `"shapes" must be an object`)
				return true
			}
			l.loadShapes(v)
		default:
			l.addAt(k.Index, "", "unknown top-level key %q: a model has smithy, metadata and shapes", k.Str)
		}
		return true
	})
	if !seen["smithy"] {
		l.addAt(root.Index, "", `missing "smithy" version`)
	}
	for _, a := range l.applies {
		l.apply(a)
	}
}

func supportedVersion(v string) bool {
	switch v {
	case "1", "1.0", "2", "2.0":
		return true
	}
	return false
}

func kindOf(r gjson.Result) string {
	switch {
	case r.IsObject():
		return "an object"
	case r.IsArray():
		return "an array"
	case r.Type == gjson.String:
		return "a string"
	case r.Type == gjson.Number:
		return "a number"
	case r.Type == gjson.True || r.Type == gjson.False:
		return "a boolean"
	}
	return "null"
}

// node converts a JSON value to a Node, keeping source order.
func (l *loader) node(r gjson.Result) Node {
	n := Node{Offset: r.Index}
	switch r.Type {
	case gjson.Null:
		n.Kind = NullNode
	case gjson.False:
		n.Kind = BoolNode
	case gjson.True:
		n.Kind, n.Bool = BoolNode, true
	case gjson.Number:
		n.Kind, n.Str = NumberNode, r.Raw
	case gjson.String:
		n.Kind, n.Str = StringNode, r.Str
	case gjson.JSON:
		if r.IsArray() {
			n.Kind = ArrayNode
			r.ForEach(func(_, v gjson.Result) bool {
				n.Items = append(n.Items, l.node(v))
				return true
			})
		} else {
			n.Kind = ObjectNode
			r.ForEach(func(k, v gjson.Result) bool {
				n.Fields = append(n.Fields, Field{k.Str, l.node(v), k.Index})
				return true
			})
		}
	}
	return n
}

var shapeKeys = map[Type][]string{
	Enum: {"members"}, IntEnum: {"members"}, Structure: {"members"}, Union: {"members"},
	List: {"member"}, Set: {"member"}, Map: {"key", "value"},
	Operation: {"input", "output", "errors"},
	Service:   {"version", "operations", "resources", "errors", "rename"},
	Resource: {"identifiers", "properties", "create", "put", "read", "update", "delete", "list",
		"operations", "collectionOperations", "resources"},
}

func knownType(t Type) bool {
	return t.IsData() || t == Operation || t == Service || t == Resource
}

func (l *loader) loadShapes(shapes gjson.Result) {
	lower := map[string]ShapeID{}
	shapes.ForEach(func(k, v gjson.Result) bool {
		id := ShapeID(k.Str)
		if !validShapeID(k.Str, false) {
			l.addAt(k.Index, "", "malformed shape ID %q: want namespace#Name, such as com.example#Widget", k.Str)
			return true
		}
		if !v.IsObject() {
			l.addAt(v.Index, id, "a shape definition must be an object, not %s", kindOf(v))
			return true
		}
		typ := v.Get("type")
		if typ.Type != gjson.String {
			l.addAt(v.Index, id, `missing "type"`)
			return true
		}
		if typ.Str == "apply" {
			l.loadApply(id, v)
			return true
		}
		if prev, ok := lower[strings.ToLower(k.Str)]; ok {
			if prev == id {
				l.addAt(k.Index, id, "shape defined twice")
			} else {
				l.addAt(k.Index, id, "shape ID conflicts with %s: shape IDs must differ other than by case", prev)
			}
			return true
		}
		lower[strings.ToLower(k.Str)] = id
		if _, ok := prelude[id]; ok {
			l.addAt(k.Index, id, "redefines a prelude shape")
			return true
		}
		s := &Shape{ID: id, Type: Type(typ.Str), Offset: k.Index}
		if !knownType(s.Type) {
			l.addAt(typ.Index, id, "unknown shape type %q", typ.Str)
			return true
		}
		l.loadShape(s, v)
		l.m.shapes[id] = s
		return true
	})
}

func (l *loader) loadShape(s *Shape, v gjson.Result) {
	allowed := shapeKeys[s.Type]
	v.ForEach(func(k, val gjson.Result) bool {
		switch k.Str {
		case "type":
		case "traits":
			s.Traits = l.traits(s.ID, val)
		case "mixins":
			s.Mixins = l.refs(s.ID, k.Str, val)
		default:
			if !contains(allowed, k.Str) {
				l.addAt(k.Index, s.ID, "unexpected property %q on a %s shape", k.Str, s.Type)
				return true
			}
			l.loadProperty(s, k, val)
		}
		return true
	})
	switch s.Type {
	case List, Set:
		if s.ListMember() == nil {
			l.addAt(v.Index, s.ID, "%s shape has no member", s.Type)
		}
	case Map:
		if s.MapKey() == nil || s.MapValue() == nil {
			l.addAt(v.Index, s.ID, "map shape needs both key and value")
		}
	}
}

// sameMemberName returns the name of an earlier member equal to name but
// for case, or "". Small shapes are scanned; a map takes over for large
// enums so the check stays linear.
func sameMemberName(members []*Member, lower *map[string]string, name string) string {
	if len(members) < 32 {
		for _, m := range members {
			if strings.EqualFold(m.Name, name) {
				return m.Name
			}
		}
		return ""
	}
	if *lower == nil {
		*lower = make(map[string]string, 2*len(members))
		for _, m := range members {
			(*lower)[strings.ToLower(m.Name)] = m.Name
		}
	}
	key := strings.ToLower(name)
	if prev, ok := (*lower)[key]; ok {
		return prev
	}
	(*lower)[key] = name
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (l *loader) loadProperty(s *Shape, k, v gjson.Result) {
	switch k.Str {
	case "members":
		if !v.IsObject() {
			l.addAt(v.Index, s.ID, `"members" must be an object`)
			return
		}
		var lower map[string]string
		v.ForEach(func(name, mv gjson.Result) bool {
			if !validIdentifier(name.Str) {
				l.addAt(name.Index, s.ID, "invalid member name %q", name.Str)
				return true
			}
			if prev := sameMemberName(s.Members, &lower, name.Str); prev != "" {
				if prev == name.Str {
					l.addAt(name.Index, s.ID, "duplicate member %q", name.Str)
				} else {
					l.addAt(name.Index, s.ID, "member %q conflicts with %q: member names must differ other than by case", name.Str, prev)
				}
				return true
			}
			if m := l.member(s, name.Str, name.Index, mv); m != nil {
				s.Members = append(s.Members, m)
			}
			return true
		})
	case "member", "key", "value":
		if m := l.member(s, k.Str, k.Index, v); m != nil {
			s.Members = append(s.Members, m)
		}
	case "input":
		s.Input = l.ref(s.ID, k.Str, v)
	case "output":
		s.Output = l.ref(s.ID, k.Str, v)
	case "errors":
		s.Errors = l.refs(s.ID, k.Str, v)
	case "operations":
		s.Operations = l.refs(s.ID, k.Str, v)
	case "resources":
		s.Resources = l.refs(s.ID, k.Str, v)
	case "collectionOperations":
		s.CollectionOperations = l.refs(s.ID, k.Str, v)
	case "version":
		if v.Type != gjson.String {
			l.addAt(v.Index, s.ID, `"version" must be a string`)
		}
		s.Version = v.Str
	case "rename":
		if !v.IsObject() {
			l.addAt(v.Index, s.ID, `"rename" must be an object`)
			return
		}
		s.Rename = map[ShapeID]string{}
		v.ForEach(func(from, to gjson.Result) bool {
			if !validShapeID(from.Str, false) || to.Type != gjson.String || !validIdentifier(to.Str) {
				l.addAt(from.Index, s.ID, "bad rename %s → %s", from.Raw, to.Raw)
				return true
			}
			s.Rename[ShapeID(from.Str)] = to.Str
			return true
		})
	case "identifiers", "properties":
		if !v.IsObject() {
			l.addAt(v.Index, s.ID, "%q must be an object", k.Str)
			return
		}
		var bs []Binding
		v.ForEach(func(name, ref gjson.Result) bool {
			bs = append(bs, Binding{name.Str, l.ref(s.ID, k.Str, ref)})
			return true
		})
		if k.Str == "identifiers" {
			s.Identifiers = bs
		} else {
			s.Properties = bs
		}
	case "create", "put", "read", "update", "delete", "list":
		s.Lifecycle = append(s.Lifecycle, Binding{k.Str, l.ref(s.ID, k.Str, v)})
	}
}

// ref reads {"target": "ns#Name"}.
func (l *loader) ref(owner ShapeID, what string, v gjson.Result) ShapeID {
	if !v.IsObject() {
		l.addAt(v.Index, owner, "%s must be an object with a target, not %s", what, kindOf(v))
		return ""
	}
	t := v.Get("target")
	if t.Type != gjson.String {
		l.addAt(v.Index, owner, "%s has no target", what)
		return ""
	}
	if !validShapeID(t.Str, false) {
		l.addAt(t.Index, owner, "%s: malformed shape ID %q", what, t.Str)
		return ""
	}
	return ShapeID(t.Str)
}

func (l *loader) refs(owner ShapeID, what string, v gjson.Result) []ShapeID {
	if !v.IsArray() {
		l.addAt(v.Index, owner, "%q must be an array", what)
		return nil
	}
	var out []ShapeID
	v.ForEach(func(_, r gjson.Result) bool {
		if id := l.ref(owner, what, r); id != "" {
			out = append(out, id)
		}
		return true
	})
	return out
}

func (l *loader) member(s *Shape, name string, offset int, v gjson.Result) *Member {
	m := &Member{Name: name, ID: s.ID.WithMember(name), Container: s.ID, Offset: offset}
	if !v.IsObject() {
		l.addAt(v.Index, m.ID, "a member must be an object with a target, not %s", kindOf(v))
		return nil
	}
	v.ForEach(func(k, val gjson.Result) bool {
		switch k.Str {
		case "target":
			if val.Type != gjson.String || !validShapeID(val.Str, false) {
				l.addAt(val.Index, m.ID, "malformed target %s", val.Raw)
				return true
			}
			m.Target = ShapeID(val.Str)
		case "traits":
			m.Traits = l.traits(m.ID, val)
		default:
			l.addAt(k.Index, m.ID, "unexpected property %q on a member", k.Str)
		}
		return true
	})
	if m.Target == "" {
		if (s.Type == Enum || s.Type == IntEnum) && !v.Get("target").Exists() {
			m.Target = UnitID
		} else {
			if !v.Get("target").Exists() {
				l.addAt(v.Index, m.ID, "member has no target")
			}
			return nil
		}
	}
	return m
}

func (l *loader) traits(owner ShapeID, v gjson.Result) Traits {
	var t Traits
	if !v.IsObject() {
		l.addAt(v.Index, owner, `"traits" must be an object`)
		return t
	}
	v.ForEach(func(k, val gjson.Result) bool {
		if !validShapeID(k.Str, false) {
			l.addAt(k.Index, owner, "malformed trait ID %q", k.Str)
			return true
		}
		id := ShapeID(k.Str)
		if t.Has(id) {
			l.addAt(k.Index, owner, "trait %s applied twice", id)
			return true
		}
		t.list = append(t.list, Trait{id, l.node(val)})
		return true
	})
	return t
}

func (l *loader) loadApply(id ShapeID, v gjson.Result) {
	a := applyStmt{target: id, offset: v.Index}
	v.ForEach(func(k, val gjson.Result) bool {
		switch k.Str {
		case "type":
		case "traits":
			a.traits = l.traits(id, val)
		default:
			l.addAt(k.Index, id, "unexpected property %q on apply", k.Str)
		}
		return true
	})
	l.applies = append(l.applies, a)
}

// apply adds traits to a shape or member defined elsewhere in the model.
func (l *loader) apply(a applyStmt) {
	s := l.m.shapes[a.target.Root()]
	if s == nil {
		l.addAt(a.offset, a.target, "apply targets unknown shape")
		return
	}
	traits := &s.Traits
	if name := a.target.Member(); name != "" {
		m := s.Member(name)
		if m == nil {
			l.addAt(a.offset, a.target, "apply targets unknown member")
			return
		}
		traits = &m.Traits
	}
	for _, t := range a.traits.list {
		traits.set(t.ID, t.Value)
	}
}

// applyMixins copies mixin members and traits into the shapes that use
// them, so later stages never see mixins.
func (l *loader) applyMixins() {
	done := map[ShapeID]bool{}
	var visit func(s *Shape, path []ShapeID)
	visit = func(s *Shape, path []ShapeID) {
		if done[s.ID] || len(s.Mixins) == 0 {
			done[s.ID] = true
			return
		}
		for _, p := range path {
			if p == s.ID {
				l.addAt(s.Offset, s.ID, "mixin cycle: %s", joinIDs(append(path, s.ID)))
				done[s.ID] = true
				return
			}
		}
		var members []*Member
		var traits Traits
		for _, mid := range s.Mixins {
			mx := l.m.shapes[mid]
			if mx == nil {
				l.addAt(s.Offset, s.ID, "mixin %s does not exist", mid)
				continue
			}
			if !mx.Traits.Has(TraitMixin) {
				l.addAt(s.Offset, s.ID, "%s is used as a mixin but lacks the mixin trait", mid)
				continue
			}
			visit(mx, append(path, s.ID))
			for _, m := range mx.Members {
				c := *m
				c.ID, c.Container = s.ID.WithMember(m.Name), s.ID
				c.Traits = Traits{append([]Trait(nil), m.Traits.list...)}
				members = append(members, &c)
			}
			for _, t := range mx.Traits.list {
				if t.ID != TraitMixin {
					traits.set(t.ID, t.Value)
				}
			}
		}
		for _, m := range s.Members {
			if inherited := findMember(members, m.Name); inherited != nil {
				for _, t := range m.Traits.list {
					inherited.Traits.set(t.ID, t.Value)
				}
				continue
			}
			members = append(members, m)
		}
		for _, t := range s.Traits.list {
			traits.set(t.ID, t.Value)
		}
		s.Members, s.Traits = members, traits
		done[s.ID] = true
	}
	for _, s := range l.m.Shapes() {
		visit(s, nil)
	}
}

func findMember(ms []*Member, name string) *Member {
	for _, m := range ms {
		if m.Name == name {
			return m
		}
	}
	return nil
}

func joinIDs(ids []ShapeID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, " → ")
}
