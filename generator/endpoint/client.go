package endpoint

import (
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/ruleset"
)

// ForClient says what the generated client needs of p's endpoint code:
// the EndpointParameters fields it fills from its options, by built-in,
// and the operations whose inputs bind parameters of their own. Nil when
// the package has no endpoint code (no rules, or Emit left it out).
func ForClient(p *plan.Plan) (*plan.ClientEndpoints, error) {
	rs, err := ruleset.Parse(p.Model, p.Service)
	if err != nil || rs == nil {
		return nil, err
	}
	gp, err := newGoPlan(p, rs)
	if err != nil {
		return nil, nil
	}
	if _, _, err := gp.bindings(); err != nil {
		return nil, err
	}
	e := &plan.ClientEndpoints{BuiltIns: map[string]string{}, Types: map[string]string{}, Bound: map[*plan.Operation]bool{}, Declared: Names}
	for i, prm := range rs.Params {
		if prm.BuiltIn != "" {
			e.BuiltIns[prm.BuiltIn] = gp.field[i]
			e.Types[prm.BuiltIn] = prm.Type.String()
		}
	}
	for op := range gp.bound {
		e.Bound[op] = true
	}
	return e, nil
}
