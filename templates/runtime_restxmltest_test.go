package templates

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// checkRESTXMLRequest compares a restXml request with a golden file under
// testdata: '#' comment lines, the request line (method and target), the
// headers, a blank line and the body. Query parameters and headers are
// compared as sets, an XML body as an element tree (protocolXMLDiff), any
// other body byte for byte.
func checkRESTXMLRequest(t *testing.T, file string, req *http.Request) {
	t.Helper()
	path := filepath.Join("testdata", file)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(bytes.NewReader(data))
	line := func() string {
		s, _ := r.ReadString('\n')
		return strings.TrimSuffix(s, "\n")
	}
	start := line()
	for strings.HasPrefix(start, "#") {
		start = line()
	}
	method, target, _ := strings.Cut(start, " ")
	want := http.Header{}
	for h := line(); h != ""; h = line() {
		k, v, _ := strings.Cut(h, ": ")
		want[k] = append(want[k], v)
	}
	wantBody, _ := io.ReadAll(r)

	if req.Method != method {
		t.Errorf("%s: method %s, want %s", path, req.Method, method)
	}
	wantPath, wantQuery, _ := strings.Cut(target, "?")
	if got := req.URL.EscapedPath(); got != wantPath {
		t.Errorf("%s: path %s, want %s", path, got, wantPath)
	}
	gotPairs, wantPairs := restXMLPairs(req.URL.RawQuery), restXMLPairs(wantQuery)
	if !slices.Equal(gotPairs, wantPairs) {
		t.Errorf("%s: query %q, want %q", path, gotPairs, wantPairs)
	}
	got := http.Header{}
	for k, vs := range req.Header {
		got[k] = []string{strings.Join(vs, ", ")}
	}
	for k := range want {
		if g, ok := got[k]; !ok || g[0] != want[k][0] {
			t.Errorf("%s: header %s: %q, want %q", path, k, got.Get(k), want.Get(k))
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: header %s: %q, and it must not be set", path, k, got.Get(k))
		}
	}
	var body []byte
	if req.Body != nil {
		var rd io.Reader = req.Body
		if strings.Contains(req.Header.Get("Content-Encoding"), "gzip") {
			if rd, err = gzip.NewReader(req.Body); err != nil {
				t.Fatal(err)
			}
		}
		if body, err = io.ReadAll(rd); err != nil {
			t.Fatal(err)
		}
	}
	if req.Body != nil && req.ContentLength >= 0 && req.Header.Get("Content-Encoding") == "" && int64(len(body)) != req.ContentLength {
		t.Errorf("%s: ContentLength %d for a body of %d bytes", path, req.ContentLength, len(body))
	}
	if strings.HasPrefix(want.Get("Content-Type"), "application/xml") {
		if diff := protocolXMLDiff(body, wantBody); diff != "" {
			t.Errorf("%s: XML body: %s\n got %s\nwant %s", path, diff, body, wantBody)
		}
		return
	}
	if !bytes.Equal(body, wantBody) {
		t.Errorf("%s: body %q, want %q", path, body, wantBody)
	}
}

// restXMLPairs splits a query into its pairs, sorted.
func restXMLPairs(q string) []string {
	if q == "" {
		return nil
	}
	pairs := strings.Split(q, "&")
	slices.Sort(pairs)
	return pairs
}
