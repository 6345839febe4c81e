package ec2

// Every operation's requests against the SDK's on random inputs.

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	sdk "github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// okResponse is a minimal successful answer to op.
func okResponse(op string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>
<` + op + `Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>req-1</requestId></` + op + `Response>`)
}

// requestTotals sums the request checks over all operations.
type requestTotals struct {
	ops, cases, rejected, emptyLists, longLists, unknownEnums int
}

// TestRequestsMatchSDK draws random inputs for every operation and holds
// this package to the SDK on each: MarshalQuery's body is the SDK's byte
// for byte (the SDK's validation taken out of its stack, so invalid inputs
// are compared too), and Validate finds missing members exactly where the
// SDK does.
func TestRequestsMatchSDK(t *testing.T) {
	fake := &fakeEC2{status: 200}
	client := newSDKClient(fake)
	saved := idempotencyTokenSource
	defer func() { idempotencyTokenSource = saved }()
	var tot requestTotals
	for _, op := range operations {
		t.Run(op.name, func(t *testing.T) { checkRequests(t, client, fake, op, &tot) })
	}
	// Every value of an enum goes out as its string, and TestEnumsMatchSDK
	// checks them all; the inputs still draw each value, but for those of
	// enums too large (InstanceType's 438) to be sure of in a few thousand
	// draws.
	var missed []string
	total := 0
	for typ, seen := range knownEnums {
		values := enumOf(typ).values
		for _, v := range values {
			total++
			if !seen[v] && len(values) <= 100 {
				missed = append(missed, typ.Name()+" "+v)
			}
		}
	}
	slices.Sort(missed)
	t.Logf("%d enums drawn from, %d values in all", len(knownEnums), total)
	if checksAtDefault && len(missed) > 0 {
		t.Errorf("enum values never drawn: %s", strings.Join(missed, ", "))
	}
	t.Logf("%d operations, %d cases, %d rejected by both for missing members; %d empty lists, %d lists of 10 or more, %d unknown enum values",
		tot.ops, tot.cases, tot.rejected, tot.emptyLists, tot.longLists, tot.unknownEnums)
	if checksAtDefault && !t.Failed() && (tot.rejected == 0 || tot.emptyLists == 0 || tot.longLists == 0 || tot.unknownEnums == 0) {
		t.Error("the inputs missed rejected inputs, empty lists, long lists or unknown enum values")
	}
}

var tokenBytes = rapid.SliceOfN(rapid.Byte(), 16, 16)

func checkRequests(t *testing.T, client *sdk.Client, fake *fakeEC2, op operation, tot *requestTotals) {
	m, sdkIn := sdkMethod(client, op.name)
	if !m.IsValid() {
		t.Fatalf("the SDK client has no method %s", op.name)
	}
	cov := newCoverage()
	cases, rejected := 0, 0
	rapid.Check(t, func(rt *rapid.T) {
		cases++
		in := reflect.New(op.in)
		fill(rt, in.Elem(), requestString, "input", 0, cov)
		sdkV := reflect.New(sdkIn)
		mustConvert(rt, sdkV.Interface(), in.Interface())

		// Both sides draw a missing token from the same random bytes, so
		// they must come up with the same one.
		token := tokenBytes.Draw(rt, "token bytes")
		idempotencyTokenSource = bytes.NewReader(token)
		ourBody, err := in.Interface().(interface{ MarshalQuery() ([]byte, error) }).MarshalQuery()
		if err != nil {
			rt.Fatalf("MarshalQuery: %v", err)
		}
		ourErr := in.Interface().(interface{ Validate() error }).Validate()
		fake.body = okResponse(op.name)
		_, sdkErr := callSDK(m, sdkV.Interface(), sdkTokens(token), sdkNoPresign)

		var ourMissing []string
		var ve *InvalidParamsError
		if errors.As(ourErr, &ve) {
			for _, v := range ve.Violations {
				if v.Constraint == "required" {
					ourMissing = append(ourMissing, v.Path)
				}
			}
		} else if ourErr != nil {
			rt.Fatalf("Validate: %v (%T), want an *InvalidParamsError", ourErr, ourErr)
		}
		var sdkMissing []string
		if sdkErr != nil {
			var invalid smithy.InvalidParamsError
			if !errors.As(sdkErr, &invalid) {
				rt.Fatalf("SDK call failed: %v", sdkErr)
			}
			rejected++
			for _, e := range invalid.Errs() {
				if pe, ok := e.(smithy.InvalidParamError); ok {
					sdkMissing = append(sdkMissing, sdkPath(strings.TrimPrefix(pe.Field(), invalid.Context+".")))
				}
			}
			if _, sdkErr = callSDK(m, sdkV.Interface(), sdkTokens(token), sdkNoPresign, sdkUnvalidated); sdkErr != nil {
				rt.Fatalf("SDK call without validation failed: %v", sdkErr)
			}
		}
		slices.Sort(sdkMissing)
		slices.Sort(ourMissing)
		if !slices.Equal(sdkMissing, ourMissing) {
			rt.Fatalf("missing members: SDK %q, Validate %q", sdkMissing, ourMissing)
		}
		sdkBody := slices.Clone(fake.sent.Bytes())
		compareBodies(rt, op, in, sdkBody, ourBody)
		if ourErr == nil {
			compareHTTP(rt, in, fake.req, ourBody)
		}
	})
	if missed := cov.missed(op.in); len(missed) > 0 && checksAtDefault {
		t.Errorf("no input set %s", strings.Join(missed, ", "))
	}
	tot.ops++
	tot.cases += cases
	tot.rejected += rejected
	tot.emptyLists += cov.emptyLists
	tot.longLists += cov.longLists
	tot.unknownEnums += cov.unknownEnums
}

// compareHTTP holds the request NewRequest builds to the SDK's: method,
// URL and content type, and the body MarshalQuery gave.
func compareHTTP(rt *rapid.T, in reflect.Value, sdkReq *http.Request, body []byte) {
	req, err := in.Interface().(interface {
		NewRequest(context.Context, string) (*http.Request, error)
	}).NewRequest(context.Background(), "https://ec2.us-east-1.amazonaws.com")
	if err != nil {
		rt.Fatalf("NewRequest: %v", err)
	}
	type head struct{ Method, URL, ContentType string }
	ours := head{req.Method, req.URL.String(), req.Header.Get("Content-Type")}
	theirs := head{sdkReq.Method, sdkReq.URL.String(), sdkReq.Header.Get("Content-Type")}
	if ours != theirs {
		rt.Fatalf("NewRequest gives %+v, the SDK sent %+v", ours, theirs)
	}
	got, err := io.ReadAll(req.Body)
	if err != nil || !bytes.Equal(got, body) {
		rt.Fatalf("NewRequest's body differs from MarshalQuery's (%v):\n%s\n%s", err, got, body)
	}
}

// sdkPath turns the SDK's path of a missing member, "A.[0].B", into this
// package's, "A[0].B".
func sdkPath(p string) string { return strings.ReplaceAll(p, ".[", "[") }

// compareBodies holds ourBody to sdkBody: the same pairs, then the same
// bytes. A member the SDK hides is in our body alone, with the value the
// input gave it.
func compareBodies(rt *rapid.T, op operation, in reflect.Value, sdkBody, ourBody []byte) {
	sdkPairs, err := url.ParseQuery(string(sdkBody))
	if err != nil {
		rt.Fatalf("SDK body %q: %v", sdkBody, err)
	}
	ourPairs, err := url.ParseQuery(string(ourBody))
	if err != nil {
		rt.Fatalf("our body %q: %v", ourBody, err)
	}
	hidden := false
	for f := range op.in.Fields() {
		if !sdkHidden[op.in.Name()+"."+f.Name] {
			continue
		}
		got, want := ourPairs[f.Name], []string(nil)
		if v := in.Elem().FieldByIndex(f.Index); !v.IsNil() {
			want = []string{v.Elem().String()}
			hidden = true
		}
		if !slices.Equal(got, want) {
			rt.Fatalf("%s: our body has %q, want %q", f.Name, got, want)
		}
		delete(ourPairs, f.Name)
	}
	if diff := cmp.Diff(sdkPairs, ourPairs); diff != "" {
		rt.Fatalf("key/value pairs differ (-SDK +ours):\n%s", diff)
	}
	if !hidden && !bytes.Equal(sdkBody, ourBody) {
		rt.Fatalf("same pairs, different bytes:\n SDK %s\nours %s", sdkBody, ourBody)
	}
}
