package templates

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"testing"
)

// TestRequires checks Requires against the code: each runtime file lists
// exactly the files declaring the package-level names it uses.
func TestRequires(t *testing.T) {
	files, err := filepath.Glob("runtime_*.go")
	if err != nil {
		t.Fatal(err)
	}
	declaredIn := map[string]string{}
	parsed := map[string]*ast.File{}
	for _, name := range files {
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed[name] = f
		for _, d := range f.Decls {
			for _, id := range declNames(d) {
				declaredIn[id.Name] = name
			}
		}
	}
	for _, name := range files {
		want, listed := Requires[name]
		if !listed {
			t.Errorf("%s is not in Requires", name)
			continue
		}
		uses := map[string]bool{}
		ast.Inspect(parsed[name], func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if file, ok := declaredIn[id.Name]; ok && file != name {
					uses[file] = true
				}
			}
			return true
		})
		got := slices.Sorted(maps.Keys(uses))
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s uses %v; Requires says %v", name, got, want)
		}
	}
	for name := range Requires {
		if _, ok := parsed[name]; !ok {
			t.Errorf("Requires lists %s, which does not exist", name)
		}
	}
	if _, err := fs.Stat(FS, "deps.go"); err == nil {
		t.Error("deps.go must not be embedded")
	}
}

func TestClosure(t *testing.T) {
	got := Closure([]string{"runtime_validatebig.go", "runtime_queryerror.go"})
	want := []string{"runtime_errors.go", "runtime_queryerror.go", "runtime_time.go", "runtime_validate.go", "runtime_validatebig.go", "runtime_xml.go"}
	if !slices.Equal(got, want) {
		t.Errorf("Closure = %v, want %v", got, want)
	}
}
