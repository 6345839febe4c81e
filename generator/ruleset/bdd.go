package ruleset

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"

	"github.com/smithy2go/smithy2go/generator/smithy"
)

// bdd reads the endpointBdd form: conditions and results by index, and
// base64-packed nodes of three big-endian int32s each.
func (p *parser) bdd(n smithy.Node) {
	if !p.header(n, TraitBDD) {
		return
	}
	const what = string(TraitBDD)
	conds, okC := p.field(n, what, "conditions", smithy.ArrayNode, true)
	results, okR := p.field(n, what, "results", smithy.ArrayNode, true)
	root, okRoot := p.field(n, what, "root", smithy.NumberNode, true)
	count, okCount := p.field(n, what, "nodeCount", smithy.NumberNode, true)
	packed, okNodes := p.field(n, what, "nodes", smithy.StringNode, true)
	if !okC || !okR {
		return
	}
	sc := p.bddScope(conds)
	for _, c := range conds.Items {
		cond, _ := p.readCondition(c, sc)
		if cond == nil {
			cond = &Condition{Offset: c.Offset} // keeps indexes; a problem is reported
		}
		p.rs.Conditions = append(p.rs.Conditions, cond)
	}
	p.rs.Results = append(p.rs.Results, &Result{Offset: n.Offset}) // no match
	for _, r := range results.Items {
		res := p.bddResult(r, sc)
		if res == nil {
			res = &Result{Offset: r.Offset}
		}
		p.rs.Results = append(p.rs.Results, res)
	}
	if !okRoot || !okCount || !okNodes {
		return
	}
	p.nodes(root, count, packed)
}

// bddScope works out the type of each variable the conditions assign. A
// condition may use a variable that a later one in the list assigns, so
// conditions are typed in rounds until no more can be.
func (p *parser) bddScope(conds smithy.Node) scope {
	vars := map[string]*Var{}
	sc := scopeFunc(func(name string) (*Var, bool) {
		v, ok := vars[name]
		return v, ok
	})
	done := make([]bool, len(conds.Items))
	for progress := true; progress; {
		progress = false
		for i, c := range conds.Items {
			a, ok := c.Get("assign")
			if done[i] || !ok || a.Kind != smithy.StringNode {
				continue
			}
			mark := len(p.probs)
			p.quiet = true
			e := p.call(c, sc)
			p.quiet = false
			failed := len(p.probs) > mark
			p.probs = p.probs[:mark]
			if failed || e == nil {
				continue
			}
			done[i], progress = true, true
			if v, ok := vars[a.Str]; ok && v.Type != e.Type {
				p.errorf(a.Offset, "variable %q is assigned a %s here and a %s elsewhere", a.Str, e.Type, v.Type)
				continue
			}
			if p.param(a.Str) == nil && validName(a.Str) {
				vars[a.Str] = p.variable(a.Str, e.Type)
			}
		}
	}
	// A condition that cannot be typed gets its problem reported once;
	// uses of its variable are not reported again.
	for i, c := range conds.Items {
		if a, ok := c.Get("assign"); ok && !done[i] && vars[a.Str] == nil {
			vars[a.Str] = &Var{Name: a.Str, Index: -1}
		}
	}
	return sc
}

func (p *parser) bddResult(n smithy.Node, sc scope) *Result {
	if !p.object(n, "a result") {
		return nil
	}
	typ, ok := p.field(n, "a result", "type", smithy.StringNode, true)
	if !ok {
		return nil
	}
	if c, ok := n.Get("conditions"); ok && (c.Kind != smithy.ArrayNode || len(c.Items) > 0) {
		p.errorf(c.Offset, "a result of an endpointBdd trait must have no conditions")
		return nil
	}
	if typ.Str == "tree" {
		p.errorf(typ.Offset, "a result of an endpointBdd trait is an endpoint or error rule, not a tree")
		return nil
	}
	return p.readResult(n, typ.Str, sc)
}

// nodes decodes and checks the packed nodes: every reference names a node,
// a terminal or a result, conditions exist, and no path loops.
func (p *parser) nodes(root, count, packed smithy.Node) {
	nodeCount, ok := count.Int()
	if !ok || nodeCount < 1 || nodeCount > 1<<24 {
		p.errorf(count.Offset, "nodeCount %s is not a positive integer", count.Str)
		return
	}
	data, err := base64.StdEncoding.DecodeString(packed.Str)
	if err != nil {
		p.errorf(packed.Offset, "nodes is not valid base64: %v", err)
		return
	}
	if int64(len(data)) != nodeCount*12 {
		p.errorf(packed.Offset, "nodes holds %d bytes; nodeCount %d nodes take %d", len(data), nodeCount, nodeCount*12)
		return
	}
	g := Graph{Nodes: make([]Node, nodeCount)}
	for i := range g.Nodes {
		b := data[12*i:]
		g.Nodes[i] = Node{
			Cond: int32(binary.BigEndian.Uint32(b)),
			High: int32(binary.BigEndian.Uint32(b[4:])),
			Low:  int32(binary.BigEndian.Uint32(b[8:])),
		}
	}
	if g.Nodes[0] != (Node{-1, 1, -1}) {
		p.errorf(packed.Offset, "node 0 is %v; it must be the terminal [-1, 1, -1]", g.Nodes[0])
		return
	}
	r, ok := root.Int()
	if !ok || r < 0 || r > 1<<31-1 {
		p.errorf(root.Offset, "root %s must be a reference that is not complemented", root.Str)
		return
	}
	g.Root = int32(r)
	bad := false
	check := func(ref int32, where string) {
		if why := p.badRef(ref, len(g.Nodes)); why != "" {
			p.errorf(packed.Offset, "%s: %s", where, why)
			bad = true
		}
	}
	check(g.Root, "root")
	for i, nd := range g.Nodes[1:] {
		where := fmt.Sprintf("node %d", i+1)
		if nd.Cond < 0 || int(nd.Cond) >= len(p.rs.Conditions) {
			p.errorf(packed.Offset, "%s tests condition %d; there are %d", where, nd.Cond, len(p.rs.Conditions))
			bad = true
		}
		check(nd.High, where)
		check(nd.Low, where)
	}
	if bad {
		return
	}
	if cycle := findCycle(g); cycle >= 0 {
		p.errorf(packed.Offset, "the nodes loop back to node %d: evaluation would never end", cycle)
		return
	}
	p.rs.Graph = g
}

// badRef says what is wrong with a reference, or "".
func (p *parser) badRef(ref int32, nodes int) string {
	switch {
	case ref == 0:
		return "reference 0 is not allowed"
	case ref >= ResultBase:
		if int(ref-ResultBase) >= len(p.rs.Results) {
			return fmt.Sprintf("result reference %d names result %d; there are %d", ref, ref-ResultBase, len(p.rs.Results)-1)
		}
	case ref <= -ResultBase:
		return fmt.Sprintf("result reference %d is complemented", ref)
	case ref == 1 || ref == -1:
	default:
		if i := abs(ref) - 1; int(i) >= nodes {
			return fmt.Sprintf("reference %d names node %d; there are %d", ref, i, nodes)
		}
	}
	return ""
}

func abs(r int32) int32 {
	if r < 0 {
		return -r
	}
	return r
}

// IsNode reports whether a reference names a node rather than a terminal
// or a result.
func IsNode(ref int32) bool { return ref != 1 && ref != -1 && ref > -ResultBase && ref < ResultBase }

// NodeIndex is the index in Graph.Nodes of a node reference.
func NodeIndex(ref int32) int32 { return abs(ref) - 1 }

// ResultIndex is the result a terminal or result reference ends in; the
// terminals 1 and -1 end in result 0, no match.
func ResultIndex(ref int32) int32 {
	if ref >= ResultBase {
		return ref - ResultBase
	}
	return 0
}

// findCycle returns a node on a loop reachable from the root, or -1.
func findCycle(g Graph) int32 {
	const (
		unseen = iota
		active
		finished
	)
	state := make([]uint8, len(g.Nodes))
	type frame struct {
		node int32
		next int // successors visited
	}
	if !IsNode(g.Root) {
		return -1
	}
	stack := []frame{{node: NodeIndex(g.Root)}}
	state[NodeIndex(g.Root)] = active
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		nd := g.Nodes[top.node]
		succ := [2]int32{nd.High, nd.Low}
		if top.next == 2 {
			state[top.node] = finished
			stack = stack[:len(stack)-1]
			continue
		}
		ref := succ[top.next]
		top.next++
		if !IsNode(ref) {
			continue
		}
		i := NodeIndex(ref)
		switch state[i] {
		case active:
			return i
		case unseen:
			state[i] = active
			stack = append(stack, frame{node: i})
		}
	}
	return -1
}
