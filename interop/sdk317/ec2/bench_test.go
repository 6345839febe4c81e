package ec2

// Benchmarks of this package beside AWS's SDK in one run, on the peer's
// sample input and response (../shared/peer). Shared with the other interop
// module (see harness_test.go).
//
//	go test -run '^$' -bench . -benchmem

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	sdk "github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/google/go-cmp/cmp"
)

// peerResponse is ../shared/peer/response.xml, kept here so the benchmarks
// run without the shared data; TestPeerResponse holds the two equal.
const peerResponse = `<?xml version="1.0" encoding="UTF-8"?>
<CreateInterruptibleCapacityReservationAllocationResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
    <requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>
    <sourceCapacityReservationId>cr-1234567890abcdef0</sourceCapacityReservationId>
    <targetInstanceCount>3</targetInstanceCount>
    <status>pending</status>
    <interruptionType>adhoc</interruptionType>
</CreateInterruptibleCapacityReservationAllocationResponse>
`

func TestPeerResponse(t *testing.T) {
	path := filepath.Join("..", "..", "..", "..", "shared", "peer", "response.xml")
	file, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s is missing (a clone without the shared data); peerResponse cannot be checked against it", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	if string(file) != peerResponse {
		t.Errorf("peerResponse differs from %s", path)
	}
	sdkOut, err := sdkDecode(t, 200, peerResponse)
	if err != nil {
		t.Fatal(err)
	}
	var ours CreateInterruptibleCapacityReservationAllocationOutput
	if err := ours.UnmarshalResponse([]byte(peerResponse)); err != nil {
		t.Fatal(err)
	}
	if ours.ResultMetadata.RequestID != "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE" {
		t.Errorf("RequestID = %q", ours.ResultMetadata.RequestID)
	}
	ours.ResultMetadata = ResponseMetadata{}
	if diff := cmp.Diff(sdkOut, &ours); diff != "" || ours.Status != InterruptibleCapacityReservationAllocationStatusPending {
		t.Errorf("decoded (-SDK +ours):\n%s", diff)
	}
}

// sdkMiddlewares takes the SDK's own validator, serializer and deserializer
// for CreateInterruptibleCapacityReservationAllocation out of its stack, so
// each can be timed alone.
func sdkMiddlewares(b *testing.B, client *sdk.Client) (middleware.InitializeMiddleware, middleware.SerializeMiddleware, middleware.DeserializeMiddleware) {
	stop := errors.New("stack captured")
	var stack *middleware.Stack
	_, err := client.CreateInterruptibleCapacityReservationAllocation(context.Background(), validSDKInput[sdk.CreateInterruptibleCapacityReservationAllocationInput](), func(o *sdk.Options) {
		o.APIOptions = append(o.APIOptions, func(s *middleware.Stack) error { stack = s; return stop })
	})
	if !errors.Is(err, stop) {
		b.Fatalf("capturing the SDK's stack: %v", err)
	}
	v, ok1 := stack.Initialize.Get("OperationInputValidation")
	s, ok2 := stack.Serialize.Get("OperationSerializer")
	d, ok3 := stack.Deserialize.Get("OperationDeserializer")
	if !ok1 || !ok2 || !ok3 {
		b.Fatalf("SDK stack lacks its operation middlewares:\n%s", stack)
	}
	return v, s, d
}

type (
	nopInitialize  struct{}
	nopSerialize   struct{}
	cannedResponse struct{ body []byte }
)

func (nopInitialize) HandleInitialize(context.Context, middleware.InitializeInput) (middleware.InitializeOutput, middleware.Metadata, error) {
	return middleware.InitializeOutput{}, middleware.Metadata{}, nil
}

func (nopSerialize) HandleSerialize(context.Context, middleware.SerializeInput) (middleware.SerializeOutput, middleware.Metadata, error) {
	return middleware.SerializeOutput{}, middleware.Metadata{}, nil
}

func (c cannedResponse) HandleDeserialize(context.Context, middleware.DeserializeInput) (middleware.DeserializeOutput, middleware.Metadata, error) {
	resp := &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(c.body)), ContentLength: int64(len(c.body))}
	return middleware.DeserializeOutput{RawResponse: &smithyhttp.Response{Response: resp}}, middleware.Metadata{}, nil
}

// BenchmarkCreate times CreateInterruptibleCapacityReservationAllocation
// both ways. The full calls differ in scope: the SDK's signs with SigV4 and
// runs its middleware stack, ours validates, builds the request and decodes,
// with nothing to sign; both go through an http.Client to the same
// in-process transport.
func BenchmarkCreate(b *testing.B) {
	ctx := context.Background()
	fake := &fakeEC2{status: 200, body: []byte(peerResponse)}
	client := newSDKClient(fake)
	sdkIn := new(sdk.CreateInterruptibleCapacityReservationAllocationInput)
	mustConvert(b, sdkIn, peerInput())
	in := peerInput()
	endpoint := "https://ec2.us-east-1.amazonaws.com"
	doc := []byte(peerResponse)

	b.Run("SDK/call", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := client.CreateInterruptibleCapacityReservationAllocation(ctx, sdkIn); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ours/call", func(b *testing.B) {
		hc := &http.Client{Transport: fake}
		b.ReportAllocs()
		for b.Loop() {
			req, err := in.NewRequest(ctx, endpoint)
			if err != nil {
				b.Fatal(err)
			}
			resp, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				b.Fatal(err)
			}
			var out CreateInterruptibleCapacityReservationAllocationOutput
			if err := out.UnmarshalResponse(body); err != nil {
				b.Fatal(err)
			}
		}
	})

	validate, serialize, deserialize := sdkMiddlewares(b, client)
	u, err := url.Parse(endpoint)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("SDK/serialize", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			req := smithyhttp.NewStackRequest().(*smithyhttp.Request)
			*req.URL = *u
			if _, _, err := serialize.HandleSerialize(ctx, middleware.SerializeInput{Request: req, Parameters: sdkIn}, nopSerialize{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ours/MarshalQuery", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := in.MarshalQuery(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("SDK/deserialize", func(b *testing.B) {
		next := cannedResponse{doc}
		b.ReportAllocs()
		for b.Loop() {
			out, _, err := deserialize.HandleDeserialize(ctx, middleware.DeserializeInput{}, next)
			if err != nil {
				b.Fatal(err)
			}
			if _, ok := out.Result.(*sdk.CreateInterruptibleCapacityReservationAllocationOutput); !ok {
				b.Fatalf("SDK deserializer gave %T", out.Result)
			}
		}
	})
	b.Run("ours/UnmarshalResponse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var out CreateInterruptibleCapacityReservationAllocationOutput
			if err := out.UnmarshalResponse(doc); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("SDK/validate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := validate.HandleInitialize(ctx, middleware.InitializeInput{Parameters: sdkIn}, nopInitialize{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ours/Validate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := in.Validate(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
