package templates

// Helpers for TestEndpoints, which is generated from a model's
// smithy.rules#endpointTests trait. Test-only: generated packages get this
// file only when their model has such cases.

import (
	"errors"
	"reflect"
	"slices"
	"testing"
)

// endpointWant is what an endpoint test case expects: an endpoint, or an
// error with a message.
type endpointWant struct {
	url        string
	headers    map[string][]string // canonical names
	properties map[string]any
	isErr      bool
	err        string
}

// epPtr returns a pointer to a copy of v, for parameter values.
func epPtr[T any](v T) *T { return &v }

// epCheckEndpoint compares what ResolveEndpoint gave with a case.
func epCheckEndpoint(t *testing.T, got EndpointResult, err error, want endpointWant) {
	t.Helper()
	if want.isErr {
		var e *EndpointError
		switch {
		case err == nil:
			t.Fatalf("resolved %s; want the error %q", got.URI.String(), want.err)
		case !errors.As(err, &e):
			t.Fatalf("error %v is a %T, not an *EndpointError; want the error %q", err, err, want.err)
		case e.Message != want.err:
			t.Errorf("error %q\nwant %q", e.Message, want.err)
		}
		return
	}
	if err != nil {
		t.Fatalf("error %v; want the endpoint %s", err, want.url)
	}
	if u := got.URI.String(); u != want.url {
		t.Errorf("URL %s\nwant %s", u, want.url)
	}
	if len(got.Headers) != len(want.headers) {
		t.Errorf("headers %v\nwant %v", got.Headers, want.headers)
	}
	for name, values := range want.headers {
		if g := got.Headers.Values(name); !slices.Equal(g, values) {
			t.Errorf("header %s: %q\nwant %q", name, g, values)
		}
	}
	if len(got.Properties) != 0 || len(want.properties) != 0 {
		if !reflect.DeepEqual(got.Properties, want.properties) {
			t.Errorf("properties %#v\nwant %#v", got.Properties, want.properties)
		}
	}
}
