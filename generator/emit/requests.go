package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/plan"
)

// Requests writes requests.go: NewRequest on the input of every operation
// with wire code, which builds the protocol's request and validates.
func Requests(g *Generator) {
	ops := g.Wired()
	if len(ops) == 0 {
		return
	}
	f := g.GoFile("requests.go")
	for _, op := range ops {
		f.Add(Text("NewRequest builds the HTTP request that sends " + op.Name + " to endpoint, a URL such as https://service.us-east-1.amazonaws.com, after v passes Validate. Signing and sending it are up to the caller."))
		f.Func().Params(jen.Id("v").Op("*").Id(op.Input.Name)).Id("NewRequest").Params(
			jen.Id("ctx").Qual("context", "Context"), jen.Id("endpoint").String(),
		).Params(jen.Op("*").Qual("net/http", "Request"), jen.Error()).Block(
			// Building first fills in idempotency tokens, which Validate
			// then sees as set.
			jen.List(jen.Id("req"), jen.Err()).Op(":=").Id(op.RequestFunc).Call(jen.Id("ctx"), jen.Id("v"), jen.Id("endpoint")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.If(jen.Err().Op(":=").Id("v").Dot("Validate").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.Return(jen.Id("req"), jen.Nil()),
		)
		f.Line()
	}
}

// HostPrefix expands the endpoint trait's hostPrefix of op, whose {labels}
// name input members with the hostLabel trait, read from v. It returns the
// prefix as a string expression ("" when there is none) and the checks
// that must pass first, which return (nil, error).
func HostPrefix(op *plan.Operation) (jen.Code, []jen.Code) {
	tmpl, ok := op.Shape.Traits.HostPrefix()
	if !ok || tmpl == "" {
		return jen.Lit(""), nil
	}
	var parts, checks []jen.Code
	for tmpl != "" {
		open := strings.IndexByte(tmpl, '{')
		if open < 0 {
			parts = append(parts, jen.Lit(tmpl))
			break
		}
		if open > 0 {
			parts = append(parts, jen.Lit(tmpl[:open]))
		}
		end := strings.IndexByte(tmpl[open:], '}')
		if end < 0 {
			parts = append(parts, jen.Lit(tmpl[open:]))
			break
		}
		label := tmpl[open+1 : open+end]
		tmpl = tmpl[open+end+1:]
		var field *plan.Field
		for _, f := range op.Input.Fields {
			if f.Member.Name == label {
				field = f
			}
		}
		if field == nil {
			parts = append(parts, jen.Lit("{"+label+"}"))
			continue
		}
		val := jen.Id("v").Dot(field.Name)
		if field.Pointer {
			checks = append(checks, jen.If(val.Clone().Op("==").Nil().Op("||").Op("*").Add(val.Clone()).Op("==").Lit("")).Block(
				jen.Return(jen.Nil(), jen.Qual("errors", "New").Call(jen.Lit("host label "+field.Name+" must be set"))),
			))
			val = jen.Op("*").Add(val)
		}
		parts = append(parts, val)
	}
	expr := jen.Add(parts[0])
	for _, p := range parts[1:] {
		expr = expr.Op("+").Add(p)
	}
	return expr, checks
}
