package smithy

import (
	"slices"
	"strings"

	"github.com/smithy2go/smithy2go/generator/smithy/idl"
)

// idlUnit is one IDL file on its way into the model.
type idlUnit struct {
	base int
	f    *idl.File
	uses map[string]ShapeID // by shape name
}

// declare records the shapes the file defines before any file is
// lowered, since a relative ID may name a shape of a later file.
func (u *idlUnit) declare(l *loader) {
	for _, s := range u.f.Shapes {
		l.defined[ShapeID(u.f.Namespace+"#"+s.Name)] = Type(s.Type)
	}
}

// resolve turns a shape ID as written into an absolute one, as the spec
// says: a use statement's import, else a shape of the file's namespace,
// else a prelude shape, else the file's namespace all the same.
func (u *idlUnit) resolve(l *loader, ref string) ShapeID {
	if strings.IndexByte(ref, '#') >= 0 {
		return ShapeID(ref)
	}
	name, member, hasMember := strings.Cut(ref, "$")
	var root ShapeID
	if id, ok := u.uses[name]; ok {
		root = id
	} else if id := ShapeID(u.f.Namespace + "#" + name); l.defined[id] != "" {
		root = id
	} else if preludeName(name) {
		root = ShapeID("smithy.api#" + name)
	} else if u.f.Namespace == "" {
		return ShapeID(ref) // metadata of a file without shapes
	} else {
		root = id
	}
	if hasMember {
		return root.WithMember(member)
	}
	return root
}

// lowerIDL turns one file's syntax into shapes, apply statements and
// metadata, the same as a JSON AST file gives.
func (l *loader) lowerIDL(u *idlUnit) {
	f := u.f
	u.uses = make(map[string]ShapeID, len(f.Uses))
	for _, r := range f.Uses {
		id := ShapeID(r.ID)
		if prev, ok := u.uses[id.Name()]; ok && prev != id {
			l.addAt(u.base+r.At, "", "use of %s conflicts with the use of %s: both would be named %s", id, prev, id.Name())
			continue
		}
		u.uses[id.Name()] = id
	}
	if len(f.Metadata) > 0 {
		fields := make([]Field, len(f.Metadata))
		for i, m := range f.Metadata {
			fields[i] = Field{m.Key, l.idlNode(u, m.Value), u.base + m.KeyAt}
		}
		l.addMetadata(fields)
	}
	for _, s := range f.Shapes {
		l.idlShape(u, s)
	}
	for _, a := range f.Applies {
		target := u.resolve(l, a.Target.ID)
		l.applies = append(l.applies, applyStmt{target, l.idlTraits(u, target, nil, a.Traits), u.base + a.At})
	}
}

func (l *loader) idlShape(u *idlUnit, is *idl.Shape) {
	id := ShapeID(u.f.Namespace + "#" + is.Name)
	at := u.base + is.At
	if imported, ok := u.uses[is.Name]; ok && imported != id {
		l.addAt(at, id, "shape %s conflicts with %s, which a use statement imports under the same name", is.Name, imported)
		return
	}
	if _, ok := prelude[id]; ok || (u.f.Namespace == "smithy.api" && preludeTraits[is.Name] != "") {
		l.addAt(at, id, "cannot redefine a prelude shape; every model already has it")
		return
	}
	s := &Shape{ID: id, Type: Type(is.Type), Offset: at}
	if u.f.V1() {
		l.v1[s] = true
	}
	s.Traits = l.idlTraits(u, id, is.Doc, is.Traits)
	if is.IO != "" {
		t := TraitInput
		if is.IO == "output" {
			t = TraitOutput
		}
		if !s.Traits.Has(t) {
			s.Traits.list = append(s.Traits.list, Trait{t, Node{Kind: ObjectNode, Offset: at}})
		}
	}
	var seen map[ShapeID]bool
	for _, r := range is.Mixins {
		mid := u.resolve(l, r.ID)
		s.Mixins = appendNew(s.Mixins, &seen, mid)
		l.noteRef(id, "mixins", mid, u.base+r.At)
	}
	if is.For != nil {
		l.bound[s] = idRef{u.resolve(l, is.For.ID), u.base + is.For.At}
	}
	switch s.Type {
	case Structure, Union, List, Set, Map:
		l.idlMembers(u, s, is)
	case Enum, IntEnum:
		l.idlEnumMembers(u, s, is)
	case Operation:
		if is.Input != nil {
			s.Input = l.idlTarget(u, s, "input", is.Input)
		}
		if is.Output != nil {
			s.Output = l.idlTarget(u, s, "output", is.Output)
		}
		var seen map[ShapeID]bool
		for i := range is.Errors {
			s.Errors = appendNew(s.Errors, &seen, l.idlTarget(u, s, "errors", &is.Errors[i]))
		}
	case Service, Resource:
		l.idlBody(u, s, is.Body)
	}
	l.pending = append(l.pending, s)
}

func (l *loader) noteRef(from ShapeID, prop string, to ShapeID, offset int) {
	key := ref{from, prop, to}
	if _, ok := l.refs[key]; !ok {
		l.refs[key] = offset
	}
}

func (l *loader) idlTarget(u *idlUnit, s *Shape, prop string, r *idl.Ref) ShapeID {
	id := u.resolve(l, r.ID)
	if id.Member() != "" {
		l.addAt(u.base+r.At, s.ID, "%s: %s names a member; want a shape", prop, id)
	}
	l.noteRef(s.ID, prop, id, u.base+r.At)
	return id
}

func (l *loader) idlMembers(u *idlUnit, s *Shape, is *idl.Shape) {
	var lower map[string]string
	for _, im := range is.Members {
		at := u.base + im.At
		if prev := sameMemberName(s.Members, &lower, im.Name); prev != "" {
			if prev == im.Name {
				l.addAt(at, s.ID, "duplicate member %q", im.Name)
			} else {
				l.addAt(at, s.ID, "member %q conflicts with %q: member names must differ other than by case", im.Name, prev)
			}
			continue
		}
		switch {
		case s.IsList() && im.Name != "member":
			l.addAt(at, s.ID, "a %s has one member, named member, not %q", s.Type, im.Name)
			continue
		case s.Type == Map && im.Name != "key" && im.Name != "value":
			l.addAt(at, s.ID, "a map has two members, key and value, not %q", im.Name)
			continue
		}
		m := &Member{Name: im.Name, ID: s.ID.WithMember(im.Name), Container: s.ID, Offset: at}
		m.Traits = l.idlTraits(u, m.ID, im.Doc, im.Traits)
		if !im.Elided {
			m.Target = l.idlTarget(u, s, "member "+im.Name, &im.Target)
		}
		if im.Value != nil {
			if s.Type != Structure {
				l.addAt(u.base+im.Value.At, m.ID, "only structure members have default values; a %s member cannot", s.Type)
			} else {
				l.setIDLTrait(&m.Traits, m.ID, TraitDefault, l.idlNode(u, *im.Value))
			}
		}
		s.Members = append(s.Members, m)
	}
	if len(is.Mixins) > 0 {
		return // the mixins may bring the members
	}
	switch {
	case s.IsList() && s.ListMember() == nil:
		l.addAt(s.Offset, s.ID, `%s shape needs "member"`, s.Type)
	case s.Type == Map && (s.MapKey() == nil || s.MapValue() == nil):
		var missing []string
		for _, k := range []string{"key", "value"} {
			if s.Member(k) == nil {
				missing = append(missing, `"`+k+`"`)
			}
		}
		l.addAt(s.Offset, s.ID, "map shape needs %s", strings.Join(missing, " and "))
	}
}

func (l *loader) idlEnumMembers(u *idlUnit, s *Shape, is *idl.Shape) {
	var lower map[string]string
	for _, im := range is.Members {
		at := u.base + im.At
		if prev := sameMemberName(s.Members, &lower, im.Name); prev != "" {
			if prev == im.Name {
				l.addAt(at, s.ID, "duplicate member %q", im.Name)
			} else {
				l.addAt(at, s.ID, "member %q conflicts with %q: member names must differ other than by case", im.Name, prev)
			}
			continue
		}
		m := &Member{Name: im.Name, ID: s.ID.WithMember(im.Name), Container: s.ID, Target: UnitID, Offset: at}
		m.Traits = l.idlTraits(u, m.ID, im.Doc, im.Traits)
		if im.Value != nil {
			l.setIDLTrait(&m.Traits, m.ID, TraitEnumValue, l.idlNode(u, *im.Value))
		}
		s.Members = append(s.Members, m)
	}
}

// setIDLTrait adds a trait given by syntactic sugar (= value); the same
// trait given another value by @ conflicts.
func (l *loader) setIDLTrait(t *Traits, owner, id ShapeID, v Node) {
	if old, ok := t.Get(id); ok {
		if !nodeEqual(old, v) {
			l.addAt(v.Offset, owner, "trait %s is given twice, with different values", id)
		}
		return
	}
	t.list = append(t.list, Trait{id, v})
}

// idlBody reads the properties of a service or resource, which the IDL
// writes as a node object.
func (l *loader) idlBody(u *idlUnit, s *Shape, body *idl.Value) {
	allowed := shapeKeys[s.Type]
	ref := func(prop string, v idl.Value) ShapeID {
		at := u.base + v.At
		var id ShapeID
		switch v.Kind {
		case idl.ShapeID:
			id = u.resolve(l, v.Str)
		case idl.String:
			if !validShapeID(v.Str, false) {
				l.addAt(at, s.ID, "%s: %q is not an absolute shape ID; write the ID unquoted to have it resolved", prop, v.Str)
				return ""
			}
			id = ShapeID(v.Str)
		default:
			l.addAt(at, s.ID, "%s must be a shape ID, not %s", prop, idlKind(v))
			return ""
		}
		l.noteRef(s.ID, prop, id, at)
		return id
	}
	refs := func(prop string, v idl.Value) []ShapeID {
		if v.Kind != idl.Array {
			l.addAt(u.base+v.At, s.ID, "%q must be a list of shape IDs, not %s", prop, idlKind(v))
			return nil
		}
		out := []ShapeID{}
		var seen map[ShapeID]bool
		for _, it := range v.Items {
			if id := ref(prop, it); id != "" {
				out = appendNew(out, &seen, id)
			}
		}
		return out
	}
	for _, f := range body.Fields {
		at := u.base + f.KeyAt
		if !slices.Contains(allowed, f.Key) {
			l.addAt(at, s.ID, "unexpected property %q on a %s shape; it may have %s", f.Key, s.Type, strings.Join(allowed, ", "))
			continue
		}
		v := f.Value
		switch f.Key {
		case "version":
			if v.Kind != idl.String {
				l.addAt(u.base+v.At, s.ID, `"version" must be a string, not %s`, idlKind(v))
			}
			s.Version = v.Str
		case "operations":
			s.Operations = refs(f.Key, v)
		case "resources":
			s.Resources = refs(f.Key, v)
		case "errors":
			s.Errors = refs(f.Key, v)
		case "collectionOperations":
			s.CollectionOperations = refs(f.Key, v)
		case "rename":
			if v.Kind != idl.Object {
				l.addAt(u.base+v.At, s.ID, `"rename" must be an object, not %s`, idlKind(v))
				continue
			}
			s.Rename = map[ShapeID]string{}
			for _, r := range v.Fields {
				switch {
				case !validShapeID(r.Key, false):
					l.addAt(u.base+r.KeyAt, s.ID, "rename: %q is not an absolute shape ID such as com.example#Widget", r.Key)
				case r.Value.Kind != idl.String || !validIdentifier(r.Value.Str):
					l.addAt(u.base+r.Value.At, s.ID, "rename of %s: the new name must be a quoted identifier such as \"Widget\"", r.Key)
				default:
					s.Rename[ShapeID(r.Key)] = r.Value.Str
				}
			}
		case "identifiers", "properties":
			if v.Kind != idl.Object {
				l.addAt(u.base+v.At, s.ID, "%q must be an object, not %s", f.Key, idlKind(v))
				continue
			}
			var bs []Binding
			for _, b := range v.Fields {
				bs = append(bs, Binding{b.Key, ref(f.Key, b.Value)})
			}
			if f.Key == "identifiers" {
				s.Identifiers = bs
			} else {
				s.Properties = bs
			}
		default: // a lifecycle operation
			b := Binding{f.Key, ref(f.Key, v)}
			i := 0
			for i < len(s.Lifecycle) && lifecycleRank(s.Lifecycle[i].Name) < lifecycleRank(b.Name) {
				i++
			}
			s.Lifecycle = append(s.Lifecycle[:i], append([]Binding{b}, s.Lifecycle[i:]...)...)
		}
	}
}

func idlKind(v idl.Value) string {
	return [...]string{idl.Null: "null", idl.Bool: "a boolean", idl.Number: "a number", idl.String: "a string",
		idl.ShapeID: "a shape ID", idl.Array: "a list", idl.Object: "an object"}[v.Kind]
}

// idlTraits lowers trait applications, a documentation comment first.
func (l *loader) idlTraits(u *idlUnit, owner ShapeID, doc *idl.Doc, ts []idl.Trait) Traits {
	var t Traits
	if doc != nil {
		t.list = append(t.list, Trait{TraitDocumentation, Node{Kind: StringNode, Str: doc.Text, Offset: u.base + doc.At}})
	}
	var seen map[ShapeID]int // when there are many
	if len(ts) > 16 {
		seen = make(map[ShapeID]int, len(ts)+1)
		for i, x := range t.list {
			seen[x.ID] = i
		}
	}
	for _, tr := range ts {
		id := u.resolve(l, tr.ID)
		at := u.base + tr.At
		if id.Member() != "" {
			l.addAt(at, owner, "trait %s names a member; a trait is a shape", id)
			continue
		}
		var v Node
		if tr.Value == nil {
			v = l.annotation(id, at)
		} else {
			v = l.idlNode(u, *tr.Value)
		}
		old, ok := Node{}, false
		if seen != nil {
			var i int
			if i, ok = seen[id]; ok {
				old = t.list[i].Value
			}
		} else {
			old, ok = t.Get(id)
		}
		if ok {
			if !nodeEqual(old, v) {
				l.addAt(at, owner, "trait %s applied twice", id)
			}
			continue
		}
		if seen != nil {
			seen[id] = len(t.list)
		}
		t.list = append(t.list, Trait{id, v})
	}
	return t
}

// annotation is the value of a trait given without one: the empty value
// of the trait's type.
func (l *loader) annotation(id ShapeID, offset int) Node {
	typ, ok := l.defined[id]
	if !ok && id.Namespace() == "smithy.api" {
		typ = preludeTraits[id.Name()]
	}
	switch typ {
	case List, Set:
		return Node{Kind: ArrayNode, Offset: offset}
	case Boolean:
		return Node{Kind: BoolNode, Bool: true, Offset: offset}
	}
	return Node{Kind: ObjectNode, Offset: offset}
}

func (l *loader) idlNode(u *idlUnit, v idl.Value) Node {
	n := Node{Offset: u.base + v.At}
	switch v.Kind {
	case idl.Null:
		n.Kind = NullNode
	case idl.Bool:
		n.Kind, n.Bool = BoolNode, v.Bool
	case idl.Number:
		n.Kind, n.Str = NumberNode, v.Str
	case idl.String:
		n.Kind, n.Str = StringNode, v.Str
	case idl.ShapeID:
		n.Kind, n.Str = StringNode, string(u.resolve(l, v.Str))
	case idl.Array:
		n.Kind = ArrayNode
		n.Items = make([]Node, len(v.Items))
		for i, it := range v.Items {
			n.Items[i] = l.idlNode(u, it)
		}
	case idl.Object:
		n.Kind = ObjectNode
		n.Fields = make([]Field, len(v.Fields))
		for i, f := range v.Fields {
			n.Fields[i] = Field{f.Key, l.idlNode(u, f.Value), u.base + f.KeyAt}
		}
	}
	return n
}
