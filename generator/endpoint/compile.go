package endpoint

import (
	"fmt"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/ruleset"
)

// compiler turns the expressions of one condition or result into Go.
// Parameters are read through p (*EndpointParameters), variables through
// v (*endpointVars). Values that may be missing (optional parameters,
// parseURL and the like) are only ever read where ruleset has checked
// they are present, or through maybe.
type compiler struct {
	gp *goPlan
	// err is set when an expression cannot be written, which ruleset's
	// checks should have ruled out.
	err error
	// known marks the optional parameters set where the code runs.
	known []bool
	// stmts are statements the expression needs run first.
	stmts []jen.Code
	temps int
}

func (c *compiler) temp(prefix string) string {
	c.temps++
	return prefix + strconv.Itoa(c.temps)
}

func (c *compiler) param(prm *ruleset.Param) *jen.Statement {
	return jen.Id("p").Dot(c.gp.field[prm.Index])
}

// value is Go code for an expression that has a value here.
func (c *compiler) value(e *ruleset.Expr) jen.Code {
	switch e.Op {
	case ruleset.OpLiteral:
		return literal(e.Value)
	case ruleset.OpRef:
		if e.Var != nil {
			return jen.Id("v").Dot(c.gp.varField[e.Var.Index])
		}
		if e.Type == ruleset.StringArray {
			return c.param(e.Param)
		}
		return jen.Op("*").Add(c.param(e.Param))
	case ruleset.OpTemplate:
		var out *jen.Statement
		for _, part := range e.Parts {
			if out == nil {
				out = jen.Add(c.value(part))
			} else {
				out = out.Op("+").Add(c.value(part))
			}
		}
		return out
	case ruleset.OpGetAttr:
		return c.present(e)
	}
	a := func(i int) jen.Code { return c.value(e.Args[i]) }
	switch e.Fn {
	case ruleset.FnIsSet:
		m := c.maybe(e.Args[0])
		if m.ok == nil {
			return jen.True()
		}
		if m.pair != nil { // only whether there is a value is read
			c.stmts[len(c.stmts)-1] = jen.List(jen.Id("_"), m.ok).Op(":=").Add(m.pair)
		}
		return m.ok
	case ruleset.FnNot:
		return c.negate(e.Args[0])
	case ruleset.FnBooleanEquals:
		for i, lit := range e.Args {
			if lit.Op == ruleset.OpLiteral {
				if lit.Value.Bool {
					return c.value(e.Args[1-i])
				}
				return c.negate(e.Args[1-i])
			}
		}
		return jen.Parens(a(0)).Op("==").Parens(a(1))
	case ruleset.FnStringEquals:
		return jen.Add(a(0)).Op("==").Add(a(1))
	case ruleset.FnIsValidHost:
		return jen.Id("epHostLabel").Call(a(0), a(1))
	case ruleset.FnVirtualHostS3:
		return jen.Id("epVirtualHostableS3Bucket").Call(a(0), a(1))
	case ruleset.FnURIEncode:
		return jen.Id("epURIEncode").Call(a(0))
	case ruleset.FnSplit:
		return jen.Id("epSplit").Call(a(0), a(1), a(2))
	}
	return c.present(e)
}

// present is the value of an expression whose value may in general be
// missing but is known to be there.
func (c *compiler) present(e *ruleset.Expr) jen.Code {
	m := c.maybe(e)
	if m.ok != nil && c.err == nil {
		c.err = fmt.Errorf("%s may have no value where it is used (a smithy2go bug: the rule set's checks should have said so)", e)
	}
	return m.val
}

// negate is Go code for a boolean expression that is false.
func (c *compiler) negate(e *ruleset.Expr) jen.Code {
	switch {
	case e.Op == ruleset.OpCall && e.Fn == ruleset.FnStringEquals:
		return jen.Add(c.value(e.Args[0])).Op("!=").Add(c.value(e.Args[1]))
	case e.Op == ruleset.OpCall && e.Fn == ruleset.FnIsSet:
		m := c.maybe(e.Args[0])
		switch {
		case m.ok == nil:
			return jen.False()
		case m.pair != nil:
			c.stmts[len(c.stmts)-1] = jen.List(jen.Id("_"), m.ok).Op(":=").Add(m.pair)
			return jen.Op("!").Add(m.ok)
		case e.Args[0].Op == ruleset.OpRef:
			return jen.Add(c.param(e.Args[0].Param)).Op("==").Nil()
		}
		return jen.Op("!").Parens(m.ok)
	case e.Op == ruleset.OpRef, e.Op == ruleset.OpGetAttr:
		return jen.Op("!").Add(c.value(e))
	}
	return jen.Op("!").Parens(c.value(e))
}

// maybeValue is Go code for a value that may be missing: ok is a Go
// boolean saying whether it is there (nil when it always is), and val is
// only read when it is.
type maybeValue struct {
	val, ok jen.Code
	// pair is a call giving (value, bool); ptr a call giving a pointer
	// that is nil when there is no value. Conditions assign them straight
	// to their variable.
	pair, ptr jen.Code
}

// maybe is Go code for an expression that may have no value.
func (c *compiler) maybe(e *ruleset.Expr) maybeValue {
	switch {
	case e.Op == ruleset.OpRef && e.Param != nil && ruleset.IsOptional(e, c.known):
		ok := jen.Add(c.param(e.Param)).Op("!=").Nil()
		return maybeValue{val: c.value(e), ok: ok}
	case e.Op == ruleset.OpGetAttr:
		obj := c.value(e.Args[0])
		sel := jen.Add(obj)
		t := e.Args[0].Type
		for _, s := range e.Path {
			if s.IsIndex {
				return c.pair(jen.Id("epIndex").Call(sel, jen.Lit(s.Index)))
			}
			sel = sel.Dot(attrFields[t][s.Key])
			t = attrType(t, s.Key)
		}
		return maybeValue{val: sel}
	case e.Op != ruleset.OpCall:
		return maybeValue{val: c.value(e)}
	}
	switch e.Fn {
	case ruleset.FnSubstring:
		return c.pair(jen.Id("epSubstring").Call(c.value(e.Args[0]), c.value(e.Args[1]), c.value(e.Args[2]), c.value(e.Args[3])))
	case ruleset.FnParseURL:
		return c.pair(jen.Id("epParseURL").Call(c.value(e.Args[0])))
	case ruleset.FnParseArn:
		return c.pair(jen.Id("epParseARN").Call(c.value(e.Args[0])))
	case ruleset.FnPartition:
		call := jen.Id("epPartition").Call(c.value(e.Args[0]))
		t := c.temp("part")
		c.stmts = append(c.stmts, jen.Id(t).Op(":=").Add(call))
		return maybeValue{val: jen.Id(t), ok: jen.Id(t).Op("!=").Nil(), ptr: call}
	case ruleset.FnCoalesce:
		return c.coalesce(e)
	case ruleset.FnIte:
		return c.ite(e)
	}
	return maybeValue{val: c.value(e)}
}

// pair runs a call that gives (value, ok) into temporaries.
func (c *compiler) pair(call jen.Code) maybeValue {
	t, ok := c.temp("x"), c.temp("ok")
	c.stmts = append(c.stmts, jen.List(jen.Id(t), jen.Id(ok)).Op(":=").Add(call))
	return maybeValue{val: jen.Id(t), ok: jen.Id(ok), pair: call}
}

// coalesce is the first of its arguments that has a value.
func (c *compiler) coalesce(e *ruleset.Expr) maybeValue {
	t := c.temp("x")
	args := make([]maybeValue, len(e.Args))
	for i, a := range e.Args {
		args[i] = c.maybe(a)
	}
	// The first argument that always has a value ends the list: it starts
	// as the value, and the optional ones before it replace it in turn.
	last := len(args) - 1
	for i, a := range args {
		if a.ok == nil {
			last = i
			break
		}
	}
	var chain *jen.Statement
	for _, a := range args[:last] {
		set := jen.Id(t).Op("=").Add(a.val)
		if chain == nil {
			chain = jen.If(a.ok).Block(set)
		} else {
			chain = chain.Else().If(a.ok).Block(set)
		}
	}
	if args[last].ok == nil {
		c.stmts = append(c.stmts, jen.Id(t).Op(":=").Add(args[last].val))
		if chain != nil {
			c.stmts = append(c.stmts, chain)
		}
		return maybeValue{val: jen.Id(t)}
	}
	set := jen.Id(t).Op("=").Add(args[last].val)
	if chain == nil {
		chain = jen.If(args[last].ok).Block(set)
	} else {
		chain = chain.Else().If(args[last].ok).Block(set)
	}
	c.stmts = append(c.stmts, jen.Var().Id(t).Id(goType(e.Type)), chain)
	return maybeValue{val: jen.Id(t), ok: orChain(args)}
}

func orChain(args []maybeValue) jen.Code {
	var out *jen.Statement
	for _, a := range args {
		if out == nil {
			out = jen.Add(a.ok)
		} else {
			out = out.Op("||").Add(a.ok)
		}
	}
	return out
}

// ite is its second argument when the first holds, else its third.
func (c *compiler) ite(e *ruleset.Expr) maybeValue {
	cond := c.value(e.Args[0])
	yes, no := c.maybe(e.Args[1]), c.maybe(e.Args[2])
	t := c.temp("x")
	if yes.ok == nil && no.ok == nil {
		c.stmts = append(c.stmts,
			jen.Id(t).Op(":=").Add(no.val),
			jen.If(cond).Block(jen.Id(t).Op("=").Add(yes.val)))
		return maybeValue{val: jen.Id(t)}
	}
	okT := c.temp("ok")
	c.stmts = append(c.stmts,
		jen.Var().Id(t).Id(goType(e.Type)),
		jen.Var().Id(okT).Bool(),
		jen.If(cond).Block(
			jen.If(okOr(yes.ok)).Block(jen.List(jen.Id(t), jen.Id(okT)).Op("=").List(yes.val, jen.True())),
		).Else().Block(
			jen.If(okOr(no.ok)).Block(jen.List(jen.Id(t), jen.Id(okT)).Op("=").List(no.val, jen.True())),
		))
	return maybeValue{val: jen.Id(t), ok: jen.Id(okT)}
}

func okOr(ok jen.Code) jen.Code {
	if ok == nil {
		return jen.True()
	}
	return ok
}

func attrType(t ruleset.Type, key string) ruleset.Type {
	switch t {
	case ruleset.URL:
		if key == "isIp" {
			return ruleset.Bool
		}
		return ruleset.String
	case ruleset.ARN:
		if key == "resourceId" {
			return ruleset.StringArray
		}
		return ruleset.String
	case ruleset.Partition:
		if key == "supportsFIPS" || key == "supportsDualStack" {
			return ruleset.Bool
		}
	}
	return ruleset.String
}

func goType(t ruleset.Type) string { return goTypes[t] }

func literal(v ruleset.Value) jen.Code {
	switch v.Type {
	case ruleset.String:
		return jen.Lit(v.Str)
	case ruleset.Bool:
		return jen.Lit(v.Bool)
	case ruleset.Int:
		n, _ := strconv.Atoi(v.Str)
		return jen.Lit(n)
	}
	return jen.Index().String().ValuesFunc(func(g *jen.Group) {
		for _, s := range v.List {
			g.Lit(s)
		}
	})
}
