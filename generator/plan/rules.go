package plan

import (
	"fmt"

	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Rules are the constraints a validator checks on one value: a member, or
// the elements, keys or values of a collection. Only constraints Go code
// can check are here; the plan warns about the rest where it drops them.
type Rules struct {
	Length *smithy.Bounds
	Range  *smithy.Bounds
	// Pattern is the checkable pattern, nil when there is none.
	Pattern     *Pattern
	UniqueItems bool
}

// Empty reports whether there is nothing to check.
func (r Rules) Empty() bool {
	return r.Length == nil && r.Range == nil && r.Pattern == nil && !r.UniqueItems
}

// rules merges the constraint traits of a member with its target's; the
// member's own trait wins, as Smithy specifies. t is the target's Go type.
func (b *builder) rules(m *smithy.Member, t *Type) Rules {
	var r Rules
	target := t.Shape
	pick := func(get func(smithy.Traits) (smithy.Bounds, bool)) *smithy.Bounds {
		if v, ok := get(m.Traits); ok {
			return &v
		}
		if v, ok := get(target.Traits); ok {
			return &v
		}
		return nil
	}
	switch t.Kind {
	case StringKind, EnumKind, BlobKind, ListKind, MapKind:
		r.Length = pick(smithy.Traits.Length)
	}
	if t.IsNumber() || t.Kind == BigIntKind || t.Kind == BigDecimalKind {
		r.Range = pick(smithy.Traits.Range)
	}
	r.UniqueItems = t.Kind == ListKind && (target.Type == smithy.Set || target.Traits.UniqueItems())
	src, ok := m.Traits.Pattern()
	if !ok {
		src, ok = target.Traits.Pattern()
	}
	if ok && (t.Kind == StringKind || t.Kind == EnumKind) {
		r.Pattern = b.pattern(src)
	}
	return r
}

// pattern returns the package's pattern for src, or nil when Go's regexp
// cannot express it.
func (b *builder) pattern(src string) *Pattern {
	if pt, ok := b.patterns[src]; ok {
		return pt
	}
	re, err := b.p.Model.GoPattern(src)
	if err != nil {
		// The loader has warned about it already.
		b.patterns[src] = nil
		return nil
	}
	pt := &Pattern{Var: fmt.Sprintf("pattern%d", len(b.p.Patterns)+1), Source: src, Go: re}
	b.p.Patterns = append(b.p.Patterns, pt)
	b.patterns[src] = pt
	return pt
}

// warn records a warning once.
func (b *builder) warn(offset int, shape smithy.ShapeID, msg string) {
	w := smithy.Problem{Pos: b.p.Model.Position(offset), Shape: shape, Message: msg}
	for _, x := range b.p.Warnings {
		if x == w {
			return
		}
	}
	b.p.Warnings = append(b.p.Warnings, w)
}
