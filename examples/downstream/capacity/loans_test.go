package capacity

import (
	"errors"
	"net/url"
	"strings"
	"testing"
)

// sdkBody is what AWS's Go SDK (service/ec2 v1.317.1) sends for the loan
// in TestLoanBody, byte for byte: the capture the smithy2go project keeps
// in its shared data as peer/sdk-body.2026-07.txt.
const sdkBody = "Action=CreateInterruptibleCapacityReservationAllocation&CapacityReservationId=cr-1234567890abcdef0" +
	"&ClientToken=token-1&DryRun=true&InstanceCount=3&TagSpecification.1.ResourceType=capacity-reservation" +
	"&TagSpecification.1.Tag.1.Key=team&TagSpecification.1.Tag.1.Value=ml&TagSpecification.1.Tag.2.Key=env" +
	"&TagSpecification.1.Tag.2.Value=prod&Version=2016-11-15"

func TestLoanBody(t *testing.T) {
	l := Loan{
		Source:    "cr-1234567890abcdef0",
		Instances: 3,
		Labels:    []Label{{"team", "ml"}, {"env", "prod"}},
		Token:     "token-1",
		DryRun:    true,
	}
	body, err := l.Body()
	if err != nil {
		t.Fatal(err)
	}
	if string(body) != sdkBody {
		t.Errorf("body\n got %s\nwant %s", body, sdkBody)
	}
}

func TestLoanWithoutToken(t *testing.T) {
	body, err := Loan{Source: "cr-1", Instances: 1}.Body()
	if err != nil {
		t.Fatal(err)
	}
	v, err := url.ParseQuery(string(body))
	if err != nil {
		t.Fatal(err)
	}
	// EC2 deduplicates on the token, so one is always sent.
	if tok := v.Get("ClientToken"); len(tok) != 36 {
		t.Errorf("ClientToken %q, want a UUID", tok)
	}
}

func TestLoanRejected(t *testing.T) {
	_, err := Loan{Instances: 2}.Body()
	var ve *InvalidParamsError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a *InvalidParamsError", err)
	}
	if len(ve.Violations) != 1 || ve.Violations[0].Path != "CapacityReservationId" || ve.Violations[0].Constraint != "required" {
		t.Errorf("violations %+v, want CapacityReservationId required", ve.Violations)
	}
	if _, err := (Loan{Source: "cr-1"}).Body(); err == nil || !strings.Contains(err.Error(), "at least one") {
		t.Errorf("zero instances: err = %v", err)
	}
}

func TestResizeBody(t *testing.T) {
	body, err := ResizeBody("cr-0abc", 0)
	if err != nil {
		t.Fatal(err)
	}
	got, err := url.ParseQuery(string(body))
	if err != nil {
		t.Fatal(err)
	}
	// ec2Query: Action and Version, then members by their capitalised names.
	want := url.Values{
		"Action":                {"UpdateInterruptibleCapacityReservationAllocation"},
		"Version":               {"2016-11-15"},
		"CapacityReservationId": {"cr-0abc"},
		"TargetInstanceCount":   {"0"},
	}
	if got.Encode() != want.Encode() {
		t.Errorf("got %v, want %v", got, want)
	}
	if _, err := ResizeBody("cr-0abc", -1); err == nil {
		t.Error("a negative count was accepted")
	}
}

// createdResponse is the response document the smithy2go project keeps
// as peer/response.xml.
const createdResponse = `<?xml version="1.0" encoding="UTF-8"?>
<CreateInterruptibleCapacityReservationAllocationResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
    <requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>
    <sourceCapacityReservationId>cr-1234567890abcdef0</sourceCapacityReservationId>
    <targetInstanceCount>3</targetInstanceCount>
    <status>pending</status>
    <interruptionType>adhoc</interruptionType>
</CreateInterruptibleCapacityReservationAllocationResponse>`

func TestParseCreated(t *testing.T) {
	a, err := ParseCreated([]byte(createdResponse))
	if err != nil {
		t.Fatal(err)
	}
	want := Allocation{Source: "cr-1234567890abcdef0", Instances: 3, Phase: Starting, Status: "pending"}
	if a != want {
		t.Errorf("got %+v, want %+v", a, want)
	}
	// A status EC2 adds later is kept, not refused.
	later := strings.Replace(createdResponse, "<status>pending</status>", "<status>paused</status>", 1)
	a, err = ParseCreated([]byte(later))
	if err != nil {
		t.Fatal(err)
	}
	if a.Phase != Unrecognised || a.Status != "paused" {
		t.Errorf("unknown status: got %+v", a)
	}
	partial := strings.Replace(createdResponse, "<targetInstanceCount>3</targetInstanceCount>", "", 1)
	if _, err := ParseCreated([]byte(partial)); !errors.Is(err, ErrIncomplete) {
		t.Errorf("no count: err = %v, want ErrIncomplete", err)
	}
	if _, err := ParseCreated([]byte("<CreateInterruptibleCapacityReservationAllocationResponse><targetInstanceCount>three")); err == nil {
		t.Error("broken XML was accepted")
	}
}

func TestPhaseOf(t *testing.T) {
	// The statuses EC2 documents for interruptible allocations.
	cases := map[string]Phase{
		"pending": Starting, "active": Ready, "updating": Resizing,
		"canceling": Ended, "canceled": Ended, "failed": Ended, "": Unrecognised,
	}
	for status, want := range cases {
		if got := PhaseOf(InterruptibleCapacityReservationAllocationStatus(status)); got != want {
			t.Errorf("PhaseOf(%q) = %v, want %v", status, got, want)
		}
	}
	for _, s := range InterruptibleCapacityReservationAllocationStatus("").Values() {
		if PhaseOf(s) == Unrecognised {
			t.Errorf("status %q, which the model lists, is unrecognised", s)
		}
	}
}

func TestRetryable(t *testing.T) {
	// EC2's error document, as its API reference shows it.
	errBody := func(code string) []byte {
		return []byte(`<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>` + code + `</Code><Message>try again</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>`)
	}
	for code, want := range map[string]bool{
		"InsufficientInstanceCapacity": true, "RequestLimitExceeded": true,
		"InvalidCapacityReservationId.NotFound": false, "UnauthorizedOperation": false,
	} {
		if got := Retryable(errBody(code)); got != want {
			t.Errorf("Retryable(%s) = %v, want %v", code, got, want)
		}
	}
	if Retryable([]byte("not xml")) {
		t.Error("an unreadable body is retryable")
	}
}
