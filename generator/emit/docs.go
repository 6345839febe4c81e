package emit

import (
	"html"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/godoc"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// docWidth is where doc comment paragraphs wrap.
const docWidth = 77

// Doc renders a doc comment: lead text (plain), the HTML documentation
// in Go doc syntax, notes (plain paragraphs such as "This member is
// required."), and a Deprecated: paragraph when dep is set. Everything
// goes through one conversion so Go doc reads it as written: link
// definitions last, no paragraph mistaken for a heading.
func Doc(lead, doc string, notes []string, dep *smithy.Deprecation) *jen.Statement {
	text := docText(lead, doc, notes, dep)
	if text == "" {
		return jen.Null()
	}
	// A comment starting with "//" is written by jennifer as it is.
	return jen.Comment(strings.TrimSuffix(godoc.Lines(text, "// "), "\n"))
}

func docText(lead, doc string, notes []string, dep *smithy.Deprecation) string {
	var b strings.Builder
	if lead != "" {
		b.WriteString("<p>" + html.EscapeString(lead) + "</p>")
	}
	b.WriteString(doc)
	for _, n := range notes {
		if n != "" {
			b.WriteString("<p>" + html.EscapeString(n) + "</p>")
		}
	}
	opts := godoc.Options{Width: docWidth}
	if dep != nil {
		opts.Deprecated = &godoc.Deprecation{Message: dep.Message, Since: dep.Since}
	}
	return godoc.Convert(b.String(), opts)
}

// renderComment is docText as "// " lines, for jennifer's package comment.
func renderComment(lead, doc string) string {
	return strings.TrimSuffix(godoc.Lines(docText(lead, doc, nil, nil), "// "), "\n")
}

// Text is a doc comment of plain text, wrapped like the rest.
func Text(text string) *jen.Statement { return Doc(text, "", nil, nil) }

// deprecated returns the deprecated trait, or nil.
func deprecated(t smithy.Traits) *smithy.Deprecation {
	if d, ok := t.Deprecated(); ok {
		return &d
	}
	return nil
}
