package emit

import (
	"fmt"
	"slices"
	"sort"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/sample"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// ComplianceTests writes protocol_test.go from the model's smithy.test
// traits (httpRequestTests, httpResponseTests) for the service's protocol,
// as smithy-go does for the AWS SDK: one subtest per case, named by its
// id. Cases that apply only to servers are left out.
func ComplianceTests(g *Generator) error {
	if g.Protocol == nil {
		return nil
	}
	pt := &protoTests{g: g, proto: string(g.Plan.ProtocolTrait), skips: g.Protocol.TestKit().Skips}
	wired := g.Wired()
	for _, op := range wired {
		if err := pt.requests(op); err != nil {
			return err
		}
		if err := pt.responses(op.Shape, op.Output, op, false); err != nil {
			return err
		}
	}
	// The cases of an operation without wire code are there too, and
	// skip with the reason.
	for _, op := range g.Plan.Operations {
		if op.Unsupported == "" {
			continue
		}
		for _, trait := range []smithy.ShapeID{smithy.TraitHTTPRequestTests, smithy.TraitHTTPResponseTest} {
			for _, c := range pt.cases(op.Shape, trait) {
				entry := jen.Dict{jen.Id("id"): jen.Lit(str(c, "id")), jen.Id("skip"): jen.Lit("no wire code: " + op.Unsupported)}
				pt.skipped = true
				if trait == smithy.TraitHTTPRequestTests {
					pt.reqCases = append(pt.reqCases, protoCase{str(c, "id"), jen.Values(entry)})
				} else {
					pt.respCases = append(pt.respCases, protoCase{str(c, "id"), jen.Values(entry)})
				}
			}
		}
	}
	// An error's cases run through the first operation that can fail with it.
	for _, st := range g.Plan.Structs {
		if st.Role != plan.Error {
			continue
		}
		for _, op := range wired {
			if slices.Contains(op.Errors, st) {
				if err := pt.responses(st.Shape, st, op, true); err != nil {
					return err
				}
				break
			}
		}
	}
	if len(pt.reqCases) == 0 && len(pt.respCases) == 0 {
		return nil
	}
	g.UseRuntime("runtime_protocol_test.go")
	f := jen.NewFile(g.Plan.Package)
	f.HeaderComment(g.Header)
	if len(pt.reqCases) > 0 {
		pt.requestTest(f)
	}
	if len(pt.respCases) > 0 {
		pt.responseTest(f)
	}
	g.addFile(&File{Name: "protocol_test.go", Go: f})
	return nil
}

type protoTests struct {
	g                   *Generator
	proto               string
	reqCases, respCases []protoCase
	skips               map[string]string
	// skipped says some case skips, so the case tables need a skip field.
	skipped bool
}

type protoCase struct {
	id   string
	code jen.Code
}

// skip adds a case's skip reason, if it has one, to its table entry;
// kind is "request" or "response".
func (pt *protoTests) skip(kind, id string, d jen.Dict) {
	why, ok := pt.skips[id]
	if !ok {
		why, ok = pt.skips[kind+" "+id]
	}
	if ok {
		d[jen.Id("skip")] = jen.Lit(why)
		pt.skipped = true
	}
}

// skipField is the case table's skip field, when a case skips.
func (pt *protoTests) skipField() jen.Code {
	if !pt.skipped {
		return jen.Null()
	}
	return jen.Id("skip").String()
}

// skipRun runs a response case, skipping it when it has a reason to.
func (pt *protoTests) skipRun() jen.Code {
	if !pt.skipped {
		return jen.Id("t").Dot("Run").Call(jen.Id("c").Dot("id"), jen.Id("c").Dot("check"))
	}
	return jen.Id("t").Dot("Run").Call(jen.Id("c").Dot("id"), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		pt.skipCheck(),
		jen.Id("c").Dot("check").Call(jen.Id("t")),
	))
}

// skipCheck skips a case that has a reason to.
func (pt *protoTests) skipCheck() jen.Code {
	if !pt.skipped {
		return jen.Null()
	}
	return jen.If(jen.Id("c").Dot("skip").Op("!=").Lit("")).Block(jen.Id("t").Dot("Skip").Call(jen.Id("c").Dot("skip")))
}

// cases returns the test cases of a trait that apply to this client.
func (pt *protoTests) cases(s *smithy.Shape, trait smithy.ShapeID) []smithy.Node {
	n, ok := s.Traits.Get(trait)
	if !ok {
		return nil
	}
	var out []smithy.Node
	for _, c := range n.Items {
		p, _ := c.Get("protocol")
		applies, _ := c.Get("appliesTo")
		if p.String() == pt.proto && applies.String() != "server" {
			out = append(out, c)
		}
	}
	return out
}

func str(c smithy.Node, key string) string {
	v, _ := c.Get(key)
	return v.String()
}

func structType(st *plan.Struct) *plan.Type {
	return &plan.Type{Kind: plan.StructKind, Shape: st.Shape, Name: st.Name, Struct: st}
}

func (pt *protoTests) params(st *plan.Struct, c smithy.Node) (*sample.Value, error) {
	p, ok := c.Get("params")
	if !ok || p.Kind == smithy.NullNode {
		return &sample.Value{Type: structType(st)}, nil
	}
	v, err := sample.FromNode(structType(st), p)
	if err != nil {
		return nil, fmt.Errorf("protocol test %s: params: %v", str(c, "id"), err)
	}
	return v, nil
}

func (pt *protoTests) requests(op *plan.Operation) error {
	for _, c := range pt.cases(op.Shape, smithy.TraitHTTPRequestTests) {
		in, err := pt.params(op.Input, c)
		if err != nil {
			return err
		}
		host := str(c, "host")
		if host == "" {
			host = "example.com"
		}
		want := jen.Dict{}
		for _, k := range []string{"method", "uri", "resolvedHost", "bodyMediaType"} {
			if v := str(c, k); v != "" {
				want[jen.Id(k)] = jen.Lit(v)
			}
		}
		if b, ok := c.Get("body"); ok {
			want[jen.Id("body")] = jen.Lit(b.String())
			want[jen.Id("hasBody")] = jen.True()
		}
		if h, ok := c.Get("headers"); ok && len(h.Fields) > 0 {
			d := jen.Dict{}
			for _, fl := range h.Fields {
				d[jen.Lit(fl.Key)] = jen.Lit(fl.Value.String())
			}
			want[jen.Id("headers")] = jen.Map(jen.String()).String().Values(d)
		}
		for _, k := range []string{"forbidHeaders", "requireHeaders", "queryParams", "forbidQueryParams", "requireQueryParams"} {
			if l, ok := c.Get(k); ok && len(l.Items) > 0 {
				var items []jen.Code
				for _, it := range l.Items {
					items = append(items, jen.Lit(it.String()))
				}
				want[jen.Id(k)] = jen.Index().String().Values(items...)
			}
		}
		endpoint := "https://" + host
		if e := pt.g.Protocol.TestKit().Endpoint; e != nil {
			endpoint = e(op, c)
		}
		build := jen.Func().Params().Params(jen.Op("*").Qual("net/http", "Request"), jen.Error()).Block(
			jen.Id("in").Op(":=").Op("&").Id(op.Input.Name).Values(fieldDict(in)),
			jen.Return(jen.Id(op.RequestFunc).Call(jen.Qual("context", "Background").Call(), jen.Id("in"), jen.Lit(endpoint))),
		)
		entry := jen.Dict{
			jen.Id("id"):    jen.Lit(str(c, "id")),
			jen.Id("build"): build,
			jen.Id("want"):  jen.Id("protocolRequestCase").Values(want),
		}
		pt.skip("request", str(c, "id"), entry)
		pt.reqCases = append(pt.reqCases, protoCase{str(c, "id"), jen.Values(entry)})
	}
	return nil
}

// responses turns the response cases of s (an operation, or an error
// shape of op) into checks of op's decoders.
func (pt *protoTests) responses(s *smithy.Shape, st *plan.Struct, op *plan.Operation, isErr bool) error {
	name := st.Name
	for _, c := range pt.cases(s, smithy.TraitHTTPResponseTest) {
		v, err := pt.params(st, c)
		if err != nil {
			return err
		}
		status := 200
		if code, ok := c.Get("code"); ok {
			if n, ok := code.Int(); ok {
				status = int(n)
			}
		}
		args := []jen.Code{jen.Lit(status), jen.Index().Byte().Call(jen.Lit(str(c, "body")))}
		if h, ok := c.Get("headers"); ok {
			for _, fl := range h.Fields {
				args = append(args, jen.Lit(fl.Key), jen.Lit(fl.Value.String()))
			}
		}
		resp := jen.Id("testResponse").Call(args...)
		var check []jen.Code
		if isErr {
			check = []jen.Code{
				jen.Err().Op(":=").Id(op.ErrorFunc).Call(resp),
				jen.Var().Id("got").Op("*").Id(name),
				jen.If(jen.Op("!").Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("got"))).Block(
					jen.Id("t").Dot("Fatalf").Call(jen.Lit("decoding the error of "+op.Name+" gave %v, want a *"+name), jen.Err())),
				jen.Id("want").Op(":=").Op("&").Id(name).Values(fieldDict(v)),
			}
			if st.Message == nil {
				// The model has no message member: the type's Message, the
				// SDK's, holds what the response said, which the case's
				// params cannot.
				check = append(check, jen.Id("want").Dot("Message").Op("=").Id("got").Dot("Message"))
			}
		} else {
			check = []jen.Code{
				jen.Var().Id("got").Id(name),
				jen.If(jen.Err().Op(":=").Id(op.ResponseFunc).Call(resp, jen.Op("&").Id("got")), jen.Err().Op("!=").Nil()).Block(
					jen.Id("t").Dot("Fatal").Call(jen.Err())),
				jen.Id("want").Op(":=").Id(name).Values(fieldDict(v)),
				jen.Id("want").Dot("ResultMetadata").Op("=").Id("got").Dot("ResultMetadata"),
			}
		}
		check = append(check, jen.If(jen.Op("!").Id("protocolEqual").Call(jen.Id("got"), jen.Id("want"))).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("decoded:\n got %s\nwant %s"),
				jen.Id("protocolShow").Call(jen.Id("got")), jen.Id("protocolShow").Call(jen.Id("want")))))
		entry := jen.Dict{
			jen.Id("id"):    jen.Lit(str(c, "id")),
			jen.Id("check"): jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(check...),
		}
		pt.skip("response", str(c, "id"), entry)
		pt.respCases = append(pt.respCases, protoCase{str(c, "id"), jen.Values(entry)})
	}
	return nil
}

func sortedCases(cs []protoCase) func(*jen.Group) {
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].id < cs[j].id })
	return func(g *jen.Group) {
		for _, c := range cs {
			g.Line().Add(c.code)
		}
		g.Line()
	}
}

func (pt *protoTests) requestTest(f *jen.File) {
	f.Add(Text("TestProtocolRequests runs the model's httpRequestTests cases for " + pt.proto + " through the request builders."))
	f.Func().Id("TestProtocolRequests").Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Id("cases").Op(":=").Index().Struct(
			jen.Id("id").String(),
			jen.Id("build").Func().Params().Params(jen.Op("*").Qual("net/http", "Request"), jen.Error()),
			jen.Id("want").Id("protocolRequestCase"),
			pt.skipField(),
		).ValuesFunc(sortedCases(pt.reqCases)),
		jen.For(jen.List(jen.Id("_"), jen.Id("c")).Op(":=").Range().Id("cases")).Block(
			jen.Id("t").Dot("Run").Call(jen.Id("c").Dot("id"), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
				pt.skipCheck(),
				jen.Comment("Idempotency tokens come from zeros, as the suite expects."),
				jen.Id("saved").Op(":=").Id("idempotencyTokenSource"),
				jen.Id("idempotencyTokenSource").Op("=").Qual("bytes", "NewReader").Call(jen.Make(jen.Index().Byte(), jen.Lit(64))),
				jen.Defer().Func().Params().Block(jen.Id("idempotencyTokenSource").Op("=").Id("saved")).Call(),
				jen.List(jen.Id("req"), jen.Err()).Op(":=").Id("c").Dot("build").Call(),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
				jen.Id("checkProtocolRequest").Call(jen.Id("t"), jen.Id("req"), jen.Id("c").Dot("want")),
			)),
		),
	)
	f.Line()
}

func (pt *protoTests) responseTest(f *jen.File) {
	f.Add(Text("TestProtocolResponses runs the model's httpResponseTests cases for " + pt.proto + " through the operations' response and error decoders."))
	f.Func().Id("TestProtocolResponses").Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Id("cases").Op(":=").Index().Struct(
			jen.Id("id").String(),
			jen.Id("check").Func().Params(jen.Op("*").Qual("testing", "T")),
			pt.skipField(),
		).ValuesFunc(sortedCases(pt.respCases)),
		jen.For(jen.List(jen.Id("_"), jen.Id("c")).Op(":=").Range().Id("cases")).Block(
			pt.skipRun(),
		),
	)
	f.Line()
}
