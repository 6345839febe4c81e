package lambda

// The harness of the differential tests: an SDK client whose transport is
// a fake, the operation table's entries, conversion between this package's
// types and the SDK's, and random values of this package's types.

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

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"pgregory.net/rapid"
)

// propertyChecks is how many cases each property test runs unless
// -rapid.checks or RAPID_CHECKS asks for another number.
const propertyChecks = 200

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

// endpoint is where the SDK sends requests in us-east-1, and so where
// this package's requests go too.
const endpoint = "https://lambda.us-east-1.amazonaws.com"

// fakeLambda is the SDK's transport: it keeps the last request and its
// body, and answers with resp.
type fakeLambda struct {
	req  *http.Request
	sent []byte
	resp func() *http.Response
}

func (f *fakeLambda) RoundTrip(r *http.Request) (*http.Response, error) {
	f.req, f.sent = r, nil
	if r.Body != nil {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		r.Body.Close()
		f.sent = b
	}
	resp := f.resp()
	resp.Request = r
	return resp, nil
}

// newSDKClient returns an SDK client that sends to fake: static
// credentials, a fixed region and no retries, so every call makes at most
// one request.
func newSDKClient(fake *fakeLambda) *sdk.Client {
	return sdk.New(sdk.Options{
		Region: "us-east-1",
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", Source: "interop test"}, nil
		}),
		HTTPClient: &http.Client{Transport: fake},
		Retryer:    aws.NopRetryer{},
	})
}

// operation is one operation's functions, here and in the SDK, with the
// types hidden so a table can hold them all.
type operation struct {
	name    string
	input   reflect.Type // this package's input struct
	sdkIn   reflect.Type // the SDK's
	build   func(ctx context.Context, in any) (*http.Request, error)
	decode  func(resp *http.Response) (any, error) // a *Output
	decErr  func(resp *http.Response) error
	minimal func() any // a valid input
	call    func(c *sdk.Client, in any) (any, error)
}

func entry[I, O, S, SO any](name string,
	build func(context.Context, *I, string) (*http.Request, error),
	decode func(*http.Response, *O) error,
	decErr func(*http.Response) error,
	minimal func() *I,
	call func(*sdk.Client, context.Context, *S, ...func(*sdk.Options)) (*SO, error),
) operation {
	return operation{
		name:  name,
		input: reflect.TypeFor[I](),
		sdkIn: reflect.TypeFor[S](),
		build: func(ctx context.Context, in any) (*http.Request, error) {
			return build(ctx, in.(*I), endpoint)
		},
		decode: func(resp *http.Response) (any, error) {
			out := new(O)
			return out, decode(resp, out)
		},
		decErr:  decErr,
		minimal: func() any { return minimal() },
		call: func(c *sdk.Client, in any) (any, error) {
			return call(c, context.Background(), in.(*S))
		},
	}
}

// convert copies src into dst, where one is this package's type and the
// other the SDK's. Struct fields pair up by name (ResultMetadata aside:
// its types differ by design) and named types must have the same name: a
// field or type without a counterpart is an error, since switching
// between the two packages is meant to take no more than an import.
// Streams are read and replaced by new readers of what they held, one
// for each side.
func convert(dst, src reflect.Value, path string) error {
	if src.Type() == dst.Type() && (src.Type() == reflect.TypeFor[time.Time]() || src.Kind() == reflect.Interface && !isStream(src.Type())) {
		dst.Set(src)
		return nil
	}
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
	case reflect.Map:
		if src.IsNil() {
			dst.SetZero()
			return nil
		}
		dst.Set(reflect.MakeMapWithSize(dst.Type(), src.Len()))
		for it := src.MapRange(); it.Next(); {
			k := reflect.New(dst.Type().Key()).Elem()
			k.SetString(it.Key().String())
			v := reflect.New(dst.Type().Elem()).Elem()
			if err := convert(v, it.Value(), path+"["+it.Key().String()+"]"); err != nil {
				return err
			}
			dst.SetMapIndex(k, v)
		}
	case reflect.Struct:
		if a, b := fieldNames(src.Type()), fieldNames(dst.Type()); !slices.Equal(a, b) {
			return fmt.Errorf("%s: fields %v against %v", path, a, b)
		}
		for _, name := range fieldNames(src.Type()) {
			if err := convert(dst.FieldByName(name), src.FieldByName(name), path+"."+name); err != nil {
				return err
			}
		}
	case reflect.Interface:
		if src.IsNil() {
			dst.SetZero()
			return nil
		}
		data, err := io.ReadAll(src.Interface().(io.Reader))
		if err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
		src.Set(reflect.ValueOf(newStream(src.Type(), data)))
		dst.Set(reflect.ValueOf(newStream(dst.Type(), data)))
	case reflect.String:
		dst.SetString(src.String())
	case reflect.Bool:
		dst.SetBool(src.Bool())
	case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Int:
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

// isStream reports an io.Reader or io.ReadCloser field.
func isStream(t reflect.Type) bool {
	return t.Kind() == reflect.Interface && t.Implements(reflect.TypeFor[io.Reader]())
}

// newStream is a reader of data for a field of type t.
func newStream(t reflect.Type, data []byte) any {
	if t == reflect.TypeFor[io.ReadCloser]() {
		return io.NopCloser(bytes.NewReader(data))
	}
	return bytes.NewReader(data)
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
	Fatal(args ...any)
}

// mustConvert copies *src into *dst.
func mustConvert(t fataler, dst, src any) {
	t.Helper()
	if err := convert(reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem(), reflect.TypeOf(src).Elem().Name()); err != nil {
		t.Fatal(err)
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

// Characters that paths, query strings, headers and JSON treat specially,
// whitespace, and a spread of non-ASCII.
var specialRunes = []rune("&=+%?#/;:@!$'()*,[]~-_.\"<>\\^`{|} \té日本語🙂\u00a0\u2028\ufeff\U0010fffd")

// randomString is any valid UTF-8 (JSON carries nothing else), with the
// special characters often.
var randomString = rapid.OneOf(
	rapid.Just(""),
	rapid.StringOf(rapid.SampledFrom(specialRunes)),
	rapid.String(),
)

// fill draws a random value into v, one of this package's types: pointers
// are sometimes nil, strings sometimes empty, lists and maps nil, empty
// or up to 4 long, enums known values, unknown ones or unset.
func fill(t *rapid.T, v reflect.Value, label string, depth int) {
	switch v.Kind() {
	case reflect.Pointer:
		if rapid.IntRange(0, 7).Draw(t, label+" nil") == 0 || depth > 6 {
			v.SetZero()
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(t, v.Elem(), label, depth+1)
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			if rapid.IntRange(0, 5).Draw(t, label+" nil") > 0 {
				v.SetBytes(rapid.SliceOf(rapid.Byte()).Draw(t, label))
			}
			return
		}
		n := rapid.IntRange(-1, 4).Draw(t, label+" length")
		if n < 0 || depth > 6 {
			v.SetZero()
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := range n {
			fill(t, v.Index(i), label+"["+strconv.Itoa(i)+"]", depth+1)
		}
	case reflect.Map:
		n := rapid.IntRange(-1, 4).Draw(t, label+" size")
		if n < 0 || depth > 6 {
			v.SetZero()
			return
		}
		v.Set(reflect.MakeMapWithSize(v.Type(), n))
		for i := range n {
			k := reflect.New(v.Type().Key()).Elem()
			k.SetString(randomString.Draw(t, label+" key"))
			e := reflect.New(v.Type().Elem()).Elem()
			fill(t, e, label+"["+strconv.Itoa(i)+"]", depth+1)
			v.SetMapIndex(k, e)
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			// 1700 to 2200: the SDK formats epoch seconds through
			// UnixNano, which overflows 292 years from 1970.
			ms := rapid.Int64Range(-8520336000000, 7258118400000).Draw(t, label)
			v.Set(reflect.ValueOf(time.UnixMilli(ms).UTC()))
			return
		}
		for _, name := range fieldNames(v.Type()) {
			fill(t, v.FieldByName(name), label+"."+name, depth+1)
		}
	case reflect.Interface:
		if isStream(v.Type()) && rapid.IntRange(0, 5).Draw(t, label+" nil") > 0 {
			v.Set(reflect.ValueOf(newStream(v.Type(), rapid.SliceOf(rapid.Byte()).Draw(t, label))))
		}
	case reflect.String:
		values, isEnum := enumValues(v.Type())
		if !isEnum {
			v.SetString(randomString.Draw(t, label))
			return
		}
		switch rapid.IntRange(0, 9).Draw(t, label+" kind") {
		case 0:
			v.SetString("")
		case 1:
			v.SetString(randomString.Draw(t, label+" unknown"))
		default:
			v.SetString(rapid.SampledFrom(values).Draw(t, label))
		}
	case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		bits := v.Type().Bits()
		v.SetInt(rapid.Int64Range(-1<<(bits-1), 1<<(bits-1)-1).Draw(t, label))
	case reflect.Bool:
		v.SetBool(rapid.Bool().Draw(t, label))
	case reflect.Float64, reflect.Float32:
		f := rapid.OneOf(rapid.Float64(), rapid.SampledFrom([]float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, 1e21, 1e-7})).Draw(t, label)
		if v.Kind() == reflect.Float32 {
			f = float64(float32(f))
		}
		v.SetFloat(f)
	default:
		t.Fatalf("%s: no generator for %s", label, v.Type())
	}
}
