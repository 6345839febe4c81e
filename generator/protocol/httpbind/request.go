package httpbind

import (
	"net/http"
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
)

// request writes op's request builder: tokens filled, labels checked, the
// path, query and headers built, the request made, then the body.
func (w *Writer) request(op *plan.Operation) {
	route, _ := RouteOf(op.Shape) // Supports has checked it
	msg := Bind(op.Input)
	var body []jen.Code
	if w.opts.Prepare != nil {
		body = append(body, w.opts.Prepare(op)...)
	}
	body = append(body, w.tokens(op.Input)...)
	body = append(body, labelChecks(msg)...)
	prefix, checks := emit.HostPrefix(op)
	body = append(body, checks...)
	p, q, build := w.pathAndQuery(route, msg)
	body = append(body, build...)
	// The headers go first, so that the request's header map is made
	// for them.
	headers := w.headers(op, msg)
	body = append(body, headers...)
	hw := jen.Nil()
	if len(headers) > 0 {
		hw = jen.Op("&").Id("hw")
	}
	args := []jen.Code{jen.Id("ctx"), jen.Lit(route.Method), jen.Id("endpoint"), prefix, p, q, hw}
	inMemory, sent, rest := w.requestBody(op, msg)
	if w.opts.Customize != nil {
		rest = append(rest, w.opts.Customize(op, inMemory)...)
	}
	switch {
	case len(rest) == 0:
		body = append(body, jen.Return(jen.Id("newRestRequest").Call(args...)))
	case sent:
		// The body setters take the parts the request points to.
		args = append(args, payloadUnset(msg.Payload))
		body = append(body, jen.List(jen.Id("req"), jen.Id("parts"), jen.Err()).Op(":=").Id("newRestBodyRequest").Call(args...))
	default:
		body = append(body, jen.List(jen.Id("req"), jen.Err()).Op(":=").Id("newRestRequest").Call(args...))
	}
	if len(rest) > 0 {
		body = append(body, errReturnNil)
		body = append(body, rest...)
		if sent {
			body = append(body, jen.Return(jen.Id("restSent").Call(jen.Id("req"), jen.Id("parts")), jen.Nil()))
		} else {
			body = append(body, jen.Return(jen.Id("req"), jen.Nil()))
		}
	}
	w.requests.Add(docText(op.RequestFunc + " builds the request that sends " + op.Name + " to endpoint, without validating v."))
	w.requests.Func().Id(op.RequestFunc).Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("v").Op("*").Id(op.Input.Name), jen.Id("endpoint").String(),
	).Params(jen.Op("*").Qual("net/http", "Request"), jen.Error()).Block(body...)
	w.requests.Line()
}

// tokens fills unset idempotency tokens with random UUIDs, as the AWS SDK
// does, keeping them in v so a retry sends the same one.
func (w *Writer) tokens(st *plan.Struct) []jen.Code {
	var out []jen.Code
	for _, f := range st.Fields {
		if !f.Member.Traits.IdempotencyToken() || !f.Pointer || f.Type.Kind != plan.StringKind {
			continue
		}
		w.g.UseRuntime("runtime_uuid.go")
		out = append(out, jen.If(jen.Id("v").Dot(f.Name).Op("==").Nil()).Block(
			jen.List(jen.Id("t"), jen.Err()).Op(":=").Id("newIdempotencyToken").Call(),
			errReturnNil,
			jen.Id("v").Dot(f.Name).Op("=").Op("&").Id("t"),
		))
	}
	return out
}

// labelChecks refuse labels that are unset or empty: there is no path
// without them.
func labelChecks(msg *Message) []jen.Code {
	var out []jen.Code
	for _, b := range msg.Of(Label) {
		f := b.Field
		val := jen.Id("v").Dot(f.Name)
		var cond *jen.Statement
		switch {
		case f.Pointer && f.Type.Kind == plan.StringKind:
			cond = val.Clone().Op("==").Nil().Op("||").Op("*").Add(val.Clone()).Op("==").Lit("")
		case f.Pointer:
			cond = val.Clone().Op("==").Nil()
		case f.Type.Kind == plan.StringKind || f.Type.Kind == plan.EnumKind:
			cond = val.Clone().Op("==").Lit("")
		default:
			continue
		}
		out = append(out, jen.If(cond).Block(jen.Return(jen.Nil(), jen.Op("&").Id("restLabelError").Values(jen.Dict{jen.Id("Member"): jen.Lit(f.Name)}))))
	}
	return out
}

// pathAndQuery returns the path and query arguments of newRestRequest and
// the statements building them in stack buffers.
func (w *Writer) pathAndQuery(route Route, msg *Message) (p, q jen.Code, code []jen.Code) {
	labels := map[string]Binding{}
	for _, b := range msg.Of(Label) {
		labels[b.Name] = b
	}
	hasLabel := slices.ContainsFunc(route.Segments, func(s Segment) bool { return s.Label != "" })
	queries := append(msg.Of(Query), msg.Of(QueryParams)...)
	var bufs []jen.Code
	if hasLabel {
		bufs = append(bufs, jen.Id("pbuf"))
	}
	if len(queries) > 0 {
		bufs = append(bufs, jen.Id("qbuf"))
	}
	if len(bufs) > 0 {
		code = append(code, jen.Var().List(bufs...).Index(jen.Lit(128)).Byte())
	}
	if hasLabel {
		first := true
		for _, s := range route.Segments {
			var dst jen.Code = jen.Id("p")
			if first {
				dst = jen.Id("pbuf").Index(jen.Op(":").Lit(0))
			}
			var stmt jen.Code
			if s.Label == "" {
				stmt = jen.Append(dst, jen.Lit(s.Literal).Op("..."))
			} else {
				stmt = labelValue(dst, labels[s.Label], s.Greedy)
			}
			if first {
				code = append(code, jen.Id("p").Op(":=").Add(stmt))
			} else {
				code = append(code, jen.Id("p").Op("=").Add(stmt))
			}
			first = false
		}
		p = jen.Id("p")
	} else {
		path := ""
		for _, s := range route.Segments {
			path += s.Literal
		}
		p = jen.Index().Byte().Call(jen.Lit(path))
	}
	switch {
	case len(queries) > 0:
		start := jen.Id("qbuf").Index(jen.Op(":").Lit(0))
		if route.Query != "" {
			start = jen.Append(start, jen.Lit(route.Query).Op("..."))
		}
		code = append(code, jen.Id("q").Op(":=").Add(start))
		for _, b := range queries {
			code = append(code, queryMember(b)...)
		}
		q = jen.Id("q")
	case route.Query != "":
		q = jen.Index().Byte().Call(jen.Lit(route.Query))
	default:
		q = jen.Nil()
	}
	return p, q, code
}

// labelValue appends a label's value to dst.
func labelValue(dst jen.Code, b Binding, greedy bool) jen.Code {
	f := b.Field
	v := jen.Id("v").Dot(f.Name)
	if f.Pointer {
		v = jen.Op("*").Add(v)
	}
	switch f.Type.Kind {
	case plan.StringKind:
		return jen.Id("restLabel").Call(dst, v, jen.Lit(greedy))
	case plan.EnumKind:
		return jen.Id("restLabel").Call(dst, jen.String().Call(v), jen.Lit(greedy))
	case plan.BoolKind:
		return jen.Qual("strconv", "AppendBool").Call(dst, v)
	case plan.Float32Kind, plan.Float64Kind:
		return jen.Id("restFloat").Call(dst, v)
	case plan.TimeKind:
		return jen.Id("restLabelTime").Call(dst, v, jen.Id(TimeFormat(f.Member, f.Type.Shape, DateTime)))
	}
	return jen.Qual("strconv", "AppendInt").Call(dst, jen.Int64().Call(v), jen.Lit(10))
}

// isSet is the condition under which a member is sent (nil when always):
// pointers and collections when not nil, enums when not empty, numbers
// and booleans held by value when not zero, unless required.
func isSet(f *plan.Field) *jen.Statement {
	v := jen.Id("v").Dot(f.Name)
	switch {
	case f.Pointer, f.Type.Nilable():
		return v.Op("!=").Nil()
	case f.Type.Kind == plan.EnumKind:
		return v.Op("!=").Lit("")
	case f.Type.Kind == plan.IntEnumKind:
		return v.Op("!=").Lit(0)
	case !f.ZeroIsUnset():
		return nil
	case f.Type.Kind == plan.BoolKind:
		return v
	}
	return v.Op("!=").Lit(0)
}

// payloadUnset is the condition under which payload f, a stream, blob,
// string or enum, is unset or empty, so that the request goes without a
// body; false for the other payloads and bodies, which seldom are.
func payloadUnset(f *plan.Field) jen.Code {
	if f == nil {
		return jen.False()
	}
	v := jen.Id("v").Dot(f.Name)
	switch k := f.Type.Kind; {
	case k == plan.StreamKind:
		return jen.Id("restStreamEmpty").Call(v)
	case k != plan.BlobKind && k != plan.StringKind && k != plan.EnumKind:
		return jen.False() // a document the codec writes
	case f.Pointer || f.Type.Nilable():
		return v.Op("==").Nil()
	case k == plan.EnumKind && f.ZeroIsUnset():
		return v.Op("==").Lit("")
	}
	return jen.False() // required, so always set
}

// ifSet wraps code in f's isSet condition.
func ifSet(f *plan.Field, code ...jen.Code) []jen.Code {
	if cond := isSet(f); cond != nil {
		return []jen.Code{jen.If(cond).Block(code...)}
	}
	return code
}

// value is f's value, dereferenced.
func value(f *plan.Field) *jen.Statement {
	if f.Pointer {
		return jen.Op("*").Add(jen.Id("v").Dot(f.Name))
	}
	return jen.Id("v").Dot(f.Name)
}

// queryMember appends one @httpQuery or @httpQueryParams member to q.
func queryMember(b Binding) []jen.Code {
	f := b.Field
	t := f.Type
	if b.Location == QueryParams {
		fn := "restQueryParams"
		if t.Elem.Kind == plan.ListKind {
			fn = "restQueryParamLists"
		}
		return []jen.Code{jen.Id("q").Op("=").Id(fn).Call(jen.Id("q"), jen.Id("v").Dot(f.Name))}
	}
	if t.Kind == plan.ListKind {
		x := jen.Id("x")
		if t.ElemPointer {
			x = jen.Op("*").Id("x")
		}
		add := jen.Id("q").Op("=").Add(queryValue(b.Name, t.Elem, f, x))
		var inner jen.Code = add
		if t.ElemPointer {
			inner = jen.If(jen.Id("x").Op("!=").Nil()).Block(add)
		}
		return []jen.Code{jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Id("v").Dot(f.Name)).Block(inner)}
	}
	return ifSet(f, jen.Id("q").Op("=").Add(queryValue(b.Name, t, f, value(f))))
}

// queryValue appends key=x for a scalar x of type t.
func queryValue(key string, t *plan.Type, f *plan.Field, x jen.Code) jen.Code {
	q := jen.Id("q")
	k := jen.Lit(key)
	switch t.Kind {
	case plan.StringKind:
		return jen.Id("restQuery").Call(q, k, x)
	case plan.EnumKind:
		return jen.Id("restQuery").Call(q, k, jen.String().Call(x))
	case plan.BoolKind:
		return jen.Id("restQueryBool").Call(q, k, x)
	case plan.Float32Kind, plan.Float64Kind:
		return jen.Id("restQueryFloat").Call(q, k, x)
	case plan.TimeKind:
		m := f.Member
		if f.Type != t {
			m = f.Type.Member // a list's element
		}
		return jen.Id("restQueryTime").Call(q, k, x, jen.Id(TimeFormat(m, t.Shape, DateTime)))
	}
	return jen.Id("restQueryInt").Call(q, k, x)
}

// headers gathers the request's bound headers in hw, for newRestRequest,
// prefix maps first so that members bound to one header win.
func (w *Writer) headers(op *plan.Operation, msg *Message) []jen.Code {
	var code []jen.Code
	for _, b := range msg.Of(PrefixHeaders) {
		code = append(code, jen.Id("hw").Dot("setPrefixed").Call(jen.Lit(b.Name), jen.Id("v").Dot(b.Field.Name)))
	}
	for _, b := range msg.Of(Header) {
		if w.opts.SentOtherwise != nil && w.opts.SentOtherwise(op, b) {
			continue
		}
		code = append(code, ifSet(b.Field, headerSet(b))...)
	}
	if len(code) == 0 {
		return nil
	}
	return append([]jen.Code{jen.Var().Id("hw").Id("restHeaderWriter")}, code...)
}

// headerSet sets one @httpHeader member that is set.
func headerSet(b Binding) jen.Code {
	f := b.Field
	t := f.Type
	name := jen.Lit(http.CanonicalHeaderKey(b.Name))
	hw := jen.Id("hw")
	x := value(f)
	switch t.Kind {
	case plan.StringKind:
		if MediaType(t.Shape) != "" {
			return hw.Dot("setBase64").Call(name, x)
		}
		return hw.Dot("set").Call(name, x)
	case plan.EnumKind:
		return hw.Dot("set").Call(name, jen.String().Call(x))
	case plan.BoolKind:
		return hw.Dot("setBool").Call(name, x)
	case plan.Float32Kind:
		return hw.Dot("setFloat").Call(name, jen.Float64().Call(x), jen.Lit(32))
	case plan.Float64Kind:
		return hw.Dot("setFloat").Call(name, x, jen.Lit(64))
	case plan.TimeKind:
		return hw.Dot("setTime").Call(name, x, jen.Id(TimeFormat(f.Member, t.Shape, HTTPDate)))
	case plan.ListKind:
		var list jen.Code
		switch e := t.Elem; e.Kind {
		case plan.StringKind:
			return hw.Dot("setStrings").Call(name, x)
		case plan.EnumKind:
			list = jen.Id("restHeaderStrings").Call(x)
		case plan.BoolKind:
			list = jen.Id("restHeaderBools").Call(x)
		case plan.Float32Kind, plan.Float64Kind:
			list = jen.Id("restHeaderFloats").Call(x)
		case plan.TimeKind:
			list = jen.Id("restHeaderTimes").Call(x, jen.Id(TimeFormat(t.Member, e.Shape, HTTPDate)))
		default:
			list = jen.Id("restHeaderInts").Call(x)
		}
		return hw.Dot("set").Call(name, list)
	}
	return hw.Dot("setInt").Call(name, jen.Int64().Call(x))
}

// compressed reports whether op's bodies are gzipped (@requestCompression).
func compressed(op *plan.Operation) bool {
	enc, _ := op.Shape.Traits.RequestCompression()
	return slices.Contains(enc, "gzip")
}

// defaultContentType sets a blob, string or stream payload's media type
// even when the payload is unset, as the AWS SDK does, unless a member
// bound to Content-Type set one.
func defaultContentType(f *plan.Field) jen.Code {
	return jen.Id("restSetContentType").Call(jen.Id("req").Dot("Header"), jen.Lit(payloadMediaType(f)))
}

// requestBody writes the body: a streaming payload, a payload in memory
// or the codec's document, compressed and checksummed as the operation
// asks. inMemory reports that body holds it, sent that code may set a
// body (with the request's parts in scope).
func (w *Writer) requestBody(op *plan.Operation, msg *Message) (inMemory, sent bool, code []jen.Code) {
	f := msg.Payload
	mediaType := w.codec.MediaType()
	switch {
	case f != nil && f.Type.Kind == plan.StreamKind:
		requiresLength := f.Type.Shape.Traits.Has(traitRequiresLen)
		return false, true, []jen.Code{defaultContentType(f), jen.If(jen.Id("v").Dot(f.Name).Op("!=").Nil()).Block(
			jen.If(jen.Err().Op("=").Id("restSetStream").Call(jen.Id("req"), jen.Id("parts"), jen.Id("v").Dot(f.Name), jen.Lit(payloadMediaType(f)), jen.Lit(requiresLength)),
				jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		)}
	case f != nil && (f.Type.Kind == plan.BlobKind || f.Type.Kind == plan.StringKind || f.Type.Kind == plan.EnumKind):
		// The media type is set already.
		mediaType = ""
		val := jen.Id("v").Dot(f.Name)
		if f.Type.Kind != plan.BlobKind {
			val = jen.Index().Byte().Call(value(f))
		}
		if !compressed(op) && !op.Shape.Traits.Has(traitChecksumReq) && !op.Shape.Traits.Has(traitFlexibleChecksum) {
			// Nothing to do with the bytes but send them: no checksum
			// of them is asked for.
			return false, true, []jen.Code{defaultContentType(f), jen.If(isSet(f)).Block(
				jen.Id("restSetBody").Call(jen.Id("req"), jen.Id("parts"), val, jen.Lit("")))}
		}
		code = []jen.Code{defaultContentType(f), jen.Var().Id("body").Index().Byte(), jen.If(isSet(f)).Block(jen.Id("body").Op("=").Add(val))}
	case f != nil:
		code = w.codec.EncodePayload(msg, f)
	case msg.HasBody():
		code = w.codec.EncodeBody(msg)
	case op.Shape.Traits.Has(traitChecksumReq):
		// No body: the checksum is that of none.
		return false, false, []jen.Code{jen.Id("restSetContentMD5").Call(jen.Id("req"), jen.Nil())}
	default:
		return false, false, nil
	}
	set := []jen.Code{}
	if compressed(op) {
		set = append(set,
			jen.If(jen.List(jen.Id("body"), jen.Err()).Op("=").Id("gzipQueryBody").Call(jen.Id("body")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.Id("restAddEncoding").Call(jen.Id("req").Dot("Header"), jen.Lit("gzip")),
		)
	}
	set = append(set, jen.Id("restSetBody").Call(jen.Id("req"), jen.Id("parts"), jen.Id("body"), jen.Lit(mediaType)))
	code = append(code, jen.If(jen.Id("body").Op("!=").Nil()).Block(set...))
	if op.Shape.Traits.Has(traitChecksumReq) {
		code = append(code, jen.Id("restSetContentMD5").Call(jen.Id("req"), jen.Id("body")))
	}
	return true, true, code
}
