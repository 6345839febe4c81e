package godoc

import (
	"flag"
	"go/doc/comment"
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// outline describes the blocks that the go/doc/comment parser finds in a
// comment, one entry per paragraph, list item or code block:
//
//	"p: text"        paragraph; explicit links as [text](url)
//	"- text ¶ text"  bullet item; ¶ separates its paragraphs
//	"3. text"        numbered item
//	"code: text"     code block
//	"h: text"        heading
//
// Line breaks inside paragraphs become spaces, so wrapping does not show.
func outline(text string) []string {
	skip := 0
	if text != "" && (text[0] == ' ' || text[0] == '\t') {
		// Go doc unindents a comment made only of indented lines; the
		// generator always writes a sentence first.
		text = "P.\n\n" + text
		skip = 1
	}
	d := new(comment.Parser).Parse(text)
	d.Content = d.Content[skip:]
	var out []string
	for _, b := range d.Content {
		switch b := b.(type) {
		case *comment.Paragraph:
			out = append(out, "p: "+inline(b.Text))
		case *comment.Heading:
			out = append(out, "h: "+inline(b.Text))
		case *comment.Code:
			out = append(out, "code: "+b.Text)
		case *comment.List:
			for _, it := range b.Items {
				var ps []string
				for _, c := range it.Content {
					ps = append(ps, inline(c.(*comment.Paragraph).Text))
				}
				mark := "-"
				if it.Number != "" {
					mark = it.Number + "."
				}
				out = append(out, mark+" "+strings.Join(ps, " ¶ "))
			}
		}
	}
	return out
}

func inline(ts []comment.Text) string {
	var b strings.Builder
	for _, t := range ts {
		switch t := t.(type) {
		case comment.Plain:
			b.WriteString(string(t))
		case comment.Italic:
			b.WriteString(string(t))
		case *comment.Link:
			if t.Auto {
				b.WriteString(inline(t.Text))
			} else {
				b.WriteString("[" + inline(t.Text) + "](" + t.URL + ")")
			}
		case *comment.DocLink:
			b.WriteString("{doclink " + inline(t.Text) + "}")
		}
	}
	return strings.ReplaceAll(b.String(), "\n", " ")
}

// problems lists the ways in which out is not safe, canonical Go doc comment
// text: gofmt must leave it alone, no heading or unused link may appear,
// and no line may end in space, start a directive, or end a block comment.
func problems(out string) []string {
	var errs []string
	add := func(s string) { errs = append(errs, s) }
	if out == "" {
		return nil
	}
	if !utf8.ValidString(out) {
		add("invalid UTF-8")
	}
	if strings.Contains(out, "*/") {
		add("contains */")
	}
	if strings.HasPrefix(out, "\n") || strings.HasSuffix(out, "\n") || strings.Contains(out, "\n\n\n") {
		add("stray blank lines")
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.TrimRightFunc(line, unicode.IsSpace) != line {
			add("trailing space: " + line)
		}
		if strings.HasPrefix(line, "go:") {
			add("directive-like line: " + line)
		}
		code := strings.HasPrefix(line, "\t")
		for _, r := range line {
			if r == '\t' && code {
				continue
			}
			if unicode.IsControl(r) || r == '\ufeff' {
				add("control character in: " + line)
				break
			}
		}
	}
	text := out
	if out[0] == ' ' || out[0] == '\t' {
		// Go doc unindents a comment made only of indented lines; the
		// generator always writes a sentence first.
		text = "P.\n\n" + out
	}
	src := Lines(text, "// ") + "package p\n"
	if got, err := format.Source([]byte(src)); err != nil {
		add("gofmt: " + err.Error())
	} else if diff := cmp.Diff(src, string(got)); diff != "" {
		add("gofmt changes the comment (-ours +gofmt):\n" + diff)
	}
	d := new(comment.Parser).Parse(text)
	for _, b := range d.Content {
		if _, ok := b.(*comment.Heading); ok {
			add("heading: " + inline(b.(*comment.Heading).Text))
		}
	}
	for _, l := range d.Links {
		if !l.Used {
			add("unused link definition: " + l.Text)
		}
	}
	return errs
}

func checkProblems(t *testing.T, in, out string) {
	t.Helper()
	for _, p := range problems(out) {
		t.Errorf("%s\ninput: %q\noutput:\n%s", p, in, out)
	}
}

func TestStructure(t *testing.T) {
	tests := []struct {
		name  string
		html  string
		width int
		want  []string
	}{
		{"empty", "", 80, nil},
		{"only markup", "  <p> </p>\n<ul><li>\t</li></ul>", 80, nil},
		{"plain text", "Just text,\n no tags.", 80, []string{"p: Just text, no tags."}},
		{"inline markup and entities",
			"<p>First   paragraph\n\t with <code>code</code>, <i>italic</i>, <b>bold</b>.</p>\n<p>Second &amp; last &lt;one&gt;.</p>", 80,
			[]string{"p: First paragraph with code, italic, bold.", "p: Second & last <one>."}},
		{"no-break spaces", "<p>A\u00a0<i>tag</i>\u00a0is</p>", 80, []string{"p: A tag is"}},
		{"bullets", "<p>Valid values:</p><ul><li><p>one</p></li><li>two</li><li> </li><li><p>three</p><p>more</p></li></ul>", 80,
			[]string{"p: Valid values:", "- one", "- two", "- three ¶ more"}},
		{"numbered", "<ol><li>a</li><li>b</li></ol><p>x</p><ol start=\"3\"><li>c</li></ol>", 80,
			[]string{"1. a", "2. b", "p: x", "3. c"}},
		{"nested bullets", "<ul><li><p>parent</p><ul><li>child one</li><li>child two</li></ul></li><li>next</li></ul>", 80,
			[]string{"- parent ¶ – child one ¶ – child two", "- next"}},
		{"nested numbers", "<ul><li>steps<ol><li>first</li><li>second</li></ol></li></ul>", 80,
			[]string{"- steps ¶ (1) first ¶ (2) second"}},
		{"three levels", "<ol><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li></ol>", 80,
			[]string{"1. a ¶ – b ¶ – c"}},
		{"definition list",
			"<dl><dt>BEST_FIT (default)</dt><dd><p>Picks the best.</p></dd><dt>Term:</dt><dd>Has a colon.</dd><dt>Alone</dt></dl>", 80,
			[]string{"- BEST_FIT (default): Picks the best.", "- Term: Has a colon.", "- Alone"}},
		{"definition list with paragraphs", "<dl><dt><p>Term</p><p>two</p></dt><dd><p>Def.</p><p>More.</p></dd></dl>", 80,
			[]string{"- Term two: Def. ¶ More."}},
		{"definition with list", "<dl><dt>FULL</dt><dd><p>Full access:</p><ul><li>x</li></ul><p>See more.</p></dd></dl>", 80,
			[]string{"- FULL: Full access: ¶ – x ¶ See more."}},
		{"notes", "<p>Intro.</p><note><p>Be careful.</p><p>Really.</p></note><important><p>Do it.</p></important>", 80,
			[]string{"p: Intro.", "p: Note: Be careful.", "p: Really.", "p: Important: Do it."}},
		{"note already labelled", "<note><p>Note that x.</p></note><note>NOTE: y</note>", 80,
			[]string{"p: Note that x.", "p: NOTE: y"}},
		{"note starting with a list", "<note><ul><li>a</li></ul></note>", 80,
			[]string{"p: Note:", "- a"}},
		{"note in list item", "<ul><li><p>Item.</p><note><p>Careful.</p></note></li></ul>", 80,
			[]string{"- Item. ¶ Note: Careful."}},
		{"links",
			`<p>See <a href="https://example.com/guide">the guide</a> or <a href="/relative/path">a page</a> or <a>OtherOperation</a>.</p>`, 80,
			[]string{"p: See [the guide](https://example.com/guide) or a page or OtherOperation."}},
		{"same text, different URLs",
			`<p><a href="https://a.example/">here</a> and <a href="https://b.example/">here</a> and <a href="https://a.example/">here</a></p>`, 80,
			[]string{"p: [here](https://a.example/) and [here (2)](https://b.example/) and [here](https://a.example/)"}},
		{"link edge cases",
			`<p><a href="https://x.example/a">https://x.example/a</a> <a href="https://x.example/b"></a> <a href="mailto:someone@example.com">someone@example.com</a> <a href=" HTTPS://x.example/c d ">[bracketed] text</a></p>`, 80,
			[]string{"p: https://x.example/a https://x.example/b someone@example.com [(bracketed) text](https://x.example/c%20d)"}},
		{"link text already in brackets", `<p>The [guide] section; see <a href="https://x.example/">guide</a>.</p>`, 80,
			[]string{"p: The [guide] section; see [guide (2)](https://x.example/)."}},
		{"link after an unmatched bracket", `<p>a[0 <a href="https://x.example/">x</a>] <a href="https://y.example/">y</a></p>`, 80,
			[]string{"p: a[0 x (https://x.example/)] [y](https://y.example/)"}},
		{"bracket runs like Go doc's", `<p>[a [b] <a href="https://x.example/">a b</a></p>`, 80,
			[]string{"p: [a [b] [a b (2)](https://x.example/)"}},
		{"link across paragraphs", `<a href="https://x.example/"><p>one</p><p>two</p></a>`, 80,
			[]string{"p: [one](https://x.example/)", "p: [two](https://x.example/)"}},
		{"fullname", "<fullname>Amazon Foo</fullname><p>Foo is a service.</p>", 80,
			[]string{"p: Foo is a service."}},
		{"pre", "<p>Example:</p><pre>\n    {\n      \"a\": 1\n    }\n</pre>", 80,
			[]string{"p: Example:", "code: {\n  \"a\": 1\n}\n"}},
		{"examples", "<p>Runs it.</p><examples><example><name>Example 1</name><request>\nPOST / HTTP/1.1\n\n{}\n</request><response>\nHTTP/1.1 200\n</response></example></examples>", 80,
			[]string{"p: Runs it.", "p: Example 1", "code: POST / HTTP/1.1\n\n{}\n\nHTTP/1.1 200\n"}},
		{"placeholders", "<p>arn:aws:<region>:<account-id>:thing/<name of thing></p><p>Use <code>&lt;b&gt;</code>, <request>.</p>", 80,
			[]string{"p: arn:aws:<region>:<account-id>:thing/<name of thing>", "p: Use <b>, <request>."}},
		{"unbalanced", "<p>One<p>Two</li></ul><ul><li>a<li>b</p>c</ul>d</note>", 80,
			[]string{"p: One", "p: Two", "- a", "- b ¶ c", "p: d"}},
		{"unclosed", `<ul><li><p>open <a href="https://x.example/">link`, 80,
			[]string{"- open [link](https://x.example/)"}},
		{"item outside list", "<li>a</li><li>b</li>", 80, []string{"p: a", "p: b"}},
		{"looks like a heading", "<p>Intro.</p><p>Learn more</p><p>Text follows.</p><p>Also</p><ul><li>x</li></ul>", 80,
			[]string{"p: Intro.", "p: Learn more.", "p: Text follows.", "p: Also", "- x"}},
		{"looks like a heading before links", `<p>See <a href="https://x.example/">docs</a>.</p><p>Learn more</p>`, 80,
			[]string{"p: See [docs](https://x.example/).", "p: Learn more."}},
		{"hash", "<p># not a heading</p>", 80, []string{"p: # not a heading"}},
		{"link definition lookalike", "<p>[x]: https://example.com/</p><ul><li>[y]: http://example.com/</li></ul>", 80,
			[]string{"p: [x]: https://example.com/", "- [y]: http://example.com/"}},
		{"directive lookalike", "<p>go:generate runs</p>", 80, []string{`p: "go:generate" runs`}},
		{"quote pairs and comment end", "<p>Use ``null`` or '' here, ```x``` too, can''t, a */ b.</p>", 80,
			[]string{"p: Use `null` or ” here, `x` too, can't, a * / b."}},
		{"adjacent lists of both kinds", "<ul><li>a</li></ul><ol><li>b</li><li>c</li></ol><ul><li>d</li></ul>", 80,
			[]string{"- a", "p: (1) b", "p: (2) c", "- d"}},
		{"adjacent lists of one kind", "<ul><li>a</li></ul><ul><li>b</li></ul><ol><li>c</li></ol>\n<ol><li>d</li></ol>", 80,
			[]string{"- a", "- b", "p: (1) c", "p: (2) d"}},
		{"code next to list", "<ul><li>a</li></ul><pre>x = 1</pre>", 80,
			[]string{"- a", "p: x = 1"}},
		{"code starting like a list", "<pre>- name: x\n  value: 1</pre><pre>*/0</pre><pre>12) x</pre><pre>-x\n- y</pre>", 80,
			[]string{"p: - name: x value: 1", "p: * /0", "p: 12) x", "code: -x\n- y\n"}},
		{"code in list item", "<ul><li>run<pre>make\n  all</pre></li></ul>", 80,
			[]string{"- run ¶ make all"}},
		{"marker-like paragraph in item", "<ul><li><p>first</p><p>- second</p></li></ul>", 80,
			[]string{"- first - second"}},
		{"marker-like paragraphs", "<p>- a</p><p>1. b</p><p>• c</p>", 80,
			[]string{"p: - a", "p: 1. b", "p: • c"}},
		{"control characters", "<p>a\x00b\x1bc\u202ed\ufeffe\xfff</p>", 80, []string{"p: abcde\ufffdf"}},
		{"table", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", 80, []string{"p: a b", "p: c"}},
		{"line break", "<p>line one<br/>line two</p>", 80, []string{"p: line one", "p: line two"}},
		{"raw-text tags are not raw", "<p><title>T <b>x</b></title> <script>y</script></p>", 80,
			[]string{"p: <title>T x</title> <script>y</script>"}},
		{"no wrapping", "<p>" + strings.Repeat("word ", 50) + "</p>", 0,
			[]string{"p: " + strings.TrimSpace(strings.Repeat("word ", 50))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := Comment(tt.html, tt.width)
			if diff := cmp.Diff(tt.want, outline(out)); diff != "" {
				t.Errorf("outline (-want +got):\n%s\noutput:\n%s", diff, out)
			}
			checkProblems(t, tt.html, out)
			checkWidth(t, out, tt.width)
		})
	}
}

func TestDeprecated(t *testing.T) {
	tests := []struct {
		html string
		dep  Deprecation
		want []string
	}{
		{`<p>Old.</p><p>See <a href="https://x.example/">new</a>.</p>`, Deprecation{Message: "Use New\ninstead.", Since: "2024-01-01"},
			[]string{"p: Old.", "p: See [new](https://x.example/).", "p: Deprecated: Use New instead. (since 2024-01-01)"}},
		{"<p>Old.</p>", Deprecation{}, []string{"p: Old.", "p: Deprecated: Do not use."}},
		{"", Deprecation{Since: "1.2"}, []string{"p: Deprecated: Do not use. (since 1.2)"}},
	}
	for _, tt := range tests {
		out := Convert(tt.html, Options{Width: 80, Deprecated: &tt.dep})
		if diff := cmp.Diff(tt.want, outline(out)); diff != "" {
			t.Errorf("%q: outline (-want +got):\n%s\noutput:\n%s", tt.html, diff, out)
		}
		checkProblems(t, tt.html, out)
		// Go tools recognise deprecation by a paragraph of this form.
		if !strings.Contains("\n\n"+out+"\n\n", "\n\nDeprecated: ") {
			t.Errorf("%q: no Deprecated paragraph in\n%s", tt.html, out)
		}
	}
}

// TestWrap checks wrapping against the width and the placement of words
// that would start a list item or a directive at the start of a line.
func TestWrap(t *testing.T) {
	const html = "<p>aaaa bbbb cccc dd - eeee 1. ffff 12) gggg + hhhh * iiii go:x jjjj</p>" +
		"<ul><li>aaaa bbbb cccc dd - eeee 1. ffff 12) gggg + hhhh * iiii go:x jjjj</li></ul>"
	for width := 1; width <= 40; width++ {
		out := Comment(html, width)
		checkProblems(t, html, out)
		checkWidth(t, out, width)
		lines := strings.Split(out, "\n")
		for i, line := range lines {
			if i == 0 || lines[i-1] == "" {
				continue // first line of a block
			}
			if w, _, _ := strings.Cut(strings.TrimSpace(line), " "); hazard(w) {
				t.Errorf("width %d: line starts with %q:\n%s", width, w, out)
			}
		}
		want := []string{
			"p: aaaa bbbb cccc dd - eeee 1. ffff 12) gggg + hhhh * iiii go:x jjjj",
			"- aaaa bbbb cccc dd - eeee 1. ffff 12) gggg + hhhh * iiii go:x jjjj",
		}
		if diff := cmp.Diff(want, outline(out)); diff != "" {
			t.Errorf("width %d: outline (-want +got):\n%s\noutput:\n%s", width, diff, out)
		}
	}
	// Words fill lines greedily up to the width.
	got := Comment("<p>one two three four five six seven eight nine ten</p>", 14)
	want := "one two three\nfour five six\nseven eight\nnine ten"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	got = Comment("<ol><li>one two three four five six seven eight nine ten</li></ol>", 18)
	want = " 1. one two three\n    four five six\n    seven eight\n    nine ten"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// checkWidth reports lines longer than width that could have been broken:
// only a single word, or a word kept off the start of the next line, may
// overflow. Code and link definitions are not wrapped.
func checkWidth(t *testing.T, out string, width int) {
	t.Helper()
	if width <= 0 {
		return
	}
	lines := strings.Split(out, "\n")
	for i, line := range lines {
		if utf8.RuneCountInString(line) <= width || strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "[") {
			continue
		}
		text := strings.TrimLeft(line, " ")
		if w, rest, ok := strings.Cut(text, " "); ok && isMarker(w) && strings.HasPrefix(line, " ") {
			text = rest // list marker
		}
		words := strings.Fields(text)
		if len(words) == 1 {
			continue
		}
		if next := strings.Fields(nextLine(lines, i)); len(next) > 0 && hazard(next[0]) {
			continue
		}
		if hazard(words[len(words)-1]) {
			continue
		}
		t.Errorf("line longer than %d: %q\n%s", width, line, out)
	}
}

func nextLine(lines []string, i int) string {
	if i+1 < len(lines) {
		return lines[i+1]
	}
	return ""
}

func TestLines(t *testing.T) {
	text := "Para one.\n\n  - item\n    more\n\n\tcode\n\t\tindented\n\ngo:x"
	tests := []struct{ prefix, want string }{
		{"// ", "// Para one.\n//\n//   - item\n//     more\n//\n//\tcode\n//\t\tindented\n//\n// go:x\n"},
		{"\t// ", "\t// Para one.\n\t//\n\t//   - item\n\t//     more\n\t//\n\t//\tcode\n\t//\t\tindented\n\t//\n\t// go:x\n"},
		// A bare "//" prefix still keeps text from forming a directive.
		{"//", "// Para one.\n//\n//   - item\n//     more\n//\n//\tcode\n//\t\tindented\n//\n// go:x\n"},
	}
	for _, tt := range tests {
		if got := Lines(text, tt.prefix); got != tt.want {
			t.Errorf("Lines(%q):\n%s", tt.prefix, cmp.Diff(tt.want, got))
		}
	}
	if got := Lines("", "// "); got != "" {
		t.Errorf("Lines of empty text = %q", got)
	}
	if got := Lines("a  \nb\t", "// "); got != "// a\n// b\n" {
		t.Errorf("trailing space kept: %q", got)
	}
}

// TestGolden renders real documentation; the golden files were checked by
// reading them against the HTML.
func TestGolden(t *testing.T) {
	for _, d := range realDocs {
		t.Run(d.name, func(t *testing.T) {
			got := Comment(d.html, 80) + "\n"
			path := filepath.Join("testdata", d.name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("%s (-golden +got):\n%s", d.source, diff)
			}
			for _, width := range []int{0, 40, 80, 100} {
				out := Comment(d.html, width)
				checkProblems(t, d.html, out)
				checkWidth(t, out, width)
			}
		})
	}
}

// TestRealOutlines pins the structure Go doc sees in real documentation.
func TestRealOutlines(t *testing.T) {
	want := map[string][]string{
		"ec2_tag_key": {
			"p: The key of the tag.",
			"p: Constraints: Tag keys are case-sensitive and accept a maximum of 127 Unicode characters. May not begin with aws:.",
		},
		"ec2_tag_specification": {
			"p: The tags to apply to a resource when the resource is being created. When you specify a tag, you must specify the resource type to tag, otherwise the request will fail.",
			"p: Note: The Valid Values lists all the resource types that can be tagged. However, the action you're using might not support tagging all of these resource types. If you try to tag a resource type that is unsupported for the action you're using, you'll get an error.",
		},
		"ec2_service": {
			"p: This is the Amazon EC2 API Reference. It provides descriptions, API request parameters, and the XML response for each of the Amazon EC2 Query API actions. Note that the Amazon EC2 API includes actions for Amazon EC2 plus additional services, such as Amazon EBS and Amazon VPC.",
			"p: Learn more",
			"- To learn about using the Query API, see [Using the API for Amazon EC2](https://docs.aws.amazon.com/ec2/latest/devguide/ec2-low-level-api.html).",
			"- To learn about the permissions required to call an Amazon EC2 API action, see [Actions, resources, and condition keys for Amazon EC2](https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html).",
			"- To get the list of API actions by service and resource, see [Actions by service](https://docs.aws.amazon.com/ec2/latest/devguide/OperationList-query.html).",
			"- To get the alphabetical list of API actions, see .",
			"- To get descriptions of the API error codes, see [Error codes for the Amazon EC2 API](https://docs.aws.amazon.com/ec2/latest/devguide/errors-overview.html).",
			"p: Alternatively, use one of the following methods to access the Amazon EC2 API, instead of using the Query API directly:",
			"- [Amazon Web Services CLI Command Reference - ec2 commands](https://docs.aws.amazon.com/cli/latest/reference/ec2/)",
			"- [CloudFormation - Amazon EC2 resource type reference](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_EC2.html)",
			"- [Amazon Web Services Tools for PowerShell Cmdlet Reference - Amazon EC2 cmdlets](https://docs.aws.amazon.com/powershell/v5/reference/items/EC2_cmdlets.html)",
			"- [Amazon Web Services SDKs](https://builder.aws.com/build/tools)",
		},
		"mediastore_placeholders": {
			"p: The Amazon Resource Name (ARN) of the container. The ARN has the following format:",
			"p: arn:aws:<region>:<account that owns this container>:container/<name of container>",
			"p: For example: arn:aws:mediastore:us-west-2:111122223333:container/movies",
		},
	}
	for _, d := range realDocs {
		w, ok := want[d.name]
		if !ok {
			continue
		}
		if diff := cmp.Diff(w, outline(Comment(d.html, 80))); diff != "" {
			t.Errorf("%s: outline (-want +got):\n%s", d.name, diff)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, d := range realDocs {
		a := Comment(d.html, 80)
		for range 3 {
			if b := Comment(d.html, 80); b != a {
				t.Fatalf("%s: output differs between runs", d.name)
			}
		}
	}
}

// TestConcurrent lets the race detector check the pooled converter state.
func TestConcurrent(t *testing.T) {
	want := make([]string, len(realDocs))
	for i, d := range realDocs {
		want[i] = Comment(d.html, 80)
	}
	done := make(chan bool)
	for range 4 {
		go func() {
			defer func() { done <- true }()
			for i, d := range realDocs {
				if got := Comment(d.html, 80); got != want[i] {
					t.Errorf("%s: concurrent output differs", d.name)
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
}
