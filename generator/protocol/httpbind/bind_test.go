package httpbind

import (
	"strings"
	"testing"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/sample"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

const widgets = `$version: "2"
namespace example.widgets

use aws.protocols#restJson1

@restJson1
service Widgets {
    version: "2024-01-01"
    operations: [PutWidget, GetWidget, Bad]
}

@http(method: "PUT", uri: "/widgets/{name}/{path+}?tag&mode=fast", code: 201)
@idempotent
operation PutWidget {
    input := {
        @httpLabel @required name: String
        @httpLabel @required path: String
        @httpQuery("count") count: Integer
        @httpQuery("when") when: Timestamp
        @httpQuery("id") ids: Strings
        @httpQueryParams params: StringMap
        @httpHeader("X-Tags") tags: Strings
        @httpHeader("X-When") at: Timestamp
        @httpHeader("X-Json") @required json: JsonText
        @httpPrefixHeaders("X-Meta-") meta: StringMap
        inner: String
    }
    output := {
        @httpResponseCode status: Integer
        @httpHeader("X-Count") count: Integer
        @httpQuery("ignored") ignored: String
        @httpPayload data: Blob
    }
}

@http(method: "GET", uri: "/widgets")
@readonly
operation GetWidget {
    output := {
        @httpHeader("X-Tags") tags: Strings
        body: String
    }
}

@http(method: "POST", uri: "/bad/{missing}")
operation Bad {
    input := {}
}

@mediaType("application/json")
string JsonText

list Strings { member: String }

map StringMap { key: String, value: String }
`

func widgetsPlan(t *testing.T) *plan.Plan {
	t.Helper()
	m, err := smithy.LoadSources(smithy.Source{Name: "widgets.smithy", Data: []byte(widgets)})
	if err != nil {
		t.Fatal(err)
	}
	svc, err := plan.FindService(m, "")
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Build(m, svc, plan.Options{Package: "widgets"})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func operation(p *plan.Plan, name string) *plan.Operation {
	for _, op := range p.Operations {
		if op.Name == name {
			return op
		}
	}
	return nil
}

func TestBind(t *testing.T) {
	p := widgetsPlan(t)
	put := operation(p, "PutWidget")
	in := Bind(put.Input)
	got := map[string]string{}
	for _, b := range in.Bindings {
		got[b.Field.Member.Name] = b.Location.String() + " " + b.Name
	}
	want := map[string]string{
		"name": "label name", "path": "label path", "count": "query count", "when": "query when", "ids": "query id",
		"params": "query params ", "tags": "header X-Tags", "at": "header X-When", "json": "header X-Json",
		"meta": "prefix headers X-Meta-", "inner": "body ",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("input %s: %q, want %q", k, got[k], v)
		}
	}
	if !in.Request || len(in.Body) != 1 || in.Body[0].Member.Name != "inner" || in.Payload != nil || !in.HasBody() {
		t.Errorf("input body %v payload %v", in.Body, in.Payload)
	}
	out := Bind(put.Output)
	if out.Request || out.Payload == nil || out.Payload.Member.Name != "data" {
		t.Fatalf("output payload %v", out.Payload)
	}
	// In a response, @httpQuery means nothing: the member is in the body.
	if len(out.Body) != 1 || out.Body[0].Member.Name != "ignored" {
		t.Errorf("output body %v", out.Body)
	}
	if b := out.Of(ResponseCode); len(b) != 1 || b[0].Field.Member.Name != "status" {
		t.Errorf("response code %v", b)
	}
}

func TestRouteOf(t *testing.T) {
	p := widgetsPlan(t)
	r, err := RouteOf(operation(p, "PutWidget").Shape)
	if err != nil {
		t.Fatal(err)
	}
	if r.Method != "PUT" || r.Code != 201 || r.Query != "tag&mode=fast" {
		t.Errorf("route %+v", r)
	}
	want := []Segment{{Literal: "/widgets/"}, {Label: "name"}, {Literal: "/"}, {Label: "path", Greedy: true}}
	if len(r.Segments) != len(want) {
		t.Fatalf("segments %+v", r.Segments)
	}
	for i := range want {
		if r.Segments[i] != want[i] {
			t.Errorf("segment %d: %+v, want %+v", i, r.Segments[i], want[i])
		}
	}
	if r, _ := RouteOf(operation(p, "GetWidget").Shape); r.Code != 200 || len(r.Segments) != 1 {
		t.Errorf("GetWidget route %+v", r)
	}
}

func TestSupports(t *testing.T) {
	p := widgetsPlan(t)
	for _, name := range []string{"PutWidget", "GetWidget"} {
		if why := Supports(operation(p, name)); why != "" {
			t.Errorf("%s: %s", name, why)
		}
	}
	if why := Supports(operation(p, "Bad")); !strings.Contains(why, "{missing}") {
		t.Errorf("Bad: %q", why)
	}
}

// bodies is a BodyOracle that writes a document's members as name=value
// lines: enough to see which members it gets.
type bodies struct{}

func (bodies) MediaType() string { return "text/x-members" }

func (bodies) Document(msg *Message, v *sample.Value) ([]byte, error) {
	var b strings.Builder
	for _, fv := range v.Fields {
		b.WriteString(fv.Field.Member.Name + "=" + fv.Value.Str + "\n")
	}
	return []byte(b.String()), nil
}

func (bodies) Payload(msg *Message, f *plan.Field, v *sample.Value) ([]byte, error) {
	return nil, nil
}

func TestGoldenRequest(t *testing.T) {
	p := widgetsPlan(t)
	op := operation(p, "PutWidget")
	in := sample.NewBuilder().Full(op.Input)
	set := func(name string, v *sample.Value) {
		for i, fv := range in.Fields {
			if fv.Field.Member.Name == name {
				in.Fields[i].Value = v
			}
		}
	}
	st := func(s string) *sample.Value { return &sample.Value{Type: p.Type("smithy.api#String"), Str: s} }
	set("name", st("a b/c"))
	set("path", st("x/y z"))
	set("tags", &sample.Value{Type: p.Type("example.widgets#Strings"), Items: []*sample.Value{st("plain"), st("a,b"), st(`q"`)}})
	set("json", &sample.Value{Type: p.Type("example.widgets#JsonText"), Str: "true"})
	set("params", &sample.Value{Type: p.Type("example.widgets#StringMap"), Entries: []sample.Entry{{Key: "count", Value: st("lost")}, {Key: "k", Value: st("v w")}}})
	set("meta", &sample.Value{Type: p.Type("example.widgets#StringMap"), Entries: []sample.Entry{{Key: "one", Value: st("1")}}})
	set("inner", st("in"))
	g, err := GoldenRequest(op, in, "https://example.com", bodies{})
	if err != nil {
		t.Fatal(err)
	}
	file := string(g.File("comment"))
	for _, want := range []string{
		"# comment\n",
		"PUT https://example.com/widgets/a%20b%2Fc/x/y%20z?tag&mode=fast&count=",
		"&k=v%20w", // the map's "count" yields to the @httpQuery member
		"X-Tags: plain, \"a,b\", \"q\\\"\"\n",
		"X-Json: dHJ1ZQ==\n",
		"X-Meta-One: 1\n",
		"Content-Type: text/x-members\n",
		"\n\ninner=in\n",
	} {
		if !strings.Contains(file, want) {
			t.Errorf("golden file lacks %q:\n%s", want, file)
		}
	}
	if strings.Contains(file, "lost") {
		t.Errorf("the query map's count was sent:\n%s", file)
	}
}

func TestGoldenResponse(t *testing.T) {
	p := widgetsPlan(t)
	op := operation(p, "PutWidget")
	out := sample.NewBuilder().Full(op.Output)
	g, err := GoldenResponse(op, out, "X-Amzn-Requestid", "rid", bodies{})
	if err != nil {
		t.Fatal(err)
	}
	var status, data *sample.Value
	for _, fv := range out.Fields {
		switch fv.Field.Member.Name {
		case "status":
			status = fv.Value
		case "data":
			data = fv.Value
		}
	}
	if g.Status != int(status.Int) || string(g.Body) != string(data.Bytes) {
		t.Errorf("status %d body %q, want %d %q", g.Status, g.Body, status.Int, data.Bytes)
	}
	if g.Get("X-Amzn-Requestid") != "rid" || g.Get("Content-Type") != "application/octet-stream" || g.Get("X-Count") == "" {
		t.Errorf("headers %v", g.Header)
	}
}

func TestEscape(t *testing.T) {
	// RestJsonHttpRequestLabelEscaping and RestJsonQueryStringEscaping.
	in := " %:/?#[]@!$&'()*+,;=\U0001F639"
	want := "%20%25%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%F0%9F%98%B9"
	if got := escape(in, false); got != want {
		t.Errorf("got %s", got)
	}
	if got := escape("a/b c", true); got != "a/b%20c" {
		t.Errorf("greedy: %s", got)
	}
}
