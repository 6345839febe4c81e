package emit

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/sample"
)

// Tests writes golden_test.go and its testdata. For every operation:
// Validate accepts the minimal and full sample inputs and reports exactly
// the expected violations for each broken rule; with wire code, the
// minimal and full inputs serialize byte for byte to golden bodies and a
// full response decodes to the full sample output. Expected bodies,
// documents and violations come from the sample package and the
// protocol's oracle, not from the code under test.
//
// Each file goes to done as soon as it is complete, so it can be
// formatted while the rest are written.
func Tests(g *Generator, done func(*File)) error {
	ops := g.Plan.Operations
	if len(ops) == 0 {
		return nil
	}
	f, sf := newTestFile(g), newTestFile(g)
	t := &tests{g: g, f: f, sf: sf, b: sample.NewBuilder(), done: done}
	if g.Protocol != nil {
		t.kit = g.Protocol.TestKit()
	}
	// A rule shared by several inputs is tested once, by the first input
	// in the plan that reaches it, so the mutations are worked out in the
	// plan's order before the tests are written file by file.
	fulls := make([]*sample.Value, len(ops))
	mutations := make([][]sample.Mutation, len(ops))
	for i, op := range ops {
		fulls[i] = t.b.Full(op.Input)
		mutations[i] = t.b.Mutations(fulls[i])
		if t.firstWired == nil && t.wire(op) {
			t.firstWired = op
		}
	}
	repeat := false
	for _, ms := range mutations {
		for _, m := range ms {
			repeat = repeat || usesRepeat(m.Value)
		}
	}
	t.helpers(repeat)
	// A large service's tests are spread over several files by a hash of
	// the operation name: the files stay a readable size, format in
	// parallel, and an operation stays in its file as others come and go.
	buckets := (len(ops) + opsPerTestFile - 1) / opsPerTestFile
	if buckets > 1 {
		// golden_test.go holds no operation's tests then: it is complete
		// now, and formats while the others are written.
		t.enums()
		t.fuzz()
		done(&File{Name: "golden_test.go", Go: f})
	}
	order := make([][]int, buckets)
	for i, op := range ops {
		k := 0
		if buckets > 1 {
			h := fnv.New32a()
			h.Write([]byte(op.Name))
			k = int(h.Sum32() % uint32(buckets))
		}
		order[k] = append(order[k], i)
	}
	// The error of the first operation in the plan's order is the one
	// reported, whatever order the files are written in.
	failed, failedAt := error(nil), len(ops)
	for k, idx := range order {
		if len(idx) == 0 {
			continue
		}
		if buckets > 1 {
			t.f, t.sf = newTestFile(g), newTestFile(g)
		}
		for _, i := range idx {
			if i > failedAt {
				break
			}
			if err := t.operation(ops[i], fulls[i], mutations[i]); err != nil {
				failed, failedAt = err, i
			}
			fulls[i], mutations[i] = nil, nil
		}
		if buckets > 1 && failed == nil {
			done(&File{Name: fmt.Sprintf("golden_%d_test.go", k+1), Go: t.f})
			done(&File{Name: fmt.Sprintf("samples_%d_test.go", k+1), Go: t.sf})
		}
	}
	if failed != nil {
		return failed
	}
	if buckets <= 1 {
		t.enums()
		t.fuzz()
		done(&File{Name: "golden_test.go", Go: f})
		// Sample values sit apart from the tests, in a file of their own
		// that formats beside the tests.
		done(&File{Name: "samples_test.go", Go: sf})
	}
	return nil
}

// opsPerTestFile is how many operations' tests share a file.
const opsPerTestFile = 24

func newTestFile(g *Generator) *jen.File {
	f := jen.NewFile(g.Plan.Package)
	f.HeaderComment(g.Header)
	return f
}

type tests struct {
	done func(*File) // takes each file when it is complete
	g    *Generator
	f    *jen.File // tests
	sf   *jen.File // sample values
	b    *sample.Builder
	kit  TestKit
	// firstWired is the first operation in the plan with wire code: the
	// file holding its tests holds the helpers of the golden tests too.
	firstWired *plan.Operation
}

// wire reports whether the tests check op's wire code.
func (t *tests) wire(op *plan.Operation) bool {
	return t.g.Protocol != nil && op.Unsupported == ""
}

// helpers writes the tests' helpers; repeat is for lists of one
// element many times (usesRepeat).
func (t *tests) helpers(repeat bool) {
	f := t.f
	f.Comment("ptr returns a pointer to a copy of v, for sample values.")
	f.Func().Id("ptr").Types(jen.Id("T").Any()).Params(jen.Id("v").Id("T")).Op("*").Id("T").Block(jen.Return(jen.Op("&").Id("v")))
	f.Line()
	if repeat {
		f.Comment("repeat returns a list of n copies of v, for lists too long.")
		f.Func().Id("repeat").Types(jen.Id("T").Any()).Params(jen.Id("n").Int(), jen.Id("v").Id("T")).Index().Id("T").Block(
			jen.Id("s").Op(":=").Make(jen.Index().Id("T"), jen.Id("n")),
			jen.For(jen.Id("i").Op(":=").Range().Id("s")).Block(jen.Id("s").Index(jen.Id("i")).Op("=").Id("v")),
			jen.Return(jen.Id("s")),
		)
		f.Line()
	}
	f.Comment("checkViolations fails t unless err reports exactly want (nothing, when want is empty).")
	f.Func().Id("checkViolations").Params(jen.Id("t").Op("*").Qual("testing", "T"), jen.Err().Error(), jen.Id("want").Op("...").Add(t.g.Id("Violation"))).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.If(jen.Id("got").Op(":=").Id("violations").Call(jen.Id("t"), jen.Err()), jen.Op("!").Qual("reflect", "DeepEqual").Call(jen.Id("got"), jen.Id("want"))).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("violations:\n got %v\nwant %v"), jen.Id("got"), jen.Id("want"))),
	)
	f.Line()
	f.Comment("violations returns the path and constraint of each violation in err, sorted.")
	violation := t.g.Id("Violation")
	f.Func().Id("violations").Params(jen.Id("t").Op("*").Qual("testing", "T"), jen.Err().Error()).Index().Add(violation.Clone()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.If(jen.Err().Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.Var().Id("ve").Op("*").Add(t.g.Id("InvalidParamsError")),
		jen.If(jen.Op("!").Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("ve"))).Block(
			jen.Id("t").Dot("Fatalf").Call(jen.Lit("Validate returned %T, want *"+t.g.Plan.Ident("InvalidParamsError")+": %v"), jen.Err(), jen.Err()),
		),
		jen.Var().Id("out").Index().Add(violation.Clone()),
		jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Id("ve").Dot("Violations")).Block(
			jen.Id("out").Op("=").Append(jen.Id("out"), violation.Clone().Values(jen.Dict{
				jen.Id("Path"): jen.Id("v").Dot("Path"), jen.Id("Constraint"): jen.Id("v").Dot("Constraint")})),
		),
		jen.Qual("sort", "Slice").Call(jen.Id("out"), jen.Func().Params(jen.List(jen.Id("i"), jen.Id("j")).Int()).Bool().Block(
			jen.If(jen.Id("out").Index(jen.Id("i")).Dot("Path").Op("!=").Id("out").Index(jen.Id("j")).Dot("Path")).Block(
				jen.Return(jen.Id("out").Index(jen.Id("i")).Dot("Path").Op("<").Id("out").Index(jen.Id("j")).Dot("Path"))),
			jen.Return(jen.Id("out").Index(jen.Id("i")).Dot("Constraint").Op("<").Id("out").Index(jen.Id("j")).Dot("Constraint")),
		)),
		jen.Return(jen.Id("out")),
	)
	f.Line()
}

// goldenHelpers are needed only by packages with wire code.
func (t *tests) goldenHelpers() {
	t.g.UseRuntime(t.kit.Runtime...)
	t.g.UseRuntime("runtime_uuid.go")
	f := t.f
	f.Comment("goldenResponse is a response with the golden body testdata/name.")
	f.Func().Id("goldenResponse").Params(jen.Id("t").Op("*").Qual("testing", "T"), jen.Id("name").String(), jen.Id("status").Int(),
		jen.Id("header").Op("...").String()).Op("*").Qual("net/http", "Response").Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.List(jen.Id("body"), jen.Err()).Op(":=").Qual("os", "ReadFile").Call(jen.Qual("path/filepath", "Join").Call(jen.Lit("testdata"), jen.Id("name"))),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
		jen.Return(jen.Id("testResponse").Call(jen.Id("status"), jen.Id("body"), jen.Id("header").Op("..."))),
	)
	f.Line()
	f.Comment("goldenRequest builds in's request to https://example.com, with zero idempotency")
	f.Comment("tokens, and compares it with the golden file testdata/name.")
	f.Func().Id("goldenRequest").Types(jen.Id("In").Any()).Params(jen.Id("t").Op("*").Qual("testing", "T"), jen.Id("name").String(),
		jen.Id("build").Func().Params(jen.Qual("context", "Context"), jen.Op("*").Id("In"), jen.String()).Params(jen.Op("*").Qual("net/http", "Request"), jen.Error()),
		jen.Id("in").Op("*").Id("In")).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Id("zeroTokens").Call(jen.Id("t")),
		jen.List(jen.Id("req"), jen.Err()).Op(":=").Id("build").Call(jen.Qual("context", "Background").Call(), jen.Id("in"), jen.Lit("https://example.com")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
		jen.Id(t.kit.CheckRequest).Call(jen.Id("t"), jen.Id("name"), jen.Id("req")),
	)
	f.Line()
	f.Comment("goldenDecode decodes resp and compares the output with want.")
	f.Func().Id("goldenDecode").Types(jen.Id("Out").Any()).Params(jen.Id("t").Op("*").Qual("testing", "T"),
		jen.Id("decode").Func().Params(jen.Op("*").Qual("net/http", "Response"), jen.Op("*").Id("Out")).Error(),
		jen.Id("resp").Op("*").Qual("net/http", "Response"), jen.Id("want").Id("Out")).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Var().Id("got").Id("Out"),
		jen.If(jen.Err().Op(":=").Id("decode").Call(jen.Id("resp"), jen.Op("&").Id("got")), jen.Err().Op("!=").Nil()).Block(
			jen.Id("t").Dot("Fatal").Call(jen.Err())),
		jen.If(jen.Op("!").Qual("reflect", "DeepEqual").Call(jen.Id("got"), jen.Id("want"))).Block(
			jen.Id("t").Dot("Errorf").Call(jen.Lit("decoded output:\n got %+v\nwant %+v"), jen.Id("got"), jen.Id("want"))),
	)
	f.Line()
	f.Comment("testResponse is a response with body and header, given as name, value pairs.")
	f.Func().Id("testResponse").Params(jen.Id("status").Int(), jen.Id("body").Index().Byte(), jen.Id("header").Op("...").String()).Op("*").Qual("net/http", "Response").Block(
		jen.Id("h").Op(":=").Qual("net/http", "Header").Values(),
		jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("+").Lit(1).Op("<").Len(jen.Id("header")), jen.Id("i").Op("+=").Lit(2)).Block(
			jen.Id("h").Dot("Add").Call(jen.Id("header").Index(jen.Id("i")), jen.Id("header").Index(jen.Id("i").Op("+").Lit(1)))),
		jen.Return(jen.Op("&").Qual("net/http", "Response").Values(jen.Dict{
			jen.Id("StatusCode"):    jen.Id("status"),
			jen.Id("Header"):        jen.Id("h"),
			jen.Id("Body"):          jen.Qual("io", "NopCloser").Call(jen.Qual("bytes", "NewReader").Call(jen.Id("body"))),
			jen.Id("ContentLength"): jen.Int64().Call(jen.Len(jen.Id("body"))),
		})),
	)
	f.Line()
	f.Comment("zeroTokens makes idempotency tokens deterministic for the test.")
	f.Func().Id("zeroTokens").Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Id("saved").Op(":=").Id("idempotencyTokenSource"),
		jen.Id("idempotencyTokenSource").Op("=").Qual("bytes", "NewReader").Call(jen.Make(jen.Index().Byte(), jen.Lit(1<<10))),
		jen.Id("t").Dot("Cleanup").Call(jen.Func().Params().Block(jen.Id("idempotencyTokenSource").Op("=").Id("saved"))),
	)
	f.Line()
}

// operation writes op's tests, from its full sample input and the
// mutations that break it.
func (t *tests) operation(op *plan.Operation, full *sample.Value, ms []sample.Mutation) error {
	in := op.Input
	minimal := t.b.Minimal(in)
	fullName := t.g.Plan.StructFunc("full", in)
	minName := t.g.Plan.StructFunc("minimal", in)
	t.sampleFunc(fullName, in.Name, full)
	t.sampleFunc(minName, in.Name, minimal)

	// Validate on the samples: the oracle says what it must report (usually nothing).
	for _, c := range []struct {
		name, fn string
		v        *sample.Value
	}{{"Minimal", minName, minimal}, {"Full", fullName, full}} {
		args := []jen.Code{jen.Id("t"), jen.Id(c.fn).Call().Dot("Validate").Call()}
		for _, v := range sample.Check(c.v) {
			args = append(args, t.violationLit(v))
		}
		t.f.Func().Id("Test" + op.Name + "Validate" + c.name).Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
			jen.Id("checkViolations").Call(args...),
		)
		t.f.Line()
	}
	t.violationTable(op, fullName, ms)
	if t.wire(op) {
		if op == t.firstWired {
			t.goldenHelpers()
		}
		if err := t.requestTests(op, fullName, minName, full, minimal); err != nil {
			return err
		}
		if err := t.responseTest(op); err != nil {
			return err
		}
	}
	return nil
}

func (t *tests) sampleFunc(name, typ string, v *sample.Value) {
	t.sf.Func().Id(name).Params().Op("*").Id(typ).Block(jen.Return(jen.Op("&").Id(typ).Values(fieldDict(v))))
	t.sf.Line()
}

// violationTable breaks one rule at a time on the full sample.
func (t *tests) violationTable(op *plan.Operation, fullName string, ms []sample.Mutation) {
	if len(ms) == 0 {
		return
	}
	// One call per case, rather than a table of closures: the same
	// test, cheaper for gofmt to lay out in packages with thousands.
	body := []jen.Code{
		jen.Id("reject").Op(":=").Func().Params(
			jen.Id("name").String(), jen.Id("mutate").Func().Params(jen.Op("*").Id(op.Input.Name)), jen.Id("want").Op("...").Add(t.g.Id("Violation")),
		).Block(
			jen.Id("t").Dot("Run").Call(jen.Id("name"), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
				jen.Id("v").Op(":=").Id(fullName).Call(),
				jen.Id("mutate").Call(jen.Id("v")),
				jen.Id("checkViolations").Call(jen.Id("t"), jen.Id("v").Dot("Validate").Call(), jen.Id("want").Op("...")),
			)),
		),
	}
	// Cases go in functions of rejectsPerTest, so no test function grows
	// large enough to strain the compiler.
	emitted := 0
	flush := func() {
		name := "Test" + op.Name + "ValidateRejects"
		if n := emitted / rejectsPerTest; n > 0 {
			name += strconv.Itoa(n + 1)
		}
		t.f.Func().Id(name).Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(body...)
		t.f.Line()
		body = body[:1]
	}
	for i, m := range ms {
		if i > 0 && i%rejectsPerTest == 0 {
			flush()
			emitted = i
		}
		fn := jen.Func().Params(jen.Id("v").Op("*").Id(op.Input.Name))
		if stmts := mutation(jen.Id("v"), m.Steps, m.Value); len(stmts) == 1 {
			// A one-statement change reads best on the case's own line.
			fn.Op("{").Add(stmts[0]).Op("}")
		} else {
			fn.Block(stmts...)
		}
		args := []jen.Code{jen.Lit(m.Name), fn}
		for _, v := range m.Want {
			args = append(args, t.violationLit(v))
		}
		body = append(body, jen.Id("reject").Call(args...))
	}
	flush()
}

// rejectsPerTest is how many violation cases one test function holds.
const rejectsPerTest = 200

func (t *tests) violationLit(v sample.Violation) jen.Code {
	return t.g.Id("Violation").Values(jen.Id("Path").Op(":").Lit(v.Path), jen.Id("Constraint").Op(":").Lit(v.Constraint))
}

// mutation is the Go code applying a mutation to expr.
func mutation(expr *jen.Statement, steps []sample.Step, nv *sample.Value) []jen.Code {
	s := steps[0]
	last := len(steps) == 1
	var next *jen.Statement
	var field *plan.Field
	switch {
	case s.Variant != nil:
		next = expr.Clone().Assert(jen.Op("*").Id(s.Variant.Name)).Dot("Value")
	case s.Field != nil:
		next = expr.Clone().Dot(s.Field.Name)
		field = s.Field
	case s.HasKey:
		if !last {
			// Map values are not addressable: change a copy and store it.
			// Each level's copy has its own name, as an outer one is
			// still needed to store the inner one back.
			e := "e" + strconv.Itoa(len(steps))
			inner := mutation(jen.Id(e), steps[1:], nv)
			body := append([]jen.Code{jen.Id(e).Op(":=").Add(expr.Clone().Index(jen.Lit(s.Key)))}, inner...)
			body = append(body, expr.Clone().Index(jen.Lit(s.Key)).Op("=").Id(e))
			return []jen.Code{jen.Block(body...)}
		}
		next = expr.Clone().Index(jen.Lit(s.Key))
	default:
		next = expr.Clone().Index(jen.Lit(s.Index))
	}
	if !last {
		return mutation(next, steps[1:], nv)
	}
	switch {
	case nv == nil && field != nil:
		return []jen.Code{next.Op("=").Add(UnsetValue(field))}
	case field != nil:
		return []jen.Code{next.Op("=").Add(FieldLiteral(field, nv))}
	}
	return []jen.Code{next.Op("=").Add(Literal(nv))}
}

func (t *tests) requestTests(op *plan.Operation, fullName, minName string, full, minimal *sample.Value) error {
	for _, c := range []struct {
		name, fn string
		v        *sample.Value
	}{{"Minimal", minName, minimal}, {"Full", fullName, full}} {
		v := c.v
		if c.name == "Minimal" {
			v = withZeroToken(v)
		}
		comment := t.g.Header + "\n" + op.Name + ", " + strings.ToLower(c.name) + " sample input: the request it must give."
		data, err := t.kit.Request(op, v, comment)
		if err != nil {
			return err
		}
		file := op.Name + "." + strings.ToLower(c.name) + t.kit.RequestExt
		t.done(&File{Name: "testdata/" + file, Data: data})
		t.f.Func().Id("Test" + op.Name + "Request" + c.name).Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
			jen.Id("goldenRequest").Call(jen.Id("t"), jen.Lit(file), jen.Id(op.RequestFunc), jen.Id(c.fn).Call()),
		)
		t.f.Line()
	}
	return nil
}

// withZeroToken fills an unset idempotency token the way the code does
// when its random source gives zeros.
func withZeroToken(v *sample.Value) *sample.Value {
	c := v.Clone()
	for _, f := range v.Type.Struct.Fields {
		if !f.Member.Traits.IdempotencyToken() || f.Type.Kind != plan.StringKind || !f.Pointer {
			continue
		}
		set := false
		for _, fv := range c.Fields {
			set = set || fv.Field == f
		}
		if !set {
			c.Fields = append(c.Fields, sample.FieldValue{Field: f, Value: &sample.Value{Type: f.Type, Str: "00000000-0000-4000-8000-000000000000"}})
		}
	}
	return c
}

// fuzz feeds arbitrary bodies to every decoder of the package, seeded
// with the golden responses and the protocol's error responses: none may
// panic.
func (t *tests) fuzz() {
	var ops []*plan.Operation
	for _, op := range t.g.Plan.Operations {
		if t.wire(op) {
			ops = append(ops, op)
		}
	}
	if len(ops) == 0 {
		return
	}
	var seeds, body []jen.Code
	for _, op := range ops {
		seeds = append(seeds, jen.Lit(op.Name+".response"+t.kit.ResponseExt))
		body = append(body,
			jen.Id("_").Op("=").Id(op.ResponseFunc).Call(jen.Id("testResponse").Call(jen.Lit(200), jen.Id("data")), jen.Op("&").Id(op.Output.Name).Values()),
			jen.Id("_").Op("=").Id(op.ErrorFunc).Call(jen.Id("testResponse").Call(jen.Lit(400), jen.Id("data"))))
	}
	var errSeeds []jen.Code
	for _, r := range t.kit.ErrorSeeds {
		errSeeds = append(errSeeds, jen.Id("f").Dot("Add").Call(jen.Index().Byte().Call(jen.Lit(string(r.Body)))))
	}
	t.f.Add(Text("FuzzUnmarshal feeds arbitrary bodies to every decoder of the package; none may panic."))
	t.f.Func().Id("FuzzUnmarshal").Params(jen.Id("f").Op("*").Qual("testing", "F")).Block(append([]jen.Code{
		jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Index().String().Values(seeds...)).Block(
			jen.List(jen.Id("doc"), jen.Err()).Op(":=").Qual("os", "ReadFile").Call(jen.Qual("path/filepath", "Join").Call(jen.Lit("testdata"), jen.Id("name"))),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("f").Dot("Fatal").Call(jen.Err())),
			jen.Id("f").Dot("Add").Call(jen.Id("doc")),
		)}, append(errSeeds,
		jen.Id("f").Dot("Fuzz").Call(jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T"), jen.Id("data").Index().Byte()).Block(body...)))...)...,
	)
	t.f.Line()
}

func (t *tests) responseTest(op *plan.Operation) error {
	out := t.b.Full(op.Output)
	resp, err := t.kit.Response(op, out, t.g.Header)
	if err != nil {
		return err
	}
	file := op.Name + ".response" + t.kit.ResponseExt
	t.done(&File{Name: "testdata/" + file, Data: resp.Body})
	want := fieldDict(out)
	want[jen.Id("ResultMetadata")] = t.g.Id("ResponseMetadata").Values(jen.Dict{jen.Id("RequestID"): jen.Lit(sample.RequestID)})
	wantName := t.g.Plan.StructFunc("want", op.Output)
	t.sf.Func().Id(wantName).Params().Id(op.Output.Name).Block(jen.Return(jen.Id(op.Output.Name).Values(want)))
	t.sf.Line()
	args := []jen.Code{jen.Id("t"), jen.Lit(file), jen.Lit(resp.Status)}
	for _, h := range resp.Header {
		args = append(args, jen.Lit(h[0]), jen.Lit(h[1]))
	}
	streams := false
	for _, f := range op.Output.Fields {
		streams = streams || f.ReadCloser
	}
	if !streams {
		t.f.Func().Id("Test" + op.Name + "Response").Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
			jen.Id("goldenDecode").Call(jen.Id("t"), jen.Id(op.ResponseFunc), jen.Id("goldenResponse").Call(args...), jen.Id(wantName).Call()),
		)
		t.f.Line()
		return nil
	}
	check := []jen.Code{
		jen.Var().Id("got").Id(op.Output.Name),
		jen.If(jen.Err().Op(":=").Id(op.ResponseFunc).Call(jen.Id("goldenResponse").Call(args...), jen.Op("&").Id("got")), jen.Err().Op("!=").Nil()).Block(
			jen.Id("t").Dot("Fatal").Call(jen.Err())),
		jen.Id("want").Op(":=").Id(wantName).Call(),
	}
	for _, f := range op.Output.Fields {
		if !f.ReadCloser {
			continue
		}
		// A stream is compared by what it reads, then left out.
		got, want := jen.Id("got").Dot(f.Name), jen.Id("want").Dot(f.Name)
		check = append(check,
			jen.If(got.Clone().Op("==").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Lit(f.Name+" is nil"))),
			jen.List(jen.Id("gotStream"), jen.Err()).Op(":=").Qual("io", "ReadAll").Call(got.Clone()),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
			jen.Var().Id("wantStream").Index().Byte(),
			jen.If(want.Clone().Op("!=").Nil()).Block(jen.List(jen.Id("wantStream"), jen.Id("_")).Op("=").Qual("io", "ReadAll").Call(want.Clone())),
			jen.If(jen.Op("!").Qual("bytes", "Equal").Call(jen.Id("gotStream"), jen.Id("wantStream"))).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit(f.Name+" reads %q, want %q"), jen.Id("gotStream"), jen.Id("wantStream"))),
			jen.List(got.Clone(), want.Clone()).Op("=").List(jen.Nil(), jen.Nil()),
		)
	}
	check = append(check, jen.If(jen.Op("!").Qual("reflect", "DeepEqual").Call(jen.Id("got"), jen.Id("want"))).Block(
		jen.Id("t").Dot("Errorf").Call(jen.Lit("decoded output:\n got %+v\nwant %+v"), jen.Id("got"), jen.Id("want"))))
	t.f.Func().Id("Test" + op.Name + "Response").Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(check...)
	t.f.Line()
	return nil
}

// enums checks that every enum is open: its constants are known, and
// a value the package has never seen survives conversion unchanged.
func (t *tests) enums() {
	var cases []jen.Code
	for _, e := range t.g.Plan.Enums {
		if e.Int {
			cases = append(cases, jen.Values(jen.Lit(e.Name), jen.Len(jen.Id(e.Name).Call(jen.Lit(0)).Dot("Values").Call()), jen.Lit(len(e.Values)),
				jen.Id(e.Name).Call(jen.Lit(-1234567)).Dot("IsKnown").Call(), jen.Id(e.Values[0].Const).Dot("IsKnown").Call()))
			continue
		}
		cases = append(cases, jen.Values(jen.Lit(e.Name), jen.Len(jen.Id(e.Name).Call(jen.Lit("")).Dot("Values").Call()), jen.Lit(len(e.Values)),
			jen.Id(e.Name).Call(jen.Lit("smithy2go-unknown-value")).Dot("IsKnown").Call(), jen.Id(e.Values[0].Const).Dot("IsKnown").Call()))
	}
	if len(cases) == 0 {
		return
	}
	t.f.Func().Id("TestEnumsAreOpen").Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("c")).Op(":=").Range().Index().Struct(
			jen.Id("name").String(), jen.List(jen.Id("values"), jen.Id("want")).Int(), jen.List(jen.Id("unknownKnown"), jen.Id("firstKnown")).Bool(),
		).ValuesFunc(func(g *jen.Group) {
			for _, c := range cases {
				g.Line().Add(c)
			}
			g.Line()
		})).Block(
			jen.If(jen.Id("c").Dot("values").Op("!=").Id("c").Dot("want").Op("||").Id("c").Dot("unknownKnown").Op("||").Op("!").Id("c").Dot("firstKnown")).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("%s: %d values (want %d), unknown value known: %v, first constant known: %v"),
					jen.Id("c").Dot("name"), jen.Id("c").Dot("values"), jen.Id("c").Dot("want"), jen.Id("c").Dot("unknownKnown"), jen.Id("c").Dot("firstKnown"))),
		),
	)
	t.f.Line()
}
