package apidiff

import (
	"fmt"
	"sort"
	"strings"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

type differ struct {
	old, new *surface
	out      []Change
	// canon maps an old type's key to the key of the new type it matched.
	canon map[string]string
}

func (d *differ) add(c Change) { d.out = append(d.out, c) }

func (d *differ) oldCanon(key string) string {
	if k, ok := d.canon[key]; ok {
		return k
	}
	return "removed " + key
}

func newCanon(key string) string { return key }

// match pairs old and new items by the first key function, then what is
// left by the next, and so on; an empty key matches nothing.
func match[T any](old, new []T, keys ...func(T) string) (pairs [][2]T, removed, added []T) {
	usedOld, usedNew := make([]bool, len(old)), make([]bool, len(new))
	for _, key := range keys {
		idx := map[string]int{}
		for j, n := range new {
			if k := key(n); !usedNew[j] && k != "" {
				if _, dup := idx[k]; !dup {
					idx[k] = j
				}
			}
		}
		for i, o := range old {
			if usedOld[i] {
				continue
			}
			k := key(o)
			if j, ok := idx[k]; ok && k != "" && !usedNew[j] {
				usedOld[i], usedNew[j] = true, true
				pairs = append(pairs, [2]T{o, new[j]})
			}
		}
	}
	for i, o := range old {
		if !usedOld[i] {
			removed = append(removed, o)
		}
	}
	for j, n := range new {
		if !usedNew[j] {
			added = append(added, n)
		}
	}
	return pairs, removed, added
}

func (d *differ) service(old, new *plan.Plan) {
	ident := new.Service.ID.Name()
	shape := string(new.Service.ID)
	if old.ProtocolTrait != new.ProtocolTrait {
		o, n := orNone(string(old.ProtocolTrait)), orNone(string(new.ProtocolTrait))
		d.add(Change{Class: Behaviour, Element: "service", Change: "protocol", Ident: ident, Shape: shape,
			Old: string(old.ProtocolTrait), New: string(new.ProtocolTrait),
			Text: fmt.Sprintf("protocol changed from %s to %s", o, n)})
	}
	if old.Version != new.Version {
		d.add(Change{Class: Behaviour, Element: "service", Change: "version", Ident: ident, Shape: shape,
			Old: old.Version, New: new.Version,
			Text: fmt.Sprintf("API version changed from %q to %q", old.Version, new.Version)})
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func (d *differ) operations() {
	_, removed, added := match(d.old.ops, d.new.ops, func(o *opInfo) string { return o.name })
	for _, o := range removed {
		d.add(Change{Class: Breaking, Element: "operation", Change: "removed", Ident: o.name,
			Shape: string(o.op.Shape.ID), Text: "removed operation"})
	}
	for _, o := range added {
		d.add(Change{Class: Addition, Element: "operation", Change: "added", Ident: o.name,
			Shape: string(o.op.Shape.ID), Text: "new operation"})
	}
}

var kindWords = map[string]string{
	"struct": "struct", "error": "error type", "enum": "enum type", "int enum": "int enum type", "union": "union",
}

// family groups the kinds whose Go declarations are alike: an error is a
// struct with methods.
func family(kind string) string {
	if kind == "error" {
		return "struct"
	}
	return kind
}

func (d *differ) types() {
	oldOps, newOps := map[string]bool{}, map[string]bool{}
	for _, o := range d.old.ops {
		oldOps[o.name] = true
	}
	for _, o := range d.new.ops {
		newOps[o.name] = true
	}
	pairs, removed, added := match(d.old.types, d.new.types,
		func(t *typeInfo) string { return t.key },
		func(t *typeInfo) string { return t.name })
	d.canon = map[string]string{}
	for _, p := range pairs {
		d.canon[p[0].key] = p[1].key
	}
	for _, t := range removed {
		// An operation's input and output go with it.
		if t.op != "" && !newOps[t.op] {
			continue
		}
		d.add(Change{Class: Breaking, Element: element(t), Change: "removed", Ident: t.name, Shape: string(t.id),
			Text: "removed " + kindWords[t.kind]})
	}
	for _, t := range added {
		if t.op != "" && !oldOps[t.op] {
			continue
		}
		text := "new " + kindWords[t.kind]
		switch {
		case t.en != nil:
			var vals []string
			for _, v := range t.en.Values {
				vals = append(vals, fmt.Sprintf("%q", v.Value))
			}
			text += " with " + count(len(vals), "value")
			if len(vals) > 0 {
				text += ": " + strings.Join(vals, ", ")
			}
		case t.un != nil:
			text += " with " + count(len(t.un.Variants), "variant")
		case t.st != nil:
			text += " with " + count(len(t.st.Fields), "field")
		}
		d.add(Change{Class: Addition, Element: element(t), Change: "added", Ident: t.name, Shape: string(t.id), Text: text})
	}
	for _, p := range pairs {
		d.typePair(p[0], p[1])
	}
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func element(t *typeInfo) string {
	switch family(t.kind) {
	case "struct":
		return "struct"
	case "union":
		return "union"
	}
	return "enum"
}

func (d *differ) typePair(o, n *typeInfo) {
	if o.name != n.name {
		d.add(Change{Class: Breaking, Element: element(n), Change: "renamed", Ident: n.name, Shape: string(n.id),
			Old: o.name, New: n.name, Text: "renamed from " + o.name})
	}
	if family(o.kind) != family(n.kind) {
		d.add(Change{Class: Breaking, Element: element(n), Change: "kind", Ident: n.name, Shape: string(n.id),
			Old: o.kind, New: n.kind, Text: fmt.Sprintf("changed from %s to %s", kindWords[o.kind], kindWords[n.kind])})
		return
	}
	switch {
	case o.kind == "error" && n.kind == "struct":
		d.add(Change{Class: Breaking, Element: "struct", Change: "kind", Ident: n.name, Shape: string(n.id),
			Old: o.kind, New: n.kind, Text: "no longer an error type"})
	case o.kind == "struct" && n.kind == "error":
		d.add(Change{Class: Addition, Element: "struct", Change: "kind", Ident: n.name, Shape: string(n.id),
			Old: o.kind, New: n.kind, Text: "now an error type"})
	case o.kind == "error":
		if oc, nc := o.st.Code, n.st.Code; oc != nc {
			d.add(Change{Class: Behaviour, Element: "struct", Change: "error-code", Ident: n.name, Shape: string(n.id),
				Old: oc, New: nc, Text: fmt.Sprintf("error code changed from %q to %q", oc, nc)})
		}
	}
	switch {
	case n.st != nil:
		d.fields(o, n)
	case n.en != nil:
		d.values(o, n)
	case n.un != nil:
		d.variants(o, n)
	}
}

func (d *differ) fields(o, n *typeInfo) {
	pairs, removed, added := match(o.st.Fields, n.st.Fields,
		func(f *plan.Field) string { return f.Member.Name },
		func(f *plan.Field) string { return f.Name })
	for _, f := range removed {
		d.add(Change{Class: Breaking, Element: "field", Change: "removed", Ident: n.name + "." + f.Name,
			Shape: string(f.Member.ID), Old: goType(f), Text: "removed field"})
	}
	for _, f := range added {
		text := "new field of type " + goType(f)
		if n.request && f.Required {
			text += ", required"
		}
		d.add(Change{Class: Addition, Element: "field", Change: "added", Ident: n.name + "." + f.Name,
			Shape: string(f.Member.ID), New: goType(f), Text: text})
	}
	for _, p := range pairs {
		d.member(o, n, "field", n.name+"."+p[1].Name, p[0], p[1])
	}
}

func (d *differ) variants(o, n *typeInfo) {
	pairs, removed, added := match(o.un.Variants, n.un.Variants,
		func(v *plan.Variant) string { return v.Field.Member.Name },
		func(v *plan.Variant) string { return v.Name })
	for _, v := range removed {
		d.add(Change{Class: Breaking, Element: "variant", Change: "removed", Ident: v.Name,
			Shape: string(v.Field.Member.ID), Old: goType(v.Field), Text: "removed variant of " + n.name})
	}
	for _, v := range added {
		d.add(Change{Class: Addition, Element: "variant", Change: "added", Ident: v.Name,
			Shape: string(v.Field.Member.ID), New: goType(v.Field), Text: fmt.Sprintf("new variant of %s holding %s", n.name, goType(v.Field))})
	}
	for _, p := range pairs {
		ov, nv := p[0], p[1]
		if ov.Name != nv.Name {
			d.add(Change{Class: Breaking, Element: "variant", Change: "renamed", Ident: nv.Name,
				Shape: string(nv.Field.Member.ID), Old: ov.Name, New: nv.Name, Text: "renamed from " + ov.Name})
		}
		// The variant's Value field keeps its name; its type and wire
		// names are what can change.
		d.member(o, n, "variant", nv.Name, ov.Field, nv.Field)
	}
}

// member compares a struct field, or a union variant's Value field.
func (d *differ) member(o, n *typeInfo, elem, ident string, of, nf *plan.Field) {
	shape := string(nf.Member.ID)
	change := func(class Class, kind, old, new, text string) {
		d.add(Change{Class: class, Element: elem, Change: kind, Ident: ident, Shape: shape, Old: old, New: new, Text: text})
	}
	if elem == "field" && of.Name != nf.Name {
		change(Breaking, "renamed", of.Name, nf.Name, "renamed from "+of.Name)
	}
	ot, nt := goType(of), goType(nf)
	sameType := d.old.signature(of.Type, d.oldCanon) == d.new.signature(nf.Type, newCanon)
	switch {
	case !sameType:
		change(Breaking, "type", ot, nt, fmt.Sprintf("type changed from %s to %s", ot, nt))
	case isPointer(of) && !isPointer(nf):
		change(Breaking, "pointer", ot, nt, fmt.Sprintf("no longer a pointer: %s to %s", ot, nt))
	case !isPointer(of) && isPointer(nf):
		change(Breaking, "pointer", ot, nt, fmt.Sprintf("now a pointer: %s to %s", ot, nt))
	}
	if o.request || n.request {
		switch {
		case !of.Required && nf.Required:
			change(Behaviour, "required", "", "", "now required")
		case of.Required && !nf.Required:
			change(Behaviour, "optional", "", "", "no longer required")
		}
		if sameType {
			for _, c := range ruleChanges(of, nf) {
				d.add(Change{Class: Behaviour, Element: elem, Change: "constraint", Ident: ident, Shape: shape,
					Rule: c.rule, Old: c.old, New: c.new,
					Text: fmt.Sprintf("%s changed from %s to %s", c.rule, orNone(c.old), orNone(c.new))})
			}
		}
	}
	if d.old.protocol != d.new.protocol || d.new.wire == nil {
		return
	}
	oreq, oresp := d.old.wire.WireNames(of)
	nreq, nresp := d.new.wire.WireNames(nf)
	if o.request && n.request && oreq != nreq {
		change(Behaviour, "request-key", oreq, nreq, fmt.Sprintf("request key changed from %q to %q", oreq, nreq))
	}
	if o.response && n.response && oresp != nresp {
		change(Behaviour, "response-name", oresp, nresp, fmt.Sprintf("response name changed from %q to %q", oresp, nresp))
	}
}

// patternText is a checked pattern as the model writes it, quoted.
func patternText(p *plan.Pattern) string {
	if p == nil {
		return ""
	}
	return quoted(p.Source)
}

func (d *differ) values(o, n *typeInfo) {
	pairs, removed, added := match(o.en.Values, n.en.Values,
		func(v plan.EnumValue) string { return v.Value },
		func(v plan.EnumValue) string { return v.Const })
	shape := string(n.id)
	for _, v := range removed {
		d.add(Change{Class: Breaking, Element: "enum-value", Change: "removed", Ident: v.Const, Shape: shape,
			Old: v.Value, Text: fmt.Sprintf("removed %s value %q", n.name, v.Value)})
	}
	for _, v := range added {
		d.add(Change{Class: Addition, Element: "enum-value", Change: "added", Ident: v.Const, Shape: shape,
			New: v.Value, Text: fmt.Sprintf("new %s value %q", n.name, v.Value)})
	}
	for _, p := range pairs {
		ov, nv := p[0], p[1]
		if ov.Const != nv.Const {
			d.add(Change{Class: Breaking, Element: "enum-value", Change: "renamed", Ident: nv.Const, Shape: shape,
				Old: ov.Const, New: nv.Const, Text: "renamed from " + ov.Const})
		}
		if ov.Value != nv.Value {
			d.add(Change{Class: Behaviour, Element: "enum-value", Change: "wire-value", Ident: nv.Const, Shape: shape,
				Old: ov.Value, New: nv.Value, Text: fmt.Sprintf("wire value changed from %q to %q", ov.Value, nv.Value)})
		}
	}
}

type ruleChange struct{ rule, old, new string }

// ruleChanges compares the constraints Validate checks on a member and on
// what its collections hold.
func ruleChanges(of, nf *plan.Field) []ruleChange {
	om, nm := rulesOf(of), rulesOf(nf)
	var prefixes []string
	for p := range nm {
		prefixes = append(prefixes, p)
	}
	for p := range om {
		if _, ok := nm[p]; !ok {
			prefixes = append(prefixes, p)
		}
	}
	sort.Strings(prefixes)
	var out []ruleChange
	for _, p := range prefixes {
		o, n := om[p], nm[p]
		for _, r := range []struct {
			name     string
			old, new string
		}{
			{"length", bounds(o.Length), bounds(n.Length)},
			{"range", bounds(o.Range), bounds(n.Range)},
			{"pattern", patternText(o.Pattern), patternText(n.Pattern)},
			{"uniqueItems", boolText(o.UniqueItems), boolText(n.UniqueItems)},
		} {
			if r.old != r.new {
				out = append(out, ruleChange{p + r.name, r.old, r.new})
			}
		}
	}
	return out
}

// rulesOf maps a rule prefix ("", "element ", "value element ", …) to the
// rules there.
func rulesOf(f *plan.Field) map[string]plan.Rules {
	out := map[string]plan.Rules{"": f.Rules}
	var walk func(t *plan.Type, prefix string, depth int)
	walk = func(t *plan.Type, prefix string, depth int) {
		if t == nil || depth > 8 {
			return
		}
		switch t.Kind {
		case plan.ListKind:
			out[prefix+"element "] = t.ElemRules
			walk(t.Elem, prefix+"element ", depth+1)
		case plan.MapKind:
			out[prefix+"key "] = t.KeyRules
			out[prefix+"value "] = t.ElemRules
			walk(t.Elem, prefix+"value ", depth+1)
		}
	}
	walk(f.Type, "", 0)
	return out
}

func bounds(b *smithy.Bounds) string {
	if b == nil {
		return ""
	}
	return b.Min + ".." + b.Max
}

func quoted(s string) string {
	if s == "" {
		return ""
	}
	return fmt.Sprintf("%q", s)
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
