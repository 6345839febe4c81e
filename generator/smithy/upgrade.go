package smithy

// TraitBox is Smithy 1.0's box trait: a boxed boolean or number may be
// absent. Loading turns it into 2.0 defaults and drops it.
const TraitBox ShapeID = "smithy.api#box"

// upgrade turns the shapes of Smithy 1.0 files, IDL and JSON AST alike,
// into their 2.0 meaning. In 1.0 a boolean or number shape without the
// box trait has a zero default, and so does every member that targets
// such a shape (the prelude's Primitive* shapes among them) unless the
// member is boxed; a boxed member of such a target has no default, which
// 2.0 says with a null default. Features that 1.0 lacks are problems.
func (l *loader) upgrade() {
	if !l.anyV1() {
		return
	}
	shapes := l.m.Shapes()
	for _, s := range shapes {
		if l.v1[s] {
			l.checkV1(s)
		}
	}
	if len(l.problems) > 0 {
		return
	}
	// Root shapes first: their members copy the defaults added here.
	for _, s := range shapes {
		if l.v1[s] && isPrimitive(s.Type) && !s.Traits.Has(TraitBox) {
			s.Traits.set(TraitDefault, zeroValue(s.Type, s.Offset))
		}
	}
	for _, s := range shapes {
		if !l.v1[s] {
			continue
		}
		for _, m := range s.Members {
			t := l.m.Shape(m.Target)
			if t == nil || !isPrimitive(t.Type) || m.Traits.Has(TraitDefault) {
				m.Traits.remove(TraitBox)
				continue
			}
			d, ok := t.Traits.Default()
			switch {
			case !ok:
			case m.Traits.Has(TraitBox):
				m.Traits.set(TraitDefault, Node{Kind: NullNode, Offset: m.Offset})
			case d.Kind != NullNode:
				d.Offset = m.Offset
				m.Traits.set(TraitDefault, d)
			}
			m.Traits.remove(TraitBox)
		}
		s.Traits.remove(TraitBox)
	}
}

// checkV1 reports what a Smithy 1.0 file cannot say.
func (l *loader) checkV1(s *Shape) {
	const why = "; this file is Smithy 1.0 (set its version to 2.0)"
	if d, ok := s.Traits.Default(); ok {
		l.addAt(d.Offset, s.ID, "the default trait needs Smithy 2.0%s", why)
	}
	for _, m := range s.Members {
		if d, ok := m.Traits.Default(); ok {
			l.addAt(d.Offset, m.ID, "the default trait needs Smithy 2.0%s", why)
		}
	}
	if n, ok := s.Traits.Get(TraitMixin); ok {
		l.addAt(n.Offset, s.ID, "mixins need Smithy 2.0%s", why)
	}
	if len(s.Mixins) > 0 {
		l.addAt(l.refAt(s, "mixins", s.Mixins[0]), s.ID, "mixins need Smithy 2.0%s", why)
	}
	if len(s.Properties) > 0 {
		l.addAt(s.Offset, s.ID, "resource properties need Smithy 2.0%s", why)
	}
	if s.Type == Enum || s.Type == IntEnum {
		l.addAt(s.Offset, s.ID, "%s shapes need Smithy 2.0%s", s.Type, why)
	}
}

func isPrimitive(t Type) bool {
	switch t {
	case Boolean, Byte, Short, Integer, Long, Float, Double:
		return true
	}
	return false
}

func zeroValue(t Type, offset int) Node {
	if t == Boolean {
		return Node{Kind: BoolNode, Offset: offset}
	}
	return Node{Kind: NumberNode, Str: "0", Offset: offset}
}

func (l *loader) anyV1() bool {
	for _, s := range l.m.shapes {
		if l.v1[s] {
			return true
		}
	}
	return false
}
