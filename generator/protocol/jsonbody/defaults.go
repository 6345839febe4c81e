package jsonbody

import (
	"encoding/base64"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/sample"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// defaultOf returns a member's default: its own @default, else its
// target's, as plan decides nullability. A null default is none, and a
// clientOptional member's default is for servers only.
func defaultOf(f *plan.Field) (smithy.Node, bool) {
	m := f.Member
	if m.Traits.ClientOptional() || f.Type.Kind == plan.StreamKind {
		return smithy.Node{}, false
	}
	n, ok := m.Traits.Default()
	if !ok {
		n, ok = f.Type.Shape.Traits.Default()
	}
	if !ok || n.Kind == smithy.NullNode {
		return smithy.Node{}, false
	}
	return n, true
}

// defaultSample is a member's default as a sample value. A blob's
// default is its base64 text.
func defaultSample(f *plan.Field, n smithy.Node) (*sample.Value, error) {
	v, err := sample.FromNode(f.Type, n)
	if err == nil && f.Type.Kind == plan.BlobKind {
		v.Bytes, err = base64.StdEncoding.DecodeString(n.Str)
	}
	return v, err
}

// defaultJSON spells a default value as the serializers would send it.
func (c *Codec) defaultJSON(t *plan.Type, m *smithy.Member, n smithy.Node) string {
	switch t.Kind {
	case plan.StringKind, plan.EnumKind:
		return quote(n.Str)
	case plan.BoolKind:
		return strconv.FormatBool(n.Bool)
	case plan.BlobKind:
		return quote(n.Str) // the model writes it in base64
	case plan.TimeKind:
		tm := nodeTime(n)
		switch timeFormat(m, t.Shape) {
		case "timeHTTPDate":
			return quote(sample.FormatTime(tm, "http-date"))
		case "timeDateTime":
			return quote(sample.FormatTime(tm, "date-time"))
		}
		return sample.FormatTime(tm, "epoch-seconds")
	}
	return nodeJSON(n)
}

// nodeTime reads a timestamp default: epoch seconds, or an RFC 3339 string.
func nodeTime(n smithy.Node) time.Time {
	if n.Kind == smithy.StringNode {
		t, _ := time.Parse(time.RFC3339Nano, n.Str)
		return t.UTC()
	}
	f, _ := n.Float()
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(math.Round(frac*1e3))*1e6).UTC()
}

// nodeJSON writes a model value as JSON, numbers as the model spells them.
func nodeJSON(n smithy.Node) string {
	switch n.Kind {
	case smithy.BoolNode:
		return strconv.FormatBool(n.Bool)
	case smithy.NumberNode:
		return n.Str
	case smithy.StringNode:
		return quote(n.Str)
	case smithy.ArrayNode:
		parts := make([]string, len(n.Items))
		for i, it := range n.Items {
			parts[i] = nodeJSON(it)
		}
		return "[" + strings.Join(parts, ",") + "]"
	case smithy.ObjectNode:
		parts := make([]string, len(n.Fields))
		for i, f := range n.Fields {
			parts[i] = quote(f.Key) + ":" + nodeJSON(f.Value)
		}
		return "{" + strings.Join(parts, ",") + "}"
	}
	return "null"
}

// fill returns what a structure's deserializer does besides reading
// members, as the Smithy spec asks of clients: members with a default
// that the response lacks get it (pre sets those held by value before
// reading, post the others after), and required members it lacks get
// their zero value (error correction), so that a server that leaves one
// out does not leave a nil where the model promises a value.
func (c *Codec) fill(fields []*plan.Field) (pre, post []jen.Code) {
	for _, f := range fields {
		dst := jen.Id("v").Dot(f.Name)
		nilable := f.Pointer || f.Type.Nilable()
		if def, ok := defaultOf(f); ok {
			v, err := defaultSample(f, def)
			if err != nil {
				continue // a default the model gets wrong: nothing to fill in
			}
			switch {
			case nilable:
				post = append(post, jen.If(dst.Clone().Op("==").Nil()).Block(assign(f, dst, emit.Literal(v))...))
			case !isZero(v):
				pre = append(pre, dst.Clone().Op("=").Add(emit.Literal(v)))
			}
			continue
		}
		if f.Required && nilable {
			if zero := zeroValue(f, dst); zero != nil {
				c.g.UseRuntime("runtime_jsonbody.go")
				post = append(post, zero...)
			}
		}
	}
	return pre, post
}

// assign sets a field to a value, through a variable when the field is a
// pointer to it.
func assign(f *plan.Field, dst *jen.Statement, val jen.Code) []jen.Code {
	if f.Pointer && f.Type.Kind != plan.BigIntKind && f.Type.Kind != plan.BigDecimalKind {
		return []jen.Code{jen.Id("x").Op(":=").Add(val), dst.Clone().Op("=").Op("&").Id("x")}
	}
	return []jen.Code{dst.Clone().Op("=").Add(val)}
}

func isZero(v *sample.Value) bool {
	return v.Str == "" && !v.Bool && v.Int == 0 && v.Float == 0
}

// zeroValue sets a missing required member (dst, nil) to its type's zero
// value: an empty string, collection or structure, false, 0, or the
// epoch. Unions and documents have none; they stay nil.
func zeroValue(f *plan.Field, dst *jen.Statement) []jen.Code {
	t := f.Type
	switch t.Kind {
	case plan.StringKind, plan.BoolKind, plan.Int8Kind, plan.Int16Kind, plan.Int32Kind, plan.Int64Kind,
		plan.Float32Kind, plan.Float64Kind, plan.StructKind:
		return []jen.Code{jen.Id("jsonFill").Call(jen.Op("&").Add(dst))}
	case plan.BlobKind, plan.ListKind:
		return []jen.Code{jen.Id("jsonFillSlice").Call(jen.Op("&").Add(dst))}
	case plan.MapKind:
		return []jen.Code{jen.Id("jsonFillMap").Call(jen.Op("&").Add(dst))}
	case plan.TimeKind:
		return []jen.Code{jen.If(dst.Clone().Op("==").Nil()).Block(
			assign(f, dst, jen.Qual("time", "Unix").Call(jen.Lit(0), jen.Lit(0)).Dot("UTC").Call())...)}
	case plan.BigIntKind:
		return []jen.Code{jen.If(dst.Clone().Op("==").Nil()).Block(dst.Clone().Op("=").New(jen.Qual("math/big", "Int")))}
	case plan.BigDecimalKind:
		return []jen.Code{jen.If(dst.Clone().Op("==").Nil()).Block(dst.Clone().Op("=").Qual("math/big", "NewFloat").Call(jen.Lit(0)))}
	}
	return nil
}
