package ec2

// The harness of the differential tests against the SDK release made from
// the same model, service/ec2 v1.23.0: its client on a fake transport,
// conversion between this package's types and the SDK's, and random values
// for every kind of member the model has.

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/ec2"
	smithymw "github.com/aws/smithy-go/middleware"
	smithyrand "github.com/aws/smithy-go/rand"
	"pgregory.net/rapid"
)

// propertyChecks is how many cases each operation gets in each property
// test unless -rapid.checks or RAPID_CHECKS asks for another number.
const propertyChecks = 100

// checksAtDefault says propertyChecks is in force, so the tests can insist
// on their coverage figures.
var checksAtDefault bool

func TestMain(m *testing.M) {
	flag.Parse()
	checksAtDefault = setFlagDefault("rapid.checks", "RAPID_CHECKS", strconv.Itoa(propertyChecks))
	// Fail files would land in testdata/, which the generator owns; a
	// failure prints its seed instead.
	setFlagDefault("rapid.nofailfile", "RAPID_NOFAILFILE", "true")
	os.Exit(m.Run())
}

// setFlagDefault sets one of rapid's flags unless the command line or the
// environment already did, and reports whether it did.
func setFlagDefault(name, env, value string) bool {
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	if _, ok := os.LookupEnv(env); ok || given {
		return false
	}
	if err := flag.Set(name, value); err != nil {
		panic(err) // rapid registers these flags when it loads
	}
	return true
}

// operation is one operation with this package's input and output types;
// operations_test.go lists them all.
type operation struct {
	name    string
	in, out reflect.Type
}

// fakeEC2 is the SDK's transport: it keeps the last request's body and
// answers every request with status and body.
type fakeEC2 struct {
	status int
	body   []byte
	sent   bytes.Buffer
	req    *http.Request
}

func (f *fakeEC2) RoundTrip(r *http.Request) (*http.Response, error) {
	f.sent.Reset()
	f.req = r
	if r.Body != nil {
		if _, err := f.sent.ReadFrom(r.Body); err != nil {
			return nil, err
		}
		r.Body.Close()
	}
	return &http.Response{
		Status:        strconv.Itoa(f.status) + " " + http.StatusText(f.status),
		StatusCode:    f.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        http.Header{"Content-Type": {"text/xml;charset=UTF-8"}},
		Body:          io.NopCloser(bytes.NewReader(f.body)),
		ContentLength: int64(len(f.body)),
		Request:       r,
	}, nil
}

// newSDKClient returns an SDK client that sends to fake: static credentials,
// a fixed region and no retries, so every call makes one request.
func newSDKClient(fake *fakeEC2) *sdk.Client {
	return sdk.New(sdk.Options{
		Region: "us-east-1",
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", Source: "interop test"}, nil
		}),
		HTTPClient: &http.Client{Transport: fake},
		Retryer:    aws.NopRetryer{},
	})
}

// sdkTokens makes the SDK draw its idempotency tokens from b.
func sdkTokens(b []byte) func(*sdk.Options) {
	return func(o *sdk.Options) {
		o.IdempotencyTokenProvider = smithyrand.NewUUIDIdempotencyToken(bytes.NewReader(b))
	}
}

// sdkNoPresign takes CopySnapshot's presigning out of the SDK's stack: it
// fills members the caller left unset (see the README).
func sdkNoPresign(o *sdk.Options) {
	o.APIOptions = append(o.APIOptions, func(s *smithymw.Stack) error {
		s.Initialize.Remove("Presign") // absent but in CopySnapshot
		return nil
	})
}

// sdkUnvalidated takes the SDK's input validation out of its stack, so it
// serializes what it would reject.
func sdkUnvalidated(o *sdk.Options) {
	o.APIOptions = append(o.APIOptions, func(s *smithymw.Stack) error {
		s.Initialize.Remove("OperationInputValidation") // absent where nothing is required
		return nil
	})
}

// sdkMethod is the SDK client's method for op, with its input type.
func sdkMethod(client *sdk.Client, op string) (reflect.Value, reflect.Type) {
	m := reflect.ValueOf(client).MethodByName(op)
	if !m.IsValid() {
		return m, nil
	}
	return m, m.Type().In(1).Elem()
}

// callSDK calls an SDK method found by sdkMethod with in and opts.
func callSDK(m reflect.Value, in any, opts ...func(*sdk.Options)) (any, error) {
	args := []reflect.Value{reflect.ValueOf(context.Background()), reflect.ValueOf(in)}
	for _, o := range opts {
		args = append(args, reflect.ValueOf(o))
	}
	res := m.Call(args)
	err, _ := res[1].Interface().(error)
	return res[0].Interface(), err
}

// sdkHidden are members the SDK keeps unexported, to be filled by its
// middleware: this package's field has no counterpart there.
var sdkHidden = map[string]bool{
	"CopySnapshotInput.DestinationRegion": true,
}

// timeType is time.Time, copied whole rather than field by field.
var timeType = reflect.TypeFor[time.Time]()

// convert copies src into dst, where one is this package's type and the
// other the SDK's. Struct fields pair up by name (ResultMetadata aside, its
// types differ by design) and named types must have the same name: a field
// or type without a counterpart is an error, since switching between the
// two packages is meant to take no more than changing an import.
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
	case reflect.Struct:
		if src.Type() == timeType {
			dst.Set(src)
			return nil
		}
		a, b := fieldNames(src.Type()), fieldNames(dst.Type())
		if !slices.Equal(a, b) {
			return fmt.Errorf("%s: fields %v against %v", path, a, b)
		}
		for _, name := range a {
			if err := convert(dst.FieldByName(name), src.FieldByName(name), path+"."+name); err != nil {
				return err
			}
		}
	case reflect.String:
		dst.SetString(src.String())
	case reflect.Bool:
		dst.SetBool(src.Bool())
	case reflect.Int32, reflect.Int64:
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

// fieldNames lists a struct's exported fields, sorted, but ResultMetadata
// and the fields the SDK hides.
func fieldNames(t reflect.Type) []string {
	var names []string
	for f := range t.Fields() {
		if f.IsExported() && f.Name != "ResultMetadata" && !sdkHidden[t.Name()+"."+f.Name] {
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

// enum is a string type's Values(), with a generator over them.
type enum struct {
	values []string
	pick   *rapid.Generator[string]
}

var enums = map[reflect.Type]*enum{}

// enumOf returns the Values() of a string type that has them, or nil.
func enumOf(t reflect.Type) *enum {
	if e, ok := enums[t]; ok {
		return e
	}
	var e *enum
	if m, ok := t.MethodByName("Values"); ok && t.Kind() == reflect.String {
		vs := m.Func.Call([]reflect.Value{reflect.Zero(t)})[0]
		e = &enum{values: make([]string, vs.Len())}
		for i := range e.values {
			e.values[i] = vs.Index(i).String()
		}
		e.pick = spread(e.values)
	}
	enums[t] = e
	return e
}

// spread picks any of values about as often as any other: rapid leans
// towards the first elements of a slice, so it sums two indices.
func spread(values []string) *rapid.Generator[string] {
	n := len(values)
	index := rapid.IntRange(0, n-1)
	return rapid.Custom(func(t *rapid.T) string {
		return values[(index.Draw(t, "index")+index.Draw(t, "offset"))%n]
	})
}

// Characters that query encoding and XML treat specially, whitespace, and
// a spread of non-ASCII.
var specialRunes = []rune("&=+%?#/;:@!$'()*,[]~-_.\"<>\\^`{|} \t\n\ré日本語🙂\u00a0\u2028\ufeff\U0010fffd")

// requestString covers everything a Go string can hold, invalid UTF-8 too:
// the query encoding works on bytes.
var requestString = rapid.OneOf(
	rapid.Just(""),
	rapid.StringOf(rapid.SampledFrom(specialRunes)),
	rapid.String(),
	rapid.Map(rapid.SliceOf(rapid.Byte()), func(b []byte) string { return string(b) }),
)

// isXMLChar is XML 1.0's Char production: what a document can carry.
func isXMLChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= utf8.MaxRune
}

// responseString is what a response document can carry.
var responseString = rapid.OneOf(
	rapid.Just(""),
	rapid.StringOf(rapid.SampledFrom(specialRunes)),
	rapid.StringOf(rapid.Rune().Filter(isXMLChar)),
)

var (
	anyFloat64 = rapid.OneOf(rapid.Float64(), rapid.SampledFrom([]float64{0, math.Copysign(0, -1), 1, -1.5, 1e21, 1e-7, math.MaxFloat64,
		math.SmallestNonzeroFloat64, math.Inf(1), math.Inf(-1), math.NaN()}))
	anyFloat32 = rapid.OneOf(rapid.Float32(), rapid.SampledFrom([]float32{0, float32(math.Copysign(0, -1)), 1, -1.5, 1e21, 1e-7, math.MaxFloat32,
		math.SmallestNonzeroFloat32, float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN())}))
	listKind   = rapid.IntRange(0, 5)
	topLength  = rapid.IntRange(1, 15)
	deepLength = rapid.IntRange(1, 3)
	enumKind   = rapid.IntRange(0, 9)
	blob       = rapid.SliceOfN(rapid.Byte(), 1, 40)
	// Instants between years 1 and 9999 in every time zone, which every
	// format writes.
	unixSeconds = rapid.Int64Range(time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC).Unix(), time.Date(9999, 12, 30, 23, 59, 59, 0, time.UTC).Unix())
	nanos       = rapid.OneOf(rapid.Just(0), rapid.IntRange(0, 999)) // times a million, or not
	nanosFine   = rapid.IntRange(0, 999_999_999)
	zones       = rapid.SampledFrom([]*time.Location{time.UTC, time.FixedZone("", 0), time.FixedZone("", 5*3600+30*60), time.FixedZone("", -7*3600)})
)

// drawTime draws an instant with a spread of precisions and time zones.
func drawTime(t *rapid.T) time.Time {
	ns := nanos.Draw(t, "milliseconds") * int(time.Millisecond)
	if rapid.Bool().Draw(t, "finer than milliseconds") {
		ns = nanosFine.Draw(t, "nanoseconds")
	}
	return time.Unix(unixSeconds.Draw(t, "seconds"), int64(ns)).In(zones.Draw(t, "zone"))
}

// coverage records what the random values of one operation held.
type coverage struct {
	set                        map[string]bool // "Type.Field" given a non-zero value
	emptyLists, longLists      int
	unknownEnums, emptyStrings int
}

func newCoverage() *coverage { return &coverage{set: map[string]bool{}} }

// knownEnums records, over all operations, which values of each enum were
// drawn.
var knownEnums = map[reflect.Type]map[string]bool{}

func sawEnum(t reflect.Type, v string) {
	if knownEnums[t] == nil {
		knownEnums[t] = map[string]bool{}
	}
	knownEnums[t][v] = true
}

// fill draws a random value into v, one of this package's types: pointers
// are nil one time in eight, strings sometimes empty, lists nil, empty or
// 1 to 15 long (1 to 3 inside another list, to keep documents small),
// enums known values, unknown ones or unset, numbers anywhere in their
// range, NaN and infinities included. lists is how many lists v is in.
func fill(t *rapid.T, v reflect.Value, str *rapid.Generator[string], label string, lists int, cov *coverage) {
	switch v.Kind() {
	case reflect.Pointer:
		// Three fair coins, as rapid's integers lean towards small values.
		if rapid.Bool().Draw(t, label) && rapid.Bool().Draw(t, label) && rapid.Bool().Draw(t, label) {
			v.SetZero()
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(t, v.Elem(), str, label, lists, cov)
	case reflect.Slice:
		k := listKind.Draw(t, label)
		switch {
		case k == 0:
			v.SetZero()
			return
		case k == 1:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			cov.emptyLists++
			return
		case v.Type().Elem().Kind() == reflect.Uint8:
			v.SetBytes(blob.Draw(t, label))
			return
		}
		n := deepLength.Draw(t, label)
		if lists == 0 {
			n = topLength.Draw(t, label)
		}
		if n >= 10 {
			cov.longLists++
		}
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := range n {
			fill(t, v.Index(i), str, label, lists+1, cov)
		}
	case reflect.Struct:
		if v.Type() == timeType {
			v.Set(reflect.ValueOf(drawTime(t)))
			return
		}
		typ := v.Type().Name()
		for _, name := range fieldNames(v.Type()) {
			f := v.FieldByName(name)
			fill(t, f, str, name, lists, cov)
			if !f.IsZero() || f.Kind() == reflect.Slice && !f.IsNil() {
				cov.set[typ+"."+name] = true
			}
		}
	case reflect.String:
		e := enumOf(v.Type())
		if e == nil {
			s := str.Draw(t, label)
			if s == "" {
				cov.emptyStrings++
			}
			v.SetString(s)
			return
		}
		switch enumKind.Draw(t, label) {
		case 0:
			v.SetString("")
		case 1, 2:
			s := str.Draw(t, label)
			if !slices.Contains(e.values, s) {
				cov.unknownEnums++
			}
			v.SetString(s)
		default:
			k := e.pick.Draw(t, label)
			v.SetString(k)
			sawEnum(v.Type(), k)
		}
	case reflect.Bool:
		v.SetBool(rapid.Bool().Draw(t, label))
	case reflect.Int32:
		v.SetInt(int64(rapid.Int32().Draw(t, label)))
	case reflect.Int64:
		v.SetInt(rapid.Int64().Draw(t, label))
	case reflect.Float32:
		v.SetFloat(float64(anyFloat32.Draw(t, label)))
	case reflect.Float64:
		v.SetFloat(anyFloat64.Draw(t, label))
	default:
		t.Fatalf("%s: no generator for %s", label, v.Type())
	}
}

// members lists "Type.Field" for every field of every structure reachable
// from t: what the random values of an operation should all set.
func members(t reflect.Type) []string {
	seen := map[reflect.Type]bool{}
	var out []string
	var walk func(reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || t == timeType || seen[t] {
			return
		}
		seen[t] = true
		for _, name := range fieldNames(t) {
			out = append(out, t.Name()+"."+name)
			f, _ := t.FieldByName(name)
			walk(f.Type)
		}
	}
	walk(t)
	slices.Sort(out)
	return out
}

// missed lists the members of t that cov never saw set.
func (cov *coverage) missed(t reflect.Type) []string {
	var out []string
	for _, m := range members(t) {
		if !cov.set[m] {
			out = append(out, m)
		}
	}
	return out
}

// setMembers records in cov every field of v that holds a value.
func setMembers(v reflect.Value, cov *coverage) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			setMembers(v.Elem(), cov)
		}
	case reflect.Slice:
		for i := range v.Len() {
			setMembers(v.Index(i), cov)
		}
	case reflect.Struct:
		if v.Type() == timeType {
			return
		}
		for _, name := range fieldNames(v.Type()) {
			f := v.FieldByName(name)
			if !f.IsZero() || f.Kind() == reflect.Slice && !f.IsNil() {
				cov.set[v.Type().Name()+"."+name] = true
				setMembers(f, cov)
			}
		}
	}
}

// equal reports whether a and b, of one of this package's types, hold the
// same values: NaNs equal NaNs and times the same instant. It is cmp.Diff's
// verdict at a fraction of its cost; cmp.Diff explains a difference.
func equal(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return equal(a.Elem(), b.Elem())
	case reflect.Slice:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !equal(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Struct:
		if a.Type() == timeType {
			return a.Interface().(time.Time).Equal(b.Interface().(time.Time))
		}
		for i := range a.NumField() {
			if a.Type().Field(i).IsExported() && !equal(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Float32, reflect.Float64:
		x, y := a.Float(), b.Float()
		return x == y || math.IsNaN(x) && math.IsNaN(y)
	}
	return a.Equal(b)
}
