package restxml

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol/httpbind"
	"github.com/smithy2go/smithy2go/generator/protocol/xmlbody"
)

// codec is restXml's body format for httpbind: XML documents written with
// runtime_xmlwrite.go and read with the pull decoder, its optional
// members' pointers taken from shared chunks (restXMLDecoder).
type codec struct {
	w   *writer
	enc *xmlbody.Encoders
	dec *xmlbody.Decoders
}

var _ httpbind.Codec = (*codec)(nil)

var errReturn = xmlbody.ErrReturn

// MediaType is XML's.
func (c *codec) MediaType() string { return "application/xml" }

// EncodeBody writes the unbound members of the input under its root
// element: the input's name, the service's namespace. The SDK sends the
// root even when no member is set.
func (c *codec) EncodeBody(msg *httpbind.Message) []jen.Code {
	st := msg.Struct
	c.enc.StructFunc(st, msg.Body)
	name, attrs := bodyRoot(st, c.w.g.Plan.Service.Traits)
	return []jen.Code{jen.Id("body").Op(":=").Id(c.w.g.Plan.StructFunc("serialize", st)).Call(
		jen.Make(jen.Index().Byte(), jen.Lit(0), jen.Lit(512)), jen.Lit(name), jen.Lit(attrs), jen.Id("v"))}
}

// EncodePayload writes a structure or union payload as the document's
// root; an unset one sends no body.
func (c *codec) EncodePayload(msg *httpbind.Message, f *plan.Field) []jen.Code {
	name, attrs := payloadRoot(f, c.w.g.Plan.Service.Traits)
	val := jen.Id("v").Dot(f.Name)
	return []jen.Code{
		jen.Var().Id("body").Index().Byte(),
		jen.If(val.Clone().Op("!=").Nil()).Block(
			jen.Id("body").Op("=").Id(c.enc.FuncFor(f.Type)).Call(jen.Make(jen.Index().Byte(), jen.Lit(0), jen.Lit(512)), jen.Lit(name), jen.Lit(attrs), val),
		),
	}
}

// start reads body into the decoder d and enters its document: the root
// element, or an error's <Error>; a blank body sets nothing.
func (c *codec) start(msg *httpbind.Message) []jen.Code {
	d := jen.Id("d").Op(":=").Id("restXMLDecoder").Values(jen.Dict{jen.Id("xmlDecoder"): jen.Id("newXMLDecoder").Call(jen.Id("body"))})
	if msg.Struct.Role == plan.Error {
		return []jen.Code{d, jen.If(jen.List(jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("startError").Call(jen.Lit(c.w.noWrapping)), jen.Op("!").Id("ok")).Block(jen.Return(jen.Err()))}
	}
	return []jen.Code{d, jen.If(jen.List(jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("start").Call(), jen.Op("!").Id("ok")).Block(jen.Return(jen.Err()))}
}

// DecodeBody reads the document's members into v: an output's from the
// root's children (whatever the root is called, as the SDK reads it), an
// error's from <Error>'s. With S3's s3UnwrappedXmlOutput the output's one
// member is the root's text.
func (c *codec) DecodeBody(msg *httpbind.Message) []jen.Code {
	st := msg.Struct
	code := append(c.error200(msg), c.start(msg)...)
	if st.Role == plan.Output && unwrappedOutput(st.Op) && len(msg.Body) == 1 {
		f := msg.Body[0]
		return append(code, c.dec.Read(f.Type, f.Member, jen.Id("v").Dot(f.Name), f.Pointer)...)
	}
	fn := c.w.g.Plan.StructFunc("deserialize", st)
	if c.dec.Once(fn) {
		c.dec.StructFunc(st, msg.Body)
	}
	return append(code, jen.If(jen.Err().Op(":=").Id(fn).Call(jen.Op("&").Id("d"), jen.Id("v")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())))
}

// DecodePayload reads a structure or union payload from the document's
// root element.
func (c *codec) DecodePayload(msg *httpbind.Message, f *plan.Field) []jen.Code {
	code := append(c.error200(msg), c.start(msg)...)
	dst := jen.Id("v").Dot(f.Name)
	if f.Type.Kind == plan.UnionKind {
		return append(code,
			jen.List(jen.Id("x"), jen.Err()).Op(":=").Id(c.dec.FuncFor(f.Type)).Call(jen.Op("&").Id("d")),
			errReturn,
			dst.Op("=").Id("x"))
	}
	return append(code,
		jen.Id("x").Op(":=").Op("&").Id(f.Type.Name).Values(),
		jen.If(jen.Err().Op(":=").Id(c.dec.FuncFor(f.Type)).Call(jen.Op("&").Id("d"), jen.Id("x")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		dst.Op("=").Id("x"))
}

// s3Error200 are S3's operations that can answer 200 OK and fail in the
// body.
var s3Error200 = map[string]bool{"CopyObject": true, "UploadPartCopy": true, "CompleteMultipartUpload": true}

// error200 checks, for S3's operations that can, for an error in a 200
// answer's body.
func (c *codec) error200(msg *httpbind.Message) []jen.Code {
	st := msg.Struct
	if !c.w.s3 || st.Role != plan.Output || !s3Error200[st.Op.Shape.ID.Name()] {
		return nil
	}
	return []jen.Code{jen.If(jen.Err().Op(":=").Id("restS3Error200").Call(jen.Id("resp"), jen.Id("body"), jen.Id(st.Op.ErrorFunc)), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))}
}

// DecodeError reads the error's code, message and request ID from the
// <ErrorResponse> (or, with noErrorWrapping, <Error>) document; S3's
// errors without a code take one from the status.
func (c *codec) DecodeError() []jen.Code {
	return []jen.Code{
		jen.List(jen.Id("e"), jen.Err()).Op(":=").Id("restXMLResponseError").Call(jen.Id("resp"), jen.Id("body"), jen.Lit(c.w.noWrapping), jen.Lit(c.w.s3)),
		errReturn,
	}
}

// contentLength makes a member bound to the Content-Length header (S3's
// PutObject and UploadPart have one) the length of the request's stream,
// which net/http sends (it ignores the header map's): a stream that cannot
// say its length is then sent whole, not chunked, as the AWS SDK sends it.
// Without a stream there is no body, whatever the member says.
func contentLength(op *plan.Operation) []jen.Code {
	msg := httpbind.Bind(op.Input)
	for _, b := range msg.Of(httpbind.Header) {
		if lengthOfStream(op, b) {
			return []jen.Code{
				jen.If(jen.Id("v").Dot(b.Field.Name).Op("!=").Nil().Op("&&").Id("v").Dot(msg.Payload.Name).Op("!=").Nil()).Block(
					jen.Id("req").Dot("ContentLength").Op("=").Int64().Call(jen.Op("*").Id("v").Dot(b.Field.Name))),
			}
		}
	}
	return nil
}

// lengthOfStream reports that b binds the Content-Length header of an
// input whose payload is a stream: contentLength sends it, as the
// request's length, not as a header.
func lengthOfStream(op *plan.Operation, b httpbind.Binding) bool {
	f := b.Field
	if b.Location != httpbind.Header || !strings.EqualFold(b.Name, "Content-Length") || !f.Pointer || !f.Type.IsInteger() {
		return false
	}
	p := httpbind.Bind(op.Input).Payload // only for the rare header that may be the length
	return p != nil && p.Type.Kind == plan.StreamKind
}

// customize ends the request builders: S3's whose path starts with the
// bucket drop it (the endpoint carries it); a Content-Length member is
// the request's length (contentLength); operations with the
// aws.protocols#httpChecksum trait get the checksum header of a body held
// in memory (streams' checksums, sent as trailers, are the client's).
func (w *writer) customize(op *plan.Operation, inMemory bool) []jen.Code {
	var code []jen.Code
	if f := leadingBucket(w, op); f != nil {
		val := jen.Id("v").Dot(f.Name)
		if f.Pointer {
			val = jen.Op("*").Add(val)
		}
		code = append(code, jen.Id("restDropBucket").Call(jen.Id("req").Dot("URL"), val))
	}
	code = append(code, contentLength(op)...)
	if msg := httpbind.Bind(op.Input); !inMemory && op.Shape.Traits.Has("smithy.api#httpChecksumRequired") &&
		(msg.Payload == nil || msg.Payload.Type.Kind != plan.StreamKind) {
		// A request without a body still carries the MD5 of none, as
		// httpbind's golden requests have it (httpbind sets it only for
		// a body in memory).
		code = append(code, jen.Id("restSetContentMD5").Call(jen.Id("req"), jen.Nil()))
	}
	n, ok := op.Shape.Traits.Get("aws.protocols#httpChecksum")
	if !ok || !inMemory {
		return code
	}
	required, _ := n.Get("requestChecksumRequired")
	algorithm := jen.Lit("")
	if m, _ := n.Get("requestAlgorithmMember"); m.String() != "" {
		for _, f := range op.Input.Fields {
			// The algorithm member is an enum (S3's ChecksumAlgorithm).
			if f.Member.Name == m.String() && f.Type.Kind == plan.EnumKind {
				algorithm = jen.String().Call(jen.Id("v").Dot(f.Name))
			}
		}
	}
	return append(code, jen.If(jen.Err().Op(":=").Id("restFlexibleChecksum").Call(jen.Id("req"), jen.Id("body"), algorithm, jen.Lit(required.Bool)),
		jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())))
}
