package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goTestOutput is verbatim "go test -bench -count 2" output.
const goTestOutput = "goos: linux\n" +
	"goarch: amd64\n" +
	"pkg: github.com/smithy2go/smithy2go/generator/smithy\n" +
	"cpu: AMD EPYC\n" +
	"BenchmarkLoadSagemaker-2   \t       2\t 142578598 ns/op\t  23.49 MB/s\t13610664 B/op\t   59043 allocs/op\n" +
	"BenchmarkLoadSagemaker-2   \t       2\t  93929240 ns/op\t  35.65 MB/s\t13648464 B/op\t   59052 allocs/op\n" +
	"PASS\n" +
	"ok  \tgithub.com/smithy2go/smithy2go/generator/smithy\t0.517s\n"

func TestParseBench(t *testing.T) {
	runs, err := parseBench([]byte(goTestOutput), "BenchmarkLoadSagemaker")
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 2 {
		t.Fatalf("got %d runs, want 2", len(runs))
	}
	want := []map[string]float64{
		{"ns/op": 142578598, "MB/s": 23.49, "B/op": 13610664, "allocs/op": 59043},
		{"ns/op": 93929240, "MB/s": 35.65, "B/op": 13648464, "allocs/op": 59052},
	}
	for i := range want {
		for unit, v := range want[i] {
			if runs[i][unit] != v {
				t.Errorf("run %d %s = %v, want %v", i, unit, runs[i][unit], v)
			}
		}
		if len(runs[i]) != len(want[i]) {
			t.Errorf("run %d: %v, want exactly %v", i, runs[i], want[i])
		}
	}
}

func TestParseBenchNoSuffix(t *testing.T) {
	// With -cpu 1 the name has no -GOMAXPROCS suffix (verbatim output).
	out := "BenchmarkLoadSagemaker \t       1\t 165513690 ns/op\t  20.23 MB/s\t13629208 B/op\t   59047 allocs/op\n"
	runs, err := parseBench([]byte(out), "BenchmarkLoadSagemaker")
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 1 || runs[0]["ns/op"] != 165513690 {
		t.Errorf("got %v", runs)
	}
}

func TestParseBenchMissing(t *testing.T) {
	for name, out := range map[string]string{
		// A skipped benchmark prints nothing of its own without -v.
		"skipped":    "goos: linux\ngoarch: amd64\nPASS\nok  \tskipt\t0.023s\n",
		"other name": "BenchmarkLoadSagemakerFast-2 \t 2\t 100 ns/op\nBenchmarkLoad-2 \t 2\t 100 ns/op\n",
		"empty":      "",
	} {
		if runs, err := parseBench([]byte(out), "BenchmarkLoadSagemaker"); err == nil {
			t.Errorf("%s: got %v, want an error", name, runs)
		} else if !strings.Contains(err.Error(), "no BenchmarkLoadSagemaker results") {
			t.Errorf("%s: error %q does not say the results are missing", name, err)
		}
	}
	if _, err := parseBench([]byte("BenchmarkLoadSagemaker-2 \t 2\t 100 ns/op\t 7\n"), "BenchmarkLoadSagemaker"); err == nil {
		t.Error("a value without a unit was accepted")
	}
	if _, err := parseBench([]byte("BenchmarkLoadSagemaker-2 \t 2\t 100 B/op\n"), "BenchmarkLoadSagemaker"); err == nil {
		t.Error("a line without ns/op was accepted")
	}
}

func TestSummarize(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want summary
	}{
		{nil, summary{}},
		{[]float64{7}, summary{1, 7, 7, 7}},
		{[]float64{3, 1, 2}, summary{3, 2, 1, 3}},
		{[]float64{4, 1, 3, 2}, summary{4, 2.5, 1, 4}},
		{[]float64{5, 5, 1, 9, 5}, summary{5, 5, 1, 9}},
	} {
		in := append([]float64(nil), c.in...)
		if got := summarize(c.in); got != c.want {
			t.Errorf("summarize(%v) = %+v, want %+v", c.in, got, c.want)
		}
		for i := range in {
			if in[i] != c.in[i] {
				t.Errorf("summarize reordered its input: %v", c.in)
			}
		}
	}
}

func TestCountGoLines(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.go":              "package a\n\nvar x = 1\n", // 3 lines
		"sub/b_test.go":     "package b\nfunc f() {}",   // 2, no final newline
		"sub/deeper/c.go":   "",                         // 0
		"notes.txt":         "not\ncounted\n",
		"sub/d.go.orig":     "not\ncounted\n",
		"sub/e_test.go":     "package b\n", // 1
		"sub/deeper/f.json": "{}\n",
	}
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := countGoLines(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := (lineCount{Files: 4, Lines: 6, TestLines: 3, AllFiles: 7}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if _, err := countGoLines(filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing directory gave no error")
	}
}
