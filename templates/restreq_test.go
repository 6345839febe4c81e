package templates

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewRestRequest(t *testing.T) {
	for _, c := range []struct {
		endpoint, prefix, p, q string
		want, host             string
	}{
		{"https://example.com", "", "/widgets/a%20b", "", "https://example.com/widgets/a%20b", "example.com"},
		// RestJsonHostWithPath: host example.com/custom.
		{"https://example.com/custom", "", "/HostWithPathOperation", "", "https://example.com/custom/HostWithPathOperation", "example.com"},
		{"https://example.com/custom/", "", "/x", "a=1", "https://example.com/custom/x?a=1", "example.com"},
		{"https://example.com/?k=v#f", "", "/x", "a=1", "https://example.com/x?k=v&a=1", "example.com"},
		// RestJsonEndpointTrait.
		{"https://example.com", "foo.", "/EndpointOperation", "", "https://foo.example.com/EndpointOperation", "foo.example.com"},
	} {
		req, err := newRestRequest(context.Background(), "PUT", c.endpoint, c.prefix, []byte(c.p), []byte(c.q), nil)
		if err != nil {
			t.Fatalf("%s: %v", c.endpoint, err)
		}
		if req.Method != "PUT" || req.URL.String() != c.want || req.Host != c.host {
			t.Errorf("%s: %s %s host %s, want PUT %s host %s", c.endpoint, req.Method, req.URL, req.Host, c.want, c.host)
		}
		if req.Body != nil || req.ContentLength != 0 {
			t.Errorf("%s: a body before one is set", c.endpoint)
		}
	}
	for _, bad := range []string{"example.com", "ftp://example.com", "https://user@example.com", "https://"} {
		if _, err := newRestRequest(context.Background(), "GET", bad, "", []byte("/"), nil, nil); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
	if _, err := newRestRequest(context.Background(), "GET", "https://example.com", "a/b.", []byte("/"), nil, nil); err == nil {
		t.Error("a host prefix with '/': no error")
	}
}

// wire is the request as net/http sends it.
func wire(t *testing.T, req *http.Request) string {
	t.Helper()
	var b bytes.Buffer
	if err := req.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestRestSetBody(t *testing.T) {
	req, parts, _ := newRestBodyRequest(context.Background(), "POST", "https://example.com", "", []byte("/x"), nil, nil, false)
	restSetBody(req, parts, []byte(`{"a":1}`), "application/json")
	if req.ContentLength != 7 || req.Header.Get("Content-Type") != "application/json" {
		t.Errorf("length %d, type %q", req.ContentLength, req.Header.Get("Content-Type"))
	}
	for i := 0; i < 2; i++ { // the body, then a retry's
		b, err := io.ReadAll(req.Body)
		if err != nil || string(b) != `{"a":1}` {
			t.Fatalf("body %q %v", b, err)
		}
		if req.Body, err = req.GetBody(); err != nil {
			t.Fatal(err)
		}
	}
	// An empty body goes out with Content-Length: 0, not chunked.
	req, parts, _ = newRestBodyRequest(context.Background(), "POST", "https://example.com", "", []byte("/x"), nil, nil, false)
	restSetBody(req, parts, []byte{}, "application/octet-stream")
	w := wire(t, req)
	if !strings.Contains(w, "Content-Length: 0\r\n") || strings.Contains(w, "chunked") {
		t.Errorf("empty body on the wire:\n%s", w)
	}
	if b, err := req.GetBody(); err != nil || b != http.NoBody {
		t.Errorf("GetBody of an empty body: %v %v", b, err)
	}
}

// onlyReader hides every method but Read.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

// countingReader records whether it was read.
type countingReader struct {
	io.Reader
	reads int
}

func (c *countingReader) Read(p []byte) (int, error) {
	c.reads++
	return c.Reader.Read(p)
}

func TestRestSetStream(t *testing.T) {
	newReq := func() (*http.Request, *httpParts) {
		req, parts, _ := newRestBodyRequest(context.Background(), "POST", "https://example.com", "", []byte("/s"), nil, nil, false)
		return req, parts
	}
	// A reader with Len: its length, read only when the request is sent.
	req, parts := newReq()
	r := &countingReader{Reader: strings.NewReader("blobby blob blob")}
	if err := restSetStream(req, parts, onlyReader{r}, "application/octet-stream", false); err != nil {
		t.Fatal(err)
	}
	if r.reads != 0 {
		t.Error("the stream was read while building the request")
	}
	if req.ContentLength != -1 {
		t.Errorf("length %d for a reader that cannot say, want -1", req.ContentLength)
	}
	if w := wire(t, req); !strings.Contains(w, "Transfer-Encoding: chunked") || !strings.Contains(w, "blobby blob blob") {
		t.Errorf("unknown length on the wire:\n%s", w)
	}
	// @requiresLength with a reader that cannot say: an error.
	req, parts = newReq()
	err := restSetStream(req, parts, onlyReader{strings.NewReader("x")}, "", true)
	var le restStreamLengthError
	if !errors.As(err, &le) {
		t.Errorf("requireLength: %v", err)
	}
	// strings.Reader has Len.
	req, parts = newReq()
	sr := strings.NewReader("hello world")
	sr.Seek(6, io.SeekStart)
	if err := restSetStream(req, parts, sr, "text/plain", true); err != nil {
		t.Fatal(err)
	}
	if req.ContentLength != 5 || req.Header.Get("Content-Type") != "text/plain" {
		t.Errorf("length %d type %q", req.ContentLength, req.Header.Get("Content-Type"))
	}
	// A file: its length from where it is, and a retry starts there again.
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, []byte("0123456789"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.Seek(3, io.SeekStart)
	req, parts = newReq()
	if err := restSetStream(req, parts, f, "", true); err != nil {
		t.Fatal(err)
	}
	if req.ContentLength != 7 {
		t.Errorf("file length %d, want 7", req.ContentLength)
	}
	for i := 0; i < 2; i++ {
		b, err := io.ReadAll(req.Body)
		if err != nil || string(b) != "3456789" {
			t.Fatalf("read %d: %q %v", i, b, err)
		}
		req.Body.Close()
		if req.Body, err = req.GetBody(); err != nil {
			t.Fatal(err)
		}
	}
	// The request does not close the caller's file.
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		t.Errorf("the file was closed: %v", err)
	}
	// An empty stream is no body at all.
	req, parts = newReq()
	if err := restSetStream(req, parts, bytes.NewReader(nil), "", true); err != nil {
		t.Fatal(err)
	}
	if req.Body != http.NoBody || req.ContentLength != 0 {
		t.Errorf("empty stream: body %v length %d", req.Body, req.ContentLength)
	}
}

func TestRestAddEncoding(t *testing.T) {
	h := http.Header{}
	restAddEncoding(h, "gzip")
	if got := h.Get("Content-Encoding"); got != "gzip" {
		t.Errorf("got %q", got)
	}
	// SDKAppendedGzipAfterProvidedEncoding_restJson1.
	h = http.Header{"Content-Encoding": {"custom"}}
	restAddEncoding(h, "gzip")
	if got := h.Get("Content-Encoding"); got != "custom, gzip" {
		t.Errorf("got %q", got)
	}
}

func TestRestSetContentMD5(t *testing.T) {
	// RestJsonHttpChecksumRequired, whose body is this one compacted.
	body := []byte(`{"foo":"base64 encoded md5 checksum"}`)
	req, _ := http.NewRequest("POST", "https://example.com", nil)
	restSetContentMD5(req, body)
	if got := req.Header.Get("Content-MD5"); got != "iB0/3YSo7maijL0IGOgA9g==" {
		t.Errorf("got %q", got)
	}
	req.Header.Set("Content-MD5", "given")
	restSetContentMD5(req, body)
	if got := req.Header.Get("Content-MD5"); got != "given" {
		t.Errorf("the caller's value was replaced: %q", got)
	}
}

func TestRestLabelError(t *testing.T) {
	var err error = &restLabelError{Member: "Bucket"}
	var le *restLabelError
	if !errors.As(err, &le) || le.Member != "Bucket" || !strings.Contains(err.Error(), "Bucket") {
		t.Errorf("%v", err)
	}
}

type closeRecorder struct {
	io.Reader
	closed bool
}

func (c *closeRecorder) Close() error { c.closed = true; return nil }

func TestRestDrain(t *testing.T) {
	body := &closeRecorder{Reader: bufio.NewReader(strings.NewReader("{}"))}
	restDrain(&http.Response{Body: body})
	if !body.closed {
		t.Error("not closed")
	}
	if n, _ := body.Read(make([]byte, 1)); n != 0 {
		t.Error("not drained")
	}
}
