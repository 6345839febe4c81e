package apidiff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Class is how much a change matters to users of the generated package.
type Class int

// The classes, most serious first.
const (
	Breaking Class = iota
	Behaviour
	Addition
)

var classTitles = [...]string{Breaking: "Breaking", Behaviour: "Behaviour", Addition: "Additions"}

func (c Class) String() string { return classTitles[c] }

// Change is one difference between the two generated APIs.
type Change struct {
	Class   Class  `json:"-"`
	Element string `json:"element"`
	Change  string `json:"change"`
	Ident   string `json:"ident"`
	Shape   string `json:"shape,omitempty"`
	Rule    string `json:"rule,omitempty"`
	Old     string `json:"old,omitempty"`
	New     string `json:"new,omitempty"`
	Text    string `json:"text"`
}

func (c Change) String() string { return c.Ident + ": " + c.Text }

// Report is every change from the old model to the new, sorted by class,
// then identifier, then text.
type Report struct {
	Old, New string
	Changes  []Change
}

// Has reports whether the report holds a change of class c.
func (r *Report) Has(c Class) bool {
	for _, ch := range r.Changes {
		if ch.Class == c {
			return true
		}
	}
	return false
}

// Of returns the changes of class c, in report order.
func (r *Report) Of(c Class) []Change {
	out := []Change{}
	for _, ch := range r.Changes {
		if ch.Class == c {
			out = append(out, ch)
		}
	}
	return out
}

// WriteText writes the report for people: a heading per class that has
// changes, then one "ident: what" line per change. An empty report writes
// nothing.
func (r *Report) WriteText(w io.Writer) error {
	var b bytes.Buffer
	for c := Breaking; c <= Addition; c++ {
		list := r.Of(c)
		if len(list) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%s (%d):\n", c, len(list))
		for _, ch := range list {
			fmt.Fprintf(&b, "  %s\n", ch)
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// Text returns what WriteText writes.
func (r *Report) Text() string {
	var b bytes.Buffer
	_ = r.WriteText(&b)
	return b.String()
}

// JSON returns the report in the form the package documentation gives,
// indented, with a final newline.
func (r *Report) JSON() ([]byte, error) {
	doc := struct {
		Old       string   `json:"old"`
		New       string   `json:"new"`
		Breaking  []Change `json:"breaking"`
		Behaviour []Change `json:"behaviour"`
		Additions []Change `json:"additions"`
	}{r.Old, r.New, r.Of(Breaking), r.Of(Behaviour), r.Of(Addition)}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// Model is one version of a model file.
type Model struct {
	// Name names the model in messages, such as "models/ec2.json".
	Name string
	Data []byte
}

// Options select what to compare.
type Options struct {
	// Service is a service shape ID or name; empty picks the only one.
	Service string
	// Operations are operation names or IDs; empty means all of the
	// service's in either model. A name need only exist in one model.
	Operations []string
	// Protocols are the plug-ins that name members on the wire; nil means
	// smithy2go's own.
	Protocols []plan.Protocol
}

// Compare loads both models, plans the selected operations of each, and
// reports how the generated API changed. Model problems are returned as
// smithy.Problems, those of both models together.
func Compare(old, new Model, opts Options) (*Report, error) {
	om, oerr := smithy.Load(old.Name, old.Data)
	nm, nerr := smithy.Load(new.Name, new.Data)
	if oerr != nil || nerr != nil {
		return nil, joinErrors(oerr, nerr)
	}
	osvc, err := plan.FindService(om, opts.Service)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", old.Name, err)
	}
	nsvc, err := plan.FindService(nm, opts.Service)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", new.Name, err)
	}
	oops, nops, err := selectOps(om, osvc, nm, nsvc, opts.Operations)
	if err != nil {
		return nil, err
	}
	op, err := planFor(om, osvc, oops, opts.Protocols)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", old.Name, err)
	}
	np, err := planFor(nm, nsvc, nops, opts.Protocols)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", new.Name, err)
	}
	r := ComparePlans(op, np)
	r.Old, r.New = old.Name, new.Name
	return r, nil
}

// joinErrors keeps the generator's format: problems of both models become
// one list, one per line.
func joinErrors(a, b error) error {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	pa, okA := a.(smithy.Problems)
	pb, okB := b.(smithy.Problems)
	if okA && okB {
		return append(append(smithy.Problems(nil), pa...), pb...)
	}
	return fmt.Errorf("%v\n%v", a, b)
}

// selectOps resolves the requested operations in each model. A name found
// in only one model is a removal or an addition; one found in neither is
// an error.
func selectOps(om *smithy.Model, osvc *smithy.Shape, nm *smithy.Model, nsvc *smithy.Shape, names []string) (oldOps, newOps []string, err error) {
	if len(names) == 0 {
		return nil, nil, nil
	}
	has := func(m *smithy.Model, svc *smithy.Shape, n string) bool {
		for _, op := range m.ServiceOperations(svc) {
			if string(op.ID) == n || op.ID.Name() == n {
				return true
			}
		}
		return false
	}
	oldOps, newOps = []string{}, []string{}
	for _, n := range names {
		inOld, inNew := has(om, osvc, n), has(nm, nsvc, n)
		if !inOld && !inNew {
			return nil, nil, fmt.Errorf("neither model's service has an operation %q", n)
		}
		if inOld {
			oldOps = append(oldOps, n)
		}
		if inNew {
			newOps = append(newOps, n)
		}
	}
	return oldOps, newOps, nil
}

// planFor plans the operations; a non-nil empty list means none, which
// plan.Build would read as all.
func planFor(m *smithy.Model, svc *smithy.Shape, ops []string, protocols []plan.Protocol) (*plan.Plan, error) {
	if protocols == nil {
		protocols = protocol.Planned()
	}
	if ops != nil && len(ops) == 0 {
		p := &plan.Plan{Model: m, Service: svc, Version: svc.Version}
		p.Protocol, p.ProtocolTrait = plan.ProtocolOf(svc, protocols)
		return p, nil
	}
	// Go names do not depend on the package name.
	return plan.Build(m, svc, plan.Options{Package: "api", Operations: ops, Protocols: protocols})
}

// ComparePlans reports how the API planned in new differs from old's.
func ComparePlans(old, new *plan.Plan) *Report {
	d := &differ{old: surfaceOf(old), new: surfaceOf(new)}
	d.service(old, new)
	d.operations()
	d.types()
	sort.SliceStable(d.out, func(i, j int) bool {
		a, b := d.out[i], d.out[j]
		if a.Class != b.Class {
			return a.Class < b.Class
		}
		if a.Ident != b.Ident {
			return a.Ident < b.Ident
		}
		return a.Text < b.Text
	})
	return &Report{Changes: d.out}
}
