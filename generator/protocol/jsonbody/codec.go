package jsonbody

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Options say where the protocols' JSON bodies differ.
type Options struct {
	// JSONName sends members under their @jsonName, as restJson1 does;
	// the awsJson protocols ignore the trait.
	JSONName bool
}

// traitJSONName is smithy.api#jsonName.
const traitJSONName smithy.ShapeID = "smithy.api#jsonName"

// Codec writes the JSON body functions of one generated package. It is
// not safe for concurrent use.
type Codec struct {
	g       *emit.Generator
	opts    Options
	ser, de *jen.File
	// jobs maps a function name to what it writes, so each is written
	// once; queue holds those not written yet.
	jobs  map[string]job
	queue []job
	// fails holds the structs whose serializers can fail: those that
	// reach a union or a document.
	fails map[*plan.Struct]bool
	// known holds the enums whose values deserializers look up.
	known map[string]bool
}

type jobKind int

const (
	serializeStruct jobKind = iota
	serializeBody
	serializeOther
	deserializeStruct
	deserializeOther
)

// job is one function to write.
type job struct {
	kind   jobKind
	t      *plan.Type   // list, map, union (or the struct's type)
	st     *plan.Struct // structures
	fields []*plan.Field
}

// New starts a codec that writes serializers to ser and deserializers to
// de, two files of g's package.
func New(g *emit.Generator, ser, de *jen.File, opts Options) *Codec {
	g.UseRuntime("runtime_json.go", "runtime_jsonwrite.go")
	c := &Codec{g: g, opts: opts, ser: ser, de: de, jobs: map[string]job{}, known: map[string]bool{}}
	c.fails = failing(g.Plan)
	return c
}

// Name is a member's name in JSON bodies.
func (c *Codec) Name(m *smithy.Member) string {
	if c.opts.JSONName {
		if n, ok := m.Traits.Get(traitJSONName); ok && n.Kind == smithy.StringNode {
			return n.Str
		}
	}
	return m.Name
}

// WriteBody names the function that appends the JSON object of a request
// body holding fields of st (all of them, or those the protocol does not
// bind elsewhere):
//
//	func serialize<St>(b []byte, v *St) ([]byte, error)
//
// As the top level of an input, it leaves out unset members, defaults
// included.
func (c *Codec) WriteBody(st *plan.Struct, fields []*plan.Field) string {
	return c.add(c.g.Plan.StructFunc("serialize", st), job{kind: serializeBody, st: st, fields: fields})
}

// ReadBody names the function that reads a JSON object into fields of st,
// skipping members it does not know:
//
//	func deserialize<St>(d *jsonDecoder, v *St)
//
// Errors stay in d (see runtime_json.go): call d.end() after it.
func (c *Codec) ReadBody(st *plan.Struct, fields []*plan.Field) string {
	return c.add(c.g.Plan.StructFunc("deserialize", st), job{kind: deserializeStruct, st: st, fields: fields})
}

// WriteValue names the function that appends a structure, union, list or
// map value as JSON, for an @httpPayload:
//
//	func serialize<T>(b []byte, v *T) []byte        a structure
//	func serialize<T>(b []byte, v T) []byte         a list or map
//	func serialize<T>(b []byte, v T) ([]byte, error) a union
//
// and the same with a ([]byte, error) result for a structure, list or map
// that reaches a union or a document (Fails reports which).
func (c *Codec) WriteValue(t *plan.Type) string {
	if t.Struct != nil {
		return c.add(c.g.Plan.Func("serialize", t), job{kind: serializeStruct, t: t, st: t.Struct, fields: t.Struct.Fields})
	}
	return c.add(c.g.Plan.Func("serialize", t), job{kind: serializeOther, t: t})
}

// ReadValue names the function that reads a structure, union, list or map
// value:
//
//	func deserialize<T>(d *jsonDecoder, v *T)  a structure (into v)
//	func deserialize<T>(d *jsonDecoder) T      a union, list or map (nil for null)
func (c *Codec) ReadValue(t *plan.Type) string {
	if t.Struct != nil {
		return c.add(c.g.Plan.Func("deserialize", t), job{kind: deserializeStruct, t: t, st: t.Struct, fields: t.Struct.Fields})
	}
	return c.add(c.g.Plan.Func("deserialize", t), job{kind: deserializeOther, t: t})
}

// Fails reports whether WriteValue's function for t returns an error: a
// union or document can hold what JSON cannot carry.
func (c *Codec) Fails(t *plan.Type) bool {
	switch t.Kind {
	case plan.UnionKind, plan.DocumentKind:
		return true
	case plan.StructKind:
		return c.fails[t.Struct]
	case plan.ListKind, plan.MapKind:
		return c.Fails(t.Elem)
	}
	return false
}

// Finish writes every function named so far and the ones they call.
func (c *Codec) Finish() {
	for len(c.queue) > 0 {
		j := c.queue[0]
		c.queue = c.queue[1:]
		switch j.kind {
		case serializeStruct, serializeBody:
			c.structWriter(j)
		case serializeOther:
			c.otherWriter(j.t)
		case deserializeStruct:
			c.structReader(j)
		case deserializeOther:
			c.otherReader(j.t)
		}
	}
}

// add queues a function once. Asking for one name twice with other
// fields is a generator bug: the functions would differ.
func (c *Codec) add(name string, j job) string {
	if old, ok := c.jobs[name]; ok {
		if old.kind != j.kind || !sameFields(old.fields, j.fields) {
			panic(fmt.Sprintf("jsonbody: %s asked for twice, differently", name))
		}
		return name
	}
	c.jobs[name] = j
	c.queue = append(c.queue, j)
	return name
}

func sameFields(a, b []*plan.Field) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// failing finds the structs whose serializers can fail. A struct fails
// when a member reaches a union or a document; recursion is settled by
// repeating until nothing changes.
func failing(p *plan.Plan) map[*plan.Struct]bool {
	out := map[*plan.Struct]bool{}
	var reaches func(t *plan.Type) bool
	reaches = func(t *plan.Type) bool {
		switch t.Kind {
		case plan.UnionKind, plan.DocumentKind:
			return true
		case plan.StructKind:
			return out[t.Struct]
		case plan.ListKind, plan.MapKind:
			return reaches(t.Elem)
		}
		return false
	}
	for changed := true; changed; {
		changed = false
		for _, st := range p.Structs {
			if out[st] {
				continue
			}
			for _, f := range st.Fields {
				if reaches(f.Type) {
					out[st] = true
					changed = true
					break
				}
			}
		}
	}
	return out
}

// knownValues names the package variable holding an enum's values, which
// jsonEnum reads strings against without allocating.
func (c *Codec) knownValues(t *plan.Type) string {
	name := "known" + t.Name
	if !c.known[name] {
		c.known[name] = true
		c.de.Var().Id(name).Op("=").Id(t.Name).Call(jen.Lit("")).Dot("Values").Call()
		c.de.Line()
	}
	return name
}

// timeFormat is the runtime constant for a timestamp's format in a JSON
// body: the member's @timestampFormat, else its target's, else
// epoch-seconds.
func timeFormat(m *smithy.Member, target *smithy.Shape) string {
	f, ok := "", false
	if m != nil {
		f, ok = m.Traits.TimestampFormat()
	}
	if !ok {
		f, _ = target.Traits.TimestampFormat()
	}
	switch f {
	case "http-date":
		return "timeHTTPDate"
	case "date-time":
		return "timeDateTime"
	}
	return "timeEpochSeconds"
}

// keyLit is the generated constant for a member name and its colon, such
// as `"Name":`.
func keyLit(name string) *jen.Statement { return rawLit(quote(name) + ":") }

// rawLit is a string constant, written as a raw string where it can be
// one: JSON reads better without Go's escapes.
func rawLit(s string) *jen.Statement {
	if !strings.ContainsAny(s, "`\r") {
		return jen.Id("`" + s + "`")
	}
	return jen.Lit(s)
}

// quote writes s as a JSON string, escaped as the runtime escapes.
func quote(s string) string {
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(buf.String(), "\n")
}

// errReturn passes a serializer's error up.
var errReturn = jen.Return(jen.Id("b"), jen.Err())
