package jsonbody

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/sample"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Oracle says what the JSON body code must produce for sample values,
// computed a second, independent way: it builds plain Go values (maps,
// slices, json.Number, strings) from the sample and the Smithy rules, for
// encoding/json to write. Golden files come from it, never from the
// generated code under test.
type Oracle struct {
	Options
}

// RequestBody is the body a request serializer writes for fields of in,
// a sample input, as a value for encoding/json.
func (o Oracle) RequestBody(in *sample.Value, fields []*plan.Field) map[string]any {
	return o.object(in, fields, true, true)
}

// ResponseBody is a body a server could send for fields of out: every
// member the sample sets, defaults or not.
func (o Oracle) ResponseBody(out *sample.Value, fields []*plan.Field) map[string]any {
	return o.object(out, fields, false, false)
}

// Marshal writes a body built by the oracle: indented, keys sorted, HTML
// characters unescaped.
func Marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "    ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// object is a structure value's JSON object. A request (req) leaves out
// unset members; at its top level, members held by value are unset at
// their zero value, and below it, unset members with a default send it.
func (o Oracle) object(v *sample.Value, fields []*plan.Field, req, top bool) map[string]any {
	set := map[*plan.Field]*sample.Value{}
	for _, fv := range v.Fields {
		set[fv.Field] = fv.Value
	}
	obj := map[string]any{}
	for _, f := range fields {
		name := o.name(f.Member)
		if _, dup := obj[name]; dup {
			continue
		}
		fv, ok := set[f]
		if ok && req && top && zeroIsUnset(f, fv) {
			ok = false
		}
		if !ok {
			def, hasDef := defaultOf(f)
			if !req || top || !hasDef {
				continue
			}
			var err error
			if fv, err = defaultSample(f, def); err != nil {
				continue
			}
		}
		obj[name] = o.value(fv, f.Member, req)
	}
	return obj
}

// zeroIsUnset reports a top-level input member held by value at its
// zero value, which the AWS SDK does not send.
func zeroIsUnset(f *plan.Field, v *sample.Value) bool {
	if f.Pointer || f.Type.Nilable() {
		return false
	}
	if f.Type.Kind == plan.EnumKind {
		return v.Str == ""
	}
	return f.ZeroIsUnset() && !v.Bool && v.Int == 0 && v.Float == 0
}

func (o Oracle) name(m *smithy.Member) string {
	if o.JSONName {
		if n, ok := m.Traits.Get(traitJSONName); ok && n.Kind == smithy.StringNode {
			return n.Str
		}
	}
	return m.Name
}

// value is one value; m is the member that holds it, for its timestamp
// format.
func (o Oracle) value(v *sample.Value, m *smithy.Member, req bool) any {
	t := v.Type
	switch t.Kind {
	case plan.StringKind, plan.EnumKind:
		return v.Str
	case plan.BoolKind:
		return v.Bool
	case plan.Int8Kind, plan.Int16Kind, plan.Int32Kind, plan.Int64Kind, plan.IntEnumKind, plan.BigIntKind:
		return json.Number(strconv.FormatInt(v.Int, 10))
	case plan.Float32Kind, plan.Float64Kind, plan.BigDecimalKind:
		if math.IsNaN(v.Float) || math.IsInf(v.Float, 0) {
			return v.FloatText('g') // a string: JSON has no such numbers
		}
		return json.Number(v.FloatText('g'))
	case plan.TimeKind:
		return timeValue(v.Time, m, t.Shape)
	case plan.BlobKind:
		return base64.StdEncoding.EncodeToString(v.Bytes)
	case plan.DocumentKind:
		return nodeValue(v.Document)
	case plan.StructKind:
		return o.object(v, t.Struct.Fields, req, false)
	case plan.UnionKind:
		f := v.Variant.Field
		if f.Type.Kind == plan.UnitKind {
			// As RestJsonInputUnionWithUnitMember has it.
			return map[string]any{o.name(f.Member): map[string]any{}}
		}
		return map[string]any{o.name(f.Member): o.value(v.Inner, f.Member, req)}
	case plan.ListKind:
		items := []any{}
		for _, it := range v.Items {
			switch {
			case it != nil:
				items = append(items, o.value(it, t.Member, req))
			case t.Shape.Traits.Sparse():
				items = append(items, nil)
			}
		}
		return items
	case plan.MapKind:
		entries := map[string]any{}
		for _, e := range v.Entries {
			switch {
			case e.Value != nil:
				entries[e.Key] = o.value(e.Value, t.Member, req)
			case t.Shape.Traits.Sparse():
				entries[e.Key] = nil
			}
		}
		return entries
	}
	return nil
}

// timeValue spells a timestamp in its format: epoch seconds (the JSON
// protocols' default) as a number with milliseconds, the others as
// strings.
func timeValue(t time.Time, m *smithy.Member, s *smithy.Shape) any {
	f, ok := m.Traits.TimestampFormat()
	if !ok {
		f, _ = s.Traits.TimestampFormat()
	}
	if f == "date-time" || f == "http-date" {
		return sample.FormatTime(t, f)
	}
	return json.Number(sample.FormatTime(t, "epoch-seconds"))
}

// nodeValue is a document as encoding/json writes it.
func nodeValue(n smithy.Node) any {
	switch n.Kind {
	case smithy.BoolNode:
		return n.Bool
	case smithy.NumberNode:
		return json.Number(n.Str)
	case smithy.StringNode:
		return n.Str
	case smithy.ArrayNode:
		out := []any{}
		for _, it := range n.Items {
			out = append(out, nodeValue(it))
		}
		return out
	case smithy.ObjectNode:
		out := map[string]any{}
		for _, f := range n.Fields {
			out[f.Key] = nodeValue(f.Value)
		}
		return out
	}
	return nil
}

// Complete adds to a sample output what a client fills in when the
// response lacks it: defaults, and zero values of required members
// (error correction), for fields of out (those ReadBody was given) and
// everything below them. Decoding ResponseBody's body must then give out.
func (o Oracle) Complete(out *sample.Value, fields []*plan.Field) {
	o.complete(out, fields)
}

func (o Oracle) complete(out *sample.Value, fields []*plan.Field) {
	if out == nil {
		return
	}
	switch out.Type.Kind {
	case plan.StructKind:
		if fields == nil {
			fields = out.Type.Struct.Fields
		}
		set := map[*plan.Field]bool{}
		for _, fv := range out.Fields {
			set[fv.Field] = true
			o.complete(fv.Value, nil)
		}
		for _, f := range fields {
			if set[f] {
				continue
			}
			if v := filled(f); v != nil {
				out.Fields = append(out.Fields, sample.FieldValue{Field: f, Value: v})
			}
		}
		order := map[*plan.Field]int{}
		for i, f := range out.Type.Struct.Fields {
			order[f] = i
		}
		slices.SortFunc(out.Fields, func(a, b sample.FieldValue) int { return order[a.Field] - order[b.Field] })
	case plan.UnionKind:
		o.complete(out.Inner, nil)
	case plan.ListKind:
		for _, it := range out.Items {
			o.complete(it, nil)
		}
	case plan.MapKind:
		for _, e := range out.Entries {
			o.complete(e.Value, nil)
		}
	}
}

// filled is what a client sets a member the response lacks to, or nil.
func filled(f *plan.Field) *sample.Value {
	t := f.Type
	if def, ok := defaultOf(f); ok {
		v, err := defaultSample(f, def)
		if err != nil || !f.Pointer && !t.Nilable() && isZero(v) {
			return nil // held by value, and zero already
		}
		return v
	}
	if !f.Required || !f.Pointer && !t.Nilable() {
		return nil
	}
	v := &sample.Value{Type: t}
	switch t.Kind {
	case plan.TimeKind:
		v.Time = time.Unix(0, 0).UTC()
	case plan.BlobKind:
		v.Bytes = []byte{}
	case plan.UnionKind, plan.DocumentKind, plan.StreamKind, plan.EnumKind, plan.IntEnumKind:
		return nil
	}
	return v
}
