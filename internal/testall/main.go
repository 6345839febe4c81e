// Command testall runs every check the project has, in the order CI runs
// them: generated code is current, vet is clean, every module's tests
// pass. It is the one command the README gives for testing.
//
//	go run ./internal/testall          # everything (what CI runs)
//	go run ./internal/testall -short   # a contributor's fast path: this module only
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

func main() {
	short := flag.Bool("short", false, "the fast path: this module's checks and short tests; no SDK modules, sweep or fuzzing")
	fuzzOnly := flag.Bool("fuzz-only", false, "run only the fuzz targets")
	fuzzTime := flag.String("fuzztime", "8s", "how long to run each fuzz target (CI: 8s for each of 30 targets; make fuzz FUZZTIME=1m for longer)")
	generate := flag.Bool("generate", false, "regenerate every committed generated package, then stop")
	flag.Parse()
	if *fuzzOnly {
		runAll(fuzzSteps(*fuzzTime))
		return
	}
	if *generate {
		var steps []step
		for _, p := range committed() {
			if !p.shared || shared() {
				steps = append(steps, step{"generate " + p.out, ".", p.command()})
			}
		}
		runAll(steps)
		return
	}
	var steps []step
	for _, p := range committed() {
		if !p.shared || shared() {
			steps = append(steps, step{p.out + " is current", ".", p.command("-check")})
		}
	}
	if !shared() {
		fmt.Println("testall: ../shared is missing: skipping the checks that need its models")
	}
	test := []string{"go", "test", "-count=1", "./..."}
	if *short {
		test = []string{"go", "test", "-short", "./..."}
	}
	steps = append(steps, []step{
		{"gofmt", ".", []string{"gofmt", "-l", "."}},
		{"vet", ".", []string{"go", "vet", "./..."}},
		{"tests", ".", test},
	}...)
	if *short {
		runAll(steps)
		fmt.Println("testall: -short skipped the SDK modules, the downstream example, the sweep and fuzzing; the full run (CI's) takes about 13 minutes on 2 cores from a fresh clone")
		return
	}
	// The runtime's concurrent parts (the client, and the request parts
	// it hands on between calls) under the race detector, which needs
	// cgo: a machine without a C compiler skips it.
	if cgo, err := exec.Command("go", "env", "CGO_ENABLED").Output(); err == nil && strings.TrimSpace(string(cgo)) == "1" {
		steps = append(steps, step{"the client runtime under the race detector", ".",
			[]string{"go", "test", "-race", "-count=1", "-run", "Client|Parts|RestStream", "./templates"}})
	} else {
		fmt.Println("testall: no cgo here (go env CGO_ENABLED): skipping the race detector step")
	}
	// The differential tests against AWS's SDK, one module per SDK service
	// package and version; their packages are checked current above. go
	// test vets as it builds, so each SDK module compiles once.
	for _, dir := range []string{"interop/sdk317", "interop/sdk344", "interop/sdk123", "interop/dynamodb", "interop/kms", "interop/lambda", "interop/s3"} {
		steps = append(steps, step{dir + " vet and tests", dir, []string{"go", "test", "-vet=all", "-count=1", "./..."}})
	}
	// The downstream example module: its committed package is current, and
	// it goes through a model update in a scratch copy (go generate, diff,
	// build, test).
	steps = append(steps,
		step{"examples/downstream through a model update", ".", []string{"go", "run", "./internal/testall/downstream"}},
	)
	if shared() {
		// Real AWS models of every protocol: generate, compile, vet, test.
		steps = append(steps, step{"sweep over the CI subset of real AWS models", ".",
			[]string{"go", "run", "./internal/sweep", "-subset", "ci"}})
	}
	steps = append(steps, fuzzSteps(*fuzzTime)...)
	runAll(steps)
}

func runAll(steps []step) {
	start := time.Now()
	for i, s := range steps {
		if err := s.run(i+1, len(steps)); err != nil {
			fmt.Fprintf(os.Stderr, "testall: [%d/%d] %s: %v\n", i+1, len(steps), s.name, err)
			os.Exit(1)
		}
	}
	fmt.Printf("testall: all %d steps passed in %s\n", len(steps), time.Since(start).Round(time.Second))
}

// shared reports whether the read-only data beside the project is there.
func shared() bool {
	_, err := os.Stat(ecQuerySuite)
	return err == nil
}

type step struct {
	name string
	dir  string
	cmd  []string
}

func (s step) run(k, n int) error {
	fmt.Printf("==> [%d/%d] %s: %s\n", k, n, s.name, strings.Join(s.cmd, " "))
	start := time.Now()
	c := exec.Command(s.cmd[0], s.cmd[1:]...)
	c.Dir = s.dir
	var out, fuzzOut strings.Builder
	c.Stdout, c.Stderr = os.Stdout, os.Stderr
	if s.cmd[0] == "gofmt" {
		c.Stdout = &out
	}
	corpus := fuzzCorpus(s.cmd)
	var before []string
	if corpus != "" {
		before = listDir(corpus)
		c.Stdout = io.MultiWriter(os.Stdout, &fuzzOut)
		c.Stderr = c.Stdout
	}
	if err := c.Run(); err != nil {
		if corpus == "" || !fuzzFlake(fuzzOut.String(), before, listDir(corpus)) {
			return err
		}
		fmt.Printf("    [%d/%d] the fuzzer stopped on its own deadline with no failing input (go.dev/issue/75804, fixed in Go 1.27): not a failure\n", k, n)
	}
	if out.Len() > 0 {
		return fmt.Errorf("files need gofmt:\n%s", out.String())
	}
	fmt.Printf("    [%d/%d] ok in %s\n", k, n, time.Since(start).Round(100*time.Millisecond))
	return nil
}

// fuzzSteps runs each fuzz target for a while; their seed corpora also run
// in the plain tests.
func fuzzSteps(d string) []step {
	targets := []struct{ pkg, name string }{
		{"./generator/smithy", "FuzzLoad"},
		{"./generator/smithy", "FuzzIDL"},
		{"./generator", "FuzzGenerate"},
		{"./generator/client", "FuzzClient"},
		{"./generator/godoc", "FuzzComment"},
		{"./generator/endpoint", "FuzzRules"},
		{"./templates", "FuzzXMLDecoder"},
		{"./templates", "FuzzParseDateTime"},
		{"./templates", "FuzzParseHTTPDate"},
		{"./templates", "FuzzParseEpochSeconds"},
		{"./templates", "FuzzTimeRoundTrip"},
		{"./templates", "FuzzAppendQueryEscape"},
		{"./templates", "FuzzJSONDecoder"},
		{"./templates", "FuzzJSONNumbers"},
		{"./templates", "FuzzJSONString"},
		{"./templates", "FuzzXMLWriteText"},
		{"./templates", "FuzzRestHeaderList"},
		{"./templates", "FuzzRestEscape"},
		{"./templates", "FuzzEndpointURL"},
		{"./templates", "FuzzEndpointParseURL"},
		{"./templates", "FuzzEndpointParseARN"},
		{"./templates", "FuzzEndpointHostLabel"},
		{"./internal/protocoltest/ec2query", "FuzzUnmarshal"},
		{"./internal/protocoltest/awsquery", "FuzzUnmarshal"},
		{"./internal/protocoltest/restxml", "FuzzUnmarshal"},
		{"./internal/protocoltest/awsjson10", "FuzzUnmarshal"},
		{"./internal/protocoltest/awsjson11", "FuzzUnmarshal"},
		{"./internal/protocoltest/restjson", "FuzzUnmarshal"},
		{"./internal/protocoltest/restxml", "FuzzUnmarshal"},
		{"./internal/protocoltest/s3", "FuzzUnmarshal"},
	}
	var out []step
	for _, t := range targets {
		out = append(out, step{"fuzz " + t.pkg + " " + t.name, ".",
			[]string{"go", "test", "-run", "^$", "-fuzz", "^" + t.name + "$", "-fuzztime", d, t.pkg}})
	}
	return out
}

// fuzzCorpus is the directory a fuzz step (go test -fuzz ^Name$ ... pkg)
// writes failing inputs to, or "" for other steps.
func fuzzCorpus(cmd []string) string {
	i := slices.Index(cmd, "-fuzz")
	if i < 0 || i+1 >= len(cmd) {
		return ""
	}
	name := strings.Trim(cmd[i+1], "^$")
	return filepath.Join(cmd[len(cmd)-1], "testdata", "fuzz", name)
}

// fuzzFlake reports a fuzz run that failed only because Go's fuzzing
// coordinator let its own -fuzztime deadline escape as an error
// (go.dev/issue/75804, in Go before 1.27): the output says "context
// deadline exceeded" and no failing input was written. A real failure
// always writes one, so it still fails.
func fuzzFlake(output string, before, after []string) bool {
	return strings.Contains(output, "\n    context deadline exceeded\n") && slices.Equal(before, after)
}

// listDir names the entries of dir, sorted; none when it does not exist.
func listDir(dir string) []string {
	entries, _ := os.ReadDir(dir)
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	return names
}
