package client_test

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/smithy2go/smithy2go/generator"
	"github.com/smithy2go/smithy2go/generator/output"
)

// builtInsModel is testdata/builtins.json, whose rules declare every
// built-in aws-sdk-go-v2 binds and one it does not, with change applied
// to its rule set's parameters.
func builtInsModel(t *testing.T, change func(params map[string]map[string]any)) *generator.Result {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "builtins.json"))
	if err != nil {
		t.Fatal(err)
	}
	if change != nil {
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		svc := m["shapes"].(map[string]any)["example.builtins#Buckets"].(map[string]any)
		rs := svc["traits"].(map[string]any)["smithy.rules#endpointRuleSet"].(map[string]any)
		params := map[string]map[string]any{}
		for name, p := range rs["parameters"].(map[string]any) {
			params[name] = p.(map[string]any)
		}
		change(params)
		if data, err = json.Marshal(m); err != nil {
			t.Fatal(err)
		}
	}
	res, err := generator.Generate(generator.Options{ModelName: "builtins.json", Model: data, Package: "buckets", Client: true})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// optionFields are the fields of the generated Options, as "Name type".
func optionFields(t *testing.T, res *generator.Result) []string {
	t.Helper()
	for _, f := range res.Files {
		if f.Name != "client.go" {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), f.Name, f.Data, 0)
		if err != nil {
			t.Fatal(err)
		}
		var fields []string
		ast.Inspect(file, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok || ts.Name.Name != "Options" {
				return true
			}
			for _, field := range ts.Type.(*ast.StructType).Fields.List {
				var typ strings.Builder
				if err := printer.Fprint(&typ, token.NewFileSet(), field.Type); err != nil {
					t.Fatal(err)
				}
				for _, name := range field.Names {
					fields = append(fields, name.Name+" "+typ.String())
				}
			}
			return false
		})
		return fields
	}
	t.Fatal("no client.go")
	return nil
}

// builtInOptions are the Options fields that set built-ins beyond the
// four every client has, as aws-sdk-go-v2's S3, S3 Control and DynamoDB
// clients name and type them.
var builtInOptions = []string{
	"AccountIDEndpointMode aws.AccountIDEndpointMode",
	"DisableMultiRegionAccessPoints bool",
	"UseARNRegion bool",
	"UseAccelerate bool",
	"UsePathStyle bool",
}

func hasFile(res *generator.Result, name string) bool {
	return slices.ContainsFunc(res.Files, func(f output.File) bool { return f.Name == name })
}

// TestBuiltInOptions: the client has an option for each built-in its
// rules declare that the SDK's clients have one for, and no other; a
// built-in it cannot set is a warning, never bad Go.
func TestBuiltInOptions(t *testing.T) {
	unbuilt := func(names ...string) func(map[string]map[string]any) {
		return func(params map[string]map[string]any) {
			for _, n := range names {
				delete(params[n], "builtIn")
			}
		}
	}
	all := []string{"ForcePathStyle", "Accelerate", "UseGlobalEndpoint", "DisableMultiRegionAccessPoints", "UseArnRegion", "AccountId", "AccountIdEndpointMode", "Unknown"}
	for _, c := range []struct {
		name     string
		change   func(map[string]map[string]any)
		want     []string
		warnings []string
	}{
		{"all", nil, builtInOptions,
			[]string{"example.builtins#Buckets: client: the endpoint parameter Unknown (built-in AWS::Example::Unknown) is left to the rules' default: aws-sdk-go-v2 has no option for it that smithy2go knows of"}},
		{"none", unbuilt(all...), nil, nil},
		{"S3 Control's", func(params map[string]map[string]any) {
			unbuilt(all...)(params)
			params["UseArnRegion"]["builtIn"] = "AWS::S3Control::UseArnRegion"
		}, []string{"UseARNRegion bool"}, nil},
		{"the account ID alone", func(params map[string]map[string]any) {
			unbuilt(all...)(params)
			params["AccountId"]["builtIn"] = "AWS::Auth::AccountId"
		}, []string{"AccountIDEndpointMode aws.AccountIDEndpointMode"}, nil},
		{"the global endpoint alone", func(params map[string]map[string]any) {
			unbuilt(all...)(params)
			params["UseGlobalEndpoint"]["builtIn"] = "AWS::STS::UseGlobalEndpoint"
		}, nil, nil},
		{"a flag typed string", func(params map[string]map[string]any) {
			unbuilt("Unknown")(params)
			params["Unknown"]["builtIn"] = "AWS::S3::ForcePathStyle"
			delete(params["ForcePathStyle"], "builtIn")
		}, slices.DeleteFunc(slices.Clone(builtInOptions), func(s string) bool { return s == "UsePathStyle bool" }),
			[]string{"example.builtins#Buckets: client: the endpoint parameter Unknown (built-in AWS::S3::ForcePathStyle) is a string, not a boolean: it is left to the rules' default"}},
	} {
		res := builtInsModel(t, c.change)
		var got []string
		for _, f := range optionFields(t, res) {
			for _, b := range builtInOptions {
				if f == b || strings.HasPrefix(b, strings.Fields(f)[0]+" ") {
					got = append(got, f)
				}
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: built-in options %q, want %q", c.name, got, c.want)
		}
		var warnings []string
		for _, w := range res.Warnings {
			if strings.Contains(w, "endpoint parameter") {
				_, after, _ := strings.Cut(w, ": ")
				warnings = append(warnings, after)
			}
		}
		if !slices.Equal(warnings, c.warnings) {
			t.Errorf("%s: warnings %q, want %q", c.name, warnings, c.warnings)
		}
		// The runtime of the account ID and the config's sources comes
		// only with what needs it.
		needs := slices.ContainsFunc(c.want, func(f string) bool {
			return !strings.HasPrefix(f, "UsePathStyle ") && !strings.HasPrefix(f, "UseAccelerate ")
		})
		if hasFile(res, "runtime_client_builtins.go") != needs {
			t.Errorf("%s: runtime_client_builtins.go generated: %v, want %v", c.name, !needs, needs)
		}
	}
}

// TestBuiltInsBehaviour compiles the built-ins model's package and runs
// testdata/builtins_behaviour_test.go in it: each option binds its
// parameter as the SDK's does, NewFromConfig reads the config's sources,
// the account ID comes from the credentials, and an endpoint that wants
// SigV4a fails clearly.
func TestBuiltInsBehaviour(t *testing.T) {
	runInModule(t, "buckets", builtInsModel(t, nil).Files, "builtins_behaviour_test.go")
}
