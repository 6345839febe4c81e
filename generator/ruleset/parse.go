package ruleset

import (
	"fmt"
	"sort"
	"strings"

	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Parse reads svc's endpoint rules and test cases. It returns nil and no
// error when the service has no rules; every problem found is returned at
// once as smithy.Problems.
func Parse(m *smithy.Model, svc *smithy.Shape) (*RuleSet, error) {
	bdd, isBDD := svc.Traits.Get(TraitBDD)
	tree, isTree := svc.Traits.Get(TraitRuleSet)
	if !isBDD && !isTree {
		return nil, nil
	}
	p := &parser{m: m, svc: svc, rs: &RuleSet{}, conds: map[string]int32{}, results: map[string]int32{}}
	// The BDD is the compiled, faster form of the same rules: prefer it.
	if isBDD {
		p.rs.Trait, p.rs.Offset = TraitBDD, bdd.Offset
		p.bdd(bdd)
	} else {
		p.rs.Trait, p.rs.Offset = TraitRuleSet, tree.Offset
		p.tree(tree)
	}
	if len(p.probs) == 0 {
		p.flow()
	}
	if tests, ok := svc.Traits.Get(TraitTests); ok && len(p.probs) == 0 {
		p.tests(tests)
	}
	if len(p.probs) > 0 {
		sort.SliceStable(p.probs, func(i, j int) bool {
			a, b := p.probs[i].Pos, p.probs[j].Pos
			if a.Line != b.Line {
				return a.Line < b.Line
			}
			return a.Col < b.Col
		})
		return nil, p.probs
	}
	return p.rs, nil
}

type parser struct {
	m     *smithy.Model
	svc   *smithy.Shape
	rs    *RuleSet
	probs smithy.Problems
	// quiet drops problems, while a BDD's variable types are worked out.
	quiet bool
	// conds and results index the distinct conditions and results by a
	// key naming what they compute.
	conds, results map[string]int32
}

func (p *parser) errorf(offset int, format string, args ...any) {
	if p.quiet {
		p.probs = append(p.probs, smithy.Problem{})
		return
	}
	p.probs = append(p.probs, smithy.Problem{
		Pos:     p.m.Position(offset),
		Shape:   p.svc.ID,
		Message: fmt.Sprintf(format, args...),
	})
}

// field returns an object's field, reporting it when required and missing.
func (p *parser) field(n smithy.Node, what, key string, kind smithy.Kind, required bool) (smithy.Node, bool) {
	v, ok := n.Get(key)
	if !ok {
		if required {
			p.errorf(n.Offset, "%s has no %q", what, key)
		}
		return smithy.Node{}, false
	}
	if v.Kind != kind {
		p.errorf(v.Offset, "%s: %q must be %s, not %s", what, key, article(kind), article(v.Kind))
		return smithy.Node{}, false
	}
	return v, true
}

func article(k smithy.Kind) string {
	switch k {
	case smithy.NullNode:
		return "null"
	case smithy.ArrayNode, smithy.ObjectNode:
		return "an " + k.String()
	}
	return "a " + k.String()
}

func (p *parser) object(n smithy.Node, what string) bool {
	if n.Kind != smithy.ObjectNode {
		p.errorf(n.Offset, "%s must be an object, not %s", what, article(n.Kind))
		return false
	}
	return true
}

// version reads the rules-engine version and the parameters, which both
// forms share.
func (p *parser) header(n smithy.Node, trait smithy.ShapeID) bool {
	if !p.object(n, string(trait)) {
		return false
	}
	if v, ok := p.field(n, string(trait), "version", smithy.StringNode, true); ok {
		p.rs.Version = v.Str
		if !versionAtLeast(v.Str, "1.0") || versionAtLeast(v.Str, "1.2") {
			p.errorf(v.Offset, "rules-engine version %q is not supported (1.0 and 1.1 are)", v.Str)
		}
		if trait == TraitBDD && !versionAtLeast(v.Str, "1.1") {
			p.errorf(v.Offset, "an endpointBdd trait needs rules-engine version 1.1 or later, not %q", v.Str)
		}
	}
	if params, ok := p.field(n, string(trait), "parameters", smithy.ObjectNode, true); ok {
		p.params(params)
	}
	return true
}

func (p *parser) params(n smithy.Node) {
	seen := map[string]string{}
	for _, f := range n.Fields {
		what := fmt.Sprintf("endpoint parameter %q", f.Key)
		if !validName(f.Key) {
			p.errorf(f.Offset, "%s: a parameter name is a letter then letters and digits", what)
			continue
		}
		if other, ok := seen[strings.ToLower(f.Key)]; ok {
			p.errorf(f.Offset, "%s differs from parameter %q only in case", what, other)
			continue
		}
		seen[strings.ToLower(f.Key)] = f.Key
		if !p.object(f.Value, what) {
			continue
		}
		prm := &Param{Name: f.Key, Offset: f.Offset, Index: len(p.rs.Params)}
		if t, ok := p.field(f.Value, what, "type", smithy.StringNode, true); ok {
			// Older models spell the types "String" and "Boolean".
			switch strings.ToLower(t.Str) {
			case "string":
				prm.Type = String
			case "boolean":
				prm.Type = Bool
			case "stringarray":
				prm.Type = StringArray
			default:
				p.errorf(t.Offset, "%s: type %q is not string, boolean or stringArray", what, t.Str)
				continue
			}
		} else {
			continue
		}
		if b, ok := p.field(f.Value, what, "builtIn", smithy.StringNode, false); ok {
			prm.BuiltIn = b.Str
		}
		if r, ok := p.field(f.Value, what, "required", smithy.BoolNode, false); ok {
			prm.Required = r.Bool
		}
		if d, ok := p.field(f.Value, what, "documentation", smithy.StringNode, false); ok {
			prm.Doc = d.Str
		}
		if d, ok := p.field(f.Value, what, "deprecated", smithy.ObjectNode, false); ok {
			msg, _ := d.Get("message")
			since, _ := d.Get("since")
			prm.Deprecated = &smithy.Deprecation{Message: msg.String(), Since: since.String()}
		}
		if d, ok := f.Value.Get("default"); ok {
			v, ok := p.literal(d, prm.Type, what+": default")
			if ok {
				prm.Default = &v
				if !prm.Required {
					p.errorf(d.Offset, "%s has a default, so it must also be required", what)
				}
			}
		}
		p.rs.Params = append(p.rs.Params, prm)
	}
}

// literal reads a parameter value of type t.
func (p *parser) literal(n smithy.Node, t Type, what string) (Value, bool) {
	switch {
	case t == String && n.Kind == smithy.StringNode:
		return Value{Type: String, Str: n.Str}, true
	case t == Bool && n.Kind == smithy.BoolNode:
		return Value{Type: Bool, Bool: n.Bool}, true
	case t == StringArray && n.Kind == smithy.ArrayNode:
		v := Value{Type: StringArray, List: []string{}}
		for _, it := range n.Items {
			if it.Kind != smithy.StringNode {
				p.errorf(it.Offset, "%s: a stringArray holds strings, not %s", what, article(it.Kind))
				return Value{}, false
			}
			v.List = append(v.List, it.Str)
		}
		return v, true
	}
	p.errorf(n.Offset, "%s must be a %s, not %s", what, t, article(n.Kind))
	return Value{}, false
}

func validName(s string) bool {
	for i, r := range s {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !letter && (i == 0 || r < '0' || r > '9') && r != '_' {
			return false
		}
		if i == 0 && !letter {
			return false
		}
	}
	return s != ""
}

func (p *parser) param(name string) *Param {
	for _, prm := range p.rs.Params {
		if prm.Name == name {
			return prm
		}
	}
	return nil
}

// variable returns the variable of a name and type, making it on first use.
func (p *parser) variable(name string, t Type) *Var {
	for _, v := range p.rs.Vars {
		if v.Name == name && v.Type == t {
			return v
		}
	}
	v := &Var{Name: name, Type: t, Index: len(p.rs.Vars)}
	p.rs.Vars = append(p.rs.Vars, v)
	return v
}

// scope finds the variables a condition or result can see.
type scope interface {
	lookup(name string) (*Var, bool)
}

// treeScope is a rule's variables: those its earlier conditions and its
// enclosing tree rules assign.
type treeScope struct {
	parent *treeScope
	v      *Var
}

func (s *treeScope) lookup(name string) (*Var, bool) {
	for ; s != nil; s = s.parent {
		if s.v.Name == name {
			return s.v, true
		}
	}
	return nil, false
}

// condition reads a condition of a tree rule; sc sees the variables
// assigned before it. It returns the index of the condition, the same for
// conditions that compute the same thing, or -1; and the variable it
// assigns, if any.
func (p *parser) condition(n smithy.Node, sc scope) (int32, *Var) {
	c, assign := p.readCondition(n, sc)
	if c == nil {
		return -1, assign
	}
	key := exprKey(c.Expr)
	if assign != nil {
		key += fmt.Sprintf(" -> %s#%d", assign.Name, assign.Index)
	}
	if i, ok := p.conds[key]; ok {
		return i, assign
	}
	i := int32(len(p.rs.Conditions))
	p.conds[key] = i
	p.rs.Conditions = append(p.rs.Conditions, c)
	return i, assign
}

// readCondition reads a condition object: a function call, and the
// variable its value is assigned to.
func (p *parser) readCondition(n smithy.Node, sc scope) (*Condition, *Var) {
	if !p.object(n, "a condition") {
		return nil, nil
	}
	e := p.call(n, sc)
	var assign *Var
	if a, ok := p.field(n, "a condition", "assign", smithy.StringNode, false); ok {
		switch {
		case !validName(a.Str):
			p.errorf(a.Offset, "cannot assign to %q: a variable name is a letter then letters and digits", a.Str)
		case p.param(a.Str) != nil:
			p.errorf(a.Offset, "cannot assign to %q: it is a parameter", a.Str)
		case e != nil:
			if v, ok := sc.lookup(a.Str); ok && p.rs.Trait == TraitRuleSet {
				p.errorf(a.Offset, "cannot assign to %q: a %s variable of that name is already in scope", a.Str, v.Type)
			}
			assign = p.variable(a.Str, e.Type)
		default:
			// The call has a problem already; uses of its variable are
			// not reported again.
			assign = &Var{Name: a.Str, Index: -1}
		}
	}
	if e == nil {
		return nil, assign
	}
	return &Condition{Expr: e, Assign: assign, Offset: n.Offset}, assign
}

// result reads an endpoint or error rule of a tree and returns the index
// of its result, the same for rules that end alike, or -1.
func (p *parser) result(n smithy.Node, typ string, sc scope) int32 {
	r := p.readResult(n, typ, sc)
	if r == nil {
		return -1
	}
	key := resultKey(r)
	if i, ok := p.results[key]; ok {
		return i
	}
	i := int32(len(p.rs.Results))
	p.results[key] = i
	p.rs.Results = append(p.rs.Results, r)
	return i
}

// readResult reads the right-hand side of an endpoint or error rule.
func (p *parser) readResult(n smithy.Node, typ string, sc scope) *Result {
	r := &Result{Offset: n.Offset}
	if d, ok := n.Get("documentation"); ok {
		r.Doc = d.String()
	}
	switch typ {
	case "error":
		e, ok := n.Get("error")
		if !ok {
			p.errorf(n.Offset, "an error rule has no \"error\"")
			return nil
		}
		if r.Error = p.stringExpr(e, sc, "an error rule's message"); r.Error == nil {
			return nil
		}
	case "endpoint":
		ep, ok := p.field(n, "an endpoint rule", "endpoint", smithy.ObjectNode, true)
		if !ok {
			return nil
		}
		u, ok := ep.Get("url")
		if !ok {
			p.errorf(ep.Offset, "an endpoint has no \"url\"")
			return nil
		}
		if r.URL = p.stringExpr(u, sc, "an endpoint's url"); r.URL == nil {
			return nil
		}
		if hs, ok := p.field(ep, "an endpoint", "headers", smithy.ObjectNode, false); ok {
			for _, h := range hs.Fields {
				if h.Value.Kind != smithy.ArrayNode {
					p.errorf(h.Value.Offset, "header %q must be an array of values, not %s", h.Key, article(h.Value.Kind))
					continue
				}
				hdr := Header{Name: h.Key}
				for _, it := range h.Value.Items {
					if e := p.stringExpr(it, sc, fmt.Sprintf("a value of header %q", h.Key)); e != nil {
						hdr.Values = append(hdr.Values, e)
					}
				}
				r.Headers = append(r.Headers, hdr)
			}
		}
		if props, ok := p.field(ep, "an endpoint", "properties", smithy.ObjectNode, false); ok && len(props.Fields) > 0 {
			r.Properties = p.property(props, sc)
		}
	default:
		p.errorf(n.Offset, "rule type %q is not endpoint, error or tree", typ)
		return nil
	}
	return r
}

// stringExpr reads an expression that must give a string.
func (p *parser) stringExpr(n smithy.Node, sc scope, what string) *Expr {
	e := p.expr(n, sc)
	if e == nil {
		return nil
	}
	if e.Type != String {
		p.errorf(n.Offset, "%s must be a string, not a %s", what, e.Type)
		return nil
	}
	return e
}

func (p *parser) property(n smithy.Node, sc scope) *Property {
	switch n.Kind {
	case smithy.StringNode:
		e := p.template(n, sc)
		if e == nil {
			return nil
		}
		return &Property{Kind: PropString, Str: e}
	case smithy.BoolNode:
		return &Property{Kind: PropBool, Bool: n.Bool}
	case smithy.ArrayNode:
		out := &Property{Kind: PropList}
		for _, it := range n.Items {
			if v := p.property(it, sc); v != nil {
				out.Items = append(out.Items, v)
			}
		}
		return out
	case smithy.ObjectNode:
		out := &Property{Kind: PropObject}
		for _, f := range n.Fields {
			if v := p.property(f.Value, sc); v != nil {
				out.Fields = append(out.Fields, PropertyField{Key: f.Key, Value: v})
			}
		}
		return out
	}
	p.errorf(n.Offset, "an endpoint property must be a string, boolean, array or object, not %s", article(n.Kind))
	return nil
}

// ---- The tree form ----

// treeRule is a rule of the endpointRuleSet form: conditions, then a
// result or nested rules.
type treeRule struct {
	conds  []int32
	result int32 // -1 for a tree rule
	rules  []*treeRule
}

func (p *parser) tree(n smithy.Node) {
	if !p.header(n, TraitRuleSet) {
		return
	}
	p.rs.Results = append(p.rs.Results, &Result{Offset: n.Offset}) // no match
	rules, ok := p.field(n, string(TraitRuleSet), "rules", smithy.ArrayNode, true)
	if !ok {
		return
	}
	top := p.ruleList(rules, nil)
	if len(p.probs) > 0 {
		return
	}
	g := newGraphBuilder()
	p.rs.Graph.Root = g.lower(top, ResultBase)
	p.rs.Graph.Nodes = g.nodes
}

func (p *parser) ruleList(n smithy.Node, sc *treeScope) []*treeRule {
	if len(n.Items) == 0 {
		p.errorf(n.Offset, "a rule list must hold at least one rule")
	}
	var out []*treeRule
	for _, it := range n.Items {
		if r := p.treeRule(it, sc); r != nil {
			out = append(out, r)
		}
	}
	return out
}

func (p *parser) treeRule(n smithy.Node, sc *treeScope) *treeRule {
	if !p.object(n, "a rule") {
		return nil
	}
	typ, ok := p.field(n, "a rule", "type", smithy.StringNode, true)
	if !ok {
		return nil
	}
	r := &treeRule{result: -1}
	if conds, ok := p.field(n, "a rule", "conditions", smithy.ArrayNode, true); ok {
		for _, c := range conds.Items {
			i, v := p.condition(c, sc)
			if v != nil {
				sc = &treeScope{parent: sc, v: v}
			}
			r.conds = append(r.conds, i)
		}
	}
	if typ.Str == "tree" {
		if rules, ok := p.field(n, "a tree rule", "rules", smithy.ArrayNode, true); ok {
			r.rules = p.ruleList(rules, sc)
		}
		return r
	}
	r.result = p.result(n, typ.Str, scopeOf(sc))
	return r
}

// scopeOf keeps a nil *treeScope a usable scope.
func scopeOf(sc *treeScope) scope {
	if sc == nil {
		return emptyScope{}
	}
	return sc
}

type emptyScope struct{}

func (emptyScope) lookup(string) (*Var, bool) { return nil, false }

// graphBuilder lowers rules to a decision graph, sharing equal nodes.
type graphBuilder struct {
	nodes []Node
	index map[Node]int32
}

func newGraphBuilder() *graphBuilder {
	return &graphBuilder{nodes: []Node{{-1, 1, -1}}, index: map[Node]int32{}}
}

func (g *graphBuilder) node(cond, high, low int32) int32 {
	if high == low {
		return high
	}
	n := Node{cond, high, low}
	if r, ok := g.index[n]; ok {
		return r
	}
	g.nodes = append(g.nodes, n)
	r := int32(len(g.nodes))
	g.index[n] = r
	return r
}

// lower returns the reference that evaluates rules in order, continuing at
// next when none of them is selected. A tree rule whose conditions hold is
// final: when none of its rules is selected, nothing matches.
func (g *graphBuilder) lower(rules []*treeRule, next int32) int32 {
	for i := len(rules) - 1; i >= 0; i-- {
		r := rules[i]
		body := ResultBase + r.result
		if r.result < 0 {
			body = g.lower(r.rules, ResultBase)
		}
		for j := len(r.conds) - 1; j >= 0; j-- {
			body = g.node(r.conds[j], body, next)
		}
		next = body
	}
	return next
}

// scopeFunc adapts a lookup function.
type scopeFunc func(string) (*Var, bool)

func (f scopeFunc) lookup(name string) (*Var, bool) { return f(name) }

func sortStrings(s []string) { sort.Strings(s) }
