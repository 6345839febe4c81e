package idl

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The expected values of text blocks are the spec's own examples
// (smithy.io, "Smithy IDL", Text blocks), with '.' written as spaces.
func TestTextBlocks(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"incidental whitespace", "\"\"\"\n    Foo\n        Baz\n\n  \n    Bar\n    \"\"\"", "Foo\n    Baz\n\n\nBar\n"},
		{"closing line at the margin", "\"\"\"\n    Foo\n        Baz\n    Bar\n\"\"\"", "    Foo\n        Baz\n    Bar\n"},
		{"closing line right of the text", "\"\"\"\n    Foo\n        Baz\n    Bar\n            \"\"\"", "Foo\n    Baz\nBar\n"},
		{"no trailing line break", "\"\"\"\n    <div>\n        <p>Hello!</p>\n    </div>\"\"\"", "<div>\n    <p>Hello!</p>\n</div>"},
		{"quotes", "\"\"\"\n    \"hello!\"\n    \"\"\"", "\"hello!\"\n"},
		{"escaped closing quotes", "\"\"\"\n    foo \\\"\"\"\n    baz\"\"\"", "foo \"\"\"\nbaz"},
		{"escapes after re-indenting", "\"\"\"\n  <div>\n    <p>Hi\\n    bar</p>\n  </div>\n  \"\"\"", "<div>\n  <p>Hi\n    bar</p>\n</div>\n"},
		{"escaped line breaks", "\"\"\"\n    Foo \\\n    Baz \\\n    Bam\"\"\"", "Foo Baz Bam"},
		{"mixed line breaks", "\"\"\"\n    Foo\n    Baz \\\n    Bam\"\"\"", "Foo\nBaz Bam"},
		{"CRLF", "\"\"\"\r\n    a\r\n    b\r\n    \"\"\"", "a\nb\n"},
		{"spaces after the opening", "\"\"\"   \n  x\"\"\"", "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := parseValue(t, tt.src)
			if v.Kind != String || v.Str != tt.want {
				t.Errorf("got %q, want %q", v.Str, tt.want)
			}
		})
	}
	for _, bad := range []string{`""""""`, `"""foo"""`, `""" """`} {
		f := Parse([]byte("metadata x = " + bad + "\n"))
		if len(f.Errors) != 1 || f.Errors[0].Offset != len("metadata x = ") {
			t.Errorf("%s: errors %+v, want one at the block's start", bad, f.Errors)
		}
	}
}

func TestStrings(t *testing.T) {
	tests := []struct{ src, want string }{
		{`"a\"b\\c\/d"`, `a"b\c/d`},
		{`"\b\f\n\r\t"`, "\b\f\n\r\t"},
		{`"\u00e9\u0041"`, "éA"},
		{"\"line\\\nbreak\"", "linebreak"},
		{"\"two\r\nlines\"", "two\nlines"},
		{`"é"`, "é"},
	}
	for _, tt := range tests {
		if v := parseValue(t, tt.src); v.Str != tt.want {
			t.Errorf("%s = %q, want %q", tt.src, v.Str, tt.want)
		}
	}
	for _, bad := range []string{`"\'"`, `"\x"`, `"\u12"`, `"\u12g4"`} {
		f := Parse([]byte("metadata x = " + bad + "\n"))
		if len(f.Errors) != 1 || f.Errors[0].Offset != len("metadata x = ") {
			t.Errorf("%s: errors %+v, want one at the string's start", bad, f.Errors)
		}
	}
}

func TestNumbersAndKeywords(t *testing.T) {
	v := parseValue(t, `[0, -1.5e3, 10E+2, true, false, null, Foo, a.b#C$d, "s"]`)
	var got []string
	for _, it := range v.Items {
		got = append(got, [...]string{"null", "bool", "number", "string", "id", "array", "object"}[it.Kind]+":"+it.Str)
	}
	want := []string{"number:0", "number:-1.5e3", "number:10E+2", "bool:", "bool:", "null:", "id:Foo", "id:a.b#C$d", "string:s"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Error(diff)
	}
	if !v.Items[3].Bool || v.Items[4].Bool {
		t.Error("true and false")
	}
}

func parseValue(t *testing.T, src string) Value {
	t.Helper()
	f := Parse([]byte("metadata x = " + src + "\n"))
	if len(f.Errors) > 0 || len(f.Metadata) != 1 {
		t.Fatalf("errors: %+v", f.Errors)
	}
	return f.Metadata[0].Value
}

// The rules are the spec's (Documentation comment): /// lines directly
// before a shape or member, before its traits, document it.
func TestDocComments(t *testing.T) {
	f := mustParse(t, `$version: "2"
namespace smithy.example

/// A shape.
///
///   indented
@deprecated
/// Ignored: after a trait.
string A

string B /// Ignored: not at the start of a line.

/// Ignored: before apply.
apply A @sensitive

structure S {
    /// Member docs.
    @required
    a: String

    // A plain comment.
    b: String
    /// Dangling.
}

operation Op {
    input
        /// Ignored: before the walrus.
        := {}
    output :=
        /// Output docs.
        {}
}
`)
	docs := map[string]string{}
	for _, s := range f.Shapes {
		if s.Doc != nil {
			docs[s.Name] = s.Doc.Text
		}
		for _, m := range s.Members {
			if m.Doc != nil {
				docs[s.Name+"$"+m.Name] = m.Doc.Text
			}
		}
	}
	want := map[string]string{"A": "A shape.\n\n  indented", "S$a": "Member docs.", "OpOutput": "Output docs."}
	if diff := cmp.Diff(want, docs); diff != "" {
		t.Error(diff)
	}
}

func TestShapes(t *testing.T) {
	f := mustParse(t, `$version: "2.0"
$operationInputSuffix: "Request"
metadata m = {a: [1, 2], "b": null}
namespace smithy.example
use other.ns#Thing

@mixin
structure Base { id: String }

structure S for R with [Base] {
    $id
    @length(min: 1)
    name: Thing = "x"
}

enum E { A, B = "b"
}
intEnum I {
    ONE = 1
}
list L { member: String }
map M { key: String, value: Integer }
union U { a: S }
service Svc { version: "1", operations: [Op] }
resource R { identifiers: { id: String } }
operation Op { input := { x: Integer } errors: [Err] }
apply S$name @documentation("n")
apply S { @sensitive @tags(["t"]) }
`)
	var got []string
	for _, s := range f.Shapes {
		line := s.Type + " " + s.Name
		for _, m := range s.Members {
			line += " " + m.Name
			if m.Elided {
				line += "(elided)"
			} else if m.Target.ID != "" {
				line += ":" + m.Target.ID
			}
			if m.Value != nil {
				line += "=" + m.Value.Str
			}
		}
		if len(s.Mixins) > 0 {
			line += " with " + s.Mixins[0].ID
		}
		if s.For != nil {
			line += " for " + s.For.ID
		}
		got = append(got, line)
	}
	want := []string{
		"structure Base id:String",
		"structure S id(elided) name:Thing=x with Base for R",
		"enum E A B=b",
		"intEnum I ONE=1",
		"list L member:String",
		"map M key:String value:Integer",
		"union U a:S",
		"service Svc",
		"resource R",
		"structure OpRequest x:Integer",
		"operation Op",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Error(diff)
	}
	if f.Namespace != "smithy.example" || f.Version != "2.0" || len(f.Uses) != 1 || len(f.Applies) != 2 || len(f.Applies[1].Traits) != 2 {
		t.Errorf("file: %+v", f)
	}
	op := f.Shapes[len(f.Shapes)-1]
	if op.Input == nil || op.Input.ID != "OpRequest" || len(op.Errors) != 1 || f.Shapes[len(f.Shapes)-2].IO != "input" {
		t.Errorf("operation: %+v", op)
	}
}

// A syntax error ends its statement only: parsing goes on at the next
// line that starts a statement, so every broken statement is reported.
func TestRecovery(t *testing.T) {
	src := `$version: "2"
namespace smithy.example

structure A {
    a: String = "x" b: String
}

string B

structure C with [] {}

string D
@tags([1, 2
string E
`
	f := Parse([]byte(src))
	var lines []int
	for _, e := range f.Errors {
		lines = append(lines, 1+strings.Count(src[:e.Offset], "\n"))
	}
	if diff := cmp.Diff([]int{5, 10, 15}, lines); diff != "" {
		t.Errorf("error lines (-want +got):\n%s\n%+v", diff, f.Errors)
	}
	var names []string
	for _, s := range f.Shapes {
		names = append(names, s.Name)
	}
	if diff := cmp.Diff([]string{"B", "D"}, names); diff != "" {
		t.Errorf("shapes read around the errors (-want +got):\n%s", diff)
	}
}

func TestVersionGates(t *testing.T) {
	for _, src := range []string{
		"namespace a\nenum E { A }\n",
		"namespace a\nstructure S with [M] {}\n",
		"namespace a\noperation O { input := {} }\n",
		"namespace a\nstructure S { $x }\n",
		"namespace a\nstructure S for R {}\n",
		"$version: \"2\"\nnamespace a\nset S { member: String }\n",
	} {
		if f := Parse([]byte(src)); len(f.Errors) != 1 {
			t.Errorf("%q: errors %+v, want one", src, f.Errors)
		}
	}
}

func mustParse(t *testing.T, src string) *File {
	t.Helper()
	f := Parse([]byte(src))
	for _, e := range f.Errors {
		t.Errorf("offset %d (line %d): %s", e.Offset, 1+strings.Count(src[:e.Offset], "\n"), e.Msg)
	}
	return f
}
