package generator

import (
	"bytes"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzGenerate runs the whole generator on arbitrary models. The loader's
// own fuzz target stops at a loaded model; shapes that load but that a
// later stage cannot handle (such as a list that contains itself) only
// show here. Generate must not panic, and what it returns must be Go that
// parses. Seeds are the test models and the bad-model corpus.
func FuzzGenerate(f *testing.F) {
	for _, glob := range []string{
		filepath.Join("testdata", "models", "*.json"),
		filepath.Join("smithy", "testdata", "bad", "*.json"),
	} {
		files, _ := filepath.Glob(glob)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Generate(Options{ModelName: "fuzz.json", Model: data, Package: "fuzz"})
		if err != nil {
			if res != nil {
				t.Fatal("Generate returned files and an error")
			}
			if !strings.HasPrefix(err.Error(), "fuzz.json") && !strings.Contains(err.Error(), "fuzz.json:") {
				t.Fatalf("error does not name the model file: %v", err)
			}
			return
		}
		fset := token.NewFileSet()
		for _, file := range res.Files {
			if !strings.HasSuffix(file.Name, ".go") {
				continue
			}
			if !bytes.HasPrefix(file.Data, []byte("// Code generated ")) {
				t.Fatalf("%s lacks the generated-code header", file.Name)
			}
			if _, err := parser.ParseFile(fset, file.Name, file.Data, parser.SkipObjectResolution); err != nil {
				t.Fatalf("%s does not parse: %v", file.Name, err)
			}
		}
	})
}
