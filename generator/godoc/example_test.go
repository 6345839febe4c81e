package godoc_test

import (
	"fmt"

	"github.com/smithy2go/smithy2go/generator/godoc"
)

func ExampleComment() {
	doc := `<p>The tags to apply. See <a href="https://docs.aws.amazon.com/tagging">Tagging</a>.</p>
<note><p>The <code>Valid Values</code> list all resource types.</p></note>
<ul><li><p>Keys are case-sensitive.</p></li><li><p>May not begin with <code>aws:</code>.</p></li></ul>`
	fmt.Print(godoc.Lines(godoc.Comment(doc, 60), "// "))
	// Output:
	// // The tags to apply. See [Tagging].
	// //
	// // Note: The Valid Values list all resource types.
	// //
	// //   - Keys are case-sensitive.
	// //   - May not begin with aws:.
	// //
	// // [Tagging]: https://docs.aws.amazon.com/tagging
}

func ExampleConvert() {
	text := godoc.Convert("<p>The old name.</p>", godoc.Options{
		Width:      80,
		Deprecated: &godoc.Deprecation{Message: "Use NewName instead."},
	})
	fmt.Print(godoc.Lines(text, "// "))
	// Output:
	// // The old name.
	// //
	// // Deprecated: Use NewName instead.
}
