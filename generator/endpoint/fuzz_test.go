package endpoint_test

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/smithy2go/smithy2go/generator"
	"github.com/smithy2go/smithy2go/models"
)

// FuzzRules generates the widgets service of testdata/widgets.json with
// arbitrary endpoint rules: the value of its endpointRuleSet trait, or of
// an endpointBdd trait in its place. Generation must not panic; it gives
// problems that name the model, or Go that parses. Seeds are the widgets
// rules and EC2's BDD.
func FuzzRules(f *testing.F) {
	widgets, err := os.ReadFile(filepath.Join("testdata", "widgets.json"))
	if err != nil {
		f.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(widgets, &m); err != nil {
		f.Fatal(err)
	}
	svc := m["shapes"].(map[string]any)["example.widgets#Widgets"].(map[string]any)
	traits := svc["traits"].(map[string]any)
	rules, _ := json.Marshal(traits["smithy.rules#endpointRuleSet"])
	f.Add(string(rules), false)
	var ec2 map[string]any
	if err := json.Unmarshal(models.EC2InterruptibleCapacityReservation, &ec2); err != nil {
		f.Fatal(err)
	}
	bdd, _ := json.Marshal(ec2["shapes"].(map[string]any)["com.amazonaws.ec2#AmazonEC2"].(map[string]any)["traits"].(map[string]any)["smithy.rules#endpointBdd"])
	f.Add(string(bdd), true)
	delete(traits, "smithy.rules#endpointRuleSet")
	delete(traits, "smithy.rules#endpointTests")
	base, _ := json.Marshal(m)
	// The trait goes in as raw text so that mutations reach the loader.
	marker := []byte(`"traits":{`)
	i := bytes.Index(base, marker)
	i += bytes.Index(base[i:], []byte(`"smithy.api#documentation"`))
	f.Fuzz(func(t *testing.T, value string, isBDD bool) {
		trait := `"smithy.rules#endpointRuleSet"`
		if isBDD {
			trait = `"smithy.rules#endpointBdd"`
		}
		model := string(base[:i]) + trait + ":" + value + "," + string(base[i:])
		res, err := generator.Generate(generator.Options{ModelName: "fuzz.json", Model: []byte(model), Package: "widgets"})
		if err != nil {
			if res != nil {
				t.Fatal("Generate returned files and an error")
			}
			if strings.Contains(err.Error(), "smithy2go bug") || !strings.Contains(err.Error(), "fuzz.json") {
				t.Fatalf("rules %s: %v", value, err)
			}
			return
		}
		// The package, tests aside, type-checks.
		fset := token.NewFileSet()
		var files []*ast.File
		for _, file := range res.Files {
			if !strings.HasSuffix(file.Name, ".go") || strings.HasSuffix(file.Name, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(fset, file.Name, file.Data, 0)
			if err != nil {
				t.Fatalf("rules %s: %s does not parse: %v", value, file.Name, err)
			}
			files = append(files, af)
		}
		conf := types.Config{Importer: stdlib}
		if _, err := conf.Check("widgets", fset, files, nil); err != nil {
			t.Fatalf("rules %s: the package does not type-check: %v", value, err)
		}
	})
}

// stdlib imports standard packages from their export data, once each.
var stdlib = importer.Default()
