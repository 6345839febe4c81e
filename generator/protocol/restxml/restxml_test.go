package restxml

import (
	"strings"
	"testing"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/sample"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

const model = `$version: "2"
namespace example.xml

use aws.protocols#restXml
use aws.api#service

@restXml
@service(sdkId: "S3")
@xmlNamespace(uri: "https://example.com/doc")
service Store {
    version: "2024-01-01"
    operations: [PutThing, GetDoc, Delete, Put]
}

@http(method: "PUT", uri: "/{Bucket}/{Key+}?x-id=PutThing")
operation PutThing {
    input := {
        @httpLabel @required Bucket: String
        @httpLabel @required Key: String
        @httpPayload Thing: Thing
    }
}

@xmlName("TheThing")
structure Thing {
    @xmlAttribute @xmlName("xsi:type") kind: String
    zeta: String
    alpha: Integer
    @xmlFlattened items: Items
}

list Items {
    @xmlName("Item")
    member: String
}

@http(method: "GET", uri: "/doc")
operation GetDoc {
    output := {
        doc: Document
    }
}

@http(method: "DELETE", uri: "/{Bucket}")
operation Delete {
    input := {
        @httpLabel @required Bucket: String
    }
    output := {
        @httpHeader("x-amz-request-charged") charged: Charged
    }
}

@http(method: "PUT", uri: "/{Bucket}?put")
operation Put {
    input := {
        @httpLabel @required Bucket: String
    }
    output := {
        @httpHeader("x-amz-version-id") version: String
    }
}

enum Charged {
    REQUESTER = "requester"
}
`

func build(t *testing.T) *plan.Plan {
	t.Helper()
	m, err := smithy.LoadSources(smithy.Source{Name: "store.smithy", Data: []byte(model)})
	if err != nil {
		t.Fatal(err)
	}
	svc, err := plan.FindService(m, "")
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Build(m, svc, plan.Options{Package: "store", Protocols: []plan.Protocol{RestXML}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func op(t *testing.T, p *plan.Plan, name string) *plan.Operation {
	t.Helper()
	for _, o := range p.Operations {
		if o.Name == name {
			return o
		}
	}
	t.Fatalf("no operation %s", name)
	return nil
}

// TestSupports checks what restXml refuses: documents, which it does not
// define. An output whose only bound members are headers held by value
// (Delete) is carried: its decoder declares no err it does not use.
func TestSupports(t *testing.T) {
	p := build(t)
	for name, want := range map[string]string{
		"PutThing": "",
		"GetDoc":   "documents are not defined for restXml",
		"Delete":   "",
		"Put":      "",
	} {
		got := op(t, p, name).Unsupported
		if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}

// TestGoldenRequest checks the oracle's request for S3: no bucket in the
// path, the payload's root named by the target's xmlName and in the
// service's namespace, elements in member name order, an attribute with
// a prefix kept as written, a flattened list's items named by the
// structure's member, not the list's.
func TestGoldenRequest(t *testing.T) {
	p := build(t)
	o := op(t, p, "PutThing")
	in := &sample.Value{Type: &plan.Type{Kind: plan.StructKind, Struct: o.Input}}
	var thing *plan.Field
	for _, f := range o.Input.Fields {
		var v *sample.Value
		switch f.Member.Name {
		case "Bucket":
			v = &sample.Value{Type: f.Type, Str: "my-bucket"}
		case "Key":
			v = &sample.Value{Type: f.Type, Str: "a b/c"}
		case "Thing":
			thing = f
			continue
		}
		in.Fields = append(in.Fields, sample.FieldValue{Field: f, Value: v})
	}
	tv := &sample.Value{Type: thing.Type}
	for _, f := range thing.Type.Struct.Fields {
		var v *sample.Value
		switch f.Member.Name {
		case "kind":
			v = &sample.Value{Type: f.Type, Str: "Group"}
		case "zeta":
			v = &sample.Value{Type: f.Type, Str: "z<"}
		case "alpha":
			v = &sample.Value{Type: f.Type, Int: 7}
		case "items":
			v = &sample.Value{Type: f.Type, Items: []*sample.Value{{Type: f.Type.Elem, Str: "i1"}, {Type: f.Type.Elem, Str: "i2"}}}
		}
		tv.Fields = append(tv.Fields, sample.FieldValue{Field: f, Value: v})
	}
	in.Fields = append(in.Fields, sample.FieldValue{Field: thing, Value: tv})
	file, err := goldenRequest(o, in, "c")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"PUT https://example.com/a%20b/c?x-id=PutThing\n",
		"Content-Type: application/xml\n",
		`<TheThing xmlns="https://example.com/doc" xsi:type="Group"><alpha>7</alpha><items>i1</items><items>i2</items><zeta>z&lt;</zeta></TheThing>`,
	} {
		if !strings.Contains(string(file), want) {
			t.Errorf("golden request lacks %q:\n%s", want, file)
		}
	}
}

// TestComplianceEndpoint checks the endpoints S3's compliance cases are
// built for: the resolved host, and the bucket as the path for path-style
// addressing, the operation's setting over the client's.
func TestComplianceEndpoint(t *testing.T) {
	p := build(t)
	o := op(t, p, "PutThing")
	node := func(style, opStyle string) smithy.Node {
		s3 := func(v string) smithy.Node {
			return smithy.Node{Kind: smithy.ObjectNode, Fields: []smithy.Field{{Key: "s3", Value: smithy.Node{Kind: smithy.ObjectNode,
				Fields: []smithy.Field{{Key: "addressing_style", Value: smithy.Node{Kind: smithy.StringNode, Str: v}}}}}}}
		}
		var scoped []smithy.Field
		if style != "" {
			scoped = append(scoped, smithy.Field{Key: "client", Value: s3(style)})
		}
		if opStyle != "" {
			scoped = append(scoped, smithy.Field{Key: "operation", Value: s3(opStyle)})
		}
		str := func(s string) smithy.Node { return smithy.Node{Kind: smithy.StringNode, Str: s} }
		return smithy.Node{Kind: smithy.ObjectNode, Fields: []smithy.Field{
			{Key: "host", Value: str("s3.us-west-2.amazonaws.com")},
			{Key: "resolvedHost", Value: str("mybucket.s3.us-west-2.amazonaws.com")},
			{Key: "params", Value: smithy.Node{Kind: smithy.ObjectNode, Fields: []smithy.Field{{Key: "Bucket", Value: str("my bucket")}}}},
			{Key: "vendorParams", Value: smithy.Node{Kind: smithy.ObjectNode, Fields: []smithy.Field{{Key: "scopedConfig", Value: smithy.Node{Kind: smithy.ObjectNode, Fields: scoped}}}}},
		}}
	}
	for _, c := range []struct{ style, opStyle, want string }{
		{"", "", "https://mybucket.s3.us-west-2.amazonaws.com"},
		{"virtual", "", "https://mybucket.s3.us-west-2.amazonaws.com"},
		{"path", "", "https://mybucket.s3.us-west-2.amazonaws.com/my%20bucket"},
		{"path", "virtual", "https://mybucket.s3.us-west-2.amazonaws.com"},
	} {
		if got := complianceEndpoint(o, node(c.style, c.opStyle)); got != c.want {
			t.Errorf("%q/%q: %s, want %s", c.style, c.opStyle, got, c.want)
		}
	}
}
