package apidiff

import (
	"fmt"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// surface is the part of a plan a user of the generated package sees.
type surface struct {
	// protocol is the trait of the protocol whose names wire reports;
	// wire is nil when smithy2go has no plug-in that can say.
	protocol smithy.ShapeID
	wire     emit.WireNamer
	ops      []*opInfo
	types    []*typeInfo
	// keys finds a planned struct's or union's typeInfo key.
	structKeys map[*plan.Struct]string
	unionKeys  map[*plan.Union]string
}

type opInfo struct {
	name string // also the key: the query Action
	op   *plan.Operation
}

// typeInfo is a named Go type: a struct (operation inputs and outputs
// included), an enum or a union.
type typeInfo struct {
	// key is the shape ID, or "<op> input"/"<op> output" for an
	// operation's own structs, which a shape ID does not single out.
	key  string
	op   string // the operation of an input or output struct
	name string
	kind string // struct, error, enum, int enum, union
	id   smithy.ShapeID

	st *plan.Struct
	en *plan.Enum
	un *plan.Union
	// request and response say whether requests or responses (errors
	// included) carry the type, so Validate or the decoders see it.
	request, response bool
}

func surfaceOf(p *plan.Plan) *surface {
	s := &surface{
		protocol:   p.ProtocolTrait,
		structKeys: map[*plan.Struct]string{},
		unionKeys:  map[*plan.Union]string{},
	}
	s.wire, _ = p.Protocol.(emit.WireNamer)
	byKey := map[string]*typeInfo{}
	add := func(t *typeInfo) {
		s.types = append(s.types, t)
		byKey[t.key] = t
	}
	for _, op := range p.Operations {
		s.ops = append(s.ops, &opInfo{name: op.Name, op: op})
	}
	for _, st := range p.Structs {
		t := &typeInfo{key: string(st.Shape.ID), name: st.Name, kind: "struct", id: st.Shape.ID, st: st}
		switch st.Role {
		case plan.Input:
			t.key, t.op = st.Op.Name+" input", st.Op.Name
		case plan.Output:
			t.key, t.op = st.Op.Name+" output", st.Op.Name
		case plan.Error:
			t.kind = "error"
		}
		s.structKeys[st] = t.key
		add(t)
	}
	for _, e := range p.Enums {
		kind := "enum"
		if e.Int {
			kind = "int enum"
		}
		add(&typeInfo{key: string(e.Shape.ID), name: e.Name, kind: kind, id: e.Shape.ID, en: e})
	}
	for _, u := range p.Unions {
		s.unionKeys[u] = string(u.Shape.ID)
		add(&typeInfo{key: string(u.Shape.ID), name: u.Name, kind: "union", id: u.Shape.ID, un: u})
	}
	// Mark what requests and responses reach.
	for _, op := range p.Operations {
		s.reach(byKey, op.Input, func(t *typeInfo) *bool { return &t.request })
		s.reach(byKey, op.Output, func(t *typeInfo) *bool { return &t.response })
		for _, e := range op.Errors {
			if e != nil {
				s.reach(byKey, e, func(t *typeInfo) *bool { return &t.response })
			}
		}
	}
	return s
}

func (s *surface) reach(byKey map[string]*typeInfo, st *plan.Struct, flag func(*typeInfo) *bool) {
	var visitType func(t *plan.Type)
	var visitFields func(key string, fields []*plan.Field)
	visitFields = func(key string, fields []*plan.Field) {
		ti := byKey[key]
		if ti == nil || *flag(ti) {
			return
		}
		*flag(ti) = true
		for _, f := range fields {
			visitType(f.Type)
		}
	}
	visitType = func(t *plan.Type) {
		switch {
		case t == nil:
		case t.Struct != nil:
			visitFields(s.structKeys[t.Struct], t.Struct.Fields)
		case t.Union != nil:
			var fields []*plan.Field
			for _, v := range t.Union.Variants {
				fields = append(fields, v.Field)
			}
			visitFields(s.unionKeys[t.Union], fields)
		case t.Enum != nil:
			if ti := byKey[string(t.Shape.ID)]; ti != nil {
				*flag(ti) = true
			}
		default:
			visitType(t.Elem)
			visitType(t.Key)
		}
	}
	visitFields(s.structKeys[st], st.Fields)
}

// goType is a field's Go type as the generated code spells it.
func goType(f *plan.Field) string { return fmt.Sprintf("%#v", emit.FieldType(f)) }

// isPointer reports whether the field's Go type is a pointer the plan
// chose; big numbers are pointers whatever the member says.
func isPointer(f *plan.Field) bool {
	return f.Pointer && f.Type.Kind != plan.BigIntKind && f.Type.Kind != plan.BigDecimalKind
}

// signature identifies a Go type up to the names of named types, which
// canon maps to a key both models share, so a renamed type does not make
// every field of that type look changed too.
func (s *surface) signature(t *plan.Type, canon func(string) string) string {
	switch {
	case t.Struct != nil:
		return "struct " + canon(s.structKeys[t.Struct])
	case t.Union != nil:
		return "union " + canon(s.unionKeys[t.Union])
	case t.Enum != nil:
		return "enum " + canon(string(t.Shape.ID))
	case t.Kind == plan.ListKind:
		return "[]" + elemPointer(t) + s.signature(t.Elem, canon)
	case t.Kind == plan.MapKind:
		return "map[string]" + elemPointer(t) + s.signature(t.Elem, canon)
	}
	return fmt.Sprintf("%#v", emit.TypeCode(t))
}

func elemPointer(t *plan.Type) string {
	if t.ElemPointer {
		return "*"
	}
	return ""
}
