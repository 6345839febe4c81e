package templates

import (
	"bytes"
	"encoding/json"
	"math"
	"math/big"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"pgregory.net/rapid"
)

// The escapes the AWS SDK's JSON encoder (smithy-go encoding/json) writes:
// '"' and '\\' with a backslash, \n \r \t short, other control characters
// as \u00xx in lower-case hex, U+2028/U+2029 escaped, invalid UTF-8 as
// \ufffd per byte, and nothing else (no HTML escaping, DEL as is).
func TestJSONStringEscapesLikeTheSDK(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"mountainPotato", `"mountainPotato"`},
		{`foo"`, `"foo\""`},
		{`hello\\world`, `"hello\\\\world"`},
		{"foo\nbar", `"foo\nbar"`},
		{"foo\rbar", `"foo\rbar"`},
		{"foo\tbar", `"foo\tbar"`},
		{"\x00\x01\x1f", `"\u0000\u0001\u001f"`},
		{"\b\f", `"\u0008\u000c"`},
		{"<a href='x'>&amp;</a>", `"<a href='x'>&amp;</a>"`},
		{"\x7f", "\"\x7f\""},
		{"a\u2028b\u2029c", `"a\u2028b\u2029c"`},
		{"é😹", `"é😹"`},
		{"a\xffb\xc3", `"a\ufffdb\ufffd"`},
		{"", `""`},
	} {
		if got := string(jsonString(nil, c.in)); got != c.want {
			t.Errorf("jsonString(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

// jsonValidRunes is s with each byte of invalid UTF-8 replaced by U+FFFD,
// which is what an encoder that writes \ufffd for them round-trips to.
func jsonValidRunes(s string) string {
	return string([]rune(s))
}

func jsonCheckStringRoundTrip(t testing.TB, s string) {
	enc := jsonString(nil, s)
	var std string
	if err := json.Unmarshal(enc, &std); err != nil {
		t.Fatalf("encoding/json rejects jsonString(%q) = %s: %v", s, enc, err)
	}
	want := jsonValidRunes(s)
	if std != want {
		t.Fatalf("jsonString(%q) = %s reads back as %q, want %q", s, enc, std, want)
	}
	d := jsonDecoder{data: enc}
	if got := d.string(); got != want || d.end() != nil {
		t.Fatalf("jsonDecoder reads jsonString(%q) = %s as %q (%v), want %q", s, enc, got, d.err, want)
	}
	// Only the SDK's escapes: the same bytes encoding/json writes without
	// HTML escaping, except that it spells \b and \f short.
	var buf bytes.Buffer
	e := json.NewEncoder(&buf)
	e.SetEscapeHTML(false)
	if err := e.Encode(s); err != nil {
		t.Fatal(err)
	}
	ref := strings.NewReplacer(`\\`, `\\`, `\b`, `\u0008`, `\f`, `\u000c`).Replace(strings.TrimSuffix(buf.String(), "\n"))
	if string(enc) != ref {
		t.Fatalf("jsonString(%q) = %s, want %s", s, enc, ref)
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", "q\"b\\", "\x00\x1f\x7f", "\u2028\u2029", "\xff\xfe", "😹\xed\xa0\x80", "\b\f\n\r\t", `\\b`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		jsonCheckStringRoundTrip(t, s)
	})
}

// Floats: encoding/json uses the same shortest-decimal, JavaScript-style
// form the SDK writes, so it is the oracle for finite values.
func TestJSONFloatMatchesEncodingJSON(t *testing.T) {
	for _, f := range []float64{0, 1.1, -2.5, 1e20, 1e21, 3e22, 1e-6, 1e-7, 123456789.125, math.MaxFloat64, math.SmallestNonzeroFloat64, math.Copysign(0, -1)} {
		want, _ := json.Marshal(f)
		if got := jsonFloat(nil, f); string(got) != string(want) {
			t.Errorf("jsonFloat(%v) = %s, want %s", f, got, want)
		}
		f32 := float32(f)
		want, _ = json.Marshal(f32)
		if math.IsInf(float64(f32), 0) {
			continue
		}
		if got := jsonFloat(nil, f32); string(got) != string(want) {
			t.Errorf("jsonFloat(float32(%v)) = %s, want %s", f32, got, want)
		}
	}
	// Figures from the SDK's own tests.
	for f, want := range map[float64]string{1e20: "100000000000000000000", 3e22: "3e+22"} {
		if got := string(jsonFloat(nil, f)); got != want {
			t.Errorf("jsonFloat(%v) = %s, want %s", f, got, want)
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		f := math.Float64frombits(rapid.Uint64().Draw(t, "bits"))
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return
		}
		want, _ := json.Marshal(f)
		if got := jsonFloat(nil, f); string(got) != string(want) {
			t.Fatalf("jsonFloat(%v) = %s, want %s", f, got, want)
		}
		f32 := math.Float32frombits(rapid.Uint32().Draw(t, "bits32"))
		if math.IsNaN(float64(f32)) || math.IsInf(float64(f32), 0) {
			return
		}
		want, _ = json.Marshal(f32)
		if got := jsonFloat(nil, f32); string(got) != string(want) {
			t.Fatalf("jsonFloat(float32 %v) = %s, want %s", f32, got, want)
		}
	})
}

// jsonWriteScalars writes the members of the SimpleScalarProperties cases
// the way generated code would, from the case's params.
func jsonWriteScalars(t *testing.T, p map[string]any) []byte {
	b := []byte{'{'}
	for _, m := range []struct{ param, key string }{
		{"stringValue", "stringValue"}, {"trueBooleanValue", "trueBooleanValue"}, {"falseBooleanValue", "falseBooleanValue"},
		{"byteValue", "byteValue"}, {"shortValue", "shortValue"}, {"integerValue", "integerValue"}, {"longValue", "longValue"},
		{"floatValue", "floatValue"}, {"doubleValue", "DoubleDribble"},
	} {
		v, ok := p[m.param]
		if !ok {
			continue
		}
		b = jsonKey(b, m.key)
		switch m.param {
		case "stringValue":
			b = jsonString(b, v.(string))
		case "trueBooleanValue", "falseBooleanValue":
			b = jsonBool(b, v.(bool))
		case "byteValue":
			b = jsonInt(b, int8(restParamInt(t, v)))
		case "shortValue":
			b = jsonInt(b, int16(restParamInt(t, v)))
		case "integerValue":
			b = jsonInt(b, int32(restParamInt(t, v)))
		case "longValue":
			b = jsonInt(b, restParamInt(t, v))
		case "floatValue":
			b = jsonFloat(b, float32(restParamFloat(t, v)))
		case "doubleValue":
			b = jsonFloat(b, restParamFloat(t, v))
		}
	}
	return append(b, '}')
}

func TestJSONWriteScalarsCompliance(t *testing.T) {
	for _, id := range []string{
		"RestJsonSimpleScalarProperties",
		"RestJsonSupportsNaNFloatInputs", "RestJsonSupportsInfinityFloatInputs", "RestJsonSupportsNegativeInfinityFloatInputs",
	} {
		t.Run(id, func(t *testing.T) {
			c := restCase(t, "request", id)
			got := jsonWriteScalars(t, c.Params)
			if !json.Valid(got) {
				t.Fatalf("invalid JSON %s", got)
			}
			jsonSameValue(t, got, []byte(*c.Body))
		})
	}
}

func TestJSONWriteTimestampsAndBlobsCompliance(t *testing.T) {
	for _, c := range []struct {
		id, member string
		format     int
	}{
		{"RestJsonJsonTimestamps", "normal", timeEpochSeconds},
		{"RestJsonJsonTimestampsWithDateTimeFormat", "dateTime", timeDateTime},
		{"RestJsonJsonTimestampsWithDateTimeOnTargetFormat", "dateTimeOnTarget", timeDateTime},
		{"RestJsonJsonTimestampsWithEpochSecondsFormat", "epochSeconds", timeEpochSeconds},
		{"RestJsonJsonTimestampsWithHttpDateFormat", "httpDate", timeHTTPDate},
		{"RestJsonJsonTimestampsWithHttpDateOnTargetFormat", "httpDateOnTarget", timeHTTPDate},
	} {
		t.Run(c.id, func(t *testing.T) {
			tc := restCase(t, "request", c.id)
			b := []byte{'{'}
			b = jsonKey(b, c.member)
			b = jsonTime(b, restParamTime(t, tc.Params[c.member]), c.format)
			b = append(b, '}')
			jsonSameValue(t, b, []byte(*tc.Body))
		})
	}
	t.Run("RestJsonJsonBlobs", func(t *testing.T) {
		tc := restCase(t, "request", "RestJsonJsonBlobs")
		b := jsonBlob(jsonKey([]byte{'{'}, "data"), []byte(tc.Params["data"].(string)))
		jsonSameValue(t, append(b, '}'), []byte(*tc.Body))
	})
	// Epoch seconds keep milliseconds, as the SDK writes them.
	for in, want := range map[time.Time]string{
		time.Unix(946845296, 123e6): "946845296.123",
		time.Unix(946845296, 100e6): "946845296.1",
		time.Unix(-1, 750e6):        "-0.25",
		time.Unix(0, 0):             "0",
	} {
		if got := string(jsonTime(nil, in, timeEpochSeconds)); got != want {
			t.Errorf("jsonTime(%v) = %s, want %s", in, got, want)
		}
	}
}

func TestJSONWriteDocumentsCompliance(t *testing.T) {
	for _, id := range []string{
		"DocumentInputWithString", "DocumentInputWithNumber", "DocumentInputWithBoolean",
		"DocumentInputWithList", "DocumentTypeInputWithObject",
	} {
		t.Run(id, func(t *testing.T) {
			c := restCase(t, "request", id)
			b := jsonKey([]byte{'{'}, "stringValue")
			b = jsonString(b, c.Params["stringValue"].(string))
			b = jsonKey(b, "documentValue")
			b, err := jsonDocument(b, c.Params["documentValue"])
			if err != nil {
				t.Fatal(err)
			}
			jsonSameValue(t, append(b, '}'), []byte(*c.Body))
		})
	}
}

func TestJSONWriteCollectionsCompliance(t *testing.T) {
	t.Run("AwsJson11SparseListsSerializeNull", func(t *testing.T) {
		c := restCase(t, "request", "AwsJson11SparseListsSerializeNull")
		var list []*string
		for _, v := range c.Params["sparseStringList"].([]any) {
			if v == nil {
				list = append(list, nil)
			} else {
				s := v.(string)
				list = append(list, &s)
			}
		}
		b := jsonKey([]byte{'{'}, "sparseStringList")
		b = jsonList(b, list, jsonNullable(jsonString))
		jsonSameValue(t, append(b, '}'), []byte(*c.Body))
	})
	t.Run("RestJsonJsonMaps", func(t *testing.T) {
		c := restCase(t, "request", "RestJsonJsonMaps")
		type greeting struct{ Hi *string }
		m := map[string]greeting{}
		for k, v := range c.Params["denseStructMap"].(map[string]any) {
			hi := v.(map[string]any)["hi"].(string)
			m[k] = greeting{Hi: &hi}
		}
		b := jsonKey([]byte{'{'}, "denseStructMap")
		b = jsonMap(b, m, func(b []byte, g greeting) []byte {
			b = append(b, '{')
			if g.Hi != nil {
				b = jsonKey(b, "hi")
				b = jsonString(b, *g.Hi)
			}
			return append(b, '}')
		})
		jsonSameValue(t, append(b, '}'), []byte(*c.Body))
	})
	t.Run("RestJsonSerializesSparseNullMapValues", func(t *testing.T) {
		c := restCase(t, "request", "RestJsonSerializesSparseNullMapValues")
		b := []byte{'{'}
		b = jsonKey(b, "sparseBooleanMap")
		b = jsonMap(b, map[string]*bool{"x": nil}, jsonNullable(jsonBool))
		b = jsonKey(b, "sparseNumberMap")
		b = jsonMap(b, map[string]*int32{"x": nil}, jsonNullable(jsonInt[int32]))
		b = jsonKey(b, "sparseStringMap")
		b = jsonMap(b, map[string]*string{"x": nil}, jsonNullable(jsonString))
		b = jsonKey(b, "sparseStructMap")
		b = jsonMap(b, map[string]*struct{}{"x": nil}, jsonNullable(func(b []byte, _ struct{}) []byte { return append(b, "{}"...) }))
		jsonSameValue(t, append(b, '}'), []byte(*c.Body))
	})
}

// Commas come from the buffer's last byte, so optional members need no
// bookkeeping in generated code.
func TestJSONCommas(t *testing.T) {
	b := []byte{'{'}
	b = jsonKey(b, "a")
	b = append(b, '[')
	b = jsonComma(b)
	b = append(b, '{', '}')
	b = jsonComma(b)
	b = append(b, '[', ']')
	b = jsonComma(b)
	b = jsonString(b, "x")
	b = append(b, ']')
	b = jsonKey(b, "b")
	b = jsonNull(b)
	b = jsonKey(b, `we"ird`)
	b = jsonInt(b, -3)
	b = append(b, '}')
	if want := `{"a":[{},[],"x"],"b":null,"we\"ird":-3}`; string(b) != want {
		t.Fatalf("got %s, want %s", b, want)
	}
}

func TestJSONBigNumbers(t *testing.T) {
	huge, _ := new(big.Int).SetString("-123456789012345678901234567890", 10)
	for _, c := range []struct {
		got  []byte
		want string
	}{
		{jsonBigInt(nil, huge), "-123456789012345678901234567890"},
		{jsonBigInt(nil, nil), "null"},
		{jsonBigFloat(nil, big.NewFloat(-7)), "-7"},
		{jsonBigFloat(nil, new(big.Float).SetInt64(math.MaxInt64)), "9223372036854775807"},
		{jsonBigFloat(nil, big.NewFloat(math.Copysign(0, -1))), "-0"},
		{jsonBigFloat(nil, new(big.Float)), "0"},
		{jsonBigFloat(nil, big.NewFloat(1.5)), "1.5e+00"},
		{jsonBigFloat(nil, new(big.Float).SetInf(true)), `"-Infinity"`},
	} {
		if string(c.got) != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
	// Exponent form must be a JSON number with the same value.
	f, _ := new(big.Float).SetPrec(200).SetString("12345678901234567890.123456789")
	out := jsonBigFloat(nil, f)
	d := jsonDecoder{data: out}
	if back := d.bigFloat(); d.end() != nil || back.Cmp(f) != 0 {
		t.Errorf("jsonBigFloat(%v) = %s does not read back (%v)", f, out, d.err)
	}
}

func TestJSONDocumentWrite(t *testing.T) {
	doc := map[string]any{
		"b": []any{true, nil, json.Number("1e400"), float64(0.1), float32(1.1), int8(-8), uint64(math.MaxUint64)},
		"a": map[string]string{"z": "y", "x": "w"},
		"c": []string{"s"},
		"d": json.RawMessage(` {"raw": [1]} `),
		"e": big.NewInt(5),
	}
	got, err := jsonDocument(nil, doc)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"a":{"x":"w","z":"y"},"b":[true,null,1e400,0.1,1.1,-8,18446744073709551615],"c":["s"],"d":{"raw": [1]},"e":5}`
	if string(got) != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	cyclic := map[string]any{}
	cyclic["self"] = cyclic
	for _, bad := range []any{
		math.NaN(), math.Inf(1), json.Number("01"), json.Number("1."), struct{}{}, []int{1}, cyclic,
		json.RawMessage(`{"a":`), complex(1, 2),
	} {
		if _, err := jsonDocument(nil, bad); err == nil {
			t.Errorf("jsonDocument(%#v) did not fail", bad)
		} else if _, ok := err.(*jsonDocumentError); !ok {
			t.Errorf("jsonDocument(%#v): %T, want *jsonDocumentError", bad, err)
		}
	}
}

// Documents survive a write and a read unchanged.
func TestJSONDocumentRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		doc := jsonGenDocument(t, 0)
		enc, err := jsonDocument(nil, doc)
		if err != nil {
			t.Fatal(err)
		}
		d := jsonDecoder{data: enc}
		back := d.document()
		if err := d.end(); err != nil {
			t.Fatalf("%s: %v", enc, err)
		}
		if !jsonStdEqual(back, doc) {
			t.Fatalf("%s read back as %#v", enc, back)
		}
	})
}

func jsonGenDocument(t *rapid.T, depth int) any {
	kinds := 4
	if depth < 4 {
		kinds = 6
	}
	switch rapid.IntRange(0, kinds-1).Draw(t, "kind") {
	case 0:
		return nil
	case 1:
		return rapid.Bool().Draw(t, "bool")
	case 2:
		return jsonValidRunes(rapid.String().Draw(t, "string"))
	case 3:
		if rapid.Bool().Draw(t, "int") {
			return json.Number(strconv.FormatInt(rapid.Int64().Draw(t, "i"), 10))
		}
		f := rapid.Float64().Draw(t, "f")
		if math.IsNaN(f) || math.IsInf(f, 0) {
			f = 0
		}
		return json.Number(jsonFloat(nil, f))
	case 4:
		a := []any{}
		for i := rapid.IntRange(0, 4).Draw(t, "n"); i > 0; i-- {
			a = append(a, jsonGenDocument(t, depth+1))
		}
		return a
	default:
		m := map[string]any{}
		for i := rapid.IntRange(0, 4).Draw(t, "n"); i > 0; i-- {
			m[jsonValidRunes(rapid.String().Draw(t, "k"))] = jsonGenDocument(t, depth+1)
		}
		return m
	}
}

func TestJSONWriteAllocs(t *testing.T) {
	b := make([]byte, 0, 4096)
	now := time.Unix(1576540098, 0)
	allocs := testing.AllocsPerRun(100, func() {
		b = b[:0]
		b = append(b, '{')
		b = jsonKey(b, "S")
		b = jsonString(b, "text with \"quotes\" and é")
		b = jsonKey(b, "N")
		b = jsonInt(b, int32(42))
		b = jsonKey(b, "F")
		b = jsonFloat(b, 2.5)
		b = jsonKey(b, "T")
		b = jsonTime(b, now, timeDateTime)
		b = jsonKey(b, "B")
		b = jsonBlob(b, []byte("blob"))
		b = append(b, '}')
	})
	if allocs != 0 {
		t.Errorf("writing scalars into a buffer with room allocates %v times", allocs)
	}
	if !utf8.Valid(b) || !json.Valid(b) {
		t.Fatalf("invalid %s", b)
	}
}
