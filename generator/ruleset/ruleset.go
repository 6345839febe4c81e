// Package ruleset reads a service's endpoint rules, the
// smithy.rules#endpointRuleSet (a tree of rules) or smithy.rules#endpointBdd
// (a binary decision diagram) trait, and its smithy.rules#endpointTests
// cases, into one checked, typed form: parameters, distinct conditions,
// distinct results and a decision graph over them. A rule set that is
// malformed, calls an unknown function or uses a value of the wrong type is
// reported as smithy.Problems at the trait's position in the model file.
package ruleset

import "github.com/smithy2go/smithy2go/generator/smithy"

// Trait IDs of the rules engine.
const (
	TraitRuleSet             smithy.ShapeID = "smithy.rules#endpointRuleSet"
	TraitBDD                 smithy.ShapeID = "smithy.rules#endpointBdd"
	TraitTests               smithy.ShapeID = "smithy.rules#endpointTests"
	TraitContextParam        smithy.ShapeID = "smithy.rules#contextParam"
	TraitStaticContextParams smithy.ShapeID = "smithy.rules#staticContextParams"
	TraitOperationContext    smithy.ShapeID = "smithy.rules#operationContextParams"
	TraitClientContextParams smithy.ShapeID = "smithy.rules#clientContextParams"
)

// Type is the type of a value in the rules language.
type Type uint8

// The value types. Int only appears as a literal argument.
const (
	String Type = iota + 1
	Bool
	StringArray
	URL
	ARN
	Partition
	Int
)

func (t Type) String() string {
	switch t {
	case String:
		return "string"
	case Bool:
		return "boolean"
	case StringArray:
		return "stringArray"
	case URL:
		return "URL"
	case ARN:
		return "ARN"
	case Partition:
		return "Partition"
	case Int:
		return "integer"
	}
	return "unknown"
}

// RuleSet is a service's endpoint rules in decision-graph form.
type RuleSet struct {
	// Trait is the trait the rules came from, TraitRuleSet or TraitBDD.
	Trait   smithy.ShapeID
	Version string
	Params  []*Param // in model order
	// Vars are the variables conditions assign, one per name and type.
	Vars       []*Var
	Conditions []*Condition
	// Results are the endpoints and errors rules end in. Result 0 is
	// "no rule matched"; it has neither URL nor Error.
	Results []*Result
	Graph   Graph
	// Tests are the smithy.rules#endpointTests cases, if any.
	Tests []*TestCase
	// Offset is the trait value's position in the model file.
	Offset int
}

// Param is a parameter of the rule set.
type Param struct {
	Name string
	Type Type // String, Bool or StringArray
	// BuiltIn names the client setting the parameter is bound to, such as
	// "AWS::Region"; "" when none.
	BuiltIn  string
	Required bool
	// Default is the value an unset parameter takes; nil when none.
	Default    *Value
	Doc        string
	Deprecated *smithy.Deprecation
	Offset     int
	// Index is the parameter's position in Params.
	Index int
}

// Set reports whether the parameter always holds a value once defaults
// are applied and required parameters checked.
func (p *Param) Set() bool { return p.Required || p.Default != nil }

// Value is a literal: a string, a boolean or a list of strings.
type Value struct {
	Type Type
	Str  string
	Bool bool
	List []string
}

// Var is a variable that conditions assign.
type Var struct {
	Name  string
	Type  Type
	Index int // position in RuleSet.Vars
}

// Op is the kind of an expression.
type Op uint8

// The expression kinds.
const (
	OpLiteral  Op = iota + 1 // Value
	OpRef                    // Param or Var
	OpCall                   // Fn with Args
	OpGetAttr                // Args[0] and Path
	OpTemplate               // Parts, each a string literal or string expression
)

// Expr is a typed expression.
type Expr struct {
	Op    Op
	Type  Type
	Value Value  // OpLiteral
	Param *Param // OpRef to a parameter
	Var   *Var   // OpRef to a variable
	Fn    string // OpCall
	Args  []*Expr
	Path  []PathStep // OpGetAttr
	Parts []*Expr    // OpTemplate
	// Offset is where the expression is written in the model file.
	Offset int
}

// PathStep is one step of a getAttr path: a key, or an index into a list
// (negative indexes count from the end).
type PathStep struct {
	Key     string
	Index   int
	IsIndex bool
}

// Condition is a function call that must hold, optionally assigning its
// value to a variable.
type Condition struct {
	Expr   *Expr
	Assign *Var
	Offset int
	// Known marks, by Param.Index, the optional parameters that are set
	// wherever the condition is evaluated; Assigned marks, by Var.Index,
	// the variables that are.
	Known, Assigned []bool
}

// Result is where a rule ends: an endpoint or an error.
type Result struct {
	// Error is the message of an error rule: a string expression.
	Error *Expr
	// URL is the endpoint's URL: a string expression.
	URL        *Expr
	Headers    []Header
	Properties *Property // an object, or nil
	Doc        string
	Offset     int
	// Known and Assigned are as for Condition.
	Known, Assigned []bool
}

// NoMatch reports whether r is result 0, "no rule matched".
func (r *Result) NoMatch() bool { return r.Error == nil && r.URL == nil }

// Header is one header of an endpoint, with its values in order.
type Header struct {
	Name   string
	Values []*Expr
}

// Property is an endpoint property value: a string (possibly templated), a
// boolean, a list or an object.
type Property struct {
	Kind   PropertyKind
	Str    *Expr // PropString: a string expression
	Bool   bool
	Items  []*Property
	Fields []PropertyField
}

// PropertyKind is the JSON kind of a Property.
type PropertyKind uint8

// The property kinds.
const (
	PropString PropertyKind = iota + 1
	PropBool
	PropList
	PropObject
)

// PropertyField is one key of an object property.
type PropertyField struct {
	Key   string
	Value *Property
}

// Graph is a decision graph in the encoding of the endpointBdd trait:
// Nodes[i] tests condition Cond and continues at High when it holds and at
// Low when it does not. A reference r > 1 names Nodes[r-1]; -r names the
// same node with High and Low swapped; 1 and -1 end with no match; and
// ResultBase+i ends in Results[i]. Nodes[0] is the unused terminal
// {-1, 1, -1}.
type Graph struct {
	Root  int32
	Nodes []Node
}

// Node is one decision of a Graph.
type Node struct{ Cond, High, Low int32 }

// ResultBase is the first result reference.
const ResultBase = 100000000
