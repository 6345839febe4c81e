package templates

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"strconv"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// Differential tests: encoding/json (with UseNumber) is the oracle for what
// is valid JSON and for the value a document reads as. The one deliberate
// difference: we reject nesting deeper than jsonMaxDepth (encoding/json
// allows 10000).

// jsonDepth is the deepest nesting of arrays and objects in valid JSON.
func jsonDepth(data []byte) int {
	depth, max, inString := 0, 0, false
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '{' || c == '[':
			depth++
			max = maxInt(max, depth)
		case c == '}' || c == ']':
			depth--
		}
	}
	return max
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func jsonCheckAgainstStd(t fataler, data []byte) {
	d := jsonDecoder{data: data}
	doc := d.document()
	err := d.end()
	std, stdErr := jsonStdDecode(data)
	if stdErr == nil && !json.Valid(data) {
		stdErr = errors.New("invalid")
	}
	switch {
	case stdErr == nil && err != nil:
		if jsonDepth(data) > jsonMaxDepth && strings.Contains(err.Error(), "deep") {
			return
		}
		t.Fatalf("encoding/json accepts %q, we reject it: %v", data, err)
	case stdErr != nil && err == nil:
		t.Fatalf("encoding/json rejects %q (%v), we accept it as %#v", data, stdErr, doc)
	case err != nil:
		var je *jsonError
		if !errors.As(err, &je) || je.Offset < 0 || je.Offset > len(data) {
			t.Fatalf("%q: error %v is not a *jsonError with an offset in the input", data, err)
		}
		return
	}
	if !jsonSameDocument(doc, std) {
		t.Fatalf("%q: read as %#v, encoding/json reads %#v", data, doc, std)
	}
	// skip and raw agree with document on where the value ends.
	d = jsonDecoder{data: data}
	raw := d.raw()
	if err := d.end(); err != nil || !bytes.Equal(raw, bytes.TrimSpace(data)) {
		t.Fatalf("%q: raw() = %q, %v", data, raw, err)
	}
}

// jsonSameDocument is exact equality: json.Number text must match.
func jsonSameDocument(a, b any) bool {
	switch a := a.(type) {
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, v := range a {
			if w, ok := b[k]; !ok || !jsonSameDocument(v, w) {
				return false
			}
		}
		return true
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) || a == nil {
			return false
		}
		for i := range a {
			if !jsonSameDocument(a[i], b[i]) {
				return false
			}
		}
		return true
	}
	return a == b
}

var jsonSeedCorpus = []string{
	`{}`, `[]`, `null`, `true`, `false`, `0`, `-0`, `-0.5e-3`, `1E+2`, `""`, ` {"a" : [1, 2.5, "x", null, true, {"b":{}}]} `,
	`"\u00e9\ud83d\ude00\ud800\udc00\ud800x\udc00\"\\\/\b\f\n\r\t"`, "\"\xff\xfe\"", `{"a":1,"a":2}`,
	`[1,]`, `{"a":1,}`, `{"a"}`, `{a:1}`, `[01]`, `[1.]`, `[.5]`, `[1e]`, `[-]`, `"\x"`, `"\u12"`, "\"a\x01\"", `nul`, `[1 2]`,
	`{"a":1}}`, `[[[]]`, `"unterminated`, "\ufeff{}", `{"a":[1,2}`, `[{"a":1]}`, `tru`, `1 2`, ``, ` `,
	strings.Repeat("[", jsonMaxDepth) + strings.Repeat("]", jsonMaxDepth),
	strings.Repeat("[", jsonMaxDepth+1) + strings.Repeat("]", jsonMaxDepth+1),
}

func FuzzJSONDecoder(f *testing.F) {
	for _, s := range jsonSeedCorpus {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		jsonCheckAgainstStd(t, data)
	})
}

func TestJSONDecoderAgainstStd(t *testing.T) {
	for _, s := range jsonSeedCorpus {
		jsonCheckAgainstStd(t, []byte(s))
	}
	// Generated valid documents, written by encoding/json with random
	// whitespace between tokens.
	rapid.Check(t, func(t *rapid.T) {
		doc := jsonGenDocument(t, 0)
		enc, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := json.Indent(&buf, enc, rapid.SampledFrom([]string{"", " ", "\t"}).Draw(t, "prefix"), rapid.SampledFrom([]string{"", " ", "\r\n"}).Draw(t, "indent")); err != nil {
			t.Fatal(err)
		}
		jsonCheckAgainstStd(t, buf.Bytes())
	})
}

// Typed reads: each kind checks its range, as the member's Smithy type does.
func TestJSONDecoderNumbers(t *testing.T) {
	ok := func(in string, read func(*jsonDecoder) any, want any) {
		t.Helper()
		d := jsonDecoder{data: []byte(in)}
		got := read(&d)
		if err := d.end(); err != nil {
			t.Errorf("%s: %v", in, err)
			return
		}
		if f, isF := want.(float64); isF && math.IsNaN(f) {
			if g, _ := got.(float64); !math.IsNaN(g) {
				t.Errorf("%s: got %v, want NaN", in, got)
			}
			return
		}
		if got != want {
			t.Errorf("%s: got %v (%T), want %v (%T)", in, got, got, want, want)
		}
	}
	bad := func(in string, read func(*jsonDecoder) any, msg string) {
		t.Helper()
		d := jsonDecoder{data: []byte(in)}
		read(&d)
		err := d.end()
		var je *jsonError
		if !errors.As(err, &je) || !strings.Contains(je.Msg, msg) {
			t.Errorf("%s: error %v, want a *jsonError containing %q", in, err, msg)
		}
	}
	i8 := func(d *jsonDecoder) any { return d.int8() }
	i16 := func(d *jsonDecoder) any { return d.int16() }
	i32 := func(d *jsonDecoder) any { return d.int32() }
	i64 := func(d *jsonDecoder) any { return d.int64() }
	f32 := func(d *jsonDecoder) any { return d.float32() }
	f64 := func(d *jsonDecoder) any { return d.float64() }
	ok("127", i8, int8(127))
	ok("-128", i8, int8(-128))
	bad("128", i8, "out of range")
	bad("-129", i8, "out of range")
	ok("-32768", i16, int16(-32768))
	bad("32768", i16, "out of range")
	ok("2147483647", i32, int32(math.MaxInt32))
	bad("2147483648", i32, "out of range")
	ok("-9223372036854775808", i64, int64(math.MinInt64))
	ok("9223372036854775807", i64, int64(math.MaxInt64))
	bad("9223372036854775808", i64, "out of range")
	bad("99999999999999999999999", i64, "out of range")
	ok("-0", i32, int32(0))
	bad("1.0", i32, "not an integer")
	bad("1e2", i32, "not an integer")
	bad(`"1"`, i32, "want a number, found a string")
	ok("null", i32, int32(0))
	ok("1.5", f64, 1.5)
	ok("-0.0", f64, math.Copysign(0, -1))
	ok("1e308", f64, 1e308)
	bad("1e309", f64, "out of range")
	ok("3.4028234663852886e38", f32, float32(math.MaxFloat32))
	bad("3.5e38", f32, "out of range")
	ok("1.1", f32, float32(1.1))
	ok(`"NaN"`, f64, math.NaN())
	ok(`"Infinity"`, f64, math.Inf(1))
	ok(`"-Infinity"`, f32, float32(math.Inf(-1)))
	bad(`"nan"`, f64, `cannot read "nan"`)
	bad(`"1.5"`, f64, `cannot read "1.5"`)
	bad("true", f64, "want a number, found a boolean")
	ok("null", f64, float64(0))
	big := func(d *jsonDecoder) any { return d.bigInt().String() }
	ok("-123456789012345678901234567890", big, "-123456789012345678901234567890")
	bad("1.5", big, "not an integer")
	bigF := func(d *jsonDecoder) any { return d.bigFloat().Text('g', 22) }
	ok("12345678901234567890.5", bigF, "12345678901234567890.5")
	ok("-1e-2", bigF, "-0.01")
	bigInteger := func(d *jsonDecoder) any { return d.bigFloat().Text('f', 0) }
	ok("123456789012345678901234567890123456789", bigInteger, "123456789012345678901234567890123456789")
}

// Compliance response bodies read into the values their params give.
func TestJSONDecoderCompliance(t *testing.T) {
	read := func(t *testing.T, body string, each func(d *jsonDecoder, key string)) {
		t.Helper()
		d := jsonDecoder{data: []byte(body)}
		for d.member() {
			each(&d, string(d.key))
		}
		if err := d.end(); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{
		"RestJsonSimpleScalarProperties",
		"RestJsonSupportsNaNFloatInputs", "RestJsonSupportsInfinityFloatInputs", "RestJsonSupportsNegativeInfinityFloatInputs",
	} {
		t.Run(id, func(t *testing.T) {
			c := restCase(t, "response", id)
			read(t, *c.Body, func(d *jsonDecoder, key string) {
				var got, want any
				switch key {
				case "stringValue":
					got, want = d.string(), c.Params[key]
				case "trueBooleanValue", "falseBooleanValue":
					got, want = d.bool(), c.Params[key]
				case "byteValue":
					got, want = d.int8(), int8(restParamInt(t, c.Params[key]))
				case "shortValue":
					got, want = d.int16(), int16(restParamInt(t, c.Params[key]))
				case "integerValue":
					got, want = d.int32(), int32(restParamInt(t, c.Params[key]))
				case "longValue":
					got, want = d.int64(), restParamInt(t, c.Params[key])
				case "floatValue":
					f, w := d.float32(), float32(restParamFloat(t, c.Params[key]))
					if f != w && !(f != f && w != w) {
						t.Errorf("%s: %v, want %v", key, f, w)
					}
					return
				case "DoubleDribble":
					f, w := d.float64(), restParamFloat(t, c.Params["doubleValue"])
					if f != w && !(math.IsNaN(f) && math.IsNaN(w)) {
						t.Errorf("%s: %v, want %v", key, f, w)
					}
					return
				default:
					t.Fatalf("unexpected member %s", key)
				}
				if got != want {
					t.Errorf("%s: %v, want %v", key, got, want)
				}
			})
		})
	}
	for _, c := range []struct {
		id, member string
		format     int
	}{
		{"RestJsonJsonTimestamps", "normal", timeEpochSeconds},
		{"RestJsonJsonTimestampsWithDateTimeFormat", "dateTime", timeDateTime},
		{"RestJsonJsonTimestampsWithEpochSecondsFormat", "epochSeconds", timeEpochSeconds},
		{"RestJsonJsonTimestampsWithHttpDateFormat", "httpDate", timeHTTPDate},
		{"RestJsonDateTimeWithFractionalSeconds", "datetime", timeDateTime},
		{"AwsJson11DateTimeWithNegativeOffset", "datetime", timeDateTime},
		{"AwsJson11DateTimeWithPositiveOffset", "datetime", timeDateTime},
	} {
		t.Run(c.id, func(t *testing.T) {
			tc := restCase(t, "response", c.id)
			want := restParamTime(t, tc.Params[c.member])
			read(t, *tc.Body, func(d *jsonDecoder, key string) {
				if key != c.member {
					t.Fatalf("unexpected member %s", key)
				}
				if got := d.timePtr(c.format); got == nil || !got.Equal(want) {
					t.Errorf("%v, want %v", got, want)
				}
			})
		})
	}
	t.Run("RestJsonJsonBlobs", func(t *testing.T) {
		tc := restCase(t, "response", "RestJsonJsonBlobs")
		read(t, *tc.Body, func(d *jsonDecoder, key string) {
			if got := d.blob(); string(got) != tc.Params["data"] {
				t.Errorf("%q, want %q", got, tc.Params["data"])
			}
		})
	})
	for _, id := range []string{"DocumentOutput", "DocumentOutputString", "DocumentOutputNumber", "DocumentOutputBoolean", "DocumentOutputArray", "DocumentTypeAsMapValueOutput"} {
		t.Run(id, func(t *testing.T) {
			tc := restCase(t, "response", id)
			read(t, *tc.Body, func(d *jsonDecoder, key string) {
				if got := d.document(); !jsonSameDocument(got, tc.Params[key]) {
					t.Errorf("%s: %#v, want %#v", key, got, tc.Params[key])
				}
			})
		})
	}
	t.Run("AwsJson11SparseListsDeserializeNull", func(t *testing.T) {
		tc := restCase(t, "response", "AwsJson11SparseListsDeserializeNull")
		read(t, *tc.Body, func(d *jsonDecoder, key string) {
			var got []*string
			for d.item() {
				got = append(got, d.stringPtr())
			}
			want := tc.Params[key].([]any)
			if len(got) != len(want) {
				t.Fatalf("%d elements, want %d", len(got), len(want))
			}
			for i := range want {
				if (want[i] == nil) != (got[i] == nil) || got[i] != nil && *got[i] != want[i] {
					t.Errorf("element %d: %v, want %v", i, got[i], want[i])
				}
			}
		})
	})
	t.Run("AwsJson11StructuresDontDeserializeNullValues", func(t *testing.T) {
		tc := restCase(t, "response", "AwsJson11StructuresDontDeserializeNullValues")
		read(t, *tc.Body, func(d *jsonDecoder, key string) {
			if d.stringPtr() != nil {
				t.Errorf("%s: null read as a value", key)
			}
		})
	})
}

func TestJSONDecoderStrings(t *testing.T) {
	for in, want := range map[string]string{
		`"plain"`:                              "plain",
		`"\ud83d\ude00"`:                       "😀",
		`"\uD83D\uDE00"`:                       "😀",
		`"\ud800"`:                             "\uFFFD",
		`"\udc00\ud800"`:                       "\uFFFD\uFFFD",
		`"\ud800\u0041"`:                       "\uFFFDA",
		`"\ud800\ud800\udc00"`:                 "\uFFFD𐀀",
		`"a\/b\\c\"d\b\f\n\r\tz"`:              "a/b\\c\"d\b\f\n\r\tz",
		"\"raw é\"":                            "raw é",
		"\"bad\xffutf8\xc3\"":                  "bad\uFFFDutf8\uFFFD",
		`"\u0000"`:                             "\x00",
		`null`:                                 "",
		` "  spaced  " `:                       "  spaced  ",
		`"` + strings.Repeat("x", 300) + `\n"`: strings.Repeat("x", 300) + "\n",
	} {
		d := jsonDecoder{data: []byte(in)}
		if got := d.string(); got != want || d.end() != nil {
			t.Errorf("%s: %q (%v), want %q", in, got, d.err, want)
		}
	}
}

// Errors carry the byte offset of the problem.
func TestJSONDecoderErrorOffsets(t *testing.T) {
	for _, c := range []struct {
		in     string
		offset int
		msg    string
	}{
		{`{"a":1,}`, 7, "want a member name, found '}'"},
		{`[1,2}`, 4, "want ',' or ']', found '}'"},
		{`{"a" 1}`, 5, "want ':', found a number"},
		{`{"a":tru}`, 5, "invalid literal"},
		{"\"ab\x01\"", 3, "control character"},
		{`"ab\q"`, 3, "invalid escape"},
		{`"abc`, 0, "unterminated string"},
		{`[1.]`, 3, "want a digit after '.'"},
		{`{"a":1} x`, 8, "data after the top-level value"},
		{``, 0, "unexpected end of input, want a value"},
		{`{"a":`, 5, "unexpected end of input"},
	} {
		d := jsonDecoder{data: []byte(c.in)}
		d.skip()
		err := d.end()
		var je *jsonError
		if !errors.As(err, &je) {
			t.Errorf("%q: error %v, want a *jsonError", c.in, err)
			continue
		}
		if je.Offset != c.offset || !strings.Contains(je.Msg, c.msg) {
			t.Errorf("%q: %v, want offset %d and %q", c.in, err, c.offset, c.msg)
		}
	}
	// A value of the wrong type inside a structure.
	d := jsonDecoder{data: []byte(`{"name": "x", "count": "seven"}`)}
	for d.member() {
		switch string(d.key) {
		case "name":
			d.string()
		case "count":
			d.int32()
		}
	}
	if err := d.end(); err == nil || err.Error() != `json: offset 23: want a number, found a string` {
		t.Errorf("got %v", err)
	}
	// After an error every read is a zero value and loops end.
	if d.member() || d.item() || d.string() != "" || d.int64() != 0 || d.document() != nil {
		t.Error("reads after an error return values")
	}
}

func TestJSONDecoderDepthLimit(t *testing.T) {
	deep := strings.Repeat(`{"a":`, jsonMaxDepth+1) + "1" + strings.Repeat("}", jsonMaxDepth+1)
	d := jsonDecoder{data: []byte(deep)}
	d.document()
	if err := d.end(); err == nil || !strings.Contains(err.Error(), "nested more than 1000 deep") {
		t.Errorf("document: %v", err)
	}
	d = jsonDecoder{data: []byte(deep)}
	d.skip()
	if err := d.end(); err == nil {
		t.Error("skip accepted nesting beyond the limit")
	}
	// A megabyte of '[' must fail fast, not exhaust the stack.
	d = jsonDecoder{data: bytes.Repeat([]byte{'['}, 1<<20)}
	d.skip()
	if d.end() == nil {
		t.Error("unterminated deep nesting accepted")
	}
	ok := strings.Repeat("[", jsonMaxDepth) + strings.Repeat("]", jsonMaxDepth)
	d = jsonDecoder{data: []byte(ok)}
	d.skip()
	if err := d.end(); err != nil {
		t.Errorf("nesting at the limit: %v", err)
	}
}

// jsonWidget mirrors the structure in the example at the top of runtime_json.go.
type jsonWidget struct {
	Name  *string
	Count *int32
	Tags  []string
	Inner *jsonWidget
	When  *time.Time
	Doc   any
	Extra map[string]*int64
}

func jsonReadWidget(d *jsonDecoder) *jsonWidget {
	if d.null() {
		return nil
	}
	v := &jsonWidget{}
	for d.member() {
		switch string(d.key) {
		case "name":
			v.Name = d.stringPtr()
		case "count":
			v.Count = d.int32Ptr()
		case "tags":
			if d.null() {
				continue
			}
			v.Tags = []string{}
			for d.item() {
				v.Tags = append(v.Tags, d.string())
			}
		case "inner":
			v.Inner = jsonReadWidget(d)
		case "when":
			v.When = d.timePtr(timeEpochSeconds)
		case "doc":
			v.Doc = d.document()
		case "extra":
			if d.null() {
				continue
			}
			v.Extra = map[string]*int64{}
			for d.member() {
				k := string(d.key)
				v.Extra[k] = d.int64Ptr()
			}
		default:
			d.skip()
		}
	}
	return v
}

func TestJSONDecoderDrivesGeneratedStyleCode(t *testing.T) {
	body := `{"name":"w","unknown":{"deep":[1,{"x":null}]},"count":3,"tags":[],"inner":{"name":"i","tags":["a","b"],"inner":null},
	"when":1576540098.5,"doc":{"n":12345678901234567890},"extra":{"a":1,"b":null}}`
	d := jsonDecoder{data: []byte(body)}
	w := jsonReadWidget(&d)
	if err := d.end(); err != nil {
		t.Fatal(err)
	}
	if *w.Name != "w" || *w.Count != 3 || w.Tags == nil || len(w.Tags) != 0 || *w.Inner.Name != "i" ||
		strings.Join(w.Inner.Tags, ",") != "a,b" || w.Inner.Inner != nil || !w.When.Equal(time.Unix(1576540098, 5e8)) ||
		w.Doc.(map[string]any)["n"] != json.Number("12345678901234567890") || *w.Extra["a"] != 1 || w.Extra["b"] != nil || len(w.Extra) != 2 {
		t.Fatalf("got %+v", w)
	}
}

// A member name and the scalar reads do not allocate (strings do, once).
func TestJSONDecoderAllocs(t *testing.T) {
	data := []byte(`{"alpha":1,"beta":-2.5,"gamma":true,"delta":"2019-12-16T23:48:18Z","epsilon":null,"zeta":[1,2,3]}`)
	var sum float64
	allocs := testing.AllocsPerRun(100, func() {
		d := jsonDecoder{data: data}
		for d.member() {
			switch string(d.key) {
			case "alpha":
				sum += float64(d.int32())
			case "beta":
				sum += d.float64()
			case "gamma":
				d.bool()
			case "delta":
				sum += float64(d.time(timeDateTime).Unix())
			case "zeta":
				for d.item() {
					sum += float64(d.int64())
				}
			default:
				d.skip()
			}
		}
		if d.end() != nil {
			panic(d.err)
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations, want 0", allocs)
	}
}

func TestJSONDecoderRawAndPeek(t *testing.T) {
	d := jsonDecoder{data: []byte(` {"known": 1, "futureMember": {"a": [1, "}"]} } `)}
	var tag string
	var raw []byte
	for d.member() {
		switch string(d.key) {
		case "known":
			d.int32()
		default:
			tag = string(d.key)
			if d.peek() != '{' {
				t.Errorf("peek = %q", d.peek())
			}
			raw = d.raw()
		}
	}
	if err := d.end(); err != nil || tag != "futureMember" || string(raw) != `{"a": [1, "}"]}` {
		t.Errorf("tag %q raw %q err %v", tag, raw, err)
	}
	d = jsonDecoder{data: []byte(" \n ")}
	if !d.eof() {
		t.Error("whitespace is not eof")
	}
}

func TestJSONDecoderBlobsAndTimes(t *testing.T) {
	d := jsonDecoder{data: []byte(`["", "YQ==", "YWI\/", null, "YQ"]`)}
	var got []string
	var nils []bool
	for d.item() {
		b := d.blob()
		got = append(got, string(b))
		nils = append(nils, b == nil)
		if d.err != nil {
			break
		}
	}
	if err := d.end(); err == nil || !strings.Contains(err.Error(), `cannot read "YQ" as base64 blob`) {
		t.Errorf("unpadded base64: %v", err)
	}
	if strings.Join(got[:4], ",") != ",a,ab?," {
		t.Errorf("got %q", got)
	}
	if nils[0] || !nils[3] {
		t.Errorf("empty blob nil=%v, null blob nil=%v", nils[0], nils[3])
	}
	for _, c := range []struct {
		in     string
		format int
		want   time.Time
		err    string
	}{
		{`1398796238`, timeEpochSeconds, time.Unix(1398796238, 0), ""},
		{`1398796238.123`, timeEpochSeconds, time.Unix(1398796238, 123e6), ""},
		{`1.5e3`, timeEpochSeconds, time.Unix(1500, 0), ""},
		{`"1398796238"`, timeEpochSeconds, time.Time{}, "want a number, found a string"},
		{`"2014-04-29T18:30:38Z"`, timeDateTime, time.Unix(1398796238, 0), ""},
		{`"Tue, 29 Apr 2014 18:30:38 GMT"`, timeHTTPDate, time.Unix(1398796238, 0), ""},
		{`"Tue, 29 Apr 2014 18:30:38 GMT"`, timeDateTime, time.Time{}, "invalid date-time"},
		{`null`, timeDateTime, time.Time{}, ""},
	} {
		d := jsonDecoder{data: []byte(c.in)}
		got := d.time(c.format)
		err := d.end()
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: %v, want error %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || !got.Equal(c.want) {
			t.Errorf("%s: %v %v, want %v", c.in, got, err, c.want)
		}
	}
}

// Typed reads agree with strconv on any number text.
func FuzzJSONNumbers(f *testing.F) {
	for _, s := range []string{"0", "-1", "127", "-129", "1.5", "1e3", "9223372036854775808", "1e309", "-0.0", "3.4e38", "00", "1.", "+1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = string(jsonTrimSpace([]byte(s))) // whitespace around a value is fine, strconv refuses it
		valid := jsonIsNumber(s)
		for _, bits := range []int{8, 16, 32, 64} {
			d := jsonDecoder{data: []byte(s)}
			got := d.integer(bits)
			err := d.end()
			want, stdErr := strconv.ParseInt(s, 10, bits)
			isInt := valid && !strings.ContainsAny(s, ".eE")
			switch {
			case !valid && err == nil:
				t.Fatalf("%q read as int%d %d", s, bits, got)
			case isInt && (stdErr == nil) != (err == nil):
				t.Fatalf("%q int%d: %v, strconv: %v", s, bits, err, stdErr)
			case isInt && err == nil && got != want:
				t.Fatalf("%q int%d = %d, want %d", s, bits, got, want)
			}
		}
		for _, bits := range []int{32, 64} {
			d := jsonDecoder{data: []byte(s)}
			got := d.float(bits)
			err := d.end()
			want, stdErr := strconv.ParseFloat(s, bits)
			switch {
			case !valid && err == nil:
				t.Fatalf("%q read as float%d %v", s, bits, got)
			case valid && (stdErr == nil) != (err == nil):
				t.Fatalf("%q float%d: %v, strconv: %v", s, bits, err, stdErr)
			case valid && err == nil && got != want && !(math.IsNaN(got) && math.IsNaN(want)):
				t.Fatalf("%q float%d = %v, want %v", s, bits, got, want)
			}
		}
		if valid {
			d := jsonDecoder{data: []byte(s)}
			n := d.bigFloat()
			if err := d.end(); err != nil {
				// Only exponents big.Float cannot hold may fail.
				if _, _, stdErr := big.ParseFloat(s, 10, 64, big.ToNearestEven); stdErr == nil {
					t.Fatalf("%q bigFloat: %v", s, err)
				}
				return
			}
			if want, _, err := big.ParseFloat(s, 10, n.Prec(), big.ToNearestEven); err != nil || want.Cmp(n) != 0 {
				t.Fatalf("%q bigFloat = %v, want %v (%v)", s, n, want, err)
			}
		}
	})
}

// Pointers from the shared chunks are distinct variables.
func TestJSONDecoderPointersAreIndependent(t *testing.T) {
	d := jsonDecoder{data: []byte(`[` + strings.Repeat(`"s",1,`, 300) + `"end",2]`)}
	var strs []*string
	var ints []*int64
	for d.item() {
		strs = append(strs, d.stringPtr())
		d.item()
		ints = append(ints, d.int64Ptr())
	}
	if err := d.end(); err != nil {
		t.Fatal(err)
	}
	*strs[0], *ints[0] = "changed", 99
	for i := 1; i < len(strs); i++ {
		if *strs[i] != "s" && !(i == len(strs)-1 && *strs[i] == "end") || *ints[i] != 1 && !(i == len(ints)-1 && *ints[i] == 2) {
			t.Fatalf("element %d: %q %d", i, *strs[i], *ints[i])
		}
	}
}

func TestJSONEnum(t *testing.T) {
	type class string
	known := []class{"STANDARD", "GLACIER"}
	d := jsonDecoder{data: []byte(`["GLACIER","NEW_CLASS",null]`)}
	var got []class
	for d.item() {
		got = append(got, jsonEnum(&d, known))
	}
	if d.end() != nil || len(got) != 3 || got[0] != "GLACIER" || got[1] != "NEW_CLASS" || got[2] != "" {
		t.Fatalf("%q %v", got, d.err)
	}
	data := []byte(`"STANDARD"`)
	if n := testing.AllocsPerRun(100, func() {
		d := jsonDecoder{data: data}
		jsonEnum(&d, known)
	}); n != 0 {
		t.Errorf("a known enum value allocates %v times", n)
	}
}
