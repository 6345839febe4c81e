// Package restxml writes the wire code of the AWS restXml protocol: HTTP
// bindings (URI labels, query, headers, payload, status code) around XML
// bodies, and errors as XML documents, wrapped in <ErrorResponse> or, with
// the noErrorWrapping setting (S3), not.
package restxml

import (
	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
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

// Supports reports whether restXml can carry an operation, and why not.
func (Protocol) Supports(p *plan.Plan, op *plan.Operation) string {
	if _, ok := op.Shape.Traits.Get(traitHTTP); !ok {
		return "the operation has no @http trait"
	}
	seen := map[*plan.Type]bool{}
	var bad func(t *plan.Type) string
	bad = func(t *plan.Type) string {
		if seen[t] {
			return ""
		}
		seen[t] = true
		switch {
		case t.Kind == plan.DocumentKind:
			return "documents are not defined for restXml"
		case t.Struct != nil:
			for _, f := range t.Struct.Fields {
				if why := bad(f.Type); why != "" {
					return why
				}
			}
		case t.Union != nil:
			for _, v := range t.Union.Variants {
				if why := bad(v.Field.Type); why != "" {
					return why
				}
			}
		case t.Elem != nil:
			return bad(t.Elem)
		}
		return ""
	}
	structs := append([]*plan.Struct{op.Input, op.Output}, op.Errors...)
	for _, st := range structs {
		for _, f := range st.Fields {
			if why := bad(f.Type); why != "" {
				return "member " + f.Name + " of " + st.Name + ": " + why
			}
			if b := bindingOf(f); b.loc == inPrefixHeaders && (f.Type.Kind != plan.MapKind || f.Type.Elem.Kind != plan.StringKind) {
				return "member " + f.Name + " of " + st.Name + ": @httpPrefixHeaders on a map of other than strings"
			}
		}
	}
	return ""
}

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

// Emit writes serializers.go and deserializers.go.
func (p Protocol) Emit(g *emit.Generator) error {
	g.UseRuntime("runtime_restxml.go", "runtime_rest.go", "runtime_xmlwrite.go", "runtime_body.go", "runtime_metadata.go")
	w := &writer{g: g}
	w.s3 = isS3(g.Plan.Service)
	w.noWrapping = noErrorWrapping(g.Plan.Service)
	if err := w.serializers(); err != nil {
		return err
	}
	w.deserializers()
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
func (w *writer) requestIDHeader() string {
	if w.s3 {
		return "X-Amz-Request-Id"
	}
	return "X-Amzn-Requestid"
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
