package restxml

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol/xmlbody"
)

// serializers writes serializers.go: each operation's request builder and
// the functions writing the XML of its body.
func (w *writer) serializers() error {
	f := w.g.GoFile("serializers.go")
	s := &serializer{w: w, f: f, enc: xmlbody.NewEncoders(w.g, f)}
	for _, op := range w.g.Wired() {
		if err := s.request(op); err != nil {
			return err
		}
	}
	s.enc.Flush()
	return nil
}

type serializer struct {
	w   *writer
	f   *jen.File
	enc *xmlbody.Encoders
}

// request writes op's request builder: the URI with its labels and query,
// the headers, then the body.
func (s *serializer) request(op *plan.Operation) error {
	r, err := routeOf(op, s.w.s3)
	if err != nil {
		return err
	}
	msg := split(op.Input.Fields, true)
	var body []jen.Code
	body = append(body, s.tokens(op)...)
	body = append(body, labelChecks(r)...)
	prefix, checks := emit.HostPrefix(op)
	body = append(body, checks...)
	headers := 1
	for _, b := range msg.bound {
		if b.loc == inHeader || b.loc == inPrefixHeaders {
			headers++
		}
	}
	body = append(body,
		jen.List(jen.Id("req"), jen.Err()).Op(":=").Id("restXMLRequest").Call(jen.Id("ctx"), jen.Lit(r.method), jen.Id("endpoint"), prefix, jen.Lit(headers)),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
	)
	body = append(body, uri(r, msg)...)
	body = append(body, headerCode(msg, s.contentType(op, msg))...)
	bodyCode, err := s.body(op, msg)
	if err != nil {
		return err
	}
	body = append(body, bodyCode...)
	body = append(body, jen.Return(jen.Id("req"), jen.Nil()))
	s.f.Add(emit.Text(op.RequestFunc + " builds the request that sends " + op.Name + " to endpoint, without validating v."))
	s.f.Func().Id(op.RequestFunc).Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("v").Op("*").Id(op.Input.Name), jen.Id("endpoint").String(),
	).Params(jen.Op("*").Qual("net/http", "Request"), jen.Error()).Block(body...)
	s.f.Line()
	return nil
}

// tokens fills unset idempotency tokens with random UUIDs, as the AWS SDK
// does, kept in v so a retry sends the same token.
func (s *serializer) tokens(op *plan.Operation) []jen.Code {
	var out []jen.Code
	for _, f := range op.Input.Fields {
		if !f.Member.Traits.IdempotencyToken() || !f.Pointer || f.Type.Kind != plan.StringKind {
			continue
		}
		s.w.g.UseRuntime("runtime_uuid.go")
		out = append(out, jen.If(jen.Id("v").Dot(f.Name).Op("==").Nil()).Block(
			jen.List(jen.Id("token"), jen.Err()).Op(":=").Id("newIdempotencyToken").Call(),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.Id("v").Dot(f.Name).Op("=").Op("&").Id("token"),
		))
	}
	return out
}

// labelChecks refuse a request whose URI labels are unset (or empty
// strings), as the SDK does: the path would name another resource.
func labelChecks(r route) []jen.Code {
	var out []jen.Code
	for _, seg := range r.segments {
		f := seg.label
		if f == nil {
			continue
		}
		val := jen.Id("v").Dot(f.Name)
		var bad *jen.Statement
		switch {
		case f.Pointer && f.Type.Kind == plan.StringKind:
			bad = val.Clone().Op("==").Nil().Op("||").Op("*").Add(val.Clone()).Op("==").Lit("")
		case f.Pointer:
			bad = val.Clone().Op("==").Nil()
		case f.Type.Kind == plan.StringKind, f.Type.Kind == plan.EnumKind:
			bad = val.Clone().Op("==").Lit("")
		default:
			continue
		}
		out = append(out, jen.If(bad).Block(jen.Return(jen.Nil(),
			jen.Qual("errors", "New").Call(jen.Lit("input member "+f.Name+" must be set: it is part of the request's path")))))
	}
	return out
}

// uri writes the path, labels escaped, and the query: the URI pattern's
// constant pairs, then @httpQuery members, then @httpQueryParams maps,
// which do not replace those.
func uri(r route, msg message) []jen.Code {
	out := []jen.Code{jen.Var().Id("pbuf").Index(jen.Lit(128)).Byte()}
	var lit strings.Builder
	p := jen.Id("p")
	started := false
	flush := func() {
		if lit.Len() == 0 {
			return
		}
		if !started {
			out = append(out, p.Clone().Op(":=").Append(jen.Id("pbuf").Index(jen.Op(":").Lit(0)), jen.Lit(lit.String()).Op("...")))
			started = true
		} else {
			out = append(out, p.Clone().Op("=").Append(p, jen.Lit(lit.String()).Op("...")))
		}
		lit.Reset()
	}
	for _, seg := range r.segments {
		if seg.label == nil {
			lit.WriteString(seg.literal)
			continue
		}
		flush()
		out = append(out, p.Clone().Op("=").Add(labelValue(seg)))
	}
	flush()
	var consts []string
	for _, c := range r.query {
		if c.hasValue {
			consts = append(consts, c.key+"="+c.value)
		} else {
			consts = append(consts, c.key)
		}
	}
	var query []jen.Code
	for _, b := range msg.bound {
		if b.loc == inQuery {
			query = append(query, queryCode(b)...)
		}
	}
	for _, b := range msg.bound {
		if b.loc == inQueryParams {
			query = append(query, queryParamsCode(b)...)
		}
	}
	q := jen.Nil()
	switch {
	case len(query) > 0:
		out = append(out, jen.Var().Id("qbuf").Index(jen.Lit(128)).Byte())
		out = append(out, jen.Id("q").Op(":=").Append(jen.Id("qbuf").Index(jen.Op(":").Lit(0)), jen.Lit(strings.Join(consts, "&")).Op("...")))
		out = append(out, query...)
		q = jen.Id("q")
	case len(consts) > 0:
		q = jen.Index().Byte().Call(jen.Lit(strings.Join(consts, "&")))
	}
	return append(out, jen.Id("restSetURL").Call(jen.Id("req").Dot("URL"), p, q))
}

// labelValue appends a label's value to the path p.
func labelValue(seg segment) jen.Code {
	f := seg.label
	v := jen.Id("v").Dot(f.Name)
	if f.Pointer {
		v = jen.Op("*").Add(v)
	}
	p := jen.Id("p")
	switch f.Type.Kind {
	case plan.StringKind:
		return jen.Id("restLabel").Call(p, v, jen.Lit(seg.greedy))
	case plan.EnumKind:
		return jen.Id("restLabel").Call(p, jen.String().Call(v), jen.Lit(seg.greedy))
	case plan.BoolKind:
		return jen.Qual("strconv", "AppendBool").Call(p, v)
	case plan.Float32Kind, plan.Float64Kind:
		return jen.Id("restFloat").Call(p, v)
	case plan.TimeKind:
		return jen.Id("restLabelTime").Call(p, v, jen.Id(headerTimeFormat(f.Member, f.Type.Shape, false)))
	}
	return jen.Qual("strconv", "AppendInt").Call(p, jen.Int64().Call(v), jen.Lit(10))
}

// isSet is the condition under which a bound member is sent and its
// value: strings and enums only when set, numbers held by value only when
// not zero, as the SDK does.
func isSet(f *plan.Field) (cond, v *jen.Statement) {
	val := jen.Id("v").Dot(f.Name)
	switch {
	case f.Pointer:
		return val.Clone().Op("!=").Nil(), jen.Op("*").Add(val)
	case f.Type.Kind == plan.EnumKind:
		return val.Clone().Op("!=").Lit(""), val
	case f.Type.Nilable():
		return val.Clone().Op("!=").Nil(), val
	case !f.ZeroIsUnset():
		return nil, val
	case f.Type.Kind == plan.BoolKind:
		return val.Clone(), val
	}
	return val.Clone().Op("!=").Lit(0), val
}

func when(cond *jen.Statement, code ...jen.Code) []jen.Code {
	if cond == nil {
		return code
	}
	return []jen.Code{jen.If(cond).Block(code...)}
}

// queryCode appends an @httpQuery member; a list gives one pair per item.
func queryCode(b binding) []jen.Code {
	f := b.field
	cond, v := isSet(f)
	if f.Type.Kind == plan.ListKind {
		item := queryValue(f.Type.Elem, b, jen.Id("x"))
		return when(cond, jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Add(v)).Block(jen.Id("q").Op("=").Add(item)))
	}
	return when(cond, jen.Id("q").Op("=").Add(queryValue(f.Type, b, v)))
}

// queryValue appends key=value for a scalar v of t.
func queryValue(t *plan.Type, b binding, v *jen.Statement) jen.Code {
	q, key := jen.Id("q"), jen.Lit(b.name)
	switch t.Kind {
	case plan.StringKind:
		return jen.Id("restQuery").Call(q, key, v)
	case plan.EnumKind:
		return jen.Id("restQuery").Call(q, key, jen.String().Call(v))
	case plan.BoolKind:
		return jen.Id("restQueryBool").Call(q, key, v)
	case plan.Float32Kind, plan.Float64Kind:
		return jen.Id("restQueryFloat").Call(q, key, v)
	case plan.TimeKind:
		m := b.field.Member
		if b.field.Type.Kind == plan.ListKind {
			m = listTimeMember(b.field)
		}
		return jen.Id("restQueryTime").Call(q, key, v, jen.Id(headerTimeFormat(m, t.Shape, false)))
	}
	return jen.Id("restQueryInt").Call(q, key, v)
}

// queryParamsCode appends an @httpQueryParams map of strings or of string
// lists.
func queryParamsCode(b binding) []jen.Code {
	f := b.field
	v := jen.Id("v").Dot(f.Name)
	fn := "restQueryParams"
	if f.Type.Elem.Kind == plan.ListKind {
		fn = "restQueryParamLists"
	}
	return []jen.Code{jen.If(jen.Len(v.Clone()).Op(">").Lit(0)).Block(jen.Id("q").Op("=").Id(fn).Call(jen.Id("q"), v))}
}

// contentType is the Content-Type a request's body gets when no member
// sets it, or "" for a request without a body.
func (s *serializer) contentType(op *plan.Operation, msg message) string {
	if p := msg.payload; p != nil {
		if mt := mediaType(p); mt != "" {
			return mt
		}
		switch p.Type.Kind {
		case plan.BlobKind, plan.StreamKind:
			return "application/octet-stream"
		case plan.StringKind, plan.EnumKind:
			return "text/plain"
		}
		return "application/xml"
	}
	if len(msg.body) > 0 {
		return "application/xml"
	}
	return ""
}

// headerCode sets the bound headers: prefix maps first, so that members
// bound to a header of their own win, then the body's Content-Type unless
// a member sets one (as the SDK does; an XML payload's only when it is set).
func headerCode(msg message, contentType string) []jen.Code {
	var code []jen.Code
	var ctMember *plan.Field
	for _, b := range msg.bound {
		if b.loc == inPrefixHeaders {
			code = append(code, prefixHeaderCode(b)...)
		}
	}
	for _, b := range msg.bound {
		if b.loc == inHeader {
			code = append(code, headerSet(b)...)
			if b.name == "Content-Type" {
				ctMember = b.field
			}
		}
	}
	if contentType != "" {
		set := jen.Id("hw").Dot("set").Call(jen.Lit("Content-Type"), jen.Lit(contentType))
		var cond *jen.Statement
		if ctMember != nil {
			c, _ := isSet(ctMember)
			if c != nil {
				cond = jen.Op("!").Parens(c)
			}
		}
		if p := msg.payload; p != nil && (p.Type.Kind == plan.StructKind || p.Type.Kind == plan.UnionKind) {
			payloadSet := jen.Id("v").Dot(p.Name).Op("!=").Nil()
			if cond == nil {
				cond = payloadSet
			} else {
				cond = cond.Op("&&").Add(payloadSet)
			}
		}
		if ctMember == nil || cond != nil {
			code = append(code, when(cond, set)...)
		}
	}
	if len(code) == 0 {
		return nil
	}
	out := []jen.Code{jen.Id("hw").Op(":=").Id("restHeaderWriter").Values(jen.Dict{jen.Id("h"): jen.Id("req").Dot("Header")})}
	out = append(out, code...)
	return append(out, jen.Id("hw").Dot("done").Call())
}

func prefixHeaderCode(b binding) []jen.Code {
	v := jen.Id("v").Dot(b.field.Name)
	return []jen.Code{jen.If(jen.Len(v.Clone()).Op(">").Lit(0)).Block(
		jen.Id("hw").Dot("setPrefixed").Call(jen.Lit(b.name), v))}
}

// headerSet sets an @httpHeader member's header, when it is set.
func headerSet(b binding) []jen.Code {
	f := b.field
	cond, v := isSet(f)
	hw, name := jen.Id("hw"), jen.Lit(b.name)
	var set jen.Code
	t := f.Type
	switch t.Kind {
	case plan.StringKind:
		if mediaType(f) != "" {
			set = hw.Dot("setBase64").Call(name, v)
		} else {
			set = hw.Dot("set").Call(name, v)
		}
	case plan.EnumKind:
		set = hw.Dot("set").Call(name, jen.String().Call(v))
	case plan.BoolKind:
		set = hw.Dot("setBool").Call(name, v)
	case plan.Float32Kind, plan.Float64Kind:
		set = hw.Dot("setFloat").Call(name, jen.Float64().Call(v), jen.Lit(t.Bits()))
	case plan.TimeKind:
		set = hw.Dot("setTime").Call(name, v, jen.Id(headerTimeFormat(f.Member, t.Shape, true)))
	case plan.ListKind:
		if t.Elem.Kind == plan.StringKind && !t.ElemPointer {
			set = hw.Dot("setStrings").Call(name, v)
			break
		}
		set = hw.Dot("setList").Call(name, jen.Len(v), jen.Func().Params(jen.Id("b").Index().Byte(), jen.Id("i").Int()).Index().Byte().Block(
			jen.Return(headerElement(t, f, v.Clone().Index(jen.Id("i"))))))
	default:
		set = hw.Dot("setInt").Call(name, jen.Int64().Call(v))
	}
	return when(cond, set)
}

// headerElement appends one element of a list header to b.
func headerElement(t *plan.Type, f *plan.Field, v *jen.Statement) jen.Code {
	b := jen.Id("b")
	et := t.Elem
	if t.ElemPointer {
		v = jen.Op("*").Add(v)
	}
	switch et.Kind {
	case plan.StringKind:
		return jen.Id("restHeaderElement").Call(b, v)
	case plan.EnumKind:
		return jen.Id("restHeaderElement").Call(b, jen.String().Call(v))
	case plan.BoolKind:
		return jen.Qual("strconv", "AppendBool").Call(b, v)
	case plan.Float32Kind, plan.Float64Kind:
		return jen.Id("restFloat").Call(b, v)
	case plan.TimeKind:
		return jen.Id("appendTime").Call(b, v, jen.Id(headerTimeFormat(listTimeMember(f), et.Shape, true)))
	}
	return jen.Qual("strconv", "AppendInt").Call(b, jen.Int64().Call(v), jen.Lit(10))
}

// body writes the request body: the payload member, or the document of
// the members the body carries, under the input's root element.
func (s *serializer) body(op *plan.Operation, msg message) ([]jen.Code, error) {
	enc, _ := op.Shape.Traits.RequestCompression()
	setBody := func(b jen.Code) []jen.Code {
		if slices.Contains(enc, "gzip") {
			return []jen.Code{jen.If(jen.Err().Op(":=").Id("restGzipBody").Call(jen.Id("req"), b), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), jen.Err()))}
		}
		return []jen.Code{jen.Id("restSetBody").Call(jen.Id("req"), b)}
	}
	svc := s.w.g.Plan.Service.Traits
	if p := msg.payload; p != nil {
		val := jen.Id("v").Dot(p.Name)
		switch p.Type.Kind {
		case plan.BlobKind:
			return when(val.Clone().Op("!=").Nil(), setBody(val)...), nil
		case plan.StringKind:
			return when(val.Clone().Op("!=").Nil(), setBody(jen.Index().Byte().Call(jen.Op("*").Add(val)))...), nil
		case plan.EnumKind:
			return when(val.Clone().Op("!=").Lit(""), setBody(jen.Index().Byte().Call(val))...), nil
		case plan.StructKind, plan.UnionKind:
			name, attrs := payloadRoot(p, svc)
			write := jen.Id("b").Op(":=").Id(s.enc.FuncFor(p.Type)).Call(
				jen.Make(jen.Index().Byte(), jen.Lit(0), jen.Lit(512)), jen.Lit(name), jen.Lit(attrs), val)
			return when(val.Clone().Op("!=").Nil(), append([]jen.Code{write}, setBody(jen.Id("b"))...)...), nil
		}
		return nil, nil
	}
	if len(msg.body) == 0 {
		return nil, nil
	}
	st := op.Input
	s.enc.StructFunc(st, msg.body)
	name, attrs := bodyRoot(st, svc)
	code := []jen.Code{jen.Id("b").Op(":=").Id(s.w.g.Plan.StructFunc("serialize", st)).Call(
		jen.Make(jen.Index().Byte(), jen.Lit(0), jen.Lit(512)), jen.Lit(name), jen.Lit(attrs), jen.Id("v"))}
	return append(code, setBody(jen.Id("b"))...), nil
}
