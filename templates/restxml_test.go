package templates

import (
	"encoding/base64"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestRestDropBucket(t *testing.T) {
	for _, c := range []struct{ endpoint, path, bucket, want string }{
		{"https://b.s3.amazonaws.com", "/b/key", "b", "/key"},
		{"https://b.s3.amazonaws.com", "/b", "b", "/"},
		{"https://b.s3.amazonaws.com", "/b/", "b", "/"},
		{"https://b.s3.amazonaws.com", "/b/dir/", "b", "/dir/"},
		{"https://b.s3.amazonaws.com", "/my%20b/a%20key", "my b", "/a%20key"},
		// Path-style: the endpoint's path is the bucket; one of the two goes.
		{"https://s3.amazonaws.com/b", "/b", "b", "/b"},
		{"https://s3.amazonaws.com/b", "/b/key", "b", "/b/key"},
		// A custom endpoint's own path stays, and a key that starts with
		// the bucket's name is no bucket segment.
		{"https://example.com/base", "/b/key", "b", "/base/key"},
		{"https://b.s3.amazonaws.com", "/bb/key", "b", "/bb/key"},
	} {
		u, _ := url.Parse(c.endpoint)
		restSetURL(u, []byte(c.path), nil)
		restDropBucket(u, c.bucket)
		if got := u.EscapedPath(); got != c.want {
			t.Errorf("%s + %s without %q: %s, want %s", c.endpoint, c.path, c.bucket, got, c.want)
		}
		if p, _ := url.PathUnescape(c.want); u.Path != p {
			t.Errorf("%s + %s: Path %q, want %q", c.endpoint, c.path, u.Path, p)
		}
	}
}

// Check values of the algorithms (the CRC catalogue's "123456789", FIPS
// 180's "abc").
func TestRestFlexibleChecksum(t *testing.T) {
	for _, c := range []struct{ algorithm, body, header, hex string }{
		{"CRC32", "123456789", "X-Amz-Checksum-Crc32", "cbf43926"},
		{"crc32c", "123456789", "X-Amz-Checksum-Crc32c", "e3069283"},
		{"CRC64NVME", "123456789", "X-Amz-Checksum-Crc64nvme", "ae8b14860a799888"},
		{"SHA1", "abc", "X-Amz-Checksum-Sha1", "a9993e364706816aba3e25717850c26c9cd0d89d"},
		{"SHA256", "abc", "X-Amz-Checksum-Sha256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
		{"", "123456789", "X-Amz-Checksum-Crc32", "cbf43926"}, // required: CRC32
	} {
		req := &http.Request{Header: http.Header{}}
		if err := restFlexibleChecksum(req, []byte(c.body), c.algorithm, true); err != nil {
			t.Fatal(err)
		}
		raw, _ := hex.DecodeString(c.hex)
		if got, want := req.Header.Get(c.header), base64.StdEncoding.EncodeToString(raw); got != want || len(req.Header) != 1 {
			t.Errorf("%s: %v, want %s: %s", c.algorithm, req.Header, c.header, want)
		}
	}
	req := &http.Request{Header: http.Header{"X-Amz-Checksum-Sha256": {"given"}}}
	if err := restFlexibleChecksum(req, []byte("x"), "CRC32", true); err != nil || len(req.Header) != 1 {
		t.Errorf("a checksum the caller gave was not kept: %v %v", req.Header, err)
	}
	req = &http.Request{Header: http.Header{}}
	if err := restFlexibleChecksum(req, []byte("x"), "", false); err != nil || len(req.Header) != 0 {
		t.Errorf("an optional checksum without an algorithm was sent: %v", req.Header)
	}
	if err := restFlexibleChecksum(req, []byte("x"), "MD4", false); err == nil {
		t.Error("an unknown algorithm was accepted")
	}
}

func TestRestS3Error200(t *testing.T) {
	var got *http.Response
	decode := func(r *http.Response) error {
		got = r
		return errors.New("decoded")
	}
	resp := &http.Response{StatusCode: 200, Header: http.Header{}}
	for body, want := range map[string]string{
		"":                                      "empty body",
		"  \n":                                  "empty body",
		"<CopyObjectResult></CopyObjectResult>": "",
		"not xml":                               "",
		`<?xml version="1.0"?><Error><Code>InternalError</Code></Error>`: "decoded",
	} {
		got = nil
		err := restS3Error200(resp, []byte(body), decode)
		switch {
		case want == "" && err != nil, want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%q: %v, want %q", body, err, want)
		case want == "decoded":
			b, _ := io.ReadAll(got.Body)
			if got.StatusCode != 500 || string(b) != body {
				t.Errorf("%q: the error decoder got status %d, body %q", body, got.StatusCode, b)
			}
		}
	}
}

func TestRestXMLDecoderStart(t *testing.T) {
	for body, want := range map[string]bool{"": false, " \n": false, `<?xml version="1.0"?>` + "\n": false, "<!-- c -->": false, "<R/>": true} {
		d := restXMLDecoder{xmlDecoder: newXMLDecoder([]byte(body))}
		if ok, err := d.start(); ok != want || err != nil {
			t.Errorf("%q: %v %v, want %v", body, ok, err, want)
		}
	}
	d := restXMLDecoder{xmlDecoder: newXMLDecoder([]byte("text"))}
	if ok, err := d.start(); ok || err == nil {
		t.Error("text before a root was accepted")
	}
	d = restXMLDecoder{xmlDecoder: newXMLDecoder([]byte("<ErrorResponse><Error><Code>C</Code></Error></ErrorResponse>"))}
	if ok, err := d.startError(false); !ok || err != nil {
		t.Fatal(ok, err)
	}
	if name, ok, err := d.next(); string(name) != "Code" || !ok || err != nil {
		t.Errorf("startError: %s %v %v", name, ok, err)
	}
	d = restXMLDecoder{xmlDecoder: newXMLDecoder(nil)}
	if ok, err := d.startError(true); ok || err != nil {
		t.Errorf("blank error body: %v %v", ok, err)
	}
}

func TestXMLEnum(t *testing.T) {
	type color string
	known := []color{"red", "green"}
	d := newXMLDecoder([]byte("<a><c>green</c><c>blue</c></a>"))
	d.root()
	var got []color
	for {
		_, ok, err := d.next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		c, err := xmlEnum(&d, known)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, c)
	}
	if len(got) != 2 || got[0] != "green" || got[1] != "blue" {
		t.Errorf("%q", got)
	}
	doc := []byte("<c>green</c>")
	if allocs := testing.AllocsPerRun(100, func() {
		d := newXMLDecoder(doc)
		d.root()
		xmlEnum(&d, known)
	}); allocs != 0 {
		t.Errorf("a known value cost %v allocations", allocs)
	}
}
