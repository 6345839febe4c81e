package smithy

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tidwall/gjson"
)

var update = flag.Bool("update", false, "rewrite the golden files of TestBadModels")

// TestBadModels loads each malformed model in testdata/bad, JSON AST and
// IDL, and compares the error text with its golden file. Goldens were read by hand when written:
// each names the problem at the right place in a way a user can act on.
func TestBadModels(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "bad", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	idl, err := filepath.Glob(filepath.Join("testdata", "bad", "*.smithy"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 35 || len(idl) < 15 {
		t.Fatalf("found %d JSON and %d IDL bad models, want at least 35 and 15", len(files), len(idl))
	}
	for _, path := range append(files, idl...) {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, filepath.Ext(name)), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			m, err := Load(name, data)
			if err == nil {
				t.Fatalf("Load succeeded with %d shapes; want problems", len(m.Shapes()))
			}
			if m != nil {
				t.Errorf("Load returned a model along with its error")
			}
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("error is %T, want Problems: %v", err, err)
			}
			checkProblems(t, name, data, ps)
			got := err.Error() + "\n"
			golden := strings.TrimSuffix(path, filepath.Ext(path)) + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("problems differ from %s (-want +got):\n%s", golden, diff)
			}
		})
	}
}

// checkProblems checks what every problem list must hold, whatever the
// model: a position inside the file (or just past its end), a message, file
// order, and a shape ID whenever the position lies inside a shape's entry.
func checkProblems(t *testing.T, file string, data []byte, ps Problems) {
	t.Helper()
	if len(ps) == 0 {
		t.Fatal("empty Problems")
	}
	lines := strings.Split(string(data), "\n")
	for i, p := range ps {
		if p.Pos.File != file {
			t.Errorf("problem %d: file %q, want %q", i, p.Pos.File, file)
		}
		if p.Pos.Line < 1 || p.Pos.Col < 1 || p.Pos.Line > len(lines) || p.Pos.Col > len(lines[p.Pos.Line-1])+1 {
			t.Errorf("problem %d: position %d:%d is outside the file", i, p.Pos.Line, p.Pos.Col)
		}
		if strings.TrimSpace(p.Message) == "" {
			t.Errorf("problem %d: empty message", i)
		}
		if i > 0 {
			q := ps[i-1].Pos
			if p.Pos.Line < q.Line || p.Pos.Line == q.Line && p.Pos.Col < q.Col {
				t.Errorf("problem %d at %v comes before problem %d at %v", i, p.Pos, i-1, q)
			}
		}
		if p.Shape != "" && !validShapeID(string(p.Shape), true) {
			t.Errorf("problem %d: shape %q is not a shape ID", i, p.Shape)
		}
		if id, ok := shapeAt(data, p.Pos); ok && p.Shape.Root() != id {
			t.Errorf("problem %d at %v lies inside shape %s but names shape %q", i, p.Pos, id, p.Shape)
		}
	}
}

// shapeAt returns the well-formed shape ID whose entry in "shapes" (key to
// end of value) holds pos.
func shapeAt(data []byte, pos Position) (ShapeID, bool) {
	if !gjson.ValidBytes(data) {
		return "", false
	}
	off := 0
	for line := 1; line < pos.Line; line++ {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return "", false
		}
		off += i + 1
	}
	off += pos.Col - 1
	var found ShapeID
	gjson.GetBytes(data, "shapes").ForEach(func(k, v gjson.Result) bool {
		if off >= k.Index && off < v.Index+len(v.Raw) && validShapeID(k.Str, false) {
			found = ShapeID(k.Str)
			return false
		}
		return true
	})
	return found, found != ""
}
