package endpoint

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/ruleset"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// bindings writes BindEndpointParameters for each operation input that
// binds parameters: from members with smithy.rules#contextParam, paths of
// smithy.rules#operationContextParams and values of
// smithy.rules#staticContextParams. Bindings smithy2go cannot write are
// left out with a warning.
func (gp *goPlan) bindings() ([]jen.Code, []string, error) {
	var out []jen.Code
	var warnings []string
	gp.bound = map[*plan.Operation]bool{}
	for _, op := range gp.p.Operations {
		b := &binder{gp: gp, op: op}
		b.operationContext()
		b.contextParams()
		b.static()
		warnings = append(warnings, b.warnings...)
		if len(b.stmts) == 0 {
			continue
		}
		gp.bound[op] = true
		out = append(out,
			comment(fmt.Sprintf("%s sets the endpoint parameters that %s binds: %s. A client calls it after setting the "+
				"parameters of its own settings, so these win.", BindMethod, op.Input.Name, strings.Join(b.sources, ", ")), nil),
			jen.Func().Params(jen.Id("in").Op("*").Id(op.Input.Name)).Id(BindMethod).
				Params(jen.Id("p").Op("*").Id(ParamsType)).Block(b.stmts...),
			jen.Line(),
		)
	}
	return out, warnings, nil
}

type binder struct {
	gp       *goPlan
	op       *plan.Operation
	stmts    []jen.Code
	sources  []string
	warnings []string
	loops    int
}

func (b *binder) warn(format string, args ...any) {
	b.warnings = append(b.warnings, fmt.Sprintf("%s: endpoint binding left out: ", b.op.Shape.ID)+fmt.Sprintf(format, args...))
}

func (b *binder) param(name string, trait smithy.ShapeID) *ruleset.Param {
	for _, prm := range b.gp.rs.Params {
		if prm.Name == name {
			return prm
		}
	}
	b.warn("%s names %q, which is not a parameter of the rule set", trait, name)
	return nil
}

func (b *binder) dst(prm *ruleset.Param) *jen.Statement {
	return jen.Id("p").Dot(b.gp.field[prm.Index])
}

// static binds smithy.rules#staticContextParams: fixed values.
func (b *binder) static() {
	n, ok := b.op.Shape.Traits.Get(ruleset.TraitStaticContextParams)
	if !ok {
		return
	}
	var stmts []jen.Code
	for _, f := range n.Fields {
		prm := b.param(f.Key, ruleset.TraitStaticContextParams)
		if prm == nil {
			continue
		}
		v, _ := f.Value.Get("value")
		switch {
		case prm.Type == ruleset.String && v.Kind == smithy.StringNode, prm.Type == ruleset.Bool && v.Kind == smithy.BoolNode:
			lit := literal(ruleset.Value{Type: prm.Type, Str: v.Str, Bool: v.Bool})
			stmts = append(stmts, jen.Block(jen.Id("v").Op(":=").Add(lit), b.dst(prm).Op("=").Op("&").Id("v")))
		case prm.Type == ruleset.StringArray && v.Kind == smithy.ArrayNode:
			list := ruleset.Value{Type: ruleset.StringArray}
			for _, it := range v.Items {
				list.List = append(list.List, it.Str)
			}
			stmts = append(stmts, b.dst(prm).Op("=").Add(literal(list)))
		default:
			b.warn("%s gives parameter %q, a %s, %s", ruleset.TraitStaticContextParams, f.Key, prm.Type, v.Kind)
		}
	}
	b.add("static values", stmts)
}

func (b *binder) add(source string, stmts []jen.Code) {
	if len(stmts) == 0 {
		return
	}
	b.sources = append(b.sources, source)
	b.stmts = append(b.stmts, stmts...)
}

// contextParams binds input members with smithy.rules#contextParam.
func (b *binder) contextParams() {
	var stmts []jen.Code
	for _, f := range b.op.Input.Fields {
		n, ok := f.Member.Traits.Get(ruleset.TraitContextParam)
		if !ok {
			continue
		}
		name, _ := n.Get("name")
		prm := b.param(name.String(), ruleset.TraitContextParam)
		if prm == nil {
			continue
		}
		code, ok := b.fromField(prm, f)
		if !ok {
			b.warn("member %s cannot bind parameter %q, a %s", f.Member.ID, prm.Name, prm.Type)
			continue
		}
		stmts = append(stmts, code...)
	}
	b.add("members", stmts)
}

// fromField assigns an input field to a parameter; the field's value
// replaces the parameter's, unset or not, as the AWS SDK does.
func (b *binder) fromField(prm *ruleset.Param, f *plan.Field) ([]jen.Code, bool) {
	src := jen.Id("in").Dot(f.Name)
	dst := b.dst(prm)
	k := f.Type.Kind
	switch {
	case prm.Type == ruleset.String && k == plan.StringKind && f.Pointer,
		prm.Type == ruleset.Bool && k == plan.BoolKind && f.Pointer:
		return []jen.Code{dst.Op("=").Add(src)}, true
	case prm.Type == ruleset.Bool && k == plan.BoolKind:
		return []jen.Code{jen.Block(jen.Id("v").Op(":=").Add(src), dst.Op("=").Op("&").Id("v"))}, true
	case prm.Type == ruleset.String && k == plan.EnumKind:
		return []jen.Code{
			dst.Clone().Op("=").Nil(),
			jen.If(src.Clone().Op("!=").Lit("")).Block(
				jen.Id("v").Op(":=").String().Parens(src.Clone()),
				dst.Clone().Op("=").Op("&").Id("v"),
			),
		}, true
	case prm.Type == ruleset.StringArray && k == plan.ListKind && f.Type.Elem.Kind == plan.StringKind && !f.Type.ElemPointer:
		return []jen.Code{dst.Op("=").Add(src)}, true
	}
	return nil, false
}

// operationContext binds smithy.rules#operationContextParams: JMESPath
// paths into the input.
func (b *binder) operationContext() {
	n, ok := b.op.Shape.Traits.Get(ruleset.TraitOperationContext)
	if !ok {
		return
	}
	var stmts []jen.Code
	for _, f := range n.Fields {
		prm := b.param(f.Key, ruleset.TraitOperationContext)
		if prm == nil {
			continue
		}
		pathNode, _ := f.Value.Get("path")
		code, err := b.path(prm, pathNode.String())
		if err != nil {
			b.warn("path %q of parameter %q: %v", pathNode.String(), prm.Name, err)
			continue
		}
		stmts = append(stmts, code...)
	}
	b.add("paths into the input", stmts)
}

// pathStep is one step of the JMESPath subset the AWS models use: a field,
// a projection over a list ([*]) or the keys of a map (keys(...)).
type pathStep struct {
	field      string
	projection bool
	keys       bool
}

func parseJMESPath(path string) ([]pathStep, error) {
	var steps []pathStep
	keys := false
	if inner, ok := strings.CutPrefix(path, "keys("); ok {
		if !strings.HasSuffix(inner, ")") {
			return nil, fmt.Errorf("keys( is not closed")
		}
		path, keys = strings.TrimSuffix(inner, ")"), true
	}
	for _, part := range strings.Split(path, ".") {
		proj := strings.HasSuffix(part, "[*]")
		name := strings.TrimSuffix(part, "[*]")
		if name == "" || strings.ContainsAny(name, "[]()*|{},@&!'\"` ") {
			return nil, fmt.Errorf("smithy2go reads identifiers, sub-expressions, [*] and keys() only")
		}
		steps = append(steps, pathStep{field: name})
		if proj {
			steps = append(steps, pathStep{projection: true})
		}
	}
	if keys {
		steps = append(steps, pathStep{keys: true})
	}
	return steps, nil
}

// path is code that sets a parameter from a path: one string, or, past a
// projection or keys(), every string found, as a list.
func (b *binder) path(prm *ruleset.Param, path string) ([]jen.Code, error) {
	steps, err := parseJMESPath(path)
	if err != nil {
		return nil, err
	}
	many := false
	for _, s := range steps {
		many = many || s.projection || s.keys
	}
	dst := b.dst(prm)
	input := &plan.Type{Kind: plan.StructKind, Struct: b.op.Input}
	switch {
	case !many && prm.Type == ruleset.String:
		return b.single(dst, steps, input)
	case !many || prm.Type != ruleset.StringArray:
		return nil, fmt.Errorf("it gives %s, and the parameter is a %s", map[bool]string{true: "a list", false: "one value"}[many], prm.Type)
	}
	leaf := func(v jen.Code) jen.Code { return jen.Id("list").Op("=").Append(jen.Id("list"), v) }
	body, err := b.walk(steps, jen.Id("in"), input, false, leaf)
	if err != nil {
		return nil, err
	}
	out := []jen.Code{jen.Var().Id("list").Index().String()}
	out = append(out, body...)
	if steps[len(steps)-1].keys {
		out = append(out, jen.Qual("slices", "Sort").Call(jen.Id("list")))
	}
	return []jen.Code{jen.Block(append(out, dst.Clone().Op("=").Id("list"))...)}, nil
}

// single is code that sets a string parameter from a path of fields:
// unset unless every structure on the way is there.
func (b *binder) single(dst *jen.Statement, steps []pathStep, t *plan.Type) ([]jen.Code, error) {
	cur := jen.Id("in")
	var guards []jen.Code
	for i, s := range steps {
		field, err := fieldOf(t, s.field)
		if err != nil {
			return nil, err
		}
		cur = cur.Clone().Dot(field.Name)
		t = field.Type
		if i < len(steps)-1 {
			if field.Pointer {
				guards = append(guards, cur.Clone().Op("!=").Nil())
			}
			continue
		}
		var set []jen.Code
		switch {
		case t.Kind == plan.StringKind && field.Pointer:
			set = []jen.Code{dst.Clone().Op("=").Add(cur)}
		case t.Kind == plan.StringKind:
			set = []jen.Code{jen.Id("v").Op(":=").Add(cur), dst.Clone().Op("=").Op("&").Id("v")}
		case t.Kind == plan.EnumKind:
			guards = append(guards, cur.Clone().Op("!=").Lit(""))
			set = []jen.Code{jen.Id("v").Op(":=").String().Parens(cur), dst.Clone().Op("=").Op("&").Id("v")}
		default:
			return nil, fmt.Errorf("it ends at a %s, not a string", kindName(t))
		}
		if len(guards) == 0 {
			return set, nil
		}
		cond := jen.Add(guards[0])
		for _, g := range guards[1:] {
			cond = cond.Op("&&").Add(g)
		}
		return []jen.Code{dst.Clone().Op("=").Nil(), jen.If(cond).Block(set...)}, nil
	}
	return nil, fmt.Errorf("the path is empty")
}

func fieldOf(t *plan.Type, member string) (*plan.Field, error) {
	if t.Kind != plan.StructKind || t.Struct == nil {
		return nil, fmt.Errorf("%s is read from a %s, not a structure", member, kindName(t))
	}
	for _, f := range t.Struct.Fields {
		if f.Member.Name == member {
			return f, nil
		}
	}
	return nil, fmt.Errorf("%s has no member %s", t.Struct.Name, member)
}

// walk is code that visits the values at steps from cur, a value of type
// t (a pointer that may be nil when ptr), and runs leaf on each string.
func (b *binder) walk(steps []pathStep, cur *jen.Statement, t *plan.Type, ptr bool, leaf func(jen.Code) jen.Code) ([]jen.Code, error) {
	guard := func(body []jen.Code) []jen.Code {
		if !ptr {
			return body
		}
		return []jen.Code{jen.If(cur.Clone().Op("!=").Nil()).Block(body...)}
	}
	if len(steps) == 0 {
		switch t.Kind {
		case plan.StringKind:
			v := cur.Clone()
			if ptr {
				v = jen.Op("*").Add(cur.Clone())
			}
			return guard([]jen.Code{leaf(v)}), nil
		case plan.EnumKind:
			return []jen.Code{jen.If(cur.Clone().Op("!=").Lit("")).Block(leaf(jen.String().Parens(cur.Clone())))}, nil
		}
		return nil, fmt.Errorf("it ends at a %s, not a string", kindName(t))
	}
	s := steps[0]
	switch {
	case s.keys:
		if t.Kind != plan.MapKind || len(steps) > 1 {
			return nil, fmt.Errorf("keys() takes a map, not a %s", kindName(t))
		}
		b.loops++
		k := fmt.Sprintf("k%d", b.loops)
		return []jen.Code{jen.For(jen.Id(k).Op(":=").Range().Add(cur.Clone())).Block(leaf(jen.Id(k)))}, nil
	case s.projection:
		if t.Kind != plan.ListKind {
			return nil, fmt.Errorf("[*] takes a list, not a %s", kindName(t))
		}
		b.loops++
		it := fmt.Sprintf("it%d", b.loops)
		body, err := b.walk(steps[1:], jen.Id(it), t.Elem, t.ElemPointer, leaf)
		if err != nil {
			return nil, err
		}
		return []jen.Code{jen.For(jen.List(jen.Id("_"), jen.Id(it)).Op(":=").Range().Add(cur.Clone())).Block(body...)}, nil
	}
	field, err := fieldOf(t, s.field)
	if err != nil {
		return nil, err
	}
	body, err := b.walk(steps[1:], cur.Clone().Dot(field.Name), field.Type, field.Pointer, leaf)
	if err != nil {
		return nil, err
	}
	return guard(body), nil
}

func kindName(t *plan.Type) string {
	switch t.Kind {
	case plan.StructKind:
		return "structure"
	case plan.ListKind:
		return "list"
	case plan.MapKind:
		return "map"
	case plan.EnumKind, plan.StringKind:
		return "string"
	}
	return "value of another kind"
}
