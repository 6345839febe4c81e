package ruleset

import (
	"errors"
	"strings"
	"testing"

	"github.com/smithy2go/smithy2go/generator/smithy"
	"github.com/smithy2go/smithy2go/models"
)

// parseModel loads a model and reads its one service's rules.
func parseModel(t *testing.T, src string) (*RuleSet, error) {
	t.Helper()
	m, err := smithy.Load("test.json", []byte(src))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	svcs := m.Services()
	if len(svcs) != 1 {
		t.Fatalf("%d services", len(svcs))
	}
	return Parse(m, svcs[0])
}

// model is a service carrying traits, a JSON object's members.
func model(traits string) string {
	return `{
  "smithy": "2.0",
  "shapes": {
    "example#Service": {
      "type": "service",
      "version": "2020-01-01",
      "traits": {` + traits + `}
    }
  }
}`
}

// The BDD of the embedded EC2 model, as the spec's encoding says.
func TestParseEC2BDD(t *testing.T) {
	m, err := smithy.Load(models.DefaultName, models.EC2InterruptibleCapacityReservation)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := Parse(m, m.Services()[0])
	if err != nil {
		t.Fatal(err)
	}
	if rs.Trait != TraitBDD || rs.Version != "1.1" {
		t.Errorf("trait %s version %s", rs.Trait, rs.Version)
	}
	var params []string
	for _, p := range rs.Params {
		d := ""
		if p.Default != nil {
			d = "=" + render(&Expr{Op: OpLiteral, Type: p.Default.Type, Value: *p.Default}, false)
		}
		params = append(params, p.Name+":"+p.Type.String()+":"+p.BuiltIn+d)
	}
	want := "Region:string:AWS::Region UseDualStack:boolean:AWS::UseDualStack=false UseFIPS:boolean:AWS::UseFIPS=false Endpoint:string:SDK::Endpoint"
	if got := strings.Join(params, " "); got != want {
		t.Errorf("params %s\nwant %s", got, want)
	}
	if len(rs.Conditions) != 8 || len(rs.Results) != 13 || len(rs.Graph.Nodes) != 14 || rs.Graph.Root != 2 {
		t.Errorf("%d conditions, %d results, %d nodes, root %d; want 8, 13 (no match included), 14, 2",
			len(rs.Conditions), len(rs.Results), len(rs.Graph.Nodes), rs.Graph.Root)
	}
	if n := rs.Graph.Nodes[1]; n != (Node{0, 13, 3}) {
		t.Errorf("node 1 = %v, want {0 13 3}", n)
	}
	if c := rs.Conditions[2]; c.Assign == nil || c.Assign.Name != "PartitionResult" || c.Assign.Type != Partition ||
		c.Expr.String() != "aws.partition(Region)" || !c.Known[0] {
		t.Errorf("condition 2 = %s -> %v; want PartitionResult = aws.partition(Region), with Region known set", c.Expr, c.Assign)
	}
	if r := rs.Results[4]; r.URL == nil || r.URL.String() != `"https://ec2-fips.{Region}.{PartitionResult#dualStackDnsSuffix}"` {
		t.Errorf("result 4 = %+v", r)
	}
	if r := rs.Results[12]; r.Error == nil || r.Error.Value.Str != "Invalid Configuration: Missing Region" {
		t.Errorf("result 12 = %+v", r)
	}
}

// walk evaluates a graph with the given condition outcomes, as the spec's
// BDD evaluation does, and returns the result index reached.
func walk(g Graph, holds func(cond int32) bool) int32 {
	ref := g.Root
	for IsNode(ref) {
		n := g.Nodes[NodeIndex(ref)]
		if holds(n.Cond) != (ref < 0) {
			ref = n.High
		} else {
			ref = n.Low
		}
	}
	return ResultIndex(ref)
}

const treeRules = `"smithy.rules#endpointRuleSet": {
  "version": "1.0",
  "parameters": {
    "Region": {"type": "String", "builtIn": "AWS::Region", "documentation": "r"},
    "UseFIPS": {"type": "Boolean", "required": true, "default": false, "documentation": "f"}
  },
  "rules": [
    {"type": "tree", "conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}]}], "rules": [
      {"type": "tree", "conditions": [{"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]}], "rules": [
        {"type": "endpoint", "conditions": [{"fn": "stringEquals", "argv": [{"ref": "Region"}, "us-east-1"]}],
         "endpoint": {"url": "https://fips.{Region}.example.com"}}
      ]},
      {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://{Region}.example.com"}}
    ]},
    {"type": "error", "conditions": [], "error": "Missing Region"}
  ]
}`

// A tree rule whose conditions hold is final: when none of its rules
// matches, nothing does; otherwise rules fall through in order.
func TestTreeLowering(t *testing.T) {
	rs, err := parseModel(t, model(treeRules))
	if err != nil {
		t.Fatal(err)
	}
	// Conditions in order of appearance: isSet(Region), UseFIPS, Region == us-east-1.
	names := map[int32]string{}
	for i, r := range rs.Results {
		switch {
		case r.NoMatch():
			names[int32(i)] = "no match"
		case r.Error != nil:
			names[int32(i)] = r.Error.Value.Str
		default:
			names[int32(i)] = r.URL.String()
		}
	}
	for _, c := range []struct {
		set, fips, east bool
		want            string
	}{
		{false, false, false, "Missing Region"},
		{false, true, true, "Missing Region"},
		{true, false, false, `"https://{Region}.example.com"`},
		{true, true, true, `"https://fips.{Region}.example.com"`},
		{true, true, false, "no match"},
	} {
		got := names[walk(rs.Graph, func(cond int32) bool { return []bool{c.set, c.fips, c.east}[cond] })]
		if got != c.want {
			t.Errorf("isSet=%t fips=%t east=%t: %s, want %s", c.set, c.fips, c.east, got, c.want)
		}
	}
	if c := rs.Conditions[2]; !c.Known[0] {
		t.Error("Region is not known set under isSet(Region)")
	}
}

// Malformed rule sets are model problems at the place they are written.
func TestBadRuleSets(t *testing.T) {
	bdd := func(conds, results string, root int, count int, nodes string) string {
		return `"smithy.rules#endpointBdd": {"version": "1.1",
  "parameters": {"Region": {"type": "string", "documentation": "r"}},
  "conditions": [` + conds + `], "results": [` + results + `],
  "root": ` + itoa(root) + `, "nodeCount": ` + itoa(count) + `, "nodes": "` + nodes + `"}`
	}
	tree := func(params, rules string) string {
		if params == "" {
			params = `"Region": {"type": "String", "documentation": "r"}`
		}
		return `"smithy.rules#endpointRuleSet": {"version": "1.0", "parameters": {` + params + `}, "rules": [` + rules + `]}`
	}
	isSet := `{"fn": "isSet", "argv": [{"ref": "Region"}]}`
	ok := `{"type": "endpoint", "conditions": [], "endpoint": {"url": "https://example.com"}}`
	// One node testing condition 0: true -> result 1, false -> no match.
	oneNode := "/////wAAAAH/////AAAAAAX14QEAAAAB" // [-1,1,-1], [0,100000001,1]
	for _, c := range []struct {
		name, traits string
		at, msg      string // the text the problem points at, and part of its message
	}{
		{"unknown function", tree("", `{"type": "endpoint", "conditions": [{"fn": "aws.fake", "argv": []}], "endpoint": {"url": "https://x"}}`),
			`"aws.fake"`, `unknown function "aws.fake"`},
		{"arity", tree("", `{"type": "endpoint", "conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}, true]}], "endpoint": {"url": "https://x"}}`),
			`"isSet"`, "isSet takes 1 argument, not 2"},
		{"argument type", tree("", `{"type": "endpoint", "conditions": [{"fn": "stringEquals", "argv": [true, "a"]}], "endpoint": {"url": "https://x"}}`),
			`true`, "argument 1 must be a string, not a boolean"},
		{"unknown reference", tree("", `{"type": "endpoint", "conditions": [{"fn": "isSet", "argv": [{"ref": "Bucket"}]}], "endpoint": {"url": "https://x"}}`),
			`"Bucket"`, `"Bucket" is neither a parameter nor a variable`},
		{"unset parameter in a URL", tree("", `{"type": "endpoint", "conditions": [], "endpoint": {"url": "https://{Region}.example.com"}}`),
			`"https://{Region}.example.com"`, `parameter "Region" may be unset here; check it with isSet first`},
		{"unset parameter in a call", tree("", `{"type": "endpoint", "conditions": [{"fn": "stringEquals", "argv": [{"ref": "Region"}, "a"]}], "endpoint": {"url": "https://x"}}`),
			`"Region"`, `parameter "Region" may be unset here; check it with isSet first`},
		{"unclosed placeholder", tree("", `{"type": "endpoint", "conditions": [`+isSet+`], "endpoint": {"url": "https://{Region.example.com"}}`),
			`"https://{Region.example.com"`, "is never closed"},
		{"bad attribute", tree("", `{"type": "endpoint", "conditions": [`+isSet+`, {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "p"}], "endpoint": {"url": "https://{p#dnsSufix}"}}`),
			`"https://{p#dnsSufix}"`, `a Partition has no attribute "dnsSufix"`},
		{"index inside a path", tree("", `{"type": "endpoint", "conditions": [{"fn": "aws.parseArn", "argv": ["x"], "assign": "a"}, {"fn": "stringEquals", "argv": [{"fn": "getAttr", "argv": [{"ref": "a"}, "resourceId[0].x"]}, "y"]}], "endpoint": {"url": "https://x"}}`),
			`"resourceId[0].x"`, "an index may only end the path"},
		{"optional value in a call", tree("", `{"type": "endpoint", "conditions": [{"fn": "stringEquals", "argv": [{"fn": "substring", "argv": ["abc", 0, 1, false]}, "a"]}], "endpoint": {"url": "https://x"}}`),
			`"substring"`, `substring("abc", 0, 1, false) may have no value here`},
		{"assign to a parameter", tree("", `{"type": "endpoint", "conditions": [{"fn": "uriEncode", "argv": ["a"], "assign": "Region"}], "endpoint": {"url": "https://x"}}`),
			`"Region"`, `cannot assign to "Region": it is a parameter`},
		{"variable out of scope", tree("", `{"type": "tree", "conditions": [{"fn": "uriEncode", "argv": ["a"], "assign": "u"}], "rules": [`+ok+`]}, {"type": "endpoint", "conditions": [], "endpoint": {"url": "https://{u}"}}`),
			`"https://{u}"`, `"u" is neither a parameter nor a variable assigned before it`},
		{"error rule without message", tree("", `{"type": "error", "conditions": []}`), `{"type": "error"`, `an error rule has no "error"`},
		{"rule type", tree("", `{"type": "maybe", "conditions": []}`), `{"type": "maybe"`, `rule type "maybe" is not endpoint, error or tree`},
		{"empty tree", tree("", `{"type": "tree", "conditions": [], "rules": []}`), `[]}`, "at least one rule"},
		{"parameter type", tree(`"Region": {"type": "number", "documentation": "r"}`, ok), `"number"`, `type "number" is not string, boolean or stringArray`},
		{"default without required", tree(`"F": {"type": "Boolean", "default": true, "documentation": "f"}`, ok), `true`, "has a default, so it must also be required"},
		{"default of the wrong type", tree(`"F": {"type": "Boolean", "required": true, "default": "yes", "documentation": "f"}`, ok), `"yes"`, "must be a boolean, not a string"},
		{"version", `"smithy.rules#endpointRuleSet": {"version": "3.0", "parameters": {}, "rules": [` + ok + `]}`, `"3.0"`, `version "3.0" is not supported`},
		{"1.1 function in 1.0", tree("", `{"type": "endpoint", "conditions": [{"fn": "split", "argv": ["a", "-", 0], "assign": "s"}], "endpoint": {"url": "https://x"}}`),
			`"split"`, `function "split" needs rules-engine version 1.1`},
		{"bdd base64", bdd(isSet, ok, 2, 2, "!!"), `"!!"`, "nodes is not valid base64"},
		{"bdd node count", bdd(isSet, ok, 2, 3, oneNode), `"` + oneNode + `"`, "nodeCount 3 nodes take 36"},
		{"bdd condition index", bdd("", ok, 2, 2, oneNode), `"` + oneNode + `"`, "node 1 tests condition 0; there are 0"},
		{"bdd result reference", bdd(isSet, "", 2, 2, oneNode), `"` + oneNode + `"`, "names result 1; there are 0"},
		{"bdd root", bdd(isSet, ok, 5, 2, oneNode), `"` + oneNode + `"`, "root: reference 5 names node 4; there are 2"},
		{"bdd complemented root", bdd(isSet, ok, -2, 2, oneNode), `-2`, "must be a reference that is not complemented"},
		{"bdd loop", bdd(isSet, ok, 2, 2, "/////wAAAAH/////AAAAAAAAAAIAAAAB"), `"/////wAAAAH/////AAAAAAAAAAIAAAAB"`, "loop back to node 1"},
		{"bdd result with conditions", bdd(isSet, `{"type": "error", "conditions": [`+isSet+`], "error": "e"}`, 2, 2, oneNode), `[{"fn"`, "must have no conditions"},
		{"bdd version", strings.Replace(bdd(isSet, ok, 2, 2, oneNode), `"1.1"`, `"1.0"`, 1), `"1.0"`, "endpointBdd trait needs rules-engine version 1.1"},
		{"test with unknown parameter", tree("", ok) + `, "smithy.rules#endpointTests": {"version": "1.0", "testCases": [{"params": {"Bucket": "b"}, "expect": {"endpoint": {"url": "https://example.com"}}}]}`,
			`"Bucket"`, `"Bucket" is not a parameter of the rule set`},
		{"test with two outcomes", tree("", ok) + `, "smithy.rules#endpointTests": {"version": "1.0", "testCases": [{"expect": {"error": "e", "endpoint": {"url": "https://x"}}}]}`,
			`{"error"`, `exactly one of "error" and "endpoint"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := model(c.traits)
			rs, err := parseModel(t, src)
			var ps smithy.Problems
			if !errors.As(err, &ps) || rs != nil {
				t.Fatalf("got %v, %v; want problems", rs, err)
			}
			for _, p := range ps {
				if !strings.Contains(p.Message, c.msg) {
					continue
				}
				if p.Shape != "example#Service" || p.Pos.File != "test.json" {
					t.Errorf("problem %s: want it on example#Service in test.json", p)
				}
				line := strings.Split(src, "\n")[p.Pos.Line-1]
				if at := line[min(p.Pos.Col-1, len(line)):]; !strings.HasPrefix(at, c.at) {
					t.Errorf("problem %s points at %q; want %q", p, at, c.at)
				}
				return
			}
			t.Errorf("problems:\n%v\nwant one saying %q", err, c.msg)
		})
	}
}

func itoa(i int) string {
	if i < 0 {
		return "-" + itoa(-i)
	}
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// Every problem is reported at once.
func TestProblemsAllAtOnce(t *testing.T) {
	_, err := parseModel(t, model(`"smithy.rules#endpointRuleSet": {"version": "1.0", "parameters": {}, "rules": [
  {"type": "endpoint", "conditions": [{"fn": "nope", "argv": []}], "endpoint": {"url": "https://x"}},
  {"type": "endpoint", "conditions": [{"fn": "alsoNope", "argv": []}], "endpoint": {"url": "https://x"}}]}`))
	var ps smithy.Problems
	if !errors.As(err, &ps) || len(ps) != 2 || ps[0].Pos.Line >= ps[1].Pos.Line {
		t.Errorf("problems %v; want two, in file order", err)
	}
}

// A model without rules has none, and no error.
func TestNoRules(t *testing.T) {
	rs, err := parseModel(t, model(`"smithy.api#documentation": "x"`))
	if rs != nil || err != nil {
		t.Errorf("got %v, %v", rs, err)
	}
}
