package endpoint_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/smithy2go/smithy2go/generator"
	"github.com/smithy2go/smithy2go/generator/endpoint"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// TestForClient: what the client is told matches the endpoint code
// written: the inputs that bind parameters are those with a
// BindEndpointParameters method, and the built-ins name real fields.
func TestForClient(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "widgets.json"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := smithy.Load("widgets.json", data)
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Build(m, m.Services()[0], plan.Options{Package: "widgets"})
	if err != nil {
		t.Fatal(err)
	}
	e, err := endpoint.ForClient(p)
	if err != nil || e == nil {
		t.Fatalf("ForClient: %v, %v", e, err)
	}
	var bound []string
	for op := range e.Bound {
		bound = append(bound, op.Input.Name)
	}
	slices.Sort(bound)

	res, err := generator.Generate(generator.Options{ModelName: "widgets.json", Model: data, Package: "widgets"})
	if err != nil {
		t.Fatal(err)
	}
	var src string
	for _, f := range res.Files {
		if f.Name == "endpoint_rules.go" {
			src = string(f.Data)
		}
	}
	var methods []string
	for _, m := range regexp.MustCompile(`func \(in \*(\w+)\) BindEndpointParameters`).FindAllStringSubmatch(src, -1) {
		methods = append(methods, m[1])
	}
	slices.Sort(methods)
	if len(methods) == 0 || !slices.Equal(bound, methods) {
		t.Errorf("bound inputs %v; endpoint_rules.go binds %v", bound, methods)
	}
	want := map[string]string{"AWS::Region": "Region", "AWS::UseFIPS": "UseFIPS", "SDK::Endpoint": "Endpoint"}
	if len(e.BuiltIns) != len(want) {
		t.Errorf("built-ins %v, want %v", e.BuiltIns, want)
	}
	for b, field := range want {
		if e.BuiltIns[b] != field || !regexp.MustCompile(`(?m)^\t`+field+` \*`).MatchString(src) {
			t.Errorf("built-in %s: field %q, want %q declared in EndpointParameters", b, e.BuiltIns[b], field)
		}
	}
	if !slices.Equal(e.Declared, endpoint.Names) {
		t.Errorf("declared %v", e.Declared)
	}
}
