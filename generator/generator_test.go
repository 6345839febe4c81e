package generator

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smithy2go/smithy2go/generator/output"
	"github.com/smithy2go/smithy2go/templates"
)

// headerLine is the Go convention for generated files (go help generate).
var headerLine = regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.$`)

var update = flag.Bool("update", false, "rewrite testdata/golden from the generator's output; review the diff")

// testModels are the small models in testdata/models, each generated into
// a package named after the file.
func testModels(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "models", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test models: %v", err)
	}
	return files
}

func generate(t *testing.T, file string) *Result {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	pkg := strings.TrimSuffix(filepath.Base(file), ".json")
	res, err := Generate(Options{ModelName: filepath.Base(file), Model: data, Package: pkg})
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return res
}

// isRuntime reports files copied from templates/, checked separately.
func isRuntime(name string) bool { return strings.HasPrefix(name, "runtime_") }

// TestGolden compares the generator's output on each test model with the
// reviewed files in testdata/golden/<model>/.
func TestGolden(t *testing.T) {
	for _, file := range testModels(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			res := generate(t, file)
			dir := filepath.Join("testdata", "golden", name)
			var want []string
			for _, f := range res.Files {
				if isRuntime(f.Name) {
					continue
				}
				want = append(want, f.Name)
				path := filepath.Join(dir, filepath.FromSlash(f.Name))
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				golden, err := os.ReadFile(path)
				if err != nil {
					t.Errorf("%s: %v (run go test ./generator -update to create it)", f.Name, err)
					continue
				}
				if diff := cmp.Diff(string(golden), string(f.Data)); diff != "" {
					t.Errorf("%s differs from %s (-golden +generated):\n%s", f.Name, path, diff)
				}
			}
			// Warnings are compared always: a missing warnings.txt means none.
			w := strings.Join(res.Warnings, "\n")
			path := filepath.Join(dir, "warnings.txt")
			switch golden, err := os.ReadFile(path); {
			case *update && w != "":
				if err := os.WriteFile(path, []byte(w+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			case *update:
				os.Remove(path)
			case err != nil && !os.IsNotExist(err):
				t.Fatal(err)
			case strings.TrimSpace(string(golden)) != w:
				t.Errorf("warnings (-golden +generated):\n%s", cmp.Diff(strings.TrimSpace(string(golden)), w))
			}
			// No golden file may outlive what is generated.
			var have []string
			filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() && d.Name() != "warnings.txt" {
					rel, _ := filepath.Rel(dir, p)
					have = append(have, filepath.ToSlash(rel))
				}
				return nil
			})
			for _, h := range have {
				found := false
				for _, w := range want {
					found = found || w == h
				}
				if !found {
					if *update {
						os.Remove(filepath.Join(dir, filepath.FromSlash(h)))
					} else {
						t.Errorf("golden file %s is no longer generated", h)
					}
				}
			}
		})
	}
}

// TestDeterministic generates every test model twice.
func TestDeterministic(t *testing.T) {
	for _, file := range testModels(t) {
		a, b := generate(t, file), generate(t, file)
		if len(a.Files) != len(b.Files) {
			t.Fatalf("%s: %d files, then %d", file, len(a.Files), len(b.Files))
		}
		for i := range a.Files {
			if a.Files[i].Name != b.Files[i].Name || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
				t.Errorf("%s: %s differs between two runs", file, a.Files[i].Name)
			}
		}
	}
}

// TestDeterministicConcurrent generates a service whose tests span several
// files, with wire code and a client, on one core and then repeatedly on
// many: files are emitted and formatted concurrently, and neither the
// bytes, the file list nor the warnings may depend on their timing.
func TestDeterministicConcurrent(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "models", "aws", "kms-2014-11-01.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("%v: the shared models are not checked out next to the module", err)
	}
	opts := Options{ModelName: "kms-2014-11-01.json", Model: data, Package: "kms", Client: true}
	gen := func(procs int) *Result {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		res, err := Generate(opts)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	want := gen(1)
	tests := 0
	for _, f := range want.Files {
		if strings.HasPrefix(f.Name, "golden_") {
			tests++
		}
	}
	if tests < 2 {
		t.Fatalf("%d golden test files; the model should need several", tests)
	}
	for run := range 4 {
		got := gen(8)
		if diff := cmp.Diff(want.Warnings, got.Warnings); diff != "" {
			t.Errorf("run %d: warnings differ from the single-core run:\n%s", run, diff)
		}
		if len(got.Files) != len(want.Files) {
			t.Fatalf("run %d: %d files, on one core %d", run, len(got.Files), len(want.Files))
		}
		for i, f := range got.Files {
			if f.Name != want.Files[i].Name || !bytes.Equal(f.Data, want.Files[i].Data) {
				t.Errorf("run %d: file %d is %s, on one core %s, or their bytes differ", run, i, f.Name, want.Files[i].Name)
			}
		}
	}
}

// TestGeneratedFiles checks what every generated file must be: marked as
// generated on its first line, Go files gofmt'd and standard-library only,
// runtime files equal to their templates.
func TestGeneratedFiles(t *testing.T) {
	for _, file := range testModels(t) {
		for _, f := range generate(t, file).Files {
			if !output.IsGenerated(f.Data) {
				t.Errorf("%s: %s lacks the generated-code header", file, f.Name)
			}
			if !strings.HasSuffix(f.Name, ".go") {
				continue
			}
			first, _, _ := strings.Cut(string(f.Data), "\n")
			if !headerLine.MatchString(first) || !strings.Contains(first, filepath.Base(file)+" (sha256 ") {
				t.Errorf("%s: %s starts %q", file, f.Name, first)
			}
			for _, imp := range importPaths(f.Data) {
				if strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") {
					t.Errorf("%s: %s imports %s, outside the standard library", file, f.Name, imp)
				}
			}
		}
	}
}

// importPaths lists the import paths of Go source, roughly but enough here.
func importPaths(src []byte) []string {
	var out []string
	in := false
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "import (":
			in = true
		case in && line == ")":
			return out
		case in && strings.HasSuffix(line, `"`):
			out = append(out, strings.Trim(line[strings.Index(line, `"`):], `"`))
		case strings.HasPrefix(line, `import "`):
			out = append(out, strings.Trim(strings.TrimPrefix(line, "import "), `"`))
		}
	}
	return out
}

// TestGeneratedPackagesPass compiles, vets and tests each generated package
// in a scratch module: the golden tests it carries must pass, and so must
// the hand-written tests in testdata/behaviour/<model>_test.go, which hold
// each package to behaviour its model was made to show.
func TestGeneratedPackagesPass(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not compiling generated packages")
	}
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.test\n\ngo 1.24\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, file := range testModels(t) {
		pkg := strings.TrimSuffix(filepath.Base(file), ".json")
		if _, err := output.Write(filepath.Join(root, pkg), generate(t, file).Files); err != nil {
			t.Fatal(err)
		}
		if b, err := os.ReadFile(filepath.Join("testdata", "behaviour", pkg+"_test.go")); err == nil {
			if err := os.WriteFile(filepath.Join(root, pkg, "behaviour_test.go"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Every behaviour test belongs to a model.
	behaviour, _ := filepath.Glob(filepath.Join("testdata", "behaviour", "*_test.go"))
	for _, b := range behaviour {
		model := filepath.Join("testdata", "models", strings.TrimSuffix(filepath.Base(b), "_test.go")+".json")
		if _, err := os.Stat(model); err != nil {
			t.Errorf("%s has no model %s", b, model)
		}
	}
	for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

// TestRuntimeTemplatesFormatted holds up runtimeFile's shortcut: a helper
// with nothing renamed is copied without formatting, which gives the same
// bytes only while every template is formatted as goimports would.
func TestRuntimeTemplatesFormatted(t *testing.T) {
	names, err := fs.Glob(templates.FS, "runtime_*.go")
	if err != nil || len(names) == 0 {
		t.Fatalf("no runtime templates: %v", err)
	}
	// The check can fail: a template indented with spaces is caught.
	src := []byte("// h\n\npackage p\n\nfunc f() {\n    return\n}\n")
	if got, err := formatRuntime("x.go", "p", src); err != nil || bytes.Equal(got, src) {
		t.Fatalf("formatRuntime left an unformatted file as it was (err %v)", err)
	}
	for _, name := range names {
		got, err := runtimeFile(name, "sagemaker", Header("models/sagemaker.json", []byte("{}")), nil)
		if err != nil {
			t.Fatal(err)
		}
		want, err := formatRuntime(name, "sagemaker", got)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("templates/%s is not formatted; run gofmt (or goimports) on it:\n%s", name, cmp.Diff(string(want), string(got)))
		}
	}
}
