package emit

import (
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/sample"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Protocol is a wire protocol plug-in. It works at the HTTP level: for
// every operation it supports it writes the three functions the plan
// names (plan.Operation.RequestFunc, ResponseFunc, ErrorFunc), which
// generated tests and the client call without knowing the protocol.
type Protocol interface {
	plan.Protocol
	// Emit writes the wire code, and marks the runtime files it uses.
	Emit(g *Generator) error
	// TestKit tells generated tests how to check the wire code.
	TestKit() TestKit
}

// TestKit tells the test emitter how to check a protocol's wire code
// against what it must produce, computed independently of that code.
type TestKit struct {
	// Request returns the golden file of a sample input's request, with
	// comment as a comment in it.
	Request func(op *plan.Operation, in *sample.Value, comment string) ([]byte, error)
	// RequestExt ends the golden request files' names, such as ".form".
	RequestExt string
	// CheckRequest names the test helper, declared in one of Runtime's
	// files, that compares a request with a golden file:
	// func(t *testing.T, file string, req *http.Request).
	CheckRequest string
	// Response returns a response that carries a sample output, with
	// comment as a comment in its body where the format allows.
	Response func(op *plan.Operation, out *sample.Value, comment string) (Response, error)
	// ResponseExt ends the golden response bodies' names, such as ".xml".
	ResponseExt string
	// ErrorSeeds are error responses the fuzz target starts from.
	ErrorSeeds []Response
	// Runtime lists the test-only runtime files (runtime_*_test.go).
	Runtime []string
	// Endpoint, when set, is the endpoint a compliance case c (an
	// httpRequestTests entry) of op is built for, where it is not
	// https://{host}: a protocol whose requests go to endpoints resolved
	// outside the wire code (S3's, which carry the bucket) says so here.
	Endpoint func(op *plan.Operation, c smithy.Node) string
	// Skips are compliance cases the protocol cannot pass, by case id
	// (both kinds) or "request ID" or "response ID" (one kind), with the
	// reason; their subtests skip with it.
	Skips map[string]string
}

// Response is an HTTP response for a test.
type Response struct {
	Status int
	// Header holds header names and values, in order.
	Header [][2]string
	Body   []byte
}

// WireNamer is a protocol that can say where a member goes on the wire,
// relative to its container, for reports such as apidiff's.
type WireNamer interface {
	WireNames(f *plan.Field) (request, response string)
}
