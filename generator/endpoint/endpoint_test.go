package endpoint_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/smithy2go/smithy2go/generator"
	"github.com/smithy2go/smithy2go/generator/endpoint"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// testdata/widgets.json is a small service whose rule set uses every
// function of the standard library and of AWS's extension, tree and error
// rules, headers and properties; its cases' expectations were worked out
// by hand from the rules-engine specification. The package generated from
// it passes its own TestEndpoints and TestEndpointBindings.
func TestWidgetsPackage(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "widgets.json"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := generator.Generate(generator.Options{ModelName: "widgets.json", Model: data, Package: "widgets"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module widgets\n\ngo 1.24\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range res.Files {
		names = append(names, f.Name)
		name := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, want := range []string{"endpoint_rules.go", "endpoint_rules_test.go", "runtime_endpoint.go",
		"runtime_endpoint_partitions.go", "runtime_endpoint_test.go"} {
		if !slices.Contains(names, want) {
			t.Errorf("no %s among %v", want, names)
		}
	}
	for _, w := range res.Warnings {
		if strings.Contains(w, "endpoint") {
			t.Errorf("warning: %s", w)
		}
	}
	goCmd := func(args ...string) string {
		cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	goCmd("vet", ".")
	out := goCmd("test", "-count=1", "-v", "-run", "TestEndpoint", ".")
	for test, want := range map[string]int{"TestEndpoints/": 14, "TestEndpointBindings/": 3} {
		if n := strings.Count(out, "--- PASS: "+test); n != want {
			t.Errorf("%d subtests of %s passed, want %d:\n%s", n, strings.TrimSuffix(test, "/"), want, out)
		}
	}
}

// A rule set with problems fails generation with every problem, placed.
func TestGenerateReportsRuleProblems(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "widgets.json"))
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(data), `"fn": "uriEncode"`, `"fn": "uriEscape"`, 1)
	bad = strings.Replace(bad, `"fn": "isValidHostLabel"`, `"fn": "isValidHost"`, 1)
	res, err := generator.Generate(generator.Options{ModelName: "widgets.json", Model: []byte(bad), Package: "widgets"})
	var ps smithy.Problems
	if res != nil || !errors.As(err, &ps) || len(ps) != 2 {
		t.Fatalf("got %v, %v; want two problems", res, err)
	}
	for i, fn := range []string{"isValidHost", "uriEscape"} {
		p := ps[i]
		line := strings.Split(bad, "\n")[p.Pos.Line-1]
		if !strings.Contains(p.String(), `widgets.json:`) || !strings.Contains(p.Message, `unknown function "`+fn+`"`) ||
			!strings.HasPrefix(line[p.Pos.Col-1:], `"`+fn+`"`) {
			t.Errorf("problem %d: %s (at %q)", i, p, line[p.Pos.Col-1:])
		}
	}
}

// The endpoint code's names, and the client's, are free in every AWS
// model: no shape, enum constant or union variant of the 306 takes one.
func TestNamesFreeInAWSModels(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "models", "aws")
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) == 0 {
		t.Skipf("no models in %s; cannot check the names against them", dir)
	}
	ours := append(slices.Clone(endpoint.Names), "EndpointResolverV2", "NewDefaultEndpointResolverV2",
		"EndpointResolver", "EndpointResolverFunc", "EndpointResolverOptions")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		m, err := smithy.Load(filepath.Base(file), data)
		if err != nil {
			t.Fatal(err)
		}
		svc, err := plan.FindService(m, "")
		if err != nil {
			t.Fatal(err)
		}
		p, err := plan.Build(m, svc, plan.Options{Package: "x"})
		if err != nil {
			t.Fatal(err)
		}
		var taken []string
		for _, s := range p.Structs {
			taken = append(taken, s.Name)
		}
		for _, e := range p.Enums {
			taken = append(taken, e.Name)
			for _, v := range e.Values {
				taken = append(taken, v.Const)
			}
		}
		for _, u := range p.Unions {
			taken = append(taken, u.Name)
			for _, v := range u.Variants {
				taken = append(taken, v.Name)
			}
		}
		for _, name := range ours {
			if slices.Contains(taken, name) {
				t.Errorf("%s: the model takes %s", filepath.Base(file), name)
			}
		}
	}
}

// An input member named like the binding method yields the name: the plan
// reserves it (generator/plan's inputMethods).
func TestBindMethodIsReserved(t *testing.T) {
	src := `{"smithy": "2.0", "shapes": {
  "example#S": {"type": "service", "version": "1", "operations": [{"target": "example#Op"}]},
  "example#Op": {"type": "operation", "input": {"target": "example#OpInput"}},
  "example#OpInput": {"type": "structure", "members": {"` + endpoint.BindMethod + `": {"target": "smithy.api#String"}}}
}}`
	m, err := smithy.Load("s.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Build(m, m.Services()[0], plan.Options{Package: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Operations[0].Input.Fields[0].Name; got == endpoint.BindMethod {
		t.Errorf("the input field is named %s, the binding method's name", got)
	}
}

func TestFields(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "widgets.json"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := smithy.Load("widgets.json", data)
	if err != nil {
		t.Fatal(err)
	}
	fields, err := endpoint.Fields(m, m.Services()[0])
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fields {
		got = append(got, f.Name+":"+f.BuiltIn)
	}
	want := []string{"Region:AWS::Region", "UseFIPS:AWS::UseFIPS", "Endpoint:SDK::Endpoint", "Bucket:", "UseObjectPath:", "Names:", "Owner:"}
	if !slices.Equal(got, want) {
		t.Errorf("fields %q, want %q", got, want)
	}
}

// A model whose shapes take a name the endpoint code needs keeps it: the
// package goes without endpoint code, and says so.
func TestModelNamesWin(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "widgets.json"))
	if err != nil {
		t.Fatal(err)
	}
	// The input of GetObject becomes a shape of its own named EndpointResult.
	src := strings.Replace(string(data), `"example.widgets#Item": {`, `"example.widgets#EndpointResult": {"type": "structure", "members": {}},
    "example.widgets#Item": {`, 1)
	src = strings.Replace(src, `"members": {
        "Key": {
          "target": "smithy.api#String"
        }
      },`, `"members": {
        "Key": {
          "target": "smithy.api#String"
        },
        "Result": {
          "target": "example.widgets#EndpointResult"
        }
      },`, 1)
	res, err := generator.Generate(generator.Options{ModelName: "widgets.json", Model: []byte(src), Package: "widgets"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		if strings.HasPrefix(f.Name, "endpoint_") || strings.HasPrefix(f.Name, "runtime_endpoint") {
			t.Errorf("generated %s", f.Name)
		}
	}
	if !slices.ContainsFunc(res.Warnings, func(w string) bool { return strings.Contains(w, "EndpointResult") }) {
		t.Errorf("warnings %q do not say EndpointResult is taken", res.Warnings)
	}
}
