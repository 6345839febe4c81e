package smithy

import (
	"slices"
	"strings"
)

// assemble builds the model from every file read: it lowers IDL files to
// shapes, merges the shapes of all files, applies traits, upgrades
// Smithy 1.0 shapes, flattens mixins and checks the result. JSON AST and
// IDL files meet here, so everything from here on is done once for both.
func (l *loader) assemble(units []*idlUnit, files int) {
	if len(units) > 0 {
		for _, s := range l.pending {
			l.defined[s.ID] = s.Type
		}
		for _, u := range units {
			u.declare(l)
		}
		for _, u := range units {
			l.lowerIDL(u)
		}
	}
	// A JSON file's shapes are already checked against each other.
	l.merge(files > 1 || len(units) > 0)
	for _, a := range coalesce(l.applies) {
		if !l.apply(a, false) {
			l.lateApplies = append(l.lateApplies, a)
		}
	}
	l.upgrade()
	if len(l.problems) > 0 {
		return
	}
	l.applyMixins()
	if len(l.problems) > 0 {
		return
	}
	l.check()
}

// merge puts the shapes of every file in the model. A shape defined the
// same way twice is one shape, as in Smithy; defined differently, it is
// a problem. IDs that differ only by case conflict, when checked.
func (l *loader) merge(checkCase bool) {
	var lower map[string]ShapeID
	if checkCase {
		lower = make(map[string]ShapeID, len(l.pending))
	}
	for _, s := range l.pending {
		if prev, ok := l.m.shapes[s.ID]; ok {
			if d := shapeDiff(s, prev); d != "" {
				l.addAt(s.Offset, s.ID, "shape defined twice, differently (%s); the other definition is at %s", d, l.m.Position(prev.Offset))
			}
			continue
		}
		if checkCase {
			key := strings.ToLower(string(s.ID))
			if prev, ok := lower[key]; ok {
				l.addAt(s.Offset, s.ID, "shape ID conflicts with %s: shape IDs must differ other than by case", prev)
				continue
			}
			lower[key] = s.ID
		}
		l.m.shapes[s.ID] = s
	}
	l.pending = nil
}

// addMetadata merges metadata entries into the model's: lists with the
// same key are concatenated, equal values are one, others conflict.
func (l *loader) addMetadata(fields []Field) {
	if l.metaIndex == nil {
		l.metaIndex = map[string]int{}
	}
	for _, f := range fields {
		i, ok := l.metaIndex[f.Key]
		if !ok {
			l.metaIndex[f.Key] = len(l.m.Metadata)
			l.m.Metadata = append(l.m.Metadata, f)
			continue
		}
		old := &l.m.Metadata[i]
		switch {
		case old.Value.Kind == ArrayNode && f.Value.Kind == ArrayNode:
			old.Value.Items = append(append([]Node(nil), old.Value.Items...), f.Value.Items...)
		case !nodeEqual(old.Value, f.Value):
			l.addAt(f.Offset, "", "metadata %q conflicts with the value given at %s; only lists can be given twice",
				f.Key, l.m.Position(old.Offset))
		}
	}
}

// coalesce joins the lists that several apply statements give one trait
// of one shape, so that applying them costs one concatenation, not one
// per statement.
func coalesce(as []applyStmt) []applyStmt {
	type key struct{ target, trait ShapeID }
	type at struct{ stmt, trait int }
	lists := map[key]at{}
	owned := map[key]bool{}
	out := make([]applyStmt, 0, len(as))
	for _, a := range as {
		var keep Traits
		for _, t := range a.traits.list {
			k := key{a.target, t.ID}
			if p, ok := lists[k]; ok && t.Value.Kind == ArrayNode {
				n := &out[p.stmt].traits.list[p.trait].Value
				if !owned[k] {
					n.Items, owned[k] = slices.Clone(n.Items), true
				}
				n.Items = append(n.Items, t.Value.Items...)
				continue
			}
			if _, ok := lists[k]; !ok && t.Value.Kind == ArrayNode {
				lists[k] = at{len(out), len(keep.list)}
			}
			keep.list = append(keep.list, t)
		}
		if len(keep.list) > 0 {
			out = append(out, applyStmt{a.target, keep, a.offset})
		}
	}
	return out
}

// apply adds traits to a shape or member defined elsewhere in the model.
// A member that a mixin supplies does not exist until applyMixins runs, so
// an early apply that misses a member of a shape with mixins returns false
// to be retried late.
func (l *loader) apply(a applyStmt, late bool) bool {
	s := l.m.shapes[a.target.Root()]
	if s == nil {
		if _, ok := prelude[a.target.Root()]; ok {
			l.addAt(a.offset, a.target, "apply cannot change a prelude shape")
			return true
		}
		l.addAt(a.offset, a.target, "apply targets a shape the model does not define")
		return true
	}
	traits := &s.Traits
	if name := a.target.Member(); name != "" {
		m := s.Member(name)
		if m == nil {
			if !late && len(s.Mixins) > 0 {
				return false
			}
			l.addAt(a.offset, a.target, "apply targets member %q, which %s does not have", name, s.ID)
			return true
		}
		traits = &m.Traits
	}
	for _, t := range a.traits.list {
		// Smithy's trait conflict rules: lists concatenate, equal values
		// are fine, anything else conflicts. A late apply reaches a member
		// a mixin supplied, and overrides what the mixin gave it.
		if old, ok := traits.Get(t.ID); ok {
			switch {
			case old.Kind == ArrayNode && t.Value.Kind == ArrayNode:
				merged := old
				merged.Items = append(append([]Node(nil), old.Items...), t.Value.Items...)
				traits.set(t.ID, merged)
			case late:
				traits.set(t.ID, t.Value)
			case !nodeEqual(old, t.Value):
				l.addAt(t.Value.Offset, a.target, "apply gives trait %s a value that conflicts with the one already applied", t.ID)
			}
			continue
		}
		traits.set(t.ID, t.Value)
	}
	return true
}

// applyMixins copies mixin members, traits and properties into the shapes
// that use them, so later stages never see mixins. It also gives elided
// IDL members ($name) their targets, which come from the resource the
// shape is "for" or from its mixins, and applies traits to the members
// mixins supply.
func (l *loader) applyMixins() {
	late := map[ShapeID][]applyStmt{}
	for _, a := range l.lateApplies {
		late[a.target.Root()] = append(late[a.target.Root()], a)
	}
	l.lateApplies = nil
	done := map[ShapeID]bool{}
	var visit func(s *Shape, path []ShapeID)
	visit = func(s *Shape, path []ShapeID) {
		if done[s.ID] {
			return
		}
		if _, bound := l.bound[s]; len(s.Mixins) == 0 && !bound && !hasElided(s) {
			done[s.ID] = true
			return
		}
		for _, p := range path {
			if p == s.ID {
				l.addAt(s.Offset, s.ID, "mixin cycle: %s", joinIDs(append(path, s.ID)))
				done[s.ID] = true
				return
			}
		}
		var members []*Member
		byName := map[string]*Member{}
		var traits Traits
		for _, mid := range s.Mixins {
			mx := l.m.shapes[mid]
			at := l.refAt(s, "mixins", mid)
			switch {
			case mx == nil:
				l.addAt(at, s.ID, "mixin %s does not exist", mid)
				continue
			case !mx.Traits.Has(TraitMixin):
				l.addAt(at, s.ID, "%s is used as a mixin but lacks the mixin trait (smithy.api#mixin)", mid)
				continue
			case mx.Type != s.Type:
				l.addAt(at, s.ID, "mixin %s is %s %s; a %s can only use %s mixins", mid, article(mx.Type), mx.Type, s.Type, s.Type)
				continue
			}
			visit(mx, append(path, s.ID))
			for _, m := range mx.Members {
				if prev := byName[m.Name]; prev != nil {
					if prev.Target != m.Target {
						l.addAt(at, s.ID, "member %q of mixin %s targets %s, but another mixin's targets %s", m.Name, mid, m.Target, prev.Target)
						continue
					}
					for _, t := range m.Traits.list {
						prev.Traits.set(t.ID, t.Value)
					}
					continue
				}
				c := *m
				c.ID, c.Container = s.ID.WithMember(m.Name), s.ID
				c.Traits = Traits{append([]Trait(nil), m.Traits.list...)}
				members = append(members, &c)
				byName[c.Name] = &c
			}
			local := localTraits(mx)
			for _, t := range mx.Traits.list {
				if t.ID != TraitMixin && !local[t.ID] {
					traits.set(t.ID, t.Value)
				}
			}
			inheritProperties(s, mx)
		}
		res := l.forResource(s)
		for _, m := range s.Members {
			inherited := byName[m.Name]
			if m.Target == "" { // elided
				if t := res.binding(m.Name); t != "" {
					m.Target = t
				} else if inherited != nil {
					m.Target = inherited.Target
				} else {
					l.addAt(m.Offset, m.ID, "$%s has no target to take: %s", m.Name, elisionSources(s, res))
					continue
				}
			}
			if inherited != nil {
				if inherited.Target != m.Target {
					l.addAt(m.Offset, m.ID, "member targets %s, but the member it redefines from a mixin targets %s", m.Target, inherited.Target)
					continue
				}
				for _, t := range m.Traits.list {
					inherited.Traits.set(t.ID, t.Value)
				}
				continue
			}
			members = append(members, m)
		}
		if len(s.Mixins) > 0 {
			for _, t := range s.Traits.list {
				traits.set(t.ID, t.Value)
			}
			s.Members, s.Traits = members, traits
		} else {
			s.Members = members
		}
		done[s.ID] = true
		for _, a := range late[s.ID] {
			l.apply(a, true)
		}
	}
	shapes := l.m.Shapes()
	for _, s := range shapes {
		visit(s, nil)
	}
	l.checkMixedShapes(shapes)
}

func hasElided(s *Shape) bool {
	for _, m := range s.Members {
		if m.Target == "" {
			return true
		}
	}
	return false
}

// localTraits are the traits a mixin keeps to itself (mixin's localTraits).
func localTraits(mx *Shape) map[ShapeID]bool {
	n, _ := mx.Traits.Get(TraitMixin)
	list, ok := n.Get("localTraits")
	if !ok || len(list.Items) == 0 {
		return nil
	}
	out := map[ShapeID]bool{}
	for _, it := range list.Items {
		out[ShapeID(it.Str)] = true
	}
	return out
}

// inheritProperties copies an operation's or service's properties from a
// mixin: lists are joined, mixin entries first; the shape's own
// single-valued properties win.
func inheritProperties(s, mx *Shape) {
	join := func(a, b []ShapeID) []ShapeID {
		out := append([]ShapeID(nil), a...)
		var seen map[ShapeID]bool
		for _, id := range b {
			out = appendNew(out, &seen, id)
		}
		return out
	}
	switch s.Type {
	case Operation:
		if s.Input == "" {
			s.Input = mx.Input
		}
		if s.Output == "" {
			s.Output = mx.Output
		}
		s.Errors = join(mx.Errors, s.Errors)
	case Service:
		if s.Version == "" {
			s.Version = mx.Version
		}
		s.Operations = join(mx.Operations, s.Operations)
		s.Resources = join(mx.Resources, s.Resources)
		s.Errors = join(mx.Errors, s.Errors)
		if len(mx.Rename) > 0 {
			r := map[ShapeID]string{}
			for k, v := range mx.Rename {
				r[k] = v
			}
			for k, v := range s.Rename {
				r[k] = v
			}
			s.Rename = r
		}
	}
}

// boundResource is the resource a shape is bound to with "for", if any.
type boundResource struct{ r *Shape }

func (l *loader) forResource(s *Shape) boundResource {
	b, ok := l.bound[s]
	if !ok {
		return boundResource{}
	}
	r := l.m.shapes[b.id]
	switch {
	case r == nil:
		l.addAt(b.at, s.ID, "resource %s does not exist", b.id)
		return boundResource{}
	case r.Type != Resource:
		l.addAt(b.at, s.ID, `"for" must name a resource; %s is %s %s`, r.ID, article(r.Type), r.Type)
		return boundResource{}
	}
	return boundResource{r}
}

// binding is the target of the resource's identifier or property name.
func (b boundResource) binding(name string) ShapeID {
	if b.r == nil {
		return ""
	}
	for _, list := range [][]Binding{b.r.Identifiers, b.r.Properties} {
		for _, x := range list {
			if x.Name == name {
				return x.Target
			}
		}
	}
	return ""
}

func elisionSources(s *Shape, b boundResource) string {
	var from []string
	if b.r != nil {
		from = append(from, "resource "+string(b.r.ID)+" has no identifier or property of that name")
	}
	if len(s.Mixins) > 0 {
		from = append(from, "no mixin has a member of that name")
	} else {
		from = append(from, "the shape has no mixins to take it from")
	}
	return strings.Join(from, ", and ")
}

// checkMixedShapes checks what only holds once mixins are applied: lists
// and maps have their members, and resource mixins bring no properties.
func (l *loader) checkMixedShapes(shapes []*Shape) {
	for _, s := range shapes {
		switch {
		case len(s.Mixins) > 0 && s.IsList() && s.ListMember() == nil:
			l.addAt(s.Offset, s.ID, `%s shape needs "member"`, s.Type)
		case len(s.Mixins) > 0 && s.Type == Map && (s.MapKey() == nil || s.MapValue() == nil):
			l.addAt(s.Offset, s.ID, `map shape needs "key" and "value"`)
		case s.Type == Resource && s.Traits.Has(TraitMixin) && (len(s.Identifiers) > 0 || len(s.Properties) > 0 ||
			len(s.Lifecycle) > 0 || len(s.Operations) > 0 || len(s.CollectionOperations) > 0 || len(s.Resources) > 0):
			l.addAt(s.Offset, s.ID, "a resource mixin can only carry traits, not identifiers, properties, operations or resources")
		}
	}
}

func joinIDs(ids []ShapeID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, " → ")
}
