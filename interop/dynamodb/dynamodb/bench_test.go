package dynamodb

// Benchmarks of this package beside AWS's SDK in one run, on PutItem with
// a 20-attribute item (issue 11's figures):
//
//	go test -run '^$' -bench . -benchmem

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	sdk "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/google/go-cmp/cmp"
)

// benchItem is an item of 20 attributes of the kinds a table holds:
// strings, numbers, a binary, a boolean, a null, sets, a list and a map.
func benchItem() map[string]AttributeValue {
	item := map[string]AttributeValue{
		"pk":       &AttributeValueMemberS{Value: "customer#8f2d1c3a-5b7e-4d09-a6f1-0c2b3d4e5f60"},
		"sk":       &AttributeValueMemberS{Value: "order#2025-04-03T12:34:56Z#000123"},
		"total":    &AttributeValueMemberN{Value: "1234.56"},
		"quantity": &AttributeValueMemberN{Value: "3"},
		"created":  &AttributeValueMemberN{Value: "1743683696"},
		"digest":   &AttributeValueMemberB{Value: []byte("0123456789abcdef0123456789abcdef")},
		"paid":     &AttributeValueMemberBOOL{Value: true},
		"coupon":   &AttributeValueMemberNULL{Value: true},
		"tags":     &AttributeValueMemberSS{Value: []string{"gift", "express", "fragile"}},
		"sizes":    &AttributeValueMemberNS{Value: []string{"38", "40", "42"}},
		"history": &AttributeValueMemberL{Value: []AttributeValue{
			&AttributeValueMemberS{Value: "placed"}, &AttributeValueMemberS{Value: "paid"},
		}},
		"address": &AttributeValueMemberM{Value: map[string]AttributeValue{
			"street": &AttributeValueMemberS{Value: "12 Rue de la Paix"},
			"city":   &AttributeValueMemberS{Value: "Paris"},
			"zip":    &AttributeValueMemberS{Value: "75002"},
		}},
	}
	for i := len(item); i < 20; i++ {
		item["attr"+strconv.Itoa(i)] = &AttributeValueMemberS{Value: "value of attribute number " + strconv.Itoa(i)}
	}
	return item
}

func benchInput() *PutItemInput {
	return &PutItemInput{
		TableName:              ref("orders"),
		Item:                   benchItem(),
		ConditionExpression:    ref("attribute_not_exists(pk)"),
		ReturnValues:           ReturnValueAllOld,
		ReturnConsumedCapacity: ReturnConsumedCapacityTotal,
	}
}

func ref[T any](v T) *T { return &v }

// benchResponse is PutItem's answer holding the old item and the capacity
// used, written with encoding/json.
func benchResponse(t testing.TB) []byte {
	out := &PutItemOutput{Attributes: benchItem(), ConsumedCapacity: &ConsumedCapacity{TableName: ref("orders"), CapacityUnits: ref(2.0)}}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	if err := enc.Encode(map[string]any{
		"Attributes":       attributesJSON(out.Attributes),
		"ConsumedCapacity": map[string]any{"TableName": "orders", "CapacityUnits": 2.0},
	}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func attributesJSON(m map[string]AttributeValue) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		out[k] = attributeJSON(v)
	}
	return out
}

func attributeJSON(v AttributeValue) any {
	switch v := v.(type) {
	case *AttributeValueMemberS:
		return map[string]any{"S": v.Value}
	case *AttributeValueMemberN:
		return map[string]any{"N": v.Value}
	case *AttributeValueMemberB:
		return map[string]any{"B": v.Value} // encoding/json writes []byte in base64
	case *AttributeValueMemberBOOL:
		return map[string]any{"BOOL": v.Value}
	case *AttributeValueMemberNULL:
		return map[string]any{"NULL": v.Value}
	case *AttributeValueMemberSS:
		return map[string]any{"SS": v.Value}
	case *AttributeValueMemberNS:
		return map[string]any{"NS": v.Value}
	case *AttributeValueMemberL:
		var l []any
		for _, x := range v.Value {
			l = append(l, attributeJSON(x))
		}
		return map[string]any{"L": l}
	case *AttributeValueMemberM:
		return map[string]any{"M": attributesJSON(v.Value)}
	}
	panic("benchItem holds no other kind")
}

// TestBenchDataAgree holds the benchmarks' data to both sides: the SDK
// sends our body's value for the input, and both decode the response
// alike.
func TestBenchDataAgree(t *testing.T) {
	fake := &fakeAWS{status: 200, body: benchResponse(t)}
	sdkIn := new(sdk.PutItemInput)
	mustConvert(t, sdkIn, benchInput())
	sdkOut, err := newSDKClient(fake).PutItem(context.Background(), sdkIn)
	if err != nil {
		t.Fatal(err)
	}
	req, err := buildPutItemRequest(context.Background(), benchInput(), "https://dynamodb.us-east-1.amazonaws.com")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(req.Body)
	if err != nil {
		t.Fatal(err)
	}
	if same, err := sameJSON(body, fake.sent); err != nil || !same {
		t.Errorf("bodies differ (%v):\nours %s\n SDK %s", err, body, fake.sent)
	}
	fromSDK := new(PutItemOutput)
	mustConvert(t, fromSDK, sdkOut)
	var ours PutItemOutput
	if err := decodePutItemResponse(fake.response(nil), &ours); err != nil {
		t.Fatal(err)
	}
	ours.ResultMetadata = ResponseMetadata{}
	if diff := cmp.Diff(fromSDK, &ours); diff != "" || len(ours.Attributes) != 20 {
		t.Errorf("decoded (-SDK +ours):\n%s", diff)
	}
}

// sdkMiddlewares takes the SDK's own serializer and deserializer for
// PutItem out of its stack, so each can be timed alone, with the context
// they run in (which carries the SDK's operation metrics).
func sdkMiddlewares(t testing.TB, client *sdk.Client, in *sdk.PutItemInput) (context.Context, middleware.SerializeMiddleware, middleware.DeserializeMiddleware) {
	stop := errors.New("stack captured")
	var stack *middleware.Stack
	var ctx context.Context
	_, err := client.PutItem(context.Background(), in, func(o *sdk.Options) {
		o.APIOptions = append(o.APIOptions, func(s *middleware.Stack) error {
			stack = s
			return s.Serialize.Insert(middleware.SerializeMiddlewareFunc("captureContext",
				func(c context.Context, _ middleware.SerializeInput, _ middleware.SerializeHandler) (middleware.SerializeOutput, middleware.Metadata, error) {
					ctx = c
					return middleware.SerializeOutput{}, middleware.Metadata{}, stop
				}), "OperationSerializer", middleware.Before)
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
// operation's serializer (method, path, headers, body), the content
// length its build step computes, and smithyhttp's Build, which turns the
// result into an *http.Request. Signing, user agent, retry headers and
// sending are left out, as they are on our side. next is reused, so the
// harness itself allocates nothing.
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

// TestBenchRequestsAgree holds the two sides of BenchmarkPutItem's
// serializer to making the same request: method, URL, headers, length
// and body.
func TestBenchRequestsAgree(t *testing.T) {
	in := benchInput()
	sdkIn := new(sdk.PutItemInput)
	mustConvert(t, sdkIn, in)
	endpoint := "https://dynamodb.us-east-1.amazonaws.com"
	ctx, serialize, _ := sdkMiddlewares(t, newSDKClient(&fakeAWS{}), sdkIn)
	u, err := url.Parse(endpoint)
	if err != nil {
		t.Fatal(err)
	}
	want, err := sdkRequest(ctx, serialize, sdkIn, u, &captureSerialize{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := buildPutItemRequest(ctx, in, endpoint)
	if err != nil {
		t.Fatal(err)
	}
	if got.Method != want.Method || got.URL.String() != want.URL.String() || got.Host != want.Host && got.Host != want.URL.Host {
		t.Errorf("request line: ours %s %s (host %q), SDK %s %s (host %q)", got.Method, got.URL, got.Host, want.Method, want.URL, want.Host)
	}
	if diff := cmp.Diff(want.Header, got.Header); diff != "" {
		t.Errorf("headers (-SDK +ours):\n%s", diff)
	}
	if got.Context() != ctx || want.Context() != ctx {
		t.Error("a request lacks the context it was made with")
	}
	gotBody, err1 := io.ReadAll(got.Body)
	wantBody, err2 := io.ReadAll(want.Body)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if got.ContentLength != int64(len(gotBody)) || want.ContentLength != int64(len(wantBody)) {
		t.Errorf("ContentLength: ours %d for %d bytes, SDK %d for %d", got.ContentLength, len(gotBody), want.ContentLength, len(wantBody))
	}
	if same, err := sameJSON(gotBody, wantBody); err != nil || !same {
		t.Errorf("bodies differ (%v):\nours %s\n SDK %s", err, gotBody, wantBody)
	}
}

func (c cannedResponse) HandleDeserialize(context.Context, middleware.DeserializeInput) (middleware.DeserializeOutput, middleware.Metadata, error) {
	return middleware.DeserializeOutput{RawResponse: &smithyhttp.Response{Response: newResponse(c.body)}}, middleware.Metadata{}, nil
}

// newResponse is a 200 response with body, made the same way for both.
func newResponse(body []byte) *http.Response {
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body))}
}

// BenchmarkPutItem times PutItem's serializer and deserializer both ways.
//
// serialize: each side turns the input into the complete *http.Request it
// would send before signing: method, URL, headers, body and its length,
// carrying the same context. The SDK's side is sdkRequest (its
// serializer, content length and Build, on a copy of the parsed
// endpoint); ours is buildPutItemRequest from the endpoint string (which
// it parses, or finds parsed), released after each call as the client
// does; ours/serialize-kept never releases them.
//
// deserialize: both read a fresh response's body into the output.
func BenchmarkPutItem(b *testing.B) {
	in := benchInput()
	sdkIn := new(sdk.PutItemInput)
	mustConvert(b, sdkIn, in)
	endpoint := "https://dynamodb.us-east-1.amazonaws.com"
	doc := benchResponse(b)
	sdkCtx, serialize, deserialize := sdkMiddlewares(b, newSDKClient(&fakeAWS{}), sdkIn)
	u, err := url.Parse(endpoint)
	if err != nil {
		b.Fatal(err)
	}

	b.Run("SDK/serialize", func(b *testing.B) {
		next := &captureSerialize{}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := sdkRequest(sdkCtx, serialize, sdkIn, u, next); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ours/serialize", func(b *testing.B) {
		// As the client runs it: once a call succeeds, the transport has
		// closed the body and the client releases the request, whose
		// URL, header map and body buffer make the next one.
		b.ReportAllocs()
		for b.Loop() {
			req, err := buildPutItemRequest(sdkCtx, in, endpoint)
			if err != nil {
				b.Fatal(err)
			}
			req.Body.Close()
			httpRelease(req)
		}
	})
	b.Run("ours/serialize-kept", func(b *testing.B) {
		// Requests never released, as with an HTTP client that may keep
		// them: each has parts of its own.
		b.ReportAllocs()
		for b.Loop() {
			if _, err := buildPutItemRequest(sdkCtx, in, endpoint); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("SDK/deserialize", func(b *testing.B) {
		next := cannedResponse{doc}
		b.ReportAllocs()
		for b.Loop() {
			out, _, err := deserialize.HandleDeserialize(sdkCtx, middleware.DeserializeInput{}, next)
			if err != nil {
				b.Fatal(err)
			}
			if _, ok := out.Result.(*sdk.PutItemOutput); !ok {
				b.Fatalf("SDK deserializer gave %T", out.Result)
			}
		}
	})
	b.Run("ours/deserialize", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var out PutItemOutput
			if err := decodePutItemResponse(newResponse(doc), &out); err != nil {
				b.Fatal(err)
			}
		}
	})
}
