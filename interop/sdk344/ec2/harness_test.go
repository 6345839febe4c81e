package ec2

// Shared with the other interop module: harness_test.go, interop_test.go and
// bench_test.go are the same in interop/sdk317/ec2 and interop/sdk344/ec2
// (TestSharedFilesMatchSibling keeps them so). They reach this package's
// types and the SDK's through reflection, so one text serves both model
// versions; what differs lives in sdk_*_test.go.

import (
	"bytes"
	"context"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/ec2"
	smithyrand "github.com/aws/smithy-go/rand"
	"pgregory.net/rapid"
)

// propertyChecks is how many cases each property test runs unless
// -rapid.checks or RAPID_CHECKS asks for another number.
const propertyChecks = 3000

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

func ref[T any](v T) *T { return &v }

// fakeEC2 is the SDK's transport: it keeps the body of the last request and
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
// a fixed region and no retries, so every call makes exactly one request.
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

// sdkCall is the shape of an SDK operation method.
type sdkCall[S, O any] func(*sdk.Client, context.Context, *S, ...func(*sdk.Options)) (*O, error)

// convert copies src into dst, where one is this package's type and the
// other the SDK's. Struct fields pair up by name (ResultMetadata aside, its
// types differ by design) and named types must have the same name: a field
// or type without a counterpart is an error, since switching between the two
// packages is meant to take no more than changing an import.
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

// fill draws a random value into v, one of this package's types: pointers
// are sometimes nil, strings sometimes empty, lists nil, empty or 1 to 15
// long, enums known values, unknown ones or unset.
func fill(t *rapid.T, v reflect.Value, str *rapid.Generator[string], label string, st *drawStats) {
	switch v.Kind() {
	case reflect.Pointer:
		// nil one time in eight: three fair coins, as rapid's integers lean
		// towards small values.
		if rapid.Bool().Draw(t, label+" is nil") && rapid.Bool().Draw(t, label+" is nil") && rapid.Bool().Draw(t, label+" is nil") {
			v.SetZero()
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(t, v.Elem(), str, label, st)
	case reflect.Slice:
		switch rapid.IntRange(0, 5).Draw(t, label+" kind") {
		case 0:
			v.SetZero()
		case 1:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			st.emptyLists++
		default:
			n := rapid.IntRange(1, 15).Draw(t, label+" length")
			if n >= 10 {
				st.longLists++
			}
			v.Set(reflect.MakeSlice(v.Type(), n, n))
			for i := range n {
				fill(t, v.Index(i), str, label+"["+strconv.Itoa(i)+"]", st)
			}
		}
	case reflect.Struct:
		for _, name := range fieldNames(v.Type()) {
			fill(t, v.FieldByName(name), str, label+"."+name, st)
		}
	case reflect.String:
		values, isEnum := enumValues(v.Type())
		if !isEnum {
			v.SetString(str.Draw(t, label))
			return
		}
		switch rapid.IntRange(0, 9).Draw(t, label+" kind") {
		case 0:
			v.SetString("")
		case 1, 2:
			s := str.Draw(t, label+" unknown")
			if !slices.Contains(values, s) {
				st.unknownEnums++
			}
			v.SetString(s)
		default:
			k := rapid.SampledFrom(values).Draw(t, label)
			v.SetString(k)
			st.sawEnum(v.Type(), k)
		}
	case reflect.Int32:
		v.SetInt(int64(rapid.Int32().Draw(t, label)))
	case reflect.Bool:
		v.SetBool(rapid.Bool().Draw(t, label))
	default:
		t.Fatalf("%s: no generator for %s", label, v.Type())
	}
}

// drawStats counts what the random inputs covered, to show the properties
// ran over what they claim to.
type drawStats struct {
	cases, compared, rejected, nilTokens               int
	emptyLists, longLists, unknownEnums, emptyElements int
	knownEnums                                         map[reflect.Type]map[string]bool
}

func (st *drawStats) sawEnum(t reflect.Type, v string) {
	if st.knownEnums == nil {
		st.knownEnums = map[reflect.Type]map[string]bool{}
	}
	if st.knownEnums[t] == nil {
		st.knownEnums[t] = map[string]bool{}
	}
	st.knownEnums[t][v] = true
}

// missedEnums lists the known values of the enums drawn from that no case
// used.
func (st *drawStats) missedEnums() []string {
	var missed []string
	for t, seen := range st.knownEnums {
		values, _ := enumValues(t)
		for _, v := range values {
			if !seen[v] {
				missed = append(missed, t.Name()+" "+v)
			}
		}
	}
	slices.Sort(missed)
	return missed
}

// writeResponse renders out, this package's output type, as an EC2 response
// document, with encoding/xml's escaping and none of the generated code. As
// EC2 does, each member is an element named like its Go field with a
// lower-case first letter. Element order, whitespace, empty-element syntax,
// the XML declaration and unknown elements vary.
func writeResponse(t *rapid.T, root string, out reflect.Value, requestID *string, st *drawStats) []byte {
	var elems []string
	elem := func(name, text string) {
		if text == "" {
			st.emptyElements++
			if rapid.Bool().Draw(t, name+" self-closed") {
				elems = append(elems, "<"+name+"/>")
				return
			}
		}
		elems = append(elems, "<"+name+">"+escapeXML(text)+"</"+name+">")
	}
	for _, name := range fieldNames(out.Type()) {
		f := out.FieldByName(name)
		tag := strings.ToLower(name[:1]) + name[1:]
		switch {
		case f.Kind() == reflect.Pointer && f.IsNil():
		case f.Kind() == reflect.Pointer && f.Elem().Kind() == reflect.String:
			elem(tag, f.Elem().String())
		case f.Kind() == reflect.Pointer && f.Elem().Kind() == reflect.Int32:
			elem(tag, strconv.FormatInt(f.Elem().Int(), 10))
		case f.Kind() == reflect.String:
			// An unset enum may be absent or empty; both decode to "".
			if f.String() != "" || rapid.Bool().Draw(t, name+" written empty") {
				elem(tag, f.String())
			}
		default:
			t.Fatalf("%s: no writer for %s", name, f.Type())
		}
	}
	if requestID != nil {
		elem("requestId", *requestID)
	}
	for i := range rapid.IntRange(0, 2).Draw(t, "unknown elements") {
		elems = append(elems, fmt.Sprintf(`<unmodeledMember%d kind="x"><item><key>k</key><value/></item><!-- c --></unmodeledMember%d>`, i, i))
	}
	elems = rapid.Permutation(elems).Draw(t, "element order")
	sep := rapid.SampledFrom([]string{"", "\n    ", " ", "\r\n\t"}).Draw(t, "separator")
	var b strings.Builder
	if rapid.Bool().Draw(t, "XML declaration") {
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	}
	b.WriteString("<" + root + ` xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">`)
	for _, e := range elems {
		b.WriteString(sep + e)
	}
	b.WriteString(sep + "</" + root + ">")
	return []byte(b.String())
}

// escapeXML escapes s as element text with encoding/xml.
func escapeXML(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails
	return b.String()
}

// okResponse is a minimal successful answer to op.
func okResponse(op string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>
<` + op + `Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>req-1</requestId></` + op + `Response>`)
}
