package sharedcodes

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"testing"
)

func errorBody(code string) []byte {
	return []byte(`<ErrorResponse><Error><Type>Sender</Type><Code>` + code + `</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>`)
}

func errorResponse(code string) *http.Response {
	b := errorBody(code)
	return &http.Response{StatusCode: 404, Body: io.NopCloser(bytes.NewReader(b)), ContentLength: int64(len(b))}
}

// Two error shapes send ResourceNotFound (CloudWatch's DashboardNotFoundError
// and ResourceNotFound): each operation decodes the one it declares.
func TestSharedCodeDecodesPerOperation(t *testing.T) {
	var dash *DashboardNotFoundError
	if err := decodeGetDashboardError(errorResponse("ResourceNotFound")); !errors.As(err, &dash) {
		t.Errorf("GetDashboard: %v, want a *DashboardNotFoundError", err)
	}
	var res *ResourceNotFound
	if err := decodeDeleteAnomalyDetectorError(errorResponse("ResourceNotFound")); !errors.As(err, &res) {
		t.Errorf("DeleteAnomalyDetector: %v, want a *ResourceNotFound", err)
	}
}

// A code the operation does not declare stays a generic API error, as in
// the SDK, with the response's status.
func TestUndeclaredCodeIsGeneric(t *testing.T) {
	err := decodePutMetricDataError(errorResponse("InvalidParameterValue"))
	var api *APIError
	if !errors.As(err, &api) || api.Code != "InvalidParameterValue" || api.StatusCode != 404 || api.Err != nil {
		t.Errorf("got %#v, want a plain *APIError", err)
	}
}

// Without an operation, an ambiguous code is a plain *APIError; an
// unambiguous one is modeled.
func TestUnmarshalErrorAmbiguousCode(t *testing.T) {
	err := UnmarshalError(errorBody("ResourceNotFound"))
	var api *APIError
	if !errors.As(err, &api) || api.Err != nil {
		t.Errorf("ResourceNotFound: %#v, want a plain *APIError", err)
	}
	var inv *InvalidParameterValueException
	if err := UnmarshalError(errorBody("InvalidParameterValue")); !errors.As(err, &inv) {
		t.Errorf("InvalidParameterValue: %v, want an *InvalidParameterValueException", err)
	}
}
