package smithy

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func loadIDL(t *testing.T, srcs ...Source) *Model {
	t.Helper()
	m, err := LoadSources(srcs...)
	if err != nil {
		t.Fatalf("LoadSources: %v", err)
	}
	return m
}

func failIDL(t *testing.T, srcs ...Source) Problems {
	t.Helper()
	m, err := LoadSources(srcs...)
	var ps Problems
	if err == nil || m != nil || !errors.As(err, &ps) {
		t.Fatalf("LoadSources = %v, %v; want Problems", m, err)
	}
	return ps
}

func problemLines(ps Problems) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

// Relative shape IDs resolve as the spec's example says: a use
// statement's import, then the namespace (forward references and other
// files included), then the prelude, then the namespace anyway.
func TestRelativeShapeIDs(t *testing.T) {
	m := loadIDL(t, Source{"a.smithy", []byte(`$version: "2"
metadata refs = [MyString, smithy.example#MyString, Bar, String, MyBoolean, InvalidShape, documentation, Other, Local]
namespace smithy.example
use foo.baz#Bar
string MyString
boolean MyBoolean
string String
`)}, Source{"b.smithy", []byte(`$version: "2"
namespace smithy.example
string Other
`)}, Source{"c.json", []byte(`{"smithy": "2.0", "shapes": {"smithy.example#Local": {"type": "string"}}}`)})
	var got []string
	for _, it := range m.Metadata[0].Value.Items {
		got = append(got, it.Str)
	}
	want := []string{"smithy.example#MyString", "smithy.example#MyString", "foo.baz#Bar", "smithy.example#String",
		"smithy.example#MyBoolean", "smithy.example#InvalidShape", "smithy.api#documentation", "smithy.example#Other",
		"smithy.example#Local"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Error(diff)
	}
}

// Smithy's model upgrade case (smithy-model's upgrade tests: a 1.0 model
// and the 2.0 model it becomes), read both as IDL and as a JSON AST.
func TestUpgradeV1(t *testing.T) {
	idl := Source{"v1.smithy", []byte(`$version: "1.0"
namespace smithy.example

structure Foo {
    alreadyDefault: PrimitiveInteger,
    @required
    alreadyRequired: PrimitiveInteger,
    @box
    boxedMember: PrimitiveInteger,
    previouslyBoxedTarget: Integer,
    explicitlyBoxedTarget: BoxedInteger,
    @required
    customPrimitiveLong: MyPrimitiveLong,
    flag: MyFlag
}

@box
integer BoxedInteger

long MyPrimitiveLong

boolean MyFlag
`)}
	json := Source{"v1.json", []byte(`{"smithy": "1.0", "shapes": {
  "smithy.example#Foo": {"type": "structure", "members": {
    "alreadyDefault": {"target": "smithy.api#PrimitiveInteger"},
    "alreadyRequired": {"target": "smithy.api#PrimitiveInteger", "traits": {"smithy.api#required": {}}},
    "boxedMember": {"target": "smithy.api#PrimitiveInteger", "traits": {"smithy.api#box": {}}},
    "previouslyBoxedTarget": {"target": "smithy.api#Integer"},
    "explicitlyBoxedTarget": {"target": "smithy.example#BoxedInteger"},
    "customPrimitiveLong": {"target": "smithy.example#MyPrimitiveLong", "traits": {"smithy.api#required": {}}},
    "flag": {"target": "smithy.example#MyFlag"}}},
  "smithy.example#BoxedInteger": {"type": "integer", "traits": {"smithy.api#box": {}}},
  "smithy.example#MyPrimitiveLong": {"type": "long"},
  "smithy.example#MyFlag": {"type": "boolean"}}}`)}
	want := map[string]string{
		"alreadyDefault": "0", "alreadyRequired": "0", "boxedMember": "null", "previouslyBoxedTarget": "",
		"explicitlyBoxedTarget": "", "customPrimitiveLong": "0", "flag": "false",
		"smithy.example#MyPrimitiveLong": "0", "smithy.example#BoxedInteger": "", "smithy.example#MyFlag": "false",
	}
	var models []*Model
	for _, src := range []Source{idl, json} {
		m := loadIDL(t, src)
		models = append(models, m)
		got := map[string]string{}
		for _, mem := range mustShape(t, m, "smithy.example#Foo").Members {
			got[mem.Name] = defaultText(mem.Traits)
			if mem.Traits.Has(TraitBox) {
				t.Errorf("%s: %s keeps the box trait", src.Name, mem.ID)
			}
		}
		for _, id := range []ShapeID{"smithy.example#MyPrimitiveLong", "smithy.example#BoxedInteger", "smithy.example#MyFlag"} {
			s := mustShape(t, m, id)
			got[string(id)] = defaultText(s.Traits)
			if s.Traits.Has(TraitBox) {
				t.Errorf("%s: %s keeps the box trait", src.Name, id)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: defaults (-want +got):\n%s", src.Name, diff)
		}
	}
	if d := modelDiffs(models[0], models[1]); len(d) > 0 {
		t.Errorf("IDL and JSON 1.0 differ:\n%s", strings.Join(d, "\n"))
	}
}

func defaultText(t Traits) string {
	d, ok := t.Default()
	if !ok {
		return ""
	}
	return nodeText(d)
}

// The whole 2021 EC2 model is Smithy 1.0: its unboxed numbers and
// booleans get a zero default, its boxed ones none.
func TestEC2FullUpgrade(t *testing.T) {
	path := filepath.Join(sharedDir(t), "models", "ec2-full", "ec2-2016-11-15.2021-11-18.json")
	m := loadIDL(t, Source{path, readFile(t, path)})
	for id, want := range map[ShapeID]string{
		"com.amazonaws.ec2#RunInstancesRequest$MaxCount":            "0",
		"com.amazonaws.ec2#RunInstancesRequest$MinCount":            "0",
		"com.amazonaws.ec2#RunInstancesRequest$DryRun":              "false",
		"com.amazonaws.ec2#DescribeInstancesRequest$MaxResults":     "0",
		"com.amazonaws.ec2#DescribeInstancesRequest$NextToken":      "",
		"com.amazonaws.ec2#EbsBlockDevice$DeleteOnTermination":      "false",
		"com.amazonaws.ec2#DescribeInstanceTypesRequest$MaxResults": "", // targets a boxed integer
		"com.amazonaws.ec2#DiskInfo$SizeInGB":                       "", // a boxed long
	} {
		s := mustShape(t, m, id.Root())
		mem := s.Member(id.Member())
		if mem == nil {
			t.Fatalf("no member %s", id)
		}
		if got := defaultText(mem.Traits); got != want {
			t.Errorf("%s (target %s) default = %q, want %q", id, mem.Target, got, want)
		}
	}
}

// Files merge: shapes, applies and metadata reach across files and
// formats, and every offset names its own file.
func TestMixedSources(t *testing.T) {
	a := Source{"models/a.json", []byte(`{
  "smithy": "2.0",
  "metadata": {"tags": ["a"]},
  "shapes": {
    "com.example#Widget": {"type": "structure", "members": {"id": {"target": "smithy.api#String"}}}
  }
}`)}
	b := Source{"models/b.smithy", []byte(`$version: "2"
metadata tags = ["b"]
metadata same = 1
namespace com.example

structure Holder {
    widget: Widget
}

apply Widget$id @required
`)}
	c := Source{"models/c.smithy", []byte("$version: \"2\"\nmetadata same = 1\n")}
	m := loadIDL(t, a, b, c)
	w := mustShape(t, m, "com.example#Widget")
	if !w.Member("id").Traits.Required() {
		t.Error("the apply in b.smithy did not reach a.json's shape")
	}
	if got := m.Position(w.Offset).String(); got != "models/a.json:5:5" {
		t.Errorf("Widget at %s", got)
	}
	h := mustShape(t, m, "com.example#Holder")
	if got := m.Position(h.Member("widget").Offset).String(); got != "models/b.smithy:7:5" {
		t.Errorf("Holder$widget at %s", got)
	}
	if h.Member("widget").Target != w.ID {
		t.Errorf("target %s", h.Member("widget").Target)
	}
	var tags []string
	for _, it := range m.Metadata[0].Value.Items {
		tags = append(tags, it.Str)
	}
	if diff := cmp.Diff([]string{"a", "b"}, tags); diff != "" || len(m.Metadata) != 2 {
		t.Errorf("metadata: %v %s", m.Metadata, diff)
	}
}

func TestProblemsAcrossFiles(t *testing.T) {
	ps := failIDL(t,
		Source{"z.smithy", []byte("$version: \"2\"\nnamespace a\nstructure S {\n    x: Nope\n}\nmetadata m = 1\n")},
		Source{"y.json", []byte(`{"smithy": "2.0", "shapes": {"a#T": {"type": "strin"}}}`)},
		Source{"x.smithy", []byte("$version: \"2\"\nnamespace a\nstructure S {\n    y: String\n}\n")},
	)
	// z.smithy's metadata statement after shapes is a syntax error, so
	// only syntax errors and the JSON file's own problems are reported.
	want := []string{
		`y.json:1:46: a#T: unknown shape type "strin"; did you mean "string"?`,
		`z.smithy:6:1: unknown shape type "metadata"`,
	}
	if diff := cmp.Diff(want, problemLines(ps)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	ps = failIDL(t,
		Source{"z.smithy", []byte("$version: \"2\"\nnamespace a\nstructure S {\n    x: Nope\n}\n")},
		Source{"x.smithy", []byte("$version: \"2\"\nnamespace a\n\nstructure S {\n    y: String\n}\n")},
	)
	want = []string{
		"x.smithy:4:11: a#S: shape defined twice, differently (members [y], not [x]); the other definition is at z.smithy:3:11",
	}
	if diff := cmp.Diff(want, problemLines(ps)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// A shape defined the same way in two files is one shape, as Smithy's
// detects-ignorable-duplicates case says.
func TestEqualDuplicates(t *testing.T) {
	src := []byte("$version: \"2\"\nnamespace a\n@range(min: 1)\ninteger S\n")
	m := loadIDL(t, Source{"one.smithy", src}, Source{"two.smithy", src},
		Source{"three.json", []byte(`{"smithy": "2.0", "shapes": {"a#S": {"type": "integer", "traits": {"smithy.api#range": {"min": 1.0}}}}}`)})
	if len(m.Shapes()) != 1 {
		t.Errorf("%d shapes", len(m.Shapes()))
	}
}

func TestReadSources(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"b/model.smithy":  "$version: \"2\"\nnamespace a\nstring B\n",
		"a.json":          `{"smithy": "2.0", "shapes": {"a#A": {"type": "string"}}}`,
		"b/c/deep.smithy": "// comment first\nnamespace a\nstring C\n",
		"NOTICE.smithy":   "Smithy\nCopyright Amazon.com\n",
		"package.json":    `{"name": "x", "version": "1.0.0"}`,
		"README.md":       "# models",
		"empty.smithy":    "",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srcs, skipped, err := ReadSources(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range srcs {
		names = append(names, rel(dir, s.Name))
	}
	if diff := cmp.Diff([]string{"a.json", "b/c/deep.smithy", "b/model.smithy", "empty.smithy"}, names); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
	if len(skipped) != 2 || !strings.Contains(skipped[0], "NOTICE.smithy: not Smithy IDL") ||
		!strings.Contains(skipped[1], "package.json: this JSON is not a Smithy JSON AST model") {
		t.Errorf("skipped: %q", skipped)
	}
	m := loadIDL(t, srcs...)
	if len(m.Shapes()) != 3 {
		t.Errorf("%d shapes", len(m.Shapes()))
	}
	if _, _, err := ReadSources(filepath.Join(dir, "b", "c", "none.smithy")); err == nil {
		t.Error("a missing file is no error")
	}
	empty := t.TempDir()
	if _, _, err := ReadSources(empty); err == nil || !strings.Contains(err.Error(), "no Smithy model files") {
		t.Errorf("empty directory: %v", err)
	}
}

// The files people mistake for Smithy models get one line that says
// what they are.
func TestWrongFormats(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"api-2.json", `{"version": "2.0", "metadata": {"apiVersion": "2016-11-15", "protocol": "ec2"}, "operations": {}, "shapes": {"A": {"type": "string"}}}`, "C2J format"},
		{"openapi.json", `{"openapi": "3.0.0", "info": {}, "paths": {}}`, "OpenAPI"},
		{"swagger.json", `{"swagger": "2.0", "paths": {}}`, "OpenAPI"},
		{"other.json", `{"name": "x"}`, "not a Smithy JSON AST model"},
		{"idl.json", "$version: \"2\"\nnamespace a\nstring S\n", "looks like Smithy IDL"},
	}
	for _, tt := range tests {
		_, err := Load(tt.name, []byte(tt.data))
		var ps Problems
		if !errors.As(err, &ps) {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if len(ps) != 1 || !strings.Contains(ps[0].Message, tt.want) {
			t.Errorf("%s: %v, want one problem saying %q", tt.name, err, tt.want)
		}
	}
}
