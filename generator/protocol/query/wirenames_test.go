package query

import (
	"bytes"
	"encoding/xml"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/sample"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// TestWireNamesAgreeWithOracle checks the names reports such as apidiff
// compare against what the oracle puts on the wire for full sample values:
// every request key and response name of every member set must be where
// RequestKey and ResponseName say.
func TestWireNamesAgreeWithOracle(t *testing.T) {
	models := []string{"../../../models/ec2-interruptible-capacity-reservation.json",
		"../../../models/ec2-interruptible-capacity-reservation.2026-09.json",
		"testdata/wire.json"}
	more, _ := filepath.Glob("../../testdata/models/*.json")
	models = append(models, more...)
	checked := 0
	for _, path := range models {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		m, err := smithy.Load(path, data)
		if err != nil {
			t.Fatal(err)
		}
		svc, err := plan.FindService(m, "")
		if err != nil {
			t.Fatal(err)
		}
		p, err := plan.Build(m, svc, plan.Options{Package: "api", Protocols: []plan.Protocol{EC2, AWS}})
		if err != nil {
			t.Fatal(err)
		}
		proto, ok := p.Protocol.(Protocol)
		if !ok {
			continue
		}
		d := proto.Dialect
		for _, op := range p.Operations {
			if op.Unsupported != "" {
				continue
			}
			in := sample.NewBuilder().Full(op.Input)
			body, err := d.encodeRequest(op, in)
			if err != nil {
				t.Fatal(err)
			}
			vals, err := url.ParseQuery(string(body))
			if err != nil {
				t.Fatal(err)
			}
			w := &wireCheck{t: t, d: d, where: path + ": " + op.Name}
			w.request(vals, "", in)
			out := sample.NewBuilder().Full(op.Output)
			doc, err := d.encodeResponse(op, out)
			if err != nil {
				t.Fatal(err)
			}
			root := parseXML(t, doc)
			if !d.EC2 {
				root = root.child(op.Shape.ID.Name() + "Result")
			}
			w.response(root, out)
			checked += w.n
		}
	}
	if checked < 50 {
		t.Errorf("only %d members checked", checked)
	}
}

type wireCheck struct {
	t     *testing.T
	d     Dialect
	where string
	n     int
}

func (w *wireCheck) request(vals url.Values, prefix string, v *sample.Value) {
	var fields []sample.FieldValue
	switch {
	case v.Variant != nil:
		fields = []sample.FieldValue{{Field: v.Variant.Field, Value: v.Inner}}
	default:
		fields = v.Fields
	}
	for _, fv := range fields {
		key := prefix + w.d.RequestKey(fv.Field)
		w.n++
		if fv.Value.Type.Kind == plan.ListKind && len(fv.Value.Items) == 0 ||
			fv.Value.Type.Kind == plan.MapKind && len(fv.Value.Entries) == 0 {
			continue
		}
		if base, parts, ok := strings.Cut(key, "{"); ok {
			k, val, _ := strings.Cut(strings.TrimSuffix(parts, "}"), ",")
			for _, want := range []string{base + k, base + val} {
				if !hasKey(vals, want) {
					w.t.Errorf("%s: %s: no request key %q in %v", w.where, fv.Field.Member.ID, want, keys(vals))
				}
			}
			continue
		}
		if !hasKey(vals, key) {
			w.t.Errorf("%s: %s: no request key %q in %v", w.where, fv.Field.Member.ID, key, keys(vals))
			continue
		}
		switch val := fv.Value; {
		case val.Type.Kind == plan.StructKind || val.Type.Kind == plan.UnionKind:
			w.request(vals, key+".", val)
		case val.Type.Kind == plan.ListKind && isAggregateValue(val.Items[0]):
			w.request(vals, key+".", val.Items[0])
		}
	}
}

func isAggregateValue(v *sample.Value) bool {
	return v.Type.Kind == plan.StructKind || v.Type.Kind == plan.UnionKind
}

func hasKey(vals url.Values, key string) bool {
	for k := range vals {
		if k == key || strings.HasPrefix(k, key+".") {
			return true
		}
	}
	return false
}

func keys(vals url.Values) []string {
	var out []string
	for k := range vals {
		out = append(out, k)
	}
	return out
}

func (w *wireCheck) response(n *node, v *sample.Value) {
	if n == nil {
		w.t.Errorf("%s: missing element", w.where)
		return
	}
	var fields []sample.FieldValue
	switch {
	case v.Variant != nil:
		fields = []sample.FieldValue{{Field: v.Variant.Field, Value: v.Inner}}
	default:
		fields = v.Fields
	}
	for _, fv := range fields {
		name := w.d.ResponseName(fv.Field)
		w.n++
		if attr, ok := strings.CutPrefix(name, "@"); ok {
			if _, ok := n.attrs[attr]; !ok {
				w.t.Errorf("%s: %s: no attribute %q on <%s>", w.where, fv.Field.Member.ID, attr, n.name)
			}
			continue
		}
		if fv.Value.Type.Kind == plan.ListKind && len(fv.Value.Items) == 0 ||
			fv.Value.Type.Kind == plan.MapKind && len(fv.Value.Entries) == 0 {
			continue
		}
		cur := n
		segs := strings.Split(name, "/")
		for i, seg := range segs {
			if strings.HasPrefix(seg, "{") {
				k, val, _ := strings.Cut(strings.Trim(seg, "{}"), ",")
				if cur.child(k) == nil || cur.child(val) == nil {
					w.t.Errorf("%s: %s: no <%s> and <%s> in <%s>", w.where, fv.Field.Member.ID, k, val, cur.name)
				}
				break
			}
			next := cur.child(seg)
			if next == nil {
				w.t.Errorf("%s: %s: no <%s> in <%s> (looking for %q)", w.where, fv.Field.Member.ID, seg, cur.name, name)
				break
			}
			cur = next
			if i == len(segs)-1 {
				switch val := fv.Value; {
				case isAggregateValue(val):
					w.response(cur, val)
				case val.Type.Kind == plan.ListKind && isAggregateValue(val.Items[0]):
					w.response(cur, val.Items[0])
				}
			}
		}
	}
}

type node struct {
	name     string
	attrs    map[string]string
	children []*node
}

// child returns the first child element with the name.
func (n *node) child(name string) *node {
	if n == nil {
		return nil
	}
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

func parseXML(t *testing.T, doc []byte) *node {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%v in\n%s", err, doc)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				n.attrs[a.Name.Local] = a.Value
			}
			top := stack[len(stack)-1]
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	if len(root.children) != 1 {
		t.Fatalf("want one root element in\n%s", doc)
	}
	return root.children[0]
}
