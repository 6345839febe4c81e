package plan

import (
	"fmt"

	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Rules are the constraint traits a validator checks on one value: a
// member, or the elements, keys or values of a collection.
type Rules struct {
	Length *smithy.Bounds
	Range  *smithy.Bounds
	// Pattern is the model's pattern; GoPattern its RE2 form, empty when
	// Go cannot check it, and Unchecked then says why.
	Pattern, GoPattern, Unchecked string
	UniqueItems                   bool
}

// Empty reports whether there is nothing to check.
func (r Rules) Empty() bool {
	return r.Length == nil && r.Range == nil && r.GoPattern == "" && !r.UniqueItems
}

// rules merges the constraint traits of a member with its target's; the
// member's own trait wins, as Smithy specifies.
func (b *builder) rules(m *smithy.Member, target *smithy.Shape) Rules {
	var r Rules
	pick := func(get func(smithy.Traits) (smithy.Bounds, bool)) *smithy.Bounds {
		if v, ok := get(m.Traits); ok {
			return &v
		}
		if v, ok := get(target.Traits); ok {
			return &v
		}
		return nil
	}
	r.Length = pick(smithy.Traits.Length)
	r.Range = pick(smithy.Traits.Range)
	r.UniqueItems = target.IsList() && (target.Type == smithy.Set || target.Traits.UniqueItems())
	where := m.ID
	src, ok := m.Traits.Pattern()
	if !ok {
		src, ok = target.Traits.Pattern()
		where = target.ID
	}
	if ok {
		r.Pattern = src
		re, err := b.p.Model.GoPattern(src)
		if err != nil {
			r.Unchecked = err.Error()
			b.warn(fmt.Sprintf("%s: pattern %q is not checked: %v", where, src, err))
		} else {
			r.GoPattern = re
		}
	}
	return r
}

func (b *builder) warn(w string) {
	for _, x := range b.p.Warnings {
		if x == w {
			return
		}
	}
	b.p.Warnings = append(b.p.Warnings, w)
}
