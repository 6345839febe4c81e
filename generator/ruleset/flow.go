package ruleset

// flow works out, for every condition and result, which optional
// parameters are set and which variables assigned on every path that
// reaches it, and reports uses that could find no value there. A
// parameter is known to be set past an isSet check of it (or a failed
// not(isSet(...))) and a variable past the condition that assigns it.
func (p *parser) flow() {
	rs := p.rs
	np, nv := len(rs.Params), len(rs.Vars)
	initial := make([]bool, np+nv)
	for _, prm := range rs.Params {
		initial[prm.Index] = prm.Set()
	}
	condFacts := make([][]bool, len(rs.Conditions))
	resultFacts := make([][]bool, len(rs.Results))
	in := map[int32][]bool{}
	merge := func(ref int32, f []bool) {
		if !IsNode(ref) {
			i := ResultIndex(ref)
			resultFacts[i] = meet(resultFacts[i], f)
			return
		}
		in[ref] = meet(in[ref], f)
	}
	merge(rs.Graph.Root, initial)
	for _, ref := range topoOrder(rs.Graph) {
		f := in[ref]
		nd := rs.Graph.Nodes[NodeIndex(ref)]
		c := rs.Conditions[nd.Cond]
		condFacts[nd.Cond] = meet(condFacts[nd.Cond], f)
		holds, fails := clone(f), f
		if c.Assign != nil {
			holds[np+c.Assign.Index] = true
		}
		if prm := isSetParam(c.Expr); prm != nil {
			holds[prm.Index] = true
		}
		if c.Expr != nil && c.Expr.Fn == FnNot {
			if prm := isSetParam(c.Expr.Args[0]); prm != nil {
				fails = clone(f)
				fails[prm.Index] = true
			}
		}
		high, low := nd.High, nd.Low
		if ref < 0 {
			high, low = low, high
		}
		merge(high, holds)
		merge(low, fails)
	}
	for i, c := range rs.Conditions {
		if f := condFacts[i]; f != nil {
			c.Known, c.Assigned = f[:np], f[np:]
			p.require(c.Expr, c.Known, c.Assigned, false)
		}
	}
	for i, r := range rs.Results {
		f := resultFacts[i]
		if f == nil {
			continue
		}
		r.Known, r.Assigned = f[:np], f[np:]
		for _, e := range resultExprs(r) {
			p.require(e, r.Known, r.Assigned, true)
		}
	}
}

// Reached reports whether any path of the graph reaches the condition.
func (c *Condition) Reached() bool { return c.Known != nil }

// Reached reports whether any path of the graph reaches the result.
func (r *Result) Reached() bool { return r.Known != nil }

func meet(have, f []bool) []bool {
	if have == nil {
		return clone(f)
	}
	for i := range have {
		have[i] = have[i] && f[i]
	}
	return have
}

func clone(f []bool) []bool { return append([]bool(nil), f...) }

// isSetParam returns P for the expression isSet(P).
func isSetParam(e *Expr) *Param {
	if e != nil && e.Op == OpCall && e.Fn == FnIsSet && e.Args[0].Op == OpRef {
		return e.Args[0].Param
	}
	return nil
}

// topoOrder lists the node references reachable from the root, each after
// every reference that leads to it. A node reached both plainly and
// complemented appears twice: its branches are swapped.
func topoOrder(g Graph) []int32 {
	var post []int32
	seen := map[int32]bool{}
	type frame struct {
		ref  int32
		next int
	}
	if !IsNode(g.Root) {
		return nil
	}
	stack := []frame{{ref: g.Root}}
	seen[g.Root] = true
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		nd := g.Nodes[NodeIndex(top.ref)]
		if top.next == 2 {
			post = append(post, top.ref)
			stack = stack[:len(stack)-1]
			continue
		}
		ref := [2]int32{nd.High, nd.Low}[top.next]
		top.next++
		if IsNode(ref) && !seen[ref] {
			seen[ref] = true
			stack = append(stack, frame{ref: ref})
		}
	}
	for i, j := 0, len(post)-1; i < j; i, j = i+1, j-1 {
		post[i], post[j] = post[j], post[i]
	}
	return post
}

// resultExprs lists a result's string expressions.
func resultExprs(r *Result) []*Expr {
	var out []*Expr
	if r.Error != nil {
		out = append(out, r.Error)
	}
	if r.URL != nil {
		out = append(out, r.URL)
	}
	for _, h := range r.Headers {
		out = append(out, h.Values...)
	}
	var props func(*Property)
	props = func(pr *Property) {
		if pr == nil {
			return
		}
		if pr.Str != nil {
			out = append(out, pr.Str)
		}
		for _, it := range pr.Items {
			props(it)
		}
		for _, f := range pr.Fields {
			props(f.Value)
		}
	}
	props(r.Properties)
	return out
}

// require reports the parts of e that could have no value where it is
// evaluated: unassigned variables, and unset parameters or empty optionals
// where a value is needed. Only isSet, coalesce, ite's values and a
// condition's own call take values that may be missing. whole says that
// e itself must have a value, as an endpoint's parts must.
func (p *parser) require(e *Expr, known, assigned []bool, whole bool) {
	if e == nil {
		return
	}
	if whole && IsOptional(e, known) {
		p.errorf(e.Offset, "%s may have no value here; assign it in a condition first", e)
		return
	}
	p.requireIn(e, known, assigned)
}

func (p *parser) requireIn(e *Expr, known, assigned []bool) {
	switch e.Op {
	case OpRef:
		if e.Var != nil && !assigned[e.Var.Index] {
			p.errorf(e.Offset, "variable %q may be unassigned here", e.Var.Name)
		}
		return
	case OpLiteral:
		return
	}
	lenient := func(i int) bool {
		switch e.Fn {
		case FnIsSet, FnCoalesce:
			return true
		case FnIte:
			return i > 0
		}
		return false
	}
	args := e.Args
	if e.Op == OpTemplate {
		args = e.Parts
	}
	for i, a := range args {
		if !lenient(i) && IsOptional(a, known) {
			if a.Op == OpRef {
				p.errorf(a.Offset, "parameter %q may be unset here; check it with isSet first", a.Param.Name)
			} else {
				p.errorf(a.Offset, "%s may have no value here; assign it in a condition first", a)
			}
			continue
		}
		p.requireIn(a, known, assigned)
	}
}

// IsOptional reports whether e may have no value, given the optional
// parameters known to be set (by Param.Index).
func IsOptional(e *Expr, known []bool) bool {
	switch e.Op {
	case OpRef:
		return e.Param != nil && !e.Param.Set() && !known[e.Param.Index]
	case OpGetAttr:
		return EndsInIndex(e.Path)
	case OpCall:
		switch e.Fn {
		case FnIsSet:
			return false
		case FnCoalesce:
			for _, a := range e.Args {
				if !IsOptional(a, known) {
					return false
				}
			}
			return true
		case FnIte:
			return IsOptional(e.Args[1], known) || IsOptional(e.Args[2], known)
		}
		return signatures[e.Fn].optional
	}
	return false
}
