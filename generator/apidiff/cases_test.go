package apidiff

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type shapes map[string]any

// model is a one-operation service, Run, whose input and output are
// "in" and "out" and whose other shapes are extra. IDs without a
// namespace are in example.c.
func model(t *testing.T, protocol, version string, in, out shapes, extra shapes) []byte {
	t.Helper()
	all := shapes{
		"example.c#Svc": shapes{
			"type": "service", "version": version,
			"operations": []any{shapes{"target": "example.c#Run"}},
			"traits":     shapes{"aws.protocols#" + protocol: shapes{}},
		},
		"example.c#Run": shapes{
			"type": "operation", "input": shapes{"target": "example.c#RunRequest"},
			"output": shapes{"target": "example.c#RunResult"},
		},
		"example.c#RunRequest": shapes{"type": "structure", "members": in, "traits": shapes{"smithy.api#input": shapes{}}},
		"example.c#RunResult":  shapes{"type": "structure", "members": out, "traits": shapes{"smithy.api#output": shapes{}}},
	}
	for k, v := range extra {
		all[k] = v
	}
	data, err := json.Marshal(shapes{"smithy": "2.0", "shapes": all})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func member(target string, traits shapes) shapes {
	m := shapes{"target": target}
	if traits != nil {
		m["traits"] = traits
	}
	return m
}

func TestCases(t *testing.T) {
	str := "smithy.api#String"
	none := shapes{}
	list := func(target string, traits shapes) shapes {
		l := shapes{"type": "list", "member": member(target, nil)}
		if traits != nil {
			l["traits"] = traits
		}
		return l
	}
	type version struct {
		protocol, version string
		in, out, extra    shapes
	}
	v := func(in, out, extra shapes) version { return version{"ec2Query", "1", in, out, extra} }
	cases := []struct {
		name     string
		old, new version
		want     []string
	}{
		{
			name: "now a pointer",
			old:  v(shapes{"N": member("smithy.api#Integer", shapes{"smithy.api#default": 0})}, none, nil),
			new:  v(shapes{"N": member("smithy.api#Integer", nil)}, none, nil),
			want: []string{"RunInput.N: now a pointer: int32 to *int32"},
		},
		{
			name: "range, pattern and uniqueItems",
			old: v(shapes{
				"N":    member("smithy.api#Integer", shapes{"smithy.api#range": shapes{"min": 1, "max": 10}}),
				"S":    member(str, nil),
				"List": member("example.c#Names", nil),
			}, none, shapes{"example.c#Names": list(str, nil)}),
			new: v(shapes{
				"N":    member("smithy.api#Integer", shapes{"smithy.api#range": shapes{"min": 1, "max": 5}}),
				"S":    member(str, shapes{"smithy.api#pattern": "^a+$"}),
				"List": member("example.c#Names", nil),
			}, none, shapes{"example.c#Names": list(str, shapes{"smithy.api#uniqueItems": shapes{}})}),
			want: []string{
				"RunInput.List: uniqueItems changed from false to true",
				"RunInput.N: range changed from 1..10 to 1..5",
				`RunInput.S: pattern changed from none to "^a+$"`,
			},
		},
		{
			name: "element constraints",
			old:  v(shapes{"List": member("example.c#Names", nil)}, none, shapes{"example.c#Names": list(str, nil)}),
			new: v(shapes{"List": member("example.c#Names", nil)}, none, shapes{
				"example.c#Names": list("example.c#Name", nil),
				"example.c#Name":  shapes{"type": "string", "traits": shapes{"smithy.api#length": shapes{"max": 64}}},
			}),
			want: []string{"RunInput.List: element length changed from none to ..64"},
		},
		{
			name: "sparse list",
			old:  v(shapes{"List": member("example.c#Names", nil)}, none, shapes{"example.c#Names": list(str, nil)}),
			new:  v(shapes{"List": member("example.c#Names", nil)}, none, shapes{"example.c#Names": list(str, shapes{"smithy.api#sparse": shapes{}})}),
			want: []string{"RunInput.List: type changed from []string to []*string"},
		},
		{
			name: "constraints and required of outputs are not the validator's",
			old:  v(none, shapes{"S": member(str, shapes{"smithy.api#required": shapes{}})}, nil),
			new:  v(none, shapes{"S": member(str, shapes{"smithy.api#length": shapes{"max": 3}})}, nil),
			want: nil,
		},
		{
			name: "protocol and version",
			old:  version{"ec2Query", "2020-01-01", shapes{"s": member(str, nil)}, none, nil},
			new:  version{"awsQuery", "2021-01-01", shapes{"s": member(str, nil)}, none, nil},
			// The request key changes too ("S" to "s"), but the whole wire
			// format did, which the first line says.
			want: []string{
				"Svc: API version changed from \"2020-01-01\" to \"2021-01-01\"",
				"Svc: protocol changed from aws.protocols#ec2Query to aws.protocols#awsQuery",
			},
		},
		{
			name: "member renamed in the model, same Go name",
			old:  version{"awsQuery", "1", shapes{"value": member(str, nil)}, none, nil},
			new:  version{"awsQuery", "1", shapes{"Value": member(str, nil)}, none, nil},
			want: []string{`RunInput.Value: request key changed from "value" to "Value"`},
		},
		{
			name: "list flattened in awsQuery",
			old: version{"awsQuery", "1", shapes{"Tags": member("example.c#Names", nil)}, shapes{"Tags": member("example.c#Names", nil)},
				shapes{"example.c#Names": list(str, nil)}},
			new: version{"awsQuery", "1", shapes{"Tags": member("example.c#Names", shapes{"smithy.api#xmlFlattened": shapes{}})},
				shapes{"Tags": member("example.c#Names", shapes{"smithy.api#xmlFlattened": shapes{}})},
				shapes{"example.c#Names": list(str, nil)}},
			want: []string{
				`RunInput.Tags: request key changed from "Tags.member.1" to "Tags.1"`,
				`RunOutput.Tags: response name changed from "Tags/member" to "Tags"`,
			},
		},
		{
			name: "shape moved to another namespace under the same Go name",
			old: v(shapes{"T": member("example.c#Thing", nil)}, none,
				shapes{"example.c#Thing": shapes{"type": "structure", "members": shapes{"a": member(str, nil)}}}),
			new: v(shapes{"T": member("example.d#Thing", nil)}, none,
				shapes{"example.d#Thing": shapes{"type": "structure", "members": shapes{"a": member(str, nil)}}}),
			want: nil,
		},
		{
			name: "struct became an enum",
			old: v(shapes{"T": member("example.c#Thing", nil)}, none,
				shapes{"example.c#Thing": shapes{"type": "structure", "members": shapes{"a": member(str, nil)}}}),
			new: v(shapes{"T": member("example.c#Thing", nil)}, none,
				shapes{"example.c#Thing": shapes{"type": "enum", "members": shapes{"A": member("smithy.api#Unit", nil)}}}),
			want: []string{
				"RunInput.T: type changed from *Thing to Thing",
				"Thing: changed from struct to enum type",
			},
		},
		{
			name: "union variants",
			old: v(shapes{"U": member("example.c#U", nil)}, none, shapes{"example.c#U": shapes{"type": "union", "members": shapes{
				"a": member("smithy.api#Integer", nil), "b": member(str, nil), "c": member(str, shapes{"smithy.api#length": shapes{"min": 2}}),
			}}}),
			new: v(shapes{"U": member("example.c#U", nil)}, none, shapes{"example.c#U": shapes{"type": "union", "members": shapes{
				"a": member("smithy.api#Long", nil), "b": member(str, shapes{"aws.protocols#ec2QueryName": "Bee"}), "c": member(str, nil),
			}}}),
			want: []string{
				"UMemberA: type changed from int32 to int64",
				`UMemberB: request key changed from "B" to "Bee"`,
				"UMemberC: length changed from 2.. to none",
			},
		},
		{
			name: "error code",
			old: version{"awsQuery", "1", none, none, shapes{
				"example.c#Run": shapes{"type": "operation", "input": shapes{"target": "example.c#RunRequest"},
					"output": shapes{"target": "example.c#RunResult"}, "errors": []any{shapes{"target": "example.c#Boom"}}},
				"example.c#Boom": shapes{"type": "structure", "members": none, "traits": shapes{"smithy.api#error": "client"}},
			}},
			new: version{"awsQuery", "1", none, none, shapes{
				"example.c#Run": shapes{"type": "operation", "input": shapes{"target": "example.c#RunRequest"},
					"output": shapes{"target": "example.c#RunResult"}, "errors": []any{shapes{"target": "example.c#Boom"}}},
				"example.c#Boom": shapes{"type": "structure", "members": none, "traits": shapes{"smithy.api#error": "client",
					"aws.protocols#awsQueryError": shapes{"code": "Kaboom", "httpResponseCode": 400}}},
			}},
			want: []string{`Boom: error code changed from "Boom" to "Kaboom"`},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := model(t, c.old.protocol, c.old.version, c.old.in, c.old.out, c.old.extra)
			n := model(t, c.new.protocol, c.new.version, c.new.in, c.new.out, c.new.extra)
			r, err := Compare(Model{"old.json", o}, Model{"new.json", n}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, ch := range r.Changes {
				got = append(got, ch.String())
			}
			if d := cmp.Diff(c.want, got); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}
