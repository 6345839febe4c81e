package query

import (
	"os"
	"testing"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// aws-sdk-go-v2 service/ec2 v1.23.0, generated from the 2021 model, makes
// every member a pointer although the 1.0 model leaves numbers unboxed
// (read from its types.go and api_op_RunInstances.go).
func TestEC2FullMembersArePointers(t *testing.T) {
	const path = "../../../../shared/models/ec2-full/ec2-2016-11-15.2021-11-18.json"
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skip("../shared is missing: skipping the check against the whole EC2 model")
	}
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
	p, err := plan.Build(m, svc, plan.Options{Package: "ec2", Operations: []string{"RunInstances", "DescribeInstances"},
		Protocols: []plan.Protocol{Protocol{EC2Query}}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]plan.Kind{
		"RunInstancesInput":      {"MaxCount": plan.Int32Kind, "MinCount": plan.Int32Kind, "DryRun": plan.BoolKind},
		"DescribeInstancesInput": {"MaxResults": plan.Int32Kind},
		"EbsBlockDevice":         {"DeleteOnTermination": plan.BoolKind},
	}
	found := 0
	for _, st := range p.Structs {
		for _, f := range st.Fields {
			if kind, ok := want[st.Name][f.Name]; ok {
				found++
				if f.Type.Kind != kind || !f.Pointer {
					t.Errorf("%s.%s: kind %v, pointer %t; want a pointer", st.Name, f.Name, f.Type.Kind, f.Pointer)
				}
			}
		}
	}
	if found != 5 {
		t.Errorf("found %d of the 5 members", found)
	}
}
