package lambda

// Differential tests: this package against AWS's Go SDK (service/lambda
// v1.71.1) on random inputs, responses and errors, for every operation
// with wire code.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func TestOperationsListed(t *testing.T) {
	m := lambdaModel(t)
	var want []string
	for _, o := range m.service().Operations {
		name := o.Target[strings.IndexByte(o.Target, '#')+1:]
		if name != "InvokeWithResponseStream" { // an event stream: no wire code
			want = append(want, name)
		}
	}
	var got []string
	for _, op := range operations {
		got = append(got, op.name)
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("operations listed differ from the model's:\n%s", cmp.Diff(want, got))
	}
}

// ignoredHeaders are set by the SDK's middleware beyond the protocol:
// signing, retries, telemetry.
var ignoredHeaders = map[string]bool{
	"Authorization": true, "X-Amz-Date": true, "X-Amz-Security-Token": true, "X-Amz-Content-Sha256": true,
	"User-Agent": true, "X-Amz-User-Agent": true, "Amz-Sdk-Invocation-Id": true, "Amz-Sdk-Request": true,
	"Content-Length": true,
}

// TestRequests draws random inputs for every operation: both packages
// reject the same ones, and send the same request for the rest: method,
// path, query parameters, headers but those above, and body (JSON as a
// value, anything else byte for byte).
func TestRequests(t *testing.T) {
	for _, op := range operations {
		t.Run(op.name, func(t *testing.T) {
			fake := &fakeLambda{resp: func() *http.Response { return emptyResponse(200) }}
			client := newSDKClient(fake)
			sent := 0
			rapid.Check(t, func(rt *rapid.T) {
				in := reflect.New(op.input)
				fill(rt, in.Elem(), "input", 0)
				sdkIn := reflect.New(op.sdkIn)
				mustConvert(rt, sdkIn.Interface(), in.Interface())
				ours, ourErr := op.build(context.Background(), in.Interface())
				fake.req = nil
				_, sdkErr := op.call(client, sdkIn.Interface())
				if fake.req == nil {
					// The SDK refused to send it: the input lacks a required
					// member, or a label is empty.
					var invalid smithy.InvalidParamsError
					if errors.As(sdkErr, &invalid) {
						if err := validate(in.Interface()); err == nil {
							rt.Fatalf("the SDK rejects the input (%v); Validate accepts it", sdkErr)
						}
						return
					}
					if ourErr == nil {
						rt.Fatalf("the SDK did not send the request (%v); this package built it", sdkErr)
					}
					return
				}
				if ourErr != nil {
					rt.Fatalf("the SDK sent the request; this package failed: %v", ourErr)
				}
				sent++
				if diff := compareRequests(ours, fake.req, fake.sent); diff != "" {
					rt.Fatalf("%s request differs from the SDK's:\n%s", op.name, diff)
				}
			})
			if sent == 0 {
				t.Errorf("no case got as far as sending a request")
			}
		})
	}
}

// validate runs the input's Validate method.
func validate(in any) error {
	return in.(interface{ Validate() error }).Validate()
}

// compareRequests describes how ours differs from the SDK's request, whose
// body was sent.
func compareRequests(ours, theirs *http.Request, sent []byte) string {
	var diffs []string
	add := func(format string, args ...any) { diffs = append(diffs, fmt.Sprintf(format, args...)) }
	if ours.Method != theirs.Method {
		add("method %s, SDK %s", ours.Method, theirs.Method)
	}
	if ours.URL.Host != theirs.URL.Host {
		add("host %s, SDK %s", ours.URL.Host, theirs.URL.Host)
	}
	if a, b := ours.URL.EscapedPath(), theirs.URL.EscapedPath(); a != b {
		add("path %s, SDK %s", a, b)
	}
	if a, b := queryPairs(ours.URL.RawQuery), queryPairs(theirs.URL.RawQuery); !slices.Equal(a, b) {
		add("query %q, SDK %q", a, b)
	}
	if d := cmp.Diff(headers(theirs.Header), headers(ours.Header)); d != "" {
		add("headers (-SDK +ours):\n%s", d)
	}
	var body []byte
	if ours.Body != nil {
		var err error
		if body, err = io.ReadAll(ours.Body); err != nil {
			add("reading the body: %v", err)
		}
	}
	if ours.ContentLength != int64(len(body)) && ours.ContentLength != -1 {
		add("ContentLength %d for a body of %d bytes", ours.ContentLength, len(body))
	}
	if strings.HasPrefix(ours.Header.Get("Content-Type"), "application/json") && len(sent) > 0 {
		if !json.Valid(sent) {
			// The SDK wrote a map entry whose value is an empty list as
			// "key": with nothing after it; nothing to compare with.
			sdkInvalidJSON++
		} else if !sameJSON(body, sent) {
			add("JSON body:\n ours %s\n  SDK %s", body, sent)
		}
	} else if !bytes.Equal(body, sent) {
		add("body:\n ours %q\n  SDK %q", body, sent)
	}
	return strings.Join(diffs, "\n")
}

// sdkInvalidJSON counts the SDK's bodies that were not JSON.
var sdkInvalidJSON int

// queryPairs are a query's decoded key=value pairs, sorted.
func queryPairs(q string) []string {
	var out []string
	for _, p := range strings.Split(q, "&") {
		if p == "" {
			continue
		}
		k, v, _ := strings.Cut(p, "=")
		k, _ = url.QueryUnescape(k)
		v, _ = url.QueryUnescape(v)
		out = append(out, k+"="+v)
	}
	slices.Sort(out)
	return out
}

// headers are a request's protocol headers, each as one joined value.
func headers(h http.Header) map[string]string {
	out := map[string]string{}
	for k, vs := range h {
		if !ignoredHeaders[k] {
			out[k] = strings.Join(vs, ", ")
		}
	}
	return out
}

// sameJSON reports whether two bodies hold the same JSON value, numbers
// compared by value.
func sameJSON(a, b []byte) bool {
	var x, y any
	da, db := json.NewDecoder(bytes.NewReader(a)), json.NewDecoder(bytes.NewReader(b))
	da.UseNumber()
	db.UseNumber()
	if da.Decode(&x) != nil || db.Decode(&y) != nil {
		return false
	}
	return sameValue(x, y)
}

func sameValue(x, y any) bool {
	switch a := x.(type) {
	case map[string]any:
		b, ok := y.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k := range a {
			if !sameValue(a[k], b[k]) {
				return false
			}
		}
		return true
	case []any:
		b, ok := y.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !sameValue(a[i], b[i]) {
				return false
			}
		}
		return true
	case json.Number:
		b, ok := y.(json.Number)
		if !ok {
			return false
		}
		fa, errA := a.Float64()
		fb, errB := b.Float64()
		return errA == nil && errB == nil && (fa == fb || math.IsNaN(fa) && math.IsNaN(fb))
	}
	return x == y
}

// emptyResponse is a success with no body.
func emptyResponse(status int) *http.Response {
	return &http.Response{StatusCode: status, Status: http.StatusText(status), Header: http.Header{}, Body: http.NoBody}
}

// toHTTP is r as an *http.Response.
func (r response) toHTTP() *http.Response {
	return &http.Response{
		StatusCode:    r.status,
		Status:        fmt.Sprint(r.status, " ", http.StatusText(r.status)),
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        r.header.Clone(),
		Body:          io.NopCloser(bytes.NewReader(r.body)),
		ContentLength: int64(len(r.body)),
	}
}

// TestResponses draws random responses for every operation from the
// model: both packages decode them to the same output, or both fail.
func TestResponses(t *testing.T) {
	m := lambdaModel(t)
	for _, op := range operations {
		t.Run(op.name, func(t *testing.T) {
			shape := m.operation(op.name)
			var resp response
			fake := &fakeLambda{resp: func() *http.Response { return resp.toHTTP() }}
			client := newSDKClient(fake)
			decoded := 0
			rapid.Check(t, func(rt *rapid.T) {
				resp = m.writeOutput(rt, shape)
				ours, ourErr := op.decode(resp.toHTTP())
				theirs, sdkErr := op.call(client, sdkInput(rt, op))
				switch {
				case sdkErr != nil && ourErr != nil:
					return
				case sdkErr != nil:
					rt.Fatalf("the SDK fails (%v); this package decodes %s", sdkErr, jsonOf(ours))
				case ourErr != nil:
					rt.Fatalf("this package fails (%v); the SDK decodes the response", ourErr)
				}
				decoded++
				// The SDK's output in this package's type.
				want := reflect.New(reflect.TypeOf(ours).Elem())
				mustConvert(rt, want.Interface(), theirs)
				if diff := cmp.Diff(want.Interface(), ours, outputOptions); diff != "" {
					rt.Fatalf("decoded output differs from the SDK's (-SDK +ours):\n%s\nresponse %d %v\n%s", diff, resp.status, resp.header, resp.body)
				}
				if got, want := reflect.ValueOf(ours).Elem().FieldByName("ResultMetadata").FieldByName("RequestID").String(), resp.header.Get("X-Amzn-Requestid"); got != want {
					rt.Fatalf("request ID %q, want %q", got, want)
				}
			})
			if decoded == 0 {
				t.Error("no response decoded")
			}
		})
	}
}

// sdkInput is the SDK's form of a valid input for op: the sample the
// golden tests use, with an empty stream where it has none.
func sdkInput(t fataler, op operation) any {
	in := reflect.New(op.sdkIn)
	mustConvert(t, in.Interface(), op.minimal())
	for f := range op.sdkIn.Fields() {
		if v := in.Elem().FieldByIndex(f.Index); isStream(f.Type) && v.IsNil() {
			v.Set(reflect.ValueOf(newStream(f.Type, nil)))
		}
	}
	return in.Interface()
}

// outputOptions compare outputs: NaN equal to NaN, streams by what they
// read, ResultMetadata aside (checked on its own).
var outputOptions = cmp.Options{
	cmp.Comparer(func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }),
	// The SDK reads epoch seconds through float64 arithmetic that can lose
	// the last millisecond (32.047 becomes 32.046); this package reads them
	// exactly. Either way the two are within a millisecond.
	cmp.Comparer(func(a, b time.Time) bool { d := a.Sub(b); return d <= time.Millisecond && d >= -time.Millisecond }),
	cmp.Comparer(func(a, b float32) bool { return a == b || a != a && b != b }),
	cmp.Comparer(func(a, b io.ReadCloser) bool { return bytes.Equal(readAll(a), readAll(b)) }),
	cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".ResultMetadata" }, cmp.Ignore()),
}

func readAll(r io.Reader) []byte {
	if r == nil {
		return nil
	}
	b, _ := io.ReadAll(r)
	return b
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestErrors draws error responses for every operation: one of its
// modeled errors (under any spelling of its type) or an unknown one. Both
// packages give the same error type, code, message and members.
func TestErrors(t *testing.T) {
	m := lambdaModel(t)
	for _, op := range operations {
		t.Run(op.name, func(t *testing.T) {
			shape := m.operation(op.name)
			var resp response
			fake := &fakeLambda{resp: func() *http.Response { return resp.toHTTP() }}
			client := newSDKClient(fake)
			rapid.Check(t, func(rt *rapid.T) {
				var name string
				resp, name = m.writeError(rt, shape)
				ourErr := op.decErr(resp.toHTTP())
				_, sdkErr := op.call(client, sdkInput(rt, op))
				var theirs smithy.APIError
				if !errors.As(sdkErr, &theirs) {
					rt.Fatalf("the SDK's error %v is not an API error", sdkErr)
				}
				var ours *APIError
				if !errors.As(ourErr, &ours) {
					rt.Fatalf("this package's error %v is not an *APIError", ourErr)
				}
				if ours.Code != theirs.ErrorCode() || ours.ErrorMessage() != theirs.ErrorMessage() && ours.Err == nil {
					rt.Fatalf("code %q message %q, SDK %q %q (error %s)", ours.Code, ours.Message, theirs.ErrorCode(), theirs.ErrorMessage(), name)
				}
				if ours.StatusCode != resp.status || ours.RequestID != resp.header.Get("X-Amzn-Requestid") {
					rt.Fatalf("status %d request ID %q, want %d %q", ours.StatusCode, ours.RequestID, resp.status, resp.header.Get("X-Amzn-Requestid"))
				}
				sdkType := reflect.TypeOf(theirs).Elem().Name()
				if ours.Err == nil {
					if sdkType != "GenericAPIError" {
						rt.Fatalf("the SDK decodes a %s; this package an unmodeled error (code %q)", sdkType, ours.Code)
					}
					return
				}
				if got := reflect.TypeOf(ours.Err).Elem().Name(); got != sdkType {
					rt.Fatalf("error type %s, SDK %s", got, sdkType)
				}
				want := reflect.New(reflect.TypeOf(ours.Err).Elem())
				mustConvert(rt, want.Interface(), theirs)
				if diff := cmp.Diff(want.Interface(), ours.Err, outputOptions); diff != "" {
					rt.Fatalf("decoded error differs from the SDK's (-SDK +ours):\n%s\nbody %s", diff, resp.body)
				}
			})
		})
	}
}
