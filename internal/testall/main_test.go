package main

import "testing"

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
