package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// modulePath is the module of the scratch tree every package is written to.
const modulePath = "sweep.local"

// outcome is what compiling, vetting and testing one package gave.
type outcome struct {
	Failed stage // stageOK, stageCompile, stageVet or stageTest
	Detail string
	Tests  time.Duration // the test binary's run time, when it ran
	// Endpoint is how the subtests of TestEndpoints ended.
	Endpoint endpointOutcome
}

// endpointOutcome counts the endpoint test cases that ran, by how they
// ended, and names those that did not pass, with their output.
type endpointOutcome struct {
	Passed  int
	Failed  []string
	Skipped []string
}

// testEvent is the part of a "go test -json" line the sweep reads.
type testEvent struct {
	ImportPath  string // build events
	Package     string // test events
	Action      string
	Test        string
	Output      string
	Elapsed     float64
	FailedBuild string
}

// checker runs the go command in the scratch module.
type checker struct {
	root     string
	parallel int
	memLimit int64 // bytes of address space for each process; 0 for no limit
	// progress, when set, is told of each package's outcome as it comes; a
	// vet finding shows as a compile failure there.
	progress func(pkg string, o outcome)
}

// check compiles, vets and tests pkgs in one "go test" run, so the go
// command schedules all of them on every core and shares one build cache.
// "go test -vet=all" runs the same analyzers as "go vet" but reports their
// findings as build failures; those are told apart afterwards.
func (c *checker) check(pkgs []string) map[string]outcome {
	out := c.goTest(pkgs, c.progress, "-vet=all", "-timeout=10m")
	for _, p := range pkgs {
		if o := out[p]; o.Failed == stageCompile && c.vetFinding(p, o.Detail) {
			o.Failed = stageVet
			out[p] = o
		}
	}
	return out
}

// vetFinding reports whether a package's build failed for a vet finding
// rather than a compile error. Plain "go vet" costs a type check, not the
// compile that failed: it prefixes type errors with "vet: " and succeeds
// when only the compiler failed.
func (c *checker) vetFinding(pkg, detail string) bool {
	if strings.Contains(detail, "fatal error: out of memory") {
		return false
	}
	out, err := c.command("vet", "./"+pkg).CombinedOutput()
	if err == nil || strings.Contains(string(out), "fatal error:") {
		return false
	}
	for _, l := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(l, "vet: ") {
			return false
		}
	}
	return true
}

// command runs the go command in the scratch module.
func (c *checker) command(args ...string) *exec.Cmd {
	cmd := exec.Command("go", args...)
	if c.memLimit > 0 && runtime.GOOS != "windows" {
		// RLIMIT_AS is inherited by the compiler and vet, so a package
		// too big to compile fails with "out of memory" instead of taking
		// the machine's memory from everything else on it.
		script := `ulimit -v "$1" || exit 1; shift; exec "$@"`
		cmd = exec.Command("sh", append([]string{"-c", script, "sh", fmt.Sprint(c.memLimit >> 10), "go"}, args...)...)
	}
	cmd.Dir = c.root
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local")
	return cmd
}

// goTest runs "go test -json" on pkgs and sorts its events by package. A
// package that failed to build is reported as stageCompile.
func (c *checker) goTest(pkgs []string, progress func(string, outcome), flags ...string) map[string]outcome {
	args := append([]string{"test", "-json", fmt.Sprintf("-p=%d", c.parallel)}, flags...)
	for _, p := range pkgs {
		args = append(args, "./"+p)
	}
	cmd := c.command(args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return allFailed(pkgs, err.Error())
	}
	if err := cmd.Start(); err != nil {
		return allFailed(pkgs, err.Error())
	}
	p := newParser(pkgs)
	p.progress = progress
	p.read(stdout)
	runErr := cmd.Wait()
	return p.outcomes(runErr, stderr.String())
}

func allFailed(pkgs []string, msg string) map[string]outcome {
	out := map[string]outcome{}
	for _, p := range pkgs {
		out[p] = outcome{Failed: stageCompile, Detail: msg}
	}
	return out
}

// parser gathers a "go test -json" stream by package.
type parser struct {
	want     map[string]bool
	build    map[string]*strings.Builder // build and vet output
	tests    map[string]*strings.Builder // output of failing tests
	done     map[string]outcome
	endpoint map[string]*endpointOutcome
	subtest  map[string]*strings.Builder // output of each TestEndpoints subtest
	stray    strings.Builder             // lines that are not JSON
	progress func(string, outcome)
}

func newParser(pkgs []string) *parser {
	p := &parser{
		want:     map[string]bool{},
		build:    map[string]*strings.Builder{},
		tests:    map[string]*strings.Builder{},
		done:     map[string]outcome{},
		endpoint: map[string]*endpointOutcome{},
		subtest:  map[string]*strings.Builder{},
	}
	for _, pkg := range pkgs {
		p.want[pkg] = true
	}
	return p
}

func (p *parser) read(r io.Reader) {
	dec := json.NewDecoder(r)
	for {
		var e testEvent
		if err := dec.Decode(&e); err != nil {
			if err != io.EOF {
				// The go command only writes JSON here; keep the rest for
				// the report and stop.
				rest, _ := io.ReadAll(io.MultiReader(dec.Buffered(), r))
				p.stray.Write(rest)
			}
			return
		}
		p.event(e)
	}
}

func buf(m map[string]*strings.Builder, key string) *strings.Builder {
	b := m[key]
	if b == nil {
		b = &strings.Builder{}
		m[key] = b
	}
	return b
}

func (p *parser) event(e testEvent) {
	if e.ImportPath != "" {
		if e.Action == "build-output" {
			buf(p.build, packageOf(e.ImportPath)).WriteString(e.Output)
		}
		return
	}
	pkg := packageOf(e.Package)
	if strings.HasPrefix(e.Test, endpointTest+"/") {
		p.endpointEvent(pkg, e)
	}
	switch e.Action {
	case "output":
		if keepTestLine(e.Output) {
			buf(p.tests, pkg).WriteString(e.Output)
		}
	case "pass", "fail", "skip":
		if e.Test != "" {
			return
		}
		o := outcome{Tests: time.Duration(e.Elapsed * float64(time.Second))}
		switch {
		case e.Action == "fail" && e.FailedBuild != "":
			o.Failed = stageCompile
			o.Detail = p.build[pkg].String()
			if b := p.build[packageOf(e.FailedBuild)]; o.Detail == "" && b != nil {
				o.Detail = b.String()
			}
		case e.Action == "fail":
			o.Failed = stageTest
			if b := p.tests[pkg]; b != nil {
				o.Detail = b.String()
			}
		case e.Action == "skip":
			o.Failed = stageTest
			o.Detail = "the package has no tests"
		}
		if eo := p.endpoint[pkg]; eo != nil {
			o.Endpoint = *eo
		}
		p.done[pkg] = o
		if p.progress != nil && p.want[pkg] {
			p.progress(pkg, o)
		}
	}
}

// endpointTest is the generated test whose subtests are endpoint cases.
const endpointTest = "TestEndpoints"

// endpointEvent counts a subtest of TestEndpoints, keeping the output of
// those that fail or skip as their reason.
func (p *parser) endpointEvent(pkg string, e testEvent) {
	key := pkg + "\x00" + e.Test
	eo := p.endpoint[pkg]
	if eo == nil {
		eo = &endpointOutcome{}
		p.endpoint[pkg] = eo
	}
	switch e.Action {
	case "output":
		if keepTestLine(e.Output) && !strings.HasPrefix(strings.TrimSpace(e.Output), "--- ") {
			buf(p.subtest, key).WriteString(e.Output)
		}
	case "pass":
		eo.Passed++
	case "fail", "skip":
		why := strings.TrimSpace(buf(p.subtest, key).String())
		entry := strings.TrimPrefix(e.Test, endpointTest+"/") + ": " + why
		if e.Action == "fail" {
			eo.Failed = append(eo.Failed, entry)
		} else {
			eo.Skipped = append(eo.Skipped, entry)
		}
	}
}

// keepTestLine drops the chatter of passing tests from a failure report.
func keepTestLine(s string) bool {
	t := strings.TrimSpace(s)
	for _, prefix := range []string{"=== RUN", "=== PAUSE", "=== CONT", "=== NAME", "--- PASS", "--- SKIP", "PASS", "ok  "} {
		if strings.HasPrefix(t, prefix) {
			return false
		}
	}
	return t != ""
}

// outcomes gives every wanted package an outcome; one the go command
// never reported failed to build, with its error output as the reason.
func (p *parser) outcomes(runErr error, stderr string) map[string]outcome {
	out := map[string]outcome{}
	for pkg := range p.want {
		if o, ok := p.done[pkg]; ok {
			out[pkg] = o
			continue
		}
		detail := ""
		if b := p.build[pkg]; b != nil {
			detail = b.String()
		}
		if detail == "" {
			detail = strings.TrimSpace(stderr + p.stray.String())
		}
		if detail == "" && runErr != nil {
			detail = runErr.Error()
		}
		if detail == "" {
			detail = "go test reported nothing for the package"
		}
		out[pkg] = outcome{Failed: stageCompile, Detail: detail}
	}
	return out
}

// packageOf turns an import path of the go command's output, such as
// "sweep.local/s3 [sweep.local/s3.test]" or "sweep.local/s3_test", into the
// package's directory name.
func packageOf(importPath string) string {
	s, _, _ := strings.Cut(importPath, " ")
	s = strings.TrimPrefix(s, modulePath+"/")
	s = strings.TrimSuffix(s, ".test")
	s = strings.TrimSuffix(s, "_test")
	return s
}
