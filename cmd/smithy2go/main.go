// Command smithy2go generates a Go package from a Smithy model, IDL
// (.smithy) or JSON AST, in one file or several: types, open enums,
// validators, wire code for supported protocols, and golden tests. Run it
// with no flags to regenerate generated/ec2 from the embedded EC2 model.
package main

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/smithy2go/smithy2go/generator"
	"github.com/smithy2go/smithy2go/generator/output"
	"github.com/smithy2go/smithy2go/generator/smithy"
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
       smithy2go ast FILE|DIR...

smithy2go reads a Smithy model and writes a Go package: structs, open enums,
validators, serializers and deserializers, a client with aws-sdk-go-v2's API
(-client=false leaves it out), and golden tests. Only files it generated are
ever replaced or removed; nothing is written unless everything generated and
formatted.

Wire code covers every AWS protocol: awsJson1_0, awsJson1_1, restJson1,
restXml, awsQuery and ec2Query. An operation it cannot carry (today: one
with an event stream) gets a warning and no wire code; the rest of the
package is still generated.

The model is Smithy IDL (.smithy, 2.0 or 1.0) or a JSON AST (.json). -model
can be given several times, and a directory stands for every .smithy and
.json file under it: the files merge into one model, as Smithy's own build
does, with the prelude always there. "smithy2go ast FILE|DIR..." prints the
merged model as a JSON AST, to see what was read.

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
	if len(args) > 0 && args[0] == "ast" {
		return runAST(args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet("smithy2go", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		modelArgs listFlag
		out       = fs.String("out", filepath.Join("generated", "ec2"), "output `directory`")
		pkg       = fs.String("package", "", "Go package `name` (default: the base name of -out)")
		service   = fs.String("service", "", "service shape `ID` to generate, needed when the model has several")
		check     = fs.Bool("check", false, "write nothing; print a unified diff and exit 1 if the files on disk differ")
		verbose   = fs.Bool("v", false, "say what was written even under go generate, and what was removed")
		client    = fs.Bool("client", true, "generate the client (aws-sdk-go-v2's API; imports its core modules)")
		parts     = fs.String("partitions", "", "AWS partition facts (a partitions.json `file`) for the endpoint rules (default: the facts smithy2go carries)")
		ops       listFlag
	)
	fs.Var(&modelArgs, "model", "Smithy model `file or directory` (.smithy IDL or .json AST), repeatable: the files merge into one model (default: the embedded EC2 model)")
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

	opts := generator.Options{
		ModelName:  models.DefaultName,
		Model:      models.EC2InterruptibleCapacityReservation,
		Package:    name,
		Service:    *service,
		Operations: ops,
		Client:     *client,
	}
	if *parts != "" {
		data, err := os.ReadFile(*parts)
		if err != nil {
			fmt.Fprintf(stderr, "smithy2go: -partitions: %v\n", err)
			return exitError
		}
		opts.EndpointPartitions, opts.EndpointPartitionsName = data, *parts
	}
	if len(modelArgs) > 0 {
		srcs, ok := readModel(modelArgs, stderr)
		if !ok {
			return exitError
		}
		opts.ModelName, opts.Model = modelName(modelArgs), nil
		if len(srcs) == 1 && srcs[0].Name == modelArgs[0] {
			opts.Model = srcs[0].Data // one file, as before: its header digest stays
		} else {
			opts.Sources = srcs
		}
	}
	res, err := generator.Generate(opts)
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
	// go generate runs many generators; it sets GOFILE and GOPACKAGE, and
	// there a generator that has nothing to say is quiet.
	if *verbose || os.Getenv("GOFILE") == "" || os.Getenv("GOPACKAGE") == "" {
		line := fmt.Sprintf("%s: %d files, %d written, %d unchanged", *out, len(res.Files), len(p.Write), len(p.Unchanged))
		if len(p.Remove) > 0 || *verbose {
			line += fmt.Sprintf(", %d removed", len(p.Remove))
		}
		fmt.Fprintln(stderr, line)
	}
	return exitOK
}

// readModel reads the -model files and directories, warning of the files
// in directories that are not models.
func readModel(args []string, stderr io.Writer) ([]smithy.Source, bool) {
	srcs, skipped, err := smithy.ReadSources(args...)
	if err != nil {
		fmt.Fprintf(stderr, "smithy2go: %v\n", err)
		return nil, false
	}
	for _, s := range skipped {
		fmt.Fprintf(stderr, "smithy2go: warning: skipped %s\n", s)
	}
	return srcs, true
}

// modelName names the model in messages and file headers: the one file
// or directory given, or the base names of several joined by "+".
func modelName(args []string) string {
	if len(args) == 1 {
		return args[0]
	}
	names := make([]string, len(args))
	for i, a := range args {
		names[i] = filepath.Base(a)
	}
	return strings.Join(names, "+")
}

const astUsageText = `usage: smithy2go ast FILE|DIR...

ast prints a Smithy model as a Smithy 2.0 JSON AST: the files given (IDL
or JSON AST; a directory stands for every .smithy and .json file under
it) merged into one model, traits applied, Smithy 1.0 files upgraded to
2.0, elided members resolved. Shapes that use mixins list them and keep
what the mixins gave them. The output is deterministic and loads back to
the same model.

Exit status: 0 on success, 1 for model errors, 2 for usage errors.
`

func runAST(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("smithy2go ast", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, astUsageText)
			return exitOK
		}
		fmt.Fprint(stderr, astUsageText)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "smithy2go ast: name at least one model file or directory")
		fmt.Fprint(stderr, astUsageText)
		return exitUsage
	}
	srcs, ok := readModel(fs.Args(), stderr)
	if !ok {
		return exitError
	}
	m, err := smithy.LoadSources(srcs...)
	if err != nil {
		fmt.Fprintf(stderr, "smithy2go: %s\n", indentLines(err.Error()))
		return exitError
	}
	if _, err := stdout.Write(m.AST()); err != nil {
		fmt.Fprintf(stderr, "smithy2go: %v\n", err)
		return exitError
	}
	return exitOK
}

func validPackage(name string) bool {
	return name != "_" && token.IsIdentifier(name) && !token.IsKeyword(name)
}

// indentLines keeps a multi-line error readable after the "smithy2go:" prefix.
func indentLines(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	return "the model has problems:\n" + s
}
