package smithy

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tidwall/gjson"
)

// awsProtocolTests loads ../shared/protocol-tests/aws: the IDL directory
// (142 files) and the JSON AST an older Smithy built from the same module.
// The IDL needs one dependency the module's build brings in, Smithy's
// validation model (smithy.framework#ValidationException and its
// members); it is taken from the JSON AST, which has it built in, so the
// IDL files load mixed with a JSON file as a Smithy build would.
func awsProtocolTests(t testing.TB) (idl []Source, pira Source) {
	t.Helper()
	dir := filepath.Join(sharedDir(t), "protocol-tests", "aws")
	srcs, skipped, err := ReadSources(filepath.Join(dir, "idl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) > 0 || len(srcs) != 142 {
		t.Fatalf("read %d IDL files, skipped %v; want all 142", len(srcs), skipped)
	}
	data, err := os.ReadFile(filepath.Join(dir, "smithy-aws-protocol-tests.pira.json"))
	if err != nil {
		t.Fatal(err)
	}
	return append(srcs, Source{"smithy-validation-model.json", namespaceOf(data, "smithy.framework")}),
		Source{"smithy-aws-protocol-tests.pira.json", data}
}

// namespaceOf cuts the shapes of one namespace out of a JSON AST.
func namespaceOf(data []byte, ns string) []byte {
	var b strings.Builder
	b.WriteString(`{"smithy": "2.0", "shapes": {`)
	n := 0
	gjson.GetBytes(data, "shapes").ForEach(func(k, v gjson.Result) bool {
		if strings.HasPrefix(k.Str, ns+"#") {
			if n > 0 {
				b.WriteByte(',')
			}
			n++
			b.WriteString(k.Raw + ":" + v.Raw)
		}
		return true
	})
	b.WriteString("}}")
	return []byte(b.String())
}

// idlNewer lists every way the IDL of the AWS protocol tests differs
// from the JSON AST beside it, with the reason: the IDL is from a newer
// Smithy (1.72), the JSON from about 1.60-1.68.
var idlNewer = map[string]string{
	"aws.protocoltests.ec2#SimpleInputParams: smithy.test#httpRequestTests: case Ec2QueryNameDistinctFromXmlNameAndMemberName added": "new ec2Query case (smithy 977d6469a8, 1.69.0)",
	"aws.protocoltests.ec2#SimpleInputParamsInput: member DistinctQueryName added":                                                   "members of that case",
	"aws.protocoltests.ec2#SimpleInputParamsInput: member DistinctQueryAndXmlName added":                                             "members of that case",
	"aws.protocoltests.ec2#SimpleInputParamsInput: member DistinctXmlName added":                                                     "members of that case",

	"aws.protocoltests.json#FooError: smithy.test#httpResponseTests: case AwsJson11FooErrorWithDunderTypeAndDifferentNamespace added":               "new awsJson1_1 error cases",
	"aws.protocoltests.json#FooError: smithy.test#httpResponseTests: case AwsJson11FooErrorWithNestedTypeProperty added":                            "new awsJson1_1 error cases",
	"aws.protocoltests.json#FooError: smithy.test#httpResponseTests: case AwsJson11FooErrorUsingXAmznErrorTypeWithUriAndNamespace changed: headers": "error type now names the awsJson1_1 test namespace (aws.protocoltests.json), not restjson's",
	"aws.protocoltests.json#FooError: smithy.test#httpResponseTests: case AwsJson11FooErrorUsingCodeAndNamespace changed: body":                     "error type now names the awsJson1_1 test namespace",
	"aws.protocoltests.json#FooError: smithy.test#httpResponseTests: case AwsJson11FooErrorUsingCodeUriAndNamespace changed: body":                  "error type now names the awsJson1_1 test namespace",
	"aws.protocoltests.json#FooError: smithy.test#httpResponseTests: case AwsJson11FooErrorWithDunderTypeAndNamespace changed: body":                "error type now names the awsJson1_1 test namespace",
	"aws.protocoltests.json#FooError: smithy.test#httpResponseTests: case AwsJson11FooErrorWithDunderTypeUriAndNamespace changed: body":             "error type now names the awsJson1_1 test namespace",

	"aws.protocoltests.json10#FooError: smithy.test#httpResponseTests: case AwsJson10FooErrorWithDunderTypeAndDifferentNamespace added": "new awsJson1_0 error cases",
	"aws.protocoltests.json10#FooError: smithy.test#httpResponseTests: case AwsJson10FooErrorWithNestedTypeProperty added":              "new awsJson1_0 error cases",

	"aws.protocoltests.query#NoInputAndNoOutput: smithy.test#httpResponseTests: case QueryNoInputAndNoOutputWithResponseMetadata added": "new awsQuery case",

	"aws.protocoltests.restjson#FooError: smithy.test#httpResponseTests: case RestJsonFooErrorUsingXAmznErrorTypeWithUriAndDifferentNamespace added":   "new restJson1 error cases",
	"aws.protocoltests.restjson#FooError: smithy.test#httpResponseTests: case RestJsonFooErrorWithNestedTypeProperty added":                            "new restJson1 error cases",
	"aws.protocoltests.restjson#IgnoreQueryParamsInResponse: smithy.test#httpResponseTests: case RestJsonIgnoreQueryParamsInResponse changed: body":    "case rewritten with a non-empty payload",
	"aws.protocoltests.restjson#IgnoreQueryParamsInResponse: smithy.test#httpResponseTests: case RestJsonIgnoreQueryParamsInResponse changed: params":  "case rewritten with a non-empty payload",
	"aws.protocoltests.restjson#IgnoreQueryParamsInResponse: smithy.test#httpResponseTests: case RestJsonIgnoreQueryParamsInResponseNoPayload removed": "merged into the rewritten case",
	"aws.protocoltests.restjson#JsonMaps: smithy.test#httpResponseTests: case RestJsonDeserializesDenseSetMapAndSkipsNull removed":                     "case dropped from the suite",
	"aws.protocoltests.restjson#JsonUnions: smithy.test#httpRequestTests: case RestJsonSerializeNestedUnionValue added":                                "new nested-union cases",
	"aws.protocoltests.restjson#JsonUnions: smithy.test#httpResponseTests: case RestJsonDeserializeNestedUnionValue added":                             "new nested-union cases",
	"aws.protocoltests.restjson#MyUnion: member unionValue added":                                                                                      "member of the nested-union cases",
	"aws.protocoltests.restjson#RestJson: trait smithy.api#documentation removed":                                                                      "the service lost its documentation comment",
	"aws.protocoltests.restjson#RestJson: operation aws.protocoltests.restjson#HttpQueryParamsOnlyOperation added":                                     "new restJson1 operation",
	"aws.protocoltests.restjson#RestJson: operation aws.protocoltests.restjson#InputStream added":                                                      "new event stream operations",
	"aws.protocoltests.restjson#RestJson: operation aws.protocoltests.restjson#OutputStream added":                                                     "new event stream operations",
	"aws.protocoltests.restjson#RestJson: operation aws.protocoltests.restjson#DuplexStream added":                                                     "new event stream operations",
	"aws.protocoltests.restjson#RestJson: operation aws.protocoltests.restjson#InputStreamWithInitialRequest added":                                    "new event stream operations",
	"aws.protocoltests.restjson#RestJson: operation aws.protocoltests.restjson#OutputStreamWithInitialResponse added":                                  "new event stream operations",
	"aws.protocoltests.restjson#RestJson: operation aws.protocoltests.restjson#DuplexStreamWithInitialMessages added":                                  "new event stream operations",
	"aws.protocoltests.restjson#RestJson: operation aws.protocoltests.restjson#DuplexStreamWithDistinctStreams added":                                  "new event stream operations",
	"aws.protocoltests.restxml#RestXml: operation aws.protocoltests.restxml#XmlAttributesInMiddle added":                                               "new restXml operation",
}

// TestAWSProtocolTestsIDL loads the whole IDL of AWS's protocol tests
// and compares every shape it shares with the JSON AST: they are equal
// but for what the newer IDL changed, which idlNewer lists.
func TestAWSProtocolTestsIDL(t *testing.T) {
	srcs, pira := awsProtocolTests(t)
	m, err := LoadSources(srcs...)
	if err != nil {
		t.Fatalf("the IDL does not load:\n%v", err)
	}
	jm, err := LoadSources(pira)
	if err != nil {
		t.Fatal(err)
	}
	enumValues(m)
	enumValues(jm)
	var got []string
	shared := 0
	for _, s := range m.Shapes() {
		o := jm.Shape(s.ID)
		if o == nil {
			continue
		}
		shared++
		got = append(got, describeDiffs(s, o)...)
	}
	var want []string
	for d := range idlNewer {
		want = append(want, d)
	}
	sort.Strings(got)
	sort.Strings(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("differences between the IDL and the JSON AST (-listed in idlNewer +found):\n%s", diff)
	}
	t.Logf("%d IDL shapes, %d JSON shapes, %d in both; %d differences, all from the newer IDL", len(m.Shapes()), len(jm.Shapes()), shared, len(got))
	if shared < 900 {
		t.Errorf("only %d shapes in both: the comparison covers too little", shared)
	}
}

// describeDiffs says how shape a (from IDL) differs from b (from JSON),
// naming protocol test cases by id.
func describeDiffs(a, b *Shape) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, string(a.ID)+": "+fmt.Sprintf(format, args...)) }
	for _, tr := range a.Traits.list {
		old, ok := b.Traits.Get(tr.ID)
		switch {
		case !ok:
			add("trait %s added", tr.ID)
		case nodeEqual(tr.Value, old):
		case isCaseList(tr.Value) && isCaseList(old):
			for _, d := range caseDiffs(tr.Value, old) {
				add("%s: %s", tr.ID, d)
			}
		default:
			add("trait %s changed", tr.ID)
		}
	}
	for _, tr := range b.Traits.list {
		if !a.Traits.Has(tr.ID) {
			add("trait %s removed", tr.ID)
		}
	}
	for _, m := range a.Members {
		if b.Member(m.Name) == nil {
			add("member %s added", m.Name)
		}
	}
	for _, m := range b.Members {
		if a.Member(m.Name) == nil {
			add("member %s removed", m.Name)
		}
	}
	for _, op := range a.Operations {
		if !slices.Contains(b.Operations, op) {
			add("operation %s added", op)
		}
	}
	for _, op := range b.Operations {
		if !slices.Contains(a.Operations, op) {
			add("operation %s removed", op)
		}
	}
	// Anything else is reported as shapeDiffs says it.
	for _, d := range shapeDiffs(a, b) {
		if !strings.HasPrefix(d, "trait ") && !strings.HasPrefix(d, "members ") && !strings.HasPrefix(d, "operations ") {
			add("%s", d)
		}
	}
	return out
}

func isCaseList(n Node) bool {
	if n.Kind != ArrayNode {
		return false
	}
	for _, it := range n.Items {
		if id, ok := it.Get("id"); !ok || id.Kind != StringNode {
			return false
		}
	}
	return true
}

func caseDiffs(a, b Node) []string {
	var out []string
	byID := func(n Node) map[string]Node {
		m := map[string]Node{}
		for _, it := range n.Items {
			id, _ := it.Get("id")
			m[id.Str] = it
		}
		return m
	}
	am, bm := byID(a), byID(b)
	for _, it := range a.Items {
		id, _ := it.Get("id")
		old, ok := bm[id.Str]
		if !ok {
			out = append(out, "case "+id.Str+" added")
			continue
		}
		for _, f := range it.Fields {
			if v, ok := old.Get(f.Key); !ok || !nodeEqual(v, f.Value) {
				out = append(out, "case "+id.Str+" changed: "+f.Key)
			}
		}
		for _, f := range old.Fields {
			if _, ok := it.Get(f.Key); !ok {
				out = append(out, "case "+id.Str+" changed: "+f.Key)
			}
		}
	}
	for _, it := range b.Items {
		id, _ := it.Get("id")
		if _, ok := am[id.Str]; !ok {
			out = append(out, "case "+id.Str+" removed")
		}
	}
	return out
}

// TestASTRoundTrip prints each IDL model as a JSON AST and loads that
// back: the model must be the same.
func TestASTRoundTrip(t *testing.T) {
	shared := sharedDir(t)
	aws, _ := awsProtocolTests(t)
	ec2, _, err := ReadSources(filepath.Join(shared, "protocol-tests", "ec2query", "idl"))
	if err != nil {
		t.Fatal(err)
	}
	sets := map[string][]Source{"protocol-tests/aws/idl": aws, "protocol-tests/ec2query/idl": ec2}
	valid := filepath.Join(shared, "smithy-idl", "loader", "valid")
	for _, path := range walk(t, valid, func(p string) bool { return strings.HasSuffix(p, ".smithy") }) {
		sets[rel(shared, path)] = []Source{{path, readFile(t, path)}, {"__shared.json", readFile(t, filepath.Join(valid, "__shared.json"))}}
	}
	for name, srcs := range sets {
		m, err := LoadSources(srcs...)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		ast := m.AST()
		back, err := Load("ast.json", ast)
		if err != nil {
			t.Errorf("%s: the AST does not load:\n%v", name, err)
			continue
		}
		if again := back.AST(); string(again) != string(ast) {
			t.Errorf("%s: the AST of the reloaded model differs", name)
		}
		if d := modelDiffs(m, back); len(d) > 0 {
			t.Errorf("%s: the AST loads to another model:\n%s", name, strings.Join(d, "\n"))
		}
	}
	if len(sets) < 50 {
		t.Errorf("only %d models round-tripped", len(sets))
	}
}

// BenchmarkLoadAWSProtocolTests loads the AWS protocol tests both ways in
// one run: idl is the 142 IDL files (1.1 MB), json the JSON AST an older
// Smithy built from them (1.9 MB). The target is idl ≤ 150 ms and no
// more than twice json.
func BenchmarkLoadAWSProtocolTests(b *testing.B) {
	srcs, pira := awsProtocolTests(b)
	for _, c := range []struct {
		name string
		srcs []Source
	}{{"idl", srcs}, {"json", []Source{pira}}} {
		b.Run(c.name, func(b *testing.B) {
			n := 0
			for _, s := range c.srcs {
				n += len(s.Data)
			}
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := LoadSources(c.srcs...); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
