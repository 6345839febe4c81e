package s3

// The harness of the differential tests against AWS's SDK service/s3: an
// SDK client that sends to an in-process transport, conversion between
// this package's types and the SDK's (fields pair up by name, named types
// by name), random values of this package's types, and the S3 model read
// from ../shared for writing random response documents.

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/s3"
	"pgregory.net/rapid"
)

// propertyChecks is how many cases each property test runs unless
// -rapid.checks or RAPID_CHECKS asks for another number.
const propertyChecks = 400

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

func ref[T any](v T) *T { return &v }

// fakeS3 is the SDK's transport: it keeps the last request, its body read,
// and answers every request with status, header and body.
type fakeS3 struct {
	status int
	header http.Header
	body   []byte
	req    *http.Request
	sent   []byte
}

func (f *fakeS3) RoundTrip(r *http.Request) (*http.Response, error) {
	f.req, f.sent = r, nil
	if r.Body != nil {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		r.Body.Close()
		f.sent = b
	}
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
	}, nil
}

// newSDKClient returns an SDK client that sends to fake: static
// credentials, a fixed region, no retries, and checksums only where an
// operation requires one, so every call makes exactly one request.
func newSDKClient(fake *fakeS3, pathStyle bool) *sdk.Client {
	return sdk.New(sdk.Options{
		Region: "us-east-1",
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", Source: "interop test"}, nil
		}),
		HTTPClient:                 &http.Client{Transport: fake},
		Retryer:                    aws.NopRetryer{},
		UsePathStyle:               pathStyle,
		RequestChecksumCalculation: aws.RequestChecksumCalculationWhenRequired,
		ResponseChecksumValidation: aws.ResponseChecksumValidationWhenRequired,
	})
}

// sdkOnly are fields the SDK adds to its types beyond the model, which
// this package does not have: GetObject's and HeadObject's ExpiresString
// (the raw Expires header, which the SDK parses leniently).
var sdkOnly = map[string]bool{"ExpiresString": true}

var (
	timeType   = reflect.TypeFor[time.Time]()
	readerType = reflect.TypeFor[io.Reader]()
)

// convert copies src into dst, where one is this package's type and the
// other the SDK's. Struct fields pair up by name (ResultMetadata aside,
// its types differ by design, and the SDK's own fields in sdkOnly) and
// named types must have the same name: a field or type without a
// counterpart is an error, since switching between the two packages is
// meant to take no more than changing an import. Streams are shared.
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
		if src.Type().Implements(readerType) || src.Type() == readerType {
			dst.Set(src.Elem())
			return nil
		}
		return fmt.Errorf("%s: cannot convert %s", path, src.Type())
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
		dst.Set(reflect.MakeMap(dst.Type()))
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
	case reflect.Int32, reflect.Int64:
		dst.SetInt(src.Int())
	case reflect.Float32, reflect.Float64:
		dst.SetFloat(src.Float())
	case reflect.Uint8:
		dst.SetUint(src.Uint())
	default:
		return fmt.Errorf("%s: cannot convert %s", path, src.Type())
	}
	return nil
}

// fieldNames lists a struct's exported fields but ResultMetadata and the
// SDK's own, sorted.
func fieldNames(t reflect.Type) []string {
	var names []string
	for f := range t.Fields() {
		if f.IsExported() && f.Name != "ResultMetadata" && !sdkOnly[f.Name] {
			names = append(names, f.Name)
		}
	}
	slices.Sort(names)
	return names
}

type fataler interface {
	Helper()
	Fatal(args ...any)
}

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

// The S3 model, for writing response documents from it: only what the
// writer needs.
type model struct {
	Shapes map[string]*modelShape `json:"shapes"`
}

type modelShape struct {
	Type    string                     `json:"type"`
	Members map[string]*modelMember    `json:"members"`
	Member  *modelMember               `json:"member"`
	Key     *modelMember               `json:"key"`
	Value   *modelMember               `json:"value"`
	Input   *struct{ Target string }   `json:"input"`
	Output  *struct{ Target string }   `json:"output"`
	Traits  map[string]json.RawMessage `json:"traits"`
}

type modelMember struct {
	Target string                     `json:"target"`
	Traits map[string]json.RawMessage `json:"traits"`
}

func (m *modelMember) trait(id string) (string, bool) {
	raw, ok := m.Traits[id]
	if !ok {
		return "", false
	}
	var s string
	_ = json.Unmarshal(raw, &s)
	return s, true
}

// modelPath is the model this package was generated from.
var modelPath = filepath.Join("..", "..", "..", "..", "shared", "models", "aws", "s3-2006-03-01.json")

// loadModel reads the model, or skips the test when the shared data is
// not there (a clone without it).
func loadModel(t testing.TB) *model {
	t.Helper()
	data, err := os.ReadFile(modelPath)
	if os.IsNotExist(err) {
		t.Skipf("%s is missing (a clone without the shared data): response documents are written from the model", modelPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	var m model
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return &m
}

// Characters that URIs, headers and XML treat specially, and a spread of
// non-ASCII.
var specialRunes = []rune("&=+%?#/;:@!$'()*,[]~-_.\"<>\\^`{|} é日本語🙂\u00a0\u2028\ufeff")

// isXMLChar is XML 1.0's Char production: what a document can carry.
func isXMLChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= utf8.MaxRune
}

// bodyString is what an XML document can carry.
var bodyString = rapid.OneOf(
	rapid.Just(""),
	rapid.StringOf(rapid.SampledFrom(specialRunes)),
	rapid.StringOf(rapid.Rune().Filter(isXMLChar)),
)

// headerString is what a header value can carry as both sides send it:
// visible ASCII and non-ASCII, inner spaces, no white space at either end
// (HTTP drops it) and no control characters.
var headerString = rapid.OneOf(
	rapid.Just(""),
	rapid.StringMatching(`[a-zA-Z0-9._~-]{1,20}`),
	rapid.Map(rapid.StringOf(rapid.SampledFrom([]rune("abc XYZ09-_.:/+=é日"))), strings.TrimSpace),
)

// namedStrings draw the members of these names where the model constrains
// them (an object key is not empty, a copy source is bucket/key).
var namedStrings = map[string]*rapid.Generator[string]{
	"Key":        rapid.StringMatching(`[a-zA-Z0-9/._ -]{1,30}`),
	"CopySource": rapid.StringMatching(`/?[a-z0-9-]{3,10}/[a-zA-Z0-9/._ -]{1,20}`),
}

// timeValue draws a timestamp both sides carry exactly in every format:
// whole seconds, 1970 to 2200.
var timeValue = rapid.Map(rapid.Int64Range(0, 7258118400), func(s int64) time.Time { return time.Unix(s, 0).UTC() })

// drawStats counts what the random values covered, to show the
// properties ran over what they claim to.
type drawStats struct {
	cases, compared, rejected, stricter   int
	emptyLists, longLists, unknownEnums   int
	emptyStrings, nilPointers, pathStyles int
}

// fill draws a random value into v, one of this package's types: pointers
// are sometimes nil, strings sometimes empty, lists and maps nil, empty or
// up to 12 long, enums known values, unknown ones or unset. str draws the
// strings.
func fill(t *rapid.T, v reflect.Value, str *rapid.Generator[string], label string, st *drawStats) {
	switch v.Kind() {
	case reflect.Pointer:
		// nil one time in eight: three fair coins, as rapid's integers lean
		// towards small values.
		if rapid.Bool().Draw(t, label+" is nil") && rapid.Bool().Draw(t, label+" is nil") && rapid.Bool().Draw(t, label+" is nil") {
			v.SetZero()
			st.nilPointers++
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(t, v.Elem(), str, label, st)
	case reflect.Interface:
		if !rapid.Bool().Draw(t, label+" is set") {
			return
		}
		r := bytes.NewReader(rapid.SliceOfN(rapid.Byte(), 0, 64).Draw(t, label))
		if v.Type() == readerType {
			v.Set(reflect.ValueOf(r))
		} else {
			v.Set(reflect.ValueOf(io.NopCloser(r)))
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			if rapid.Bool().Draw(t, label+" is set") {
				v.SetBytes(rapid.SliceOfN(rapid.Byte(), 0, 32).Draw(t, label))
			}
			return
		}
		switch rapid.IntRange(0, 5).Draw(t, label+" kind") {
		case 0:
			v.SetZero()
		case 1:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			st.emptyLists++
		default:
			n := rapid.IntRange(1, 12).Draw(t, label+" length")
			if n >= 10 {
				st.longLists++
			}
			v.Set(reflect.MakeSlice(v.Type(), n, n))
			for i := range n {
				fill(t, v.Index(i), str, label+"["+strconv.Itoa(i)+"]", st)
			}
		}
	case reflect.Map:
		if rapid.Bool().Draw(t, label+" is nil") {
			v.SetZero()
			return
		}
		v.Set(reflect.MakeMap(v.Type()))
		for i := range rapid.IntRange(0, 4).Draw(t, label+" size") {
			k := rapid.StringMatching(`[a-z][a-z0-9-]{0,10}`).Draw(t, label+" key "+strconv.Itoa(i))
			e := reflect.New(v.Type().Elem()).Elem()
			fill(t, e, str, label+"["+k+"]", st)
			v.SetMapIndex(reflect.ValueOf(k).Convert(v.Type().Key()), e)
		}
	case reflect.Struct:
		if v.Type() == timeType {
			v.Set(reflect.ValueOf(timeValue.Draw(t, label)))
			return
		}
		for _, name := range fieldNames(v.Type()) {
			fill(t, v.FieldByName(name), str, label+"."+name, st)
		}
	case reflect.String:
		values, isEnum := enumValues(v.Type())
		if g := namedStrings[label[strings.LastIndexByte(label, '.')+1:]]; g != nil && !isEnum {
			v.SetString(g.Draw(t, label))
			return
		}
		if !isEnum {
			s := str.Draw(t, label)
			if s == "" {
				st.emptyStrings++
			}
			v.SetString(s)
			return
		}
		switch rapid.IntRange(0, 9).Draw(t, label+" kind") {
		case 0:
			// An unset enum in a list is not a value: both sides drop or
			// spell it their own way.
			if !strings.HasSuffix(label, "]") {
				v.SetString("")
				return
			}
			v.SetString(values[0])
		case 1:
			s := rapid.StringMatching(`[A-Za-z0-9]{1,12}`).Draw(t, label+" unknown")
			if !slices.Contains(values, s) {
				st.unknownEnums++
			}
			v.SetString(s)
		default:
			v.SetString(rapid.SampledFrom(values).Draw(t, label))
		}
	case reflect.Int32:
		if strings.HasSuffix(label, ".MaxBuckets") {
			v.SetInt(int64(rapid.Int32Range(1, 10000).Draw(t, label)))
			return
		}
		v.SetInt(int64(rapid.Int32().Draw(t, label)))
	case reflect.Int64:
		v.SetInt(rapid.Int64().Draw(t, label))
	case reflect.Bool:
		v.SetBool(rapid.Bool().Draw(t, label))
	default:
		t.Fatalf("%s: no generator for %s", label, v.Type())
	}
}
