package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadModelCorpus runs every malformed model of the loader's corpus,
// JSON AST and IDL, through the command: each must exit 1, report every problem the loader's
// golden file lists, and leave an existing output directory untouched.
func TestBadModelCorpus(t *testing.T) {
	models, err := filepath.Glob(filepath.Join("..", "..", "generator", "smithy", "testdata", "bad", "*.json"))
	if err != nil || len(models) < 30 {
		t.Fatalf("want the corpus of at least 30 bad models, found %d (%v)", len(models), err)
	}
	idl, err := filepath.Glob(filepath.Join("..", "..", "generator", "smithy", "testdata", "bad", "*.smithy"))
	if err != nil || len(idl) < 15 {
		t.Fatalf("want at least 15 bad IDL models, found %d (%v)", len(idl), err)
	}
	models = append(models, idl...)
	parent := t.TempDir()
	out := filepath.Join(parent, "ec2")
	mustRun(t, "-out", out)
	age(t, parent)
	before := snapshot(t, parent)
	for _, model := range models {
		name := filepath.Base(model)
		golden, err := os.ReadFile(strings.TrimSuffix(model, filepath.Ext(model)) + ".golden")
		if err != nil {
			t.Fatal(err)
		}
		abs, _ := filepath.Abs(model)
		code, stdout, stderr := runCLI(t, "-model", abs, "-out", out)
		if code != 1 {
			t.Errorf("%s: exit %d, want 1\n%s", name, code, stderr)
			continue
		}
		if stdout != "" {
			t.Errorf("%s: wrote to stdout: %s", name, stdout)
		}
		// The golden text names the file as given; the command names it
		// by the path it was given, so compare line by line with that.
		for _, line := range strings.Split(strings.TrimSpace(string(golden)), "\n") {
			want := strings.ReplaceAll(line, name+":", abs+":")
			if !strings.Contains(stderr, want) {
				t.Errorf("%s: stderr lacks %q:\n%s", name, want, stderr)
			}
		}
	}
	sameTree(t, before, snapshot(t, parent))
	noStage(t, parent)
}
