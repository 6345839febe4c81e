package jsonbody

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// structWriter writes a structure's serializer: an object with one
// member per set field. A request body (top) returns an error whatever
// it holds, so every protocol calls it the same way.
func (c *Codec) structWriter(j job) {
	st := j.st
	top := j.kind == serializeBody
	fails := top || c.fails[st]
	var body []jen.Code
	if c.anyFails(j.fields) {
		body = append(body, jen.Var().Err().Error())
	}
	body = append(body, jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('{')))
	seen := map[string]bool{}
	for _, f := range j.fields {
		// Two members with one JSON name cannot both be sent: the first is.
		if name := c.Name(f.Member); !seen[name] {
			seen[name] = true
			body = append(body, c.member(f, top)...)
		}
	}
	end := jen.Append(jen.Id("b"), jen.LitRune('}'))
	results := jen.Index().Byte()
	if fails {
		body = append(body, jen.Return(end, jen.Nil()))
		results = jen.Params(jen.Index().Byte(), jen.Error())
	} else {
		body = append(body, jen.Return(end))
	}
	name := c.g.Plan.StructFunc("serialize", st)
	if top {
		c.ser.Add(emit.Text(name + " appends the JSON body of a " + st.Name + "; unset members are left out."))
	}
	c.ser.Func().Id(name).Params(jen.Id("b").Index().Byte(), jen.Id("v").Op("*").Id(st.Name)).Add(results).Block(body...)
	c.ser.Line()
}

func (c *Codec) anyFails(fields []*plan.Field) bool {
	for _, f := range fields {
		if c.Fails(f.Type) {
			return true
		}
	}
	return false
}

// member writes one member of v when it is set. In a nested structure
// (not top) a member with a default is always sent, its default when
// unset, as the Smithy spec asks of authoritative clients; a top-level
// input member is sent only when set.
func (c *Codec) member(f *plan.Field, top bool) []jen.Code {
	val := jen.Id("v").Dot(f.Name)
	key := jen.Id("b").Op("=").Id("jsonKeyLit").Call(jen.Id("b"), keyLit(c.Name(f.Member)))
	write := c.write(f.Type, f.Member, val, f.Pointer)
	nilable := f.Pointer || f.Type.Nilable()
	if def, ok := defaultOf(f); ok && !top {
		var unset jen.Code
		switch {
		case nilable:
			unset = val.Clone().Op("==").Nil()
		case f.Type.Kind == plan.EnumKind:
			unset = val.Clone().Op("==").Lit("")
		case f.Type.Kind == plan.IntEnumKind:
			unset = val.Clone().Op("==").Lit(0)
		default:
			// A number or boolean held by value has a zero default: its
			// value is what to send, set or not.
			return append([]jen.Code{key}, write...)
		}
		dflt := jen.Id("b").Op("=").Append(jen.Id("b"), rawLit(c.defaultJSON(f.Type, f.Member, def)).Op("..."))
		return []jen.Code{key, jen.If(unset).Block(dflt).Else().Block(write...)}
	}
	if opt := c.optional(f, val); opt != nil {
		return []jen.Code{opt}
	}
	var cond jen.Code
	switch {
	case nilable:
		cond = val.Clone().Op("!=").Nil()
	case f.Type.Kind == plan.EnumKind:
		cond = val.Clone().Op("!=").Lit("")
	case !f.ZeroIsUnset():
		// A required member held by value is always sent, zero included.
		return append([]jen.Code{key}, write...)
	case f.Type.Kind == plan.BoolKind:
		cond = val.Clone()
	default:
		cond = val.Clone().Op("!=").Lit(0)
	}
	return []jen.Code{jen.If(cond).Block(append([]jen.Code{key}, write...)...)}
}

// optional writes the common optional members, a scalar behind a pointer,
// an enum or a blob, in one call of the runtime's jsonOpt functions, or
// returns nil for others.
func (c *Codec) optional(f *plan.Field, val *jen.Statement) jen.Code {
	fn := ""
	args := []jen.Code{jen.Id("b"), keyLit(c.Name(f.Member)), val.Clone()}
	switch k := f.Type.Kind; {
	case k == plan.EnumKind:
		fn = "jsonOptEnum"
	case k == plan.BlobKind:
		fn = "jsonOptBlob"
	case !f.Pointer:
	case k == plan.StringKind:
		fn = "jsonOptString"
	case k == plan.BoolKind:
		fn = "jsonOptBool"
	case f.Type.IsInteger():
		fn = "jsonOptInt"
	case k == plan.Float32Kind || k == plan.Float64Kind:
		fn = "jsonOptFloat"
	case k == plan.TimeKind:
		fn = "jsonOptTime"
		args = append(args, jen.Id(timeFormat(f.Member, f.Type.Shape)))
	}
	if fn == "" {
		return nil
	}
	c.g.UseRuntime("runtime_jsonbody.go")
	return jen.Id("b").Op("=").Id(fn).Call(args...)
}

// write appends val, a value of t (a pointer to one when ptr), to b.
func (c *Codec) write(t *plan.Type, m *smithy.Member, val *jen.Statement, ptr bool) []jen.Code {
	v := val.Clone()
	if ptr && t.Kind != plan.StructKind && t.Kind != plan.BigIntKind && t.Kind != plan.BigDecimalKind {
		v = jen.Op("*").Add(val.Clone())
	}
	set := func(fn string, args ...jen.Code) []jen.Code {
		return []jen.Code{jen.Id("b").Op("=").Id(fn).Call(append([]jen.Code{jen.Id("b")}, args...)...)}
	}
	try := func(fn string, args ...jen.Code) []jen.Code {
		call := jen.Id(fn).Call(append([]jen.Code{jen.Id("b")}, args...)...)
		return []jen.Code{jen.If(jen.List(jen.Id("b"), jen.Err()).Op("=").Add(call), jen.Err().Op("!=").Nil()).Block(errReturn)}
	}
	switch t.Kind {
	case plan.StringKind:
		return set("jsonString", v)
	case plan.EnumKind:
		return set("jsonString", jen.String().Call(v))
	case plan.BoolKind:
		return set("jsonBool", v)
	case plan.Int8Kind, plan.Int16Kind, plan.Int32Kind, plan.Int64Kind, plan.IntEnumKind:
		return set("jsonInt", v)
	case plan.Float32Kind, plan.Float64Kind:
		return set("jsonFloat", v)
	case plan.TimeKind:
		return set("jsonTime", v, jen.Id(timeFormat(m, t.Shape)))
	case plan.BlobKind:
		return set("jsonBlob", v)
	case plan.BigIntKind:
		return set("jsonBigInt", v)
	case plan.BigDecimalKind:
		return set("jsonBigFloat", v)
	case plan.DocumentKind:
		return try("jsonDocument", v)
	case plan.UnitKind:
		// A variant targeting Unit is an empty object.
		return []jen.Code{jen.Id("b").Op("=").Append(jen.Id("b"), jen.Lit("{}").Op("..."))}
	case plan.StructKind:
		if !ptr {
			v = jen.Op("&").Add(v)
		}
		if c.fails[t.Struct] {
			return try(c.WriteValue(t), v)
		}
		return set(c.WriteValue(t), v)
	case plan.UnionKind, plan.ListKind, plan.MapKind:
		if c.Fails(t) {
			return try(c.WriteValue(t), v)
		}
		return set(c.WriteValue(t), v)
	}
	// Streams never reach a JSON body: the protocol refuses them.
	return nil
}

// otherWriter writes the serializer of a list, map or union.
func (c *Codec) otherWriter(t *plan.Type) {
	var body []jen.Code
	fails := c.Fails(t)
	if t.Kind == plan.UnionKind {
		fails = false
		for _, vr := range t.Union.Variants {
			fails = fails || c.Fails(vr.Field.Type)
		}
	}
	if fails {
		body = append(body, jen.Var().Err().Error())
	}
	switch t.Kind {
	case plan.ListKind:
		body = append(body, c.listLoop(t)...)
	case plan.MapKind:
		body = append(body, c.mapLoop(t)...)
	case plan.UnionKind:
		c.g.UseRuntime("runtime_jsonbody.go")
		body = append(body, c.unionSwitch(t)...)
	}
	results := jen.Index().Byte()
	if c.Fails(t) {
		results = jen.Params(jen.Index().Byte(), jen.Error())
	}
	c.ser.Func().Id(c.g.Plan.Func("serialize", t)).Params(jen.Id("b").Index().Byte(), jen.Id("v").Add(emit.TypeCode(t))).
		Add(results).Block(body...)
	c.ser.Line()
}

// end closes a collection's serializer.
func (c *Codec) end(t *plan.Type, close rune) jen.Code {
	end := jen.Append(jen.Id("b"), jen.LitRune(close))
	if c.Fails(t) {
		return jen.Return(end, jen.Nil())
	}
	return jen.Return(end)
}

// nullOrSkip handles a nil element e of a collection: a sparse one sends
// null; a dense one leaves it out, as the AWS SDK means to (it writes a
// stray comma where the element was).
func nullOrSkip(t *plan.Type, e jen.Code) (before, after []jen.Code) {
	switch {
	case t.Shape.Traits.Sparse() && (t.ElemPointer || t.Elem.Nilable()):
		return nil, []jen.Code{jen.If(jen.Add(e).Op("==").Nil()).Block(
			jen.Id("b").Op("=").Id("jsonNull").Call(jen.Id("b")), jen.Continue())}
	case t.Elem.Nilable():
		return []jen.Code{jen.If(jen.Add(e).Op("==").Nil()).Block(jen.Continue())}, nil
	}
	return nil, nil
}

func (c *Codec) listLoop(t *plan.Type) []jen.Code {
	var loop jen.Code
	var elem *jen.Statement
	if t.Elem.Kind == plan.StructKind && !t.ElemPointer {
		// By index: a struct element is passed by pointer, not copied.
		elem = jen.Id("v").Index(jen.Id("i"))
		loop = jen.For(jen.Id("i").Op(":=").Range().Id("v"))
	} else {
		elem = jen.Id("x")
		loop = jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Id("v"))
	}
	before, after := nullOrSkip(t, elem.Clone())
	body := append(before, jen.Id("b").Op("=").Id("jsonComma").Call(jen.Id("b")))
	body = append(body, after...)
	body = append(body, c.write(t.Elem, t.Member, elem, t.ElemPointer)...)
	return []jen.Code{
		jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('[')),
		jen.Add(loop).Block(body...),
		c.end(t, ']'),
	}
}

func (c *Codec) mapLoop(t *plan.Type) []jen.Code {
	x := jen.Id("x")
	before, after := nullOrSkip(t, x.Clone())
	body := append(before, jen.Id("b").Op("=").Id("jsonKey").Call(jen.Id("b"), jen.Id("k")))
	body = append(body, after...)
	body = append(body, c.write(t.Elem, t.Member, x, t.ElemPointer)...)
	return []jen.Code{
		jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('{')),
		jen.For(jen.List(jen.Id("k"), jen.Id("x")).Op(":=").Range().Id("v")).Block(body...),
		c.end(t, '}'),
	}
}

// unionSwitch writes the one member a union value holds. A value with no
// member this package can write (nil, or an UnknownUnionMember, whose
// type the package does not know) is an error, as in the AWS SDK.
func (c *Codec) unionSwitch(t *plan.Type) []jen.Code {
	var cases []jen.Code
	bound := false // whether a case reads u, the value switched on
	for _, vr := range t.Union.Variants {
		f := vr.Field
		bound = bound || f.Type.Kind != plan.UnitKind
		// The object opens with its one member's name, in one literal.
		body := []jen.Code{jen.Id("b").Op("=").Append(jen.Id("b"), rawLit("{"+quote(c.Name(f.Member))+":").Op("..."))}
		write := c.write(f.Type, f.Member, jen.Id("u").Dot("Value"), false)
		if f.Type.Kind == plan.BlobKind {
			// A variant is set even when its blob is nil; the SDK sends null.
			write = []jen.Code{jen.If(jen.Id("u").Dot("Value").Op("==").Nil()).Block(
				jen.Id("b").Op("=").Id("jsonNull").Call(jen.Id("b"))).Else().Block(write...)}
		}
		body = append(body, write...)
		cases = append(cases, jen.Case(jen.Op("*").Id(vr.Name)).Block(body...))
	}
	cases = append(cases, jen.Default().Block(
		jen.Return(jen.Id("b"), jen.Op("&").Id("jsonUnionError").Values(jen.Dict{
			jen.Id("Union"): jen.Lit(t.Union.Name), jen.Id("Value"): jen.Id("v")}))))
	switched := jen.Id("v").Assert(jen.Type())
	if bound {
		switched = jen.Id("u").Op(":=").Add(switched)
	}
	return []jen.Code{
		jen.Switch(switched).Block(cases...),
		jen.Return(jen.Append(jen.Id("b"), jen.LitRune('}')), jen.Nil()),
	}
}
