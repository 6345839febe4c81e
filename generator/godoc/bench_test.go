package godoc

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var models = flag.String("models", "", "directory of Smithy JSON AST models for BenchmarkModels")

// BenchmarkComment converts a realistic mix of documentation: the
// fixtures and the real_* seeds, a random sample of real AWS docs.
func BenchmarkComment(b *testing.B) {
	docs := seedDocs(b)
	for _, d := range realDocs {
		docs = append(docs, d.html)
	}
	size := 0
	for _, d := range docs {
		size += len(d)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			Comment(d, 80)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/doc")
}

func seedDocs(b *testing.B) []string {
	files, err := filepath.Glob("testdata/fuzz/FuzzComment/real_*")
	if err != nil || len(files) == 0 {
		b.Fatal("no seed corpus", err)
	}
	var docs []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[1], "string("), ")"))
		if err != nil {
			b.Fatalf("%s: %v", f, err)
		}
		docs = append(docs, s)
	}
	return docs
}

// BenchmarkModels converts every documentation string of the models in
// -models (for example /work/shared/models/aws), after checking each
// output with the same rules as the tests.
func BenchmarkModels(b *testing.B) {
	if *models == "" {
		b.Skip("set -models to a directory of Smithy JSON AST models")
	}
	files, err := filepath.Glob(filepath.Join(*models, "*.json"))
	if err != nil {
		b.Fatal(err)
	}
	var docs []string
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var m struct {
			Shapes map[string]struct {
				Traits  map[string]json.RawMessage
				Members map[string]struct{ Traits map[string]json.RawMessage }
			}
		}
		if err := json.Unmarshal(data, &m); err != nil {
			continue // not a model
		}
		add := func(traits map[string]json.RawMessage) {
			var s string
			if json.Unmarshal(traits["smithy.api#documentation"], &s) == nil && s != "" {
				docs = append(docs, s)
				size += len(s)
			}
		}
		for _, s := range m.Shapes {
			add(s.Traits)
			for _, mem := range s.Members {
				add(mem.Traits)
			}
		}
	}
	for _, d := range docs {
		if ps := problems(Comment(d, 80)); len(ps) > 0 {
			b.Fatalf("%q:\n%s", d, strings.Join(ps, "\n"))
		}
	}
	b.Logf("%d documentation strings, %d bytes", len(docs), size)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			Comment(d, 80)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/doc")
}
