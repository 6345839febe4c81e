package ec2

// Error documents, and the documents and inputs the random tests do not
// draw: spellings EC2 is not known to send but the SDK reads, and values at
// the edges of their types. Where this package deliberately differs from
// the SDK of 2021, diverges says why (the README lists them) and the test
// holds this package to its own behaviour.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	sdk "github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

// TestErrorsMatchSDK answers the SDK with random error documents and checks
// that UnmarshalError finds the same code, message and request ID. EC2
// models no errors, so every operation reads them alike.
func TestErrorsMatchSDK(t *testing.T) {
	fake := &fakeEC2{}
	client := newSDKClient(fake)
	compared := 0
	rapid.Check(t, func(rt *rapid.T) {
		fake.status = rapid.SampledFrom([]int{400, 401, 403, 404, 409, 429, 500, 503}).Draw(rt, "status")
		var parts []string
		text := func(name string) {
			if rapid.IntRange(0, 4).Draw(rt, name+" is absent") == 0 {
				return
			}
			parts = append(parts, "<"+name+">"+escapeXML(responseString.Draw(rt, name))+"</"+name+">")
		}
		text("Code")
		text("Message")
		if rapid.Bool().Draw(rt, "unknown element") {
			parts = append(parts, "<Detail><Reason>r</Reason></Detail>")
		}
		parts = rapid.Permutation(parts).Draw(rt, "order")
		errorsElem := "<Errors><Error>" + strings.Join(parts, "") + "</Error></Errors>"
		var idElem string
		if rapid.IntRange(0, 4).Draw(rt, "request ID is absent") > 0 {
			idElem = "<RequestID>" + escapeXML(responseString.Draw(rt, "request ID")) + "</RequestID>"
		}
		body := "<Response>" + errorsElem + idElem + "</Response>"
		if rapid.Bool().Draw(rt, "request ID first") {
			body = "<Response>" + idElem + errorsElem + "</Response>"
		}
		if rapid.Bool().Draw(rt, "XML declaration") {
			body = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + body
		}
		fake.body = []byte(body)

		sdkCode, sdkMsg, sdkID, ok := sdkErrorFields(client, fake)
		if !ok {
			rt.Fatalf("the SDK gave no API error from a response\ndocument: %s", body)
		}
		var ours *APIError
		if err := UnmarshalError(fake.body); !errors.As(err, &ours) {
			rt.Fatalf("UnmarshalError gives %v (%T), want an *APIError\ndocument: %s", err, err, body)
		}
		type fields struct{ Code, Message, RequestID string }
		if diff := cmp.Diff(fields{sdkCode, sdkMsg, sdkID}, fields{ours.ErrorCode(), ours.ErrorMessage(), ours.RequestID}); diff != "" {
			rt.Fatalf("error fields differ (-SDK +ours):\n%s\ndocument: %s", diff, body)
		}
		compared++
	})
	t.Logf("%d error documents decoded alike", compared)
}

// sdkErrorFields calls an operation the fake answers with an error and
// returns what the SDK read from it.
func sdkErrorFields(client *sdk.Client, fake *fakeEC2) (code, msg, requestID string, ok bool) {
	_, err := client.DescribeRegions(context.Background(), &sdk.DescribeRegionsInput{})
	var api smithy.APIError
	var resp *awshttp.ResponseError
	if !errors.As(err, &api) || !errors.As(err, &resp) {
		return "", "", "", false
	}
	return api.ErrorCode(), api.ErrorMessage(), resp.ServiceRequestID(), true
}

// float32Tie is just above the midpoint between float32(1) and the next
// float32, 1+2⁻²³, and within half a float64 step of it: read as a float64
// first, it becomes the midpoint and then rounds to even, 1.
const float32Tie = "1.000000059604644775390625000001"

func TestUnusualResponses(t *testing.T) {
	fleet := "CreateCapacityReservationFleet" // double, integer, timestamp
	volume := "AttachVolume"                  // boolean
	reserved := "DescribeReservedInstances"   // float, long in a list
	bundle := "BundleInstance"                // blob, nested
	ri := func(inner string) string {
		return "<reservedInstancesSet><item>" + inner + "</item></reservedInstancesSet>"
	}
	policy := func(text string) string {
		return "<bundleInstanceTask><storage><S3><uploadPolicy>" + text + "</uploadPolicy></S3></storage></bundleInstanceTask>"
	}
	for _, c := range []struct {
		name, op, inner, diverges string // inner goes inside the root element
	}{
		{"double with exponent", fleet, `<totalFulfilledCapacity>1.5e3</totalFulfilledCapacity>`, ""},
		{"double with plus sign", fleet, `<totalFulfilledCapacity>+1.5</totalFulfilledCapacity>`, ""},
		{"double without integer part", fleet, `<totalFulfilledCapacity>.5</totalFulfilledCapacity>`, ""},
		{"double without fraction", fleet, `<totalFulfilledCapacity>5.</totalFulfilledCapacity>`, ""},
		{"double negative zero", fleet, `<totalFulfilledCapacity>-0</totalFulfilledCapacity>`, ""},
		{"double too large", fleet, `<totalFulfilledCapacity>1e400</totalFulfilledCapacity>`, ""},
		{"double NaN", fleet, `<totalFulfilledCapacity>NaN</totalFulfilledCapacity>`, ""},
		{"double -Infinity", fleet, `<totalFulfilledCapacity>-Infinity</totalFulfilledCapacity>`, ""},
		{"double empty", fleet, `<totalFulfilledCapacity/>`, ""},
		{"double with underscores", fleet, `<totalFulfilledCapacity>1_000</totalFulfilledCapacity>`,
			"strconv.ParseFloat reads Go's literal syntax, underscores too; XML Schema's decimal and EC2 have none"},
		{"double in hex", fleet, `<totalFulfilledCapacity>0x1p-2</totalFulfilledCapacity>`,
			"strconv.ParseFloat reads Go's hex floats; XML Schema's decimal and EC2 have none"},
		{"double as inf", fleet, `<totalFulfilledCapacity>inf</totalFulfilledCapacity>`,
			"strconv.ParseFloat reads inf and infinity in any case; EC2 spells Infinity"},
		{"float rounded once", reserved, ri(`<fixedPrice>` + float32Tie + `</fixedPrice>`),
			"the SDK reads a float as a float64 and then narrows it, rounding twice; this package rounds the decimal to float32 once, as it should"},
		{"float too large", reserved, ri(`<fixedPrice>1e39</fixedPrice>`),
			"the SDK narrows 1e39 to float32 +Inf without an error; this package reports it out of range"},
		{"long largest", reserved, ri(`<duration>9223372036854775807</duration>`), ""},
		{"long above int64", reserved, ri(`<duration>9223372036854775808</duration>`), ""},
		{"long with plus sign", reserved, ri(`<duration>+7</duration>`), ""},
		{"integer above int32", fleet, `<totalTargetCapacity>4294967299</totalTargetCapacity>`,
			"the SDK parses 64 bits and truncates to int32 (4294967299 becomes 3); a wrong number is worse than an error"},
		{"boolean True", volume, `<deleteOnTermination>True</deleteOnTermination>`,
			"strconv.ParseBool also reads True, TRUE, t and 1; XML Schema's boolean is true, false, 1 or 0 and EC2 sends true or false"},
		{"boolean 1", volume, `<deleteOnTermination>1</deleteOnTermination>`,
			"as above: this package reads only true and false"},
		{"timestamp without zone", fleet, `<createTime>2021-11-18T12:00:00</createTime>`, ""},
		{"timestamp with offset", fleet, `<createTime>2021-11-18T12:00:00+05:30</createTime>`, ""},
		{"timestamp with lower-case z", fleet, `<createTime>2021-11-18T12:00:00z</createTime>`, ""},
		{"timestamp as epoch seconds", fleet, `<createTime>1637236800</createTime>`, ""},
		{"timestamp as HTTP date", fleet, `<createTime>Thu, 18 Nov 2021 12:00:00 GMT</createTime>`, ""},
		{"timestamp leap second", fleet, `<createTime>2016-12-31T23:59:60Z</createTime>`, ""},
		{"blob", bundle, policy(`aGVsbG8=`), ""},
		{"blob empty", bundle, policy(``), ""},
		{"blob unpadded", bundle, policy(`aGVsbG8`), ""},
		{"blob with line breaks", bundle, policy("aGVs\nbG8="), ""},
		{"blob URL-safe", bundle, policy(`-_-_`), ""},
		{"list items named member", reserved, `<reservedInstancesSet><member><duration>1</duration></member></reservedInstancesSet>`, ""},
		{"list item empty", reserved, `<reservedInstancesSet><item/></reservedInstancesSet>`, ""},
		{"list repeated", reserved, ri(`<duration>1</duration>`) + ri(`<duration>2</duration>`), ""},
		{"list item text", reserved, `<reservedInstancesSet><item>x</item></reservedInstancesSet>`, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			body := `<` + c.op + `Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">` + c.inner + `</` + c.op + `Response>`
			sdkOut, sdkErr := sdkDecode(t, c.op, body)
			var out reflect.Type
			for _, op := range operations {
				if op.name == c.op {
					out = op.out
				}
			}
			ours := reflect.New(out)
			ourErr := ours.Interface().(interface{ UnmarshalResponse([]byte) error }).UnmarshalResponse([]byte(body))
			ours.Elem().FieldByName("ResultMetadata").SetZero()
			agree := (sdkErr != nil) == (ourErr != nil) && (sdkErr != nil || cmp.Equal(sdkOut, ours.Interface(), cmpopts.EquateNaNs()))
			if c.diverges == "" && !agree {
				t.Errorf("%s\n SDK: %+v, %v\nours: %+v, %v", body, show(sdkOut), sdkErr, show(ours.Interface()), ourErr)
			}
			if c.diverges != "" && agree {
				t.Errorf("now agrees with the SDK (%+v, %v); drop the divergence note", show(ours.Interface()), ourErr)
			}
		})
	}
}

// show prints a decoded output without its pointers' addresses.
func show(v any) string {
	if v == nil || reflect.ValueOf(v).IsNil() {
		return "<nil>"
	}
	return strings.TrimPrefix(cmp.Diff(nil, v), "  any(\n")
}

// sdkDecode answers op through the SDK with body and returns what the SDK
// made of it, in this package's output type, or its error.
func sdkDecode(t *testing.T, op, body string) (any, error) {
	t.Helper()
	fake := &fakeEC2{status: 200, body: []byte(body)}
	method, sdkIn := sdkMethod(newSDKClient(fake), op)
	so, err := callSDK(method, reflect.New(sdkIn).Interface(), sdkNoPresign, sdkUnvalidated)
	if err != nil {
		return nil, err
	}
	out := reflect.New(reflect.TypeOf(so).Elem())
	for _, o := range operations {
		if o.name == op {
			out = reflect.New(o.out)
		}
	}
	mustConvert(t, out.Interface(), so)
	return out.Interface(), nil
}

// TestUnusualRequests sends inputs beyond the random ones through both.
func TestUnusualRequests(t *testing.T) {
	at := func(y int) *time.Time { tm := time.Date(y, 3, 4, 5, 6, 7, 8e6, time.UTC); return &tm }
	for _, c := range []struct {
		name     string
		in       *DescribeSpotPriceHistoryInput
		diverges string
	}{
		{"year 1", &DescribeSpotPriceHistoryInput{StartTime: at(1)}, ""},
		{"year 9999", &DescribeSpotPriceHistoryInput{StartTime: at(9999)}, ""},
		{"year 10000", &DescribeSpotPriceHistoryInput{StartTime: at(10000)}, ""},
		{"year 0", &DescribeSpotPriceHistoryInput{StartTime: at(0)}, ""},
		{"year -1", &DescribeSpotPriceHistoryInput{StartTime: at(-1)}, ""},
		{"zero time", &DescribeSpotPriceHistoryInput{StartTime: &time.Time{}}, ""},
		{"monotonic clock reading", &DescribeSpotPriceHistoryInput{StartTime: ref(time.Now())}, ""},
		{"largest int32", &DescribeSpotPriceHistoryInput{MaxResults: ref(int32(math.MaxInt32))}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			fake := &fakeEC2{status: 200, body: okResponse("DescribeSpotPriceHistory")}
			sdkIn := new(sdk.DescribeSpotPriceHistoryInput)
			mustConvert(t, sdkIn, c.in)
			_, sdkErr := newSDKClient(fake).DescribeSpotPriceHistory(context.Background(), sdkIn)
			ours, ourErr := c.in.MarshalQuery()
			sdkGot, ourGot := fmt.Sprint(sdkErr), fmt.Sprint(ourErr)
			if sdkErr == nil {
				sdkGot = fake.sent.String()
			}
			if ourErr == nil {
				ourGot = string(ours)
			}
			agree := sdkGot == ourGot
			if c.diverges == "" && !agree {
				t.Errorf("\n SDK: %s\nours: %s", sdkGot, ourGot)
			}
			if c.diverges != "" && agree {
				t.Errorf("now agrees with the SDK (%s); drop the divergence note", ourGot)
			}
		})
	}
}

func ref[T any](v T) *T { return &v }

// TestEmptyMembersMatchSDK sends, for every operation, an input whose
// structure members hold empty structures and whose lists hold one empty
// element (or are empty), which random inputs reach only now and then.
func TestEmptyMembersMatchSDK(t *testing.T) {
	fake := &fakeEC2{status: 200}
	client := newSDKClient(fake)
	saved := idempotencyTokenSource
	defer func() { idempotencyTokenSource = saved }()
	token := make([]byte, 16)
	for _, op := range operations {
		for _, emptyLists := range []bool{false, true} {
			in := reflect.New(op.in)
			for _, name := range fieldNames(op.in) {
				f := in.Elem().FieldByName(name)
				switch {
				case f.Kind() == reflect.Pointer && f.Type().Elem().Kind() == reflect.Struct && f.Type().Elem() != timeType:
					f.Set(reflect.New(f.Type().Elem()))
				case f.Kind() == reflect.Slice && emptyLists:
					f.Set(reflect.MakeSlice(f.Type(), 0, 0))
				case f.Kind() == reflect.Slice:
					f.Set(reflect.MakeSlice(f.Type(), 1, 1))
				}
			}
			m, sdkIn := sdkMethod(client, op.name)
			sdkV := reflect.New(sdkIn)
			mustConvert(t, sdkV.Interface(), in.Interface())
			fake.body = okResponse(op.name)
			if _, err := callSDK(m, sdkV.Interface(), sdkTokens(token), sdkNoPresign, sdkUnvalidated); err != nil {
				t.Fatalf("%s: %v", op.name, err)
			}
			idempotencyTokenSource = bytes.NewReader(token)
			ours, err := in.Interface().(interface{ MarshalQuery() ([]byte, error) }).MarshalQuery()
			if err != nil {
				t.Fatalf("%s: MarshalQuery: %v", op.name, err)
			}
			if sdkBody := fake.sent.String(); sdkBody != string(ours) {
				t.Errorf("%s (empty lists %v):\n SDK %s\nours %s", op.name, emptyLists, sdkBody, ours)
			}
		}
	}
}
