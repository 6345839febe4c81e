package client_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/smithy2go/smithy2go/generator"
)

// FuzzClient generates models with the client on: a model the generator
// takes must give client files that parse, and no model may panic. The
// seeds are testdata/toy.json and variations of its auth and paginated
// traits (testdata/fuzz/FuzzClient), and testdata/builtins.json.
func FuzzClient(f *testing.F) {
	toy, err := os.ReadFile(filepath.Join("testdata", "toy.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(toy)
	builtIns, err := os.ReadFile(filepath.Join("testdata", "builtins.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(builtIns)
	f.Fuzz(func(t *testing.T, model []byte) {
		res, err := generator.Generate(generator.Options{ModelName: "fuzz.json", Model: model, Package: "fuzz", Client: true})
		if err != nil {
			return
		}
		for _, file := range res.Files {
			if !strings.HasPrefix(file.Name, "client") || !strings.HasSuffix(file.Name, ".go") {
				continue
			}
			if _, err := parser.ParseFile(token.NewFileSet(), file.Name, file.Data, 0); err != nil {
				t.Fatalf("%s does not parse: %v", file.Name, err)
			}
		}
	})
}
