package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smithy2go/smithy2go/generator/apidiff"
)

const (
	modelV1   = "../../models/ec2-interruptible-capacity-reservation.json"
	modelV2   = "../../models/ec2-interruptible-capacity-reservation.2026-09.json"
	breakOld  = "../../generator/apidiff/testdata/breaking.old.json"
	breakNew  = "../../generator/apidiff/testdata/breaking.new.json"
	sharedV1  = "../../../shared/models/ec2/ec2-interruptible-capacity-reservation.2026-07.json"
	sharedV2  = "../../../shared/models/ec2/ec2-interruptible-capacity-reservation.2026-09.json"
	updateRpt = "../../generator/apidiff/testdata/ec2-update.golden"
)

// readGolden reads a report that generator/apidiff's tests check fact by
// fact; here the command must print it unchanged.
func readGolden(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// libraryReport is what generator/apidiff reports for the two files with
// smithy2go's protocols; the command must print it unchanged. (Its golden
// breaking.golden is apidiff's, made with a test protocol that names
// members on the wire, which the command does not have.)
func libraryReport(t *testing.T, oldPath, newPath string) string {
	t.Helper()
	r, err := apidiff.Compare(apidiff.Model{Name: oldPath, Data: []byte(readGolden(t, oldPath))},
		apidiff.Model{Name: newPath, Data: []byte(readGolden(t, newPath))}, apidiff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r.Text()
}

func TestDiffExitStatus(t *testing.T) {
	cases := []struct {
		name string
		args []string
		code int
		want string // stdout; "" checks it is empty
	}{
		{"model update", []string{modelV1, modelV2}, exitChanged, readGolden(t, updateRpt)},
		{"breaking", []string{breakOld, breakNew}, exitBreaking, libraryReport(t, breakOld, breakNew)},
		{"identical", []string{modelV1, modelV1}, exitOK, ""},
		{"same API, other documentation", []string{sharedV1, modelV1}, exitOK, ""},
		{"one operation", []string{"-operation", "UpdateInterruptibleCapacityReservationAllocation", modelV1, modelV2}, exitChanged,
			"Behaviour (1):\n  UpdateInterruptibleCapacityReservationAllocationInput.TargetInstanceCount: no longer required\n\n" +
				"Additions (2):\n  UpdateInterruptibleCapacityReservationAllocationInput.ZeroSizePreference: new field of type ZeroSizePreference\n" +
				"  ZeroSizePreference: new enum type with 2 values: \"retain\", \"default\"\n"},
		{"backwards", []string{"-service", "com.amazonaws.ec2#AmazonEC2", modelV2, modelV1}, exitBreaking, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, a := range c.args {
				if strings.HasPrefix(a, "../../../shared/") {
					if _, err := os.Stat(a); err != nil {
						t.Skipf("../shared is missing: %v", err)
					}
				}
			}
			code, stdout, stderr := runCLI(t, append([]string{"diff"}, c.args...)...)
			if code != c.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, c.code, stderr)
			}
			if stderr != "" {
				t.Errorf("stderr %q, want nothing", stderr)
			}
			if c.name == "backwards" {
				// Undoing the update removes what it added.
				for _, w := range []string{"Breaking (6):\n", "ZeroSizePreference: removed enum type\n",
					".TargetInstanceCount: now required\n"} {
					if !strings.Contains(stdout, w) {
						t.Errorf("stdout lacks %q:\n%s", w, stdout)
					}
				}
				return
			}
			if d := cmp.Diff(c.want, stdout); d != "" {
				t.Errorf("stdout (-want +got):\n%s", d)
			}
		})
	}
}

func TestDiffSharedPair(t *testing.T) {
	if _, err := os.Stat(sharedV1); err != nil {
		t.Skipf("../shared is missing: %v", err)
	}
	code, stdout, stderr := runCLI(t, "diff", sharedV1, sharedV2)
	if code != exitChanged || stderr != "" {
		t.Fatalf("exit %d, stderr %q; want 3 and nothing", code, stderr)
	}
	if d := cmp.Diff(readGolden(t, updateRpt), stdout); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestDiffJSON(t *testing.T) {
	code, stdout, stderr := runCLI(t, "diff", "-json", modelV1, modelV2)
	if code != exitChanged || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var doc struct {
		Old, New                       string
		Breaking, Behaviour, Additions []map[string]string
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("%v in\n%s", err, stdout)
	}
	if doc.Old != modelV1 || doc.New != modelV2 {
		t.Errorf("old, new = %q, %q", doc.Old, doc.New)
	}
	if len(doc.Breaking) != 0 || len(doc.Behaviour) != 1 || len(doc.Additions) != 6 {
		t.Errorf("got %d breaking, %d behaviour, %d additions; want 0, 1, 6", len(doc.Breaking), len(doc.Behaviour), len(doc.Additions))
	}
	if len(doc.Behaviour) == 1 {
		b := doc.Behaviour[0]
		if b["ident"] != "UpdateInterruptibleCapacityReservationAllocationInput.TargetInstanceCount" || b["change"] != "optional" {
			t.Errorf("behaviour change %v", b)
		}
	}
	// Identical models still give the whole object, with empty arrays.
	code, stdout, _ = runCLI(t, "diff", "-json", modelV1, modelV1)
	if code != exitOK || !strings.Contains(stdout, `"breaking": []`) || !strings.Contains(stdout, `"additions": []`) {
		t.Errorf("identical: exit %d\n%s", code, stdout)
	}
}

func TestDiffErrors(t *testing.T) {
	// A bad model is reported exactly as the generator reports it.
	_, _, genErr := runCLI(t, "-model", "testdata/two_problems.json", "-out", filepath.Join(t.TempDir(), "api"), "-check")
	if !strings.HasPrefix(genErr, "smithy2go: the model has problems:\n") {
		t.Fatalf("generator stderr: %q", genErr)
	}
	cases := []struct {
		name string
		args []string
		code int
		want string // the whole stderr, or what it must contain
		full bool
	}{
		{"bad old model", []string{"testdata/two_problems.json", modelV1}, exitError, genErr, true},
		{"bad new model", []string{modelV1, "testdata/two_problems.json"}, exitError, genErr, true},
		{"invalid JSON", []string{modelV1, "testdata/invalid_json.json"}, exitError, "smithy2go: testdata/invalid_json.json:7:9: invalid JSON", false},
		{"missing file", []string{modelV1, "testdata/nope.json"}, exitError, "smithy2go: open testdata/nope.json: ", false},
		{"unknown operation", []string{"-operation", "Nope", modelV1, modelV2}, exitError, `smithy2go: neither model's service has an operation "Nope"`, false},
		{"two services", []string{"testdata/two_services.json", "testdata/two_services.json"}, exitError, "choose one with -service", false},
		{"one argument", []string{modelV1}, exitUsage, "want two model files, OLD and NEW, got 1 arguments", false},
		{"three arguments", []string{modelV1, modelV2, "-json"}, exitUsage, "got 3 arguments (flags go before them)", false},
		{"unknown flag", []string{"-model", modelV1, modelV2}, exitUsage, "flag provided but not defined: -model", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, append([]string{"diff"}, c.args...)...)
			if code != c.code {
				t.Errorf("exit %d, want %d", code, c.code)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			if c.full && stderr != c.want || !c.full && !strings.Contains(stderr, c.want) {
				t.Errorf("stderr:\n%s\nwant (%s):\n%s", stderr, map[bool]string{true: "exactly", false: "containing"}[c.full], c.want)
			}
			if c.code == exitUsage && !strings.Contains(stderr, "usage: smithy2go diff [flags] OLD NEW") {
				t.Errorf("no usage in stderr:\n%s", stderr)
			}
		})
	}
}

func TestDiffHelp(t *testing.T) {
	code, stdout, stderr := runCLI(t, "diff", "-h")
	if code != exitOK || stderr != "" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	for _, w := range []string{"usage: smithy2go diff [flags] OLD NEW", "-operation", "-service", "-json",
		"0 with no changes, 3 with only additions or behaviour changes,\n4 when anything breaks"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("diff -h lacks %q:\n%s", w, stdout)
		}
	}
	// The main usage points to the subcommand.
	_, stdout, _ = runCLI(t, "-h")
	if !strings.Contains(stdout, "smithy2go diff [flags] OLD NEW") {
		t.Errorf("smithy2go -h does not mention diff:\n%s", stdout)
	}
}

// A file named "diff" is still a model when it is not the first argument.
func TestDiffOnlyAsFirstArgument(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(modelV1)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "diff"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	code, stdout, stderr := runCLI(t, "diff", "diff", "diff")
	if code != exitOK || stdout != "" || stderr != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
