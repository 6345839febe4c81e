package plan

import (
	"cmp"
	"errors"
	"fmt"
	"go/token"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/smithy2go/smithy2go/generator/smithy"
)

// RuntimeNames are the exported identifiers the runtime helpers declare
// in generated packages. They yield to model names (see Plan.Ident) and
// are chosen so that no AWS model uses them.
var RuntimeNames = []string{
	"APIError", "InvalidParamsError", "Violation", "ErrorFault", "FaultUnknown", "FaultClient",
	"FaultServer", "ResponseMetadata", "UnknownUnionMember",
}

// Methods the generator adds to structs whatever the protocol, which
// fields must not shadow.
var (
	inputMethods  = []string{"Validate", "NewRequest", "BindEndpointParameters"}
	outputMethods = []string{"ResultMetadata"}
	errorMethods  = []string{"Error", "ErrorCode", "ErrorMessage", "ErrorFault", "ErrorCodeOverride", "Unwrap"}
)

// Options select what to plan.
type Options struct {
	Package string
	// Operations are shape names or IDs; empty means all of the service's.
	Operations []string
	// Protocols are the plug-ins smithy2go has; the one whose trait the
	// service carries writes the wire code.
	Protocols []Protocol
}

// Build plans the Go package for svc's selected operations.
func Build(m *smithy.Model, svc *smithy.Shape, opts Options) (*Plan, error) {
	if !token.IsIdentifier(opts.Package) || token.IsKeyword(opts.Package) {
		return nil, fmt.Errorf("package name %q is not a valid Go identifier", opts.Package)
	}
	ops, err := m.SelectOperations(svc, opts.Operations)
	if err != nil {
		return nil, err
	}
	p := &Plan{
		Model:   m,
		Service: svc,
		Package: opts.Package,
		Version: svc.Version,
		types:   map[smithy.ShapeID]*Type{},
		idents:  map[string]string{},
	}
	p.Protocol, p.ProtocolTrait = ProtocolOf(svc, opts.Protocols)
	b := &builder{p: p, names: newNames(), patterns: map[string]*Pattern{}}
	if o, ok := p.Protocol.(OptionalMembers); ok {
		b.allOptional = o.AllMembersOptional(svc)
	}
	b.operations(ops)
	closure := m.Closure(svc, ops)
	b.nameShapes(closure)
	for _, s := range closure {
		b.typeOf(s.ID)
	}
	b.fillStructs()
	b.fillUnions()
	b.fillEnums()
	b.added()
	b.collections()
	b.errorDetails()
	sort.Slice(p.Structs, func(i, j int) bool { return p.Structs[i].Name < p.Structs[j].Name })
	sort.Slice(p.Enums, func(i, j int) bool { return p.Enums[i].Name < p.Enums[j].Name })
	sort.Slice(p.Unions, func(i, j int) bool { return p.Unions[i].Name < p.Unions[j].Name })
	sort.Slice(p.Operations, func(i, j int) bool { return p.Operations[i].Name < p.Operations[j].Name })
	b.wire()
	sortProblems(p.Warnings)
	return p, nil
}

// ProtocolOf picks the plug-in among protocols that speaks for svc, and
// the protocol trait svc carries (with no plug-in for it, the plug-in is
// nil). A plug-in for a protocol smithy does not list speaks for a service
// that carries its trait.
func ProtocolOf(svc *smithy.Shape, protocols []Protocol) (Protocol, smithy.ShapeID) {
	trait, _ := svc.Traits.Protocol()
	for _, pr := range protocols {
		if trait != "" && pr.Trait() == trait {
			return pr, trait
		}
	}
	for _, pr := range protocols {
		if trait == "" && svc.Traits.Has(pr.Trait()) {
			return pr, pr.Trait()
		}
	}
	return nil, trait
}

// sortProblems orders warnings by where they are in the model.
func sortProblems(ps smithy.Problems) {
	slices.SortStableFunc(ps, func(a, b smithy.Problem) int {
		return cmp.Or(strings.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col), strings.Compare(a.Message, b.Message))
	})
}

// added claims the package-level names the runtime and the protocol
// declare, after every model name is taken: model names win.
func (b *builder) added() {
	names := append([]string(nil), RuntimeNames...)
	if b.p.Protocol != nil {
		names = append(names, b.p.Protocol.Reserved().Package...)
	}
	for _, n := range names {
		b.p.idents[n] = b.names.claim(n, n+"_")
	}
}

// wire decides which operations get wire code and names the functions
// of each one's HTTP-level contract.
func (b *builder) wire() {
	p := b.p
	if p.Protocol == nil {
		name := string(p.ProtocolTrait)
		if name == "" {
			name = "no protocol"
		}
		b.warn(p.Service.Offset, p.Service.ID, "wire code skipped: smithy2go does not support "+name+" yet")
		for _, op := range p.Operations {
			if op.Unsupported == "" {
				op.Unsupported = "smithy2go does not support " + name + " yet"
			}
		}
		return
	}
	for _, op := range p.Operations {
		if op.Unsupported == "" {
			op.Unsupported = p.Protocol.Supports(p, op)
		}
		if op.Unsupported != "" {
			b.warn(op.Shape.Offset, op.Shape.ID, "no wire code: "+op.Unsupported)
			continue
		}
		op.RequestFunc = "build" + op.Name + "Request"
		op.ResponseFunc = "decode" + op.Name + "Response"
		op.ErrorFunc = "decode" + op.Name + "Error"
	}
}

type builder struct {
	p        *Plan
	names    *names
	patterns map[string]*Pattern // by model pattern; nil when Go cannot check it
	// nested maps a structure shape to the struct generated for it when it
	// is used as a member target (inputs and outputs are separate structs).
	nested map[smithy.ShapeID]*Struct
	io     []*Struct
	// allOptional makes every member optional (see OptionalMembers).
	allOptional bool
}

func (b *builder) operations(ops []*smithy.Shape) {
	for _, s := range ops {
		op := &Operation{Name: exported(s.ID.Name()), Shape: s, plan: b.p}
		op.Input = b.ioStruct(op, s.Input, Input, op.Name+"Input")
		op.Output = b.ioStruct(op, s.Output, Output, op.Name+"Output")
		op.Unsupported = unsupported(b.p.Model, s, streams(b.p.Protocol))
		b.p.Operations = append(b.p.Operations, op)
	}
}

func (b *builder) ioStruct(op *Operation, id smithy.ShapeID, role Role, name string) *Struct {
	shape := b.p.Model.Shape(id)
	if shape == nil {
		shape = b.p.Model.Shape(smithy.UnitID)
	}
	st := &Struct{Name: b.names.claim(name), Shape: shape, Role: role, Op: op}
	b.io = append(b.io, st)
	b.p.Structs = append(b.p.Structs, st)
	return st
}

// streams reports whether a protocol carries streaming blobs.
func streams(p Protocol) bool {
	s, ok := p.(Streamer)
	return ok && s.StreamsBlobs()
}

// unsupported says why an operation gets no wire code, or "": an event
// stream, or a streaming blob the protocol cannot carry.
func unsupported(m *smithy.Model, op *smithy.Shape, streamsBlobs bool) string {
	for _, io := range []smithy.ShapeID{op.Input, op.Output} {
		s := m.Shape(io)
		if s == nil {
			continue
		}
		for _, mem := range s.Members {
			t := m.Shape(mem.Target)
			if t != nil && t.Traits.Streaming() {
				if t.Type == smithy.Blob && streamsBlobs {
					continue
				}
				if t.Type == smithy.Blob {
					return fmt.Sprintf("member %s is a streaming blob, which smithy2go does not support yet", mem.ID)
				}
				return fmt.Sprintf("member %s is an event stream, which smithy2go does not support yet", mem.ID)
			}
		}
	}
	return ""
}

// nameShapes gives every named type its Go name. The service's rename map
// wins; otherwise the shape name, capitalised. Shapes are named in ID
// order, so a clash between namespaces always resolves the same way.
func (b *builder) nameShapes(closure []*smithy.Shape) {
	b.nested = map[smithy.ShapeID]*Struct{}
	// An operation's input or output shape becomes a struct of its own
	// only where some member targets it too, or it is an error.
	targeted := map[smithy.ShapeID]bool{}
	for _, s := range closure {
		for _, m := range s.Members {
			targeted[m.Target] = true
		}
	}
	for _, op := range b.p.Operations {
		for _, e := range op.Shape.Errors {
			targeted[e] = true
		}
	}
	for _, e := range b.p.Service.Errors {
		targeted[e] = true
	}
	for _, s := range closure {
		switch {
		case s.Type == smithy.Structure, s.Type == smithy.Union, s.IsEnum(), s.Type == smithy.IntEnum:
		default:
			continue
		}
		if s.Type == smithy.Structure && !targeted[s.ID] {
			continue
		}
		base := s.ID.Name()
		if r, ok := b.p.Service.Rename[s.ID]; ok {
			base = r
		}
		name := b.names.claim(exported(base), exported(base)+nsSuffix(s.ID))
		t := &Type{Kind: kindOf[s.Type], Shape: s, Name: name}
		switch {
		case s.Type == smithy.Structure:
			role := Nested
			if s.Traits.Has(smithy.TraitError) {
				role = Error
			}
			st := &Struct{Name: name, Shape: s, Role: role}
			t.Struct = st
			b.nested[s.ID] = st
		case s.Type == smithy.Union:
			t.Union = &Union{Name: name, Shape: s}
		default:
			t.Kind = EnumKind
			if s.Type == smithy.IntEnum {
				t.Kind = IntEnumKind
			}
			t.Enum = &Enum{Name: name, Shape: s, Int: s.Type == smithy.IntEnum}
		}
		b.p.types[s.ID] = t
	}
	// An operation can fail with its own errors and the service's.
	for _, op := range b.p.Operations {
		seen := map[smithy.ShapeID]bool{}
		for _, e := range append(append([]smithy.ShapeID(nil), op.Shape.Errors...), b.p.Service.Errors...) {
			if !seen[e] {
				seen[e] = true
				op.Errors = append(op.Errors, b.nested[e])
			}
		}
	}
}

// nsSuffix is the alternative suffix for a name taken by a shape of another
// namespace: the namespace's last segment, capitalised.
func nsSuffix(id smithy.ShapeID) string {
	ns := id.Namespace()
	for i := len(ns) - 1; i >= 0; i-- {
		if ns[i] == '.' {
			ns = ns[i+1:]
			break
		}
	}
	return exported(ns)
}

// typeOf returns the Go type of a shape, planning it on first use.
func (b *builder) typeOf(id smithy.ShapeID) *Type {
	if t, ok := b.p.types[id]; ok {
		return t
	}
	s := b.p.Model.Shape(id)
	if s == nil {
		return nil
	}
	t := &Type{Kind: kindOf[s.Type], Shape: s}
	switch {
	case s.Type == smithy.Blob && s.Traits.Streaming():
		t.Kind = StreamKind
	case smithy.IsUnit(id):
		// Only a union member can target Unit: a variant with no value.
		t.Kind = UnitKind
	}
	b.p.types[id] = t
	switch {
	case s.IsList():
		t.Member = s.ListMember()
		t.Elem = b.typeOf(t.Member.Target)
		t.ElemPointer = s.Traits.Sparse() && t.Elem.Pointable()
		t.ElemRules = b.rules(t.Member, t.Elem)
	case s.Type == smithy.Map:
		t.KeyMember, t.Member = s.MapKey(), s.MapValue()
		t.Key = b.typeOf(t.KeyMember.Target)
		t.Elem = b.typeOf(t.Member.Target)
		t.ElemPointer = s.Traits.Sparse() && t.Elem.Pointable()
		t.KeyRules = b.rules(t.KeyMember, t.Key)
		t.ElemRules = b.rules(t.Member, t.Elem)
	}
	return t
}

func (b *builder) fillStructs() {
	for _, st := range b.io {
		b.fields(st)
	}
	ids := make([]smithy.ShapeID, 0, len(b.nested))
	for id := range b.nested {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		st := b.nested[id]
		b.fields(st)
		b.p.Structs = append(b.p.Structs, st)
	}
}

func (b *builder) fields(st *Struct) {
	var r Reserved
	if b.p.Protocol != nil {
		r = b.p.Protocol.Reserved()
	}
	reserved := map[string]bool{}
	switch st.Role {
	case Input:
		reserved = setOf(append(r.Input, inputMethods...))
	case Output:
		reserved = setOf(append(r.Output, outputMethods...))
	case Error:
		reserved = setOf(append(r.Error, errorMethods...))
	}
	used := map[string]bool{}
	// A member already spelled as its Go name keeps it; one that only
	// becomes it (_value, value) yields.
	fields := make([]*Field, len(st.Shape.Members))
	for pass := 0; pass < 2; pass++ {
		for i, m := range st.Shape.Members {
			if (exported(m.Name) == m.Name) == (pass == 0) {
				fields[i] = b.field(m, reserved, used)
			}
		}
	}
	st.Fields = fields
	for _, f := range fields {
		// A streaming blob in a response is its body, handed over unread.
		f.ReadCloser = f.Type.Kind == StreamKind && st.Role != Input
	}
	// The AWS SDK lists required members first, then the rest, each by
	// name; errors keep model order. Following it keeps positional
	// literals and reading order the same for users who switch.
	if st.Role != Error {
		sort.SliceStable(st.Fields, func(i, j int) bool {
			a, b := st.Fields[i], st.Fields[j]
			if a.Required != b.Required {
				return a.Required
			}
			return a.Name < b.Name
		})
	}
}

func setOf(list []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range list {
		m[s] = true
	}
	return m
}

func (b *builder) field(m *smithy.Member, reserved, used map[string]bool) *Field {
	t := b.typeOf(m.Target)
	f := &Field{
		Name:     fieldName(m.Name, reserved, used),
		Member:   m,
		Type:     t,
		Required: m.Traits.Required(),
		Rules:    b.rules(m, t),
	}
	f.Pointer = t.Pointable() && (nullable(m, t.Shape) || b.allOptional)
	return f
}

// nullable applies the AWS SDK's rule: a member is nullable unless it has
// a zero-value default (its own, or its target's) and is not clientOptional.
// Strings, timestamps and structures have no zero-value default that counts,
// so they are always pointers.
func nullable(m *smithy.Member, target *smithy.Shape) bool {
	if m.Traits.ClientOptional() {
		return true
	}
	switch target.Type {
	case smithy.Boolean, smithy.Byte, smithy.Short, smithy.Integer, smithy.Long, smithy.Float, smithy.Double:
	default:
		return true
	}
	d, ok := m.Traits.Default()
	if !ok {
		d, ok = target.Traits.Default()
	}
	if !ok {
		return true
	}
	switch d.Kind {
	case smithy.BoolNode:
		return d.Bool
	case smithy.NumberNode:
		f, _ := d.Float()
		return f != 0
	}
	return true
}

func (b *builder) fillUnions() {
	for _, t := range b.sortedTypes() {
		u := t.Union
		if u == nil {
			continue
		}
		used := map[string]bool{}
		for _, m := range u.Shape.Members {
			f := b.field(m, nil, used)
			f.Pointer = false
			v := &Variant{Name: b.names.claim(u.Name + "Member" + f.Name), Field: f}
			u.Variants = append(u.Variants, v)
		}
		u.Marker = "is" + u.Name
		b.p.Unions = append(b.p.Unions, u)
	}
}

func (b *builder) fillEnums() {
	for _, t := range b.sortedTypes() {
		e := t.Enum
		if e == nil {
			continue
		}
		for _, v := range enumValues(e.Shape) {
			label := enumLabel(v.name)
			if label == "" {
				label = symbolLabel(v.value)
			}
			v.ev.Const = b.names.claim(e.Name + label)
			e.Values = append(e.Values, v.ev)
		}
		b.p.Enums = append(b.p.Enums, e)
	}
}

type rawEnumValue struct {
	name, value string
	ev          EnumValue
}

// enumValues lists an enum's values in model order, from an enum or
// intEnum shape or from a 1.0 string shape's enum trait.
func enumValues(s *smithy.Shape) []rawEnumValue {
	var out []rawEnumValue
	if s.Type == smithy.String {
		n, _ := s.Traits.Get(smithy.TraitEnum)
		for _, item := range n.Items {
			value, _ := item.Get("value")
			name, _ := item.Get("name")
			doc, _ := item.Get("documentation")
			ev := EnumValue{Value: value.String(), Doc: doc.String()}
			if dep, ok := item.Get("deprecated"); ok && dep.Bool {
				ev.Deprecated = &smithy.Deprecation{}
			}
			label := name.String()
			if label == "" {
				label = value.String()
			}
			out = append(out, rawEnumValue{label, ev.Value, ev})
		}
		return out
	}
	for _, m := range s.Members {
		value := m.Name
		if v, ok := m.Traits.EnumValue(); ok {
			value = v.Str
		}
		ev := EnumValue{Value: value, Doc: m.Traits.Documentation()}
		if d, ok := m.Traits.Deprecated(); ok {
			ev.Deprecated = &d
		}
		out = append(out, rawEnumValue{m.Name, value, ev})
	}
	return out
}

func (b *builder) sortedTypes() []*Type {
	out := make([]*Type, 0, len(b.p.types))
	for _, t := range b.p.types {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Shape.ID < out[j].Shape.ID })
	return out
}

// collections gives lists and maps the idents their functions are named
// by, apart from every named type's; named types use their names.
func (b *builder) collections() {
	idents := &names{taken: maps.Clone(b.names.taken)}
	for _, t := range b.sortedTypes() {
		switch {
		case t.Name != "":
			t.Ident = t.Name
		case t.Kind == ListKind || t.Kind == MapKind:
			t.Ident = idents.claim(exported(t.Shape.ID.Name()), exported(t.Shape.ID.Name())+nsSuffix(t.Shape.ID))
		}
	}
}

// errorDetails fills in what the errors' methods return.
func (b *builder) errorDetails() {
	for _, st := range b.p.Structs {
		if st.Role != Error {
			continue
		}
		switch kind, _ := st.Shape.Traits.Error(); kind {
		case "client":
			st.Fault = FaultClient
		case "server":
			st.Fault = FaultServer
		}
		st.Code = st.Shape.ID.Name()
		if c, ok := b.p.Protocol.(ErrorCoder); ok {
			st.Code = c.ErrorCode(b.p.Service, st.Shape)
		}
		for _, f := range st.Fields {
			if f.Name == "Message" && f.Type.Kind == StringKind && f.Pointer {
				st.Message = f
			}
		}
	}
}

// ErrNoService is returned when a model has no service to generate.
var ErrNoService = errors.New("the model has no service shape")

// FindService picks the service to generate: the one named, or the only one.
func FindService(m *smithy.Model, id string) (*smithy.Shape, error) {
	svcs := m.Services()
	if id != "" {
		for _, s := range svcs {
			if string(s.ID) == id || s.ID.Name() == id {
				return s, nil
			}
		}
		return nil, fmt.Errorf("the model has no service %q", id)
	}
	switch len(svcs) {
	case 0:
		return nil, ErrNoService
	case 1:
		return svcs[0], nil
	}
	var list []string
	for _, s := range svcs {
		list = append(list, string(s.ID))
	}
	return nil, fmt.Errorf("the model has %d services (%v); choose one with -service", len(svcs), list)
}
