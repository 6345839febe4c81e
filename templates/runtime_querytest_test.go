package templates

import (
	"compress/gzip"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkFormRequest compares a query-protocol request with a golden file
// under testdata: '#' lines are comments, the others are the body's
// key=value pairs, one per line, in the order they must be sent.
func checkFormRequest(t *testing.T, file string, req *http.Request) {
	t.Helper()
	path := filepath.Join("testdata", file)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var pairs []string
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if !strings.HasPrefix(line, "#") {
			pairs = append(pairs, line)
		}
	}
	if req.Method != http.MethodPost {
		t.Errorf("method %s, want POST", req.Method)
	}
	if ct := req.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
		t.Errorf("Content-Type %q, want application/x-www-form-urlencoded", ct)
	}
	var r io.Reader = req.Body
	if req.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(req.Body)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	body, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Join(pairs, "&"); string(body) != want {
		t.Errorf("body differs from %s\n got: %s\nwant: %s", path, body, want)
	}
}
