package client

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
)

// paginatorsFile writes client_paginators.go: for each paginated
// operation the SDK's <Op>APIClient, <Op>PaginatorOptions,
// <Op>Paginator and New<Op>Paginator.
func (w *writer) paginatorsFile() {
	f := w.file("client_paginators.go")
	for _, pg := range w.c.Paginators {
		w.paginator(f, pg)
	}
}

func (w *writer) paginator(f *jen.File, pg *plan.Paginator) {
	n := w.n
	op := pg.Op
	in, out := op.Input.Name, op.Output.Name
	optFn := jen.Func().Params(jen.Op("*").Id(n.Options))

	f.Add(emit.Text(pg.APIClient + " is a client that calls " + op.Name + ", such as *" + n.Client + "."))
	f.Type().Id(pg.APIClient).Interface(
		jen.Id(op.Name).Params(jen.Qual("context", "Context"), jen.Op("*").Id(in), jen.Op("...").Add(optFn.Clone())).Params(jen.Op("*").Id(out), jen.Error()),
	)
	f.Line()
	f.Var().Id("_").Id(pg.APIClient).Op("=").Parens(jen.Op("*").Id(n.Client)).Parens(jen.Nil())
	f.Line()

	var opts []jen.Code
	if pg.PageSize != nil {
		opts = append(opts,
			emit.Text("Limit is the most items a page holds; 0 leaves it to the service."),
			jen.Id("Limit").Add(emit.TypeCode(pg.PageSize.Type)),
			jen.Line(),
		)
	}
	if !pg.MapToken {
		// As in the SDK, map tokens are not compared.
		opts = append(opts,
			emit.Text("StopOnDuplicateToken stops after a page whose next token is the one that asked for it."),
			jen.Id("StopOnDuplicateToken").Bool(),
		)
	}
	f.Add(emit.Text(pg.Options + " configure a " + pg.Type + "."))
	f.Type().Id(pg.Options).Struct(opts...)
	f.Line()

	f.Add(emit.Text(pg.Type + " pages through the results of " + op.Name + "."))
	f.Type().Id(pg.Type).Struct(
		jen.Id("options").Id(pg.Options),
		jen.Id("client").Id(pg.APIClient),
		jen.Id("params").Op("*").Id(in),
		jen.Id("nextToken").Add(tokenType(pg)),
		jen.Id("firstPage").Bool(),
	)
	f.Line()

	params := jen.Id("params")
	newBody := []jen.Code{
		jen.If(params.Clone().Op("==").Nil()).Block(params.Clone().Op("=").Op("&").Id(in).Values()),
		jen.Id("options").Op(":=").Id(pg.Options).Values(),
	}
	if ps := pg.PageSize; ps != nil {
		if ps.Pointer {
			newBody = append(newBody, jen.If(params.Clone().Dot(ps.Name).Op("!=").Nil()).Block(
				jen.Id("options").Dot("Limit").Op("=").Op("*").Add(params.Clone()).Dot(ps.Name)))
		} else {
			newBody = append(newBody, jen.Id("options").Dot("Limit").Op("=").Add(params.Clone()).Dot(ps.Name))
		}
	}
	newBody = append(newBody,
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Op("&").Id("options"))),
		jen.Return(jen.Op("&").Id(pg.Type).Add(values(
			kv("options", jen.Id("options")),
			kv("client", jen.Id("client")),
			kv("params", params.Clone()),
			kv("nextToken", params.Clone().Dot(pg.InputToken.Name)),
			kv("firstPage", jen.True()),
		))),
	)
	f.Add(emit.Text(pg.New + " returns a paginator for " + op.Name + ", which starts from params' token."))
	f.Func().Id(pg.New).Params(jen.Id("client").Id(pg.APIClient), params.Clone().Op("*").Id(in), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id(pg.Options))).
		Op("*").Id(pg.Type).Block(newBody...)
	f.Line()

	p := jen.Id("p")
	f.Add(emit.Text("HasMorePages reports whether there is a page to read."))
	more := p.Clone().Dot("nextToken").Op("!=").Nil()
	if !pg.MapToken {
		more = jen.Parens(more.Op("&&").Len(jen.Op("*").Add(p.Clone()).Dot("nextToken")).Op("!=").Lit(0))
	}
	f.Func().Params(p.Clone().Op("*").Id(pg.Type)).Id("HasMorePages").Params().Bool().Block(
		jen.Return(p.Clone().Dot("firstPage").Op("||").Add(more)),
	)
	f.Line()

	next := []jen.Code{
		jen.If(jen.Op("!").Add(p.Clone()).Dot("HasMorePages").Call()).Block(
			jen.Return(jen.Nil(), jen.Qual("errors", "New").Call(jen.Lit("no more pages available"))),
		),
		params.Clone().Op(":=").Op("*").Add(p.Clone()).Dot("params"),
		params.Clone().Dot(pg.InputToken.Name).Op("=").Add(p.Clone()).Dot("nextToken"),
	}
	if ps := pg.PageSize; ps != nil {
		if ps.Pointer {
			next = append(next,
				jen.Var().Id("limit").Op("*").Add(emit.TypeCode(ps.Type)),
				jen.If(p.Clone().Dot("options").Dot("Limit").Op(">").Lit(0)).Block(jen.Id("limit").Op("=").Op("&").Add(p.Clone()).Dot("options").Dot("Limit")),
				params.Clone().Dot(ps.Name).Op("=").Id("limit"),
			)
		} else {
			next = append(next, params.Clone().Dot(ps.Name).Op("=").Add(p.Clone()).Dot("options").Dot("Limit"))
		}
	}
	next = append(next,
		jen.List(jen.Id("result"), jen.Err()).Op(":=").Add(p.Clone()).Dot("client").Dot(op.Name).Call(jen.Id("ctx"), jen.Op("&").Add(params.Clone()), jen.Id("optFns").Op("...")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		p.Clone().Dot("firstPage").Op("=").False(),
	)
	if pg.MapToken {
		next = append(next, outputToken(pg)...)
	} else {
		next = append(next, jen.Id("prevToken").Op(":=").Add(p.Clone()).Dot("nextToken"))
		next = append(next, outputToken(pg)...)
		next = append(next,
			jen.If(p.Clone().Dot("options").Dot("StopOnDuplicateToken").Op("&&").Id("prevToken").Op("!=").Nil().Op("&&").
				Add(p.Clone()).Dot("nextToken").Op("!=").Nil().Op("&&").Op("*").Id("prevToken").Op("==").Op("*").Add(p.Clone()).Dot("nextToken")).Block(
				p.Clone().Dot("nextToken").Op("=").Nil(),
			))
	}
	next = append(next, jen.Return(jen.Id("result"), jen.Nil()))
	f.Add(emit.Text("NextPage calls " + op.Name + " for the next page."))
	f.Func().Params(p.Clone().Op("*").Id(pg.Type)).Id("NextPage").Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("optFns").Op("...").Add(optFn.Clone())).
		Params(jen.Op("*").Id(out), jen.Error()).Block(next...)
	f.Line()
}

// tokenType is the paginator's token: *string, or the map type.
func tokenType(pg *plan.Paginator) jen.Code {
	if pg.MapToken {
		return emit.TypeCode(pg.InputToken.Type)
	}
	return jen.Op("*").String()
}

// outputToken sets p.nextToken from the result, through the members of
// the token's path.
func outputToken(pg *plan.Paginator) []jen.Code {
	path := pg.OutputToken
	if len(path) == 1 {
		return []jen.Code{jen.Id("p").Dot("nextToken").Op("=").Id("result").Dot(path[0].Name)}
	}
	// Nested: each structure on the way may be unset.
	value := jen.Id("result")
	var conds []jen.Code
	for _, f := range path[:len(path)-1] {
		value = value.Clone().Dot(f.Name)
		if f.Pointer {
			conds = append(conds, value.Clone().Op("!=").Nil())
		}
	}
	set := jen.Id("p").Dot("nextToken").Op("=").Add(value.Clone()).Dot(path[len(path)-1].Name)
	out := []jen.Code{jen.Id("p").Dot("nextToken").Op("=").Nil()}
	if len(conds) == 0 {
		return append(out, set)
	}
	cond := jen.Add(conds[0])
	for _, c := range conds[1:] {
		cond = cond.Op("&&").Add(c)
	}
	return append(out, jen.If(cond).Block(set))
}
