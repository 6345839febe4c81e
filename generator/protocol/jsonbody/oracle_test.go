package jsonbody

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/sample"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// wirePlan plans the jsonwire test model, which has nested defaults,
// required output members, timestamps of every format and sparse maps.
func wirePlan(t *testing.T) *plan.Plan {
	t.Helper()
	path := "../../testdata/models/jsonwire.json"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := smithy.Load(path, data)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := plan.FindService(m, "")
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Build(m, svc, plan.Options{Package: "jsonwire"})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func field(t *testing.T, st *plan.Struct, name string) *plan.Field {
	t.Helper()
	for _, f := range st.Fields {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("%s has no field %s", st.Name, name)
	return nil
}

func structValue(st *plan.Struct, fields ...sample.FieldValue) *sample.Value {
	return &sample.Value{Type: &plan.Type{Kind: plan.StructKind, Shape: st.Shape, Name: st.Name, Struct: st}, Fields: fields}
}

// asJSON is v written by Marshal and read back, for comparing with a
// literal.
func asJSON(t *testing.T, v any) any {
	t.Helper()
	b, err := Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func literal(t *testing.T, s string) any {
	t.Helper()
	var out any
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestOracleRequestBody(t *testing.T) {
	p := wirePlan(t)
	in := p.Operations[0].Input
	settings := field(t, in, "Settings")
	count := field(t, in, "Count")
	when, iso, httpDate := field(t, in, "When"), field(t, in, "WhenISO"), field(t, in, "WhenHTTP")
	tm := time.Date(2024, 2, 29, 13, 14, 15, 250e6, time.UTC)
	v := structValue(in,
		sample.FieldValue{Field: count, Value: &sample.Value{Type: count.Type}},
		sample.FieldValue{Field: settings, Value: structValue(settings.Type.Struct)},
		sample.FieldValue{Field: when, Value: &sample.Value{Type: when.Type, Time: tm}},
		sample.FieldValue{Field: iso, Value: &sample.Value{Type: iso.Type, Time: tm}},
		sample.FieldValue{Field: httpDate, Value: &sample.Value{Type: httpDate.Type, Time: tm}},
	)
	got := asJSON(t, Oracle{}.RequestBody(v, in.Fields))
	// Count is 0 at the top level: unset. The nested Settings sends its
	// defaults, its zero-default boolean included.
	want := literal(t, `{
		"Settings": {"Enabled": false, "Level": 3, "Mode": "fast"},
		"When": 1709212455.25, "WhenISO": "2024-02-29T13:14:15.25Z", "WhenHTTP": "Thu, 29 Feb 2024 13:14:15 GMT"
	}`)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("request body\n got %v\nwant %v", got, want)
	}
	// A server's body carries what is set, zero or not, and no defaults.
	got = asJSON(t, Oracle{}.ResponseBody(v, in.Fields))
	want = literal(t, `{"Count": 0, "Settings": {}, "When": 1709212455.25, "WhenISO": "2024-02-29T13:14:15.25Z", "WhenHTTP": "Thu, 29 Feb 2024 13:14:15 GMT"}`)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("response body\n got %v\nwant %v", got, want)
	}
}

func TestOracleComplete(t *testing.T) {
	p := wirePlan(t)
	out := p.Operations[0].Output
	settings := field(t, out, "Settings")
	v := structValue(out, sample.FieldValue{Field: settings, Value: structValue(settings.Type.Struct)})
	Oracle{}.Complete(v, out.Fields)
	got := map[string]*sample.Value{}
	for _, fv := range v.Fields {
		got[fv.Field.Name] = fv.Value
	}
	// The required members get zero values; Result (a union) has none and
	// Labels is optional.
	if c := got["Count"]; c == nil || c.Int != 0 {
		t.Errorf("Count = %+v", c)
	}
	if n := got["Names"]; n == nil || n.Type.Kind != plan.ListKind || len(n.Items) != 0 {
		t.Errorf("Names = %+v", n)
	}
	if got["Result"] != nil || got["Labels"] != nil {
		t.Errorf("filled in Result or Labels: %+v", got)
	}
	// The nested Settings gets its non-zero defaults; Enabled's zero
	// default is the zero value already.
	inner := map[string]*sample.Value{}
	for _, fv := range got["Settings"].Fields {
		inner[fv.Field.Name] = fv.Value
	}
	if l := inner["Level"]; l == nil || l.Int != 3 {
		t.Errorf("Level = %+v", l)
	}
	if m := inner["Mode"]; m == nil || m.Str != "fast" {
		t.Errorf("Mode = %+v", m)
	}
	if inner["Enabled"] != nil || inner["Note"] != nil {
		t.Errorf("Settings filled in %+v", inner)
	}
	for i, fv := range v.Fields[1:] {
		if fv.Field.Name < v.Fields[i].Field.Name {
			t.Errorf("fields out of order: %s after %s", fv.Field.Name, v.Fields[i].Field.Name)
		}
	}
}

func TestDefaultJSON(t *testing.T) {
	p := wirePlan(t)
	c := &Codec{}
	settings := field(t, p.Operations[0].Input, "Settings").Type.Struct
	for name, want := range map[string]string{"Level": "3", "Mode": `"fast"`, "Enabled": "false"} {
		f := field(t, settings, name)
		def, ok := defaultOf(f)
		if !ok {
			t.Fatalf("%s has no default", name)
		}
		if got := c.defaultJSON(f.Type, f.Member, def); got != want {
			t.Errorf("%s default %s, want %s", name, got, want)
		}
	}
	if _, ok := defaultOf(field(t, settings, "Note")); ok {
		t.Error("Note has a default")
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{"Name": `"Name"`, `a"b\c`: `"a\"b\\c"`, "<&>": `"<&>"`, "\n": `"\n"`} {
		if got := quote(in); got != want {
			t.Errorf("quote(%q) = %s, want %s", in, got, want)
		}
	}
}
