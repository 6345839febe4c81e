package ruleset

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/smithy2go/smithy2go/generator/smithy"
)

// expr reads an expression: a string (a template), a boolean, an integer,
// a list of strings, a reference or a function call.
func (p *parser) expr(n smithy.Node, sc scope) *Expr {
	switch n.Kind {
	case smithy.StringNode:
		return p.template(n, sc)
	case smithy.BoolNode:
		return &Expr{Op: OpLiteral, Type: Bool, Value: Value{Type: Bool, Bool: n.Bool}, Offset: n.Offset}
	case smithy.NumberNode:
		i, ok := n.Int()
		if !ok {
			p.errorf(n.Offset, "the number %s is not an integer", n.Str)
			return nil
		}
		return &Expr{Op: OpLiteral, Type: Int, Value: Value{Type: Int, Str: strconv.FormatInt(i, 10)}, Offset: n.Offset}
	case smithy.ArrayNode:
		v, ok := p.literal(n, StringArray, "a list argument")
		if !ok {
			return nil
		}
		return &Expr{Op: OpLiteral, Type: StringArray, Value: v, Offset: n.Offset}
	case smithy.ObjectNode:
		if ref, ok := n.Get("ref"); ok {
			if ref.Kind != smithy.StringNode {
				p.errorf(ref.Offset, "a reference's \"ref\" must be a string, not %s", article(ref.Kind))
				return nil
			}
			return p.ref(ref.Str, ref.Offset, sc)
		}
		if _, ok := n.Get("fn"); ok {
			return p.call(n, sc)
		}
		p.errorf(n.Offset, "an object argument must be a reference (\"ref\") or a function call (\"fn\")")
		return nil
	}
	p.errorf(n.Offset, "%s is not a valid expression", article(n.Kind))
	return nil
}

func (p *parser) ref(name string, offset int, sc scope) *Expr {
	if prm := p.param(name); prm != nil {
		return &Expr{Op: OpRef, Type: prm.Type, Param: prm, Offset: offset}
	}
	if v, ok := sc.lookup(name); ok {
		if v.Type == 0 {
			return nil // assigned by a call with a problem
		}
		return &Expr{Op: OpRef, Type: v.Type, Var: v, Offset: offset}
	}
	p.errorf(offset, "%q is neither a parameter nor a variable assigned before it", name)
	return nil
}

// call reads and type-checks a function call.
func (p *parser) call(n smithy.Node, sc scope) *Expr {
	fnNode, ok := p.field(n, "a function call", "fn", smithy.StringNode, true)
	if !ok {
		return nil
	}
	argv, ok := p.field(n, fmt.Sprintf("function %q", fnNode.Str), "argv", smithy.ArrayNode, true)
	if !ok {
		return nil
	}
	fn := fnNode.Str
	e := &Expr{Op: OpCall, Fn: fn, Offset: fnNode.Offset}
	if fn == FnGetAttr {
		return p.getAttr(e, argv, sc)
	}
	sig, known := signatures[fn]
	if !known && fn != FnCoalesce && fn != FnIte {
		p.errorf(fnNode.Offset, "unknown function %q", fn)
		return nil
	}
	if (fn == FnCoalesce || fn == FnIte || sig.since != "") && !versionAtLeast(p.rs.Version, "1.1") {
		p.errorf(fnNode.Offset, "function %q needs rules-engine version 1.1, and the rule set is version %q", fn, p.rs.Version)
	}
	failed := false
	for _, a := range argv.Items {
		arg := p.expr(a, sc)
		if arg == nil {
			failed = true
			continue
		}
		e.Args = append(e.Args, arg)
	}
	if failed {
		return nil
	}
	if fn == FnCoalesce || fn == FnIte {
		for i, a := range e.Args {
			if a.Type == Int {
				p.errorf(argv.Items[i].Offset, "%s: an integer can only be a function's literal argument", fn)
				return nil
			}
		}
	}
	switch fn {
	case FnCoalesce:
		if len(e.Args) < 2 {
			p.errorf(fnNode.Offset, "coalesce takes two or more arguments, not %d", len(e.Args))
			return nil
		}
		for i, a := range e.Args[1:] {
			if a.Type != e.Args[0].Type {
				p.errorf(argv.Items[i+1].Offset, "coalesce: argument %d is a %s, and the first is a %s", i+2, a.Type, e.Args[0].Type)
				return nil
			}
		}
		e.Type = e.Args[0].Type
		return e
	case FnIte:
		if len(e.Args) != 3 {
			p.errorf(fnNode.Offset, "ite takes 3 arguments, not %d", len(e.Args))
			return nil
		}
		if e.Args[0].Type != Bool {
			p.errorf(argv.Items[0].Offset, "ite: the condition must be a boolean, not a %s", e.Args[0].Type)
			return nil
		}
		if e.Args[1].Type != e.Args[2].Type {
			p.errorf(argv.Items[2].Offset, "ite: the values are a %s and a %s; they must be of one type", e.Args[1].Type, e.Args[2].Type)
			return nil
		}
		e.Type = e.Args[1].Type
		return e
	}
	if len(e.Args) != len(sig.args) {
		p.errorf(fnNode.Offset, "%s takes %d argument%s, not %d", fn, len(sig.args), plural(len(sig.args)), len(e.Args))
		return nil
	}
	for i, want := range sig.args {
		a := e.Args[i]
		if want == anyType {
			continue
		}
		if a.Type != want {
			p.errorf(argv.Items[i].Offset, "%s: argument %d must be a %s, not a %s", fn, i+1, want, a.Type)
			return nil
		}
		if want == Int && a.Op != OpLiteral {
			p.errorf(argv.Items[i].Offset, "%s: argument %d must be an integer literal", fn, i+1)
			return nil
		}
	}
	if fn == FnSplit && e.Args[1].Op == OpLiteral && e.Args[1].Value.Str == "" {
		p.errorf(argv.Items[1].Offset, "split: the delimiter must not be empty")
		return nil
	}
	if fn == FnSplit || fn == FnSubstring {
		for i, a := range e.Args {
			if a.Type == Int && strings.HasPrefix(a.Value.Str, "-") {
				p.errorf(argv.Items[i].Offset, "%s: argument %d must not be negative", fn, i+1)
				return nil
			}
		}
	}
	e.Type = sig.ret
	return e
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func (p *parser) getAttr(e *Expr, argv smithy.Node, sc scope) *Expr {
	if len(argv.Items) != 2 {
		p.errorf(argv.Offset, "getAttr takes 2 arguments, not %d", len(argv.Items))
		return nil
	}
	obj := p.expr(argv.Items[0], sc)
	path := argv.Items[1]
	if path.Kind != smithy.StringNode {
		p.errorf(path.Offset, "getAttr: the path must be a string, not %s", article(path.Kind))
		return nil
	}
	if obj == nil {
		return nil
	}
	steps, t, err := parsePath(obj.Type, path.Str)
	if err != nil {
		p.errorf(path.Offset, "%v", err)
		return nil
	}
	e.Op, e.Fn, e.Args, e.Path, e.Type = OpGetAttr, FnGetAttr, []*Expr{obj}, steps, t
	return e
}

// template reads a string that may hold {name} and {name#path}
// placeholders; {{ and }} stand for literal braces.
func (p *parser) template(n smithy.Node, sc scope) *Expr {
	s := n.Str
	e := &Expr{Op: OpTemplate, Type: String, Value: Value{Type: String, Str: s}, Offset: n.Offset}
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			e.Parts = append(e.Parts, &Expr{Op: OpLiteral, Type: String, Value: Value{Type: String, Str: lit.String()}, Offset: n.Offset})
			lit.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '{' && i+1 < len(s) && s[i+1] == '{', c == '}' && i+1 < len(s) && s[i+1] == '}':
			lit.WriteByte(c)
			i++
		case c == '{':
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				p.errorf(n.Offset, "template %q: a { at byte %d is never closed", s, i)
				return nil
			}
			flush()
			part := p.placeholder(s[i+1:i+end], n.Offset, sc, s)
			if part == nil {
				return nil
			}
			e.Parts = append(e.Parts, part)
			i += end
		default:
			lit.WriteByte(c)
		}
	}
	flush()
	if len(e.Parts) == 1 && e.Parts[0].Op == OpLiteral {
		return e.Parts[0]
	}
	if len(e.Parts) == 0 {
		return &Expr{Op: OpLiteral, Type: String, Value: Value{Type: String}, Offset: n.Offset}
	}
	return e
}

func (p *parser) placeholder(text string, offset int, sc scope, tmpl string) *Expr {
	name, path, hasPath := strings.Cut(text, "#")
	ref := p.ref(name, offset, sc)
	if ref == nil {
		return nil
	}
	if !hasPath {
		if ref.Type != String {
			p.errorf(offset, "template %q: {%s} is a %s, not a string", tmpl, text, ref.Type)
			return nil
		}
		return ref
	}
	steps, t, err := parsePath(ref.Type, path)
	if err != nil {
		p.errorf(offset, "template %q: %v", tmpl, err)
		return nil
	}
	if t != String {
		p.errorf(offset, "template %q: {%s} is a %s, not a string", tmpl, text, t)
		return nil
	}
	return &Expr{Op: OpGetAttr, Fn: FnGetAttr, Type: t, Args: []*Expr{ref}, Path: steps, Offset: offset}
}

// String renders the expression as the rules language writes it, for
// comments: stringEquals(Region, "aws-global").
func (e *Expr) String() string { return render(e, false) }

// exprKey is like String but tells apart variables of one name and
// different types, so that equal keys compute the same thing.
func exprKey(e *Expr) string { return render(e, true) }

func render(e *Expr, key bool) string {
	switch e.Op {
	case OpLiteral:
		switch e.Type {
		case String:
			return strconv.Quote(e.Value.Str)
		case Bool:
			return strconv.FormatBool(e.Value.Bool)
		case Int:
			return e.Value.Str
		}
		q := make([]string, len(e.Value.List))
		for i, s := range e.Value.List {
			q[i] = strconv.Quote(s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	case OpRef:
		if e.Param != nil {
			return e.Param.Name
		}
		if key {
			return fmt.Sprintf("%s#%d", e.Var.Name, e.Var.Index)
		}
		return e.Var.Name
	case OpTemplate:
		if !key {
			return strconv.Quote(e.Value.Str)
		}
		parts := make([]string, len(e.Parts))
		for i, part := range e.Parts {
			parts[i] = render(part, key)
		}
		return "template(" + strings.Join(parts, ", ") + ")"
	case OpGetAttr:
		return render(e.Args[0], key) + "#" + PathString(e.Path)
	}
	args := make([]string, len(e.Args))
	for i, a := range e.Args {
		args[i] = render(a, key)
	}
	return e.Fn + "(" + strings.Join(args, ", ") + ")"
}

// PathString spells a getAttr path as the model does: "resourceId[1]".
func PathString(path []PathStep) string {
	var b strings.Builder
	for i, s := range path {
		switch {
		case s.IsIndex:
			fmt.Fprintf(&b, "[%d]", s.Index)
		case i > 0:
			b.WriteString("." + s.Key)
		default:
			b.WriteString(s.Key)
		}
	}
	return b.String()
}

func resultKey(r *Result) string {
	var b strings.Builder
	if r.Error != nil {
		return "error " + exprKey(r.Error)
	}
	b.WriteString("endpoint " + exprKey(r.URL))
	for _, h := range r.Headers {
		b.WriteString(" header " + strconv.Quote(h.Name))
		for _, v := range h.Values {
			b.WriteString(" " + exprKey(v))
		}
	}
	if r.Properties != nil {
		b.WriteString(" properties ")
		propKey(&b, r.Properties)
	}
	return b.String()
}

func propKey(b *strings.Builder, p *Property) {
	switch p.Kind {
	case PropString:
		b.WriteString(exprKey(p.Str))
	case PropBool:
		b.WriteString(strconv.FormatBool(p.Bool))
	case PropList:
		b.WriteString("[")
		for _, it := range p.Items {
			propKey(b, it)
			b.WriteString(",")
		}
		b.WriteString("]")
	case PropObject:
		b.WriteString("{")
		for _, f := range p.Fields {
			b.WriteString(strconv.Quote(f.Key) + ":")
			propKey(b, f.Value)
			b.WriteString(",")
		}
		b.WriteString("}")
	}
}
