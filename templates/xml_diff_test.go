package templates

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"pgregory.net/rapid"
)

// Differential tests: encoding/xml is the oracle for the element tree
// (local names, attributes, leaf text) and for what is malformed.
//
// Deliberate differences (we reject, encoding/xml accepts):
//   - DOCTYPE and other <!...> declarations, anywhere;
//   - non-whitespace text before the root element;
//   - nesting deeper than xmlMaxDepth;
//   - character references to surrogates (encoding/xml turns them into U+FFFD);
//   - non-ASCII names are checked against XML 1.0 fifth edition, encoding/xml
//     uses the older fourth-edition tables, so each may reject a few names the
//     other takes.
// We do not check namespace bindings (neither does encoding/xml); names are
// compared as written, prefix included, when matching end tags.

type xnode struct {
	name  string
	attrs []xml.Attr
	text  string
	kids  []*xnode
}

var errNoRoot = errors.New("no root element")

type stdResult struct {
	root *xnode
	err  error
	// Things we reject on purpose.
	directive, textBeforeRoot bool
	maxDepth                  int
}

func stdTree(data []byte) (*xnode, error) {
	r := stdParse(data)
	return r.root, r.err
}

// stdParse reads data with encoding/xml up to the end of the root element.
func stdParse(data []byte) (r stdResult) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []*xnode
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF && r.root == nil {
			r.err = errNoRoot
			return r
		}
		if err != nil {
			r.err = err
			return r
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &xnode{name: tok.Name.Local}
			for _, a := range tok.Attr {
				n.attrs = append(n.attrs, xml.Attr{Name: xml.Name{Local: a.Name.Local}, Value: a.Value})
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			} else {
				r.root = n
			}
			stack = append(stack, n)
			r.maxDepth = max(r.maxDepth, len(stack))
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return r
			}
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(tok)
			} else {
				s := string(tok)
				if off == 0 {
					s = strings.TrimPrefix(s, "\ufeff")
				}
				if strings.Trim(s, " \t\r\n") != "" {
					r.textBeforeRoot = true
				}
			}
		case xml.Directive:
			r.directive = true
		}
	}
}

// hasSurrogateRef reports a character reference to a surrogate code point.
func hasSurrogateRef(data []byte) bool {
	for i := 0; i+2 < len(data); i++ {
		if data[i] != '&' || data[i+1] != '#' {
			continue
		}
		j, base := i+2, 10
		if j < len(data) && data[j] == 'x' {
			j, base = j+1, 16
		}
		k := j
		for k < len(data) && k-j < 20 && (data[k] >= '0' && data[k] <= '9' || base == 16 && strings.IndexByte("abcdefABCDEF", data[k]) >= 0) {
			k++
		}
		if v, err := strconv.ParseUint(string(data[j:k]), base, 32); err == nil && v >= 0xD800 && v <= 0xDFFF {
			return true
		}
	}
	return false
}

func hasNonASCII(data []byte) bool {
	for _, c := range data {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// compareWalk walks our decoder along the oracle's tree.
func compareWalk(d *xmlDecoder, n *xnode, name []byte, skipKid func(int) bool) error {
	if string(name) != n.name {
		return fmt.Errorf("element name %q, want %q", name, n.name)
	}
	for i, a := range n.attrs {
		first := true
		for _, b := range n.attrs[:i] {
			if b.Name.Local == a.Name.Local {
				first = false
			}
		}
		if !first {
			continue
		}
		v, ok := d.attr(a.Name.Local)
		if !ok || string(v) != a.Value {
			return fmt.Errorf("<%s> attr %q = %q %v, want %q", n.name, a.Name.Local, v, ok, a.Value)
		}
	}
	if len(n.kids) == 0 {
		txt, err := d.text()
		if err != nil {
			return err
		}
		if string(txt) != n.text {
			return fmt.Errorf("<%s> text %q, want %q", n.name, txt, n.text)
		}
		return nil
	}
	for i, k := range n.kids {
		name, ok, err := d.next()
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("<%s> ended before child %d <%s>", n.name, i, k.name)
		}
		if skipKid(i) {
			if string(name) != k.name {
				return fmt.Errorf("element name %q, want %q", name, k.name)
			}
			if err := d.skip(); err != nil {
				return err
			}
			continue
		}
		if err := compareWalk(d, k, name, skipKid); err != nil {
			return err
		}
	}
	name, ok, err := d.next()
	if err != nil {
		return err
	}
	if ok {
		return fmt.Errorf("<%s>: extra child <%s>", n.name, name)
	}
	return nil
}

// checkAgainstStd is the differential check shared by the fuzz target and
// the property test.
// fataler is what both *testing.T and *rapid.T offer.
type fataler interface {
	Fatalf(format string, args ...any)
}

func checkAgainstStd(t fataler, data []byte, skipKid func(int) bool) {
	std := stdParse(data)
	d := newXMLDecoder(data)
	ours := walkAll(&d)
	switch {
	case std.err == nil && ours != nil:
		allowed := std.directive || std.textBeforeRoot || std.maxDepth > xmlMaxDepth || hasSurrogateRef(data) ||
			hasNonASCII(data) && strings.Contains(ours.Error(), "name")
		if !allowed {
			t.Fatalf("encoding/xml accepts %q, we reject it: %v", data, ours)
		}
		return
	case std.err != nil && ours == nil:
		if !(strings.Contains(std.err.Error(), "invalid XML name") && hasNonASCII(data)) {
			t.Fatalf("encoding/xml rejects %q (%v), we accept it", data, std.err)
		}
		return
	case std.err != nil:
		return
	}
	d = newXMLDecoder(data)
	name, err := d.root()
	if err != nil {
		t.Fatalf("%q: root: %v", data, err)
	}
	if err := compareWalk(&d, std.root, name, skipKid); err != nil {
		t.Fatalf("%q: %v", data, err)
	}
}

func FuzzXMLDecoder(f *testing.F) {
	for _, s := range []string{
		peerResponse, ec2ErrorResponse,
		`<a x="1" p:y='&lt;2&#x3e;'>t&amp;<![CDATA[<c>]]><!--c--><?p q?>u&#13;</a>`,
		"<a>\r\n<b/>\r<c>x\r\ny</c></a>",
		`<?xml version="1.0" encoding="utf-8"?><!-- c --><r><é>ü</é><名>値</名></r>`,
		`<a><b><c><d>deep</d></c></b></a>`,
		`<a>]]></a>`, `<a><!DOCTYPE x></a>`, `<a></b>`, `<a b="<"/>`, `<a>&#xD800;</a>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkAgainstStd(t, data, func(i int) bool { return (len(data)+i)%5 == 0 })
	})
}

// Generated well-formed documents: same tree as encoding/xml.
func TestXMLDifferentialRapid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var b strings.Builder
		if rapid.Bool().Draw(t, "decl") {
			q := rapid.SampledFrom([]string{`"`, `'`}).Draw(t, "declq")
			b.WriteString(`<?xml version=` + q + `1.0` + q + ` encoding=` + q + rapid.SampledFrom([]string{"UTF-8", "utf-8"}).Draw(t, "enc") + q + `?>`)
		}
		for i := rapid.IntRange(0, 2).Draw(t, "prolog"); i > 0; i-- {
			b.WriteString(rapid.SampledFrom([]string{"\n", " \t", "<!-- hi -->", "<?pi data?>", "\r\n"}).Draw(t, "p"))
		}
		genElement(t, &b, 0)
		b.WriteString(rapid.SampledFrom([]string{"", "\n", "<!-- after -->", "garbage < & ]]>", "<second/>"}).Draw(t, "trail"))
		data := []byte(b.String())
		if _, err := stdTree(data); err != nil {
			t.Fatalf("generator made a document encoding/xml rejects: %v\n%q", err, data)
		}
		skips := rapid.SliceOfN(rapid.Bool(), 8, 8).Draw(t, "skips")
		checkAgainstStd(t, data, func(i int) bool { return skips[i%8] })
	})
}

var genNames = []string{"a", "b", "Item", "member", "p:x", "q:x", "_u", "a.b-c", "x1", "é", "名前", "ns:é"}

func genElement(t *rapid.T, b *strings.Builder, depth int) {
	name := rapid.SampledFrom(genNames).Draw(t, "name")
	b.WriteString("<" + name)
	for i := rapid.IntRange(0, 3).Draw(t, "nattr"); i > 0; i-- {
		b.WriteString(rapid.SampledFrom([]string{" ", "\n  ", "\t"}).Draw(t, "sp"))
		b.WriteString(rapid.SampledFrom(genNames).Draw(t, "aname"))
		b.WriteString(rapid.SampledFrom([]string{"=", " = "}).Draw(t, "eq"))
		q := rapid.SampledFrom([]byte{'"', '\''}).Draw(t, "q")
		b.WriteByte(q)
		for j := rapid.IntRange(0, 4).Draw(t, "nseg"); j > 0; j-- {
			b.WriteString(genTextSegment(t, q))
		}
		b.WriteByte(q)
	}
	nkids := 0
	if depth < 4 {
		nkids = rapid.IntRange(0, 4).Draw(t, "nkids")
	}
	nseg := rapid.IntRange(0, 4).Draw(t, "ntext")
	if nkids == 0 && nseg == 0 && rapid.Bool().Draw(t, "selfclose") {
		b.WriteString(rapid.SampledFrom([]string{"/>", " />"}).Draw(t, "close"))
		return
	}
	b.WriteString(">")
	for i := 0; i < max(nkids, 1) || nseg > 0; i++ {
		if nseg > 0 {
			b.WriteString(genContentSegment(t))
			nseg--
		}
		if i < nkids {
			genElement(t, b, depth+1)
		}
	}
	b.WriteString("</" + name + rapid.SampledFrom([]string{">", " >", "\n>"}).Draw(t, "end"))
}

// genTextSegment writes a piece of escaped text; inside an attribute value
// delimited by quote when quote != 0.
func genTextSegment(t *rapid.T, quote byte) string {
	switch rapid.IntRange(0, 6).Draw(t, "seg") {
	case 0:
		return rapid.SampledFrom([]string{"&amp;", "&#38;", "&#x26;"}).Draw(t, "amp")
	case 1:
		return rapid.SampledFrom([]string{"&lt;", "&#60;", "&#x3C;", "&gt;", "&quot;", "&apos;"}).Draw(t, "lt")
	case 2:
		r := rapid.SampledFrom([]rune{'A', 0x9, 0xA, 0xD, 0x20, 0xE9, 0x4E2D, 0xD7FF, 0xE000, 0xFFFD, 0x10000, 0x1F600, 0x10FFFF}).Draw(t, "ref")
		if rapid.Bool().Draw(t, "hex") {
			return "&#x" + strconv.FormatInt(int64(r), 16) + ";"
		}
		return "&#" + strconv.Itoa(int(r)) + ";"
	case 3:
		return rapid.SampledFrom([]string{"\r\n", "\r", "\n", "\t", " "}).Draw(t, "ws")
	default:
		s := rapid.StringOf(rapid.SampledFrom([]rune("abc xyz0é中😀>]\"'"))).Draw(t, "raw")
		if quote == 0 {
			s = strings.ReplaceAll(s, "]]>", "]]&gt;")
		} else {
			s = strings.ReplaceAll(s, string(quote), map[byte]string{'"': "&quot;", '\'': "&apos;"}[quote])
		}
		return s
	}
}

// genContentSegment writes text, CDATA, a comment or a PI.
func genContentSegment(t *rapid.T) string {
	switch rapid.IntRange(0, 5).Draw(t, "content") {
	case 0:
		s := rapid.StringOf(rapid.SampledFrom([]rune("ab<&>]\r\n é"))).Draw(t, "cdata")
		return "<![CDATA[" + strings.ReplaceAll(s, "]]>", "") + "]]>"
	case 1:
		return rapid.SampledFrom([]string{"<!---->", "<!-- x -->", "<!--<a>&-->"}).Draw(t, "comment")
	case 2:
		return rapid.SampledFrom([]string{"<?pi?>", "<?pi a b?>", "<?x-y <&>?>"}).Draw(t, "pi")
	default:
		return genTextSegment(t, 0)
	}
}
