// Package emit turns a plan into Go source, one file per concern: types,
// errors, enums, validators and tests here, wire code in the protocol
// packages. One Generator is threaded through all of them.
package emit

import (
	"sort"
	"sync"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/sample"
)

// Generator collects the files of one generated package.
type Generator struct {
	Plan *plan.Plan
	// Header is the first line of every generated file.
	Header string
	// Protocol writes the wire code; nil when the service's protocol is
	// not supported, and then only types, enums and validators are made.
	Protocol Protocol

	// mu guards what emitters running at once share: the file list, the
	// runtime set and the function names.
	mu      sync.Mutex
	files   []*File
	runtime map[string]bool
	// patterns names the package-level regexp of each Go pattern.
	patterns   map[string]string
	funcNames  map[string]string
	takenFuncs map[string]bool
}

// File is one output file: Go source built with jennifer, or data.
type File struct {
	Name string
	Go   *jen.File
	Data []byte
}

// Protocol is a wire protocol plug-in.
type Protocol interface {
	// Emit writes the serializers, deserializers and request builders.
	Emit(g *Generator) error
	// Tests describes how generated tests drive the wire code.
	Tests() ProtocolTests
}

// ProtocolTests tells the test emitter how to drive a protocol's wire code
// and how to compute, independently of that code, what it must produce.
type ProtocolTests struct {
	// MarshalMethod and UnmarshalMethod are the Input and Output methods.
	MarshalMethod, UnmarshalMethod string
	// EncodeRequest returns the body a sample input must serialize to.
	EncodeRequest func(op *plan.Operation, in *sample.Value) ([]byte, error)
	// EncodeResponse returns a response document carrying a sample output.
	EncodeResponse func(op *plan.Operation, out *sample.Value) ([]byte, error)
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
// package needs.
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
