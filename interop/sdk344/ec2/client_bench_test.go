package ec2

// The full call, ours beside the SDK's, in one run: both clients sign
// with SigV4 from static credentials, run their default retryer and send
// through an http.Client to the same in-process transport.
//
//	go test -run '^$' -bench Client -benchmem

import (
	"context"
	"net/http"
	"testing"

	sdk "github.com/aws/aws-sdk-go-v2/service/ec2"
)

func BenchmarkClient(b *testing.B) {
	ctx := context.Background()
	fake := &fakeEC2{status: 200, body: []byte(peerResponse)}
	hc := &http.Client{Transport: fake}
	// Both resolve the endpoint with EC2's rules from the region.
	their := sdk.New(sdk.Options{Region: "us-east-1", Credentials: testCredentials(), HTTPClient: hc})
	our := New(Options{Region: "us-east-1", Credentials: testCredentials(), HTTPClient: hc})
	sdkIn := new(sdk.CreateInterruptibleCapacityReservationAllocationInput)
	mustConvert(b, sdkIn, peerInput())
	in := peerInput()

	b.Run("SDK/call", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := their.CreateInterruptibleCapacityReservationAllocation(ctx, sdkIn); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ours/call", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := our.CreateInterruptibleCapacityReservationAllocation(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
	if !verifyFakeSignature(fake) {
		b.Fatal("the last request's signature does not verify")
	}
}

// verifyFakeSignature checks the SigV4 signature of the last request the
// fake transport saw, so the benchmark times calls that sign correctly.
func verifyFakeSignature(f *fakeEC2) bool {
	ok, _, _, _ := verifySigV4(f.req, f.sent.Bytes())
	return ok
}
