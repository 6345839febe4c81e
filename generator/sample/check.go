package sample

import (
	"regexp"
	"sort"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/smithy2go/smithy2go/generator/plan"
)

// Violation is an expected validation failure.
type Violation struct {
	Path       string
	Constraint string
}

// Check applies the model's constraints to a structure value as Smithy
// defines them, independently of the generated validators, which must
// report the same set. Only what Go code can check is included: required
// members that can be unset, patterns Go's regexp can express, and
// uniqueItems on lists of scalars.
func Check(v *Value) []Violation {
	c := &checker{}
	c.structure("", v)
	sortViolations(c.out)
	return c.out
}

func sortViolations(vs []Violation) {
	sort.Slice(vs, func(i, j int) bool {
		if vs[i].Path != vs[j].Path {
			return vs[i].Path < vs[j].Path
		}
		return vs[i].Constraint < vs[j].Constraint
	})
}

type checker struct{ out []Violation }

func (c *checker) add(path, constraint string) { c.out = append(c.out, Violation{path, constraint}) }

func join(path, field string) string {
	if path == "" {
		return field
	}
	if field == "" {
		return path
	}
	return path + "." + field
}

func (c *checker) structure(path string, v *Value) {
	set := map[*plan.Field]*Value{}
	for _, fv := range v.Fields {
		set[fv.Field] = fv.Value
	}
	for _, f := range v.Type.Struct.Fields {
		fv, ok := set[f]
		p := join(path, f.Name)
		if !ok {
			if f.Required && canBeUnset(f) {
				c.add(p, "required")
			}
			continue
		}
		c.value(p, fv, f.Rules)
	}
}

// canBeUnset mirrors which Go fields can be told apart from unset.
func canBeUnset(f *plan.Field) bool { return f.Nilable() || f.Type.Kind == plan.EnumKind }

func (c *checker) value(path string, v *Value, r plan.Rules) {
	t := v.Type
	if l := r.Length; l != nil {
		n := -1
		switch t.Kind {
		case plan.StringKind, plan.EnumKind:
			n = utf8.RuneCountInString(v.Str)
		case plan.BlobKind:
			n = len(v.Bytes)
		case plan.ListKind:
			n = len(v.Items)
		case plan.MapKind:
			n = len(v.Entries)
		}
		lo, hi := bounds(l)
		if n >= 0 && (int64(n) < lo || int64(n) > hi) {
			c.add(path, "length")
		}
	}
	if rg := r.Range; rg != nil {
		switch {
		case t.IsInteger() || t.Kind == plan.BigIntKind:
			lo, hi := bounds(rg)
			if v.Int < lo || v.Int > hi {
				c.add(path, "range")
			}
		case t.Kind == plan.Float32Kind || t.Kind == plan.Float64Kind || t.Kind == plan.BigDecimalKind:
			x := v.Float
			lo, _ := strconv.ParseFloat(rg.Min, 64)
			hi, _ := strconv.ParseFloat(rg.Max, 64)
			if t.Kind == plan.Float32Kind {
				// The Go value is a float32: compare it as one.
				x, lo, hi = float64(float32(x)), float64(float32(lo)), float64(float32(hi))
			}
			if x != x || (rg.HasMin && x < lo) || (rg.HasMax && x > hi) {
				c.add(path, "range")
			}
		}
	}
	if r.Pattern != nil {
		if !compiled(r.Pattern.Go).MatchString(v.Str) {
			c.add(path, "pattern")
		}
	}
	if r.UniqueItems {
		seen := map[string]bool{}
		for _, it := range v.Items {
			k := it.key()
			if seen[k] {
				c.add(path, "uniqueItems")
				break
			}
			seen[k] = true
		}
	}
	switch t.Kind {
	case plan.StructKind:
		c.structure(path, v)
	case plan.UnionKind:
		f := v.Variant.Field
		c.value(join(path, f.Name), v.Inner, f.Rules)
	case plan.ListKind:
		for i, it := range v.Items {
			c.value(path+"["+strconv.Itoa(i)+"]", it, t.ElemRules)
		}
	case plan.MapKind:
		for _, e := range v.Entries {
			p := path + "[" + strconv.Quote(e.Key) + "]"
			c.value(p, &Value{Type: t.Key, Str: e.Key}, t.KeyRules)
			c.value(p, e.Value, t.ElemRules)
		}
	}
}

var regexps sync.Map // pattern → *regexp.Regexp

// compiled compiles a Go pattern once per process.
func compiled(re string) *regexp.Regexp {
	if r, ok := regexps.Load(re); ok {
		return r.(*regexp.Regexp)
	}
	r := regexp.MustCompile(re)
	regexps.Store(re, r)
	return r
}

// Clone copies a value deeply.
func (v *Value) Clone() *Value {
	if v == nil {
		return nil
	}
	c := *v
	c.Bytes = append([]byte(nil), v.Bytes...)
	if v.Bytes == nil {
		c.Bytes = nil
	}
	c.Fields = nil
	for _, fv := range v.Fields {
		c.Fields = append(c.Fields, FieldValue{fv.Field, fv.Value.Clone()})
	}
	c.Items = nil
	for _, it := range v.Items {
		c.Items = append(c.Items, it.Clone())
	}
	if v.Items != nil && c.Items == nil {
		c.Items = []*Value{}
	}
	c.Entries = nil
	for _, e := range v.Entries {
		c.Entries = append(c.Entries, Entry{e.Key, e.Value.Clone()})
	}
	c.Inner = v.Inner.Clone()
	return &c
}
