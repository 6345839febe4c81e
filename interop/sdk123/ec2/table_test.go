package ec2

import (
	"context"
	"reflect"
	"slices"
	"testing"

	sdk "github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/google/go-cmp/cmp"
)

// modelOperations is how many operations the 2021 model has (its README).
const modelOperations = 473

// TestOperationTable holds operations_test.go to the SDK: the same
// operations as its client's methods, with types of the same names.
func TestOperationTable(t *testing.T) {
	if len(operations) != modelOperations {
		t.Errorf("%d operations listed, the model has %d; run go generate in interop/sdk123", len(operations), modelOperations)
	}
	ctx := reflect.TypeFor[context.Context]()
	var sdkOps, ours []string
	client := reflect.TypeFor[*sdk.Client]()
	for m := range client.Methods() {
		ft := m.Type // receiver first
		if ft.NumIn() == 4 && ft.In(1) == ctx && ft.In(2).Kind() == reflect.Pointer && ft.In(2).Elem().Name() == m.Name+"Input" &&
			ft.NumOut() == 2 && ft.Out(0).Kind() == reflect.Pointer && ft.Out(0).Elem().Name() == m.Name+"Output" {
			sdkOps = append(sdkOps, m.Name)
		}
	}
	for _, op := range operations {
		ours = append(ours, op.name)
		if op.in.Name() != op.name+"Input" || op.out.Name() != op.name+"Output" {
			t.Errorf("%s: types %s and %s", op.name, op.in, op.out)
		}
	}
	slices.Sort(sdkOps)
	if diff := cmp.Diff(sdkOps, ours); diff != "" {
		t.Errorf("operations differ from the SDK client's methods (-SDK +listed):\n%s", diff)
	}
}
