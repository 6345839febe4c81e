package ruleset

import (
	"fmt"

	"github.com/smithy2go/smithy2go/generator/smithy"
)

// TestCase is one case of the smithy.rules#endpointTests trait: parameter
// values and the endpoint or error they resolve to.
type TestCase struct {
	Doc    string
	Params []TestParam
	// IsError says the case expects an error with message Error.
	IsError bool
	Error   string
	URL     string
	Headers []TestHeader
	// Properties is the expected properties object; its Kind is 0 when
	// the case gives none.
	Properties smithy.Node
	// OperationInputs are operation calls that must bind to the same
	// endpoint.
	OperationInputs []OperationInput
	Offset          int
}

// TestParam is a parameter's value in a test case.
type TestParam struct {
	Param *Param
	Value Value
}

// TestHeader is an expected header and its values, in order.
type TestHeader struct {
	Name   string
	Values []string
}

// OperationInput is an operation call of a test case: its input, and the
// built-in and client settings of the client making it.
type OperationInput struct {
	Operation string
	// Params is the input as a document; its Kind is 0 when none is given.
	Params       smithy.Node
	BuiltIns     []BuiltInValue
	ClientParams []TestParam
	Offset       int
}

// BuiltInValue is a built-in setting in a test case, such as AWS::Region.
type BuiltInValue struct {
	Name  string
	Value smithy.Node
}

func (p *parser) tests(n smithy.Node) {
	const what = string(TraitTests)
	if !p.object(n, what) {
		return
	}
	cases, ok := p.field(n, what, "testCases", smithy.ArrayNode, false)
	if !ok {
		return
	}
	for i, c := range cases.Items {
		if tc := p.testCase(c, fmt.Sprintf("endpoint test %d", i)); tc != nil {
			p.rs.Tests = append(p.rs.Tests, tc)
		}
	}
}

func (p *parser) testCase(n smithy.Node, what string) *TestCase {
	if !p.object(n, what) {
		return nil
	}
	tc := &TestCase{Offset: n.Offset}
	if d, ok := p.field(n, what, "documentation", smithy.StringNode, false); ok {
		tc.Doc = d.Str
	}
	if params, ok := p.field(n, what, "params", smithy.ObjectNode, false); ok {
		tc.Params = p.testParams(params, what)
	}
	expect, ok := p.field(n, what, "expect", smithy.ObjectNode, true)
	if !ok {
		return nil
	}
	errNode, isErr := expect.Get("error")
	ep, isEndpoint := expect.Get("endpoint")
	switch {
	case isErr == isEndpoint:
		p.errorf(expect.Offset, "%s: expect must hold exactly one of \"error\" and \"endpoint\"", what)
		return nil
	case isErr:
		if errNode.Kind != smithy.StringNode {
			p.errorf(errNode.Offset, "%s: the expected error must be a string", what)
			return nil
		}
		tc.IsError, tc.Error = true, errNode.Str
	default:
		if !p.object(ep, what+": the expected endpoint") {
			return nil
		}
		if u, ok := p.field(ep, what+": the expected endpoint", "url", smithy.StringNode, true); ok {
			tc.URL = u.Str
		} else {
			return nil
		}
		if hs, ok := p.field(ep, what+": the expected endpoint", "headers", smithy.ObjectNode, false); ok {
			for _, h := range hs.Fields {
				th := TestHeader{Name: h.Key}
				for _, v := range h.Value.Items {
					th.Values = append(th.Values, v.String())
				}
				if h.Value.Kind != smithy.ArrayNode {
					p.errorf(h.Value.Offset, "%s: header %q must be a list of strings", what, h.Key)
				}
				tc.Headers = append(tc.Headers, th)
			}
		}
		if props, ok := p.field(ep, what+": the expected endpoint", "properties", smithy.ObjectNode, false); ok {
			tc.Properties = props
		}
	}
	if ins, ok := p.field(n, what, "operationInputs", smithy.ArrayNode, false); ok {
		for _, in := range ins.Items {
			if !p.object(in, what+": an operation input") {
				continue
			}
			oi := OperationInput{Offset: in.Offset}
			if name, ok := p.field(in, what+": an operation input", "operationName", smithy.StringNode, true); ok {
				oi.Operation = name.Str
			} else {
				continue
			}
			if params, ok := p.field(in, what+": an operation input", "operationParams", smithy.ObjectNode, false); ok {
				oi.Params = params
			}
			if bs, ok := p.field(in, what+": an operation input", "builtInParams", smithy.ObjectNode, false); ok {
				for _, b := range bs.Fields {
					oi.BuiltIns = append(oi.BuiltIns, BuiltInValue{Name: b.Key, Value: b.Value})
				}
			}
			if cs, ok := p.field(in, what+": an operation input", "clientParams", smithy.ObjectNode, false); ok {
				oi.ClientParams = p.testParams(cs, what)
			}
			tc.OperationInputs = append(tc.OperationInputs, oi)
		}
	}
	return tc
}

func (p *parser) testParams(n smithy.Node, what string) []TestParam {
	var out []TestParam
	for _, f := range n.Fields {
		prm := p.param(f.Key)
		if prm == nil {
			p.errorf(f.Offset, "%s: %q is not a parameter of the rule set", what, f.Key)
			continue
		}
		v, ok := p.literal(f.Value, prm.Type, fmt.Sprintf("%s: parameter %q", what, f.Key))
		if ok {
			out = append(out, TestParam{Param: prm, Value: v})
		}
	}
	return out
}
