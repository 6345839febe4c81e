package query

import (
	"net/url"
	"slices"
	"sort"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol/xmlbody"
)

// serializers writes serializers.go: MarshalQuery and the request
// builder of every operation. Keys are written in the order the AWS SDK
// sorts them, decided here where possible (members by key) and at run time
// only for list indexes, so bodies match the SDK's byte for byte and
// nothing is sorted at run time.
func (w *writer) serializers() {
	f := w.g.GoFile("serializers.go")
	s := &serializer{w: w, f: f, done: map[string]bool{}}
	for _, op := range w.g.Wired() {
		s.marshal(op)
		s.request(op)
	}
	for len(s.queue) > 0 {
		t := s.queue[0]
		s.queue = s.queue[1:]
		switch {
		case t.Struct != nil:
			s.structFunc(t.Struct)
		case t.Union != nil:
			s.unionFunc(t)
		case t.Kind == plan.ListKind:
			s.listFunc(t)
		case t.Kind == plan.MapKind:
			s.mapFunc(t)
		}
	}
}

type serializer struct {
	w     *writer
	f     *jen.File
	done  map[string]bool
	queue []*plan.Type
}

func (s *serializer) funcFor(t *plan.Type) string {
	name := s.w.g.Plan.Func("serialize", t)
	if !s.done[name] {
		s.done[name] = true
		s.queue = append(s.queue, t)
	}
	return name
}

// pair is one top-level key or member, sorted by the keys it writes.
type pair struct {
	sortKey string
	code    []jen.Code
}

func sortPairs(ps []pair) []jen.Code {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].sortKey < ps[j].sortKey })
	var out []jen.Code
	for _, p := range ps {
		out = append(out, p.code...)
	}
	return out
}

func (s *serializer) marshal(op *plan.Operation) {
	st := op.Input
	var body []jen.Code
	doc := "MarshalQuery returns the form-encoded request body of " + op.Name + ", Action and Version included."
	for _, f := range st.Fields {
		if f.Member.Traits.IdempotencyToken() && f.Pointer && f.Type.Kind == plan.StringKind {
			s.w.g.UseRuntime("runtime_uuid.go")
			doc += " A nil " + f.Name + " is first set to a random UUID, as the AWS SDK does, and kept in v so a retry sends the same token."
			body = append(body, jen.If(jen.Id("v").Dot(f.Name).Op("==").Nil()).Block(
				jen.List(jen.Id("t"), jen.Err()).Op(":=").Id("newIdempotencyToken").Call(),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
				jen.Id("v").Dot(f.Name).Op("=").Op("&").Id("t"),
			))
		}
	}
	pairs := []pair{
		{"Action", []jen.Code{jen.Id("b").Op("=").Append(jen.Id("b"), jen.Lit("&Action="+escape(op.Shape.ID.Name())).Op("..."))}},
		{"Version", []jen.Code{jen.Id("b").Op("=").Append(jen.Id("b"), jen.Lit("&Version="+escape(s.w.g.Plan.Version)).Op("..."))}},
	}
	pairs = append(pairs, s.memberPairs(st.Fields)...)
	var build []jen.Code
	if len(st.Fields) > 0 {
		// Key prefixes grow in this stack buffer as the serializers descend.
		build = append(build, jen.Id("prefix").Op(":=").Make(jen.Index().Byte(), jen.Lit(0), jen.Lit(256)))
	}
	build = append(build, sortPairs(pairs)...)
	build = append(build, jen.Return(jen.Id("b")))
	body = append(body, jen.Return(jen.Id("queryBody").Call(
		jen.Func().Params(jen.Id("b").Index().Byte()).Index().Byte().Block(build...)), jen.Nil()))
	s.f.Add(emit.Text(doc))
	s.f.Func().Params(jen.Id("v").Op("*").Id(st.Name)).Id("MarshalQuery").Params().Params(jen.Index().Byte(), jen.Error()).
		Block(body...)
	s.f.Line()
}

// request writes the operation's request builder: a POST of the form body.
func (s *serializer) request(op *plan.Operation) {
	body := []jen.Code{
		jen.List(jen.Id("body"), jen.Err()).Op(":=").Id("v").Dot("MarshalQuery").Call(),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
	}
	prefix, checks := emit.HostPrefix(op)
	body = append(body, checks...)
	enc, _ := op.Shape.Traits.RequestCompression()
	gz := slices.Contains(enc, "gzip")
	body = append(body, jen.Return(jen.Id("newQueryRequest").Call(jen.Id("ctx"), jen.Id("endpoint"), prefix, jen.Id("body"), jen.Lit(gz))))
	s.f.Add(emit.Text(op.RequestFunc + " builds the request that sends " + op.Name + " to endpoint, without validating v."))
	s.f.Func().Id(op.RequestFunc).Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("v").Op("*").Id(op.Input.Name), jen.Id("endpoint").String(),
	).Params(jen.Op("*").Qual("net/http", "Request"), jen.Error()).Block(body...)
	s.f.Line()
}

// memberPairs writes each set member of a structure under the key prefix
// held in the variable prefix (escaped, empty or ending in '.').
func (s *serializer) memberPairs(fields []*plan.Field) []pair {
	var out []pair
	for _, f := range fields {
		key := s.w.d.requestKey(f.Member)
		val := jen.Id("v").Dot(f.Name)
		code := s.member(f, key, val, false)
		sk := key
		if isAggregate(f.Type) {
			sk += "."
		}
		out = append(out, pair{sk, code})
	}
	return out
}

func isAggregate(t *plan.Type) bool {
	switch t.Kind {
	case plan.StructKind, plan.UnionKind, plan.ListKind, plan.MapKind:
		return true
	}
	return false
}

// member writes one structure member when it is set; variant says the
// value is a union variant's, which is set whatever it holds.
func (s *serializer) member(f *plan.Field, key string, val *jen.Statement, variant bool) []jen.Code {
	t := f.Type
	prefix := jen.Id("prefix")
	ekey := escape(key)
	switch t.Kind {
	case plan.StructKind:
		return []jen.Code{jen.If(val.Clone().Op("!=").Nil()).Block(
			jen.Id("b").Op("=").Id(s.funcFor(t)).Call(jen.Id("b"), appendLit(prefix, ekey+"."), val.Clone()),
		)}
	case plan.UnionKind:
		return []jen.Code{jen.If(val.Clone().Op("!=").Nil()).Block(
			jen.Id("b").Op("=").Id(s.funcFor(t)).Call(jen.Id("b"), appendLit(prefix, ekey+"."), val.Clone()),
		)}
	case plan.ListKind:
		lp := ekey
		if !s.w.d.flattened(f.Member) {
			lp += "." + escape(xmlbody.ListItemName(t))
		}
		call := jen.Id("b").Op("=").Id(s.funcFor(t)).Call(jen.Id("b"), appendLit(prefix, lp), val.Clone())
		if s.w.d.EC2 {
			return []jen.Code{jen.If(jen.Len(val.Clone()).Op(">").Lit(0)).Block(call)}
		}
		empty := jen.Id("b").Op("=").Id("appendQueryKey").Call(jen.Id("b"), prefix, jen.Lit(ekey))
		if variant {
			// A variant is set even when its list is nil; the SDK sends
			// it as "Name=", as an empty list.
			return []jen.Code{jen.If(jen.Len(val.Clone()).Op("==").Lit(0)).Block(empty).Else().Block(call)}
		}
		// awsQuery sends an empty, non-nil list as "Name=".
		return []jen.Code{jen.If(val.Clone().Op("!=").Nil()).Block(
			jen.If(jen.Len(val.Clone()).Op("==").Lit(0)).Block(empty).Else().Block(call),
		)}
	case plan.MapKind:
		mp := ekey
		if !s.w.d.flattened(f.Member) {
			mp += ".entry"
		}
		return []jen.Code{jen.If(jen.Len(val.Clone()).Op(">").Lit(0)).Block(
			jen.Id("b").Op("=").Id(s.funcFor(t)).Call(jen.Id("b"), appendLit(prefix, mp), val.Clone()),
		)}
	}
	var cond *jen.Statement
	v := val.Clone()
	switch {
	case f.Pointer:
		cond = val.Clone().Op("!=").Nil()
		v = jen.Op("*").Add(val.Clone())
	case t.Kind == plan.EnumKind:
		cond = val.Clone().Op("!=").Lit("")
	case t.Nilable():
		cond = val.Clone().Op("!=").Nil()
	case !f.ZeroIsUnset():
		// A required member held by value is always sent, zero included:
		// false is how DKIM is turned off.
		return scalarPair(t, f, ekey, v)
	case t.Kind == plan.BoolKind:
		cond = val.Clone()
	default:
		cond = val.Clone().Op("!=").Lit(0)
	}
	return []jen.Code{jen.If(cond).Block(scalarPair(t, f, ekey, v)...)}
}

// scalarPair writes key=value for a scalar (not a pointer).
func scalarPair(t *plan.Type, f *plan.Field, ekey string, v *jen.Statement) []jen.Code {
	return []jen.Code{
		jen.Id("b").Op("=").Id("appendQueryKey").Call(jen.Id("b"), jen.Id("prefix"), jen.Lit(ekey)),
		jen.Id("b").Op("=").Add(scalar(t, f, v)),
	}
}

// appendLit is append(prefix, lit...).
func appendLit(prefix jen.Code, lit string) jen.Code {
	return jen.Append(prefix, jen.Lit(lit).Op("..."))
}

// scalar appends a scalar value v (not a pointer) to b.
func scalar(t *plan.Type, f *plan.Field, v *jen.Statement) *jen.Statement {
	switch t.Kind {
	case plan.StringKind:
		return jen.Id("appendQueryEscape").Call(jen.Id("b"), v)
	case plan.EnumKind:
		return jen.Id("appendQueryEscape").Call(jen.Id("b"), jen.String().Call(v))
	case plan.BoolKind:
		return jen.Qual("strconv", "AppendBool").Call(jen.Id("b"), v)
	case plan.Int8Kind, plan.Int16Kind, plan.Int32Kind, plan.Int64Kind, plan.IntEnumKind:
		return jen.Qual("strconv", "AppendInt").Call(jen.Id("b"), jen.Int64().Call(v), jen.Lit(10))
	case plan.Float32Kind:
		return jen.Id("appendQueryFloat").Call(jen.Id("b"), jen.Float64().Call(v), jen.Lit(32))
	case plan.Float64Kind:
		return jen.Id("appendQueryFloat").Call(jen.Id("b"), v, jen.Lit(64))
	case plan.TimeKind:
		m := t.Member
		if f != nil {
			m = f.Member
		}
		return jen.Id("appendQueryTime").Call(jen.Id("b"), v, jen.Id(xmlbody.TimestampFormat(m, t.Shape)))
	case plan.BlobKind:
		return jen.Id("appendQueryBlob").Call(jen.Id("b"), v)
	case plan.BigIntKind:
		return jen.Id("appendQueryEscape").Call(jen.Id("b"), v.Dot("String").Call())
	case plan.BigDecimalKind:
		return jen.Id("appendQueryEscape").Call(jen.Id("b"), v.Dot("Text").Call(jen.LitRune('f'), jen.Lit(-1)))
	}
	return jen.Id("b")
}

func escape(s string) string {
	return url.QueryEscape(s)
}

func (s *serializer) structFunc(st *plan.Struct) {
	name := s.w.g.Plan.StructFunc("serialize", st)
	pairs := s.memberPairs(st.Fields)
	s.f.Func().Id(name).Params(jen.List(jen.Id("b"), jen.Id("prefix")).Index().Byte(), jen.Id("v").Op("*").Id(st.Name)).
		Index().Byte().Block(append(sortPairs(pairs), jen.Return(jen.Id("b")))...)
	s.f.Line()
}

func (s *serializer) unionFunc(t *plan.Type) {
	name := s.w.g.Plan.Func("serialize", t)
	var cases []jen.Code
	for _, v := range t.Union.Variants {
		f := v.Field
		key := s.w.d.requestKey(f.Member)
		var code []jen.Code
		switch f.Type.Kind {
		case plan.StructKind:
			code = []jen.Code{jen.Id("b").Op("=").Id(s.funcFor(f.Type)).Call(jen.Id("b"),
				jen.Append(jen.Id("prefix"), jen.Lit(escape(key)+".").Op("...")), jen.Op("&").Id("u").Dot("Value"))}
		case plan.UnionKind, plan.ListKind, plan.MapKind:
			code = s.member(&plan.Field{Name: "Value", Member: f.Member, Type: f.Type}, key, jen.Id("u").Dot("Value"), true)
		default:
			// A variant is set even when it holds its zero value.
			code = scalarPair(f.Type, f, escape(key), jen.Id("u").Dot("Value"))
		}
		cases = append(cases, jen.Case(jen.Op("*").Id(v.Name)).Block(code...))
	}
	s.f.Func().Id(name).Params(jen.List(jen.Id("b"), jen.Id("prefix")).Index().Byte(), jen.Id("v").Id(t.Union.Name)).
		Index().Byte().Block(
		jen.Switch(jen.Id("u").Op(":=").Id("v").Assert(jen.Type())).Block(cases...),
		jen.Return(jen.Id("b")),
	)
	s.f.Line()
}

// elem writes one list element or map value e (an addressable value) under
// key prefix p, which has no trailing '.'.
func (s *serializer) elem(t *plan.Type, member *plan.Field, e *jen.Statement, p jen.Code) []jen.Code {
	v := e
	var wrap func([]jen.Code) []jen.Code
	if t.ElemPointer {
		v = jen.Op("*").Add(e.Clone())
		wrap = func(c []jen.Code) []jen.Code { return []jen.Code{jen.If(e.Clone().Op("!=").Nil()).Block(c...)} }
	}
	et := t.Elem
	var code []jen.Code
	switch et.Kind {
	case plan.StructKind:
		arg := jen.Op("&").Add(e.Clone())
		if t.ElemPointer {
			arg = e.Clone()
		}
		code = []jen.Code{jen.Id("b").Op("=").Id(s.funcFor(et)).Call(jen.Id("b"), jen.Append(p, jen.LitRune('.')), arg)}
	case plan.UnionKind:
		code = []jen.Code{jen.Id("b").Op("=").Id(s.funcFor(et)).Call(jen.Id("b"), jen.Append(p, jen.LitRune('.')), e.Clone())}
	case plan.ListKind:
		lp := jen.Code(p)
		if !s.w.d.EC2 {
			lp = jen.Append(p, jen.Lit("."+escape(xmlbody.ListItemName(et))).Op("..."))
		}
		code = []jen.Code{jen.Id("b").Op("=").Id(s.funcFor(et)).Call(jen.Id("b"), lp, v.Clone())}
	case plan.MapKind:
		code = []jen.Code{jen.Id("b").Op("=").Id(s.funcFor(et)).Call(jen.Id("b"),
			jen.Append(p, jen.Lit(".entry").Op("...")), v.Clone())}
	default:
		code = []jen.Code{
			jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('&')),
			jen.Id("b").Op("=").Append(jen.Id("b"), jen.Add(p).Op("...")),
			jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('=')),
			jen.Id("b").Op("=").Add(scalar(et, &plan.Field{Member: t.Member, Type: et}, v.Clone())),
		}
	}
	if wrap != nil {
		return wrap(code)
	}
	return code
}

func (s *serializer) listFunc(t *plan.Type) {
	name := s.w.g.Plan.Func("serialize", t)
	var pre []jen.Code
	if t.ElemPointer || t.Elem.Kind == plan.UnionKind {
		// The SDK skips nil elements and numbers the rest from 1.
		pre = append(pre, jen.Id("v").Op("=").Id("queryNonNil").Call(jen.Id("v")))
	}
	body := []jen.Code{
		jen.Id("p").Op(":=").Qual("strconv", "AppendInt").Call(jen.Append(jen.Id("prefix"), jen.LitRune('.')), jen.Int64().Call(jen.Id("k")), jen.Lit(10)),
	}
	body = append(body, s.elem(t, nil, jen.Id("v").Index(jen.Id("k").Op("-").Lit(1)), jen.Id("p"))...)
	s.f.Add(emit.Text(name + " writes the elements in the order the SDK's sorted keys give."))
	s.f.Func().Id(name).Params(jen.List(jen.Id("b"), jen.Id("prefix")).Index().Byte(), jen.Id("v").Add(emit.TypeCode(t))).
		Index().Byte().Block(append(pre,
		jen.For(jen.Id("k").Op(":=").Id("queryIndexFirst").Call(jen.Len(jen.Id("v"))),
			jen.Id("k").Op("!=").Lit(0),
			jen.Id("k").Op("=").Id("queryIndexNext").Call(jen.Id("k"), jen.Len(jen.Id("v")))).Block(body...),
		jen.Return(jen.Id("b")),
	)...)
	s.f.Line()
}

// mapFunc numbers entries by sorted key, as the SDK does.
func (s *serializer) mapFunc(t *plan.Type) {
	name := s.w.g.Plan.Func("serialize", t)
	kn, vn := escape(xmlbody.MapKeyName(t)), escape(xmlbody.MapValueName(t))
	body := []jen.Code{
		jen.Id("p").Op(":=").Qual("strconv", "AppendInt").Call(jen.Append(jen.Id("prefix"), jen.LitRune('.')), jen.Int64().Call(jen.Id("k")), jen.Lit(10)),
		jen.Id("key").Op(":=").Id("keys").Index(jen.Id("k").Op("-").Lit(1)),
		jen.Id("b").Op("=").Id("appendQueryKey").Call(jen.Id("b"), jen.Id("p"), jen.Lit("."+kn)),
		jen.Id("b").Op("=").Id("appendQueryEscape").Call(jen.Id("b"), jen.String().Call(jen.Id("key"))),
		jen.Id("e").Op(":=").Id("v").Index(jen.Id("key")),
	}
	body = append(body, s.elem(t, nil, jen.Id("e"), jen.Append(jen.Id("p"), jen.Lit("."+vn).Op("...")))...)
	s.f.Func().Id(name).Params(jen.List(jen.Id("b"), jen.Id("prefix")).Index().Byte(), jen.Id("v").Add(emit.TypeCode(t))).
		Index().Byte().Block(
		jen.Id("keys").Op(":=").Qual("slices", "Sorted").Call(jen.Qual("maps", "Keys").Call(jen.Id("v"))),
		jen.For(jen.Id("k").Op(":=").Id("queryIndexFirst").Call(jen.Len(jen.Id("keys"))),
			jen.Id("k").Op("!=").Lit(0),
			jen.Id("k").Op("=").Id("queryIndexNext").Call(jen.Id("k"), jen.Len(jen.Id("keys")))).Block(body...),
		jen.Return(jen.Id("b")),
	)
	s.f.Line()
}
