package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestPackageName(t *testing.T) {
	// Expected names are the AWS SDK for Go v2's package names for these
	// services, except where noted.
	tests := []struct{ file, want string }{
		{"sagemaker-2017-07-24.json", "sagemaker"},
		{"apigatewayv2-2018-11-29.json", "apigatewayv2"},
		{"acm-pca-2017-08-22.json", "acmpca"},
		{"ec2-instance-connect-2018-04-02.json", "ec2instanceconnect"},
		{"elastic-load-balancing-v2-2015-12-01.json", "elasticloadbalancingv2"},
		{"s3-2006-03-01.json", "s3"},
		// Ours: what no AWS file is named but a user's could be.
		{"My_Service.json", "myservice"},
		{"3d-2020-01-01.json", "m3d"},
		{"type-2020-01-01.json", "typeapi"},
		{"main.json", "mainapi"},
		{"testdata.json", "testdataapi"},
		{"--2020-01-01.json", "model"},
		{"2020-01-01.json", "m20200101"},
		{"dir/café.json", "caf"},
	}
	for _, tt := range tests {
		if got := packageName(tt.file); got != tt.want {
			t.Errorf("packageName(%q) = %q, want %q", tt.file, got, tt.want)
		}
	}
}

func TestPackageNamesDistinct(t *testing.T) {
	files := []string{"a-b-2019-01-01.json", "ab-2020-01-01.json", "c.json", "ab.json", "sqs-2012-11-05.json"}
	got := packageNames(files)
	want := []string{"ab20190101", "ab20200101", "c", "ab", "sqs"}
	if !slices.Equal(got, want) {
		t.Fatalf("packageNames = %q, want %q", got, want)
	}
	// Two files of one name but for the extension fall back to a counter.
	got = packageNames([]string{"x.json", "X.json", "x-.json"})
	want = []string{"x", "x_2", "x_3"}
	if !slices.Equal(got, want) {
		t.Fatalf("packageNames = %q, want %q", got, want)
	}
}

// fakeModels is a model list shaped like the real one: the CI "others",
// more models than the subset takes, and a few awsQuery ones.
func fakeModels() []model {
	var ms []model
	add := func(file, proto string, size int64) {
		ms = append(ms, model{File: file, Protocol: proto, Size: size, Package: packageName(file)})
	}
	for _, o := range ciOthers {
		add(o.file, "restJson1", 100)
	}
	for i := range 30 {
		add(fmt.Sprintf("big%02d-2020-01-01.json", i), "awsJson1_1", int64(1000+i))
	}
	add("aaa-tie.json", "restJson1", 1028) // ties big28 for third place and wins on name
	add("query1.json", "awsQuery", 5)
	add("query2.json", "awsQuery", 5000)
	add("small.json", "restXml", 1)
	slices.SortFunc(ms, func(a, b model) int { return strings.Compare(a.File, b.File) })
	return ms
}

func TestCISubset(t *testing.T) {
	ms := fakeModels()
	got, err := ciSubset(ms)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range got {
		names = append(names, m.File)
	}
	// The 3 largest: query2 (5000), big29, and aaa-tie, which ties big28
	// and comes first by name; query1 is small but awsQuery.
	want := []string{"query2.json", "query1.json", "aaa-tie.json", "big29-2020-01-01.json"}
	for _, o := range ciOthers {
		want = append(want, o.file)
	}
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Fatalf("ciSubset picked\n%q\nwant\n%q", names, want)
	}

	// The same models in any order give the same subset.
	for seed := range uint64(20) {
		shuffled := slices.Clone(ms)
		r := rand.New(rand.NewPCG(seed, 1))
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		again, err := ciSubset(shuffled)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(again, got) {
			t.Fatalf("seed %d: subset differs", seed)
		}
	}
}

func TestCISubsetMissingModel(t *testing.T) {
	ms := fakeModels()
	ms = slices.DeleteFunc(ms, func(m model) bool { return m.File == ciOthers[3].file })
	_, err := ciSubset(ms)
	if err == nil || !strings.Contains(err.Error(), ciOthers[3].file) {
		t.Fatalf("err = %v, want one naming %s", err, ciOthers[3].file)
	}
}

func TestCIOthersDistinct(t *testing.T) {
	seen := map[string]bool{}
	for _, o := range ciOthers {
		if seen[o.file] {
			t.Errorf("%s listed twice", o.file)
		}
		seen[o.file] = true
		if o.why == "" {
			t.Errorf("%s: no reason given", o.file)
		}
	}
	if len(ciOthers) != 10 {
		t.Errorf("%d other models, want 10", len(ciOthers))
	}
}

func TestProtocolOf(t *testing.T) {
	tests := []struct{ json, want string }{
		{`{"smithy":"2.0","shapes":{"a#S":{"type":"service","traits":{"aws.protocols#awsQuery":{},"aws.protocols#awsQueryError":{}}}}}`, "awsQuery"},
		{`{"smithy":"2.0","shapes":{"a#E":{"type":"structure","traits":{"aws.protocols#awsQueryError":{}}},"a#S":{"type":"service","traits":{"aws.protocols#awsJson1_0":{},"aws.protocols#awsQueryCompatible":{}}}}}`, "awsJson1_0"},
		{`{"smithy":"2.0","shapes":{"a#S":{"type":"service"}}}`, ""},
		{`not json`, ""},
	}
	for _, tt := range tests {
		if got := protocolOf([]byte(tt.json)); got != tt.want {
			t.Errorf("protocolOf(%s) = %q, want %q", tt.json, got, tt.want)
		}
	}
}

func TestWriteTable(t *testing.T) {
	results := []result{
		{model: model{File: "b-2020-01-01.json", Protocol: "awsQuery"}, Operations: 3, Shapes: 10, Lines: 1000,
			Load: 1500 * time.Microsecond, Generate: 20 * time.Millisecond, Tests: 1250 * time.Millisecond,
			EndpointCases: 4, Endpoint: endpointOutcome{Passed: 3, Failed: []string{"For_region_x: endpoint_rules_test.go:9: URL https://a\nwant https://b"}}},
		{model: model{File: "a-2020-01-01.json", Protocol: ""}, Operations: 2, Shapes: 5, Lines: 200,
			Warnings: []string{"a#S: wire code skipped"}, Load: 500 * time.Microsecond, Generate: 5 * time.Millisecond,
			Failed: stageVet, Detail: "x.go:1:1: bad", EndpointCases: 2},
	}
	var b strings.Builder
	if err := writeTable(&b, "all", results, 95*time.Second, 2); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	wantRows := "| Model | Protocol | Operations | Shapes | Go lines | Warnings | Load ms | Generate ms | Test s | Endpoint tests | Status |\n" +
		"| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: | --- |\n" +
		"| a-2020-01-01.json | none | 2 | 5 | 200 | 1 | 0.5 | 5.0 | 0.00 | 0/2 | FAIL: vet |\n" +
		"| b-2020-01-01.json | awsQuery | 3 | 10 | 1000 | 0 | 1.5 | 20.0 | 1.25 | 3/4 | ok |\n" +
		"| **Total: 2 models** | | 5 | 15 | 1200 | 1 | 2.0 | 25.0 | 1.25 | 3/6 | 1 ok, 1 failed |\n" +
		"\nEndpoint tests: 3 of 6 cases pass.\n\n" +
		"| Model | Case | Why it did not pass |\n| --- | --- | --- |\n" +
		"| a-2020-01-01.json | 2 cases | did not run: FAIL: vet |\n" +
		"| b-2020-01-01.json | For_region_x | fails: endpoint_rules_test.go:9: URL https://a want https://b |\n"
	if !strings.HasSuffix(got, wantRows) {
		t.Errorf("table ends\n%s\nwant\n%s", got[max(0, len(got)-len(wantRows)-50):], wantRows)
	}
	// Operations without wire code are listed after the table.
	results[0].Warnings = []string{"b.json:7:5: b#Watch: no wire code: member b#WatchOutput$Events is an event stream, which smithy2go does not support yet"}
	b.Reset()
	if err := writeTable(&b, "all", results, 95*time.Second, 2); err != nil {
		t.Fatal(err)
	}
	wantUnwired := "\n## Operations without wire code\n\n1 operations in 1 models:\n\n| Model | Operation | Why |\n| --- | --- | --- |\n" +
		"| b-2020-01-01.json | Watch | member b#WatchOutput$Events is an event stream, which smithy2go does not support yet |\n"
	unwired := b.String()
	if !strings.Contains(unwired, "| b-2020-01-01.json | awsQuery | 3 | 10 | 1000 | 1 | 1.5 |") {
		t.Errorf("the warning is not counted in b's row:\n%s", unwired)
	}
	if !strings.HasSuffix(unwired, wantUnwired) {
		t.Errorf("table with an operation without wire code ends\n%s\nwant\n%s", unwired[max(0, len(unwired)-len(wantUnwired)-50):], wantUnwired)
	}
	results[0].Warnings = nil
	if !strings.HasPrefix(got, "<!-- Code generated by go run ./internal/sweep. DO NOT EDIT. -->\n") {
		t.Errorf("table does not start with the generated-code header:\n%s", got)
	}
	if !strings.Contains(got, "The whole run took 1m35s on 2 cores.") {
		t.Errorf("header lacks the wall time:\n%s", got)
	}
	if !strings.Contains(got, "Subset: all.") || !strings.Contains(got, "make sweep") {
		t.Errorf("header lacks the subset or how to regenerate:\n%s", got)
	}

	// Input order does not matter.
	var b2 strings.Builder
	if err := writeTable(&b2, "all", []result{results[1], results[0]}, 95*time.Second, 2); err != nil {
		t.Fatal(err)
	}
	if b2.String() != got {
		t.Error("table depends on the order of the results")
	}
}

func TestCauseGroupsAlikeFailures(t *testing.T) {
	a := result{Failed: stageCompile, Detail: "# sweep.local/a\na/types.go:12:3: undefined: FooBar\n"}
	b := result{Failed: stageCompile, Detail: "# sweep.local/b\nb/serializers.go:99:14: undefined: OtherThing\nmore"}
	c := result{Failed: stageVet, Detail: "# sweep.local/c\nvet: c/x.go:1:2: fmt.Sprintf format %d has arg \"x\" of wrong type string"}
	d := result{Failed: stageTest, Detail: "--- FAIL: TestGolden/CreateThing (0.00s)\n    golden_test.go:5: mismatch\nFAIL"}
	e := result{Failed: stageTest, Detail: "--- FAIL: TestGolden/DeleteThing (0.00s)\n"}
	if cause(a) != cause(b) {
		t.Errorf("cause(a) = %q, cause(b) = %q; want equal", cause(a), cause(b))
	}
	if got, want := cause(a), "undefined: X"; got != want {
		t.Errorf("cause(a) = %q, want %q", got, want)
	}
	if got, want := cause(c), `fmt.X format %d has arg "…" of wrong type string`; got != want {
		t.Errorf("cause(c) = %q, want %q", got, want)
	}
	if cause(d) != cause(e) || cause(d) != "test TestGolden fails" {
		t.Errorf("cause(d) = %q, cause(e) = %q; want both %q", cause(d), cause(e), "test TestGolden fails")
	}
	// Output comes before the "--- FAIL" line; the operation is dropped.
	f := result{Failed: stageTest, Detail: "    golden_7_test.go:365: violations:\n         got []\n--- FAIL: TestUpdateThingValidateFull (0.00s)\n"}
	g := result{Failed: stageTest, Detail: "--- FAIL: TestRequestValidateFull (0.00s)\n"}
	if got, want := cause(f), "test Test…ValidateFull fails"; got != want || cause(g) != want {
		t.Errorf("cause(f) = %q, cause(g) = %q; want both %q", got, cause(g), want)
	}
	if got, want := cause(result{Failed: stageTest, Detail: "--- FAIL: TestEnumsAreOpen (0.00s)"}), "test TestEnumsAreOpen fails"; got != want {
		t.Errorf("cause = %q, want %q", got, want)
	}
	groups := groupFailures([]result{c, a, d, b, e})
	if len(groups) != 3 || len(groups[0].results) != 2 || groups[0].stage != stageCompile || groups[2].stage != stageVet {
		t.Errorf("groups = %+v", groups)
	}
}

func TestParser(t *testing.T) {
	// Lines as go test -json -vet=all writes them (Go 1.26).
	stream := `{"ImportPath":"sweep.local/b","Action":"build-output","Output":"# sweep.local/b\n"}
{"ImportPath":"sweep.local/b","Action":"build-output","Output":"b/b.go:3:23: undefined: undefinedThing\n"}
{"ImportPath":"sweep.local/b","Action":"build-fail"}
{"Action":"start","Package":"sweep.local/b"}
{"Action":"output","Package":"sweep.local/b","Output":"FAIL\tsweep.local/b [build failed]\n"}
{"Action":"fail","Package":"sweep.local/b","Elapsed":0,"FailedBuild":"sweep.local/b"}
{"Action":"start","Package":"sweep.local/c"}
{"Action":"run","Package":"sweep.local/c","Test":"TestF"}
{"Action":"output","Package":"sweep.local/c","Test":"TestF","Output":"=== RUN   TestF\n"}
{"Action":"output","Package":"sweep.local/c","Test":"TestF","Output":"    c_test.go:5: want 2\n"}
{"Action":"output","Package":"sweep.local/c","Test":"TestF","Output":"--- FAIL: TestF (0.00s)\n"}
{"Action":"fail","Package":"sweep.local/c","Test":"TestF","Elapsed":0}
{"Action":"fail","Package":"sweep.local/c","Elapsed":1.94}
{"Action":"output","Package":"sweep.local/d","Test":"TestF","Output":"--- PASS: TestF (0.00s)\n"}
{"Action":"run","Package":"sweep.local/d","Test":"TestEndpoints/For_region_us-east-1"}
{"Action":"output","Package":"sweep.local/d","Test":"TestEndpoints/For_region_us-east-1","Output":"=== RUN   TestEndpoints/For_region_us-east-1\n"}
{"Action":"output","Package":"sweep.local/d","Test":"TestEndpoints/For_region_us-east-1","Output":"    --- PASS: TestEndpoints/For_region_us-east-1 (0.00s)\n"}
{"Action":"pass","Package":"sweep.local/d","Test":"TestEndpoints/For_region_us-east-1","Elapsed":0}
{"Action":"output","Package":"sweep.local/d","Test":"TestEndpoints/Missing_region","Output":"    --- SKIP: TestEndpoints/Missing_region (0.00s)\n"}
{"Action":"output","Package":"sweep.local/d","Test":"TestEndpoints/Missing_region","Output":"        endpoint_rules_test.go:7: not supported\n"}
{"Action":"skip","Package":"sweep.local/d","Test":"TestEndpoints/Missing_region","Elapsed":0}
{"Action":"pass","Package":"sweep.local/d","Test":"TestF","Elapsed":0}
{"Action":"pass","Package":"sweep.local/d","Elapsed":2.234}
{"Action":"skip","Package":"sweep.local/e","Elapsed":0}
`
	p := newParser([]string{"b", "c", "d", "e", "f"})
	var seen []string
	p.progress = func(pkg string, o outcome) { seen = append(seen, pkg+":"+o.Failed.String()) }
	p.read(strings.NewReader(stream))
	got := p.outcomes(nil, "go: something went wrong for f\n")
	want := map[string]stage{"b": stageCompile, "c": stageTest, "d": stageOK, "e": stageTest, "f": stageCompile}
	for pkg, s := range want {
		if got[pkg].Failed != s {
			t.Errorf("%s: %v, want %v (%q)", pkg, got[pkg].Failed, s, got[pkg].Detail)
		}
	}
	if !strings.Contains(got["b"].Detail, "undefined: undefinedThing") {
		t.Errorf("b: detail %q lacks the compiler error", got["b"].Detail)
	}
	if d := got["c"].Detail; !strings.Contains(d, "c_test.go:5: want 2") || strings.Contains(d, "=== RUN") {
		t.Errorf("c: detail %q", d)
	}
	if e := got["d"].Endpoint; e.Passed != 1 || len(e.Failed) != 0 || !slices.Equal(e.Skipped, []string{"Missing_region: endpoint_rules_test.go:7: not supported"}) {
		t.Errorf("d: endpoint cases %+v, want 1 passed and Missing_region skipped with its reason", e)
	}
	if got["d"].Tests != 2234*time.Millisecond {
		t.Errorf("d: test time %v", got["d"].Tests)
	}
	if !strings.Contains(got["f"].Detail, "something went wrong for f") {
		t.Errorf("f: detail %q", got["f"].Detail)
	}
	if want := []string{"b:compile", "c:test", "d:ok", "e:test"}; !slices.Equal(seen, want) {
		t.Errorf("progress saw %q, want %q", seen, want)
	}
}

func TestPackageOf(t *testing.T) {
	for in, want := range map[string]string{
		"sweep.local/s3":                            "s3",
		"sweep.local/s3 [sweep.local/s3.test]":      "s3",
		"sweep.local/s3_test [sweep.local/s3.test]": "s3",
		"sweep.local/s3.test":                       "s3",
	} {
		if got := packageOf(in); got != want {
			t.Errorf("packageOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMissingModelsDirIsSkipped(t *testing.T) {
	var out, errOut strings.Builder
	code := run([]string{"-models", filepath.Join(t.TempDir(), "nope")}, &out, &errOut)
	if code != 0 || !strings.Contains(out.String(), "skipped") {
		t.Fatalf("exit %d, stdout %q, stderr %q; want 0 and skipped", code, out.String(), errOut.String())
	}
}

func TestPrepareOutRefusesForeignDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := prepareOut(dir); err == nil {
		t.Fatal("prepareOut wrote into a directory that is not a sweep's")
	}
	// An earlier sweep's module is reused.
	sweepDir := t.TempDir()
	root, temp, err := prepareOut(sweepDir)
	if err != nil || temp {
		t.Fatalf("prepareOut(empty) = %v, %v", temp, err)
	}
	if err := os.Mkdir(filepath.Join(root, "s3"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, _, err := prepareOut(sweepDir); err != nil {
		t.Fatalf("prepareOut(earlier sweep) = %v", err)
	}
}

// TestCheckerClassifies runs the go command on a scratch module with one
// package per outcome.
func TestCheckerClassifies(t *testing.T) {
	root, _, err := prepareOut(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"good/good.go":      "package good\n\nfunc F() int { return 1 }\n",
		"good/good_test.go": "package good\n\nimport \"testing\"\n\nfunc TestF(t *testing.T) {\n\tif F() != 1 {\n\t\tt.Fatal(\"F\")\n\t}\n}\n",
		"broken/broken.go":  "package broken\n\nfunc F() int { return undefinedThing }\n",
		"vetbad/vetbad.go":  "package vetbad\n\nimport \"fmt\"\n\nfunc F() string { return fmt.Sprintf(\"%d\", \"x\") }\n",
		"vetbad/v_test.go":  "package vetbad\n\nimport \"testing\"\n\nfunc TestF(t *testing.T) { F() }\n",
		"failing/f.go":      "package failing\n\nfunc F() int { return 1 }\n",
		"failing/f_test.go": "package failing\n\nimport \"testing\"\n\nfunc TestF(t *testing.T) {\n\tif F() != 2 {\n\t\tt.Fatal(\"want 2\")\n\t}\n}\n",
		"notests/n.go":      "package notests\n\nfunc F() int { return 1 }\n",
	}
	for name, src := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := &checker{root: root, parallel: 2, memLimit: 4 << 30}
	got := c.check([]string{"good", "broken", "vetbad", "failing", "notests"})
	want := map[string]stage{"good": stageOK, "broken": stageCompile, "vetbad": stageVet, "failing": stageTest, "notests": stageTest}
	for pkg, s := range want {
		if got[pkg].Failed != s {
			t.Errorf("%s: %v, want %v\n%s", pkg, got[pkg].Failed, s, got[pkg].Detail)
		}
	}
	if d := got["broken"].Detail; !strings.Contains(d, "undefined: undefinedThing") {
		t.Errorf("broken: detail %q", d)
	}
	if d := got["vetbad"].Detail; !strings.Contains(d, "wrong type") {
		t.Errorf("vetbad: detail %q", d)
	}
	if d := got["failing"].Detail; !strings.Contains(d, "want 2") {
		t.Errorf("failing: detail %q", d)
	}

	// The memory limit reaches the go command: 64 MiB of address space is
	// too little for it to start.
	c.memLimit = 64 << 20
	if o := c.check([]string{"good"})["good"]; o.Failed == stageOK || !strings.Contains(o.Detail, "fatal error") {
		t.Errorf("with a 64 MiB limit: %v %q, want a fatal error", o.Failed, o.Detail)
	}
}

func TestCauseOutOfMemory(t *testing.T) {
	r := result{Failed: stageCompile, Detail: "# sweep.local/qs [sweep.local/qs.test]\nruntime: out of memory: cannot allocate 4194304-byte block (4822532096 in use)\nfatal error: out of memory\n"}
	if got := cause(r); got != "out of memory (more than -memlimit)" {
		t.Errorf("cause = %q", got)
	}
}

func TestAddModel(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ec2-2016-11-15.2021-11-18.json")
	data := `{"smithy": "1.0", "shapes": {"a#S": {"type": "service", "traits": {"aws.protocols#ec2Query": {}}}}}`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	ms := fakeModels()
	got, err := addModel(ms, path, "ec2")
	if err != nil {
		t.Fatal(err)
	}
	want := model{Path: path, File: "ec2-2016-11-15.2021-11-18.json", Size: int64(len(data)), Package: "ec2", Protocol: "ec2Query"}
	if len(got) != len(ms)+1 || got[len(ms)] != want {
		t.Errorf("added %+v, want %+v", got[len(ms):], want)
	}
	if got, err := addModel(ms, filepath.Join(dir, "missing.json"), "ec2"); err != nil || len(got) != len(ms) {
		t.Errorf("a missing file: %d models, %v; want %d, nil", len(got), err, len(ms))
	}
	if _, err := addModel(ms, path, ms[0].Package); err == nil {
		t.Errorf("package %s taken twice without an error", ms[0].Package)
	}
}
