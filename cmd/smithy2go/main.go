// Command smithy2go generates a Go package from a Smithy 2.0 JSON AST model:
// types, open enums, validators, wire code for supported protocols, and
// golden tests. Run it with no flags to regenerate generated/ec2 from the
// embedded EC2 model.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/smithy2go/smithy2go/generator"
	"github.com/smithy2go/smithy2go/generator/output"
	"github.com/smithy2go/smithy2go/models"
)

func main() {
	// A run is short and its garbage is mostly the formatted source of
	// the previous file: collecting less often saves a fifth of the CPU
	// time on the largest models, and the memory limit keeps peak use in
	// bounds.
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(256 << 20)
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // the model, generation or writing failed
	exitUsage = 2 // the command line is wrong
	// exitStale is -check finding files that differ.
	exitStale = 1
)

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

const usageText = `usage: smithy2go [flags]
       smithy2go diff [flags] OLD NEW

smithy2go reads a Smithy 2.0 JSON AST model and writes a Go package: structs,
open enums, validators, ec2Query/awsQuery serializers and deserializers, a
client with aws-sdk-go-v2's API (-client=false leaves it out), and golden
tests. Only files it generated are ever replaced or removed; nothing
is written unless everything generated and formatted.

In a downstream module, add to a Go file beside the directory to generate
(not inside it: go generate stumbles when a file it is scanning is removed):

	//go:generate go run github.com/smithy2go/smithy2go/cmd/smithy2go -model models/ec2.json -out capacity -operation CreateInterruptibleCapacityReservationAllocation

and pin the tool in go.mod with "go get -tool github.com/smithy2go/smithy2go/cmd/smithy2go".

Before committing a model update, "smithy2go diff old.json new.json" reports
what changes in the generated API ("smithy2go diff -h" for more).

Exit status: 0 on success, 1 for model or generation errors (and for -check
finding stale files), 2 for usage errors.

Flags:
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "diff" {
		return runDiff(args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet("smithy2go", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		modelFile = fs.String("model", "", "Smithy JSON AST model `file` (default: the embedded EC2 model)")
		out       = fs.String("out", filepath.Join("generated", "ec2"), "output `directory`")
		pkg       = fs.String("package", "", "Go package `name` (default: the base name of -out)")
		service   = fs.String("service", "", "service shape `ID` to generate, needed when the model has several")
		check     = fs.Bool("check", false, "write nothing; print a unified diff and exit 1 if the files on disk differ")
		verbose   = fs.Bool("v", false, "report what was written")
		client    = fs.Bool("client", true, "generate the client (aws-sdk-go-v2's API; imports its core modules)")
		ops       listFlag
	)
	fs.Var(&ops, "operation", "operation `name` to generate, repeatable (default: every operation of the service)")
	usage := func(w io.Writer) {
		fs.SetOutput(w)
		fmt.Fprint(w, usageText)
		fs.PrintDefaults()
	}
	// Parse would print the usage to stderr even for -h; it is printed
	// below instead, where asked for.
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout)
			return exitOK
		}
		usage(stderr)
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "smithy2go: unexpected argument %q\n", fs.Arg(0))
		usage(stderr)
		return exitUsage
	}
	if *out == "" {
		fmt.Fprintln(stderr, "smithy2go: -out must name a directory")
		return exitUsage
	}
	name := *pkg
	if name == "" {
		abs, err := filepath.Abs(*out)
		if err != nil {
			fmt.Fprintf(stderr, "smithy2go: %v\n", err)
			return exitUsage
		}
		name = filepath.Base(abs)
	}
	if !validPackage(name) {
		fmt.Fprintf(stderr, "smithy2go: package name %q is not a Go identifier; set one with -package\n", name)
		return exitUsage
	}

	modelName, data := models.DefaultName, models.EC2InterruptibleCapacityReservation
	if *modelFile != "" {
		var err error
		data, err = os.ReadFile(*modelFile)
		if err != nil {
			fmt.Fprintf(stderr, "smithy2go: %v\n", err)
			return exitError
		}
		modelName = *modelFile
	}
	res, err := generator.Generate(generator.Options{
		ModelName:  modelName,
		Model:      data,
		Package:    name,
		Service:    *service,
		Operations: ops,
		Client:     *client,
	})
	if err != nil {
		fmt.Fprintf(stderr, "smithy2go: %s\n", indentLines(err.Error()))
		return exitError
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "smithy2go: warning: %s\n", w)
	}
	if *check {
		diff, err := output.Diff(*out, res.Files)
		if err != nil {
			fmt.Fprintf(stderr, "smithy2go: %v\n", err)
			return exitError
		}
		if diff != "" {
			fmt.Fprint(stdout, diff)
			fmt.Fprintf(stderr, "smithy2go: %s is stale; run smithy2go to regenerate it\n", *out)
			return exitStale
		}
		return exitOK
	}
	p, err := output.Write(*out, res.Files)
	if errors.Is(err, output.ErrNotRestored) {
		fmt.Fprintf(stderr, "smithy2go: %v\n", err)
		return exitError
	}
	if err != nil {
		fmt.Fprintf(stderr, "smithy2go: %v (nothing was changed)\n", err)
		return exitError
	}
	if *verbose {
		fmt.Fprintf(stderr, "smithy2go: %s: %d written, %d unchanged, %d removed\n", *out, len(p.Write), len(p.Unchanged), len(p.Remove))
	}
	return exitOK
}

func validPackage(name string) bool {
	if name == "" || name == "_" {
		return false
	}
	for i, r := range name {
		ok := r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && '0' <= r && r <= '9'
		if !ok {
			return false
		}
	}
	switch name {
	case "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func",
		"go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct",
		"switch", "type", "var":
		return false
	}
	return true
}

// indentLines keeps a multi-line error readable after the "smithy2go:" prefix.
func indentLines(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	return "the model has problems:\n" + s
}
