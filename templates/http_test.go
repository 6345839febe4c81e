package templates

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestNewQueryRequest(t *testing.T) {
	body := []byte(sdkBody)
	cases := []struct {
		endpoint, prefix string
		wantURL, host    string
	}{
		{"https://ec2.us-east-1.amazonaws.com", "", "https://ec2.us-east-1.amazonaws.com/", "ec2.us-east-1.amazonaws.com"},
		{"https://ec2.us-east-1.amazonaws.com/", "", "https://ec2.us-east-1.amazonaws.com/", "ec2.us-east-1.amazonaws.com"},
		// Ec2QueryHostWithPath: host example.com/custom, request uri /custom/.
		{"https://example.com/custom", "", "https://example.com/custom/", "example.com"},
		{"https://example.com/custom/", "", "https://example.com/custom/", "example.com"},
		{"https://example.com/a%2Fb", "", "https://example.com/a%2Fb/", "example.com"},
		{"http://localhost:8080", "", "http://localhost:8080/", "localhost:8080"},
		{"https://example.com/x?k=v#frag", "", "https://example.com/x/?k=v", "example.com"},
		{"https://example.com", "foo.bar.", "https://foo.bar.example.com/", "foo.bar.example.com"},
	}
	for _, c := range cases {
		req, err := newQueryRequest(context.Background(), c.endpoint, c.prefix, body, false)
		if err != nil {
			t.Fatalf("%s: %v", c.endpoint, err)
		}
		if req.Method != http.MethodPost || req.URL.String() != c.wantURL || req.Host != c.host {
			t.Errorf("%s: %s %s host %s, want POST %s host %s", c.endpoint, req.Method, req.URL, req.Host, c.wantURL, c.host)
		}
		if got := req.Header.Get("Content-Type"); got != "application/x-www-form-urlencoded" {
			t.Errorf("Content-Type %q", got)
		}
		if req.Header.Get("Content-Encoding") != "" {
			t.Error("Content-Encoding set without gzip")
		}
		if req.ContentLength != int64(len(body)) {
			t.Errorf("ContentLength %d, want %d", req.ContentLength, len(body))
		}
		for i := 0; i < 2; i++ { // the body, then a retry's body
			b, err := io.ReadAll(req.Body)
			if err != nil || string(b) != sdkBody {
				t.Fatalf("body %q %v", b, err)
			}
			if req.Body, err = req.GetBody(); err != nil {
				t.Fatal(err)
			}
		}
	}
	// What goes on the wire.
	req, _ := newQueryRequest(context.Background(), "https://example.com/custom", "", []byte("Action=X"), false)
	var wire bytes.Buffer
	if err := req.Write(&wire); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"POST /custom/ HTTP/1.1\r\n", "Host: example.com\r\n", "Content-Length: 8\r\n", "Content-Type: application/x-www-form-urlencoded\r\n", "\r\n\r\nAction=X"} {
		if !strings.Contains(wire.String(), want) {
			t.Errorf("wire request lacks %q:\n%s", want, wire.String())
		}
	}
}

func TestNewQueryRequestContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, err := newQueryRequest(ctx, "https://example.com", "", nil, false)
	if err != nil || req.Context() != ctx {
		t.Fatalf("context not kept: %v", err)
	}
	if req.ContentLength != 0 {
		t.Errorf("empty body ContentLength %d", req.ContentLength)
	}
}

func TestNewQueryRequestGzip(t *testing.T) {
	// The data of SDKAppliedContentEncoding_ec2Query is a long random string.
	data := []byte("Action=PutWithContentEncoding&Version=2020-01-08&data=" + strings.Repeat("RjCEL3kBwqPivZUXGiyA5JCujtWgJAkKRlnTEsNYfBRGOS0f7LT6R3bCSOXeJ4auSHzQ4BEZZTklUyj5", 130))
	for i := 0; i < 3; i++ { // pooled writers are reused correctly
		req, err := newQueryRequest(context.Background(), "https://example.com", "", data, true)
		if err != nil {
			t.Fatal(err)
		}
		if got := req.Header.Values("Content-Encoding"); len(got) != 1 || got[0] != "gzip" {
			t.Fatalf("Content-Encoding %q, want [gzip]", got)
		}
		compressed, _ := io.ReadAll(req.Body)
		if req.ContentLength != int64(len(compressed)) || len(compressed) >= len(data) {
			t.Fatalf("ContentLength %d, body %d bytes, data %d", req.ContentLength, len(compressed), len(data))
		}
		zr, err := gzip.NewReader(bytes.NewReader(compressed))
		if err != nil {
			t.Fatal(err)
		}
		plain, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(plain, data) {
			t.Fatalf("gunzip: %v, equal %v", err, bytes.Equal(plain, data))
		}
		again, _ := req.GetBody()
		if b, _ := io.ReadAll(again); !bytes.Equal(b, compressed) {
			t.Fatal("GetBody gave a different body")
		}
	}
}

func TestNewQueryRequestErrors(t *testing.T) {
	cases := []struct{ endpoint, prefix, want string }{
		{"", "", "want an http or https URL"},
		{"example.com/custom", "", "want an http or https URL"},
		{"ftp://example.com", "", "want an http or https URL"},
		{"https://", "", "want scheme://host"},
		{"https://user:pw@example.com", "", "want scheme://host"},
		{"https://exa mple.com", "", "invalid endpoint"},
		{"https://example.com/%zz", "", "invalid endpoint"},
		{"https://example.com", "a/b.", `invalid host prefix "a/b."`},
	}
	for _, c := range cases {
		_, err := newQueryRequest(context.Background(), c.endpoint, c.prefix, nil, false)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q %q: %v, want %q", c.endpoint, c.prefix, err, c.want)
		}
	}
	//lint:ignore SA1012 checking the nil-context error
	if _, err := newQueryRequest(nil, "https://example.com", "", nil, false); err == nil { //nolint:staticcheck
		t.Error("nil context accepted")
	}
}

func BenchmarkNewQueryRequest(b *testing.B) {
	body := []byte(sdkBody)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := newQueryRequest(ctx, "https://ec2.us-east-1.amazonaws.com", "", body, false); err != nil {
			b.Fatal(err)
		}
	}
}
