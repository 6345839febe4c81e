package smithy

import (
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
)

// shapeDiff describes the first way a definition of a shape differs from
// another, or returns "" when they say the same thing.
func shapeDiff(a, b *Shape) string {
	if d := diffShapes(a, b, "here", "there"); len(d) > 0 {
		return d[0]
	}
	return ""
}

// shapeDiffs lists every way two definitions of a shape differ, ignoring
// where they are. Unordered properties (a service's operations, a
// resource's identifiers) compare as sets, members in order.
func shapeDiffs(a, b *Shape) []string { return diffShapes(a, b, "in the first", "in the second") }

// diffShapes is shapeDiffs with words for where a trait is.
func diffShapes(a, b *Shape, inA, inB string) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if a.Type != b.Type {
		add("type %s, not %s", a.Type, b.Type)
		return out
	}
	for _, d := range traitsDiffs(a.Traits, b.Traits, inA, inB) {
		add("%s", d)
	}
	if !slices.Equal(a.Mixins, b.Mixins) {
		add("mixins %v, not %v", a.Mixins, b.Mixins)
	}
	var an, bn []string
	for _, m := range a.Members {
		an = append(an, m.Name)
	}
	for _, m := range b.Members {
		bn = append(bn, m.Name)
	}
	if !slices.Equal(an, bn) {
		add("members [%s], not [%s]", strings.Join(an, " "), strings.Join(bn, " "))
	}
	for _, am := range a.Members {
		bm := b.Member(am.Name)
		if bm == nil {
			continue
		}
		if am.Target != bm.Target {
			add("member %s targets %s, not %s", am.Name, am.Target, bm.Target)
		}
		for _, d := range traitsDiffs(am.Traits, bm.Traits, inA, inB) {
			add("member %s: %s", am.Name, d)
		}
	}
	unit := func(id ShapeID) ShapeID {
		if id == "" {
			return UnitID
		}
		return id
	}
	if a.Type == Operation {
		if unit(a.Input) != unit(b.Input) {
			add("input %s, not %s", unit(a.Input), unit(b.Input))
		}
		if unit(a.Output) != unit(b.Output) {
			add("output %s, not %s", unit(a.Output), unit(b.Output))
		}
	}
	sets := []struct {
		name string
		a, b []ShapeID
	}{
		{"errors", a.Errors, b.Errors},
		{"operations", a.Operations, b.Operations},
		{"resources", a.Resources, b.Resources},
		{"collectionOperations", a.CollectionOperations, b.CollectionOperations},
	}
	for _, s := range sets {
		if !sameSet(s.a, s.b) {
			add("%s %v, not %v", s.name, s.a, s.b)
		}
	}
	if a.Version != b.Version {
		add("version %q, not %q", a.Version, b.Version)
	}
	if fmt.Sprint(a.Rename) != fmt.Sprint(b.Rename) && len(a.Rename)+len(b.Rename) > 0 {
		add("rename %v, not %v", a.Rename, b.Rename)
	}
	for _, bs := range []struct {
		name string
		a, b []Binding
	}{{"identifiers", a.Identifiers, b.Identifiers}, {"properties", a.Properties, b.Properties}, {"lifecycle", a.Lifecycle, b.Lifecycle}} {
		if !sameBindings(bs.a, bs.b) {
			add("%s %v, not %v", bs.name, bs.a, bs.b)
		}
	}
	return out
}

func sameSet(a, b []ShapeID) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

func sameBindings(a, b []Binding) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// traitsDiffs lists the traits that differ, in a's order then b's.
func traitsDiffs(a, b Traits, inA, inB string) []string {
	var out []string
	for _, t := range a.list {
		v, ok := b.Get(t.ID)
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("trait %s only %s", t.ID, inA))
		case !nodeEqual(t.Value, v):
			out = append(out, fmt.Sprintf("trait %s is %s, not %s", t.ID, nodeText(t.Value), nodeText(v)))
		}
	}
	for _, t := range b.list {
		if !a.Has(t.ID) {
			out = append(out, fmt.Sprintf("trait %s only %s", t.ID, inB))
		}
	}
	return out
}

// numbersEqual compares two number literals by value: 10e0 and 10.0 are
// the same number.
func numbersEqual(a, b string) bool {
	if a == b {
		return true
	}
	if hugeExponent(a) || hugeExponent(b) {
		// big.Rat would spell out 1e999999999; floats do for these.
		x, errx := strconv.ParseFloat(a, 64)
		y, erry := strconv.ParseFloat(b, 64)
		return errx == nil && erry == nil && x == y
	}
	var x, y big.Rat
	if _, ok := x.SetString(a); !ok {
		return false
	}
	if _, ok := y.SetString(b); !ok {
		return false
	}
	return x.Cmp(&y) == 0
}

func hugeExponent(s string) bool {
	i := strings.IndexAny(s, "eE")
	if i < 0 {
		return false
	}
	e, err := strconv.Atoi(strings.TrimPrefix(s[i+1:], "+"))
	return err != nil || e > 400 || e < -400
}
