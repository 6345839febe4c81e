package query

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol/xmlbody"
)

// deserializers writes deserializers.go: UnmarshalResponse on every
// output, UnmarshalError, each operation's response and error decoders, and
// one decoding function per structure, collection and union, walking the
// document with the runtime's pull decoder. Element names match
// case-insensitively, as in the AWS SDK.
func (w *writer) deserializers() {
	f := w.g.GoFile("deserializers.go")
	d := &deserializer{w: w, f: f, Decoders: xmlbody.NewDecoders(w.g, f, "xmlDecoder", false)}
	w.g.UseRuntime("runtime_body.go")
	for _, op := range w.g.Wired() {
		d.unmarshal(op)
		d.response(op)
		d.operationError(op)
	}
	d.unmarshalError()
	d.Flush()
}

// deserializer adds the query protocols' documents and errors to the XML
// body decoders.
type deserializer struct {
	*xmlbody.Decoders
	w *writer
	f *jen.File
}

var errReturn = xmlbody.ErrReturn

func (d *deserializer) unmarshal(op *plan.Operation) {
	st := op.Output
	wrapper := op.Shape.ID.Name() + "Response"
	fn := d.w.g.Plan.StructFunc("deserialize", st)
	var body []jen.Code
	body = append(body,
		jen.Comment("An empty body carries no members; the AWS SDK accepts it too."),
		jen.If(jen.Len(jen.Qual("bytes", "TrimSpace").Call(jen.Id("body"))).Op("==").Lit(0)).Block(jen.Return(jen.Nil())),
		jen.Id("d").Op(":=").Id("newXMLDecoder").Call(jen.Id("body")),
		jen.List(jen.Id("name"), jen.Err()).Op(":=").Id("d").Dot("root").Call(),
		errReturn,
		jen.If(jen.Op("!").Qual("bytes", "EqualFold").Call(jen.Id("name"), jen.Index().Byte().Call(jen.Lit(wrapper)))).Block(
			jen.Return(jen.Qual("errors", "New").Call(jen.Lit("unexpected response element <").Op("+").String().Call(jen.Id("name")).Op("+").Lit(">, want <"+wrapper+">"))),
		),
	)
	if d.w.d.EC2 {
		body = append(body, jen.Return(jen.Id(fn).Call(jen.Op("&").Id("d"), jen.Id("v"))))
	} else {
		// awsQuery: <OpResponse><OpResult>…</OpResult><ResponseMetadata><RequestId>.
		body = append(body, jen.For().Block(
			jen.List(jen.Id("name"), jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("nextFold").Call(),
			errReturn,
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Nil())),
			jen.Switch(jen.String().Call(jen.Id("name"))).Block(
				jen.Case(jen.Lit(strings.ToLower(op.Shape.ID.Name()+"Result"))).Block(
					jen.If(jen.Err().Op(":=").Id(fn).Call(jen.Op("&").Id("d"), jen.Id("v")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				),
				jen.Case(jen.Lit("responsemetadata")).Block(
					jen.If(jen.Err().Op(":=").Id("deserializeResponseMetadata").Call(jen.Op("&").Id("d"), jen.Op("&").Id("v").Dot("ResultMetadata")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				),
				jen.Default().Block(jen.If(jen.Err().Op(":=").Id("d").Dot("skip").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))),
			),
		))
		d.responseMetadataFunc()
	}
	d.f.Add(emit.Text("UnmarshalResponse decodes a " + wrapper + " document into v. Element names match case-insensitively, as in the AWS SDK."))
	d.f.Func().Params(jen.Id("v").Op("*").Id(st.Name)).Id("UnmarshalResponse").Params(jen.Id("body").Index().Byte()).Error().Block(body...)
	d.f.Line()
	var extra []xmlbody.Case
	if d.w.d.EC2 {
		extra = append(extra, xmlbody.Case{Label: "requestid", Body: []jen.Code{
			jen.List(jen.Id("s"), jen.Err()).Op(":=").Id("d").Dot("string").Call(),
			errReturn,
			jen.Id("v").Dot("ResultMetadata").Dot("RequestID").Op("=").Id("s"),
		}})
	}
	d.StructFunc(st, st.Fields, extra...)
}

// response writes the operation's response decoder.
func (d *deserializer) response(op *plan.Operation) {
	d.f.Add(emit.Text(op.ResponseFunc + " reads a successful " + op.Name + " response into v."))
	d.f.Func().Id(op.ResponseFunc).Params(jen.Id("resp").Op("*").Qual("net/http", "Response"), jen.Id("v").Op("*").Id(op.Output.Name)).Error().Block(
		jen.List(jen.Id("body"), jen.Err()).Op(":=").Id("readBody").Call(jen.Id("resp")),
		errReturn,
		jen.Return(jen.Id("v").Dot("UnmarshalResponse").Call(jen.Id("body"))),
	)
	d.f.Line()
}

func (d *deserializer) responseMetadataFunc() {
	if !d.Once("#metadata") {
		return
	}
	d.f.Func().Id("deserializeResponseMetadata").Params(jen.Id("d").Op("*").Id("xmlDecoder"), jen.Id("v").Op("*").Add(d.w.g.Id("ResponseMetadata"))).Error().Block(
		xmlbody.ChildLoop(jen.Case(jen.Lit("requestid")).Block(
			jen.List(jen.Id("s"), jen.Err()).Op(":=").Id("d").Dot("string").Call(),
			errReturn,
			jen.Id("v").Dot("RequestID").Op("=").Id("s"),
		))...,
	)
	d.f.Line()
}
