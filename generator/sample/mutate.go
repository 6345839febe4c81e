package sample

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/smithy2go/smithy2go/generator/plan"
)

// Step is one step of a path from an input to a value inside it.
type Step struct {
	Field   *plan.Field   // a structure member, or a union variant's field
	Variant *plan.Variant // set when stepping into a union's value
	Index   int           // list element, or -1
	Key     string        // map key, when HasKey
	HasKey  bool
}

// Mutation changes one value of a valid input so that it breaks one rule.
type Mutation struct {
	Name  string
	Steps []Step // to the value changed; the last is a field or element
	// Value is the new value; nil unsets the member.
	Value *Value
	// Want is what Check reports for the mutated input.
	Want []Violation
}

// Mutations lists, for a valid input, one mutation per required member
// that can be unset and per constraint that a value can break, at every
// depth of the input. A rule of a shape shared by several inputs is tested
// once per package, in the first input that reaches it: the validator code
// for the shape is the same.
func (b *Builder) Mutations(in *Value) []Mutation {
	m := &mutator{b: b, root: in}
	m.structure(nil, in)
	return m.out
}

type mutator struct {
	b       *Builder
	root    *Value
	base    []Violation // Check(root), computed once
	checked bool
	out     []Mutation
}

func (m *mutator) add(name string, steps []Step, v *Value) {
	if key := ruleKey(m.root, steps, name); m.b.tested[key] {
		return
	} else {
		m.b.tested[key] = true
	}
	m.out = append(m.out, Mutation{Name: name, Steps: append([]Step(nil), steps...), Value: v, Want: m.expect(steps, v)})
}

// expect is what Check reports for the root with the mutation applied,
// worked out from the part that changes: the root's own violations
// outside the changed value, plus those of the new value.
func (m *mutator) expect(steps []Step, v *Value) []Violation {
	if !m.checked {
		m.base, m.checked = Check(m.root), true
	}
	at := pathString(steps)
	var want []Violation
	for _, b := range m.base {
		if b.Path != at && !strings.HasPrefix(b.Path, at+".") && !strings.HasPrefix(b.Path, at+"[") {
			want = append(want, b)
		}
	}
	c := &checker{out: want}
	last := steps[len(steps)-1]
	switch {
	case v == nil && last.Field != nil:
		if last.Field.Required && canBeUnset(last.Field) {
			c.add(at, "required")
		}
	case v != nil:
		c.value(at, v, m.rulesAt(steps))
	}
	sortViolations(c.out)
	return c.out
}

// rulesAt returns the rules that apply to the value at the end of steps.
func (m *mutator) rulesAt(steps []Step) plan.Rules {
	last := steps[len(steps)-1]
	if last.Field != nil {
		return last.Field.Rules
	}
	cur := m.root
	for _, s := range steps[:len(steps)-1] {
		cur = stepInto(cur, s)
	}
	return cur.Type.ElemRules
}

// ruleKey names the rule a mutation breaks by the shape that holds it:
// the structure (or collection) and member, not the path to it. Rules of
// an input's own members are keyed by the input, so every operation tests
// its top level.
func ruleKey(root *Value, steps []Step, name string) string {
	why := name[len(pathString(steps)):]
	last := steps[len(steps)-1]
	owner := string(root.Type.Shape.ID) + "/" + root.Type.Name
	cur := root
	for _, s := range steps[:len(steps)-1] {
		cur = stepInto(cur, s)
		if cur == nil {
			break
		}
		owner = string(cur.Type.Shape.ID)
	}
	switch {
	case last.Field != nil:
		return owner + "$" + last.Field.Member.Name + why
	case last.HasKey:
		return owner + "{}" + why
	}
	return owner + "[]" + why
}

// stepInto follows one step of a path in a value, or returns nil.
func stepInto(v *Value, s Step) *Value {
	switch {
	case s.Variant != nil:
		return v.Inner
	case s.Field != nil:
		for _, fv := range v.Fields {
			if fv.Field == s.Field {
				return fv.Value
			}
		}
	case s.HasKey:
		for _, e := range v.Entries {
			if e.Key == s.Key {
				return e.Value
			}
		}
	case s.Index < len(v.Items):
		return v.Items[s.Index]
	}
	return nil
}

func pathString(steps []Step) string {
	var b strings.Builder
	for _, s := range steps {
		switch {
		case s.Field != nil:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.Field.Name)
		case s.HasKey:
			b.WriteString("[" + strconv.Quote(s.Key) + "]")
		default:
			b.WriteString("[" + strconv.Itoa(s.Index) + "]")
		}
	}
	return b.String()
}

func (m *mutator) structure(steps []Step, v *Value) {
	set := map[*plan.Field]*Value{}
	for _, fv := range v.Fields {
		set[fv.Field] = fv.Value
	}
	for _, f := range v.Type.Struct.Fields {
		fv, ok := set[f]
		if !ok {
			continue
		}
		s := append(steps[:len(steps):len(steps)], Step{Field: f, Index: -1})
		if f.Required && canBeUnset(f) {
			m.add(pathString(s)+" unset", s, nil)
		}
		m.value(s, fv, f.Rules)
	}
}

func (m *mutator) value(steps []Step, v *Value, r plan.Rules) {
	name := pathString(steps)
	zeroUnset := false
	if n := len(steps); n > 0 && steps[n-1].Field != nil && steps[n-1].Variant == nil {
		zeroUnset = steps[n-1].Field.ZeroIsUnset()
	}
	for _, bad := range m.breaking(v, r) {
		if zeroUnset && bad.v.Int == 0 && bad.v.Float == 0 {
			continue // the validator and the wire take it as unset
		}
		m.add(name+" "+bad.why, steps, bad.v)
	}
	t := v.Type
	switch t.Kind {
	case plan.StructKind:
		m.structure(steps, v)
	case plan.UnionKind:
		s := append(steps[:len(steps):len(steps)], Step{Field: v.Variant.Field, Variant: v.Variant, Index: -1})
		m.value(s, v.Inner, v.Variant.Field.Rules)
	case plan.ListKind:
		if len(v.Items) > 0 {
			m.value(append(steps[:len(steps):len(steps)], Step{Index: 0}), v.Items[0], t.ElemRules)
		}
	case plan.MapKind:
		if len(v.Entries) > 0 {
			e := v.Entries[0]
			m.value(append(steps[:len(steps):len(steps)], Step{Index: -1, Key: e.Key, HasKey: true}), e.Value, t.ElemRules)
		}
	}
}

type broken struct {
	why string
	v   *Value
}

// breaking returns values of v's type that break each rule in r.
func (m *mutator) breaking(v *Value, r plan.Rules) []broken {
	t := v.Type
	var out []broken
	with := func(why string, f func(c *Value)) {
		c := v.Clone()
		f(c)
		out = append(out, broken{why, c})
	}
	if l := r.Length; l != nil {
		lo, hi := bounds(l)
		switch t.Kind {
		case plan.StringKind:
			if l.HasMin && lo > 0 {
				with("too short", func(c *Value) { c.Str = strings.Repeat("a", int(lo-1)) })
			}
			if l.HasMax && hi < 1<<16 {
				with("too long", func(c *Value) { c.Str = strings.Repeat("a", int(hi+1)) })
			}
		case plan.BlobKind:
			if l.HasMin && lo > 0 {
				with("too short", func(c *Value) { c.Bytes = []byte(strings.Repeat("a", int(lo-1))) })
			}
			if l.HasMax && hi < 1<<16 {
				with("too long", func(c *Value) { c.Bytes = []byte(strings.Repeat("a", int(hi+1))) })
			}
		case plan.ListKind:
			if l.HasMin && lo > 0 && len(v.Items) > 0 {
				with("too short", func(c *Value) { c.Items = c.Items[:lo-1] })
			}
			if l.HasMax && hi < 64 && len(v.Items) > 0 {
				// The elements carry only their required members, so a list
				// of large structures stays short. Where items may repeat,
				// they are one value (Value.Repeated), which a test writes
				// as one element and a count.
				with("too long", func(c *Value) {
					if r.UniqueItems {
						c.Items = c.Items[:1]
						for int64(len(c.Items)) <= hi {
							e := m.b.value(t.Elem, t.ElemRules, "extra", "extra["+strconv.Itoa(len(c.Items))+"]", true)
							if e == nil {
								return
							}
							c.Items = append(c.Items, e)
						}
						return
					}
					e := m.b.value(t.Elem, t.ElemRules, "extra", "extra", true)
					if e == nil {
						c.Items = c.Items[:1]
						return
					}
					c.Items = make([]*Value, hi+1)
					for i := range c.Items {
						c.Items[i] = e
					}
				})
			}
		}
	}
	if rg := r.Range; rg != nil {
		switch {
		case t.IsInteger() || t.Kind == plan.BigIntKind:
			lo, hi := bounds(rg)
			if rg.HasMin && lo > minInt(t.Bits()) {
				with("below range", func(c *Value) { c.Int = lo - 1 })
			}
			if rg.HasMax && hi < maxInt(t.Bits()) {
				with("above range", func(c *Value) { c.Int = hi + 1 })
			}
		case t.Kind == plan.Float32Kind || t.Kind == plan.Float64Kind || t.Kind == plan.BigDecimalKind:
			if rg.HasMin {
				lo, _ := strconv.ParseFloat(rg.Min, 64)
				with("below range", func(c *Value) { c.Float = lo - 1 })
			}
			if rg.HasMax {
				hi, _ := strconv.ParseFloat(rg.Max, 64)
				with("above range", func(c *Value) { c.Float = hi + 1 })
			}
		}
	}
	if r.Pattern != nil && t.Kind == plan.StringKind {
		if s, ok := notMatching(r); ok {
			with("not matching pattern", func(c *Value) { c.Str = s })
		}
	}
	if r.UniqueItems && len(v.Items) > 0 {
		with("duplicate items", func(c *Value) { c.Items = append(c.Items, c.Items[0].Clone()) })
	}
	return out
}

func minInt(bits int) int64 { return -1 << (bits - 1) }
func maxInt(bits int) int64 { return 1<<(bits-1) - 1 }

// notMatching finds a string within the length rule that the pattern does
// not match, if a simple one exists.
func notMatching(r plan.Rules) (string, bool) {
	re := compiled(r.Pattern.Go)
	lo, hi := int64(0), int64(1<<16)
	if r.Length != nil {
		lo, hi = bounds(r.Length)
	}
	for _, c := range []string{"!", " ", "~", "#", "a", "0", "-", "_", "é", "\t"} {
		for _, n := range []int64{max(lo, 1), lo, max(lo, 3)} {
			if n < 0 || n > hi || n > 1<<12 {
				continue
			}
			s := strings.Repeat(c, int(n))
			if int64(utf8.RuneCountInString(s)) >= lo && !re.MatchString(s) {
				return s, true
			}
		}
	}
	return "", false
}

// apply makes the mutation on v; it reports false when the path is gone.
func apply(v *Value, steps []Step, nv *Value) bool {
	cur := v
	for i, s := range steps {
		last := i == len(steps)-1
		switch {
		case s.Variant != nil:
			if cur.Variant != s.Variant {
				return false
			}
			if last {
				cur.Inner = nv
				return nv != nil
			}
			cur = cur.Inner
		case s.Field != nil:
			idx := -1
			for j, fv := range cur.Fields {
				if fv.Field == s.Field {
					idx = j
				}
			}
			if idx < 0 {
				return false
			}
			if last {
				if nv == nil {
					cur.Fields = append(cur.Fields[:idx], cur.Fields[idx+1:]...)
				} else {
					cur.Fields[idx].Value = nv
				}
				return true
			}
			cur = cur.Fields[idx].Value
		case s.HasKey:
			idx := -1
			for j, e := range cur.Entries {
				if e.Key == s.Key {
					idx = j
				}
			}
			if idx < 0 {
				return false
			}
			if last {
				cur.Entries[idx].Value = nv
				return nv != nil
			}
			cur = cur.Entries[idx].Value
		default:
			if s.Index >= len(cur.Items) {
				return false
			}
			if last {
				cur.Items[s.Index] = nv
				return nv != nil
			}
			cur = cur.Items[s.Index]
		}
	}
	return false
}
