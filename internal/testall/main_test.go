package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestFuzzCorpus(t *testing.T) {
	cmd := []string{"go", "test", "-run", "^$", "-fuzz", "^FuzzJSONNumbers$", "-fuzztime", "10s", "./templates"}
	if got, want := fuzzCorpus(cmd), "templates/testdata/fuzz/FuzzJSONNumbers"; got != want {
		t.Errorf("fuzzCorpus = %q, want %q", got, want)
	}
	if got := fuzzCorpus([]string{"go", "test", "./..."}); got != "" {
		t.Errorf("fuzzCorpus of a plain test = %q", got)
	}
}

// TestFuzzFlake: only the coordinator's deadline with no input written is
// forgiven; a failing input, or any other failure, is not.
func TestFuzzFlake(t *testing.T) {
	deadline := "fuzz: elapsed: 9s, execs: 1\n--- FAIL: FuzzJSONNumbers (10.36s)\n    context deadline exceeded\nFAIL\n"
	crash := "--- FAIL: FuzzJSONNumbers (0.01s)\n    --- FAIL: FuzzJSONNumbers (0.00s)\n        x_test.go:9: bad\n    Failing input written to testdata/fuzz/FuzzJSONNumbers/ab12\n"
	seeds := []string{"seed0", "seed1"}
	for _, c := range []struct {
		name          string
		out           string
		before, after []string
		want          bool
	}{
		{"deadline, nothing written", deadline, seeds, seeds, true},
		{"deadline, an input written", deadline, seeds, append(seeds, "ab12"), false},
		{"a failing input", crash, seeds, append(seeds, "ab12"), false},
		{"a failure without an input", "--- FAIL: FuzzX (0.00s)\n    x_test.go:3: seed failed\n", seeds, seeds, false},
	} {
		if got := fuzzFlake(c.out, c.before, c.after); got != c.want {
			t.Errorf("%s: fuzzFlake = %t, want %t", c.name, got, c.want)
		}
	}
}

// TestGenerateLinesMatchPackages holds the go:generate lines of the
// interop modules (for a contributor regenerating one of them by hand) to
// the arguments packages.go gives, which CI checks the packages against:
// a line that drifted would regenerate a package CI then calls stale.
func TestGenerateLinesMatchPackages(t *testing.T) {
	const prefix = "//go:generate go run -C ../.. ./cmd/smithy2go "
	want := map[string]pkg{}
	for _, p := range committed() {
		if strings.HasPrefix(p.out, "interop/") {
			want[p.out] = p
		}
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "interop", "*", "gen.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no interop/*/gen.go found (%v)", err)
	}
	seen := map[string]bool{}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if !strings.HasPrefix(line, prefix) {
				continue
			}
			args := strings.Fields(strings.TrimPrefix(line, prefix))
			out := flagValue(args, "-out")
			p, ok := want[out]
			if !ok {
				t.Errorf("%s: generates %q, which packages.go does not list", file, out)
				continue
			}
			seen[out] = true
			if got, want := flagSet(args), flagSet(append(slices.Clone(p.args), "-out", p.out)); !slices.Equal(got, want) {
				t.Errorf("%s: the go:generate line for %s has\n\t%s\npackages.go has\n\t%s", file, out, strings.Join(got, " "), strings.Join(want, " "))
			}
		}
	}
	for out := range want {
		if !seen[out] {
			t.Errorf("no interop/*/gen.go line generates %s, which packages.go lists", out)
		}
	}
}

// flagValue is the value following name in args.
func flagValue(args []string, name string) string {
	if i := slices.Index(args, name); i >= 0 && i+1 < len(args) {
		return args[i+1]
	}
	return ""
}

// flagSet is args as sorted "flag value" pairs (a flag written -f=v stays
// one word), so the order flags are given in does not matter.
func flagSet(args []string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		if strings.Contains(args[i], "=") || i+1 == len(args) || strings.HasPrefix(args[i+1], "-") {
			out = append(out, args[i])
			continue
		}
		out = append(out, args[i]+" "+args[i+1])
		i++
	}
	slices.Sort(out)
	return out
}
