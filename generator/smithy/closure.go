package smithy

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Services returns the model's services, sorted by ID.
func (m *Model) Services() []*Shape { return m.ShapesOf(Service) }

// ServiceOperations returns every operation bound to the service, directly
// or through its resources, sorted by ID.
func (m *Model) ServiceOperations(svc *Shape) []*Shape {
	seen := map[ShapeID]bool{}
	var ops []*Shape
	addOp := func(id ShapeID) {
		if op := m.Shape(id); op != nil && op.Type == Operation && !seen[id] {
			seen[id] = true
			ops = append(ops, op)
		}
	}
	visited := map[ShapeID]bool{}
	var resource func(id ShapeID)
	resource = func(id ShapeID) {
		r := m.Shape(id)
		if r == nil || visited[id] {
			return
		}
		visited[id] = true
		for _, b := range r.Lifecycle {
			addOp(b.Target)
		}
		for _, o := range r.Operations {
			addOp(o)
		}
		for _, o := range r.CollectionOperations {
			addOp(o)
		}
		for _, c := range r.Resources {
			resource(c)
		}
	}
	for _, o := range svc.Operations {
		addOp(o)
	}
	for _, r := range svc.Resources {
		resource(r)
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].ID < ops[j].ID })
	return ops
}

// SelectOperations finds operations of svc by shape name ("CreateThing") or
// full shape ID. An empty list selects them all. Every name it does not
// find is reported, each with the closest operation name when one is
// close: the same but for case, or a few edits away.
func (m *Model) SelectOperations(svc *Shape, names []string) ([]*Shape, error) {
	all := m.ServiceOperations(svc)
	if len(names) == 0 {
		return all, nil
	}
	var out []*Shape
	var unknown []string
	seen := map[ShapeID]bool{}
	for _, n := range names {
		var found *Shape
		for _, op := range all {
			if string(op.ID) == n || op.ID.Name() == n {
				found = op
				break
			}
		}
		if found == nil {
			unknown = append(unknown, strconv.Quote(n)+suggestOperation(all, n))
			continue
		}
		if !seen[found.ID] {
			seen[found.ID] = true
			out = append(out, found)
		}
	}
	switch len(unknown) {
	case 0:
	case 1:
		return nil, fmt.Errorf("service %s has no operation %s", svc.ID, unknown[0])
	default:
		return nil, fmt.Errorf("service %s has no operations %s", svc.ID, strings.Join(unknown, ", "))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// suggestOperation names the operation of ops closest to n, if one is
// close enough to be what was meant.
func suggestOperation(ops []*Shape, n string) string {
	name := strings.ToLower(ShapeID(n).Name())
	if !strings.Contains(n, "#") {
		name = strings.ToLower(n)
	}
	if name == "" {
		return ""
	}
	best, bestDist := "", max(2, len(name)/4)+1
	for _, op := range ops {
		on := op.ID.Name()
		lower := strings.ToLower(on)
		if lower == name {
			return fmt.Sprintf(" (did you mean %q?)", on)
		}
		if d := editDistance(name, lower); d < bestDist || d == bestDist && best != "" && on < best {
			best, bestDist = on, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// Closure returns every shape reachable from the operations: their inputs,
// outputs and errors, the service's common errors, and all shapes those
// reach through members. Prelude shapes are left out. The result is sorted
// by ID.
func (m *Model) Closure(svc *Shape, ops []*Shape) []*Shape {
	seen := map[ShapeID]bool{}
	var out []*Shape
	var visit func(id ShapeID)
	visit = func(id ShapeID) {
		if id == "" || seen[id] {
			return
		}
		seen[id] = true
		s := m.Shape(id)
		if s == nil {
			return
		}
		if !s.Prelude {
			out = append(out, s)
		}
		for _, mem := range s.Members {
			visit(mem.Target)
		}
	}
	for _, op := range ops {
		visit(op.ID)
		visit(op.Input)
		visit(op.Output)
		for _, e := range op.Errors {
			visit(e)
		}
	}
	if svc != nil {
		for _, e := range svc.Errors {
			visit(e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
