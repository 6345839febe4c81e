package plan

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smithy2go/smithy2go/generator/smithy"
	"github.com/smithy2go/smithy2go/models"
)

func buildEC2(t *testing.T, ops ...string) *Plan {
	t.Helper()
	m, err := smithy.Load(models.DefaultName, models.EC2InterruptibleCapacityReservation)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := FindService(m, "")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Build(m, svc, Options{Package: "ec2", Operations: ops})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func structNamed(p *Plan, name string) *Struct {
	for _, s := range p.Structs {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// The expected layouts are aws-sdk-go-v2 service/ec2 v1.317.1's, read from
// its generated code (docs/facts.md §2.5, §4).
func TestEC2StructsMatchSDK(t *testing.T) {
	p := buildEC2(t)
	type field struct {
		Name, Type string
	}
	layout := func(st *Struct) []field {
		var out []field
		for _, f := range st.Fields {
			typ := goType(f.Type, f.Pointer)
			out = append(out, field{f.Name, typ})
		}
		return out
	}
	want := map[string][]field{
		"CreateInterruptibleCapacityReservationAllocationInput": {
			{"CapacityReservationId", "*string"}, {"InstanceCount", "*int32"},
			{"ClientToken", "*string"}, {"DryRun", "*bool"}, {"TagSpecifications", "[]TagSpecification"},
		},
		"CreateInterruptibleCapacityReservationAllocationOutput": {
			{"InterruptionType", "InterruptionType"}, {"SourceCapacityReservationId", "*string"},
			{"Status", "InterruptibleCapacityReservationAllocationStatus"}, {"TargetInstanceCount", "*int32"},
		},
		"UpdateInterruptibleCapacityReservationAllocationInput": {
			{"CapacityReservationId", "*string"}, {"TargetInstanceCount", "*int32"}, {"DryRun", "*bool"},
		},
		"TagSpecification": {{"ResourceType", "ResourceType"}, {"Tags", "[]Tag"}},
		"Tag":              {{"Key", "*string"}, {"Value", "*string"}},
	}
	for name, fields := range want {
		st := structNamed(p, name)
		if st == nil {
			t.Errorf("no struct %s", name)
			continue
		}
		if diff := cmp.Diff(fields, layout(st)); diff != "" {
			t.Errorf("%s (-SDK +ours):\n%s", name, diff)
		}
	}
	// Request and Result shapes are not member targets: no structs of their own.
	for _, n := range []string{"CreateInterruptibleCapacityReservationAllocationRequest", "UpdateInterruptibleCapacityReservationAllocationResult"} {
		if structNamed(p, n) != nil {
			t.Errorf("unexpected struct %s", n)
		}
	}
}

// goType spells a planned type for comparisons.
func goType(t *Type, ptr bool) string {
	s := ""
	switch t.Kind {
	case StringKind:
		s = "string"
	case BoolKind:
		s = "bool"
	case Int32Kind:
		s = "int32"
	case ListKind:
		s = "[]" + goType(t.Elem, t.ElemPointer)
	default:
		s = t.Name
	}
	if ptr {
		s = "*" + s
	}
	return s
}

func TestEC2Enums(t *testing.T) {
	p := buildEC2(t)
	var rt, status *Enum
	for _, e := range p.Enums {
		switch e.Name {
		case "ResourceType":
			rt = e
		case "InterruptibleCapacityReservationAllocationStatus":
			status = e
		}
	}
	if rt == nil || status == nil {
		t.Fatal("missing enums")
	}
	if len(rt.Values) != 109 {
		t.Errorf("ResourceType has %d values, want 109", len(rt.Values))
	}
	if v := rt.Values[0]; v.Const != "ResourceTypeCapacityReservation" || v.Value != "capacity-reservation" {
		t.Errorf("first ResourceType value = %+v", v)
	}
	var got []string
	for _, v := range status.Values {
		got = append(got, v.Const+"="+v.Value)
	}
	want := []string{
		"InterruptibleCapacityReservationAllocationStatusPending=pending",
		"InterruptibleCapacityReservationAllocationStatusActive=active",
		"InterruptibleCapacityReservationAllocationStatusUpdating=updating",
		"InterruptibleCapacityReservationAllocationStatusCanceling=canceling",
		"InterruptibleCapacityReservationAllocationStatusCanceled=canceled",
		"InterruptibleCapacityReservationAllocationStatusFailed=failed",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("status constants (-want +got):\n%s", diff)
	}
}

func TestSelectOneOperation(t *testing.T) {
	p := buildEC2(t, "UpdateInterruptibleCapacityReservationAllocation")
	if len(p.Operations) != 1 {
		t.Fatalf("%d operations", len(p.Operations))
	}
	for _, st := range p.Structs {
		if strings.HasPrefix(st.Name, "Create") || st.Name == "Tag" {
			t.Errorf("struct %s is outside the operation's closure", st.Name)
		}
	}
	for _, e := range p.Enums {
		if e.Name == "ResourceType" {
			t.Error("ResourceType is outside the operation's closure")
		}
	}
}
