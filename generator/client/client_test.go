package client_test

import (
	"flag"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smithy2go/smithy2go/generator"
	"github.com/smithy2go/smithy2go/generator/output"
	"github.com/smithy2go/smithy2go/internal/sdkmods"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the generator's output; review the diff")

// generate generates testdata/toy.json with its client.
func generate(t *testing.T, client bool) *generator.Result {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "toy.json"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := generator.Generate(generator.Options{ModelName: "toy.json", Model: data, Package: "toy", Client: client})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// isClient reports the files the client emitter writes.
func isClient(name string) bool {
	return strings.HasPrefix(name, "client") && strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go")
}

// TestGolden compares the client files written for the toy model (auth
// schemes, an operation of its own auth, a paginator with a nested token,
// shapes that take the client's names) with reviewed copies.
func TestGolden(t *testing.T) {
	dir := filepath.Join("testdata", "golden")
	seen := 0
	for _, f := range generate(t, true).Files {
		if !isClient(f.Name) {
			continue
		}
		seen++
		path := filepath.Join(dir, f.Name+".txt")
		if *update {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update and review)", err)
		}
		if diff := cmp.Diff(string(want), string(f.Data)); diff != "" {
			t.Errorf("%s (-golden +generated):\n%s", f.Name, diff)
		}
	}
	if golden, _ := filepath.Glob(filepath.Join(dir, "*.txt")); len(golden) != seen {
		t.Errorf("%d golden files for %d client files", len(golden), seen)
	}
	if seen != 4 {
		t.Errorf("%d client files, want client.go, client_endpoints.go, client_operations.go and client_paginators.go", seen)
	}
}

// TestImports: the client's files import the standard library, the SDK's
// core modules and smithy-go; every other file the standard library only.
func TestImports(t *testing.T) {
	for _, f := range generate(t, true).Files {
		if !strings.HasSuffix(f.Name, ".go") {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), f.Name, f.Data, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		client := isClient(f.Name) || strings.HasPrefix(f.Name, "runtime_client")
		for _, imp := range file.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			first, _, _ := strings.Cut(path, "/")
			switch {
			case !strings.Contains(first, "."):
			case !client:
				t.Errorf("%s imports %s: only the client's files may import more than the standard library", f.Name, path)
			case strings.Contains(path, "/internal") || strings.Contains(path, "/service/") || strings.HasSuffix(path, "/config") ||
				!(path == "github.com/aws/smithy-go" || strings.HasPrefix(path, "github.com/aws/smithy-go/") ||
					path == "github.com/aws/aws-sdk-go-v2/aws" || strings.HasPrefix(path, "github.com/aws/aws-sdk-go-v2/aws/")):
				t.Errorf("%s imports %s: the client imports only the SDK's core modules and smithy-go", f.Name, path)
			}
		}
	}
}

// TestOff: without the option, no client and no SDK import.
func TestOff(t *testing.T) {
	for _, f := range generate(t, false).Files {
		if isClient(f.Name) || strings.HasPrefix(f.Name, "runtime_client") || strings.Contains(string(f.Data), "github.com/aws/") {
			t.Errorf("%s is generated, or imports the SDK, with the client off", f.Name)
		}
	}
}

// TestBehaviour compiles the toy package with its client in a scratch
// module that requires the SDK's core modules at the versions this
// module pins, and runs testdata/behaviour_test.go in it: auth schemes,
// paginators, tokens and errors, against an httptest server.
func TestBehaviour(t *testing.T) {
	runInModule(t, "toy", generate(t, true).Files, "behaviour_test.go")
}

// runInModule writes files as package dir of a scratch module that
// requires the SDK's core modules at the versions this module pins, adds
// testdata/test to it, and vets and tests it.
func runInModule(t *testing.T, dir string, files []output.File, test string) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: not compiling the generated package")
	}
	root := t.TempDir()
	requires, sum := sdkRequirements(t)
	mod := "module example.test\n\ngo 1.26\n\nrequire (\n" + requires + ")\n"
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte(mod), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "go.sum"), sum, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := output.Write(filepath.Join(root, dir), files); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join("testdata", test))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, dir, test), b, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = root
		// Everything is in the module cache already: this module needs it.
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

// sdkRequirements are this module's require lines for the SDK's core and
// smithy-go, and its go.sum.
func sdkRequirements(t *testing.T) (string, []byte) {
	req, sum, err := sdkmods.Requirements(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return req, sum
}

// TestPaginatorProblems: a paginated trait the client cannot follow is a
// model problem at the operation's position, never a panic or bad Go.
func TestPaginatorProblems(t *testing.T) {
	toy, err := os.ReadFile(filepath.Join("testdata", "toy.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ from, to, want string }{
		{`"outputToken": "Page.NextToken"`, `"outputToken": "NextToken"`, `example.toy#ListThings: paginated outputToken "NextToken": ListThingsOutput has no member "NextToken"`},
		{`"outputToken": "Page.NextToken"`, `"outputToken": "Page.Things"`, `example.toy#ListThings: paginated outputToken "Page.Things" is not a member of the inputToken's type`},
		{`"MaxResults": {"target": "smithy.api#Integer"}`, `"MaxResults": {"target": "smithy.api#String"}`, `example.toy#ListThings: paginated pageSize "MaxResults" is not an integer member of the input`},
		{`"inputToken": "NextToken"`, `"inputToken": "Token"`, `example.toy#ListThings: paginated inputToken "Token" is not a string or map member of the input`},
	} {
		model := strings.Replace(string(toy), c.from, c.to, 1)
		_, err := generator.Generate(generator.Options{ModelName: "toy.json", Model: []byte(model), Package: "toy", Client: true})
		if err == nil || !strings.HasPrefix(err.Error(), "toy.json:") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v; want a problem at the operation saying %q", c.to, err, c.want)
		}
	}
}
