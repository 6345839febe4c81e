package plan

import "github.com/smithy2go/smithy2go/generator/smithy"

// Protocol is what planning needs to know of a wire protocol. The protocol
// plug-ins implement it, as part of emit.Protocol; plan never names one.
type Protocol interface {
	// Trait is the protocol trait a service carries to speak it.
	Trait() smithy.ShapeID
	// Reserved lists the identifiers the protocol's code declares.
	Reserved() Reserved
	// Supports says why the protocol cannot carry op, or "" when it can.
	// It runs once, on a fully planned operation.
	Supports(p *Plan, op *Operation) string
}

// Reserved lists identifiers that generated code adds beside the model's.
type Reserved struct {
	// Package are exported package-level names, such as a decoding
	// function. They yield to model names: a shape of the same name keeps
	// it and the protocol's declaration is renamed (see Plan.Ident).
	Package []string
	// Input, Output and Error are method names the protocol adds to
	// operation inputs, outputs and error structs; fields of the same
	// name get a trailing underscore, as the methods are the API.
	Input, Output, Error []string
}

// Streamer is a Protocol that carries streaming blobs: a blob with
// @streaming, which the HTTP binding protocols send as the @httpPayload
// without holding it in memory. For other protocols an operation with one
// gets no wire code.
type Streamer interface {
	StreamsBlobs() bool
}

// ErrorCoder is a Protocol that names its errors on the wire by something
// other than their shape names: ErrorCode gives the code of error shape
// errShape of service svc. Without it, the code is the shape's name.
type ErrorCoder interface {
	ErrorCode(svc, errShape *smithy.Shape) string
}

// OptionalMembers is a Protocol under which some services treat every
// member as optional, whatever defaults their model gives: their members
// are all pointers, as in the AWS SDK.
type OptionalMembers interface {
	AllMembersOptional(svc *smithy.Shape) bool
}
