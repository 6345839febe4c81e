package ec2

// Parity with AWS's own Go SDK, on the figures and captures in
// ../shared/peer (measured with github.com/aws/aws-sdk-go-v2/service/ec2).
// This file is written by hand; smithy2go leaves it alone.

import (
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func peerFile(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "peer", name))
	if os.IsNotExist(err) {
		tb.Skipf("../shared/peer/%s is missing (a fresh clone without the shared data); skipping the SDK parity check", name)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// peerInput is the sample input of ../shared/peer/RESULTS.md.
func peerInput() *CreateInterruptibleCapacityReservationAllocationInput {
	return &CreateInterruptibleCapacityReservationAllocationInput{
		CapacityReservationId: ptr("cr-1234567890abcdef0"),
		InstanceCount:         ptr(int32(3)),
		ClientToken:           ptr("token-1"),
		DryRun:                ptr(true),
		TagSpecifications: []TagSpecification{{
			ResourceType: ResourceTypeCapacityReservation,
			Tags: []Tag{
				{Key: ptr("team"), Value: ptr("ml")},
				{Key: ptr("env"), Value: ptr("prod")},
			},
		}},
	}
}

func TestPeerRequestBody(t *testing.T) {
	want := peerFile(t, "sdk-body.2026-07.txt")
	got, err := peerInput().MarshalQuery()
	if err != nil {
		t.Fatal(err)
	}
	gotPairs, err := url.ParseQuery(string(got))
	if err != nil {
		t.Fatal(err)
	}
	wantPairs, err := url.ParseQuery(string(want))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotPairs, wantPairs) {
		t.Fatalf("key/value pairs differ from the SDK's:\n got %v\nwant %v", gotPairs, wantPairs)
	}
	// Keys go out in the SDK's sorted order, so the bytes match too.
	if string(got) != string(want) {
		t.Errorf("body differs from the SDK's byte for byte:\n got %s\nwant %s", got, want)
	}
}

func TestPeerResponse(t *testing.T) {
	var out CreateInterruptibleCapacityReservationAllocationOutput
	if err := out.UnmarshalResponse(peerFile(t, "response.xml")); err != nil {
		t.Fatal(err)
	}
	want := CreateInterruptibleCapacityReservationAllocationOutput{
		SourceCapacityReservationId: ptr("cr-1234567890abcdef0"),
		TargetInstanceCount:         ptr(int32(3)),
		Status:                      InterruptibleCapacityReservationAllocationStatusPending,
		InterruptionType:            InterruptionTypeAdhoc,
		ResultMetadata:              ResponseMetadata{RequestID: "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE"},
	}
	if !reflect.DeepEqual(out, want) {
		t.Errorf("decoded\n %+v\nwant\n %+v", out, want)
	}
}

// Benchmarks on the peer's sample input and response, to set beside the
// SDK's figures in ../shared/peer/RESULTS.md.

func BenchmarkMarshalQuery(b *testing.B) {
	in := peerInput()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := in.MarshalQuery(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnmarshalResponse(b *testing.B) {
	doc := peerFile(b, "response.xml")
	b.ReportAllocs()
	for b.Loop() {
		var out CreateInterruptibleCapacityReservationAllocationOutput
		if err := out.UnmarshalResponse(doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	in := peerInput()
	b.ReportAllocs()
	for b.Loop() {
		if err := in.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
