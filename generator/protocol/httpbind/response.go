package httpbind

import (
	"net/http"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// response writes op's response decoder. The body is read (and closed)
// first, so that a bad header still leaves the connection reusable; a
// streaming payload is handed to the caller unread.
func (w *Writer) response(op *plan.Operation) {
	msg := Bind(op.Output)
	stream := msg.Payload != nil && msg.Payload.Type.Kind == plan.StreamKind
	readsBody := !stream && (msg.Payload != nil || msg.HasBody())
	var code []jen.Code
	switch {
	case readsBody:
		code = append(code, jen.List(jen.Id("body"), jen.Err()).Op(":=").Id("readBody").Call(jen.Id("resp")), errReturn)
	case !stream:
		code = append(code, jen.Id("restDrain").Call(jen.Id("resp")))
	}
	fields, fallible := w.responseFields(msg)
	if !readsBody && !stream && fallible {
		code = append(code, jen.Var().Err().Error())
	}
	code = append(code, fields...)
	if w.opts.RequestIDHeader != "" {
		code = append(code, jen.Id("v").Dot("ResultMetadata").Dot("RequestID").Op("=").Id("resp").Dot("Header").Dot("Get").Call(jen.Lit(w.opts.RequestIDHeader)))
	}
	switch {
	case stream:
		code = append(code, jen.Id("v").Dot(msg.Payload.Name).Op("=").Id("resp").Dot("Body"))
	case msg.Payload != nil:
		code = append(code, w.payloadRead(msg)...)
	case msg.HasBody():
		code = append(code, w.codec.DecodeBody(msg)...)
	}
	code = append(code, jen.Return(jen.Nil()))
	doc := op.ResponseFunc + " reads a successful " + op.Name + " response into v."
	results := jen.Error()
	if stream {
		doc += " v." + msg.Payload.Name + " is the response body, unread: the caller reads and closes it. Should the response fail to decode, the body is closed."
		results = jen.Parens(jen.Err().Error())
		code = append([]jen.Code{jen.Defer().Func().Params().Block(
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("resp").Dot("Body").Dot("Close").Call()),
		).Call()}, code...)
	}
	w.responses.Add(docText(doc))
	w.responses.Func().Id(op.ResponseFunc).Params(jen.Id("resp").Op("*").Qual("net/http", "Response"), jen.Id("v").Op("*").Id(op.Output.Name)).
		Add(results).Block(code...)
	w.responses.Line()
}

// responseFields reads the members bound to the status line and headers;
// fallible reports reads that can fail, which assign err.
func (w *Writer) responseFields(msg *Message) (code []jen.Code, fallible bool) {
	for _, b := range msg.Bindings {
		f := b.Field
		dst := jen.Id("v").Dot(f.Name)
		switch b.Location {
		case ResponseCode:
			status := emit.TypeCode(f.Type).Call(jen.Id("resp").Dot("StatusCode"))
			if f.Pointer {
				code = append(code, jen.Id("status").Op(":=").Add(status), dst.Op("=").Op("&").Id("status"))
			} else {
				code = append(code, dst.Op("=").Add(status))
			}
		case PrefixHeaders:
			code = append(code, jen.If(jen.Id("m").Op(":=").Id("restGetPrefixHeaders").Call(jen.Id("resp").Dot("Header"), jen.Lit(b.Name)),
				jen.Len(jen.Id("m")).Op(">").Lit(0)).Block(dst.Op("=").Id("m")))
		case Header:
			code = append(code, headerRead(b))
			fallible = true
		}
	}
	return code, fallible
}

// headerRead reads one @httpHeader member; an absent header leaves it
// unset.
func headerRead(b Binding) jen.Code {
	f := b.Field
	t := f.Type
	h := jen.Id("resp").Dot("Header")
	name := jen.Lit(http.CanonicalHeaderKey(b.Name))
	dst := jen.Id("v").Dot(f.Name)
	if t.Kind == plan.ListKind {
		var get jen.Code
		if t.Elem.Kind == plan.TimeKind && TimeFormat(t.Member, t.Elem.Shape, HTTPDate) == HTTPDate {
			get = jen.Id("restGetHTTPDateList").Call(h, name)
		} else {
			get = jen.Id("restGetHeaderList").Call(h, name, parser(t.Elem, t.Member))
		}
		return jen.If(jen.List(dst, jen.Err()).Op("=").Add(get), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	}
	get := jen.Id("restGetHeader").Call(h, name, parser(t, f.Member))
	if f.Pointer {
		return jen.If(jen.List(dst, jen.Err()).Op("=").Add(get), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	}
	return jen.If(jen.List(jen.Id("x"), jen.Err()).Op(":=").Add(get), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())).
		Else().If(jen.Id("x").Op("!=").Nil()).Block(dst.Op("=").Op("*").Id("x"))
}

// parser is the runtime function reading a header element of type t,
// which member m (a field's, or a list's) targets.
func parser(t *plan.Type, m *smithy.Member) jen.Code {
	switch t.Kind {
	case plan.StringKind:
		if MediaType(t.Shape) != "" {
			return jen.Id("restParseBase64")
		}
		return jen.Id("restParseString").Index(jen.String())
	case plan.EnumKind:
		return jen.Id("restParseString").Index(jen.Id(t.Name))
	case plan.BoolKind:
		return jen.Id("restParseBool")
	case plan.Float32Kind, plan.Float64Kind:
		return jen.Id("restParseFloat").Index(emit.TypeCode(t))
	case plan.TimeKind:
		switch TimeFormat(m, t.Shape, HTTPDate) {
		case DateTime:
			return jen.Id("restParseDateTime")
		case EpochSeconds:
			return jen.Id("restParseEpochSeconds")
		}
		return jen.Id("restParseHTTPDate")
	case plan.IntEnumKind:
		return jen.Id("restParseInt").Index(jen.Id(t.Name))
	}
	return jen.Id("restParseInt").Index(emit.TypeCode(t))
}

// payloadRead decodes a payload member held in memory from body.
func (w *Writer) payloadRead(msg *Message) []jen.Code {
	f := msg.Payload
	dst := jen.Id("v").Dot(f.Name)
	nonEmpty := jen.Len(jen.Id("body")).Op(">").Lit(0)
	switch f.Type.Kind {
	case plan.BlobKind:
		return []jen.Code{jen.If(nonEmpty).Block(dst.Op("=").Id("body"))}
	case plan.StringKind:
		if f.Pointer {
			return []jen.Code{jen.If(nonEmpty).Block(jen.Id("s").Op(":=").String().Call(jen.Id("body")), dst.Op("=").Op("&").Id("s"))}
		}
		return []jen.Code{jen.If(nonEmpty).Block(dst.Op("=").String().Call(jen.Id("body")))}
	case plan.EnumKind:
		return []jen.Code{jen.If(nonEmpty).Block(dst.Op("=").Id(f.Type.Name).Call(jen.Id("body")))}
	}
	return w.codec.DecodePayload(msg, f)
}

// errorFunc writes op's error decoder: the codec reads the error's code,
// message and request ID; a code that names one of the errors op can
// return decodes to it, others stay a plain *APIError, as in the SDK.
func (w *Writer) errorFunc(op *plan.Operation) {
	code := []jen.Code{jen.List(jen.Id("body"), jen.Err()).Op(":=").Id("readBody").Call(jen.Id("resp")), errReturn}
	code = append(code, w.codec.DecodeError()...)
	code = append(code, jen.Id("e").Dot("StatusCode").Op("=").Id("resp").Dot("StatusCode"))
	if w.opts.RequestIDHeader != "" {
		code = append(code, jen.If(jen.Id("e").Dot("RequestID").Op("==").Lit("")).Block(
			jen.Id("e").Dot("RequestID").Op("=").Id("resp").Dot("Header").Dot("Get").Call(jen.Lit(w.opts.RequestIDHeader))))
	}
	var cases []jen.Code
	seen := map[string]bool{}
	for _, st := range op.Errors {
		c := strings.ToLower(st.Code)
		if seen[c] {
			continue // the operation's own error comes first and keeps the code
		}
		seen[c] = true
		cases = append(cases, jen.Case(jen.Lit(c)).Block(jen.Return(jen.Id(w.modeled(st)).Call(jen.Id("e"), jen.Id("resp"), jen.Id("body")))))
	}
	if len(cases) > 0 {
		code = append(code, jen.Switch(jen.Qual("strings", "ToLower").Call(jen.Id("e").Dot("Code"))).Block(cases...))
	}
	code = append(code,
		jen.Comment("As in the AWS SDK, an error the package does not know says something."),
		jen.If(jen.Id("e").Dot("Message").Op("==").Lit("")).Block(jen.Id("e").Dot("Message").Op("=").Lit("UnknownError")),
		jen.Return(jen.Id("e")))
	apiErr := w.g.Plan.Ident("APIError")
	w.responses.Add(docText(op.ErrorFunc + " reads a failed " + op.Name + " response: one of the errors " + op.Name + " declares, wrapped in an *" + apiErr + ", else a plain *" + apiErr + "."))
	w.responses.Func().Id(op.ErrorFunc).Params(jen.Id("resp").Op("*").Qual("net/http", "Response")).Error().Block(code...)
	w.responses.Line()
}

// modeled names the function that decodes error st from a response and
// wraps it in e, writing it the first time.
func (w *Writer) modeled(st *plan.Struct) string {
	name := w.g.Plan.StructFunc("modeled", st)
	if w.done[name] {
		return name
	}
	w.done[name] = true
	msg := Bind(st)
	fields, _ := w.responseFields(msg)
	code := []jen.Code{jen.Id("v").Op(":=").Op("&").Id(st.Name).Values()}
	code = append(code, fields...)
	switch {
	case msg.Payload != nil:
		code = append(code, w.payloadRead(msg)...)
	case msg.HasBody():
		code = append(code, w.codec.DecodeBody(msg)...)
	}
	if st.Message == nil {
		// The model has no message member; the type's Message holds the
		// one the response sent.
		code = append(code, jen.If(jen.Id("e").Dot("Message").Op("!=").Lit("")).Block(
			jen.Id("v").Dot("Message").Op("=").Op("&").Id("e").Dot("Message")))
	}
	code = append(code,
		// The code the service sent, when it is not the one the type
		// reports by default.
		jen.If(jen.Id("e").Dot("Code").Op("!=").Lit(st.Code)).Block(
			jen.Id("v").Dot("ErrorCodeOverride").Op("=").Op("&").Id("e").Dot("Code")),
		jen.If(jen.Id("e").Dot("Fault").Op("==").Add(w.g.Id("FaultUnknown"))).Block(jen.Id("e").Dot("Fault").Op("=").Add(w.g.Id(st.Fault.Ident()))),
		jen.Id("e").Dot("Err").Op("=").Id("v"),
		jen.Return(jen.Id("e")),
	)
	w.responses.Add(docText(name + " decodes a " + st.Name + " from an error response into e."))
	w.responses.Func().Id(name).Params(
		jen.Id("e").Op("*").Add(w.g.Id("APIError")), jen.Id("resp").Op("*").Qual("net/http", "Response"), jen.Id("body").Index().Byte(),
	).Parens(jen.Err().Error()).Block(code...)
	w.responses.Line()
	return name
}
