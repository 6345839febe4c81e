// Package emit turns a plan into Go source, one file per concern: types,
// errors, enums, validators, requests and tests here, wire code in the
// protocol packages. One Generator is threaded through all of them.
package emit

import (
	"sort"
	"sync"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/plan"
)

// Generator collects the files of one generated package.
type Generator struct {
	Plan *plan.Plan
	// Header is the first line of every generated file.
	Header string
	// Protocol writes the wire code; nil when the service's protocol is
	// not supported, and then only types, enums and validators are made.
	Protocol Protocol

	// mu guards what emitters running at once share: the file list and
	// the runtime set.
	mu      sync.Mutex
	files   []*File
	runtime map[string]bool
}

// File is one output file: Go source built with jennifer, or data.
type File struct {
	Name string
	Go   *jen.File
	Data []byte
}

// GoFile starts a Go file of the package.
func (g *Generator) GoFile(name string) *jen.File {
	f := jen.NewFile(g.Plan.Package)
	f.HeaderComment(g.Header)
	g.addFile(&File{Name: name, Go: f})
	return f
}

func (g *Generator) addFile(f *File) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.files = append(g.files, f)
}

// DataFile adds a non-Go file, such as a golden file under testdata/.
func (g *Generator) DataFile(name string, data []byte) {
	g.addFile(&File{Name: name, Data: data})
}

// UseRuntime marks runtime helper files (templates/runtime_*.go) the
// package needs; the files they need in turn come along.
func (g *Generator) UseRuntime(names ...string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.runtime == nil {
		g.runtime = map[string]bool{}
	}
	for _, n := range names {
		g.runtime[n] = true
	}
}

// Runtime returns the runtime helper files the package needs, sorted.
func (g *Generator) Runtime() []string {
	var out []string
	for n := range g.runtime {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Files returns the files made so far, in the order they were started.
func (g *Generator) Files() []*File { return g.files }

// Id is the identifier the package declares for a runtime name such as
// "APIError" (see plan.Plan.Ident).
func (g *Generator) Id(name string) *jen.Statement { return jen.Id(g.Plan.Ident(name)) }

// Wired lists the operations that get wire code.
func (g *Generator) Wired() []*plan.Operation {
	var out []*plan.Operation
	if g.Protocol == nil {
		return nil
	}
	for _, op := range g.Plan.Operations {
		if op.Unsupported == "" {
			out = append(out, op)
		}
	}
	return out
}
