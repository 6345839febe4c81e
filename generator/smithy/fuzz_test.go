package smithy

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to Load. Load must not panic; problems
// must lie inside the file; a model that loads must survive every accessor
// the generator calls. The seed corpus is testdata/fuzz/FuzzLoad.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(closureModel))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Load("fuzz.json", data)
		if err != nil {
			if m != nil {
				t.Fatal("Load returned a model and an error")
			}
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("error is %T, want Problems", err)
			}
			checkPositions(t, "fuzz.json", data, ps)
			for _, p := range ps {
				if strings.HasPrefix(p.Message, "invalid JSON") && json.Valid(data) {
					t.Fatalf("%v, but encoding/json finds the JSON valid", p)
				}
			}
			return
		}
		checkPositions(t, "fuzz.json", data, m.Warnings)
		exercise(t, m)
	})
}

// FuzzIDL feeds arbitrary bytes to the IDL front end: lexer, parser and
// lowering. Loading must not panic, problems must lie inside the file,
// and a model that loads must survive the generator's accessors and
// print as a JSON AST that loads back to the same model. The seeds are
// testdata/fuzz/FuzzIDL and, when ../shared is there, every .smithy file
// in it.
func FuzzIDL(f *testing.F) {
	if dir, ok := sharedPath(); ok {
		_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".smithy") {
				if data, err := os.ReadFile(p); err == nil {
					f.Add(data)
				}
			}
			return nil
		})
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := LoadSources(Source{"fuzz.smithy", data})
		if err != nil {
			if m != nil {
				t.Fatal("LoadSources returned a model and an error")
			}
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("error is %T, want Problems", err)
			}
			checkPositions(t, "fuzz.smithy", data, ps)
			return
		}
		checkPositions(t, "fuzz.smithy", data, m.Warnings)
		exercise(t, m)
		ast := m.AST()
		back, err := Load("ast.json", ast)
		if err != nil {
			t.Fatalf("the model's AST does not load: %v\n%s", err, ast)
		}
		if d := modelDiffs(m, back); len(d) > 0 {
			t.Fatalf("the model's AST loads to another model:\n%s", strings.Join(d, "\n"))
		}
	})
}

func checkPositions(t *testing.T, file string, data []byte, ps Problems) {
	t.Helper()
	if len(ps) == 0 {
		return
	}
	lines := bytes.Count(data, []byte{'\n'}) + 1
	for _, p := range ps {
		if p.Pos.File != file || p.Pos.Line < 1 || p.Pos.Col < 1 || p.Pos.Line > lines ||
			p.Pos.Col > len(data)+1 || p.Message == "" {
			t.Fatalf("bad problem %+v in %d lines", p, lines)
		}
	}
	if ps.Error() == "" {
		t.Fatal("empty error text")
	}
}

// exercise calls what the generator reads of a loaded model.
func exercise(t *testing.T, m *Model) {
	t.Helper()
	shapes := m.Shapes()
	for _, s := range shapes {
		if m.Shape(s.ID) != s {
			t.Fatalf("Shape(%s) is not the listed shape", s.ID)
		}
		_, _, _, _ = s.ID.Namespace(), s.ID.Name(), s.ID.Member(), s.ID.Root()
		_, _, _, _, _ = s.IsList(), s.IsEnum(), s.ListMember(), s.MapKey(), s.MapValue()
		_, _, _ = s.Type.IsNumber(), s.Type.IsSimple(), s.Type.IsAggregate()
		readTraits(t, m, s.Traits)
		for _, mem := range s.Members {
			if m.Shape(mem.Target) == nil {
				t.Fatalf("member %s targets missing %s", mem.ID, mem.Target)
			}
			if mem.Container != s.ID || mem.ID != s.ID.WithMember(mem.Name) || s.Member(mem.Name) == nil {
				t.Fatalf("member %+v of %s", mem, s.ID)
			}
			readTraits(t, m, mem.Traits)
		}
		for _, id := range append(append([]ShapeID{s.Input, s.Output}, s.Errors...), s.Operations...) {
			if id != "" && m.Shape(id) == nil {
				t.Fatalf("%s refers to missing %s", s.ID, id)
			}
		}
	}
	for _, svc := range m.Services() {
		ops := m.ServiceOperations(svc)
		for _, op := range ops {
			if op.Type != Operation {
				t.Fatalf("%s is not an operation", op.ID)
			}
		}
		m.Closure(svc, ops)
		names := []string{"Nope"}
		if len(ops) > 0 {
			names = []string{ops[0].ID.Name(), string(ops[len(ops)-1].ID)}
		}
		sel, err := m.SelectOperations(svc, names)
		if (err == nil) != (len(ops) > 0) || (err == nil && len(sel) == 0) {
			t.Fatalf("SelectOperations(%v) = %d, %v", names, len(sel), err)
		}
	}
	m.Closure(nil, m.ShapesOf(Operation))
}

func readTraits(t *testing.T, m *Model, tr Traits) {
	t.Helper()
	_, _, _, _ = tr.Required(), tr.ClientOptional(), tr.Sensitive(), tr.Documentation()
	_, _, _, _ = tr.UniqueItems(), tr.Sparse(), tr.IdempotencyToken(), tr.XMLFlattened()
	_, _, _, _ = tr.XMLAttribute(), tr.Input(), tr.Output(), tr.Streaming()
	_ = tr.HostLabel()
	tr.Default()
	tr.Deprecated()
	tr.EnumValue()
	tr.Length()
	tr.Range()
	tr.XMLName()
	tr.XMLNamespace()
	tr.EC2QueryName()
	tr.TimestampFormat()
	tr.Error()
	tr.HostPrefix()
	tr.RequestCompression()
	tr.AWSQueryError()
	tr.Protocol()
	for _, x := range tr.All() {
		nodeText(x.Value)
		describe(x.Value)
	}
	if src, ok := tr.Pattern(); ok {
		// A model that loads has patterns Go can use, or a warning says why not.
		re, err := m.GoPattern(src)
		switch {
		case err == nil:
			if _, err := regexp.Compile(re); err != nil {
				t.Fatalf("GoPattern(%q) = %q, which does not compile: %v", src, re, err)
			}
		case !errors.Is(err, ErrUnsupportedPattern):
			t.Fatalf("a malformed pattern %q loaded: %v", src, err)
		}
	}
}
