package query

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// deserializers writes deserializers.go: UnmarshalResponse on every
// output, UnmarshalError, each operation's response and error decoders, and
// one decoding function per structure, collection and union, walking the
// document with the runtime's pull decoder. Element names match
// case-insensitively, as in the AWS SDK.
func (w *writer) deserializers() {
	f := w.g.GoFile("deserializers.go")
	d := &deserializer{w: w, f: f, done: map[string]bool{}}
	w.g.UseRuntime("runtime_body.go")
	for _, op := range w.g.Wired() {
		d.unmarshal(op)
		d.response(op)
		d.operationError(op)
	}
	d.unmarshalError()
	for len(d.queue) > 0 {
		t := d.queue[0]
		d.queue = d.queue[1:]
		switch {
		case t.Struct != nil:
			d.structFunc(t.Struct, false)
		case t.Union != nil:
			d.unionFunc(t)
		case t.Kind == plan.ListKind:
			d.listFunc(t)
		case t.Kind == plan.MapKind:
			d.mapFunc(t)
			d.entryFunc(t)
		}
	}
}

type deserializer struct {
	w     *writer
	f     *jen.File
	done  map[string]bool
	queue []*plan.Type
}

func (d *deserializer) funcFor(t *plan.Type) string {
	name := d.w.g.Plan.Func("deserialize", t)
	if !d.done[name] {
		d.done[name] = true
		d.queue = append(d.queue, t)
	}
	return name
}

// entryFuncFor names the function reading one map entry.
func (d *deserializer) entryFuncFor(t *plan.Type) string {
	d.funcFor(t)
	return d.w.g.Plan.Func("entry", t)
}

var errReturn = jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))

func (d *deserializer) unmarshal(op *plan.Operation) {
	st := op.Output
	wrapper := op.Shape.ID.Name() + "Response"
	fn := d.w.g.Plan.StructFunc("deserialize", st)
	var body []jen.Code
	body = append(body,
		jen.Comment("An empty body carries no members; the AWS SDK accepts it too."),
		jen.If(jen.Len(jen.Qual("bytes", "TrimSpace").Call(jen.Id("body"))).Op("==").Lit(0)).Block(jen.Return(jen.Nil())),
		jen.Id("d").Op(":=").Id("newXMLDecoder").Call(jen.Id("body")),
		jen.List(jen.Id("name"), jen.Err()).Op(":=").Id("d").Dot("root").Call(),
		errReturn,
		jen.If(jen.Op("!").Qual("bytes", "EqualFold").Call(jen.Id("name"), jen.Index().Byte().Call(jen.Lit(wrapper)))).Block(
			jen.Return(jen.Qual("errors", "New").Call(jen.Lit("unexpected response element <").Op("+").String().Call(jen.Id("name")).Op("+").Lit(">, want <"+wrapper+">"))),
		),
	)
	if d.w.d.EC2 {
		body = append(body, jen.Return(jen.Id(fn).Call(jen.Op("&").Id("d"), jen.Id("v"))))
	} else {
		// awsQuery: <OpResponse><OpResult>…</OpResult><ResponseMetadata><RequestId>.
		body = append(body, jen.For().Block(
			jen.List(jen.Id("name"), jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("nextFold").Call(),
			errReturn,
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Nil())),
			jen.Switch(jen.String().Call(jen.Id("name"))).Block(
				jen.Case(jen.Lit(strings.ToLower(op.Shape.ID.Name()+"Result"))).Block(
					jen.If(jen.Err().Op(":=").Id(fn).Call(jen.Op("&").Id("d"), jen.Id("v")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				),
				jen.Case(jen.Lit("responsemetadata")).Block(
					jen.If(jen.Err().Op(":=").Id("deserializeResponseMetadata").Call(jen.Op("&").Id("d"), jen.Op("&").Id("v").Dot("ResultMetadata")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				),
				jen.Default().Block(jen.If(jen.Err().Op(":=").Id("d").Dot("skip").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))),
			),
		))
		d.responseMetadataFunc()
	}
	d.f.Add(emit.Text("UnmarshalResponse decodes a " + wrapper + " document into v. Element names match case-insensitively, as in the AWS SDK."))
	d.f.Func().Params(jen.Id("v").Op("*").Id(st.Name)).Id("UnmarshalResponse").Params(jen.Id("body").Index().Byte()).Error().Block(body...)
	d.f.Line()
	d.structFunc(st, d.w.d.EC2)
}

// response writes the operation's response decoder.
func (d *deserializer) response(op *plan.Operation) {
	d.f.Add(emit.Text(op.ResponseFunc + " reads a successful " + op.Name + " response into v."))
	d.f.Func().Id(op.ResponseFunc).Params(jen.Id("resp").Op("*").Qual("net/http", "Response"), jen.Id("v").Op("*").Id(op.Output.Name)).Error().Block(
		jen.List(jen.Id("body"), jen.Err()).Op(":=").Id("readBody").Call(jen.Id("resp")),
		errReturn,
		jen.Return(jen.Id("v").Dot("UnmarshalResponse").Call(jen.Id("body"))),
	)
	d.f.Line()
}

func (d *deserializer) responseMetadataFunc() {
	if d.done["#metadata"] {
		return
	}
	d.done["#metadata"] = true
	d.f.Func().Id("deserializeResponseMetadata").Params(jen.Id("d").Op("*").Id("xmlDecoder"), jen.Id("v").Op("*").Add(d.w.g.Id("ResponseMetadata"))).Error().Block(
		childLoop(jen.Case(jen.Lit("requestid")).Block(
			jen.List(jen.Id("s"), jen.Err()).Op(":=").Id("d").Dot("string").Call(),
			errReturn,
			jen.Id("v").Dot("RequestID").Op("=").Id("s"),
		))...,
	)
	d.f.Line()
}

// childLoop visits the children of the current element, skipping unknown
// ones, and returns at its end tag. Case labels are folded names.
func childLoop(cases ...jen.Code) []jen.Code {
	cases = append(cases, jen.Default().Block(
		jen.If(jen.Err().Op(":=").Id("d").Dot("skip").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))))
	return []jen.Code{jen.For().Block(
		jen.List(jen.Id("name"), jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("nextFold").Call(),
		errReturn,
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Nil())),
		jen.Switch(jen.String().Call(jen.Id("name"))).Block(cases...),
	)}
}

// structFunc decodes the members of a structure from the children of the
// current element; attributes come first, from the element itself.
func (d *deserializer) structFunc(st *plan.Struct, requestID bool) {
	name := d.w.g.Plan.StructFunc("deserialize", st)
	var pre, cases []jen.Code
	labels := map[string]bool{}
	for _, f := range st.Fields {
		if f.Member.Traits.XMLAttribute() {
			pre = append(pre, d.attribute(f)...)
			continue
		}
		// Names equal but for case: the first member takes the element.
		if l := strings.ToLower(xmlName(f.Member)); !labels[l] {
			labels[l] = true
			cases = append(cases, d.memberCase(f)...)
		}
	}
	if requestID && !labels["requestid"] {
		cases = append(cases, jen.Case(jen.Lit("requestid")).Block(
			jen.List(jen.Id("s"), jen.Err()).Op(":=").Id("d").Dot("string").Call(),
			errReturn,
			jen.Id("v").Dot("ResultMetadata").Dot("RequestID").Op("=").Id("s"),
		))
	}
	d.f.Func().Id(name).Params(jen.Id("d").Op("*").Id("xmlDecoder"), jen.Id("v").Op("*").Id(st.Name)).Error().
		Block(append(pre, childLoop(cases...)...)...)
	d.f.Line()
}

func (d *deserializer) attribute(f *plan.Field) []jen.Code {
	set := d.convert(f.Type, f.Member, jen.Id("v").Dot(f.Name), f.Pointer)
	if set == nil {
		return nil
	}
	return []jen.Code{jen.If(jen.List(jen.Id("a"), jen.Id("ok")).Op(":=").Id("d").Dot("attr").Call(jen.Lit(xmlName(f.Member))), jen.Id("ok")).Block(set...)}
}

// memberCase decodes one member from its element.
func (d *deserializer) memberCase(f *plan.Field) []jen.Code {
	t := f.Type
	dst := jen.Id("v").Dot(f.Name)
	elem := strings.ToLower(xmlName(f.Member))
	if (t.Kind == plan.ListKind || t.Kind == plan.MapKind) && f.Member.Traits.XMLFlattened() {
		if t.Kind == plan.MapKind {
			return []jen.Code{jen.Case(jen.Lit(elem)).Block(
				jen.If(jen.Err().Op(":=").Id(d.entryFuncFor(t)).Call(jen.Id("d"), jen.Op("&").Add(dst)), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			)}
		}
		// Each occurrence of the element is one item; the list member's
		// own name does not appear.
		return []jen.Code{jen.Case(jen.Lit(elem)).Block(d.appendItem(t, dst)...)}
	}
	return []jen.Code{jen.Case(jen.Lit(elem)).Block(d.read(t, f.Member, dst, f.Pointer)...)}
}

// read decodes the current element as a value of t into dst (a pointer
// field when ptr).
func (d *deserializer) read(t *plan.Type, m *smithy.Member, dst *jen.Statement, ptr bool) []jen.Code {
	call := func(fn string, arg jen.Code) []jen.Code {
		return []jen.Code{jen.If(jen.Err().Op(":=").Id(fn).Call(jen.Id("d"), arg), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))}
	}
	switch t.Kind {
	case plan.StructKind:
		if ptr {
			return append([]jen.Code{jen.Id("x").Op(":=").Op("&").Id(t.Name).Values()},
				append(call(d.funcFor(t), jen.Id("x")), dst.Clone().Op("=").Id("x"))...)
		}
		return call(d.funcFor(t), jen.Op("&").Add(dst))
	case plan.ListKind, plan.MapKind:
		return call(d.funcFor(t), jen.Op("&").Add(dst))
	case plan.UnionKind:
		return []jen.Code{
			jen.List(jen.Id("x"), jen.Err()).Op(":=").Id(d.funcFor(t)).Call(jen.Id("d")),
			errReturn,
			dst.Clone().Op("=").Id("x"),
		}
	}
	get, conv := scalarRead(t, m)
	out := []jen.Code{jen.List(jen.Id("x"), jen.Err()).Op(":=").Add(get), errReturn}
	return append(out, assign(dst, conv, t, ptr)...)
}

// scalarRead is the decoder call for a scalar and the conversion of its
// result x to the field's type.
func scalarRead(t *plan.Type, m *smithy.Member) (jen.Code, jen.Code) {
	d := jen.Id("d")
	x := jen.Id("x")
	switch t.Kind {
	case plan.StringKind:
		return d.Dot("string").Call(), x
	case plan.EnumKind:
		return d.Dot("string").Call(), jen.Id(t.Name).Call(x)
	case plan.BoolKind:
		return d.Dot("bool").Call(), x
	case plan.Int8Kind, plan.Int16Kind, plan.Int32Kind, plan.Int64Kind:
		return d.Dot("int").Call(jen.Lit(t.Bits())), emit.TypeCode(t).Call(x)
	case plan.IntEnumKind:
		return d.Dot("int").Call(jen.Lit(32)), jen.Id(t.Name).Call(x)
	case plan.Float32Kind:
		return d.Dot("float").Call(jen.Lit(32)), jen.Float32().Call(x)
	case plan.Float64Kind:
		return d.Dot("float").Call(jen.Lit(64)), x
	case plan.TimeKind:
		return d.Dot("time").Call(jen.Id(timestampFormat(m, t.Shape))), x
	case plan.BlobKind:
		return d.Dot("blob").Call(), x
	case plan.BigIntKind:
		return d.Dot("bigInt").Call(), x
	case plan.BigDecimalKind:
		return d.Dot("bigFloat").Call(), x
	}
	// unreachable for the kinds a member can have
	return d.Dot("string").Call(), x
}

// assign stores a decoded scalar, through a new variable when the field
// is a pointer.
func assign(dst *jen.Statement, conv jen.Code, t *plan.Type, ptr bool) []jen.Code {
	if ptr {
		if st, ok := conv.(*jen.Statement); ok && st.GoString() == "x" {
			return []jen.Code{dst.Clone().Op("=").Op("&").Id("x")}
		}
		return []jen.Code{jen.Id("y").Op(":=").Add(conv), dst.Clone().Op("=").Op("&").Id("y")}
	}
	return []jen.Code{dst.Clone().Op("=").Add(conv)}
}

// convert sets dst from the attribute value a (bytes).
func (d *deserializer) convert(t *plan.Type, m *smithy.Member, dst *jen.Statement, ptr bool) []jen.Code {
	a := jen.Id("a")
	var get, conv jen.Code
	x := jen.Id("x")
	switch t.Kind {
	case plan.StringKind:
		return assign(dst, jen.String().Call(a), t, ptr)
	case plan.EnumKind:
		return assign(dst, jen.Id(t.Name).Call(jen.String().Call(a)), t, ptr)
	case plan.BoolKind:
		get, conv = jen.Qual("strconv", "ParseBool").Call(jen.String().Call(a)), x
	case plan.Int8Kind, plan.Int16Kind, plan.Int32Kind, plan.Int64Kind, plan.IntEnumKind:
		get, conv = jen.Qual("strconv", "ParseInt").Call(jen.String().Call(a), jen.Lit(10), jen.Lit(t.Bits())), emit.TypeCode(t).Call(x)
		if t.Kind == plan.IntEnumKind {
			conv = jen.Id(t.Name).Call(x)
		}
	case plan.Float32Kind, plan.Float64Kind:
		get, conv = jen.Qual("strconv", "ParseFloat").Call(jen.String().Call(a), jen.Lit(t.Bits())), emit.TypeCode(t).Call(x)
	case plan.TimeKind:
		get, conv = jen.Id("parseTime").Call(a, jen.Id(timestampFormat(m, t.Shape))), x
	case plan.BlobKind:
		get, conv = jen.Qual("encoding/base64", "StdEncoding").Dot("DecodeString").Call(jen.String().Call(a)), x
	default:
		return nil
	}
	return append([]jen.Code{jen.List(jen.Id("x"), jen.Err()).Op(":=").Add(get), errReturn}, assign(dst, conv, t, ptr)...)
}

// appendItem decodes the current element as one more item of list dst.
func (d *deserializer) appendItem(t *plan.Type, dst *jen.Statement) []jen.Code {
	et := t.Elem
	if et.Kind == plan.StructKind && !t.ElemPointer {
		return []jen.Code{
			dst.Clone().Op("=").Append(dst.Clone(), jen.Id(et.Name).Values()),
			jen.If(jen.Err().Op(":=").Id(d.funcFor(et)).Call(jen.Id("d"), jen.Op("&").Add(dst.Clone()).Index(jen.Len(dst.Clone()).Op("-").Lit(1))), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		}
	}
	var decl []jen.Code
	decl = append(decl, jen.Var().Id("e").Add(emit.TypeCode(et)))
	decl = append(decl, d.read(et, t.Member, jen.Id("e"), false)...)
	if t.ElemPointer {
		return append(decl, dst.Clone().Op("=").Append(dst.Clone(), jen.Op("&").Id("e")))
	}
	return append(decl, dst.Clone().Op("=").Append(dst.Clone(), jen.Id("e")))
}

// listFunc decodes a wrapped list: one child element per item. An empty
// element gives an empty, non-nil slice, as the SDK does.
func (d *deserializer) listFunc(t *plan.Type) {
	name := d.w.g.Plan.Func("deserialize", t)
	item := strings.ToLower(listItemName(t))
	d.f.Func().Id(name).Params(jen.Id("d").Op("*").Id("xmlDecoder"), jen.Id("v").Op("*").Add(emit.TypeCode(t))).Error().Block(
		append([]jen.Code{
			jen.If(jen.Op("*").Id("v").Op("==").Nil()).Block(jen.Op("*").Id("v").Op("=").Add(emit.TypeCode(t)).Values()),
		}, childLoop(jen.Case(jen.Lit(item)).Block(d.appendItem(t, jen.Parens(jen.Op("*").Id("v")))...))...)...,
	)
	d.f.Line()
}

// mapFunc decodes a wrapped map: one <entry> child per entry. An empty
// element gives an empty, non-nil map, as the SDK does.
func (d *deserializer) mapFunc(t *plan.Type) {
	name := d.w.g.Plan.Func("deserialize", t)
	d.f.Func().Id(name).Params(jen.Id("d").Op("*").Id("xmlDecoder"), jen.Id("v").Op("*").Add(emit.TypeCode(t))).Error().Block(
		append([]jen.Code{
			jen.If(jen.Op("*").Id("v").Op("==").Nil()).Block(jen.Op("*").Id("v").Op("=").Add(emit.TypeCode(t)).Values()),
		}, childLoop(jen.Case(jen.Lit("entry")).Block(
			jen.If(jen.Err().Op(":=").Id(d.entryFuncFor(t)).Call(jen.Id("d"), jen.Id("v")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		))...)...,
	)
	d.f.Line()
}

// entryFunc decodes one entry's key and value children into the map.
func (d *deserializer) entryFunc(t *plan.Type) {
	name := d.w.g.Plan.Func("entry", t)
	vt := emit.TypeCode(t.Elem)
	if t.ElemPointer {
		vt = jen.Op("*").Add(vt)
	}
	valueRead := d.read(t.Elem, t.Member, jen.Id("val"), t.ElemPointer)
	if t.Elem.Kind == plan.StructKind && t.ElemPointer {
		valueRead = d.read(t.Elem, t.Member, jen.Id("val"), true)
	}
	loop := jen.For().Block(
		jen.List(jen.Id("name"), jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("nextFold").Call(),
		errReturn,
		jen.If(jen.Op("!").Id("ok")).Block(jen.Break()),
		jen.Switch(jen.String().Call(jen.Id("name"))).Block(
			jen.Case(jen.Lit(strings.ToLower(mapKeyName(t)))).Block(
				jen.List(jen.Id("x"), jen.Err()).Op(":=").Id("d").Dot("string").Call(),
				errReturn,
				jen.Id("key").Op("=").Id("x"),
			),
			jen.Case(jen.Lit(strings.ToLower(mapValueName(t)))).Block(valueRead...),
			jen.Default().Block(jen.If(jen.Err().Op(":=").Id("d").Dot("skip").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))),
		),
	)
	d.f.Func().Id(name).Params(jen.Id("d").Op("*").Id("xmlDecoder"), jen.Id("v").Op("*").Add(emit.TypeCode(t))).Error().Block(
		jen.Var().Id("key").String(),
		jen.Var().Id("val").Add(vt),
		loop,
		jen.If(jen.Op("*").Id("v").Op("==").Nil()).Block(jen.Op("*").Id("v").Op("=").Add(emit.TypeCode(t)).Values()),
		jen.Parens(jen.Op("*").Id("v")).Index(jen.Id("key")).Op("=").Id("val"),
		jen.Return(jen.Nil()),
	)
	d.f.Line()
}

// unionFunc decodes a union: its one child names the variant. A child this
// package does not know becomes an UnknownUnionMember.
func (d *deserializer) unionFunc(t *plan.Type) {
	name := d.w.g.Plan.Func("deserialize", t)
	var cases []jen.Code
	labels := map[string]bool{}
	for _, v := range t.Union.Variants {
		f := v.Field
		l := strings.ToLower(xmlName(f.Member))
		if labels[l] {
			continue
		}
		labels[l] = true
		body := []jen.Code{jen.Var().Id("e").Add(emit.TypeCode(f.Type))}
		body = append(body, d.readInto(f, jen.Id("e"))...)
		body = append(body, jen.Id("out").Op("=").Op("&").Id(v.Name).Values(jen.Dict{jen.Id("Value"): jen.Id("e")}))
		cases = append(cases, jen.Case(jen.Lit(l)).Block(body...))
	}
	cases = append(cases, jen.Default().Block(
		jen.Id("tag").Op(":=").String().Call(jen.Id("name")),
		jen.If(jen.Err().Op(":=").Id("d").Dot("skip").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Id("out").Op("=").Op("&").Add(d.w.g.Id("UnknownUnionMember")).Values(jen.Dict{jen.Id("Tag"): jen.Id("tag")}),
	))
	d.f.Func().Id(name).Params(jen.Id("d").Op("*").Id("xmlDecoder")).Params(jen.Id(t.Union.Name), jen.Error()).Block(
		jen.Var().Id("out").Id(t.Union.Name),
		jen.For().Block(
			jen.List(jen.Id("name"), jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("nextFold").Call(),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Id("out"), jen.Nil())),
			jen.Switch(jen.String().Call(jen.Id("name"))).Block(cases...),
		),
	)
	d.f.Line()
}

// readInto decodes a union variant's value into e, wrapping the error
// returns for a function that returns (union, error).
func (d *deserializer) readInto(f *plan.Field, e *jen.Statement) []jen.Code {
	return []jen.Code{jen.If(jen.Err().Op(":=").Func().Params().Error().Block(
		append(d.read(f.Type, f.Member, e, false), jen.Return(jen.Nil()))...,
	).Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err()))}
}
