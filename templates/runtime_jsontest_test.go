package templates

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// checkJSONRequest compares a request with a golden file under testdata
// written like an HTTP request: '#' comment lines, then "METHOD URI",
// header lines, an empty line, and the JSON body, if any. The URI's query
// is compared as a set of parameters, each header listed must have the
// value given (others may be there too), and the body is compared as a
// JSON value, numbers by value.
func checkJSONRequest(t *testing.T, file string, req *http.Request) {
	t.Helper()
	path := filepath.Join("testdata", file)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	for len(lines) > 0 && strings.HasPrefix(lines[0], "#") {
		lines = lines[1:]
	}
	if len(lines) == 0 {
		t.Fatalf("%s: no request line", path)
	}
	method, uri, _ := strings.Cut(lines[0], " ")
	if req.Method != method {
		t.Errorf("method %s, want %s", req.Method, method)
	}
	wantPath, wantQuery, _ := strings.Cut(uri, "?")
	if got := req.URL.EscapedPath(); got != wantPath {
		t.Errorf("path %s, want %s", got, wantPath)
	}
	gotQ, err1 := url.ParseQuery(req.URL.RawQuery)
	wantQ, err2 := url.ParseQuery(wantQuery)
	if err1 != nil || err2 != nil || !reflect.DeepEqual(gotQ, wantQ) {
		t.Errorf("query %q, want %q", req.URL.RawQuery, wantQuery)
	}
	i := 1
	for ; i < len(lines) && lines[i] != ""; i++ {
		name, value, _ := strings.Cut(lines[i], ": ")
		if got := strings.Join(req.Header.Values(name), ", "); got != value {
			t.Errorf("header %s: %q, want %q", name, got, value)
		}
	}
	want := strings.TrimSpace(strings.Join(lines[min(i, len(lines)):], "\n"))
	var r io.Reader = bytes.NewReader(nil)
	if req.Body != nil {
		r = req.Body
	}
	if req.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(r)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	body, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if want == "" {
		if len(body) != 0 {
			t.Errorf("body %s, want none", body)
		}
		return
	}
	if !jsonTestSame(body, []byte(want)) {
		t.Errorf("body differs from %s\n got: %s\nwant: %s", path, body, want)
	}
}

// jsonTestSame reports whether two JSON texts hold the same value:
// objects with the same members, arrays in the same order, numbers equal
// as numbers (1, 1.0 and 1e0 are one number).
func jsonTestSame(a, b []byte) bool {
	var x, y any
	for _, p := range []struct {
		data []byte
		v    *any
	}{{a, &x}, {b, &y}} {
		d := json.NewDecoder(bytes.NewReader(p.data))
		d.UseNumber()
		if err := d.Decode(p.v); err != nil {
			return false
		}
	}
	return jsonTestSameAny(x, y)
}

func jsonTestSameAny(x, y any) bool {
	switch x := x.(type) {
	case json.Number:
		y, ok := y.(json.Number)
		if !ok {
			return false
		}
		fx, _, errx := big.ParseFloat(string(x), 10, 256, big.ToNearestEven)
		fy, _, erry := big.ParseFloat(string(y), 10, 256, big.ToNearestEven)
		return errx == nil && erry == nil && fx.Cmp(fy) == 0
	case []any:
		y, ok := y.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !jsonTestSameAny(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := y.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !jsonTestSameAny(v, w) {
				return false
			}
		}
		return true
	}
	return x == y
}
