package kms

// Differential tests of an awsJson package against AWS's Go SDK: random
// inputs must give the SDK's request, random responses and errors must
// decode to what the SDK decodes. This file is the same in
// interop/dynamodb/dynamodb and interop/kms/kms but for its package
// clause (TestHarnessMatchesSibling keeps them so); it reaches both
// packages' types through reflection, and what differs lives in
// sdk_*_test.go: the SDK client, the operation table, the union
// variants and the facts read from the model.

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io"
	"math"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

// propertyChecks is how many cases each operation's property tests run
// unless -rapid.checks or RAPID_CHECKS asks for another number.
const propertyChecks = 100

var update = flag.Bool("update", false, "rewrite sdk_model_test.go from the model in ../shared")

func TestMain(m *testing.M) {
	flag.Parse()
	setFlagDefault("rapid.checks", "RAPID_CHECKS", strconv.Itoa(propertyChecks))
	// Fail files would land in testdata/, which the generator owns; a
	// failure prints its seed instead.
	setFlagDefault("rapid.nofailfile", "RAPID_NOFAILFILE", "true")
	os.Exit(m.Run())
}

// setFlagDefault sets one of rapid's flags unless the command line or the
// environment already did.
func setFlagDefault(name, env, value string) {
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	if _, ok := os.LookupEnv(env); ok || given {
		return
	}
	if err := flag.Set(name, value); err != nil {
		panic(err) // rapid registers these flags when it loads
	}
}

// TestHarnessMatchesSibling keeps this file the same in both modules.
func TestHarnessMatchesSibling(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Base(wd)
	sibling := map[string]string{"dynamodb": "kms", "kms": "dynamodb"}[pkg]
	if sibling == "" {
		t.Fatalf("run from interop/dynamodb/dynamodb or interop/kms/kms, not %s", wd)
	}
	body := func(path string) string {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		_, rest, _ := strings.Cut(string(data), "\n") // the package clause differs
		return rest
	}
	if body("harness_test.go") != body(filepath.Join("..", "..", sibling, sibling, "harness_test.go")) {
		t.Errorf("harness_test.go differs from ../../%s/%s/harness_test.go; copy the edited one over the other (keeping its package clause)", sibling, sibling)
	}
}

// fakeAWS is the SDK's transport and the source of our responses: it keeps
// the last request the SDK sent and answers with status, header and body.
type fakeAWS struct {
	status int
	header http.Header
	body   []byte
	req    *http.Request
	sent   []byte
}

func (f *fakeAWS) RoundTrip(r *http.Request) (*http.Response, error) {
	f.req, f.sent = r, nil
	if r.Body != nil {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		r.Body.Close()
		f.sent = b
	}
	return f.response(r), nil
}

func (f *fakeAWS) response(r *http.Request) *http.Response {
	h := f.header.Clone()
	if h == nil {
		h = http.Header{}
	}
	return &http.Response{
		Status:        strconv.Itoa(f.status) + " " + http.StatusText(f.status),
		StatusCode:    f.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        h,
		Body:          io.NopCloser(bytes.NewReader(f.body)),
		ContentLength: int64(len(f.body)),
		Request:       r,
	}
}

// withoutValidation takes the SDK's input validation out of its stack, so
// that it serializes whatever it is given, as this package's request
// builders do (NewRequest validates; the builders do not).
func withoutValidation(s *middleware.Stack) error {
	if _, ok := s.Initialize.Get("OperationInputValidation"); !ok {
		return nil // an operation without required members has none
	}
	_, err := s.Initialize.Remove("OperationInputValidation")
	return err
}

// variantPair is a union variant type here and in the SDK.
type variantPair struct{ ours, sdk reflect.Type }

// unions indexes unionVariants (sdk_*_test.go): variants by union type,
// and each type's counterpart.
var unions = func() (u struct {
	variants map[reflect.Type][]reflect.Type
	pair     map[reflect.Type]reflect.Type
}) {
	u.variants = map[reflect.Type][]reflect.Type{}
	u.pair = map[reflect.Type]reflect.Type{}
	for _, p := range unionVariants {
		u.pair[p.ours], u.pair[p.sdk] = p.sdk, p.ours
		if p.ours.Name() == "UnknownUnionMember" {
			continue
		}
		for _, it := range unionInterfaces {
			if reflect.PointerTo(p.ours).Implements(it) {
				u.variants[it] = append(u.variants[it], p.ours)
			}
		}
	}
	return u
}()

var timeType = reflect.TypeFor[time.Time]()

// convert copies src into dst, where one is this package's type and the
// other the SDK's. Struct fields pair up by name (ResultMetadata aside) and
// named types must have the same name: a field or type without a
// counterpart is an error, since switching between the two packages is
// meant to take no more than changing an import.
func convert(dst, src reflect.Value, path string) error {
	if dst.Kind() != src.Kind() || dst.Type().Name() != src.Type().Name() {
		return fmt.Errorf("%s: %s against %s", path, src.Type(), dst.Type())
	}
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			dst.SetZero()
			return nil
		}
		dst.Set(reflect.New(dst.Type().Elem()))
		return convert(dst.Elem(), src.Elem(), path)
	case reflect.Interface:
		if src.IsNil() {
			dst.SetZero()
			return nil
		}
		variant := src.Elem().Type().Elem()
		other, ok := unions.pair[variant]
		if !ok {
			return fmt.Errorf("%s: union variant %s is not in unionVariants", path, variant)
		}
		v := reflect.New(other)
		if err := convert(v.Elem(), src.Elem().Elem(), path+"."+variant.Name()); err != nil {
			return err
		}
		dst.Set(v)
	case reflect.Slice:
		if src.IsNil() {
			dst.SetZero()
			return nil
		}
		dst.Set(reflect.MakeSlice(dst.Type(), src.Len(), src.Len()))
		for i := range src.Len() {
			if err := convert(dst.Index(i), src.Index(i), path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
	case reflect.Map:
		if src.IsNil() {
			dst.SetZero()
			return nil
		}
		dst.Set(reflect.MakeMapWithSize(dst.Type(), src.Len()))
		for _, k := range src.MapKeys() {
			e := reflect.New(dst.Type().Elem()).Elem()
			if err := convert(e, src.MapIndex(k), path+"["+k.String()+"]"); err != nil {
				return err
			}
			dst.SetMapIndex(k.Convert(dst.Type().Key()), e)
		}
	case reflect.Struct:
		if src.Type() == timeType {
			dst.Set(src)
			return nil
		}
		if a, b := fieldNames(src.Type()), fieldNames(dst.Type()); !slices.Equal(a, b) {
			return fmt.Errorf("%s: fields %v against %v", path, a, b)
		}
		for _, name := range fieldNames(src.Type()) {
			if err := convert(dst.FieldByName(name), src.FieldByName(name), path+"."+name); err != nil {
				return err
			}
		}
	case reflect.String:
		dst.SetString(src.String())
	case reflect.Bool:
		dst.SetBool(src.Bool())
	case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		dst.SetInt(src.Int())
	case reflect.Uint8:
		dst.SetUint(src.Uint())
	case reflect.Float32, reflect.Float64:
		dst.SetFloat(src.Float())
	default:
		return fmt.Errorf("%s: cannot convert %s", path, src.Type())
	}
	return nil
}

// fieldNames lists a struct's exported fields but ResultMetadata, sorted.
func fieldNames(t reflect.Type) []string {
	var names []string
	for f := range t.Fields() {
		if f.IsExported() && f.Name != "ResultMetadata" {
			names = append(names, f.Name)
		}
	}
	slices.Sort(names)
	return names
}

// fataler is what testing.TB and *rapid.T have in common here.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

func mustConvert(t fataler, dst, src any) {
	t.Helper()
	if err := convert(reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem(), reflect.TypeOf(src).Elem().Name()); err != nil {
		t.Fatalf("%v", err)
	}
}

// enumValues returns the Values() of a string type that has them.
func enumValues(t reflect.Type) ([]string, bool) {
	m, ok := t.MethodByName("Values")
	if !ok || t.Kind() != reflect.String {
		return nil, false
	}
	vs := m.Func.Call([]reflect.Value{reflect.Zero(t)})[0]
	out := make([]string, vs.Len())
	for i := range out {
		out[i] = vs.Index(i).String()
	}
	return out, true
}

// Characters JSON escapes or treats specially, and a spread of non-ASCII.
var specialRunes = []rune("\"\\/\b\f\n\r\t\x00\x1f\x7f<>&'é日本語🙂\u00a0\u2028\u2029\ufeff\U0010fffd")

// requestString covers everything a Go string can hold, invalid UTF-8
// too, which both sides send as U+FFFD.
var requestString = rapid.OneOf(
	rapid.Just(""),
	rapid.StringOf(rapid.SampledFrom(specialRunes)),
	rapid.String(),
	rapid.Map(rapid.SliceOf(rapid.Byte()), func(b []byte) string { return string(b) }),
)

// responseString is valid UTF-8, as a JSON document holds.
var responseString = rapid.OneOf(
	rapid.Just(""),
	rapid.StringOf(rapid.SampledFrom(specialRunes)),
	rapid.String(),
)

// drawStats counts what the random values covered, to show the properties
// ran over what they claim to.
type drawStats struct {
	cases, compared, failedBoth, sdkInvalid              int
	nils, emptyLists, emptyMaps, unions, unknownEnums    int
	specialFloats, times, blobs, unknownMembers, maxNest int
}

// drawer draws random values of this package's types.
type drawer struct {
	t      *rapid.T
	str    *rapid.Generator[string]
	st     *drawStats
	output bool // required members are always set, as a server sends them
	depth  int
	// nonNil asks the next collection or blob drawn to be there, if empty.
	nonNil bool
}

func (d *drawer) draw(v reflect.Value, label string) {
	d.depth++
	defer func() { d.depth-- }()
	d.st.maxNest = max(d.st.maxNest, d.depth)
	deep := d.depth > 6
	t := d.t
	switch v.Kind() {
	case reflect.Pointer:
		if deep || rapid.IntRange(0, 7).Draw(t, label+" is nil") == 0 {
			d.st.nils++
			v.SetZero()
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		d.draw(v.Elem(), label)
	case reflect.Interface:
		variants := unions.variants[v.Type()]
		if len(variants) == 0 {
			t.Fatalf("%s: no variants listed for %s", label, v.Type())
		}
		if deep {
			// Stop recursion with a variant that holds no union.
			variants = variants[:1]
		}
		vt := rapid.SampledFrom(variants).Draw(t, label+" variant")
		x := reflect.New(vt)
		// A response's variant holding nil would be a null member, which
		// is no member at all.
		d.nonNil = d.output
		d.draw(x.Elem().FieldByName("Value"), label+"."+vt.Name())
		d.nonNil = false
		v.Set(x)
		d.st.unions++
	case reflect.Slice:
		nonNil := d.nonNil
		d.nonNil = false
		if v.Type().Elem().Kind() == reflect.Uint8 {
			d.st.blobs++
			if !nonNil && rapid.IntRange(0, 5).Draw(t, label+" is nil") == 0 {
				v.SetZero()
				return
			}
			v.SetBytes(rapid.SliceOf(rapid.Byte()).Draw(t, label))
			return
		}
		n := 0
		switch k := rapid.IntRange(0, 5).Draw(t, label+" kind"); {
		case (k == 0 || deep) && !nonNil:
			v.SetZero()
			return
		case k <= 1 || deep:
			d.st.emptyLists++
		default:
			n = rapid.IntRange(1, 4).Draw(t, label+" length")
		}
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := range n {
			d.draw(v.Index(i), label+"["+strconv.Itoa(i)+"]")
		}
	case reflect.Map:
		nonNil := d.nonNil
		d.nonNil = false
		n := 0
		switch k := rapid.IntRange(0, 5).Draw(t, label+" kind"); {
		case (k == 0 || deep) && !nonNil:
			v.SetZero()
			return
		case k <= 1 || deep:
			d.st.emptyMaps++
		default:
			n = rapid.IntRange(1, 4).Draw(t, label+" size")
		}
		v.Set(reflect.MakeMapWithSize(v.Type(), n))
		for i := range n {
			// Keys are valid UTF-8: two invalid ones could be sent as the
			// same key, leaving which value counts to map order.
			k := reflect.New(v.Type().Key()).Elem()
			k.SetString(responseString.Draw(t, label+" key"))
			e := reflect.New(v.Type().Elem()).Elem()
			d.draw(e, label+"["+strconv.Itoa(i)+"]")
			v.SetMapIndex(k, e)
		}
	case reflect.Struct:
		if v.Type() == timeType {
			d.st.times++
			// Milliseconds, what epoch-seconds timestamps carry, in the
			// years 1678 to 2262: the SDK goes through UnixNano.
			ms := rapid.Int64Range(math.MinInt64/int64(time.Millisecond)+1, math.MaxInt64/int64(time.Millisecond)-1).Draw(t, label)
			if d.output && sdkEpochMillis(float64(ms)/1000) != ms {
				// The SDK reads seconds as a float64 and truncates the
				// milliseconds, losing one where the float falls short
				// (1.001 reads as 1.000); this package reads the decimal.
				// Only times the SDK reads right can be compared.
				ms = ms / 1000 * 1000
			}
			v.Set(reflect.ValueOf(time.UnixMilli(ms).UTC()))
			return
		}
		required := requiredMembers[v.Type().Name()]
		for _, name := range fieldNames(v.Type()) {
			f := v.FieldByName(name)
			if d.output && slices.Contains(required, name) && f.Kind() == reflect.Pointer {
				f.Set(reflect.New(f.Type().Elem()))
				d.draw(f.Elem(), label+"."+name)
				continue
			}
			d.draw(f, label+"."+name)
			if !d.output || !slices.Contains(required, name) || !f.IsZero() {
				continue
			}
			// A required list, map or blob is there, if empty.
			switch f.Kind() {
			case reflect.Slice:
				f.Set(reflect.MakeSlice(f.Type(), 0, 0))
			case reflect.Map:
				f.Set(reflect.MakeMap(f.Type()))
			}
		}
	case reflect.String:
		values, isEnum := enumValues(v.Type())
		if !isEnum || rapid.IntRange(0, 9).Draw(t, label+" unknown") == 0 {
			s := d.str.Draw(t, label)
			if isEnum && !slices.Contains(values, s) {
				d.st.unknownEnums++
			}
			v.SetString(s)
			return
		}
		v.SetString(rapid.SampledFrom(values).Draw(t, label))
	case reflect.Bool:
		v.SetBool(rapid.Bool().Draw(t, label))
	case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		bits := v.Type().Bits()
		v.SetInt(rapid.Int64Range(-1<<(bits-1), 1<<(bits-1)-1).Draw(t, label))
	case reflect.Float32, reflect.Float64:
		f := rapid.Float64().Draw(t, label)
		if rapid.IntRange(0, 9).Draw(t, label+" special") == 0 {
			d.st.specialFloats++
			f = rapid.SampledFrom([]float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, math.MaxFloat64}).Draw(t, label)
		}
		if v.Kind() == reflect.Float32 {
			f = float64(float32(f))
		}
		v.SetFloat(f)
	default:
		t.Fatalf("%s: no generator for %s", label, v.Type())
	}
}

// sdkEpochMillis is the SDK's reading of epoch seconds: the float64
// times 1000, in exact arithmetic, truncated to an integer.
func sdkEpochMillis(sec float64) int64 {
	ms, _ := new(big.Float).Mul(big.NewFloat(sec), big.NewFloat(1e3)).Int64()
	return ms
}

// writeJSON writes v, a value of this package's types, as the service
// would send it, with encoding/json and none of the generated code:
// members under their Go field names (which are the model's member names
// here), unions as one-member objects, timestamps as epoch seconds, blobs
// in base64, NaN and infinities as strings. Unknown members are sprinkled
// in, which decoders must skip.
func writeJSON(t *rapid.T, v reflect.Value, st *drawStats, label string) any {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return writeJSON(t, v.Elem(), st, label)
	case reflect.Interface:
		if v.IsNil() {
			return nil
		}
		x := v.Elem().Elem()
		tag := strings.TrimPrefix(x.Type().Name(), v.Type().Name()+"Member")
		return map[string]any{tag: writeJSON(t, x.FieldByName("Value"), st, label+"."+tag)}
	case reflect.Slice:
		if v.IsNil() {
			return nil
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return base64.StdEncoding.EncodeToString(v.Bytes())
		}
		out := []any{}
		for i := range v.Len() {
			out = append(out, writeJSON(t, v.Index(i), st, label))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return nil
		}
		out := map[string]any{}
		for _, k := range v.MapKeys() {
			out[k.String()] = writeJSON(t, v.MapIndex(k), st, label)
		}
		return out
	case reflect.Struct:
		if v.Type() == timeType {
			tm := v.Interface().(time.Time)
			return json.Number(strconv.FormatFloat(float64(tm.UnixMilli())/1000, 'f', -1, 64))
		}
		out := map[string]any{}
		for _, name := range fieldNames(v.Type()) {
			f := v.FieldByName(name)
			switch f.Kind() {
			case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
				if f.IsNil() {
					continue
				}
			case reflect.String:
				if f.String() == "" {
					continue // an unset enum
				}
			}
			out[name] = writeJSON(t, f, st, label+"."+name)
		}
		if rapid.IntRange(0, 5).Draw(t, label+" unknown member") == 0 {
			st.unknownMembers++
			out["SmithyTwoGoUnknown"] = map[string]any{"a": []any{1.5, nil, "x", map[string]any{}}, "b": true}
		}
		return out
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return v.Bool()
	case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return json.Number(strconv.FormatInt(v.Int(), 10))
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		switch {
		case math.IsNaN(f):
			return "NaN"
		case math.IsInf(f, 1):
			return "Infinity"
		case math.IsInf(f, -1):
			return "-Infinity"
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, v.Type().Bits()))
	}
	t.Fatalf("%s: cannot write %s", label, v.Type())
	return nil
}

// sameJSON compares two JSON texts as values, numbers by value.
func sameJSON(a, b []byte) (bool, error) {
	var x, y any
	for _, p := range []struct {
		data []byte
		v    *any
	}{{a, &x}, {b, &y}} {
		d := json.NewDecoder(bytes.NewReader(p.data))
		d.UseNumber()
		if err := d.Decode(p.v); err != nil {
			return false, err
		}
	}
	return cmp.Equal(x, y, cmp.Comparer(func(a, b json.Number) bool {
		fa, erra := a.Float64()
		fb, errb := b.Float64()
		return a == b || erra == nil && errb == nil && fa == fb
	})), nil
}

// sdkSend sends an input with the SDK through fake, drawing idempotency
// tokens from tokens.
type sdkSend[S any] func(fake *fakeAWS, in *S, tokens []byte) error

// checkRequests draws random inputs for one operation and checks that the
// SDK and this package's request builder agree on them: both fail, or
// both send a POST to / with the same Content-Type and X-Amz-Target and
// bodies that are the same JSON value.
func checkRequests[I, S any](t *testing.T, build func(context.Context, *I, string) (*http.Request, error), send sdkSend[S]) {
	fake := &fakeAWS{status: 200, body: []byte("{}")}
	saved := idempotencyTokenSource
	defer func() { idempotencyTokenSource = saved }()
	var st drawStats
	rapid.Check(t, func(rt *rapid.T) {
		st.cases++
		in := new(I)
		(&drawer{t: rt, str: requestString, st: &st}).draw(reflect.ValueOf(in).Elem(), "input")
		sdkIn := new(S)
		mustConvert(rt, sdkIn, in)
		tokens := rapid.SliceOfN(rapid.Byte(), 16, 16).Draw(rt, "token bytes")
		sdkErr := send(fake, sdkIn, tokens)
		idempotencyTokenSource = bytes.NewReader(tokens)
		var endpoint string
		if fake.req != nil {
			endpoint = fake.req.URL.Scheme + "://" + fake.req.URL.Host
		}
		req, ourErr := build(context.Background(), in, endpoint)
		if sdkErr != nil || ourErr != nil {
			if sdkErr == nil || ourErr == nil {
				rt.Fatalf("SDK: %v; ours: %v", sdkErr, ourErr)
			}
			st.failedBoth++
			return
		}
		body, err := io.ReadAll(req.Body)
		if err != nil {
			rt.Fatal(err)
		}
		for _, h := range []string{"Content-Type", "X-Amz-Target", "Content-Encoding"} {
			if got, want := req.Header.Get(h), fake.req.Header.Get(h); got != want {
				rt.Fatalf("header %s: %q, SDK %q", h, got, want)
			}
		}
		if req.Method != fake.req.Method || req.URL.String() != fake.req.URL.String() {
			rt.Fatalf("%s %s, SDK %s %s", req.Method, req.URL, fake.req.Method, fake.req.URL)
		}
		if !json.Valid(fake.sent) {
			// The SDK writes a nil element of a list or map of unions or
			// blobs as nothing at all ([,x] or {"k":}); this package leaves
			// a union out and writes a blob as null. Its body must be JSON.
			if !json.Valid(body) {
				rt.Fatalf("body is not JSON: %s", body)
			}
			st.sdkInvalid++
			return
		}
		same, err := sameJSON(body, fake.sent)
		if err != nil || !same {
			rt.Fatalf("bodies differ (%v):\nours %s\n SDK %s", err, body, fake.sent)
		}
		st.compared++
	})
	t.Logf("%d cases: %d requests compared, %d failed on both sides, %d the SDK wrote as invalid JSON; %d nils, %d empty lists, %d empty maps, %d union values, %d unknown enum values, %d special floats, %d times, %d blobs, nesting %d",
		st.cases, st.compared, st.failedBoth, st.sdkInvalid, st.nils, st.emptyLists, st.emptyMaps, st.unions, st.unknownEnums, st.specialFloats, st.times, st.blobs, st.maxNest)
	if st.compared == 0 && !t.Failed() {
		t.Error("no request compared")
	}
}

// sdkReceive calls an operation with the SDK through fake and returns its
// output or error.
type sdkReceive[SO any] func(fake *fakeAWS) (*SO, error)

// cmpOptions compare decoded values: NaN equals NaN, and UnknownUnionMember
// by tag only, since the SDK's JSON decoders drop the value this package
// keeps.
var cmpOptions = cmp.Options{
	cmpopts.EquateNaNs(),
	cmp.FilterPath(func(p cmp.Path) bool {
		sf, ok := p.Last().(cmp.StructField)
		return ok && sf.Name() == "Value" && p.Index(-2).Type().Name() == "UnknownUnionMember"
	}, cmp.Ignore()),
}

// checkResponses draws random outputs, writes each as a response body,
// and checks that this package decodes it to what the SDK decodes, and
// that the SDK reads back what was drawn (which shows the writer right).
func checkResponses[O, SO any](t *testing.T, decode func(*http.Response, *O) error, receive sdkReceive[SO]) {
	fake := &fakeAWS{status: 200}
	var st drawStats
	rapid.Check(t, func(rt *rapid.T) {
		st.cases++
		want := new(O)
		(&drawer{t: rt, str: responseString, st: &st, output: true}).draw(reflect.ValueOf(want).Elem(), "output")
		body, err := json.Marshal(writeJSON(rt, reflect.ValueOf(want).Elem(), &st, "output"))
		if err != nil {
			rt.Fatal(err)
		}
		fake.body = body
		requestID := responseString.Draw(rt, "request ID")
		fake.header = http.Header{"Content-Type": {"application/x-amz-json-1.0"}, "X-Amzn-Requestid": {requestID}}
		sdkOut, err := receive(fake)
		if err != nil {
			rt.Fatalf("SDK: %v\nbody: %s", err, body)
		}
		fromSDK := new(O)
		mustConvert(rt, fromSDK, sdkOut)
		if diff := cmp.Diff(want, fromSDK, cmpOptions); diff != "" {
			rt.Fatalf("the SDK did not read back the drawn output (-drawn +SDK):\n%s\nbody: %s", diff, body)
		}
		got := new(O)
		if err := decode(fake.response(nil), got); err != nil {
			rt.Fatalf("ours: %v\nbody: %s", err, body)
		}
		meta := reflect.ValueOf(got).Elem().FieldByName("ResultMetadata")
		if id := meta.FieldByName("RequestID").String(); id != requestID {
			rt.Fatalf("RequestID %q, want %q", id, requestID)
		}
		meta.SetZero()
		if diff := cmp.Diff(fromSDK, got, cmpOptions); diff != "" {
			rt.Fatalf("decoded output differs (-SDK +ours):\n%s\nbody: %s", diff, body)
		}
		st.compared++
	})
	t.Logf("%d bodies decoded alike; %d unknown members skipped, %d union values, %d unknown enum values, %d special floats, nesting %d",
		st.compared, st.unknownMembers, st.unions, st.unknownEnums, st.specialFloats, st.maxNest)
}

// errorCase is an error response: the error type, how it is spelled and
// where it is sent, and the message, if any.
type errorCase struct {
	status          int
	name, spelling  string // spelling: "", "namespace", "uri" or "lower"
	where           string // "header", "__type", "code" or "" (nowhere)
	messageKey, msg string // messageKey "" for none
	requestID       string
	notJSON         bool
}

func (c errorCase) response(fake *fakeAWS) {
	typ := c.name
	switch c.spelling {
	case "namespace":
		typ = "com.amazonaws.example#" + typ
	case "uri":
		typ += ":http://internal.amazon.com/coral/com.amazon.example/"
	case "lower":
		typ = strings.ToLower(typ)
	}
	fake.status = c.status
	fake.header = http.Header{"X-Amzn-Requestid": {c.requestID}}
	obj := map[string]any{}
	switch c.where {
	case "header":
		fake.header.Set("X-Amzn-Errortype", typ)
	case "__type", "code":
		obj[c.where] = typ
	}
	if c.messageKey != "" {
		obj[c.messageKey] = c.msg
	}
	fake.body, _ = json.Marshal(obj)
	if c.notJSON {
		fake.body = []byte("<html>Service Unavailable</html>")
	}
}

// checkErrors answers the SDK with error responses, every error type of
// the model in every place it can be named and then random ones, and
// checks that this package's error decoder finds the same error type,
// code, message and request ID. met counts the error types decoded.
func checkErrors[SO any](t *testing.T, decodeError func(*http.Response) error, receive sdkReceive[SO], met map[string]int) {
	fake := &fakeAWS{}
	for _, name := range append(slices.Clone(errorNames), "NotAModeledError") {
		for i, where := range []string{"header", "__type", "code"} {
			c := errorCase{status: 400, name: name, where: where, spelling: []string{"uri", "namespace", "lower"}[i], messageKey: "message", msg: "m", requestID: "r"}
			compareError(t, fake, c, decodeError, receive, met)
		}
	}
	rapid.Check(t, func(rt *rapid.T) {
		c := errorCase{
			status:    rapid.SampledFrom([]int{400, 403, 404, 409, 413, 429, 500, 503}).Draw(rt, "status"),
			name:      rapid.SampledFrom(append(slices.Clone(errorNames), "NotAModeledError")).Draw(rt, "error"),
			spelling:  rapid.SampledFrom([]string{"", "namespace", "uri", "lower"}).Draw(rt, "spelling"),
			where:     rapid.SampledFrom([]string{"header", "__type", "code", ""}).Draw(rt, "where"),
			requestID: responseString.Draw(rt, "request ID"),
			notJSON:   rapid.IntRange(0, 9).Draw(rt, "body is not JSON") == 0,
		}
		if rapid.Bool().Draw(rt, "has a message") {
			c.messageKey = rapid.SampledFrom([]string{"message", "Message"}).Draw(rt, "message key")
			c.msg = responseString.Draw(rt, "message")
		}
		compareError(rt, fake, c, decodeError, receive, met)
	})
}

func compareError[SO any](t fataler, fake *fakeAWS, c errorCase, decodeError func(*http.Response) error, receive sdkReceive[SO], met map[string]int) {
	t.Helper()
	c.response(fake)
	_, sdkErr := receive(fake)
	var sdkAPI smithy.APIError
	var sdkResp *awshttp.ResponseError
	if !errors.As(sdkErr, &sdkAPI) || !errors.As(sdkErr, &sdkResp) {
		// The SDK fails on a body that is not JSON; this package reads
		// what the header says.
		if c.notJSON {
			return
		}
		t.Fatalf("SDK error %v (%T) is not an API error\nbody: %s", sdkErr, sdkErr, fake.body)
	}
	ourErr := decodeError(fake.response(nil))
	var ours *APIError
	if !errors.As(ourErr, &ours) {
		t.Fatalf("ours: %v (%T), want an *APIError", ourErr, ourErr)
	}
	sdkType := reflect.TypeOf(sdkAPI).Elem().Name()
	ourType := "GenericAPIError"
	if ours.Err != nil {
		ourType = reflect.TypeOf(ours.Err).Elem().Name()
	}
	sdkMsg := sdkAPI.ErrorMessage()
	if sdkType == "GenericAPIError" && sdkMsg == "UnknownError" {
		// The SDK's message for an unmodeled error that has none.
		sdkMsg = ""
	}
	type fields struct{ Type, Code, Message, RequestID string }
	sdkFields := fields{sdkType, sdkAPI.ErrorCode(), sdkMsg, sdkResp.ServiceRequestID()}
	ourFields := fields{ourType, ours.ErrorCode(), ours.ErrorMessage(), ours.RequestID}
	if ours.Err != nil {
		// A modeled error reports its own code and message.
		me := ours.Err.(interface {
			ErrorCode() string
			ErrorMessage() string
		})
		ourFields.Code, ourFields.Message = me.ErrorCode(), me.ErrorMessage()
	}
	if diff := cmp.Diff(sdkFields, ourFields); diff != "" {
		t.Fatalf("error differs (-SDK +ours):\n%s\nheader: %v\nbody: %s", diff, fake.header, fake.body)
	}
	met[ourType]++
}

// checkErrorsMet requires every error type of the model to have been
// decoded by some operation.
func checkErrorsMet(t *testing.T, met map[string]int) {
	for _, name := range errorNames {
		if met[name] == 0 && !t.Failed() {
			t.Errorf("no operation decoded a %s (met: %v)", name, met)
		}
	}
}

// modelFacts reads what the tests need from the Smithy model: each
// structure's required members, by Go type name, and the error shapes'
// names. Operation inputs and outputs are named after the operation.
func modelFacts(model []byte) (required map[string][]string, errs []string, err error) {
	var m struct {
		Shapes map[string]struct {
			Type    string
			Input   struct{ Target string }
			Output  struct{ Target string }
			Members map[string]struct {
				Traits map[string]json.RawMessage
			}
			Traits map[string]json.RawMessage
		}
	}
	if err := json.Unmarshal(model, &m); err != nil {
		return nil, nil, err
	}
	// Each operation has input and output types of its own, even where
	// two share a shape.
	goNames := map[string][]string{}
	for id, s := range m.Shapes {
		if s.Type == "operation" {
			op := id[strings.IndexByte(id, '#')+1:]
			goNames[s.Input.Target] = append(goNames[s.Input.Target], op+"Input")
			goNames[s.Output.Target] = append(goNames[s.Output.Target], op+"Output")
		}
	}
	required = map[string][]string{}
	for id, s := range m.Shapes {
		if s.Type != "structure" {
			continue
		}
		names := goNames[id]
		if len(names) == 0 {
			names = []string{id[strings.IndexByte(id, '#')+1:]}
		}
		if _, ok := s.Traits["smithy.api#error"]; ok {
			errs = append(errs, names...)
		}
		var members []string
		for member, ms := range s.Members {
			if _, ok := ms.Traits["smithy.api#required"]; ok {
				members = append(members, strings.ToUpper(member[:1])+member[1:])
			}
		}
		sort.Strings(members)
		for _, name := range names {
			required[name] = members
		}
	}
	sort.Strings(errs)
	return required, errs, nil
}

// TestModelFacts checks sdk_model_test.go against the model in ../shared
// (-update rewrites it).
func TestModelFacts(t *testing.T) {
	path := filepath.Join("..", "..", "..", "..", "shared", "models", "aws", modelFile)
	model, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s is missing (a clone without the shared data); sdk_model_test.go cannot be checked against it", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	required, errs, err := modelFacts(model)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "// Code generated by TestModelFacts -update from %s. DO NOT EDIT.\n\npackage %s\n\n", modelFile, filepath.Base(mustGetwd(t)))
	b.WriteString("// requiredMembers are each structure's required members, by Go name.\nvar requiredMembers = map[string][]string{\n")
	names := make([]string, 0, len(required))
	for n := range required {
		if len(required[n]) > 0 {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(&b, "\t%q: {%s},\n", n, quoteAll(required[n]))
	}
	b.WriteString("}\n\n// errorNames are the service's error types.\nvar errorNames = []string{" + quoteAll(errs) + "}\n")
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("sdk_model_test.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	have, err := os.ReadFile("sdk_model_test.go")
	if err != nil || !bytes.Equal(have, src) {
		t.Errorf("sdk_model_test.go is stale; run go test -run TestModelFacts -update")
	}
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

func mustGetwd(t *testing.T) string {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}
