package s3

// Benchmarks of this package beside AWS's SDK in one run: S3 PutObject's
// request with a dozen headers and user metadata (serializer), and
// ListObjectsV2's response listing 1,000 keys (deserializer).
//
//	go test -run '^$' -bench . -benchmem

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/google/go-cmp/cmp"
)

// benchPutObject is a PutObject with the headers an upload commonly sets
// and a body of size bytes.
func benchPutObject(size int) *PutObjectInput {
	expires := time.Unix(1733000000, 0).UTC()
	return &PutObjectInput{
		Bucket:                    ref("my-bucket"),
		Key:                       ref("photos/2024/12/my image (1).jpg"),
		Body:                      bytes.NewReader(make([]byte, size)),
		ContentLength:             ref(int64(size)),
		ContentType:               ref("image/jpeg"),
		CacheControl:              ref("max-age=3600"),
		ContentDisposition:        ref("inline"),
		Expires:                   &expires,
		ACL:                       ObjectCannedACLPrivate,
		StorageClass:              StorageClassStandard,
		ServerSideEncryption:      ServerSideEncryptionAes256,
		ChecksumCRC32:             ref("AAAAAA=="),
		ObjectLockRetainUntilDate: &expires,
		BucketKeyEnabled:          ref(true),
		Metadata:                  map[string]string{"camera": "x100", "album": "winter"},
	}
}

// sdkMiddlewares takes the SDK's own serializer and deserializer of an
// operation out of its stack, so each can be timed alone, with the
// context the stack runs them in (they record metrics in it).
func sdkMiddlewares[S, O any](t testing.TB, call sdkCall[S, O], in *S) (context.Context, middleware.SerializeMiddleware, middleware.DeserializeMiddleware) {
	stop := errors.New("stack captured")
	var stack *middleware.Stack
	var ctx context.Context
	capture := middleware.SerializeMiddlewareFunc("capture", func(c context.Context, _ middleware.SerializeInput, _ middleware.SerializeHandler) (middleware.SerializeOutput, middleware.Metadata, error) {
		ctx = c
		return middleware.SerializeOutput{}, middleware.Metadata{}, stop
	})
	_, err := call(newSDKClient(&fakeS3{}, false), context.Background(), in, func(o *sdk.Options) {
		o.APIOptions = append(o.APIOptions, func(s *middleware.Stack) error {
			stack = s
			return s.Serialize.Insert(capture, "OperationSerializer", middleware.Before)
		})
	})
	if !errors.Is(err, stop) {
		t.Fatalf("capturing the SDK's stack: %v", err)
	}
	s, ok1 := stack.Serialize.Get("OperationSerializer")
	d, ok2 := stack.Deserialize.Get("OperationDeserializer")
	if !ok1 || !ok2 {
		t.Fatalf("SDK stack lacks its operation middlewares:\n%s", stack)
	}
	return ctx, s, d
}

type (
	// captureSerialize ends the SDK's serialize step, keeping the
	// request the serializer passes on (it hands on a copy of the one
	// it was given).
	captureSerialize struct{ req *smithyhttp.Request }
	cannedResponse   struct{ body []byte }
)

func (c *captureSerialize) HandleSerialize(_ context.Context, in middleware.SerializeInput) (middleware.SerializeOutput, middleware.Metadata, error) {
	c.req = in.Request.(*smithyhttp.Request)
	return middleware.SerializeOutput{}, middleware.Metadata{}, nil
}

// sdkRequest makes the *http.Request the SDK would send for params, as
// far as making it goes: a request as the SDK's stack starts one (with
// the endpoint's URL, which its endpoint middleware would set), the
// operation's serializer (method, path, query, headers, body), the
// content length its build step computes, and smithyhttp's Build, which
// turns the result into an *http.Request. Signing, checksums, user agent,
// retry headers and sending are left out, as they are on our side. next
// is reused, so the harness itself allocates nothing.
func sdkRequest(ctx context.Context, serialize middleware.SerializeMiddleware, params any, u *url.URL, next *captureSerialize) (*http.Request, error) {
	req := smithyhttp.NewStackRequest().(*smithyhttp.Request)
	*req.URL = *u
	if _, _, err := serialize.HandleSerialize(ctx, middleware.SerializeInput{Request: req, Parameters: params}, next); err != nil {
		return nil, err
	}
	req, next.req = next.req, nil
	if req.ContentLength < 0 {
		n, ok, err := req.StreamLength()
		if err != nil {
			return nil, err
		}
		if ok {
			req.ContentLength = n
		}
	}
	return req.Build(ctx), nil
}

func (c cannedResponse) HandleDeserialize(context.Context, middleware.DeserializeInput) (middleware.DeserializeOutput, middleware.Metadata, error) {
	resp := &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(c.body)), ContentLength: int64(len(c.body))}
	return middleware.DeserializeOutput{RawResponse: &smithyhttp.Response{Response: resp}}, middleware.Metadata{}, nil
}

// TestBenchRequestsAgree holds the two sides of BenchmarkPutObject to
// making the same request: method, URL, headers and body length.
func TestBenchRequestsAgree(t *testing.T) {
	for _, size := range []int{1024, 0} {
		requestsAgree(t, benchPutObject(size))
	}
}

func requestsAgree(t *testing.T, in *PutObjectInput) {
	sdkIn := new(sdk.PutObjectInput)
	mustConvert(t, sdkIn, in)
	endpoint := "https://my-bucket.s3.us-east-1.amazonaws.com"
	ctx, serialize, _ := sdkMiddlewares(t, (*sdk.Client).PutObject, sdkIn)
	u, err := url.Parse(endpoint)
	if err != nil {
		t.Fatal(err)
	}
	want, err := sdkRequest(ctx, serialize, sdkIn, u, &captureSerialize{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := buildPutObjectRequest(ctx, in, endpoint)
	if err != nil {
		t.Fatal(err)
	}
	if got.Method != want.Method || got.URL.String() != want.URL.String() || got.Host != want.Host && got.Host != want.URL.Host {
		t.Errorf("request line: ours %s %s (host %q), SDK %s %s (host %q)", got.Method, got.URL, got.Host, want.Method, want.URL, want.Host)
	}
	// The SDK keeps Content-Length among the headers as well (net/http
	// sends ContentLength instead); ours has it in ContentLength only.
	wantHeader := want.Header.Clone()
	delete(wantHeader, "Content-Length")
	if diff := cmp.Diff(wantHeader, got.Header); diff != "" || len(got.Header) < 12 {
		t.Errorf("headers (-SDK +ours):\n%s", diff)
	}
	// Without a body, ours has ctx inside the context that counts its
	// writes (httpWritesCtx).
	gotCtx := got.Context()
	if c, ok := gotCtx.(*httpWritesCtx); ok {
		gotCtx = c.Context
	}
	if got.ContentLength != want.ContentLength || gotCtx != ctx || want.Context() != ctx {
		t.Errorf("ContentLength: ours %d, SDK %d; or a request lacks its context", got.ContentLength, want.ContentLength)
	}
}

// BenchmarkPutObject builds PutObject's request both ways, on the
// virtual-hosted endpoint the SDK's rules resolve for the bucket: each
// side turns the input into the complete *http.Request it would send
// before signing (method, URL, headers, body and its length), carrying
// the same context. The SDK's side is sdkRequest (its serializer, content
// length and Build, on a copy of the parsed endpoint); ours is
// buildPutObjectRequest from the endpoint string (which it parses, or
// finds parsed).
//
// The object has a body of 1 KiB, and ours/request releases each request
// as the client does after a call: the transport has closed the body,
// and the request's URL and header map make the next one. -kept never
// releases (as with an HTTP client that may keep requests). -empty is an
// empty object, which has no body: nothing says when net/http is done
// with such a request, so its parts are never handed on.
func BenchmarkPutObject(b *testing.B) {
	endpoint := "https://my-bucket.s3.us-east-1.amazonaws.com"
	u, err := url.Parse(endpoint)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		suffix  string
		size    int
		release bool
	}{{"", 1024, true}, {"-kept", 1024, false}, {"-empty", 0, true}, {"-empty-kept", 0, false}} {
		in := benchPutObject(c.size)
		sdkIn := new(sdk.PutObjectInput)
		mustConvert(b, sdkIn, in)
		sdkCtx, serialize, _ := sdkMiddlewares(b, (*sdk.Client).PutObject, sdkIn)
		if !strings.HasSuffix(c.suffix, "-kept") {
			b.Run("SDK/serialize"+c.suffix, func(b *testing.B) {
				next := &captureSerialize{}
				b.ReportAllocs()
				for b.Loop() {
					if _, err := sdkRequest(sdkCtx, serialize, sdkIn, u, next); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		b.Run("ours/request"+c.suffix, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req, err := buildPutObjectRequest(sdkCtx, in, endpoint)
				if err != nil {
					b.Fatal(err)
				}
				if c.release {
					sent(req)
				}
			}
		})
	}
}

// sent does to req what the client and net/http do once it has been sent
// and answered, on a client that releases requests: net/http closes the
// body, or for a request without one, calls the trace's GotConn and
// WroteRequest around writing it; then the client releases it.
// TestClientReleasesOverHTTP (templates) checks that they do.
func sent(req *http.Request) {
	httpWatch(req)
	if req.Body != nil && req.Body != http.NoBody {
		req.Body.Close()
	} else if trace := httptrace.ContextClientTrace(req.Context()); trace != nil {
		trace.GotConn(httptrace.GotConnInfo{})
		trace.WroteRequest(httptrace.WroteRequestInfo{})
	}
	httpRelease(req)
}

// listing is ListObjectsV2's response listing n keys, as S3 writes it.
func listing(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>my-bucket</Name><Prefix></Prefix><KeyCount>` +
		strconv.Itoa(n) + `</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>`)
	for i := range n {
		b.WriteString(`<Contents><Key>photos/2024/12/img_` + strconv.Itoa(i) + `.jpg</Key><LastModified>2024-11-30T20:53:20.` + strconv.Itoa(100+i%900) +
			`Z</LastModified><ETag>&quot;d41d8cd98f00b204e9800998ecf8427e&quot;</ETag><ChecksumAlgorithm>CRC64NVME</ChecksumAlgorithm><ChecksumType>FULL_OBJECT</ChecksumType><Size>` +
			strconv.Itoa(i*1031) + `</Size><StorageClass>STANDARD</StorageClass><Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID><DisplayName>owner</DisplayName></Owner></Contents>`)
	}
	b.WriteString(`</ListBucketResult>`)
	return b.Bytes()
}

// TestListingDecodesAlike holds the benchmark's document to the SDK.
func TestListingDecodesAlike(t *testing.T) {
	doc := listing(3)
	fake := &fakeS3{status: 200, body: doc}
	sdkOut, err := newSDKClient(fake, false).ListObjectsV2(context.Background(), &sdk.ListObjectsV2Input{Bucket: ref("my-bucket")})
	if err != nil {
		t.Fatal(err)
	}
	want := new(ListObjectsV2Output)
	mustConvert(t, want, sdkOut)
	var got ListObjectsV2Output
	if err := decodeListObjectsV2Response(&http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(doc))}, &got); err != nil {
		t.Fatal(err)
	}
	got.ResultMetadata = ResponseMetadata{}
	if len(got.Contents) != 3 || *got.Contents[2].ETag != `"d41d8cd98f00b204e9800998ecf8427e"` || !strings.HasSuffix(*got.Contents[2].Key, "img_2.jpg") {
		t.Fatalf("decoded %+v", got)
	}
	if !protocolEqual(want, &got) {
		t.Errorf("decoded:\n got %s\nwant %s", protocolShow(&got), protocolShow(want))
	}
}

// BenchmarkListObjectsV2 decodes a listing of 1,000 keys both ways, from
// a response whose body is a reader over the document.
func BenchmarkListObjectsV2(b *testing.B) {
	doc := listing(1000)
	sdkCtx, _, deserialize := sdkMiddlewares(b, (*sdk.Client).ListObjectsV2, &sdk.ListObjectsV2Input{Bucket: ref("my-bucket")})
	b.Run("SDK/deserialize", func(b *testing.B) {
		next := cannedResponse{doc}
		b.SetBytes(int64(len(doc)))
		b.ReportAllocs()
		for b.Loop() {
			out, _, err := deserialize.HandleDeserialize(sdkCtx, middleware.DeserializeInput{}, next)
			if err != nil {
				b.Fatal(err)
			}
			if o, ok := out.Result.(*sdk.ListObjectsV2Output); !ok || len(o.Contents) != 1000 {
				b.Fatalf("SDK deserializer gave %T", out.Result)
			}
		}
	})
	b.Run("ours/response", func(b *testing.B) {
		b.SetBytes(int64(len(doc)))
		b.ReportAllocs()
		for b.Loop() {
			resp := &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(doc)), ContentLength: int64(len(doc))}
			var out ListObjectsV2Output
			if err := decodeListObjectsV2Response(resp, &out); err != nil || len(out.Contents) != 1000 {
				b.Fatal(err)
			}
		}
	})
}
