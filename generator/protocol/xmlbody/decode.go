package xmlbody

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Decoders writes the functions that read values from XML elements: one
// per structure, union, list and map reached, each written once, after
// the code that first asks for it (Flush).
//
// A structure's function reads the element the decoder has just entered:
// attributes from it, members from its children, up to its end tag.
//
//	func deserializeWidget(d *xmlDecoder, v *Widget) error
//	func deserializeShape(d *xmlDecoder) (Shape, error)         // a union
//	func deserializeTags(d *xmlDecoder, v *[]string) error      // a wrapped list or map
//	func entryTags(d *xmlDecoder, v *map[string]string) error   // one map entry
type Decoders struct {
	G *emit.Generator
	F *jen.File
	// Decoder is the runtime type the functions take a pointer to:
	// xmlDecoder, or a type that embeds it.
	Decoder string
	// Slab, with a Decoder that holds restSlab fields (see
	// runtime_restxml.go), gives optional members their pointers from
	// shared chunks, and string enums their known values without
	// allocating: a large response costs far fewer allocations.
	Slab bool

	queue
}

// NewDecoders starts the decoders of one file.
func NewDecoders(g *emit.Generator, f *jen.File, decoder string, slab bool) *Decoders {
	return &Decoders{G: g, F: f, Decoder: decoder, Slab: slab, queue: newQueue()}
}

// ErrReturn is `if err != nil { return err }`.
var ErrReturn = jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))

// FuncFor names the function decoding values of t, and has it written.
func (d *Decoders) FuncFor(t *plan.Type) string { return d.ask(d.G.Plan, "deserialize", t) }

// EntryFuncFor names the function reading one entry of map type t.
func (d *Decoders) EntryFuncFor(t *plan.Type) string {
	d.FuncFor(t)
	return d.G.Plan.Func("entry", t)
}

// StructType is the plan type of a struct, for FuncFor.
func StructType(st *plan.Struct) *plan.Type {
	return &plan.Type{Kind: plan.StructKind, Shape: st.Shape, Name: st.Name, Struct: st}
}

// Flush writes every function asked for so far, and those they ask for.
func (d *Decoders) Flush() {
	for t := d.next(); t != nil; t = d.next() {
		switch {
		case t.Struct != nil:
			d.StructFunc(t.Struct, t.Struct.Fields)
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

func (d *Decoders) decoder() *jen.Statement { return jen.Op("*").Id(d.Decoder) }

// Case is an extra child a structure's function reads: Label is the
// element's folded name, Body reads it.
type Case struct {
	Label string
	Body  []jen.Code
}

// StructFunc writes the function decoding st from the current element,
// reading fields (st's members, or those of them the body carries) and
// the extra children, unless a member already claims an extra's name.
func (d *Decoders) StructFunc(st *plan.Struct, fields []*plan.Field, extra ...Case) {
	name := d.G.Plan.StructFunc("deserialize", st)
	var pre, cases []jen.Code
	labels := map[string]bool{}
	for _, f := range fields {
		if f.Member.Traits.XMLAttribute() {
			pre = append(pre, d.attribute(f)...)
			continue
		}
		// Names equal but for case: the first member takes the element.
		if l := Label(f.Member); !labels[l] {
			labels[l] = true
			cases = append(cases, d.memberCase(f)...)
		}
	}
	for _, c := range extra {
		if !labels[c.Label] {
			cases = append(cases, jen.Case(jen.Lit(c.Label)).Block(c.Body...))
		}
	}
	d.F.Func().Id(name).Params(jen.Id("d").Add(d.decoder()), jen.Id("v").Op("*").Id(st.Name)).Error().
		Block(append(pre, ChildLoop(cases...)...)...)
	d.F.Line()
}

// Label is the case label of a member's element: its local name (the
// decoder drops prefixes), folded to lower case as nextFold gives it.
func Label(m *smithy.Member) string { return strings.ToLower(local(Name(m))) }

// local drops a namespace prefix from a name.
func local(name string) string {
	if i := strings.IndexByte(name, ':'); i > 0 && i < len(name)-1 {
		return name[i+1:]
	}
	return name
}

// ChildLoop visits the children of the current element, skipping unknown
// ones, and returns at its end tag. Case labels are folded names.
func ChildLoop(cases ...jen.Code) []jen.Code {
	cases = append(cases, jen.Default().Block(
		jen.If(jen.Err().Op(":=").Id("d").Dot("skip").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))))
	return []jen.Code{jen.For().Block(
		jen.List(jen.Id("name"), jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("nextFold").Call(),
		ErrReturn,
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Nil())),
		jen.Switch(jen.String().Call(jen.Id("name"))).Block(cases...),
	)}
}

func (d *Decoders) attribute(f *plan.Field) []jen.Code {
	set := d.convert(f.Type, f.Member, jen.Id("v").Dot(f.Name), f.Pointer)
	if set == nil {
		return nil
	}
	return []jen.Code{jen.If(jen.List(jen.Id("a"), jen.Id("ok")).Op(":=").Id("d").Dot("attr").Call(jen.Lit(local(Name(f.Member)))), jen.Id("ok")).Block(set...)}
}

// memberCase decodes one member from its element.
func (d *Decoders) memberCase(f *plan.Field) []jen.Code {
	t := f.Type
	dst := jen.Id("v").Dot(f.Name)
	elem := Label(f.Member)
	if (t.Kind == plan.ListKind || t.Kind == plan.MapKind) && f.Member.Traits.XMLFlattened() {
		if t.Kind == plan.MapKind {
			return []jen.Code{jen.Case(jen.Lit(elem)).Block(
				jen.If(jen.Err().Op(":=").Id(d.EntryFuncFor(t)).Call(jen.Id("d"), jen.Op("&").Add(dst)), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			)}
		}
		// Each occurrence of the element is one item; the list member's
		// own name does not appear.
		return []jen.Code{jen.Case(jen.Lit(elem)).Block(d.appendItem(t, dst)...)}
	}
	return []jen.Code{jen.Case(jen.Lit(elem)).Block(d.Read(t, f.Member, dst, f.Pointer)...)}
}

// Read decodes the current element as a value of t into dst (a pointer
// field when ptr); m is the member that holds it, for its traits.
func (d *Decoders) Read(t *plan.Type, m *smithy.Member, dst *jen.Statement, ptr bool) []jen.Code {
	call := func(fn string, arg jen.Code) []jen.Code {
		return []jen.Code{jen.If(jen.Err().Op(":=").Id(fn).Call(jen.Id("d"), arg), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))}
	}
	switch t.Kind {
	case plan.StructKind:
		if ptr {
			return append([]jen.Code{jen.Id("x").Op(":=").Op("&").Id(t.Name).Values()},
				append(call(d.FuncFor(t), jen.Id("x")), dst.Clone().Op("=").Id("x"))...)
		}
		return call(d.FuncFor(t), jen.Op("&").Add(dst))
	case plan.ListKind, plan.MapKind:
		return call(d.FuncFor(t), jen.Op("&").Add(dst))
	case plan.UnionKind:
		return []jen.Code{
			jen.List(jen.Id("x"), jen.Err()).Op(":=").Id(d.FuncFor(t)).Call(jen.Id("d")),
			ErrReturn,
			dst.Clone().Op("=").Id("x"),
		}
	}
	get, conv := d.scalarRead(t, m)
	out := []jen.Code{jen.List(jen.Id("x"), jen.Err()).Op(":=").Add(get), ErrReturn}
	return append(out, d.assign(dst, conv, t, ptr)...)
}

// scalarRead is the decoder call for a scalar and the conversion of its
// result x to the field's type.
func (d *Decoders) scalarRead(t *plan.Type, m *smithy.Member) (jen.Code, jen.Code) {
	dec := jen.Id("d")
	x := jen.Id("x")
	switch t.Kind {
	case plan.StringKind:
		return dec.Dot("string").Call(), x
	case plan.EnumKind:
		if d.Slab {
			return jen.Id("xmlEnum").Call(jen.Op("&").Id("d").Dot("xmlDecoder"), jen.Id(d.known(t))), x
		}
		return dec.Dot("string").Call(), jen.Id(t.Name).Call(x)
	case plan.BoolKind:
		return dec.Dot("bool").Call(), x
	case plan.Int8Kind, plan.Int16Kind, plan.Int32Kind, plan.Int64Kind:
		return dec.Dot("int").Call(jen.Lit(t.Bits())), emit.TypeCode(t).Call(x)
	case plan.IntEnumKind:
		return dec.Dot("int").Call(jen.Lit(32)), jen.Id(t.Name).Call(x)
	case plan.Float32Kind:
		return dec.Dot("float").Call(jen.Lit(32)), jen.Float32().Call(x)
	case plan.Float64Kind:
		return dec.Dot("float").Call(jen.Lit(64)), x
	case plan.TimeKind:
		return dec.Dot("time").Call(jen.Id(TimestampFormat(m, t.Shape))), x
	case plan.BlobKind:
		return dec.Dot("blob").Call(), x
	case plan.BigIntKind:
		return dec.Dot("bigInt").Call(), x
	case plan.BigDecimalKind:
		return dec.Dot("bigFloat").Call(), x
	}
	// unreachable for the kinds a member can have
	return dec.Dot("string").Call(), x
}

// known names the package-level slice of a string enum's known values,
// which decoding returns instead of a new string.
func (d *Decoders) known(t *plan.Type) string {
	name := d.G.Plan.Func("known", t)
	if d.Once(name) {
		d.F.Var().Id(name).Op("=").Id(t.Name).Call(jen.Lit("")).Dot("Values").Call()
		d.F.Line()
	}
	return name
}

// slabs are the restSlab fields of a slab decoder, by the kind they hold.
var slabs = map[plan.Kind]string{
	plan.StringKind: "strs", plan.BoolKind: "bools", plan.Int8Kind: "i8s", plan.Int16Kind: "i16s",
	plan.Int32Kind: "i32s", plan.Int64Kind: "i64s", plan.Float32Kind: "f32s", plan.Float64Kind: "f64s",
	plan.TimeKind: "times",
}

// assign stores a decoded scalar, through a new variable when the field
// is a pointer (or from a slab).
func (d *Decoders) assign(dst *jen.Statement, conv jen.Code, t *plan.Type, ptr bool) []jen.Code {
	if ptr {
		if slab, ok := slabs[t.Kind]; ok && d.Slab {
			return []jen.Code{dst.Clone().Op("=").Id("d").Dot(slab).Dot("ptr").Call(conv)}
		}
		if st, ok := conv.(*jen.Statement); ok && st.GoString() == "x" {
			return []jen.Code{dst.Clone().Op("=").Op("&").Id("x")}
		}
		return []jen.Code{jen.Id("y").Op(":=").Add(conv), dst.Clone().Op("=").Op("&").Id("y")}
	}
	return []jen.Code{dst.Clone().Op("=").Add(conv)}
}

// convert sets dst from the attribute value a (bytes).
func (d *Decoders) convert(t *plan.Type, m *smithy.Member, dst *jen.Statement, ptr bool) []jen.Code {
	a := jen.Id("a")
	var get, conv jen.Code
	x := jen.Id("x")
	switch t.Kind {
	case plan.StringKind:
		return d.assign(dst, jen.String().Call(a), t, ptr)
	case plan.EnumKind:
		return d.assign(dst, jen.Id(t.Name).Call(jen.String().Call(a)), t, ptr)
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
		get, conv = jen.Id("parseTime").Call(a, jen.Id(TimestampFormat(m, t.Shape))), x
	case plan.BlobKind:
		get, conv = jen.Qual("encoding/base64", "StdEncoding").Dot("DecodeString").Call(jen.String().Call(a)), x
	default:
		return nil
	}
	return append([]jen.Code{jen.List(jen.Id("x"), jen.Err()).Op(":=").Add(get), ErrReturn}, d.assign(dst, conv, t, ptr)...)
}

// appendItem decodes the current element as one more item of list dst.
func (d *Decoders) appendItem(t *plan.Type, dst *jen.Statement) []jen.Code {
	et := t.Elem
	if et.Kind == plan.StructKind && !t.ElemPointer {
		return []jen.Code{
			dst.Clone().Op("=").Append(dst.Clone(), jen.Id(et.Name).Values()),
			jen.If(jen.Err().Op(":=").Id(d.FuncFor(et)).Call(jen.Id("d"), jen.Op("&").Add(dst.Clone()).Index(jen.Len(dst.Clone()).Op("-").Lit(1))), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		}
	}
	var decl []jen.Code
	decl = append(decl, jen.Var().Id("e").Add(emit.TypeCode(et)))
	decl = append(decl, d.Read(et, t.Member, jen.Id("e"), false)...)
	if t.ElemPointer {
		return append(decl, dst.Clone().Op("=").Append(dst.Clone(), jen.Op("&").Id("e")))
	}
	return append(decl, dst.Clone().Op("=").Append(dst.Clone(), jen.Id("e")))
}

// listFunc decodes a wrapped list: one child element per item. An empty
// element gives an empty, non-nil slice, as the SDK does.
func (d *Decoders) listFunc(t *plan.Type) {
	name := d.G.Plan.Func("deserialize", t)
	item := strings.ToLower(local(ListItemName(t)))
	d.F.Func().Id(name).Params(jen.Id("d").Add(d.decoder()), jen.Id("v").Op("*").Add(emit.TypeCode(t))).Error().Block(
		append([]jen.Code{
			jen.If(jen.Op("*").Id("v").Op("==").Nil()).Block(jen.Op("*").Id("v").Op("=").Add(emit.TypeCode(t)).Values()),
		}, ChildLoop(jen.Case(jen.Lit(item)).Block(d.appendItem(t, jen.Parens(jen.Op("*").Id("v")))...))...)...,
	)
	d.F.Line()
}

// mapFunc decodes a wrapped map: one <entry> child per entry. An empty
// element gives an empty, non-nil map, as the SDK does.
func (d *Decoders) mapFunc(t *plan.Type) {
	name := d.G.Plan.Func("deserialize", t)
	d.F.Func().Id(name).Params(jen.Id("d").Add(d.decoder()), jen.Id("v").Op("*").Add(emit.TypeCode(t))).Error().Block(
		append([]jen.Code{
			jen.If(jen.Op("*").Id("v").Op("==").Nil()).Block(jen.Op("*").Id("v").Op("=").Add(emit.TypeCode(t)).Values()),
		}, ChildLoop(jen.Case(jen.Lit("entry")).Block(
			jen.If(jen.Err().Op(":=").Id(d.EntryFuncFor(t)).Call(jen.Id("d"), jen.Id("v")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		))...)...,
	)
	d.F.Line()
}

// entryFunc decodes one entry's key and value children into the map.
func (d *Decoders) entryFunc(t *plan.Type) {
	name := d.G.Plan.Func("entry", t)
	vt := emit.TypeCode(t.Elem)
	if t.ElemPointer {
		vt = jen.Op("*").Add(vt)
	}
	valueRead := d.Read(t.Elem, t.Member, jen.Id("val"), t.ElemPointer)
	loop := jen.For().Block(
		jen.List(jen.Id("name"), jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("nextFold").Call(),
		ErrReturn,
		jen.If(jen.Op("!").Id("ok")).Block(jen.Break()),
		jen.Switch(jen.String().Call(jen.Id("name"))).Block(
			jen.Case(jen.Lit(strings.ToLower(local(MapKeyName(t))))).Block(
				jen.List(jen.Id("x"), jen.Err()).Op(":=").Id("d").Dot("string").Call(),
				ErrReturn,
				jen.Id("key").Op("=").Id("x"),
			),
			jen.Case(jen.Lit(strings.ToLower(local(MapValueName(t))))).Block(valueRead...),
			jen.Default().Block(jen.If(jen.Err().Op(":=").Id("d").Dot("skip").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))),
		),
	)
	d.F.Func().Id(name).Params(jen.Id("d").Add(d.decoder()), jen.Id("v").Op("*").Add(emit.TypeCode(t))).Error().Block(
		jen.Var().Id("key").String(),
		jen.Var().Id("val").Add(vt),
		loop,
		jen.If(jen.Op("*").Id("v").Op("==").Nil()).Block(jen.Op("*").Id("v").Op("=").Add(emit.TypeCode(t)).Values()),
		jen.Parens(jen.Op("*").Id("v")).Index(jen.Id("key")).Op("=").Id("val"),
		jen.Return(jen.Nil()),
	)
	d.F.Line()
}

// unionFunc decodes a union: its one child names the variant. A child this
// package does not know becomes an UnknownUnionMember.
func (d *Decoders) unionFunc(t *plan.Type) {
	name := d.G.Plan.Func("deserialize", t)
	var cases []jen.Code
	labels := map[string]bool{}
	for _, v := range t.Union.Variants {
		f := v.Field
		l := Label(f.Member)
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
		jen.Id("out").Op("=").Op("&").Add(d.G.Id("UnknownUnionMember")).Values(jen.Dict{jen.Id("Tag"): jen.Id("tag")}),
	))
	d.F.Func().Id(name).Params(jen.Id("d").Add(d.decoder())).Params(jen.Id(t.Union.Name), jen.Error()).Block(
		jen.Var().Id("out").Id(t.Union.Name),
		jen.For().Block(
			jen.List(jen.Id("name"), jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("nextFold").Call(),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Id("out"), jen.Nil())),
			jen.Switch(jen.String().Call(jen.Id("name"))).Block(cases...),
		),
	)
	d.F.Line()
}

// readInto decodes a union variant's value into e, wrapping the error
// returns for a function that returns (union, error).
func (d *Decoders) readInto(f *plan.Field, e *jen.Statement) []jen.Code {
	return []jen.Code{jen.If(jen.Err().Op(":=").Func().Params().Error().Block(
		append(d.Read(f.Type, f.Member, e, false), jen.Return(jen.Nil()))...,
	).Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err()))}
}
