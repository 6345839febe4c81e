package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// summary describes repeated measurements of one figure.
type summary struct {
	N                int
	Median, Min, Max float64
}

func summarize(xs []float64) summary {
	if len(xs) == 0 {
		return summary{}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	med := s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return summary{N: n, Median: med, Min: s[0], Max: s[n-1]}
}

// of applies f to every sample, for summarize.
func of(samples []sample, f func(sample) float64) []float64 {
	xs := make([]float64, len(samples))
	for i, s := range samples {
		xs[i] = f(s)
	}
	return xs
}

// parseBench reads the result lines of one benchmark from "go test -bench"
// output: one map from unit (ns/op, B/op, …) to value per line.
func parseBench(out []byte, name string) ([]map[string]float64, error) {
	var runs []map[string]float64
	for line := range strings.Lines(string(out)) {
		f := strings.Fields(line)
		if len(f) < 4 || !isBenchName(f[0], name) {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue
		}
		if len(f)%2 != 0 {
			return nil, fmt.Errorf("malformed benchmark line %q", strings.TrimSpace(line))
		}
		m := map[string]float64{}
		for i := 2; i < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("malformed benchmark line %q: %v", strings.TrimSpace(line), err)
			}
			m[f[i+1]] = v
		}
		if _, ok := m["ns/op"]; !ok {
			return nil, fmt.Errorf("benchmark line %q has no ns/op", strings.TrimSpace(line))
		}
		runs = append(runs, m)
	}
	if len(runs) == 0 {
		return nil, fmt.Errorf("no %s results in the go test output:\n%s", name, lastLines(out, 10))
	}
	return runs, nil
}

// isBenchName matches a result line's name, which has a -GOMAXPROCS
// suffix unless GOMAXPROCS is 1.
func isBenchName(field, name string) bool {
	rest, ok := strings.CutPrefix(field, name)
	if !ok {
		return false
	}
	if rest == "" {
		return true
	}
	n, ok := strings.CutPrefix(rest, "-")
	_, err := strconv.Atoi(n)
	return ok && err == nil
}

// lineCount is the size of a generated package tree.
type lineCount struct {
	Files, Lines, TestLines int
	// AllFiles counts every file, such as golden bodies in testdata/.
	AllFiles int
}

// countGoLines counts the lines of every .go file under dir, and all its
// files.
func countGoLines(dir string) (lineCount, error) {
	var c lineCount
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		c.AllFiles++
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n := bytes.Count(data, []byte("\n"))
		if len(data) > 0 && data[len(data)-1] != '\n' {
			n++
		}
		c.Files++
		c.Lines += n
		if strings.HasSuffix(path, "_test.go") {
			c.TestLines += n
		}
		return nil
	})
	return c, err
}
