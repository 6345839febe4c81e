package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/plan"
)

// Types writes types.go: operation inputs and outputs, nested structures
// and unions.
func Types(g *Generator) {
	f := g.GoFile("types.go")
	for _, st := range g.Plan.Structs {
		if st.Role == plan.Error {
			continue
		}
		f.Add(structDoc(st))
		fields := fieldCodes(st.Fields)
		if st.Role == plan.Output {
			g.UseRuntime("runtime_metadata.go")
			fields = append(fields, jen.Line().Comment("ResultMetadata holds what the response says about the request itself.").Line().
				Id("ResultMetadata").Add(g.Id("ResponseMetadata")))
		}
		f.Type().Id(st.Name).Struct(fields...)
		f.Line()
	}
	for _, u := range g.Plan.Unions {
		union(g, f, u)
	}
	if len(g.Plan.Unions) > 0 {
		unknownUnionMember(g, f, g.Plan.Unions)
	}
}

func structDoc(st *plan.Struct) *jen.Statement {
	switch st.Role {
	case plan.Input:
		return Doc(st.Name+" is the input of "+st.Op.Name+".", st.Op.Doc(), nil, deprecated(st.Op.Shape.Traits))
	case plan.Output:
		return Doc(st.Name+" is the output of "+st.Op.Name+".", "", nil, nil)
	}
	return Doc("", st.Doc(), nil, deprecated(st.Shape.Traits))
}

func fieldCodes(fields []*plan.Field) []jen.Code {
	var out []jen.Code
	for i, f := range fields {
		if i > 0 {
			out = append(out, jen.Line())
		}
		out = append(out, fieldDoc(f), jen.Id(f.Name).Add(FieldType(f)))
	}
	return out
}

func fieldDoc(f *plan.Field) *jen.Statement {
	var required string
	if f.Required {
		required = "This member is required."
	}
	switch {
	case f.ReadCloser:
		required += " It is the response body, unread: the caller reads and closes it."
	case f.Type.Kind == plan.StreamKind:
		required += " It is read as the request is sent, and not closed."
	}
	dep := deprecated(f.Member.Traits)
	if dep == nil {
		dep = deprecated(f.Type.Shape.Traits)
	}
	return Doc("", f.Doc(), []string{required}, dep)
}

// union writes the interface, one variant type per member, and the
// methods tying them together, as the AWS SDK shapes unions.
func union(g *Generator, f *jen.File, u *plan.Union) {
	var names []string
	for _, v := range u.Variants {
		names = append(names, v.Name)
	}
	marker := u.Marker
	f.Add(Doc("", u.Shape.Traits.Documentation(), []string{"Its variants are " + strings.Join(names, ", ") + " and " + g.Plan.Ident("UnknownUnionMember") + "."}, deprecated(u.Shape.Traits)))
	f.Type().Id(u.Name).Interface(jen.Id(marker).Params())
	f.Line()
	for _, v := range u.Variants {
		f.Add(Doc(v.Name+" is the "+v.Field.Member.Name+" variant of "+u.Name+".", v.Field.Doc(), nil, deprecated(v.Field.Member.Traits)))
		f.Type().Id(v.Name).Struct(jen.Id("Value").Add(TypeCode(v.Field.Type)))
		f.Line()
		f.Func().Params(jen.Op("*").Id(v.Name)).Id(marker).Params().Block()
		f.Line()
	}
}

func unknownUnionMember(g *Generator, f *jen.File, unions []*plan.Union) {
	name := g.Plan.Ident("UnknownUnionMember")
	f.Add(Text(name + " is a union variant this package does not know, as received from a newer version of the service."))
	f.Type().Id(name).Struct(
		jen.Id("Tag").String().Comment("the member name"),
		jen.Id("Value").Index().Byte().Comment("the member's encoded value"),
	)
	f.Line()
	for _, u := range unions {
		f.Func().Params(jen.Op("*").Id(name)).Id(u.Marker).Params().Block()
	}
}

// ErrorsFile writes errors.go: one type per modeled error, with the method
// set of the AWS SDK's errors (Error, ErrorCode, ErrorMessage, ErrorFault).
func ErrorsFile(g *Generator) {
	var errs []*plan.Struct
	for _, st := range g.Plan.Structs {
		if st.Role == plan.Error {
			errs = append(errs, st)
		}
	}
	if len(errs) == 0 {
		return
	}
	g.UseRuntime("runtime_errors.go")
	f := g.GoFile("errors.go")
	for _, st := range errs {
		errorType(g, f, st)
	}
}

func errorType(g *Generator, f *jen.File, st *plan.Struct) {
	msg := st.Message
	var fields []jen.Code
	if msg == nil {
		fields = append(fields, jen.Id("Message").Op("*").String(), jen.Line())
	} else {
		fields = append(fields, fieldDoc(msg), jen.Id(msg.Name).Add(FieldType(msg)), jen.Line())
	}
	fields = append(fields, jen.Comment("ErrorCodeOverride replaces the error code when set."), jen.Line(),
		jen.Id("ErrorCodeOverride").Op("*").String())
	for _, fl := range st.Fields {
		if fl != msg {
			fields = append(fields, jen.Line(), fieldDoc(fl), jen.Id(fl.Name).Add(FieldType(fl)))
		}
	}
	f.Add(Doc("", st.Doc(), nil, deprecated(st.Shape.Traits)))
	f.Type().Id(st.Name).Struct(fields...)
	f.Line()
	recv := jen.Id("e").Op("*").Id(st.Name)
	f.Func().Params(recv).Id("Error").Params().String().Block(
		jen.Return(jen.Id("e").Dot("ErrorCode").Call().Op("+").Lit(": ").Op("+").Id("e").Dot("ErrorMessage").Call()),
	)
	f.Line()
	f.Comment("ErrorMessage returns the message the service sent, or \"\".")
	f.Func().Params(recv.Clone()).Id("ErrorMessage").Params().String().Block(
		jen.If(jen.Id("e").Dot("Message").Op("==").Nil()).Block(jen.Return(jen.Lit(""))),
		jen.Return(jen.Op("*").Id("e").Dot("Message")),
	)
	f.Line()
	f.Comment("ErrorCode returns the error code, " + st.Code + " unless overridden.")
	f.Func().Params(recv.Clone()).Id("ErrorCode").Params().String().Block(
		jen.If(jen.Id("e").Op("==").Nil().Op("||").Id("e").Dot("ErrorCodeOverride").Op("==").Nil()).Block(
			jen.Return(jen.Lit(st.Code))),
		jen.Return(jen.Op("*").Id("e").Dot("ErrorCodeOverride")),
	)
	f.Line()
	f.Comment("ErrorFault says whose fault the error is.")
	f.Func().Params(recv.Clone()).Id("ErrorFault").Params().Add(g.Id("ErrorFault")).Block(jen.Return(g.Id(st.Fault.Ident())))
	f.Line()
}
