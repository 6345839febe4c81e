package templates

// Golden request files of the HTTP binding protocols, as httpbind's
// oracle writes them (Golden.File): '#' comment lines, the request line
// (method and full URL), header lines, a blank line, the body as sent
// before any compression. Test-only.

import (
	"bytes"
	"compress/gzip"
	"crypto/md5"
	"encoding/base64"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// checkRestRequest compares req with the golden file testdata/file:
// method, scheme, host, path, the query's parameters in any order, every
// header (the request may have no other but User-Agent) and the body.
// Bodies whose Content-Type is docType are compared by docDiff, which
// returns "" when they match, others byte for byte.
func checkRestRequest(t *testing.T, file string, req *http.Request, docType string, docDiff func(got, want []byte) string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	for bytes.HasPrefix(data, []byte("#")) {
		_, data, _ = bytes.Cut(data, []byte("\n"))
	}
	head, wantBody, _ := bytes.Cut(data, []byte("\n\n"))
	lines := strings.Split(string(head), "\n")
	method, target, _ := strings.Cut(lines[0], " ")
	if req.Method != method {
		t.Errorf("method %s, want %s", req.Method, method)
	}
	wantURL, wantQuery, _ := strings.Cut(target, "?")
	gotURL := req.URL.Scheme + "://" + req.URL.Host + req.URL.EscapedPath()
	if gotURL != wantURL {
		t.Errorf("URL %s, want %s", gotURL, wantURL)
	}
	if req.Host != "" && req.Host != req.URL.Host {
		t.Errorf("Host %s, URL host %s", req.Host, req.URL.Host)
	}
	if got, want := restTestPairs(req.URL.RawQuery), restTestPairs(wantQuery); !slices.Equal(got, want) {
		t.Errorf("query parameters\n got %q\nwant %q", got, want)
	}
	want := http.Header{}
	for _, line := range lines[1:] {
		name, value, _ := strings.Cut(line, ": ")
		want[name] = append(want[name], value)
	}
	wantLength := want.Get("Content-Length")
	want.Del("Content-Length")
	var sent, got []byte
	if req.Body != nil {
		if sent, err = io.ReadAll(req.Body); err != nil {
			t.Fatal(err)
		}
	}
	got = sent
	if strings.Contains(req.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(bytes.NewReader(sent))
		if err != nil {
			t.Fatal(err)
		}
		if got, err = io.ReadAll(zr); err != nil {
			t.Fatal(err)
		}
	}
	// A document's length and MD5 are the codec's to say: they must be
	// the body's. A raw payload's are in the file.
	switch n, _ := strconv.ParseInt(wantLength, 10, 64); {
	case wantLength != "" && n != req.ContentLength:
		t.Errorf("Content-Length %d, want %s", req.ContentLength, wantLength)
	case req.ContentLength != int64(len(sent)):
		t.Errorf("Content-Length %d, but the body has %d bytes", req.ContentLength, len(sent))
	}
	if want.Get("Content-Md5") == "{md5 of the body}" {
		sum := md5.Sum(sent)
		want.Set("Content-Md5", base64.StdEncoding.EncodeToString(sum[:]))
	}
	for name, vs := range req.Header {
		if name == "User-Agent" {
			continue
		}
		if w, ok := want[name]; !ok {
			t.Errorf("header %s: %q, want none", name, vs)
		} else if got := strings.Join(vs, ", "); got != strings.Join(w, ", ") {
			t.Errorf("header %s: %q, want %q", name, got, strings.Join(w, ", "))
		}
	}
	for name, w := range want {
		if _, ok := req.Header[name]; !ok {
			t.Errorf("header %s is missing, want %q", name, strings.Join(w, ", "))
		}
	}
	if req.Header.Get("Content-Type") == docType && docType != "" && len(wantBody) > 0 {
		if diff := docDiff(got, wantBody); diff != "" {
			t.Errorf("body differs from testdata/%s: %s\n got %s\nwant %s", file, diff, got, wantBody)
		}
	} else if !bytes.Equal(got, wantBody) {
		t.Errorf("body differs from testdata/%s\n got %q\nwant %q", file, got, wantBody)
	}
}

// restTestPairs are a query's key=value pairs, sorted.
func restTestPairs(q string) []string {
	if q == "" {
		return nil
	}
	pairs := strings.Split(q, "&")
	slices.Sort(pairs)
	return pairs
}
