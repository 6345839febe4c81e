package ec2

// Every operation's responses against the SDK's on random documents.

import (
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

var requestIDAbsent = rapid.IntRange(0, 9)

// TestResponsesMatchSDK writes random response documents for every
// operation from the model and holds UnmarshalResponse to what the SDK
// decodes from them. Every member of every output must come out set in
// some document, which shows the documents use the names the SDK reads.
func TestResponsesMatchSDK(t *testing.T) {
	m := needModel(t)
	var mu sync.Mutex // guards st and cases
	var st docStats
	cases := 0
	t.Cleanup(func() {
		missed, held, short := st.missedEnums()
		t.Logf("%d operations, %d documents decoded alike; %d empty elements, %d empty lists, %d unknown elements, %d unknown enum values; %d of the %d values of %d enums written (%d enums drawn too few times to insist on all their values)",
			len(operations), cases, st.emptyElements, st.emptyLists, st.unknownElements, st.unknownEnums, held-missed, held, len(st.enums)-short, short)
		if checksAtDefault && missed > 0 {
			t.Errorf("%d enum values never written", missed)
		}
	})
	for _, op := range operations {
		t.Run(op.name, func(t *testing.T) {
			t.Parallel()
			fake := &fakeEC2{status: 200}
			method, sdkIn := sdkMethod(newSDKClient(fake), op.name)
			if !method.IsValid() {
				t.Fatalf("the SDK client has no method %s", op.name)
			}
			cov := newCoverage()
			var opStats docStats
			opCases := 0
			defer func() {
				mu.Lock()
				defer mu.Unlock()
				cases += opCases
				st.add(opStats)
			}()
			rapid.Check(t, func(rt *rapid.T) {
				opCases++
				w := writer{t: rt, m: m, st: &opStats}
				var requestID *string
				if requestIDAbsent.Draw(rt, "request ID is absent") > 0 {
					id := responseString.Draw(rt, "request ID")
					requestID = &id
				}
				fake.body = w.document(op.name, requestID)

				// Inputs are empty: what the SDK would reject is no matter here.
				sdkOut, err := callSDK(method, reflect.New(sdkIn).Interface(), sdkNoPresign, sdkUnvalidated)
				if err != nil {
					rt.Fatalf("SDK: %v\ndocument: %s", err, fake.body)
				}
				fromSDK := reflect.New(op.out)
				mustConvert(rt, fromSDK.Interface(), sdkOut)
				setMembers(fromSDK, cov)

				got := reflect.New(op.out)
				if err := got.Interface().(interface{ UnmarshalResponse([]byte) error }).UnmarshalResponse(fake.body); err != nil {
					rt.Fatalf("UnmarshalResponse: %v\ndocument: %s", err, fake.body)
				}
				// The SDK takes request IDs from headers only, so ours is
				// held to the document instead.
				wantID := ""
				if requestID != nil {
					wantID = *requestID
				}
				meta := got.Elem().FieldByName("ResultMetadata")
				if gotID := meta.FieldByName("RequestID").String(); gotID != wantID {
					rt.Fatalf("RequestID = %q, want %q\ndocument: %s", gotID, wantID, fake.body)
				}
				meta.SetZero()
				if !equal(fromSDK, got) {
					rt.Fatalf("decoded output differs (-SDK +ours):\n%s\ndocument: %s",
						cmp.Diff(fromSDK.Interface(), got.Interface(), cmpopts.EquateNaNs()), fake.body)
				}
			})
			if missed := cov.missed(op.out); len(missed) > 0 && checksAtDefault {
				t.Errorf("no document set %s", strings.Join(missed, ", "))
			}
		})
	}
}
