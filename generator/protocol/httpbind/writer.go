package httpbind

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
)

// Codec is a protocol's body format: JSON for restJson1, XML for
// restXml. httpbind writes every other part of a message and asks it for
// the document body and for structure, union and document payloads.
//
// The codec's statements run with these in scope: v, the struct being
// written or read (*Input, *Output, or *Error for a modeled error); err
// (error, declared); in requests req (*http.Request); in responses resp
// (*http.Response) and body ([]byte, the whole body already read, maybe
// empty). Request statements may return nil, err; response statements
// may return err.
type Codec interface {
	// MediaType is the Content-Type of document bodies and of structure,
	// union and document payloads, such as "application/json".
	MediaType() string
	// EncodeBody declares body ([]byte), the document holding msg.Body,
	// the unbound members of the input v. httpbind calls it only when
	// msg.HasBody().
	EncodeBody(msg *Message) []jen.Code
	// EncodePayload declares body ([]byte) for a structure, union or
	// document payload member f of v: nil for no body at all, as the
	// format has it for an unset payload.
	EncodePayload(msg *Message, f *plan.Field) []jen.Code
	// DecodeBody reads body into msg.Body, the unbound members of v.
	DecodeBody(msg *Message) []jen.Code
	// DecodePayload reads body into v's structure, union or document
	// payload member f; an empty body leaves it unset.
	DecodePayload(msg *Message, f *plan.Field) []jen.Code
	// DecodeError declares e (*APIError) from an error response: resp and
	// body. httpbind fills in StatusCode and, when the codec left it
	// empty, RequestID.
	DecodeError() []jen.Code
}

// Writer writes the HTTP-level functions of operations (the plan's
// RequestFunc, ResponseFunc and ErrorFunc) for a protocol with HTTP
// bindings.
type Writer struct {
	g     *emit.Generator
	codec Codec
	// Requests receives request builders, Responses the response and
	// error decoders.
	requests, responses *jen.File
	opts                Options
	done                map[string]bool
}

// Options are what differs between the protocols beyond the body format.
type Options struct {
	// RequestIDHeader carries the request ID in responses, such as
	// "X-Amzn-Requestid".
	RequestIDHeader string
	// Prepare, when set, returns statements that start op's request
	// builder, before tokens and labels are checked; they may change v
	// and return nil, err. It is for defaults an SDK fills in (Glacier's
	// account ID "-").
	Prepare func(op *plan.Operation) []jen.Code
	// Customize, when set, returns statements that end op's request
	// builder, with req in scope and body too when the body is in
	// memory; they may return nil, err. It is for services whose SDK
	// customizes requests (Glacier, API Gateway).
	Customize func(op *plan.Operation, body bool) []jen.Code
	// SentOtherwise, when set, reports a member bound to a header whose
	// value the protocol sends another way (in Customize's statements):
	// its header is not written.
	SentOtherwise func(op *plan.Operation, b Binding) bool
}

// New returns a writer putting request builders in requests and
// decoders in responses (which may be the same file).
func New(g *emit.Generator, requests, responses *jen.File, c Codec, o Options) *Writer {
	g.UseRuntime("runtime_restreq.go", "runtime_rest.go", "runtime_http.go", "runtime_body.go", "runtime_errors.go", "runtime_metadata.go")
	return &Writer{g: g, codec: c, requests: requests, responses: responses, opts: o, done: map[string]bool{}}
}

// Operation writes op's request builder, response decoder and error
// decoder, and the decoders of the modeled errors they return.
func (w *Writer) Operation(op *plan.Operation) {
	w.request(op)
	w.response(op)
	w.errorFunc(op)
}

var errReturn = jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))

var errReturnNil = jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err()))

func docText(s string) *jen.Statement { return emit.Text(s) }
