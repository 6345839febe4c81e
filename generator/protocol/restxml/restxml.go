// Package restxml writes the wire code of the AWS restXml protocol: HTTP
// bindings (URI labels, query, headers, payload, status code) around XML
// bodies, and errors as XML documents, wrapped in <ErrorResponse> or, with
// the noErrorWrapping setting (S3), not.
package restxml

import (
	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol/httpbind"
	"github.com/smithy2go/smithy2go/generator/protocol/xmlbody"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Protocol is the restXml plug-in.
type Protocol struct{}

// RestXML is the plug-in, checked against the interface at compile time.
var RestXML emit.Protocol = Protocol{}

// Trait is aws.protocols#restXml.
func (Protocol) Trait() smithy.ShapeID { return "aws.protocols#restXml" }

// Reserved: restXml declares nothing beside the model's shapes that users
// see; its functions are unexported.
func (Protocol) Reserved() plan.Reserved { return plan.Reserved{} }

// Supports reports whether restXml can carry an operation, and why not:
// what the HTTP bindings need, and no documents (restXml defines none).
func (Protocol) Supports(p *plan.Plan, op *plan.Operation) string {
	if why := httpbind.Supports(op); why != "" {
		return why
	}
	document := func(t *plan.Type) bool { return t.Kind == plan.DocumentKind }
	for _, st := range append([]*plan.Struct{op.Input, op.Output}, op.Errors...) {
		for _, f := range st.Fields {
			if plan.Find(f.Type, document) != nil {
				return "member " + f.Name + " of " + st.Name + ": documents are not defined for restXml"
			}
		}
	}
	return ""
}

// StreamsBlobs: restXml sends a streaming blob payload as it is read.
func (Protocol) StreamsBlobs() bool { return true }

// TestKit tells generated tests how to check the wire code: requests as
// HTTP messages in text, bodies compared as XML trees, both written by the
// oracle in oracle.go.
func (Protocol) TestKit() emit.TestKit {
	return emit.TestKit{
		Request:      goldenRequest,
		RequestExt:   ".http",
		CheckRequest: "checkRESTXMLRequest",
		Response:     goldenResponse,
		ResponseExt:  ".body",
		ErrorSeeds: []emit.Response{
			{Status: 400, Body: []byte("<ErrorResponse><Error><Type>Sender</Type><Code>X</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>")},
			{Status: 404, Body: []byte("<Error><Code>NoSuchKey</Code><Message>m</Message><RequestId>r</RequestId></Error>")},
		},
		Runtime:  []string{"runtime_restxmltest_test.go"},
		Endpoint: complianceEndpoint,
		Skips: map[string]string{
			"response HttpPrefixHeadersAreNotPresent": "httpbind leaves an @httpPrefixHeaders map nil when no response header has the prefix, as the AWS SDK does; the response case wants an empty map (the wire is the same)",
		},
	}
}

// complianceEndpoint is the endpoint a compliance case's request is built
// for. S3's requests go to the endpoint its rules resolve, which carries
// the bucket (the request builder leaves it out of the path, as the SDK
// does): in the host, the case's resolvedHost, for virtual-hosted
// addressing; as the path for path-style addressing, which the case's
// configuration asks for (the operation's setting over the client's).
// Resolving it is the endpoint resolver's job, not the wire code's.
func complianceEndpoint(op *plan.Operation, c smithy.Node) string {
	get := func(n smithy.Node, path ...string) smithy.Node {
		for _, k := range path {
			n, _ = n.Get(k)
		}
		return n
	}
	host := get(c, "host").String()
	if host == "" {
		host = "example.com"
	}
	if !isS3(op.Service()) {
		return "https://" + host
	}
	if r := get(c, "resolvedHost").String(); r != "" {
		host = r
	}
	style := get(c, "vendorParams", "scopedConfig", "operation", "s3", "addressing_style").String()
	if style == "" {
		style = get(c, "vendorParams", "scopedConfig", "client", "s3", "addressing_style").String()
	}
	if style == "path" {
		return "https://" + host + "/" + escape(get(c, "params", "Bucket").String())
	}
	return "https://" + host
}

// Emit writes serializers.go and deserializers.go: httpbind's request
// builders and response and error decoders, with the XML codec's
// functions beside them.
func (p Protocol) Emit(g *emit.Generator) error {
	g.UseRuntime("runtime_restxml.go", "runtime_xmlwrite.go")
	w := &writer{g: g, s3: isS3(g.Plan.Service), noWrapping: noErrorWrapping(g.Plan.Service)}
	requests, responses := g.GoFile("serializers.go"), g.GoFile("deserializers.go")
	c := &codec{w: w, enc: xmlbody.NewEncoders(g, requests), dec: xmlbody.NewDecoders(g, responses, "restXMLDecoder", true)}
	hw := httpbind.New(g, requests, responses, c, httpbind.Options{RequestIDHeader: w.requestIDHeader(), Customize: w.customize, SentOtherwise: lengthOfStream})
	for _, op := range g.Wired() {
		hw.Operation(op)
	}
	c.enc.Flush()
	c.dec.Flush()
	return nil
}

type writer struct {
	g *emit.Generator
	// s3 selects S3's customizations: no {Bucket} in paths (the endpoint
	// carries it), x-amz-request-id, error codes from the status of a
	// response without a body.
	s3 bool
	// noWrapping: errors are <Error> documents, not <ErrorResponse>.
	noWrapping bool
}

// isS3 reports whether svc is Amazon S3, by its SDK ID.
func isS3(svc *smithy.Shape) bool {
	n, _ := svc.Traits.Get("aws.api#service")
	id, _ := n.Get("sdkId")
	return id.String() == "S3"
}

// noErrorWrapping reads the restXml trait's setting.
func noErrorWrapping(svc *smithy.Shape) bool {
	n, _ := svc.Traits.Get("aws.protocols#restXml")
	v, _ := n.Get("noErrorWrapping")
	return v.Bool
}

// requestIDHeader is the header that carries the request ID.
func (w *writer) requestIDHeader() string { return requestIDHeader(w.s3) }

func requestIDHeader(s3 bool) string {
	if s3 {
		return "X-Amz-Request-Id"
	}
	return "X-Amzn-Requestid"
}

// leadingBucket is the input's Bucket member when op is S3's and its path
// starts with {Bucket}, else nil.
func leadingBucket(w *writer, op *plan.Operation) *plan.Field {
	if !w.s3 {
		return nil
	}
	r, err := httpbind.RouteOf(op.Shape)
	if err != nil || len(r.Segments) < 2 || r.Segments[0].Literal != "/" || r.Segments[1].Label != "Bucket" {
		return nil
	}
	for _, f := range op.Input.Fields {
		if f.Member.Name == "Bucket" {
			return f
		}
	}
	return nil
}

// bodyRoot is the root element of a body made of members: the input or
// output structure's name, with its namespace or else the service's.
func bodyRoot(st *plan.Struct, svc smithy.Traits) (name, attrs string) {
	name = st.Shape.ID.Name()
	if n, ok := st.Shape.Traits.XMLName(); ok {
		name = n
	}
	attrs = xmlbody.Namespace(st.Shape.Traits)
	if attrs == "" {
		attrs = xmlbody.Namespace(svc)
	}
	return name, attrs
}

// payloadRoot is the root element of a structure or union payload: named
// by the member's xmlName, else the target's, else the target's name; the
// namespace is the member's, else the target's, else the service's.
func payloadRoot(f *plan.Field, svc smithy.Traits) (name, attrs string) {
	name = f.Type.Shape.ID.Name()
	if n, ok := f.Type.Shape.Traits.XMLName(); ok {
		name = n
	}
	if n, ok := f.Member.Traits.XMLName(); ok {
		name = n
	}
	for _, t := range []smithy.Traits{f.Member.Traits, f.Type.Shape.Traits, svc} {
		if attrs = xmlbody.Namespace(t); attrs != "" {
			break
		}
	}
	return name, attrs
}

// unwrappedOutput reports S3's s3UnwrappedXmlOutput: the output's one
// member is the text of the document's root (GetBucketLocation).
func unwrappedOutput(op *plan.Operation) bool {
	return op.Shape.Traits.Has("aws.customizations#s3UnwrappedXmlOutput")
}
