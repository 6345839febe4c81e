package s3

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	sdk "github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// middlewareHeaders are what the SDK's middleware adds to a request
// beyond its serializer: the user agent, signing, invocation tracking and
// the accepted encoding. Content-Length is compared as the request's field.
var middlewareHeaders = map[string]bool{
	"User-Agent": true, "X-Amz-User-Agent": true, "Authorization": true, "X-Amz-Date": true,
	"X-Amz-Content-Sha256": true, "X-Amz-Security-Token": true, "Amz-Sdk-Invocation-Id": true,
	"Amz-Sdk-Request": true, "Accept-Encoding": true, "Content-Length": true,
}

// requestString draws request strings: anything XML can carry, which
// query strings, paths and headers then carry as both sides send them.
var requestString = rapid.OneOf(bodyString, headerString)

// bucketName draws a bucket both sides can address: mostly names that can
// be host names (virtual-hosted addressing), some that cannot (the SDK's
// endpoint rules fall back to path-style addressing).
var bucketName = rapid.OneOf(
	rapid.StringMatching(`[a-z0-9][a-z0-9-]{2,20}[a-z0-9]`),
	rapid.StringMatching(`[a-z0-9][a-z0-9.]{2,12}[a-z0-9]`),
	rapid.StringMatching(`[A-Za-z0-9_]{3,12}`),
)

// objectKey draws object keys: any non-empty string of XML characters,
// slashes, dot segments and escapes included.
var objectKey = rapid.OneOf(
	rapid.StringMatching(`[a-zA-Z0-9/._-]{1,30}`),
	rapid.StringOf(rapid.SampledFrom(specialRunes)).Filter(func(s string) bool { return s != "" }),
	rapid.SampledFrom([]string{"../key.txt", "foo/../key.txt", "a//b", "/leading", "trailing/", "my key.txt", "%2F"}),
)

// sdkCall is the shape of an SDK operation method.
type sdkCall[S, O any] func(*sdk.Client, context.Context, *S, ...func(*sdk.Options)) (*O, error)

// builder is the shape of this package's request builders.
type builder[I any] func(context.Context, *I, string) (*http.Request, error)

// validated is an input this package validates.
type validated[I any] interface {
	*I
	Validate() error
}

// checkRequests draws random inputs for one operation and checks that the
// SDK and this package agree on them: both reject the same inputs, and for
// the rest this package's request is the SDK's: method, path, query
// parameters, headers (but those the SDK's middleware adds), length and
// body (XML compared as a tree). The endpoint is the SDK's: the host its
// endpoint rules resolve, and for path-style addressing the bucket as the
// endpoint's path; resolving it is the endpoint resolver's job.
func checkRequests[I any, PI validated[I], S, O any](t *testing.T, build builder[I], call sdkCall[S, O]) {
	var st drawStats
	rapid.Check(t, func(rt *rapid.T) {
		st.cases++
		in := PI(new(I))
		fill(rt, reflect.ValueOf(in).Elem(), requestString, "input", &st)
		v := reflect.ValueOf(in).Elem()
		bucket := bucketName.Draw(rt, "bucket")
		if f := v.FieldByName("Bucket"); f.IsValid() {
			f.Set(reflect.ValueOf(&bucket))
		}
		if f := v.FieldByName("Key"); f.IsValid() {
			f.Set(reflect.ValueOf(ref(objectKey.Draw(rt, "key"))))
		}
		var payload []byte
		stream := false
		if f := v.FieldByName("Body"); f.IsValid() && f.Type() == readerType {
			stream = true
			if !f.IsNil() {
				payload, _ = io.ReadAll(f.Interface().(io.Reader))
				f.Set(reflect.ValueOf(bytes.NewReader(payload)))
			}
		}
		if f := v.FieldByName("ChecksumAlgorithm"); f.IsValid() {
			if stream {
				// A stream's checksum is a trailer of an aws-chunked body,
				// the client's business, not the request builder's.
				f.SetString("")
			} else if vs, _ := enumValues(f.Type()); !slices.Contains(vs, f.String()) {
				// The SDK refuses algorithms it does not know.
				f.SetString(rapid.SampledFrom(append(vs, "")).Draw(rt, "known checksum algorithm"))
			}
		}
		// A ContentLength member states the stream's length; the SDK trusts
		// it, httpbind measures the stream (see the report): draw it true.
		if f := v.FieldByName("ContentLength"); f.IsValid() && !f.IsNil() {
			f.Set(reflect.ValueOf(ref(int64(len(payload)))))
		}
		sdkIn := new(S)
		mustConvert(rt, sdkIn, in)
		if f := reflect.ValueOf(sdkIn).Elem().FieldByName("Body"); payload != nil && f.IsValid() {
			f.Set(reflect.ValueOf(bytes.NewReader(payload)))
		}
		pathStyle := rapid.Bool().Draw(rt, "path-style addressing")
		// Some operations' SDK deserializers refuse a 200 without a document.
		fake := &fakeS3{status: 200, body: []byte("<Result/>")}
		_, sdkErr := call(newSDKClient(fake, pathStyle), context.Background(), sdkIn)
		ourErr := in.Validate()
		if sdkErr != nil {
			var invalid smithy.InvalidParamsError
			if !errors.As(sdkErr, &invalid) || fake.req != nil {
				rt.Fatalf("SDK call failed: %v", sdkErr)
			}
			if ourErr == nil {
				rt.Fatalf("the SDK rejects the input (%v), Validate accepts it", sdkErr)
			}
			st.rejected++
			return
		}
		if ourErr != nil {
			// Validate checks the model's constraints (@range, @length,
			// @pattern); the SDK checks only that required members are set.
			var ve *InvalidParamsError
			if !errors.As(ourErr, &ve) || slices.ContainsFunc(ve.Violations, func(v Violation) bool { return v.Constraint == "required" }) {
				rt.Fatalf("the SDK accepts the input, Validate rejects it: %v", ourErr)
			}
			st.stricter++
			return
		}
		sdkReq := fake.req
		endpoint := sdkReq.URL.Scheme + "://" + sdkReq.URL.Host
		if !strings.HasPrefix(sdkReq.URL.Host, bucket+".") {
			st.pathStyles++
			seg, _, _ := strings.Cut(strings.TrimPrefix(sdkReq.URL.EscapedPath(), "/"), "/")
			endpoint += "/" + seg
		}
		if payload != nil {
			reflect.ValueOf(in).Elem().FieldByName("Body").Set(reflect.ValueOf(bytes.NewReader(payload)))
		}
		req, err := build(context.Background(), (*I)(in), endpoint)
		if err != nil {
			rt.Fatalf("building the request for %s: %v", endpoint, err)
		}
		compareRequests(rt, sdkReq, fake.sent, req)
		st.compared++
	})
	t.Logf("%d cases: %d requests compared (%d path-style), %d rejected by both, %d by Validate alone for a constraint; %d nil pointers, %d empty strings, %d empty lists, %d lists of 10 or more, %d unknown enum values",
		st.cases, st.compared, st.pathStyles, st.rejected, st.stricter, st.nilPointers, st.emptyStrings, st.emptyLists, st.longLists, st.unknownEnums)
	// Nested required members left unset are common in random inputs;
	// both sides refuse those.
	if checksAtDefault && !t.Failed() && st.compared < propertyChecks/4 {
		t.Errorf("only %d requests compared, want at least %d", st.compared, propertyChecks/4)
	}
}

// compareRequests holds ours to the SDK's request, whose body was sent.
func compareRequests(rt *rapid.T, sdkReq *http.Request, sdkBody []byte, req *http.Request) {
	if req.Method != sdkReq.Method {
		rt.Fatalf("method %s, SDK %s", req.Method, sdkReq.Method)
	}
	if got, want := req.URL.Host, sdkReq.URL.Host; got != want {
		rt.Fatalf("host %s, SDK %s", got, want)
	}
	if got, want := req.URL.EscapedPath(), sdkReq.URL.EscapedPath(); got != want {
		rt.Fatalf("path %s, SDK %s", got, want)
	}
	gotQ, err1 := url.ParseQuery(req.URL.RawQuery)
	wantQ, err2 := url.ParseQuery(sdkReq.URL.RawQuery)
	if err1 != nil || err2 != nil {
		rt.Fatalf("queries do not parse: %q %v, SDK %q %v", req.URL.RawQuery, err1, sdkReq.URL.RawQuery, err2)
	}
	if diff := cmp.Diff(wantQ, gotQ); diff != "" {
		rt.Fatalf("query parameters differ (-SDK +ours):\n%s\n SDK %s\nours %s", diff, sdkReq.URL.RawQuery, req.URL.RawQuery)
	}
	headers := func(h http.Header) map[string]string {
		out := map[string]string{}
		for k, vs := range h {
			if !middlewareHeaders[k] {
				out[k] = strings.Join(vs, ", ")
			}
		}
		return out
	}
	var body []byte
	if req.Body != nil {
		var err error
		if body, err = io.ReadAll(req.Body); err != nil {
			rt.Fatal(err)
		}
	}
	if diff := cmp.Diff(headers(sdkReq.Header), headers(req.Header)); diff != "" {
		rt.Fatalf("headers differ (-SDK +ours):\n%s\n SDK body %q\nours %q", diff, sdkBody, body)
	}
	if int64(len(body)) != req.ContentLength && !(req.ContentLength == -1) || req.ContentLength != max(sdkReq.ContentLength, 0) && len(sdkBody) > 0 {
		rt.Fatalf("ContentLength %d (body %d bytes), SDK %d (body %d bytes)", req.ContentLength, len(body), sdkReq.ContentLength, len(sdkBody))
	}
	if strings.HasPrefix(req.Header.Get("Content-Type"), "application/xml") && len(sdkBody) > 0 {
		if diff := protocolXMLDiff(body, sdkBody); diff != "" {
			rt.Fatalf("XML bodies differ: %s\n SDK %s\nours %s", diff, sdkBody, body)
		}
	} else if !bytes.Equal(body, sdkBody) {
		rt.Fatalf("bodies differ:\n SDK %q\nours %q", sdkBody, body)
	}
}

func TestPutObjectRequestsMatchSDK(t *testing.T) {
	checkRequests[PutObjectInput](t, buildPutObjectRequest, (*sdk.Client).PutObject)
}

func TestGetObjectRequestsMatchSDK(t *testing.T) {
	checkRequests[GetObjectInput](t, buildGetObjectRequest, (*sdk.Client).GetObject)
}

func TestHeadObjectRequestsMatchSDK(t *testing.T) {
	checkRequests[HeadObjectInput](t, buildHeadObjectRequest, (*sdk.Client).HeadObject)
}

func TestDeleteObjectRequestsMatchSDK(t *testing.T) {
	checkRequests[DeleteObjectInput](t, buildDeleteObjectRequest, (*sdk.Client).DeleteObject)
}

func TestListObjectsV2RequestsMatchSDK(t *testing.T) {
	checkRequests[ListObjectsV2Input](t, buildListObjectsV2Request, (*sdk.Client).ListObjectsV2)
}

func TestListObjectsRequestsMatchSDK(t *testing.T) {
	checkRequests[ListObjectsInput](t, buildListObjectsRequest, (*sdk.Client).ListObjects)
}

func TestDeleteObjectsRequestsMatchSDK(t *testing.T) {
	checkRequests[DeleteObjectsInput](t, buildDeleteObjectsRequest, (*sdk.Client).DeleteObjects)
}

func TestPutBucketTaggingRequestsMatchSDK(t *testing.T) {
	checkRequests[PutBucketTaggingInput](t, buildPutBucketTaggingRequest, (*sdk.Client).PutBucketTagging)
}

func TestGetBucketTaggingRequestsMatchSDK(t *testing.T) {
	checkRequests[GetBucketTaggingInput](t, buildGetBucketTaggingRequest, (*sdk.Client).GetBucketTagging)
}

func TestGetObjectAclRequestsMatchSDK(t *testing.T) {
	checkRequests[GetObjectAclInput](t, buildGetObjectAclRequest, (*sdk.Client).GetObjectAcl)
}

func TestCreateBucketRequestsMatchSDK(t *testing.T) {
	checkRequests[CreateBucketInput](t, buildCreateBucketRequest, (*sdk.Client).CreateBucket)
}

func TestCopyObjectRequestsMatchSDK(t *testing.T) {
	checkRequests[CopyObjectInput](t, buildCopyObjectRequest, (*sdk.Client).CopyObject)
}

func TestCompleteMultipartUploadRequestsMatchSDK(t *testing.T) {
	checkRequests[CompleteMultipartUploadInput](t, buildCompleteMultipartUploadRequest, (*sdk.Client).CompleteMultipartUpload)
}

func TestCreateMultipartUploadRequestsMatchSDK(t *testing.T) {
	checkRequests[CreateMultipartUploadInput](t, buildCreateMultipartUploadRequest, (*sdk.Client).CreateMultipartUpload)
}

func TestUploadPartRequestsMatchSDK(t *testing.T) {
	checkRequests[UploadPartInput](t, buildUploadPartRequest, (*sdk.Client).UploadPart)
}

func TestGetBucketLocationRequestsMatchSDK(t *testing.T) {
	checkRequests[GetBucketLocationInput](t, buildGetBucketLocationRequest, (*sdk.Client).GetBucketLocation)
}

func TestListBucketsRequestsMatchSDK(t *testing.T) {
	checkRequests[ListBucketsInput](t, buildListBucketsRequest, (*sdk.Client).ListBuckets)
}

func TestHeadBucketRequestsMatchSDK(t *testing.T) {
	checkRequests[HeadBucketInput](t, buildHeadBucketRequest, (*sdk.Client).HeadBucket)
}

func TestGetObjectAttributesRequestsMatchSDK(t *testing.T) {
	checkRequests[GetObjectAttributesInput](t, buildGetObjectAttributesRequest, (*sdk.Client).GetObjectAttributes)
}
