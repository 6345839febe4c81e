package templates

import (
	"errors"
	"fmt"
	"testing"
)

// smithyAPIError is smithy-go's APIError method set; callers match on it.
type smithyAPIError interface {
	error
	ErrorCode() string
	ErrorMessage() string
	ErrorFault() ErrorFault
}

var _ smithyAPIError = (*APIError)(nil)

func TestAPIError(t *testing.T) {
	cases := []struct {
		err  *APIError
		want string
	}{
		{&APIError{Code: "InvalidGreeting", Message: "Hi", RequestID: "foo-id"}, "api error InvalidGreeting: Hi (request ID foo-id)"},
		{&APIError{Code: "InvalidGreeting", Message: "Hi"}, "api error InvalidGreeting: Hi"},
		{&APIError{Code: "Throttling"}, "api error Throttling"},
	}
	for _, c := range cases {
		if got := c.err.Error(); got != c.want {
			t.Errorf("Error() = %q, want %q", got, c.want)
		}
	}
	var err error = fmt.Errorf("operation failed: %w", &APIError{Code: "C", Message: "M", Fault: FaultClient})
	var ae smithyAPIError
	if !errors.As(err, &ae) || ae.ErrorCode() != "C" || ae.ErrorMessage() != "M" || ae.ErrorFault() != FaultClient {
		t.Fatalf("errors.As: %v", ae)
	}
	var concrete *APIError
	if !errors.As(err, &concrete) || concrete.Code != "C" {
		t.Fatal("errors.As to *APIError failed")
	}
	// Same numbering and names as smithy-go.
	for f, want := range map[ErrorFault]string{FaultUnknown: "unknown", FaultServer: "server", FaultClient: "client", 7: "unknown"} {
		if f.String() != want {
			t.Errorf("%d.String() = %q, want %q", int(f), f.String(), want)
		}
	}
	if FaultUnknown != 0 || FaultServer != 1 || FaultClient != 2 {
		t.Error("fault values differ from smithy-go's")
	}
}

// A modeled error wrapped in an APIError is found by errors.As, and the
// APIError keeps the request ID.
func TestAPIErrorUnwrap(t *testing.T) {
	modeled := &wrappedTestError{}
	var err error = &APIError{Code: "Throttled", RequestID: "r-1", Err: modeled}
	var got *wrappedTestError
	if !errors.As(err, &got) || got != modeled {
		t.Fatalf("errors.As did not find the modeled error")
	}
	var api *APIError
	if !errors.As(err, &api) || api.RequestID != "r-1" {
		t.Fatalf("errors.As did not find the APIError")
	}
	if (&APIError{Code: "X"}).Unwrap() != nil {
		t.Fatal("Unwrap of a plain APIError is not nil")
	}
}

type wrappedTestError struct{}

func (*wrappedTestError) Error() string { return "modeled" }
