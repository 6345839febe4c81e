// Command downstream runs examples/downstream the way its users would,
// through a model update, in a scratch copy so the repository is left
// alone:
//
//  1. go generate rewrites nothing (the committed package is current), and
//     -check agrees; vet, build and test pass.
//  0. A fresh module follows the README's "use a clone" lines, word for
//     word, then generates and builds a package.
//  2. The 2026-09 model replaces the 2026-07 one. smithy2go diff exits 3
//     with the report generator/apidiff's tests check; go generate
//     rewrites the package, which names the new model's hash; generating
//     again rewrites nothing; the hand-written code, written against the
//     old API, still builds and its tests pass.
//
// Run it from the repository root: go run ./internal/testall/downstream
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

const (
	example   = "examples/downstream"
	modelFile = "models/ec2-interruptible-capacity-reservation.json"
	modelV2   = "models/ec2-interruptible-capacity-reservation.2026-09.json"
	pkgDir    = "capacity"
	report    = "generator/apidiff/testdata/ec2-update.golden"
)

func main() {
	keep := flag.Bool("keep", false, "keep the scratch directory and print its path")
	flag.Parse()
	start := time.Now()
	if err := run(*keep); err != nil {
		fmt.Fprintf(os.Stderr, "downstream: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("downstream: both model versions passed in %s\n", time.Since(start).Round(100*time.Millisecond))
}

func run(keep bool) error {
	root, err := os.Getwd()
	if err != nil {
		return err
	}
	if data, err := os.ReadFile(filepath.Join(root, "go.mod")); err != nil || !bytes.Contains(data, []byte("module github.com/smithy2go/smithy2go\n")) {
		return errors.New("run me from the smithy2go repository root")
	}
	scratch, err := os.MkdirTemp("", "smithy2go-downstream-")
	if err != nil {
		return err
	}
	if keep {
		fmt.Println("downstream: scratch copy in", scratch)
	} else {
		defer os.RemoveAll(scratch)
	}
	if err := fromClone(root, scratch); err != nil {
		return fmt.Errorf("the README's clone instructions: %w", err)
	}
	mod := filepath.Join(scratch, "downstream")
	if err := copyTree(filepath.Join(root, example), mod); err != nil {
		return err
	}
	f := &flow{mod: mod}
	// The copy builds smithy2go from this checkout, wherever it is.
	if err := f.goCmd(".", "mod", "edit", "-replace", "github.com/smithy2go/smithy2go="+root); err != nil {
		return err
	}

	// Version one, as committed.
	before, err := snapshot(filepath.Join(mod, pkgDir))
	if err != nil {
		return err
	}
	if err := f.goCmd(".", "generate", "./..."); err != nil {
		return err
	}
	if err := f.unchanged(before, "go generate with the committed model"); err != nil {
		return err
	}
	if err := f.check(); err != nil {
		return err
	}
	if err := f.buildAndTest(); err != nil {
		return err
	}

	// Version two.
	old := filepath.Join(scratch, "ec2-2026-07.json")
	if err := copyFile(filepath.Join(mod, modelFile), old); err != nil {
		return err
	}
	if err := copyFile(filepath.Join(mod, modelV2), filepath.Join(mod, modelFile)); err != nil {
		return err
	}
	want, err := os.ReadFile(filepath.Join(root, report))
	if err != nil {
		return err
	}
	code, out, err := f.output(".", "go", "tool", "smithy2go", "diff", old, modelFile)
	if err != nil {
		return err
	}
	if code != 3 || out != string(want) {
		return fmt.Errorf("smithy2go diff: exit %d, want 3; report:\n%s\nwant (%s):\n%s", code, out, report, want)
	}
	fmt.Printf("    smithy2go diff exit %d, report as %s\n", code, report)
	if err := f.goCmd(".", "generate", "./..."); err != nil {
		return err
	}
	if err := f.regenerated(filepath.Join(mod, modelFile)); err != nil {
		return err
	}
	after, err := snapshot(filepath.Join(mod, pkgDir))
	if err != nil {
		return err
	}
	if err := f.goCmd(".", "generate", "./..."); err != nil {
		return err
	}
	if err := f.unchanged(after, "go generate again with the new model"); err != nil {
		return err
	}
	if err := f.check(); err != nil {
		return err
	}
	return f.buildAndTest()
}

// fromClone runs the README's lines for using a clone in a new module, with
// the clone at ../smithy2go as they assume, then generates with go generate
// and builds the result.
func fromClone(root, scratch string) error {
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		return err
	}
	cmds := cloneCommands(string(readme))
	if len(cmds) == 0 {
		return errors.New("README.md has no indented block starting with \"go mod edit -replace\"")
	}
	if err := os.Symlink(root, filepath.Join(scratch, "smithy2go")); err != nil {
		return err
	}
	mod := filepath.Join(scratch, "fresh")
	if err := os.MkdirAll(filepath.Join(mod, "models"), 0o755); err != nil {
		return err
	}
	files := map[string]string{
		"go.mod":      "module example.com/fresh\n\ngo 1.24\n",
		"generate.go": "package fresh\n\n//go:generate go tool smithy2go -model models/ec2.json -out capacity -operation CreateInterruptibleCapacityReservationAllocation\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(mod, name), []byte(data), 0o644); err != nil {
			return err
		}
	}
	if err := copyFile(filepath.Join(root, example, modelFile), filepath.Join(mod, "models", "ec2.json")); err != nil {
		return err
	}
	f := &flow{mod: mod}
	for _, c := range cmds {
		if err := f.goCmd(".", strings.Fields(c)[1:]...); err != nil {
			return err
		}
	}
	if err := f.goCmd(".", "generate", "./..."); err != nil {
		return err
	}
	return f.goCmd(".", "build", "./...")
}

// cloneCommands returns the go commands of the README block that starts
// with "go mod edit -replace".
func cloneCommands(readme string) []string {
	var out []string
	for _, line := range strings.Split(readme, "\n") {
		cmd, indented := strings.CutPrefix(line, "    ")
		switch {
		case len(out) == 0 && indented && strings.HasPrefix(cmd, "go mod edit -replace "):
			out = append(out, cmd)
		case len(out) > 0 && indented && strings.HasPrefix(cmd, "go "):
			out = append(out, cmd)
		case len(out) > 0:
			return out
		}
	}
	return out
}

type flow struct{ mod string }

// output runs a command in the scratch module and returns its exit status
// and stdout; stderr goes to ours.
func (f *flow) output(dir string, args ...string) (int, string, error) {
	fmt.Printf("  -> %s: %s\n", dir, strings.Join(args, " "))
	start := time.Now()
	c := exec.Command(args[0], args[1:]...)
	c.Dir = filepath.Join(f.mod, dir)
	// A go.work above the scratch directory must not take over.
	c.Env = append(os.Environ(), "GOWORK=off")
	var out bytes.Buffer
	c.Stdout, c.Stderr = &out, os.Stderr
	err := c.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), out.String(), nil
	}
	if err != nil {
		return 0, "", err
	}
	fmt.Printf("    ok (%s)\n", time.Since(start).Round(100*time.Millisecond))
	return 0, out.String(), nil
}

func (f *flow) goCmd(dir string, args ...string) error {
	code, out, err := f.output(dir, append([]string{"go"}, args...)...)
	if err != nil {
		return err
	}
	os.Stdout.WriteString(out)
	if code != 0 {
		return fmt.Errorf("go %s: exit %d", strings.Join(args, " "), code)
	}
	return nil
}

func (f *flow) buildAndTest() error {
	for _, args := range [][]string{{"vet", "./..."}, {"build", "./..."}, {"test", "-count=1", "./..."}} {
		if err := f.goCmd(".", args...); err != nil {
			return err
		}
	}
	return nil
}

// check runs the generate line's command with -check.
func (f *flow) check() error {
	return f.goCmd(".", "tool", "smithy2go", "-model", modelFile, "-out", pkgDir, "-check")
}

// unchanged fails if any file of the package was written since before was
// taken: same names, bytes and modification times.
func (f *flow) unchanged(before map[string]fileState, what string) error {
	now, err := snapshot(filepath.Join(f.mod, pkgDir))
	if err != nil {
		return err
	}
	var diffs []string
	for name, b := range before {
		n, ok := now[name]
		switch {
		case !ok:
			diffs = append(diffs, name+" removed")
		case n.data != b.data:
			diffs = append(diffs, name+" changed")
		case !n.mtime.Equal(b.mtime):
			diffs = append(diffs, name+" rewritten (same bytes, new mtime)")
		}
	}
	for name := range now {
		if _, ok := before[name]; !ok {
			diffs = append(diffs, name+" added")
		}
	}
	if len(diffs) > 0 {
		return fmt.Errorf("%s touched files: %s", what, strings.Join(diffs, ", "))
	}
	fmt.Printf("    %s rewrote none of %d files\n", what, len(now))
	return nil
}

var headerRE = regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.$`)

// regenerated checks the package now comes from the new model: every
// generated file's header names its hash, and the new API is there.
func (f *flow) regenerated(model string) error {
	data, err := os.ReadFile(model)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	header := "// Code generated by smithy2go from " + filepath.Base(model) + " (sha256 " + hex.EncodeToString(sum[:])[:12] + "). DO NOT EDIT."
	files, err := snapshot(filepath.Join(f.mod, pkgDir))
	if err != nil {
		return err
	}
	generated := 0
	for name, s := range files {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		first, _, _ := strings.Cut(s.data, "\n")
		if !strings.HasPrefix(first, "// Code generated ") {
			continue // hand-written
		}
		generated++
		if first != header || !headerRE.MatchString(first) {
			return fmt.Errorf("%s: header %q, want %q", name, first, header)
		}
	}
	if generated == 0 {
		return errors.New("no generated files")
	}
	types := files["types.go"].data
	for _, w := range []string{"ZeroSizePreference ZeroSizePreference"} {
		if !strings.Contains(types, w) {
			return fmt.Errorf("types.go lacks %q after regenerating", w)
		}
	}
	fmt.Printf("    %d generated files name %s\n", generated, header[3:])
	return nil
}

type fileState struct {
	data  string
	mtime time.Time
}

func snapshot(dir string) (map[string]fileState, error) {
	m := map[string]fileState{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = fileState{string(data), info.ModTime()}
		return nil
	})
	return m, err
}

// old is the modification time every copied file gets, so a rewrite
// shows even when it happens within the same clock tick as the copy.
var old = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s: not a regular file", p)
		}
		return copyFile(p, target)
	})
}

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		return err
	}
	return os.Chtimes(dst, old, old)
}
