package templates

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"testing"
)

// Shapes like the operation's input, validated the way generated code will.
type vTag struct{ Key, Value *string }
type vTagSpec struct {
	ResourceType *string
	Tags         []vTag
}
type vInput struct {
	CapacityReservationId *string
	InstanceCount         *int32
	TagSpecifications     []vTagSpec
	Labels                map[string]string
}

var vKeyPattern = regexp.MustCompile(`^[a-z]+$`)

func vCheckTag(v *validator, p *validationPath, in *vTag) {
	if in.Key == nil {
		v.required(p, "Key")
	} else {
		v.lengthString(p, "Key", *in.Key, 1, 8, true, true)
		v.pattern(p, "Key", *in.Key, vKeyPattern, "^[a-z]+$")
	}
}

func vCheckTagSpec(v *validator, p *validationPath, in *vTagSpec) {
	if in.ResourceType != nil {
		v.enum(p, "ResourceType", *in.ResourceType, []string{"capacity-reservation", "instance"})
	}
	v.length(p, "Tags", len(in.Tags), 0, 3, false, true)
	for i := range in.Tags {
		fp := validationPath{parent: p, field: "Tags", index: i}
		vCheckTag(v, &fp, &in.Tags[i])
	}
}

func vCheckInput(in *vInput) error {
	var v validator
	if in.CapacityReservationId == nil {
		v.required(nil, "CapacityReservationId")
	}
	if in.InstanceCount == nil {
		v.required(nil, "InstanceCount")
	} else {
		v.rangeInt(nil, "InstanceCount", int64(*in.InstanceCount), 1, 1000, true, true)
	}
	for i := range in.TagSpecifications {
		p := validationPath{field: "TagSpecifications", index: i}
		vCheckTagSpec(&v, &p, &in.TagSpecifications[i])
	}
	for k, val := range in.Labels {
		p := validationPath{field: "Labels", index: -1, key: k, keyed: true}
		v.lengthString(&p, "", val, 1, 0, true, false)
	}
	return v.err()
}

func vStr(s string) *string { return &s }
func vI32(n int32) *int32   { return &n }

func vValidInput() *vInput {
	return &vInput{
		CapacityReservationId: vStr("cr-1234567890abcdef0"),
		InstanceCount:         vI32(3),
		TagSpecifications: []vTagSpec{{ResourceType: vStr("capacity-reservation"), Tags: []vTag{
			{Key: vStr("team"), Value: vStr("ml")}, {Key: vStr("env"), Value: vStr("prod")},
		}}},
		Labels: map[string]string{"a": "b"},
	}
}

func TestValidatorValid(t *testing.T) {
	in := vValidInput()
	if err := vCheckInput(in); err != nil {
		t.Fatalf("valid input: %v", err)
	}
	// A nil *InvalidParamsError must not hide in a non-nil interface.
	var v validator
	if err := v.err(); err != nil {
		t.Fatalf("err() = %#v, want a nil interface", err)
	}
	allocs := testing.AllocsPerRun(200, func() {
		if vCheckInput(in) != nil {
			t.Fatal("invalid")
		}
	})
	if allocs != 0 {
		t.Fatalf("valid input: %v allocations, want 0", allocs)
	}
}

func TestValidatorViolations(t *testing.T) {
	in := vValidInput()
	in.CapacityReservationId = nil
	in.InstanceCount = vI32(0)
	in.TagSpecifications = append(in.TagSpecifications, vTagSpec{
		ResourceType: vStr("bucket"),
		Tags:         []vTag{{}, {Key: vStr("ÄÖ")}, {Key: vStr("abcdefghi")}, {Key: vStr("ok")}},
	})
	in.Labels = map[string]string{"env": ""}
	err := vCheckInput(in)
	var ve *InvalidParamsError
	if !errors.As(fmt.Errorf("wrapped: %w", err), &ve) {
		t.Fatalf("errors.As failed on %v", err)
	}
	want := []Violation{
		{"CapacityReservationId", "required", "required"},
		{"InstanceCount", "range", "value 0 must be between 1 and 1000"},
		{"TagSpecifications[1].ResourceType", "enum", `"bucket" is not a known value`},
		{"TagSpecifications[1].Tags", "length", "length 4 must be <= 3"},
		{"TagSpecifications[1].Tags[0].Key", "required", "required"},
		{"TagSpecifications[1].Tags[1].Key", "pattern", "must match pattern ^[a-z]+$"},
		{"TagSpecifications[1].Tags[2].Key", "length", "length 9 must be between 1 and 8"},
		{`Labels["env"]`, "length", "length 0 must be >= 1"},
	}
	if len(ve.Violations) != len(want) {
		t.Fatalf("got %d violations %+v, want %d", len(ve.Violations), ve.Violations, len(want))
	}
	for i := range want {
		if ve.Violations[i] != want[i] {
			t.Errorf("violation %d = %+v, want %+v", i, ve.Violations[i], want[i])
		}
	}
	// "ÄÖ" is 4 bytes but 2 code points: within length 1..8.
	const msg = `8 validation errors: CapacityReservationId: required; InstanceCount: value 0 must be between 1 and 1000; ` +
		`TagSpecifications[1].ResourceType: "bucket" is not a known value; TagSpecifications[1].Tags: length 4 must be <= 3; ` +
		`TagSpecifications[1].Tags[0].Key: required; TagSpecifications[1].Tags[1].Key: must match pattern ^[a-z]+$; ` +
		`TagSpecifications[1].Tags[2].Key: length 9 must be between 1 and 8; ` +
		`Labels["env"]: length 0 must be >= 1`
	if err.Error() != msg {
		t.Errorf("Error() =\n%s\nwant\n%s", err, msg)
	}
	one := &InvalidParamsError{Violations: []Violation{{Path: "X", Constraint: "required", Message: "required"}}}
	if one.Error() != "1 validation error: X: required" {
		t.Errorf("one: %q", one.Error())
	}
}

func TestValidationPathString(t *testing.T) {
	root := validationPath{field: "A", index: -1}
	list := validationPath{parent: &root, field: "B", index: 2}
	elem := validationPath{parent: &list, index: 0}
	keyed := validationPath{parent: &elem, index: -1, key: "k\"1", keyed: true}
	for p, want := range map[*validationPath]string{
		nil: "", &root: "A", &list: "A.B[2]", &elem: "A.B[2][0]", &keyed: `A.B[2][0]["k\"1"]`,
	} {
		if got := p.String(); got != want {
			t.Errorf("String() = %q, want %q", got, want)
		}
	}
}

func TestValidatorRangeFloat(t *testing.T) {
	cases := []struct {
		x, lo, hi      float64
		hasLo, hasHi   bool
		ok             bool
		loText, hiText string
	}{
		{0.5, 0.5, 0, true, false, true, "0.5", ""},
		{0.49, 0.5, 0, true, false, false, "0.5", ""},
		{math.NaN(), 0, 1, true, true, false, "0", "1"},
		{math.Inf(1), 0, 0, true, false, true, "0", ""},
		{math.Inf(1), 0, 10, false, true, false, "", "10"},
		// A float member holding 0.1 against @range(max: 0.1).
		{float64(float32(0.1)), 0, float64(float32(0.1)), false, true, true, "", "0.1"},
	}
	for _, c := range cases {
		var v validator
		v.rangeFloat(nil, "F", c.x, c.lo, c.hi, c.hasLo, c.hasHi, c.loText, c.hiText)
		if (len(v.violations) == 0) != c.ok {
			t.Errorf("%v in [%v,%v]: violations %v, want ok=%v", c.x, c.lo, c.hi, v.violations, c.ok)
		}
	}
	var v validator
	v.rangeFloat(nil, "F", 0.25, 0.5, 1.5, true, true, "0.5", "1.5")
	if v.violations[0].Message != "value 0.25 must be between 0.5 and 1.5" {
		t.Errorf("message %q", v.violations[0].Message)
	}
}

func TestUniqueItems(t *testing.T) {
	big := make([]int, 100)
	for i := range big {
		big[i] = i
	}
	for _, c := range []struct {
		items []int
		want  string
	}{
		{nil, ""}, {[]int{1, 2, 3}, ""}, {[]int{1, 2, 1}, "items 0 and 2 are equal"},
		{big, ""}, {append(append([]int{}, big...), 50), "items 50 and 100 are equal"},
	} {
		var v validator
		uniqueItemsCheck(&v, nil, "L", c.items)
		got := ""
		if len(v.violations) > 0 {
			got = v.violations[0].Message
			if v.violations[0].Constraint != "uniqueItems" || v.violations[0].Path != "L" {
				t.Errorf("violation %+v", v.violations[0])
			}
		}
		if got != c.want {
			t.Errorf("%v: %q, want %q", c.items, got, c.want)
		}
	}
}

func BenchmarkValidateValid(b *testing.B) {
	in := vValidInput()
	b.ReportAllocs()
	for b.Loop() {
		if vCheckInput(in) != nil {
			b.Fatal("invalid")
		}
	}
}

// The SDK's validator for the operation checks required members only.
func vCheckRequired(in *vInput) error {
	var v validator
	if in.CapacityReservationId == nil {
		v.required(nil, "CapacityReservationId")
	}
	if in.InstanceCount == nil {
		v.required(nil, "InstanceCount")
	}
	for i := range in.TagSpecifications {
		p := validationPath{field: "TagSpecifications", index: i}
		for j := range in.TagSpecifications[i].Tags {
			tp := validationPath{parent: &p, field: "Tags", index: j}
			if in.TagSpecifications[i].Tags[j].Key == nil {
				v.required(&tp, "Key")
			}
		}
	}
	return v.err()
}

func BenchmarkValidateRequiredOnly(b *testing.B) {
	in := vValidInput()
	b.ReportAllocs()
	for b.Loop() {
		if vCheckRequired(in) != nil {
			b.Fatal("invalid")
		}
	}
}
