// Package restjson writes the wire code of restJson1: HTTP binding traits
// (package httpbind) around JSON bodies (package jsonbody), which honour
// @jsonName. Errors name their type in the X-Amzn-Errortype header or the
// body's "code" or "__type"; responses carry the request ID in
// X-Amzn-Requestid.
package restjson

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol/httpbind"
	"github.com/smithy2go/smithy2go/generator/protocol/jsonbody"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Protocol is the restJson1 plug-in.
type Protocol struct{}

// RestJSON1 is the plug-in, checked against the interface at compile time.
var RestJSON1 emit.Protocol = Protocol{}

// requestIDHeader carries the request ID in responses.
const requestIDHeader = "X-Amzn-Requestid"

// mediaType is the Content-Type of JSON bodies and payloads.
const mediaType = "application/json"

// Trait is aws.protocols#restJson1.
func (Protocol) Trait() smithy.ShapeID { return "aws.protocols#restJson1" }

// Reserved is empty: the wire code adds no exported names.
func (Protocol) Reserved() plan.Reserved { return plan.Reserved{} }

// StreamsBlobs reports that streaming blob payloads are carried.
func (Protocol) StreamsBlobs() bool { return true }

// Supports accepts what the HTTP bindings can carry: JSON bodies carry
// every shape.
func (Protocol) Supports(_ *plan.Plan, op *plan.Operation) string {
	if why := httpbind.Supports(op); why != "" {
		return why
	}
	return ""
}

// Emit writes serializers.go and deserializers.go: each operation's
// request builder, response and error decoders, and the JSON body code
// they call.
func (Protocol) Emit(g *emit.Generator) error {
	g.UseRuntime("runtime_jsonerror.go", "runtime_jsonbody.go")
	ser, de := g.GoFile("serializers.go"), g.GoFile("deserializers.go")
	json := jsonbody.New(g, ser, de, jsonbody.Options{JSONName: true})
	svc := service(g.Plan.Service, g.Plan.Version)
	if svc.glacier {
		g.UseRuntime("runtime_glacier.go")
	}
	w := httpbind.New(g, ser, de, &codec{g: g, json: json}, httpbind.Options{
		RequestIDHeader: requestIDHeader,
		Prepare:         svc.prepare,
		Customize:       svc.customize,
	})
	for _, op := range g.Wired() {
		w.Operation(op)
	}
	json.Finish()
	return nil
}

// codec is restJson1's body format for httpbind.
type codec struct {
	g    *emit.Generator
	json *jsonbody.Codec
}

func (c *codec) MediaType() string { return mediaType }

// EncodeBody writes the object of the unbound members; an input whose
// members are all unset still sends {}.
func (c *codec) EncodeBody(msg *httpbind.Message) []jen.Code {
	fn := c.json.WriteBody(msg.Struct, msg.Body)
	return []jen.Code{
		jen.List(jen.Id("body"), jen.Err()).Op(":=").Id(fn).Call(jen.Nil(), jen.Id("v")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
	}
}

// EncodePayload writes a structure, union or document payload. An unset
// structure sends {}, an unset union or document no body, as the
// restJson1 suite has it.
func (c *codec) EncodePayload(msg *httpbind.Message, f *plan.Field) []jen.Code {
	val := jen.Id("v").Dot(f.Name)
	var write jen.Code
	fails := true
	switch f.Type.Kind {
	case plan.DocumentKind:
		write = jen.Id("jsonDocument").Call(jen.Nil(), val)
	default:
		write = jen.Id(c.json.WriteValue(f.Type)).Call(jen.Nil(), val)
		fails = c.json.Fails(f.Type)
	}
	start := jen.Var().Id("body").Index().Byte()
	if f.Type.Kind == plan.StructKind {
		start = jen.Id("body").Op(":=").Index().Byte().Call(jen.Lit("{}"))
	}
	set := []jen.Code{jen.Id("body").Op("=").Add(write)}
	if fails {
		set = []jen.Code{
			jen.If(jen.List(jen.Id("body"), jen.Err()).Op("=").Add(write), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		}
	}
	return []jen.Code{start, jen.If(val.Clone().Op("!=").Nil()).Block(set...)}
}

// DecodeBody reads the object of the unbound members; an empty body reads
// as {}, so that defaults are filled in.
func (c *codec) DecodeBody(msg *httpbind.Message) []jen.Code {
	fn := c.json.ReadBody(msg.Struct, msg.Body)
	return []jen.Code{
		jen.Id("d").Op(":=").Id("jsonBodyDecoder").Call(jen.Id("body")),
		jen.Id(fn).Call(jen.Op("&").Id("d"), jen.Id("v")),
		jen.If(jen.Err().Op(":=").Id("d").Dot("end").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
	}
}

// readJSON runs read over a non-empty body and returns its first error.
func readJSON(read ...jen.Code) []jen.Code {
	body := []jen.Code{jen.Id("d").Op(":=").Id("jsonDecoder").Values(jen.Dict{jen.Id("data"): jen.Id("body")})}
	body = append(body, read...)
	body = append(body, jen.If(jen.Err().Op(":=").Id("d").Dot("end").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())))
	return []jen.Code{jen.If(jen.Len(jen.Id("body")).Op(">").Lit(0)).Block(body...)}
}

// DecodePayload reads a structure, union or document payload; an empty
// body leaves it unset.
func (c *codec) DecodePayload(msg *httpbind.Message, f *plan.Field) []jen.Code {
	dst := jen.Id("v").Dot(f.Name)
	switch f.Type.Kind {
	case plan.DocumentKind:
		return readJSON(dst.Op("=").Id("d").Dot("document").Call())
	case plan.StructKind:
		return readJSON(
			jen.Id("x").Op(":=").Op("&").Id(f.Type.Name).Values(),
			jen.Id(c.json.ReadValue(f.Type)).Call(jen.Op("&").Id("d"), jen.Id("x")),
			dst.Op("=").Id("x"),
		)
	}
	return readJSON(dst.Op("=").Id(c.json.ReadValue(f.Type)).Call(jen.Op("&").Id("d")))
}

// DecodeError reads the error's type from X-Amzn-Errortype or the body,
// and its message; as in the AWS SDK the type is "UnknownError" when the
// response does not say.
func (c *codec) DecodeError() []jen.Code {
	return []jen.Code{
		jen.List(jen.Id("code"), jen.Id("msg")).Op(":=").Id("jsonErrorInfo").Call(jen.Id("resp").Dot("Header"), jen.Id("body")),
		jen.If(jen.Id("code").Op("==").Lit("")).Block(jen.Id("code").Op("=").Lit("UnknownError")),
		jen.Id("e").Op(":=").Op("&").Add(c.g.Id("APIError")).Values(jen.Dict{jen.Id("Code"): jen.Id("code"), jen.Id("Message"): jen.Id("msg")}),
	}
}
