package xmlbody

import (
	"encoding/xml"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Encoders writes the functions that append values to an XML body, one
// per structure, union, wrapped list and map reached, each written once
// (Flush). A function writes one whole element, named by its caller (the
// member's xmlName) with the attributes its caller adds (the member's
// xmlNamespace declaration, as constant text):
//
//	func serializeWidget(b []byte, name, attrs string, v *Widget) []byte
//	func serializeShape(b []byte, name, attrs string, v Shape) []byte       // a union
//	func serializeTags(b []byte, name, attrs string, v []string) []byte     // a wrapped list or map
//
// Namespaces follow the AWS SDK: a member's xmlNamespace is declared on
// the member's element; a structure's own is declared only where it is
// the root of a body (see Namespace).
type Encoders struct {
	G *emit.Generator
	F *jen.File

	queue
}

// NewEncoders starts the encoders of one file.
func NewEncoders(g *emit.Generator, f *jen.File) *Encoders {
	return &Encoders{G: g, F: f, queue: newQueue()}
}

// FuncFor names the function appending values of t, and has it written.
func (e *Encoders) FuncFor(t *plan.Type) string { return e.ask(e.G.Plan, "serialize", t) }

// Flush writes every function asked for so far, and those they ask for.
func (e *Encoders) Flush() {
	for t := e.next(); t != nil; t = e.next() {
		switch {
		case t.Struct != nil:
			e.StructFunc(t.Struct, t.Struct.Fields)
		case t.Union != nil:
			e.unionFunc(t)
		case t.Kind == plan.ListKind:
			e.listFunc(t)
		case t.Kind == plan.MapKind:
			e.mapFunc(t)
		}
	}
}

// Namespace is the xmlns declaration the trait asks for, as the text of
// an attribute (` xmlns="uri"` or ` xmlns:prefix="uri"`), or "".
func Namespace(t smithy.Traits) string {
	ns, ok := t.XMLNamespace()
	if !ok {
		return ""
	}
	name := "xmlns"
	if ns.Prefix != "" {
		name += ":" + ns.Prefix
	}
	return " " + name + `="` + escape(ns.URI) + `"`
}

// escape escapes text as encoding/xml does, for constant names and values
// written into the code.
func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// StructFunc writes the function appending st's element, with fields (st's
// members, or those of them a body carries) inside it: attribute members
// in its start tag, the others as child elements.
func (e *Encoders) StructFunc(st *plan.Struct, fields []*plan.Field) {
	var attrs, children []jen.Code
	for _, f := range SDKOrder(fields) {
		if f.Member.Traits.XMLAttribute() {
			attrs = append(attrs, e.attribute(f, jen.Id("v").Dot(f.Name))...)
		} else {
			children = append(children, e.Member(f, jen.Id("v").Dot(f.Name))...)
		}
	}
	body := append(open(attrs...), children...)
	body = append(body, jen.Return(jen.Id("xmlwClose").Call(jen.Id("b"), jen.Id("name"))))
	e.F.Func().Id(e.G.Plan.StructFunc("serialize", st)).Params(jen.Id("b").Index().Byte(), jen.List(jen.Id("name"), jen.Id("attrs")).String(), jen.Id("v").Op("*").Id(st.Name)).
		Index().Byte().Block(body...)
	e.F.Line()
}

// SDKOrder returns fields sorted by member name, the order in which the
// AWS SDK writes a structure's elements (its serializers walk the members
// sorted), so bodies come out byte for byte alike, checksums too.
func SDKOrder(fields []*plan.Field) []*plan.Field {
	out := slices.Clone(fields)
	slices.SortStableFunc(out, func(a, b *plan.Field) int { return strings.Compare(a.Member.Name, b.Member.Name) })
	return out
}

// set is the condition under which a field's value is sent, and the value
// itself (dereferenced); cond is nil when it is always sent.
func set(f *plan.Field, val *jen.Statement) (cond, v *jen.Statement) {
	t := f.Type
	v = val.Clone()
	switch {
	case f.Pointer:
		return val.Clone().Op("!=").Nil(), jen.Op("*").Add(val.Clone())
	case t.Kind == plan.EnumKind:
		return val.Clone().Op("!=").Lit(""), v
	case t.Nilable():
		return val.Clone().Op("!=").Nil(), v
	case !f.ZeroIsUnset():
		// A required member held by value is always sent, zero included.
		return nil, v
	case t.Kind == plan.BoolKind:
		return val.Clone(), v
	}
	return val.Clone().Op("!=").Lit(0), v
}

// attribute appends an xmlAttribute member to the start tag, when set.
func (e *Encoders) attribute(f *plan.Field, val *jen.Statement) []jen.Code {
	cond, v := set(f, val)
	name := Name(f.Member)
	var write []jen.Code
	switch f.Type.Kind {
	case plan.StringKind:
		write = []jen.Code{jen.Id("b").Op("=").Id("xmlwAttr").Call(jen.Id("b"), jen.Lit(name), v)}
	case plan.EnumKind:
		write = []jen.Code{jen.Id("b").Op("=").Id("xmlwAttr").Call(jen.Id("b"), jen.Lit(name), jen.String().Call(v))}
	default:
		text := textAppend(f.Type, f.Member, jen.Id("b"), v)
		if text == nil {
			return nil
		}
		write = []jen.Code{
			jen.Id("b").Op("=").Append(jen.Id("b"), jen.Lit(" "+name+`="`).Op("...")),
			jen.Id("b").Op("=").Add(text),
			jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('"')),
		}
	}
	if cond == nil {
		return write
	}
	return []jen.Code{jen.If(cond).Block(write...)}
}

// Member appends the element (or, flattened, the elements) of field f,
// whose value is val, when it is set.
func (e *Encoders) Member(f *plan.Field, val *jen.Statement) []jen.Code {
	cond, v := set(f, val)
	code := e.field(f.Type, f.Member, v, val, f.Pointer)
	if cond == nil {
		return code
	}
	return []jen.Code{jen.If(cond).Block(code...)}
}

// field appends the element or elements of a member holding v (val, the
// pointer itself, when ptr).
func (e *Encoders) field(t *plan.Type, m *smithy.Member, v, val *jen.Statement, ptr bool) []jen.Code {
	name := Name(m)
	attrs := Namespace(m.Traits)
	switch {
	case t.Kind == plan.ListKind && m.Traits.XMLFlattened():
		if attrs == "" {
			attrs = Namespace(t.Member.Traits)
		}
		return e.items(t, name, attrs, v)
	case t.Kind == plan.MapKind && m.Traits.XMLFlattened():
		return e.entries(t, name, attrs, v)
	case t.Kind == plan.StructKind && ptr:
		return e.Element(t, m, name, attrs, val, true)
	}
	return e.Element(t, m, name, attrs, v, false)
}

// Element appends one element holding v, a value of t (a pointer to the
// struct when ptr); m is the member that holds it, for its traits.
func (e *Encoders) Element(t *plan.Type, m *smithy.Member, name, attrs string, v *jen.Statement, ptr bool) []jen.Code {
	b := jen.Id("b")
	switch t.Kind {
	case plan.StructKind:
		arg := v
		if !ptr {
			arg = jen.Op("&").Add(v)
		}
		return []jen.Code{jen.Id("b").Op("=").Id(e.FuncFor(t)).Call(b, jen.Lit(name), jen.Lit(attrs), arg)}
	case plan.UnionKind, plan.ListKind, plan.MapKind:
		return []jen.Code{jen.Id("b").Op("=").Id(e.FuncFor(t)).Call(b, jen.Lit(name), jen.Lit(attrs), v)}
	}
	if attrs == "" {
		if call := simpleElement(t, m, name, v); call != nil {
			return []jen.Code{jen.Id("b").Op("=").Add(call)}
		}
	}
	return []jen.Code{
		jen.Id("b").Op("=").Append(jen.Id("b"), jen.Lit("<"+name+attrs+">").Op("...")),
		jen.Id("b").Op("=").Add(textAppend(t, m, jen.Id("b"), v)),
		jen.Id("b").Op("=").Append(jen.Id("b"), jen.Lit("</"+name+">").Op("...")),
	}
}

// simpleElement is the runtime call writing a scalar element without
// attributes, or nil when there is none for t.
func simpleElement(t *plan.Type, m *smithy.Member, name string, v *jen.Statement) jen.Code {
	b, n := jen.Id("b"), jen.Lit(name)
	switch t.Kind {
	case plan.StringKind:
		return jen.Id("xmlwString").Call(b, n, v)
	case plan.EnumKind:
		return jen.Id("xmlwString").Call(b, n, jen.String().Call(v))
	case plan.BoolKind:
		return jen.Id("xmlwBool").Call(b, n, v)
	case plan.Int8Kind, plan.Int16Kind, plan.Int32Kind, plan.Int64Kind, plan.IntEnumKind:
		return jen.Id("xmlwInt").Call(b, n, v)
	case plan.Float32Kind, plan.Float64Kind:
		return jen.Id("xmlwFloat").Call(b, n, v)
	case plan.TimeKind:
		return jen.Id("xmlwTime").Call(b, n, v, jen.Id(TimestampFormat(m, t.Shape)))
	case plan.BlobKind:
		return jen.Id("xmlwBlob").Call(b, n, v)
	case plan.BigIntKind:
		return jen.Id("xmlwBigInt").Call(b, n, v)
	case plan.BigDecimalKind:
		return jen.Id("xmlwBigFloat").Call(b, n, v)
	}
	return nil
}

// textAppend appends the text of scalar v to buf, escaped.
func textAppend(t *plan.Type, m *smithy.Member, buf jen.Code, v *jen.Statement) *jen.Statement {
	switch t.Kind {
	case plan.StringKind:
		return jen.Id("xmlwText").Call(buf, v)
	case plan.EnumKind:
		return jen.Id("xmlwText").Call(buf, jen.String().Call(v))
	case plan.BoolKind:
		return jen.Qual("strconv", "AppendBool").Call(buf, v)
	case plan.Int8Kind, plan.Int16Kind, plan.Int32Kind, plan.Int64Kind, plan.IntEnumKind:
		return jen.Qual("strconv", "AppendInt").Call(buf, jen.Int64().Call(v), jen.Lit(10))
	case plan.Float32Kind, plan.Float64Kind:
		return jen.Id("xmlwAppendFloat").Call(buf, jen.Float64().Call(v), jen.Lit(t.Bits()))
	case plan.TimeKind:
		return jen.Id("appendTime").Call(buf, v, jen.Id(TimestampFormat(m, t.Shape)))
	case plan.BlobKind:
		return jen.Qual("encoding/base64", "StdEncoding").Dot("AppendEncode").Call(buf, v)
	case plan.BigIntKind:
		return v.Clone().Dot("Append").Call(buf, jen.Lit(10))
	case plan.BigDecimalKind:
		return jen.Id("restBigFloat").Call(buf, v)
	}
	return nil
}

// items appends each element of list v as an element called name.
func (e *Encoders) items(t *plan.Type, name, attrs string, v *jen.Statement) []jen.Code {
	if t.Elem.Kind == plan.StructKind && !t.ElemPointer {
		return []jen.Code{jen.For(jen.Id("i").Op(":=").Range().Add(v)).Block(
			e.Element(t.Elem, t.Member, name, attrs, v.Clone().Index(jen.Id("i")), false)...)}
	}
	var item []jen.Code
	if t.ElemPointer {
		// A sparse list's nil elements are left out.
		elem := jen.Op("*").Id("x")
		if t.Elem.Kind == plan.StructKind {
			elem = jen.Id("x")
		}
		item = []jen.Code{jen.If(jen.Id("x").Op("!=").Nil()).Block(
			e.Element(t.Elem, t.Member, name, attrs, elem, t.Elem.Kind == plan.StructKind)...)}
	} else {
		item = e.Element(t.Elem, t.Member, name, attrs, jen.Id("x"), false)
	}
	return []jen.Code{jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Add(v)).Block(item...)}
}

// entries appends each entry of map v, in key order, as an element called
// name holding the key and value elements.
func (e *Encoders) entries(t *plan.Type, name, attrs string, v *jen.Statement) []jen.Code {
	valueName, valueAttrs := MapValueName(t), Namespace(t.Member.Traits)
	var value []jen.Code
	switch {
	case t.ElemPointer:
		elem := jen.Op("*").Id("e")
		if t.Elem.Kind == plan.StructKind {
			elem = jen.Id("e")
		}
		value = []jen.Code{jen.If(jen.Id("e").Op(":=").Add(v.Clone().Index(jen.Id("k"))), jen.Id("e").Op("!=").Nil()).Block(
			e.Element(t.Elem, t.Member, valueName, valueAttrs, elem, t.Elem.Kind == plan.StructKind)...)}
	case t.Elem.Kind == plan.StructKind:
		// Map values are not addressable: the function gets a copy's address.
		value = append([]jen.Code{jen.Id("e").Op(":=").Add(v.Clone().Index(jen.Id("k")))},
			e.Element(t.Elem, t.Member, valueName, valueAttrs, jen.Id("e"), false)...)
	default:
		value = e.Element(t.Elem, t.Member, valueName, valueAttrs, v.Clone().Index(jen.Id("k")), false)
	}
	body := []jen.Code{jen.Id("b").Op("=").Append(jen.Id("b"), jen.Lit("<"+name+attrs+">").Op("..."))}
	body = append(body, e.Element(&plan.Type{Kind: plan.StringKind}, t.KeyMember, MapKeyName(t), Namespace(t.KeyMember.Traits), jen.Id("k"), false)...)
	body = append(body, value...)
	body = append(body, jen.Id("b").Op("=").Append(jen.Id("b"), jen.Lit("</"+name+">").Op("...")))
	return []jen.Code{jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("restSortedKeys").Call(v)).Block(body...)}
}

// open is the start of a function writing its element: the start tag
// with the attributes the caller gives.
func open(attrs ...jen.Code) []jen.Code {
	out := []jen.Code{
		jen.Id("b").Op("=").Id("xmlwStart").Call(jen.Id("b"), jen.Id("name")),
		jen.Id("b").Op("=").Append(jen.Id("b"), jen.Id("attrs").Op("...")),
	}
	out = append(out, attrs...)
	return append(out, jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('>')))
}

func (e *Encoders) collectionFunc(t *plan.Type, content []jen.Code) {
	body := append(open(), content...)
	body = append(body, jen.Return(jen.Id("xmlwClose").Call(jen.Id("b"), jen.Id("name"))))
	e.F.Func().Id(e.G.Plan.Func("serialize", t)).Params(jen.Id("b").Index().Byte(), jen.List(jen.Id("name"), jen.Id("attrs")).String(), jen.Id("v").Add(emit.TypeCode(t))).
		Index().Byte().Block(body...)
	e.F.Line()
}

func (e *Encoders) listFunc(t *plan.Type) {
	e.collectionFunc(t, e.items(t, ListItemName(t), Namespace(t.Member.Traits), jen.Id("v")))
}

func (e *Encoders) mapFunc(t *plan.Type) {
	e.collectionFunc(t, e.entries(t, "entry", "", jen.Id("v")))
}

// unionFunc writes the union's element around the element of the variant
// it holds. A variant is sent even when it holds its zero value; an
// unknown one, which cannot be sent, leaves the element empty.
func (e *Encoders) unionFunc(t *plan.Type) {
	var cases []jen.Code
	for _, v := range t.Union.Variants {
		f := v.Field
		val := jen.Id("u").Dot("Value")
		cases = append(cases, jen.Case(jen.Op("*").Id(v.Name)).Block(e.field(f.Type, f.Member, val, val, false)...))
	}
	body := append(open(), jen.Switch(jen.Id("u").Op(":=").Id("v").Assert(jen.Type())).Block(cases...))
	body = append(body, jen.Return(jen.Id("xmlwClose").Call(jen.Id("b"), jen.Id("name"))))
	e.F.Func().Id(e.G.Plan.Func("serialize", t)).Params(jen.Id("b").Index().Byte(), jen.List(jen.Id("name"), jen.Id("attrs")).String(), jen.Id("v").Id(t.Union.Name)).
		Index().Byte().Block(body...)
	e.F.Line()
}
