package models

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// name0926 is our model as AWS's changed by September 2026 (SDK
// service/ec2 v1.344.3); the interop tests generate from it.
const name0926 = "ec2-interruptible-capacity-reservation.2026-09.json"

func ourModel0926(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(name0926)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// sharedModel0926 reads AWS's 2026-09 model, or skips when the shared
// checkout is absent. The test runs in this directory, one below the root.
func sharedModel0926(t *testing.T) []byte {
	t.Helper()
	path := filepath.Join("..", "..", "shared", "models", "ec2", name0926)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("shared model %s is missing; cannot compare against AWS's 2026-09 model", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestModel0926MatchesSharedModel(t *testing.T) {
	theirs := stripDocsAndRules(loadOrdered(t, "shared 2026-09 model", sharedModel0926(t)))
	ours := stripDocsAndRules(loadOrdered(t, name0926, ourModel0926(t)))
	if diff := cmp.Diff(theirs, ours); diff != "" {
		t.Errorf("model facts differ from the shared 2026-09 model (-shared +ours):\n%s", diff)
	}
}

// TestModel0926Docs checks that the update keeps every doc of our 2026-07
// model word for word, documents what it adds, and copies none of AWS's text.
func TestModel0926Docs(t *testing.T) {
	old := allDocs(loadOrdered(t, DefaultName, EC2InterruptibleCapacityReservation))
	ast := loadOrdered(t, name0926, ourModel0926(t))
	docs := allDocs(ast)
	for where, doc := range old {
		if docs[where] != doc {
			t.Errorf("%s: documentation differs from the 2026-07 model's:\n got %q\nwant %q", where, docs[where], doc)
		}
	}
	added := []string{
		"com.amazonaws.ec2#ZeroSizePreference",
		"com.amazonaws.ec2#ZeroSizePreference$RETAIN",
		"com.amazonaws.ec2#ZeroSizePreference$DEFAULT",
		"com.amazonaws.ec2#CreateInterruptibleCapacityReservationAllocationRequest$ZeroSizePreference",
		"com.amazonaws.ec2#UpdateInterruptibleCapacityReservationAllocationRequest$ZeroSizePreference",
	}
	for _, where := range added {
		if strings.TrimSpace(docs[where]) == "" {
			t.Errorf("%s has no documentation", where)
		}
	}
	if len(docs) != len(old)+len(added) {
		t.Errorf("%d documented places, want %d (the 2026-07 model's %d plus %d new)", len(docs), len(old)+len(added), len(old), len(added))
	}
	req := requiredDocs(t, ast.obj("shapes"))
	for where, doc := range req {
		if strings.TrimSpace(doc) == "" {
			t.Errorf("%s has no documentation", where)
		}
	}

	theirs := allDocs(loadOrdered(t, "shared 2026-09 model", sharedModel0926(t)))
	// AWS documents the two new members; our text for them must be our own.
	for _, where := range added[3:] {
		if theirs[where] == "" {
			t.Errorf("shared model has no documentation at %s; the check below would prove nothing there", where)
		}
	}
	for where, doc := range docs {
		p := plain(doc)
		for src, their := range theirs {
			if p == plain(their) {
				t.Errorf("%s: documentation is AWS's text for %s", where, src)
			}
			for _, s := range sentenceEnds.Split(plain(their)+" ", -1) {
				s = strings.TrimRight(strings.TrimSpace(s), ".!?:;")
				if len(strings.Fields(s)) >= 6 && strings.Contains(p, s) {
					t.Errorf("%s: documentation contains AWS's sentence %q (from %s)", where, s, src)
				}
			}
		}
	}
}

func TestModel0926Layout(t *testing.T) {
	file := ourModel0926(t)
	var compact, indented bytes.Buffer
	if err := json.Compact(&compact, file); err != nil {
		t.Fatal(err)
	}
	if err := json.Indent(&indented, compact.Bytes(), "", "    "); err != nil {
		t.Fatal(err)
	}
	indented.WriteByte('\n')
	if !bytes.Equal(indented.Bytes(), file) {
		t.Errorf("%s is not indented with 4 spaces and one trailing newline; reformat it", name0926)
	}
}
