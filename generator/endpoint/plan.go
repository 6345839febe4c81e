// Package endpoint writes a generated package's endpoint resolver from the
// service's endpoint rules (see package ruleset): EndpointParameters as the
// AWS SDK has it, EndpointRules whose ResolveEndpoint evaluates the rules'
// decision graph in plain Go, the methods that bind parameters from
// operation inputs, and TestEndpoints, one subtest per endpointTests case.
// plan.go makes the Go-level decisions; the other files only print.
package endpoint

import (
	"fmt"
	"go/token"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/ruleset"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// The exported names the endpoint code adds to a package. No shape of the
// 306 AWS models takes any of them (TestNamesFreeInAWSModels), and the
// client adds EndpointResolverV2, NewDefaultEndpointResolverV2,
// EndpointResolver, EndpointResolverFunc and EndpointResolverOptions on
// top, so those are left alone.
const (
	// ParamsType is the AWS SDK's name for the parameters struct.
	ParamsType = "EndpointParameters"
	// RulesType resolves with the rules; its method is ResolveEndpoint.
	RulesType = "EndpointRules"
	// The runtime's types (templates/runtime_endpoint.go).
	ResultType     = "EndpointResult"
	AuthSchemeType = "EndpointAuthScheme"
	ErrorType      = "EndpointError"
	// BindMethod is the method of operation inputs that sets the
	// parameters their members and traits bind.
	BindMethod = "BindEndpointParameters"
)

// Names lists the package-level names the endpoint code declares.
var Names = []string{ParamsType, RulesType, ResultType, AuthSchemeType, ErrorType}

// The runtime files the endpoint code uses.
const (
	runtimeFile           = "runtime_endpoint.go"
	runtimePartitionsFile = "runtime_endpoint_partitions.go"
	runtimeTestFile       = "runtime_endpoint_test.go"
)

// goPlan is the Go view of a rule set.
type goPlan struct {
	rs *ruleset.RuleSet
	p  *plan.Plan
	// field names EndpointParameters fields by Param.Index; varField
	// names endpointVars fields by Var.Index.
	field, varField []string
	// partitions says whether aws.partition is called.
	partitions bool
	// bound marks the operations whose inputs bind parameters, which the
	// client calls BindEndpointParameters on.
	bound map[*plan.Operation]bool
}

func newGoPlan(p *plan.Plan, rs *ruleset.RuleSet) (*goPlan, error) {
	gp := &goPlan{rs: rs, p: p}
	if taken := takenNames(p); taken != "" {
		return nil, fmt.Errorf("%s: no endpoint resolver: %s", p.Service.ID, taken)
	}
	used := map[string]bool{"WithDefaults": true, "ValidateRequired": true}
	for _, prm := range rs.Params {
		name := exported(prm.Name)
		for used[name] {
			name += "_"
		}
		used[name] = true
		gp.field = append(gp.field, name)
	}
	count := map[string]int{}
	for _, v := range rs.Vars {
		count[v.Name]++
	}
	usedVars := map[string]bool{}
	for _, v := range rs.Vars {
		name := v.Name
		if count[name] > 1 {
			name += exported(v.Type.String())
		}
		if token.IsKeyword(name) {
			name += "_"
		}
		for usedVars[name] {
			name += "_"
		}
		usedVars[name] = true
		gp.varField = append(gp.varField, name)
	}
	for _, c := range rs.Conditions {
		if c.Expr != nil && usesFn(c.Expr, ruleset.FnPartition) {
			gp.partitions = true
		}
	}
	return gp, nil
}

// takenNames says which of the endpoint code's names the model's shapes
// already use, or "". Model names win, so the package then goes without
// endpoint code rather than fail to compile.
func takenNames(p *plan.Plan) string {
	ours := map[string]bool{}
	for _, n := range Names {
		ours[n] = true
	}
	var clash []string
	check := func(name string) {
		if ours[name] {
			clash = append(clash, name)
		}
	}
	for _, s := range p.Structs {
		check(s.Name)
	}
	for _, e := range p.Enums {
		check(e.Name)
		for _, v := range e.Values {
			check(v.Const)
		}
	}
	for _, u := range p.Unions {
		check(u.Name)
		for _, v := range u.Variants {
			check(v.Name)
		}
	}
	if len(clash) == 0 {
		return ""
	}
	return "the model's shapes take the name(s) " + strings.Join(clash, ", ")
}

func usesFn(e *ruleset.Expr, fn string) bool {
	if e.Op == ruleset.OpCall && e.Fn == fn {
		return true
	}
	for _, a := range append(append([]*ruleset.Expr(nil), e.Args...), e.Parts...) {
		if usesFn(a, fn) {
			return true
		}
	}
	return false
}

// exported upper-cases the first letter, as the AWS SDK names parameters.
func exported(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// attrFields are the Go fields of the runtime's structured values, by the
// rules' attribute names.
var attrFields = map[ruleset.Type]map[string]string{
	ruleset.URL: {"scheme": "scheme", "authority": "authority", "path": "path", "normalizedPath": "normalizedPath", "isIp": "isIP"},
	ruleset.ARN: {"partition": "partition", "service": "service", "region": "region", "accountId": "accountID", "resourceId": "resourceID"},
	ruleset.Partition: {"name": "name", "dnsSuffix": "dnsSuffix", "dualStackDnsSuffix": "dualStackDNSSuffix",
		"supportsFIPS": "supportsFIPS", "supportsDualStack": "supportsDualStack", "implicitGlobalRegion": "implicitGlobalRegion"},
}

// goTypes are the Go types of rule-set values held in variables.
var goTypes = map[ruleset.Type]string{
	ruleset.String:      "string",
	ruleset.Bool:        "bool",
	ruleset.StringArray: "[]string",
	ruleset.URL:         "endpointURL",
	ruleset.ARN:         "endpointARN",
	ruleset.Partition:   "*endpointPartition",
}

// Field is a field of EndpointParameters, for code that fills it in, such
// as the generated client.
type Field struct {
	// Name is the Go field name.
	Name string
	// Param is the rule-set parameter; its Type says whether the field is
	// a *string, *bool or []string.
	Param *ruleset.Param
	// BuiltIn is the client setting the field comes from, such as
	// "AWS::Region" or "SDK::Endpoint"; "" when none.
	BuiltIn string
	// ClientContext says the service's smithy.rules#clientContextParams
	// makes the parameter a client option of its own.
	ClientContext bool
}

// Fields lists the EndpointParameters fields the package generated for
// svc has, in order; nil when the service has no endpoint rules.
func Fields(m *smithy.Model, svc *smithy.Shape) ([]Field, error) {
	rs, err := ruleset.Parse(m, svc)
	if err != nil || rs == nil {
		return nil, err
	}
	gp, err := newGoPlan(&plan.Plan{Model: m, Service: svc}, rs)
	if err != nil {
		return nil, err
	}
	client, _ := svc.Traits.Get(ruleset.TraitClientContextParams)
	var out []Field
	for i, prm := range rs.Params {
		_, cc := client.Get(prm.Name)
		out = append(out, Field{Name: gp.field[i], Param: prm, BuiltIn: prm.BuiltIn, ClientContext: cc})
	}
	return out, nil
}
