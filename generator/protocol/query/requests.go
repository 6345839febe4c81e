package query

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
)

// requests writes requests.go: NewRequest on every input.
func (w *writer) requests() {
	f := w.g.GoFile("requests.go")
	for _, op := range w.g.Plan.Operations {
		if w.d.Supported(w.g.Plan, op) != "" {
			continue
		}
		st := op.Input
		body := []jen.Code{
			jen.List(jen.Id("body"), jen.Err()).Op(":=").Id("v").Dot("MarshalQuery").Call(),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.If(jen.Err().Op(":=").Id("v").Dot("Validate").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		}
		var prefix jen.Code = jen.Lit("")
		if hp, ok := op.Shape.Traits.HostPrefix(); ok && hp != "" {
			var checks []jen.Code
			prefix, checks = hostPrefix(hp, st)
			body = append(body, checks...)
		}
		enc, _ := op.Shape.Traits.RequestCompression()
		gz := false
		for _, e := range enc {
			if e == "gzip" {
				gz = true
			}
		}
		body = append(body, jen.Return(jen.Id("newQueryRequest").Call(jen.Id("ctx"), jen.Id("endpoint"), prefix, jen.Id("body"), jen.Lit(gz))))
		f.Add(emit.Text("NewRequest builds the HTTP request that sends " + op.Name + " to endpoint, a URL such as https://ec2.us-east-1.amazonaws.com: a POST with the form body, after v passes Validate. Signing and sending it are up to the caller."))
		f.Func().Params(jen.Id("v").Op("*").Id(st.Name)).Id("NewRequest").Params(
			jen.Id("ctx").Qual("context", "Context"), jen.Id("endpoint").String(),
		).Params(jen.Op("*").Qual("net/http", "Request"), jen.Error()).Block(body...)
		f.Line()
	}
}

// hostPrefix expands an endpoint trait's hostPrefix, whose {labels} name
// input members with the hostLabel trait.
func hostPrefix(tmpl string, st *plan.Struct) (jen.Code, []jen.Code) {
	var parts []jen.Code
	var checks []jen.Code
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
		for _, f := range st.Fields {
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
	if len(parts) == 0 {
		return jen.Lit(""), checks
	}
	expr := jen.Add(parts[0])
	for _, p := range parts[1:] {
		expr = expr.Op("+").Add(p)
	}
	return expr, checks
}
