// Package godoc converts the HTML found in Smithy documentation traits into
// Go doc comment text, following https://go.dev/doc/comment.
//
// Go doc comments have paragraphs, lists, code blocks and links, but no
// inline markup, nested lists or definition lists, so the conversion maps
// richer HTML onto that small syntax:
//
//   - <code>, <i>, <b> and similar inline tags become plain text (Go doc has
//     no inline code span, and Markdown backticks would read as quotation
//     marks).
//   - <a href> becomes a [text] link with a "[text]: URL" definition at the
//     end; relative links keep only their text.
//   - <note> and <important> become paragraphs starting "Note:" and
//     "Important:".
//   - <dl> becomes a bullet list of "term: definition" items.
//   - Lists nested in list items become paragraphs inside the outer item,
//     starting "–" (bullets) or "(1)" (numbers).
//   - <pre>, and the <request>/<response> parts of <examples>, become code
//     blocks.
//   - Unknown tags, such as the placeholders in "arn:aws:<region>:...", are
//     kept as literal text.
//
// The output is in gofmt's canonical form, and text that Go doc would
// misread (a line starting like a list item or "go:", a title-like line
// that would become a heading, a lone "[x]: URL", doubled quotes, "*/") is
// reflowed or rewritten. Comment and Convert are safe for concurrent use.
package godoc

import (
	"strings"
	"sync"
)

// Deprecation describes the smithy.api#deprecated trait.
type Deprecation struct {
	Message string // plain text, may be empty
	Since   string // may be empty
}

// Options controls Convert.
type Options struct {
	// Width is the column at which paragraph and list text is wrapped,
	// not counting the comment prefix. Zero or less disables wrapping.
	Width int
	// Deprecated, if set, adds a "Deprecated: " paragraph, which Go tools
	// recognise, after the documentation.
	Deprecated *Deprecation
}

// Comment converts HTML documentation to the text of a Go doc comment (no
// "// " prefixes), wrapped at width columns where paragraphs are text.
// The result has no trailing newline and is empty if there is no text.
func Comment(html string, width int) string {
	return Convert(html, Options{Width: width})
}

// Convert is Comment with further options.
func Convert(src string, opts Options) string {
	c := pool.Get().(*converter)
	c.p.parse(src)
	if d := opts.Deprecated; d != nil {
		c.p.writeString(deprecation(d))
		c.p.flush()
	}
	out := c.r.render(c.p.root, opts.Width, len(src))
	if cap(c.p.buf) <= maxKeep && cap(c.r.out) <= maxKeep {
		c.p.reset()
		pool.Put(c)
	}
	return out
}

// A converter holds buffers reused from one conversion to the next.
type converter struct {
	p parser
	r renderer
}

var pool = sync.Pool{New: func() any { return new(converter) }}

// maxKeep bounds the buffers kept for reuse after an unusually long text.
const maxKeep = 1 << 16

// Lines renders text as comment lines with the given prefix, such as "// "
// or "\t// ". Empty lines and lines of a code block get the prefix without
// its trailing spaces ("//" and "//\tcode"), as gofmt writes them. Every
// line, including the last, ends in a newline.
func Lines(text, prefix string) string {
	if text == "" {
		return ""
	}
	bare := strings.TrimRight(prefix, " ")
	// A comment like //go:generate is a directive, not documentation.
	space := strings.HasSuffix(prefix, "//")
	var b strings.Builder
	b.Grow(len(text) + (len(prefix)+2)*(strings.Count(text, "\n")+1))
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimRight(line, " \t")
		switch {
		case line == "":
			b.WriteString(bare)
		case line[0] == '\t':
			b.WriteString(bare)
			b.WriteString(line)
		default:
			b.WriteString(prefix)
			if space {
				b.WriteByte(' ')
			}
			b.WriteString(line)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func deprecation(d *Deprecation) string {
	msg := d.Message
	if strings.TrimSpace(msg) == "" {
		msg = "Do not use."
	}
	text := "Deprecated: " + msg
	if strings.TrimSpace(d.Since) != "" {
		text += " (since " + d.Since + ")"
	}
	return text
}
