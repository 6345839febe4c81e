package apidiff

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from what Compare reports now; review the diff")

const (
	ourOld    = "../../models/ec2-interruptible-capacity-reservation.json"
	ourNew    = "../../models/ec2-interruptible-capacity-reservation.2026-09.json"
	sharedOld = "../../../shared/models/ec2/ec2-interruptible-capacity-reservation.2026-07.json"
	sharedNew = "../../../shared/models/ec2/ec2-interruptible-capacity-reservation.2026-09.json"
)

func load(t *testing.T, path string) Model {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return Model{Name: filepath.Base(path), Data: data}
}

func compareFiles(t *testing.T, oldPath, newPath string, opts Options) *Report {
	t.Helper()
	opts.Protocols = append(protocol.Planned(), testWire{})
	r, err := Compare(load(t, oldPath), load(t, newPath), opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// testWire is the protocol of the breaking.*.json models, example.thing#wire:
// a member's request name is its jsonName, its response name its
// xmlName, else the member's name. It stands for any plug-in that names
// members on the wire, so the differ is tested without naming one of ours.
type testWire struct{}

func (testWire) Trait() smithy.ShapeID                       { return "example.thing#wire" }
func (testWire) Reserved() plan.Reserved                     { return plan.Reserved{} }
func (testWire) Supports(*plan.Plan, *plan.Operation) string { return "" }

func (testWire) WireNames(f *plan.Field) (request, response string) {
	request, response = f.Member.Name, f.Member.Name
	if n, ok := f.Member.Traits.Get("smithy.api#jsonName"); ok {
		request = n.String()
	}
	if n, ok := f.Member.Traits.Get("smithy.api#xmlName"); ok {
		response = n.String()
	}
	return request, response
}

var _ emit.WireNamer = testWire{}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, d)
	}
}

func lines(r *Report, c Class) []string {
	var out []string
	for _, ch := range r.Of(c) {
		out = append(out, ch.String())
	}
	return out
}

// checkEC2Update asserts the facts of the 2026-07 → 2026-09 update, as
// ../shared/models/ec2/README.md lists them: ZeroSizePreference (retain,
// default) on both request structures, three new ResourceType values, and
// TargetInstanceCount of the update request no longer required. Nothing
// else.
func checkEC2Update(t *testing.T, r *Report) {
	t.Helper()
	const (
		create = "CreateInterruptibleCapacityReservationAllocationInput"
		upd    = "UpdateInterruptibleCapacityReservationAllocationInput"
	)
	if got := lines(r, Breaking); len(got) != 0 {
		t.Errorf("breaking changes, want none: %q", got)
	}
	wantBehaviour := []string{upd + ".TargetInstanceCount: no longer required"}
	if d := cmp.Diff(wantBehaviour, lines(r, Behaviour)); d != "" {
		t.Errorf("behaviour changes (-want +got):\n%s", d)
	}
	wantAdditions := []string{
		create + ".ZeroSizePreference: new field of type ZeroSizePreference",
		`ResourceTypeApplicationStatusCheck: new ResourceType value "application-status-check"`,
		`ResourceTypeCapacityReservationModificationQuote: new ResourceType value "capacity-reservation-modification-quote"`,
		`ResourceTypeIpamInternetRegistryAssociation: new ResourceType value "ipam-internet-registry-association"`,
		upd + ".ZeroSizePreference: new field of type ZeroSizePreference",
		`ZeroSizePreference: new enum type with 2 values: "retain", "default"`,
	}
	if d := cmp.Diff(wantAdditions, lines(r, Addition)); d != "" {
		t.Errorf("additions (-want +got):\n%s", d)
	}
	// The same facts, read from the structured changes.
	var fields, enums, values int
	for _, c := range r.Changes {
		switch {
		case c.Element == "field" && c.Change == "added" && strings.HasSuffix(c.Ident, ".ZeroSizePreference"):
			fields++
		case c.Element == "enum" && c.Change == "added" && c.Ident == "ZeroSizePreference":
			enums++
		case c.Element == "enum-value" && c.Change == "added" && c.Shape == "com.amazonaws.ec2#ResourceType":
			values++
		}
	}
	if fields != 2 || enums != 1 || values != 3 {
		t.Errorf("got %d ZeroSizePreference fields, %d new enums, %d new ResourceType values; want 2, 1, 3", fields, enums, values)
	}
}

func TestSharedPair(t *testing.T) {
	if _, err := os.Stat(sharedOld); err != nil {
		t.Skipf("../shared is missing (%v); the same report is checked on models/ by TestOurPair", err)
	}
	r := compareFiles(t, sharedOld, sharedNew, Options{})
	checkEC2Update(t, r)
	golden(t, "ec2-update.golden", r.Text())
	// Our own pair, written in our words, must say exactly the same.
	ours := compareFiles(t, ourOld, ourNew, Options{})
	if d := cmp.Diff(r.Changes, ours.Changes); d != "" {
		t.Errorf("models/ and ../shared pairs differ (-shared +ours):\n%s", d)
	}
}

func TestOurPair(t *testing.T) {
	r := compareFiles(t, ourOld, ourNew, Options{})
	checkEC2Update(t, r)
	golden(t, "ec2-update.golden", r.Text())
	j, err := r.JSON()
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "ec2-update.json.golden", string(j))
}

func TestOurPairOneOperation(t *testing.T) {
	r := compareFiles(t, ourOld, ourNew, Options{Operations: []string{"UpdateInterruptibleCapacityReservationAllocation"}})
	// The update request has no tags, so ResourceType is not in its closure.
	want := []string{
		"UpdateInterruptibleCapacityReservationAllocationInput.TargetInstanceCount: no longer required",
		"UpdateInterruptibleCapacityReservationAllocationInput.ZeroSizePreference: new field of type ZeroSizePreference",
		`ZeroSizePreference: new enum type with 2 values: "retain", "default"`,
	}
	var got []string
	for _, c := range r.Changes {
		got = append(got, c.String())
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestBreakingPair(t *testing.T) {
	r := compareFiles(t, "testdata/breaking.old.json", "testdata/breaking.new.json", Options{})
	golden(t, "breaking.golden", r.Text())
	j, err := r.JSON()
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "breaking.json.golden", string(j))
	// Each kind of change the pair was written to show, found by its
	// structured fields rather than only through the golden text.
	want := []struct {
		class                 Class
		element, change, what string
	}{
		{Breaking, "operation", "removed", "DeleteThing"},
		{Breaking, "field", "removed", "CreateThingInput.Note"},
		{Breaking, "field", "type", "CreateThingInput.Count *int32 *int64"},
		{Breaking, "field", "pointer", "CreateThingInput.Size *int32 int32"},
		{Breaking, "enum-value", "removed", "ColorBlue"},
		{Breaking, "enum-value", "renamed", "ColorRed2 ColorRed ColorRed2"},
		{Breaking, "struct", "renamed", "WidgetThing Widget WidgetThing"},
		{Breaking, "variant", "removed", "ShapeMemberSquare"},
		{Behaviour, "field", "required", "CreateThingInput.Color"},
		{Behaviour, "field", "constraint", "CreateThingInput.Name 1..255 1..64"},
		{Behaviour, "field", "request-key", "CreateThingInput.Name Name ThingName"},
		{Behaviour, "field", "response-name", "CreateThingOutput.ThingId thingId id"},
		{Behaviour, "enum-value", "wire-value", "ColorGreen green Green"},
		{Addition, "field", "added", "CreateThingInput.Owner"},
		{Addition, "struct", "added", "Widget"},
		{Addition, "variant", "added", "ShapeMemberTriangle"},
	}
	for _, w := range want {
		found := false
		for _, c := range r.Changes {
			what := strings.TrimSpace(strings.Join([]string{c.Ident, c.Old, c.New}, " "))
			if c.Class == w.class && c.Element == w.element && c.Change == w.change && (what == w.what || c.Ident == w.what) {
				found = true
			}
		}
		if !found {
			t.Errorf("no %s %s change %s %q", w.class, w.element, w.change, w.what)
		}
	}
	if !r.Has(Breaking) {
		t.Error("Has(Breaking) = false")
	}
	// The input and output of the removed operation go with it.
	for _, c := range r.Changes {
		if strings.HasPrefix(c.Ident, "DeleteThingInput") || strings.HasPrefix(c.Ident, "DeleteThingOutput") {
			t.Errorf("reported separately from its operation: %s", c)
		}
	}
}

func TestIdentical(t *testing.T) {
	for _, path := range []string{ourOld, "testdata/breaking.old.json"} {
		r := compareFiles(t, path, path, Options{})
		if len(r.Changes) != 0 || r.Text() != "" {
			t.Errorf("%s against itself: %q", path, r.Text())
		}
		j, err := r.JSON()
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(j, &doc); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"breaking", "behaviour", "additions"} {
			if list, ok := doc[k].([]any); !ok || len(list) != 0 {
				t.Errorf("%s: %s = %v, want []", path, k, doc[k])
			}
		}
	}
}

// The report does not depend on the order of the -operation names, nor
// on the run.
func TestDeterministic(t *testing.T) {
	a := compareFiles(t, "testdata/breaking.old.json", "testdata/breaking.new.json", Options{Operations: []string{"CreateThing", "DeleteThing"}})
	b := compareFiles(t, "testdata/breaking.old.json", "testdata/breaking.new.json", Options{Operations: []string{"DeleteThing", "CreateThing"}})
	c := compareFiles(t, "testdata/breaking.old.json", "testdata/breaking.new.json", Options{})
	if a.Text() != b.Text() || a.Text() != c.Text() {
		t.Errorf("reports differ:\n%s\n---\n%s\n---\n%s", a.Text(), b.Text(), c.Text())
	}
}

func TestOperationInOneModel(t *testing.T) {
	r := compareFiles(t, "testdata/breaking.old.json", "testdata/breaking.new.json", Options{Operations: []string{"DeleteThing"}})
	if got, want := r.Text(), "Breaking (1):\n  DeleteThing: removed operation\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	r = compareFiles(t, "testdata/breaking.new.json", "testdata/breaking.old.json", Options{Operations: []string{"DeleteThing"}})
	if got, want := r.Text(), "Additions (1):\n  DeleteThing: new operation\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	_, err := Compare(load(t, ourOld), load(t, ourNew), Options{Operations: []string{"NoSuchOperation"}})
	if err == nil || !strings.Contains(err.Error(), `"NoSuchOperation"`) {
		t.Errorf("unknown operation: err = %v", err)
	}
}

func TestModelErrors(t *testing.T) {
	good := load(t, ourOld)
	bad := Model{Name: "bad.json", Data: []byte(`{"smithy": "2.0", "shapes": {"a#B": {"type": "structure", "members": {"c": {"target": "a#Missing"}}}}}`)}
	junk := Model{Name: "junk.json", Data: []byte(`{"smithy": `)}
	_, err := Compare(bad, good, Options{})
	var ps smithy.Problems
	if !errors.As(err, &ps) || len(ps) == 0 || !strings.HasPrefix(ps[0].String(), "bad.json:1:") {
		t.Fatalf("bad old model: err = %v", err)
	}
	// Problems in both models are all reported, in the generator's format.
	_, err = Compare(bad, junk, Options{})
	if !errors.As(err, &ps) {
		t.Fatalf("two bad models: err = %v (%T)", err, err)
	}
	msg := err.Error()
	if !strings.Contains(msg, "bad.json:1:") || !strings.Contains(msg, "junk.json:1:") {
		t.Errorf("two bad models: %s", msg)
	}
	_, err = Compare(good, good, Options{Service: "NoSuchService"})
	if err == nil || !strings.Contains(err.Error(), "NoSuchService") {
		t.Errorf("unknown service: err = %v", err)
	}
}

func BenchmarkCompareEC2Update(b *testing.B) {
	old, err := os.ReadFile(ourOld)
	if err != nil {
		b.Fatal(err)
	}
	new, err := os.ReadFile(ourNew)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Compare(Model{"old.json", old}, Model{"new.json", new}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
