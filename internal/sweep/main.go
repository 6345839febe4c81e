// Command sweep runs smithy2go over real AWS models: for each model file it
// loads the model, generates a package with every operation of its service,
// and compiles, vets and tests that package. It writes a results table and
// exits 1 if any model fails any step.
//
//	go run ./internal/sweep                 # the CI subset
//	go run ./internal/sweep -subset all     # all models; writes docs/sweep.md
//
// -subset all also takes AWS's whole EC2 model of 2021 (-ec2-full), which
// is kept apart from the other models. The CI subset leaves it out: CI's
// interop/sdk123 steps check that the same package is what the generator
// writes, and compile, vet and test it.
//
// Packages go into one scratch module (module sweep.local), so the go
// command checks many of them per run and shares one build cache.
package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/smithy2go/smithy2go/internal/sdkmods"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sweep", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		modelsDir = fs.String("models", filepath.Join("..", "shared", "models", "aws"), "`directory` of Smithy JSON AST model files")
		subset    = fs.String("subset", "ci", "which models: ci (a fixed representative subset) or all")
		outDir    = fs.String("out", "", "scratch module `directory` for the packages (default: a temporary one, kept on failure)")
		jobs      = fs.Int("j", runtime.NumCPU(), "models generated at once, and the go command's -p")
		memLimit  = fs.Int64("memlimit", 6<<30, "address space `bytes` each compiler, vet or test process may use (0: no limit)")
		table     = fs.String("table", "", "write the results table to `file` (default: docs/sweep.md with -subset all, none otherwise)")
		parts     = fs.String("partitions", filepath.Join("internal", "sweep", "testdata", "partitions-2025-02.json"),
			"partitions.json `file` whose facts the endpoint resolvers use: those the models' endpoint tests were written for")
		ec2Full = fs.String("ec2-full", filepath.Join("..", "shared", "models", "ec2-full", "ec2-2016-11-15.2021-11-18.json"),
			"AWS's whole EC2 model `file`, too large for -models; swept with -subset all as package ec2 when it is there (empty: not at all)")
	)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sweep: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *subset != "ci" && *subset != "all" {
		fmt.Fprintf(stderr, "sweep: -subset must be ci or all, not %q\n", *subset)
		return 2
	}
	if *jobs < 1 {
		fmt.Fprintln(stderr, "sweep: -j must be at least 1")
		return 2
	}
	tableSet := false
	fs.Visit(func(f *flag.Flag) { tableSet = tableSet || f.Name == "table" })
	if !tableSet && *subset == "all" {
		*table = filepath.Join("docs", "sweep.md")
	}

	models, ok, err := findModels(*modelsDir)
	if err != nil {
		fmt.Fprintf(stderr, "sweep: %v\n", err)
		return 1
	}
	if !ok {
		fmt.Fprintf(stdout, "sweep: skipped: no models directory %s\n", *modelsDir)
		return 0
	}
	if len(models) == 0 {
		fmt.Fprintf(stderr, "sweep: no *.json model files in %s\n", *modelsDir)
		return 1
	}
	if *subset == "ci" {
		if models, err = ciSubset(models); err != nil {
			fmt.Fprintf(stderr, "sweep: %v\n", err)
			return 1
		}
	}
	if *subset == "all" && *ec2Full != "" {
		if models, err = addModel(models, *ec2Full, "ec2"); err != nil {
			fmt.Fprintf(stderr, "sweep: %v\n", err)
			return 1
		}
	}

	partitions, err := os.ReadFile(*parts)
	if err != nil {
		fmt.Fprintf(stderr, "sweep: %v\n", err)
		return 1
	}

	root, temp, err := prepareOut(*outDir)
	if err != nil {
		fmt.Fprintf(stderr, "sweep: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "sweep: %d models (%s) into %s, -j %d\n", len(models), *subset, root, *jobs)

	start := time.Now()
	results := sweep(models, root, *jobs, *memLimit, partitions, stdout)
	wall := time.Since(start)

	if *table != "" {
		if err := writeTableFile(*table, *subset, results, wall); err != nil {
			fmt.Fprintf(stderr, "sweep: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "sweep: wrote %s\n", *table)
	}
	failed := summarize(stdout, results, root, wall)
	if failed > 0 {
		if err := writeFailures(filepath.Join(root, "failures.txt"), results); err != nil {
			fmt.Fprintf(stderr, "sweep: %v\n", err)
		}
		fmt.Fprintf(stdout, "sweep: packages and full failure output (failures.txt) kept in %s\n", root)
		return 1
	}
	if temp {
		os.RemoveAll(root)
	}
	return 0
}

// prepareOut makes the scratch module. An existing directory is reused
// only if it is empty or an earlier sweep's, so no other files are lost.
func prepareOut(dir string) (root string, temp bool, err error) {
	if dir == "" {
		if dir, err = os.MkdirTemp("", "smithy2go-sweep-"); err != nil {
			return "", false, err
		}
		temp = true
	} else {
		entries, err := os.ReadDir(dir)
		switch {
		case os.IsNotExist(err):
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return "", false, err
			}
		case err != nil:
			return "", false, err
		case len(entries) > 0:
			mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
			if err != nil || !strings.HasPrefix(string(mod), "module "+modulePath+"\n") {
				return "", false, fmt.Errorf("-out %s is neither empty nor an earlier sweep's module; choose another directory", dir)
			}
		}
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return "", false, err
	}
	requires, sums, err := clientModules()
	if err != nil {
		return "", false, err
	}
	mod := fmt.Sprintf("module %s\n\ngo %s\n\nrequire (\n%s)\n", modulePath, goVersion(), requires)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		return "", false, err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sums, 0o644); err != nil {
		return "", false, err
	}
	return dir, temp, nil
}

// clientModules are the require lines of the modules generated clients
// import, at smithy2go's own versions, and smithy2go's go.sum: the scratch
// module builds with them from the module cache, as smithy2go does.
func clientModules() (requires string, sums []byte, err error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", nil, err
	}
	for {
		mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.HasPrefix(string(mod), "module github.com/smithy2go/smithy2go\n") {
			return sdkmods.Requirements(dir)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil, errors.New("the sweep runs inside smithy2go's module, whose go.mod names the SDK modules clients need")
		}
		dir = parent
	}
}

// goVersion is the language version of the running toolchain, "1.26".
func goVersion() string {
	v := strings.TrimPrefix(runtime.Version(), "go")
	if m := regexp.MustCompile(`^\d+\.\d+`).FindString(v); m != "" {
		return m
	}
	return "1.21"
}

// sweep generates the models on jobs workers, largest first, and checks
// the written packages while the rest are still being generated: whenever
// the go command is idle, every package ready by then goes to one run.
func sweep(models []model, root string, jobs int, memLimit int64, partitions []byte, log io.Writer) []result {
	order := slices.Clone(models)
	slices.SortStableFunc(order, func(a, b model) int { return cmp.Compare(b.Size, a.Size) })

	var mu sync.Mutex // guards log and results
	results := make(map[string]*result, len(models))
	done := 0
	report := func(r *result) {
		done++
		line := fmt.Sprintf("[%d/%d] %-5s %s", done, len(models), statusWord(r.Failed), r.File)
		if r.Failed == stageOK {
			line += fmt.Sprintf(" (%d ops, %d lines, generated in %s)", r.Operations, r.Lines, r.Generate.Round(time.Millisecond))
		} else {
			line += ": " + r.Failed.String()
		}
		fmt.Fprintln(log, line)
	}

	todo := make(chan model)
	ready := make(chan *result, len(models))
	var workers sync.WaitGroup
	for range jobs {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for m := range todo {
				r := generate(m, root, partitions)
				mu.Lock()
				results[m.File] = &r
				if r.Failed != stageOK {
					report(&r)
				}
				mu.Unlock()
				if r.Failed == stageOK {
					ready <- &r
				}
			}
		}()
	}
	go func() {
		for _, m := range order {
			todo <- m
		}
		close(todo)
		workers.Wait()
		close(ready)
	}()

	byPkg := map[string]*result{}
	c := &checker{root: root, parallel: jobs, memLimit: memLimit, progress: func(pkg string, o outcome) {
		mu.Lock()
		defer mu.Unlock()
		r := byPkg[pkg]
		if r == nil {
			return
		}
		r.Tests = o.Tests
		r.Endpoint = o.Endpoint
		if o.Failed != stageOK {
			r.fail(o.Failed, o.Detail)
		}
		report(r)
	}}
	for first := range ready {
		batch := []*result{first}
	drain:
		for {
			select {
			case r, ok := <-ready:
				if !ok {
					break drain
				}
				batch = append(batch, r)
			default:
				break drain
			}
		}
		pkgs := make([]string, len(batch))
		mu.Lock()
		for i, r := range batch {
			pkgs[i] = r.Package
			byPkg[r.Package] = r
		}
		fmt.Fprintf(log, "sweep: checking %d packages\n", len(pkgs))
		mu.Unlock()
		checkStart := time.Now()
		outcomes := c.check(pkgs)
		mu.Lock()
		fmt.Fprintf(log, "sweep: checked %d packages in %s\n", len(pkgs), time.Since(checkStart).Round(time.Second))
		for _, r := range batch {
			// Progress saw build failures before vet was told apart.
			if o := outcomes[r.Package]; o.Failed != stageOK {
				r.Failed, r.Detail = o.Failed, strings.TrimRight(o.Detail, "\n")
			}
		}
		mu.Unlock()
	}

	out := make([]result, 0, len(results))
	for _, r := range results {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b result) int { return strings.Compare(a.File, b.File) })
	return out
}

func statusWord(s stage) string {
	if s == stageOK {
		return "ok"
	}
	return "FAIL"
}

func writeTableFile(name, subset string, results []result, wall time.Duration) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := writeTable(f, subset, results, wall, runtime.NumCPU()); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// summarize prints totals and the failures grouped by cause, and returns
// how many models failed.
func summarize(w io.Writer, results []result, root string, wall time.Duration) int {
	var load, gen time.Duration
	var failed []result
	for _, r := range results {
		load += r.Load
		gen += r.Generate
		if r.Failed != stageOK {
			failed = append(failed, r)
		}
	}
	fmt.Fprintf(w, "\nsweep: %d models in %s (load %s, generate %s summed over models); %d ok, %d failed\n",
		len(results), wall.Round(time.Second), load.Round(time.Millisecond), gen.Round(time.Millisecond),
		len(results)-len(failed), len(failed))
	if len(failed) == 0 {
		return 0
	}
	for _, g := range groupFailures(failed) {
		fmt.Fprintf(w, "\n%s: %s (%d models)\n", g.stage, g.cause, len(g.results))
		for _, r := range g.results {
			fmt.Fprintf(w, "  %s (package %s)\n", r.File, r.Package)
			for _, l := range firstLines(r.Detail, 3) {
				fmt.Fprintf(w, "      %s\n", l)
			}
		}
		r := g.results[0]
		fmt.Fprintf(w, "  reproduce: go run ./cmd/smithy2go -model %s -out %s", r.Path, filepath.Join(root, r.Package))
		if g.stage >= stageCompile {
			fmt.Fprintf(w, " && (cd %s && go vet ./%s && go test ./%s)", root, r.Package, r.Package)
		}
		fmt.Fprintln(w)
	}
	return len(failed)
}

// failureGroup is the models that failed one step for one cause.
type failureGroup struct {
	stage   stage
	cause   string
	results []result
}

// groupFailures groups by step and cause, the largest group first.
func groupFailures(failed []result) []failureGroup {
	index := map[string]int{}
	var groups []failureGroup
	for _, r := range failed {
		c := cause(r)
		key := r.Failed.String() + "\x00" + c
		i, ok := index[key]
		if !ok {
			i = len(groups)
			index[key] = i
			groups = append(groups, failureGroup{stage: r.Failed, cause: c})
		}
		groups[i].results = append(groups[i].results, r)
	}
	slices.SortStableFunc(groups, func(a, b failureGroup) int {
		if c := cmp.Compare(len(b.results), len(a.results)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.stage, b.stage); c != 0 {
			return c
		}
		return strings.Compare(a.cause, b.cause)
	})
	return groups
}

var (
	position = regexp.MustCompile(`^(vet: )?[^\s:]+\.(go|json):\d+(:\d+)?: `)
	quoted   = regexp.MustCompile("\"[^\"]*\"|`[^`]*`")
	numbers  = regexp.MustCompile(`\d+`)
	goIdent  = regexp.MustCompile(`\b[A-Z][A-Za-z0-9_]*\b`)
)

// cause is the first error of a failure with what differs between models
// (positions, quoted text, exported names, numbers) taken out, so models
// failing for the same reason fall in one group.
func cause(r result) string {
	if strings.Contains(r.Detail, "fatal error: out of memory") {
		return "out of memory (more than -memlimit)"
	}
	lines := strings.Split(r.Detail, "\n")
	if r.Failed == stageTest {
		// A test's own output comes before its "--- FAIL" line.
		for _, l := range lines {
			if name, ok := strings.CutPrefix(strings.TrimSpace(l), "--- FAIL: "); ok {
				name, _, _ = strings.Cut(name, " ")
				name, _, _ = strings.Cut(name, "/")
				return "test " + testKind(name) + " fails"
			}
		}
	}
	line := ""
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "# ") && !strings.HasPrefix(l, "FAIL") {
			line = l
			break
		}
	}
	line = position.ReplaceAllString(line, "")
	line = quoted.ReplaceAllString(line, `"…"`)
	line = goIdent.ReplaceAllString(line, "X")
	line = numbers.ReplaceAllString(line, "N")
	if line == "" {
		return "no error text"
	}
	return line
}

// testKind drops the operation from a generated test's name, so that
// TestCreateThingValidateFull and TestDeleteThingValidateFull are one cause.
func testKind(name string) string {
	for _, suffix := range []string{"ValidateMinimal", "ValidateFull", "ValidateRejects", "RequestMinimal", "RequestFull", "Response"} {
		if strings.HasSuffix(name, suffix) && len(name) > len("Test"+suffix) {
			return "Test…" + suffix
		}
	}
	return name
}

func firstLines(s string, n int) []string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = append(lines[:n], fmt.Sprintf("... (%d more lines)", len(lines)-n))
	}
	return lines
}

// writeFailures keeps every failure's full output for debugging.
func writeFailures(name string, results []result) error {
	var b strings.Builder
	for _, r := range results {
		if r.Failed == stageOK {
			continue
		}
		fmt.Fprintf(&b, "==== %s (package %s): %s\n%s\n\n", r.File, r.Package, r.Failed, r.Detail)
	}
	return os.WriteFile(name, []byte(b.String()), 0o644)
}
