package restwire

// Behaviour of restJson1 wire code (models/restwire.json) that the
// compliance suites do not show: streams are never read ahead or buffered,
// a streaming response is handed over unread, and errors read from headers
// and body.

import (
	"bytes"
	"context"
	"crypto/md5"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

// tracked is a stream that records what happens to it; it has no Len and
// cannot seek, so its length is unknown.
type tracked struct {
	r      io.Reader
	reads  int
	closed bool
}

func (t *tracked) Read(p []byte) (int, error) {
	t.reads++
	return t.r.Read(p)
}

func (t *tracked) Close() error {
	t.closed = true
	return nil
}

func TestUploadStreamsTheBody(t *testing.T) {
	body := &tracked{r: strings.NewReader("hello")}
	in := &UploadInput{Bucket: ptr("b"), Key: ptr("dir/a b"), Body: body}
	req, err := in.NewRequest(context.Background(), "https://example.com")
	if err != nil {
		t.Fatal(err)
	}
	if body.reads != 0 {
		t.Errorf("building the request read the stream %d times", body.reads)
	}
	// A greedy label keeps its slashes.
	if got := req.URL.EscapedPath(); got != "/files/b/dir/a%20b" {
		t.Errorf("path %s", got)
	}
	if req.ContentLength != -1 {
		t.Errorf("ContentLength %d for a stream of unknown length, want -1 (chunked)", req.ContentLength)
	}
	got, err := io.ReadAll(req.Body)
	if err != nil || string(got) != "hello" {
		t.Errorf("body %q %v", got, err)
	}
	req.Body.Close()
	if body.closed {
		t.Error("the request closed the caller's stream")
	}
	// A stream that can say its length states it.
	in.Body = strings.NewReader("hello")
	if req, err = in.NewRequest(context.Background(), "https://example.com"); err != nil {
		t.Fatal(err)
	}
	if req.ContentLength != 5 || req.Header.Get("Content-Type") != "application/octet-stream" {
		t.Errorf("ContentLength %d, Content-Type %q", req.ContentLength, req.Header.Get("Content-Type"))
	}
}

func TestDownloadHandsOverTheBody(t *testing.T) {
	body := &tracked{r: strings.NewReader("the file")}
	resp := &http.Response{StatusCode: 200, Body: body, Header: http.Header{
		"Content-Length": {"8"}, "X-Meta-Owner": {"me"}, "X-Meta-Color": {"blue"}, "X-Amzn-Requestid": {"rid"},
	}}
	var out DownloadOutput
	if err := decodeDownloadResponse(resp, &out); err != nil {
		t.Fatal(err)
	}
	if body.reads != 0 || body.closed {
		t.Errorf("decoding read the body %d times, closed %v", body.reads, body.closed)
	}
	if out.Body != io.ReadCloser(body) {
		t.Errorf("Body is %T, not the response body", out.Body)
	}
	if out.Length == nil || *out.Length != 8 || len(out.Meta) != 2 || out.Meta["owner"] != "me" || out.ResultMetadata.RequestID != "rid" {
		t.Errorf("decoded %+v", out)
	}
	// A header that does not decode fails the response and closes the body.
	body = &tracked{r: strings.NewReader("x")}
	resp = &http.Response{StatusCode: 200, Body: body, Header: http.Header{"Content-Length": {"many"}}}
	err := decodeDownloadResponse(resp, &DownloadOutput{})
	if err == nil || !strings.Contains(err.Error(), "Content-Length") || !body.closed {
		t.Errorf("bad header: %v, body closed %v", err, body.closed)
	}
}

func TestUploadResponseCode(t *testing.T) {
	resp := &http.Response{StatusCode: 201, Body: io.NopCloser(strings.NewReader("")), Header: http.Header{"Etag": {`"abc"`}}}
	var out UploadOutput
	if err := decodeUploadResponse(resp, &out); err != nil {
		t.Fatal(err)
	}
	if out.Status == nil || *out.Status != 201 || out.Etag == nil || *out.Etag != `"abc"` {
		t.Errorf("decoded %+v", out)
	}
}

func TestPeekHeadersHeldByValue(t *testing.T) {
	resp := &http.Response{StatusCode: 200, Body: http.NoBody, Header: http.Header{"X-Mode": {"SLOW"}, "X-Count": {"7"}}}
	var out PeekOutput
	if err := decodePeekResponse(resp, &out); err != nil {
		t.Fatal(err)
	}
	if out.Mode != ModeSlow || out.Count != 7 {
		t.Errorf("decoded %+v", out)
	}
	// Absent headers leave the zero values.
	out = PeekOutput{}
	if err := decodePeekResponse(&http.Response{StatusCode: 200, Body: http.NoBody, Header: http.Header{}}, &out); err != nil || out.Mode != "" || out.Count != 0 {
		t.Errorf("no headers: %+v %v", out, err)
	}
}

func TestSealChecksumsNoBody(t *testing.T) {
	req, err := (&SealInput{Reason: ptr("done")}).NewRequest(context.Background(), "https://example.com")
	if err != nil {
		t.Fatal(err)
	}
	sum := md5.Sum(nil)
	if got := req.Header.Get("Content-MD5"); got != base64.StdEncoding.EncodeToString(sum[:]) {
		t.Errorf("Content-MD5 %q, want the MD5 of nothing", got)
	}
}

func TestFetchJSONNames(t *testing.T) {
	req, err := (&FetchInput{Id: ptr(int32(9)), MaxItems: ptr(int32(3))}).NewRequest(context.Background(), "https://example.com")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(req.Body)
	if req.URL.Path != "/fetch/9" || string(body) != `{"max_items":3}` {
		t.Errorf("%s %s", req.URL.Path, body)
	}
	resp := &http.Response{StatusCode: 200, Header: http.Header{"X-Next": {"n"}}, Body: io.NopCloser(strings.NewReader(`{"item_list":["a"],"items":["b"]}`))}
	var out FetchOutput
	if err := decodeFetchResponse(resp, &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Items) != 1 || out.Items[0] != "a" || out.Next == nil || *out.Next != "n" {
		t.Errorf("decoded %+v", out)
	}
}

func TestEmptyLabel(t *testing.T) {
	_, err := buildUploadRequest(context.Background(), &UploadInput{Bucket: ptr(""), Key: ptr("k")}, "https://example.com")
	var le *restLabelError
	if !errors.As(err, &le) || le.Member != "Bucket" {
		t.Errorf("empty label: %v", err)
	}
}

func errorResponse(status int, header http.Header, body string) *http.Response {
	return &http.Response{StatusCode: status, Header: header, Body: io.NopCloser(bytes.NewReader([]byte(body)))}
}

func TestErrors(t *testing.T) {
	// The type from the header, dressed with a namespace and a URI; a
	// member from a header, the message from the body.
	err := decodeFetchError(errorResponse(404, http.Header{
		"X-Amzn-Errortype": {"example.restwire#Missing:http://internal.amazon.com/"},
		"X-Resource":       {"r1"}, "X-Amzn-Requestid": {"rid"},
	}, `{"message":"no such thing"}`))
	var missing *Missing
	var api *APIError
	if !errors.As(err, &missing) || !errors.As(err, &api) {
		t.Fatalf("got %v, want a *Missing in an *APIError", err)
	}
	if missing.Resource == nil || *missing.Resource != "r1" || missing.ErrorMessage() != "no such thing" {
		t.Errorf("Missing %+v", missing)
	}
	if api.Code != "Missing" || api.StatusCode != 404 || api.RequestID != "rid" || api.Fault != FaultClient {
		t.Errorf("APIError %+v", api)
	}
	// A service error named in the body's __type.
	err = decodeFetchError(errorResponse(503, http.Header{}, `{"__type":"example.restwire#Throttled","message":"slow"}`))
	var throttled *Throttled
	if !errors.As(err, &throttled) || !errors.As(err, &api) || api.Fault != FaultServer {
		t.Errorf("got %v", err)
	}
	// An error the package does not know.
	err = decodeFetchError(errorResponse(500, http.Header{}, `{"code":"Nope"}`))
	if !errors.As(err, &api) || api.Code != "Nope" || api.Message != "UnknownError" || api.Err != nil {
		t.Errorf("unknown error: %#v", err)
	}
	// Nothing to go on.
	err = decodeFetchError(errorResponse(500, http.Header{}, `not json`))
	if !errors.As(err, &api) || api.Code != "UnknownError" {
		t.Errorf("no type: %#v", err)
	}
}
