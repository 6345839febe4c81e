package jsonbody

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// structReader writes a structure's deserializer: it reads an object's
// members into v, skips the ones it does not know, then fills in defaults
// and required members the object lacked (see fill).
func (c *Codec) structReader(j job) {
	st := j.st
	var cases []jen.Code
	seen := map[string]bool{}
	for _, f := range j.fields {
		name := c.Name(f.Member)
		if seen[name] {
			continue
		}
		seen[name] = true
		labels := []jen.Code{jen.Lit(name)}
		if alt := otherCase(name); f == st.Message && alt != "" && !hasName(c, j.fields, alt) {
			// Services spell an error's message both ways; the AWS SDK
			// reads either.
			labels = append(labels, jen.Lit(alt))
			seen[alt] = true
		}
		cases = append(cases, jen.Case(labels...).Block(c.read(f.Type, f.Member, jen.Id("v").Dot(f.Name), f.Pointer)...))
	}
	loop := []jen.Code{jen.Id("d").Dot("skip").Call()}
	if len(cases) > 0 {
		cases = append(cases, jen.Default().Block(loop...))
		loop = []jen.Code{jen.Switch(jen.String().Call(jen.Id("d").Dot("key"))).Block(cases...)}
	}
	pre, post := c.fill(j.fields)
	body := append(pre, jen.For(jen.Id("d").Dot("member").Call()).Block(loop...))
	body = append(body, post...)
	name := c.g.Plan.StructFunc("deserialize", st)
	if st.Role != plan.Nested {
		c.de.Add(emit.Text(name + " reads the members of a " + st.Name + " from a JSON object; errors stay in d."))
	}
	c.de.Func().Id(name).Params(jen.Id("d").Op("*").Id("jsonDecoder"), jen.Id("v").Op("*").Id(st.Name)).Block(body...)
	c.de.Line()
}

// read decodes the next value into dst, a value of t (a pointer to one
// when ptr).
func (c *Codec) read(t *plan.Type, m *smithy.Member, dst *jen.Statement, ptr bool) []jen.Code {
	if t.Kind != plan.StructKind {
		return []jen.Code{dst.Clone().Op("=").Add(c.readExpr(t, m, ptr))}
	}
	fn := c.ReadValue(t)
	if !ptr {
		return []jen.Code{jen.Id(fn).Call(jen.Id("d"), jen.Op("&").Add(dst))}
	}
	return []jen.Code{jen.If(jen.Op("!").Id("d").Dot("null").Call()).Block(
		dst.Clone().Op("=").Op("&").Id(t.Name).Values(),
		jen.Id(fn).Call(jen.Id("d"), dst.Clone()),
	)}
}

// readExpr is the expression that decodes the next value as a t (a
// pointer to one when ptr, nil for null); t is not a structure.
func (c *Codec) readExpr(t *plan.Type, m *smithy.Member, ptr bool) jen.Code {
	d := jen.Id("d")
	call := func(method string, args ...jen.Code) jen.Code {
		if ptr {
			method += "Ptr"
		}
		return d.Clone().Dot(method).Call(args...)
	}
	switch t.Kind {
	case plan.StringKind:
		return call("string")
	case plan.BoolKind:
		return call("bool")
	case plan.Int8Kind:
		return call("int8")
	case plan.Int16Kind:
		return call("int16")
	case plan.Int32Kind:
		return call("int32")
	case plan.Int64Kind:
		return call("int64")
	case plan.Float32Kind:
		return call("float32")
	case plan.Float64Kind:
		return call("float64")
	case plan.TimeKind:
		return call("time", jen.Id(timeFormat(m, t.Shape)))
	case plan.EnumKind:
		return jen.Id("jsonEnum").Call(d, jen.Id(c.knownValues(t)))
	case plan.IntEnumKind:
		return jen.Id(t.Name).Call(d.Clone().Dot("int32").Call())
	case plan.BlobKind:
		return d.Clone().Dot("blob").Call()
	case plan.BigIntKind:
		return d.Clone().Dot("bigInt").Call()
	case plan.BigDecimalKind:
		return d.Clone().Dot("bigFloat").Call()
	case plan.DocumentKind:
		return d.Clone().Dot("document").Call()
	}
	// Unions, lists and maps have a function each.
	return jen.Id(c.ReadValue(t)).Call(d)
}

// otherReader writes the deserializer of a list, map or union.
func (c *Codec) otherReader(t *plan.Type) {
	var body []jen.Code
	switch t.Kind {
	case plan.ListKind:
		body = c.listReader(t)
	case plan.MapKind:
		body = c.mapReader(t)
	case plan.UnionKind:
		body = c.unionReader(t)
	}
	c.de.Func().Id(c.g.Plan.Func("deserialize", t)).Params(jen.Id("d").Op("*").Id("jsonDecoder")).Add(emit.TypeCode(t)).Block(body...)
	c.de.Line()
}

// A null collection is nil; an empty one is empty, not nil. A collection
// is made as large as what it reads, so it is allocated once.
func (c *Codec) collectionStart(t *plan.Type) []jen.Code {
	c.g.UseRuntime("runtime_jsonbody.go")
	make := jen.Make(emit.TypeCode(t), jen.Id("jsonCount").Call(jen.Id("d")))
	if t.Kind == plan.ListKind {
		make = jen.Make(emit.TypeCode(t), jen.Lit(0), jen.Id("jsonCount").Call(jen.Id("d")))
	}
	return []jen.Code{
		jen.If(jen.Id("d").Dot("null").Call()).Block(jen.Return(jen.Nil())),
		jen.Id("v").Op(":=").Add(make),
	}
}

func (c *Codec) listReader(t *plan.Type) []jen.Code {
	et := t.Elem
	var item []jen.Code
	switch {
	case et.Kind == plan.StructKind && t.ElemPointer:
		item = []jen.Code{
			jen.If(jen.Id("d").Dot("null").Call()).Block(jen.Id("v").Op("=").Append(jen.Id("v"), jen.Nil()), jen.Continue()),
			jen.Id("x").Op(":=").Op("&").Id(et.Name).Values(),
			jen.Id(c.ReadValue(et)).Call(jen.Id("d"), jen.Id("x")),
			jen.Id("v").Op("=").Append(jen.Id("v"), jen.Id("x")),
		}
	case et.Kind == plan.StructKind:
		// Decoded in place, at the end of the slice.
		item = []jen.Code{
			jen.Id("v").Op("=").Append(jen.Id("v"), jen.Id(et.Name).Values()),
			jen.Id(c.ReadValue(et)).Call(jen.Id("d"), jen.Op("&").Id("v").Index(jen.Len(jen.Id("v")).Op("-").Lit(1))),
		}
	default:
		item = []jen.Code{jen.Id("v").Op("=").Append(jen.Id("v"), c.readExpr(et, t.Member, t.ElemPointer))}
	}
	return append(c.collectionStart(t),
		jen.For(jen.Id("d").Dot("item").Call()).Block(item...),
		jen.Return(jen.Id("v")))
}

func (c *Codec) mapReader(t *plan.Type) []jen.Code {
	et := t.Elem
	key := jen.Id("v").Index(jen.Id("k")) // map keys are strings, enum or not
	// The key must be copied before the value is read: d.key changes.
	item := []jen.Code{jen.Id("k").Op(":=").Id("d").Dot("keyString").Call()}
	switch {
	case et.Kind == plan.StructKind && t.ElemPointer:
		item = append(item,
			jen.If(jen.Id("d").Dot("null").Call()).Block(key.Clone().Op("=").Nil(), jen.Continue()),
			jen.Id("x").Op(":=").Op("&").Id(et.Name).Values(),
			jen.Id(c.ReadValue(et)).Call(jen.Id("d"), jen.Id("x")),
			key.Clone().Op("=").Id("x"))
	case et.Kind == plan.StructKind:
		item = append(item,
			jen.Var().Id("x").Id(et.Name),
			jen.Id(c.ReadValue(et)).Call(jen.Id("d"), jen.Op("&").Id("x")),
			key.Clone().Op("=").Id("x"))
	default:
		item = append(item, key.Clone().Op("=").Add(c.readExpr(et, t.Member, t.ElemPointer)))
	}
	return append(c.collectionStart(t),
		jen.For(jen.Id("d").Dot("member").Call()).Block(item...),
		jen.Return(jen.Id("v")))
}

// unionReader reads a union: the object's one member that is not null. A
// member this package does not know becomes an UnknownUnionMember holding
// the value as sent; a "__type" member, which some services add, is
// skipped.
func (c *Codec) unionReader(t *plan.Type) []jen.Code {
	u := t.Union
	var cases []jen.Code
	seen := map[string]bool{}
	for _, vr := range u.Variants {
		f := vr.Field
		name := c.Name(f.Member)
		if seen[name] {
			continue
		}
		seen[name] = true
		var body []jen.Code
		switch f.Type.Kind {
		case plan.UnitKind:
			// Whatever a Unit variant holds is nothing to keep.
			body = []jen.Code{jen.Id("d").Dot("skip").Call(), jen.Id("u").Op("=").Op("&").Id(vr.Name).Values()}
		case plan.StructKind:
			body = []jen.Code{
				jen.Id("x").Op(":=").Op("&").Id(vr.Name).Values(),
				jen.Id(c.ReadValue(f.Type)).Call(jen.Id("d"), jen.Op("&").Id("x").Dot("Value")),
				jen.Id("u").Op("=").Id("x"),
			}
		default:
			body = []jen.Code{jen.Id("u").Op("=").Op("&").Id(vr.Name).Values(jen.Dict{jen.Id("Value"): c.readExpr(f.Type, f.Member, false)})}
		}
		cases = append(cases, jen.Case(jen.Lit(name)).Block(body...))
	}
	if !seen["__type"] {
		cases = append(cases, jen.Case(jen.Lit("__type")).Block(jen.Id("d").Dot("skip").Call()))
	}
	cases = append(cases, jen.Default().Block(
		jen.Id("tag").Op(":=").Id("d").Dot("keyString").Call(),
		jen.Id("u").Op("=").Op("&").Add(c.g.Id("UnknownUnionMember")).Values(jen.Dict{
			jen.Id("Tag"):   jen.Id("tag"),
			jen.Id("Value"): jen.Qual("bytes", "Clone").Call(jen.Id("d").Dot("raw").Call()),
		}),
	))
	return []jen.Code{
		jen.Var().Id("u").Id(u.Name),
		jen.For(jen.Id("d").Dot("member").Call()).Block(
			// A member set to null is not the one that is set.
			jen.If(jen.Id("d").Dot("null").Call()).Block(jen.Continue()),
			jen.Switch(jen.String().Call(jen.Id("d").Dot("key"))).Block(cases...),
		),
		jen.Return(jen.Id("u")),
	}
}

// otherCase is "Message" for "message" and the other way round, else "".
func otherCase(name string) string {
	switch name {
	case "message":
		return "Message"
	case "Message":
		return "message"
	}
	return ""
}

func hasName(c *Codec, fields []*plan.Field, name string) bool {
	for _, f := range fields {
		if c.Name(f.Member) == name {
			return true
		}
	}
	return false
}
