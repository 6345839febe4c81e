package validationerror

import (
	"errors"
	"testing"
)

// Model names win: EC2's ValidationError shape keeps its SDK name, and so
// does a shape named like the runtime's validation error, which yields.
func TestModelNamesWin(t *testing.T) {
	var out DescribeThingsOutput
	err := out.UnmarshalResponse([]byte(`<DescribeThingsResponse><errorSet><item><code>c</code><message>m</message></item></errorSet>` +
		`<params><Reason>r</Reason></params></DescribeThingsResponse>`))
	if err != nil {
		t.Fatal(err)
	}
	var _ []ValidationError = out.Errors
	var _ *InvalidParamsError = out.Params
	if len(out.Errors) != 1 || *out.Errors[0].Code != "c" || *out.Params.Reason != "r" {
		t.Errorf("got %+v", out)
	}
	var ve *InvalidParamsError_
	if err := (&DescribeThingsInput{}).Validate(); !errors.As(err, &ve) || ve.Violations[0].Constraint != "required" {
		t.Errorf("Validate: %v, want the runtime's renamed *InvalidParamsError_", err)
	}
}
