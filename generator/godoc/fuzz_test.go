package godoc

import (
	"testing"
)

// FuzzComment checks that any input converts without panicking into
// deterministic, gofmt-stable Go doc text with no headings, unused links,
// trailing spaces, directives or comment terminators. The seed corpus in
// testdata/fuzz/FuzzComment holds real documentation (files real_*) and
// edge cases (edge_*).
func FuzzComment(f *testing.F) {
	for _, d := range realDocs {
		f.Add(d.html, 80)
	}
	f.Fuzz(func(t *testing.T, html string, width int) {
		width %= 200
		out := Comment(html, width)
		if again := Comment(html, width); again != out {
			t.Fatalf("not deterministic:\n%s\n---\n%s", out, again)
		}
		checkProblems(t, html, out)
		dep := Convert(html, Options{Width: width, Deprecated: &Deprecation{Message: html}})
		checkProblems(t, html, dep)
	})
}
