package templates

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The embedded files are exactly the runtime_*.go files, and each keeps the
// rules generated code relies on.
func TestEmbeddedRuntimeFiles(t *testing.T) {
	onDisk, err := filepath.Glob("runtime_*.go")
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := fs.Glob(FS, "*")
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(onDisk)
	slices.Sort(embedded)
	if !slices.Equal(onDisk, embedded) {
		t.Fatalf("embedded %v, on disk %v", embedded, onDisk)
	}
	// Files other helpers add carry their own exported API; these may only
	// export the types the generated packages promise.
	strict := []string{"runtime_errors.go", "runtime_http.go", "runtime_query.go", "runtime_time.go", "runtime_uuid.go", "runtime_validate.go", "runtime_xml.go"}
	for _, f := range strict {
		if !slices.Contains(embedded, f) {
			t.Errorf("%s is not embedded", f)
		}
	}
	exported := map[string]bool{
		"APIError": true, "ErrorFault": true, "FaultUnknown": true, "FaultServer": true, "FaultClient": true,
		"InvalidParamsError": true, "Violation": true,
	}
	reserved := regexp.MustCompile(`^(serialize|deserialize|validate|decode|encode|marshal|unmarshal|build|equal|full|minimal|want)[A-Z]`)
	for _, name := range embedded {
		src, err := fs.ReadFile(FS, name)
		if err != nil {
			t.Fatal(err)
		}
		disk, _ := os.ReadFile(name)
		if string(disk) != string(src) {
			t.Errorf("%s: embedded copy differs", name)
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name.Name != "templates" || !strings.HasPrefix(string(src), "package templates\n") {
			t.Errorf("%s: must start with the package clause (the generator rewrites it)", name)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			first, _, _ := strings.Cut(path, "/")
			switch {
			case !strings.Contains(first, "."):
			case !strings.HasPrefix(name, "runtime_client"):
				t.Errorf("%s imports %s: standard library only", name, path)
			case !clientImport(path):
				t.Errorf("%s imports %s: the client's files may import only the standard library, the SDK's core modules and smithy-go", name, path)
			}
		}
		for _, decl := range f.Decls {
			for _, id := range declNames(decl) {
				if id.IsExported() && !exported[id.Name] && slices.Contains(strict, name) {
					t.Errorf("%s: %s is exported", name, id.Name)
				}
				if strings.HasPrefix(name, "runtime_client") && !strings.HasPrefix(id.Name, "client") {
					t.Errorf("%s: %s must start with \"client\", the prefix the client's runtime owns", name, id.Name)
				}
				if reserved.MatchString(id.Name) {
					t.Errorf("%s: %s uses a prefix the generator owns", name, id.Name)
				}
			}
		}
	}
}

// clientImport reports whether a client runtime file may import path:
// aws-sdk-go-v2's core module (not a service, not config, nothing
// internal) or smithy-go.
func clientImport(path string) bool {
	for _, prefix := range []string{"github.com/aws/aws-sdk-go-v2/aws/", "github.com/aws/smithy-go/"} {
		if strings.HasPrefix(path+"/", prefix) && !strings.Contains(path, "/internal") {
			return true
		}
	}
	return path == "github.com/aws/aws-sdk-go-v2/aws" || path == "github.com/aws/smithy-go"
}

// declNames lists package-level names (methods excluded: they live in the
// receiver's namespace).
func declNames(decl ast.Decl) []*ast.Ident {
	var ids []*ast.Ident
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			ids = append(ids, d.Name)
		}
	case *ast.GenDecl:
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				ids = append(ids, s.Name)
			case *ast.ValueSpec:
				ids = append(ids, s.Names...)
			}
		}
	}
	return ids
}
