package errormessage

import (
	"errors"
	"testing"
)

// The model's member is "message", the wire's element <Message>: names
// match case-insensitively, as in the SDK (STS's ExpiredTokenException).
func TestModeledErrorKeepsItsMessage(t *testing.T) {
	err := UnmarshalError([]byte(`<ErrorResponse><Error><Type>Sender</Type><Code>ExpiredTokenException</Code>` +
		`<Message>The security token included in the request is expired</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`))
	var e *ExpiredTokenException
	if !errors.As(err, &e) {
		t.Fatalf("got %v, want an *ExpiredTokenException", err)
	}
	if got := e.ErrorMessage(); got != "The security token included in the request is expired" {
		t.Errorf("ErrorMessage() = %q", got)
	}
}

// Members of responses match whatever the case of the element.
func TestResponseNamesMatchAnyCase(t *testing.T) {
	var out GetCallerIdentityOutput
	err := out.UnmarshalResponse([]byte(`<GetCallerIdentityResponse><GetCallerIdentityResult>` +
		`<Account>123</Account><USERID>u</USERID></GetCallerIdentityResult></GetCallerIdentityResponse>`))
	if err != nil {
		t.Fatal(err)
	}
	if out.Account == nil || *out.Account != "123" || out.UserId == nil || *out.UserId != "u" {
		t.Errorf("got %+v", out)
	}
}
