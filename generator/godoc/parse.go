package godoc

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

type blockKind uint8

const (
	paraBlock blockKind = iota
	codeBlock
	listBlock
)

// A block is a paragraph, a code block or a list.
type block struct {
	kind    blockKind
	para    para
	code    []string // lines without indentation
	ordered bool
	start   int // first number of an ordered list
	items   []*item
}

type item struct {
	blocks []*block
	dt     bool // started by <dt>; a following <dd> continues it
}

// A para is paragraph text with single spaces between words. Links are
// byte ranges of text; prefix ("Note:", "–") goes before the text.
type para struct {
	prefix string
	text   string
	links  []link
}

type link struct {
	start, end int
	href       string
}

// tag identifies the elements the converter knows; others are text. The
// tags after fullnameTag hold blocks.
type tag uint8

const (
	unknownTag tag = iota
	inlineTag      // markup dropped, text kept
	breakTag       // ends a paragraph
	cellTag        // table cell: a space
	aTag
	fullnameTag
	ulTag
	olTag
	dlTag
	liTag
	dtTag
	ddTag
	noteTag
	importantTag
	preTag
	examplesTag
	exampleTag  // inside <examples>, like <name> and <description>
	requestTag  // inside <examples>, like <response>
	responseTag // inside <examples>
)

var tags = map[string]tag{
	"a": aTag, "fullname": fullnameTag,
	"ul": ulTag, "ol": olTag, "dl": dlTag, "li": liTag, "dt": dtTag, "dd": ddTag,
	"note": noteTag, "important": importantTag, "pre": preTag,
	"examples": examplesTag, "example": exampleTag, "name": exampleTag,
	"description": exampleTag, "request": requestTag, "response": responseTag,
	"td": cellTag, "th": cellTag,
}

func init() {
	for _, n := range strings.Fields("p div br hr h1 h2 h3 h4 h5 h6 blockquote section table tr") {
		tags[n] = breakTag
	}
	for _, n := range strings.Fields(`code i b em strong u span replaceable link sub sup tt var
		kbd samp small big abbr cite q s strike del ins mark font img wbr`) {
		tags[n] = inlineTag
	}
}

// tagOf returns the tag of a start or end tag token from its raw text,
// which the tokenizer has already delimited. (Tokenizer.TagName copies.)
func tagOf(raw []byte) tag {
	i := 1
	if i < len(raw) && raw[i] == '/' {
		i++
	}
	var name [12]byte
	n := 0
	for ; i < len(raw); i++ {
		c := raw[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>' {
			break
		}
		if n == len(name) {
			return unknownTag
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		name[n] = c
		n++
	}
	return tags[string(name[:n])]
}

// maxDepth bounds the open lists, items and notes.
const maxDepth = 32

type frameKind uint8

const (
	rootFrame frameKind = iota
	listFrame
	itemFrame
	noteFrame
	codeFrame
	examplesFrame
)

// A frame is an open element that holds blocks.
type frame struct {
	kind   frameKind
	tag    tag
	target *[]*block // where child blocks go (not list frames)
	list   *block    // list frames
	start  int       // note frames: index of the first block in *target
	code   []byte    // code frames
}

type parser struct {
	root  []*block
	stack []frame
	slab  []block // blocks are allocated from here

	// The paragraph being written.
	buf      []byte
	links    []link
	space    bool      // a space is owed before the next word
	bufDest  *[]*block // where buf goes when flushed
	joinTerm bool      // buf holds a <dt> that the next text continues

	linkDepth int
	linkHref  string
	linkStart int // -1 until the link's first character
	linkText  bool

	skip     int // depth inside <fullname>
	examples int // depth inside <examples>
}

// reset prepares p for a new document, keeping its buffers.
func (p *parser) reset() {
	clear(p.root)
	clear(p.stack)
	clear(p.slab)
	*p = parser{
		root:      p.root[:0],
		slab:      p.slab[:0],
		stack:     append(p.stack[:0], frame{kind: rootFrame}),
		buf:       p.buf[:0],
		links:     p.links[:0],
		linkStart: -1,
	}
	p.stack[0].target = &p.root
}

func (p *parser) newBlock(b block) *block {
	if len(p.slab) == cap(p.slab) {
		p.slab = make([]block, 0, 8)
	}
	p.slab = append(p.slab, b)
	return &p.slab[len(p.slab)-1]
}

func (p *parser) parse(src string) {
	p.reset()
	if strings.IndexByte(src, '<') < 0 && strings.IndexByte(src, '&') < 0 {
		p.writeString(src)
		p.flush()
		return
	}
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			p.closeTo(1)
			p.flush()
			p.linkDepth, p.skip = 0, 0
			return
		case html.TextToken:
			if p.skip > 0 {
				continue
			}
			if f := p.top(); f.kind == codeFrame {
				f.code = append(f.code, z.Text()...)
				continue
			}
			p.write(z.Text())
		case html.StartTagToken, html.SelfClosingTagToken:
			z.NextIsNotRawText()
			p.start(z, tagOf(z.Raw()), tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			p.end(z, tagOf(z.Raw()))
		}
	}
}

func (p *parser) top() *frame { return &p.stack[len(p.stack)-1] }

func (p *parser) push(f frame) { p.stack = append(p.stack, f) }

// literal keeps an unknown tag as text.
func (p *parser) literal(z *html.Tokenizer) {
	if f := p.top(); f.kind == codeFrame {
		f.code = append(f.code, z.Raw()...)
		return
	}
	p.write(z.Raw())
}

func (p *parser) start(z *html.Tokenizer, t tag, selfClosing bool) {
	if p.skip > 0 {
		if t == fullnameTag && !selfClosing {
			p.skip++
		}
		return
	}
	if f := p.top(); f.kind == codeFrame {
		switch t {
		case unknownTag:
			f.code = append(f.code, z.Raw()...)
		case breakTag:
			f.code = append(f.code, '\n')
		}
		return
	}
	if t == exampleTag && p.examples == 0 || (t == requestTag || t == responseTag) && p.examples == 0 {
		// Outside <examples>, these are placeholders such as <name>.
		t = unknownTag
	}
	if selfClosing && t > fullnameTag {
		// An empty container holds nothing.
		return
	}
	if t > fullnameTag && len(p.stack) >= maxDepth {
		// Real documentation nests a few levels; this keeps
		// pathological input linear.
		p.softBreak()
		return
	}
	switch t {
	case unknownTag:
		p.literal(z)
	case breakTag, exampleTag:
		p.softBreak()
	case cellTag:
		p.space = true
	case fullnameTag:
		// The service title comes from the title trait instead.
		if !selfClosing {
			p.flush()
			p.skip++
		}
	case ulTag, olTag, dlTag:
		p.flush()
		l := p.newBlock(block{kind: listBlock, ordered: t == olTag, start: 1})
		if t == olTag {
			l.start = startAttr(z)
		}
		dest := p.target()
		*dest = append(*dest, l)
		p.push(frame{kind: listFrame, tag: t, list: l})
	case liTag, dtTag, ddTag:
		p.openItem(t)
	case noteTag, importantTag:
		p.flush()
		dest := p.target()
		p.push(frame{kind: noteFrame, tag: t, target: dest, start: len(*dest)})
	case examplesTag:
		p.flush()
		p.examples++
		p.push(frame{kind: examplesFrame, tag: t, target: p.target()})
	case preTag, requestTag, responseTag:
		p.flush()
		p.push(frame{kind: codeFrame, tag: t, target: p.target()})
	case aTag:
		if selfClosing {
			return
		}
		p.linkDepth++
		if p.linkDepth == 1 {
			p.linkHref = ""
			for {
				k, v, more := z.TagAttr()
				if string(k) == "href" {
					p.linkHref = string(v)
				}
				if !more {
					break
				}
			}
			p.linkStart = -1
			p.linkText = false
		}
	}
}

func (p *parser) end(z *html.Tokenizer, t tag) {
	if p.skip > 0 {
		if t == fullnameTag {
			p.skip--
		}
		return
	}
	if f := p.top(); f.kind == codeFrame && t != f.tag {
		if t == unknownTag {
			f.code = append(f.code, z.Raw()...)
		}
		return
	}
	if t == exampleTag && p.examples == 0 || (t == requestTag || t == responseTag) && p.examples == 0 {
		t = unknownTag
	}
	switch t {
	case unknownTag:
		p.literal(z)
	case breakTag, exampleTag:
		p.softBreak()
	case cellTag:
		p.space = true
	case ulTag, olTag, dlTag, liTag, dtTag, ddTag, noteTag, importantTag,
		examplesTag, preTag, requestTag, responseTag:
		p.closeTag(t)
	case aTag:
		if p.linkDepth > 0 {
			p.linkDepth--
			if p.linkDepth == 0 {
				p.endLink()
			}
		}
	}
}

// startAttr returns the start attribute of an <ol>, or 1.
func startAttr(z *html.Tokenizer) int {
	for {
		k, v, more := z.TagAttr()
		if string(k) == "start" {
			n := 0
			for _, c := range strings.TrimSpace(string(v)) {
				if c < '0' || c > '9' || n > 99999 {
					return 1
				}
				n = n*10 + int(c-'0')
			}
			return n
		}
		if !more {
			return 1
		}
	}
}

// openItem starts an <li>, <dt> or <dd> in the innermost open list.
func (p *parser) openItem(t tag) {
	i := len(p.stack) - 1
	for i > 0 && p.stack[i].kind != listFrame {
		i--
	}
	if i == 0 {
		// An item outside any list reads as a paragraph.
		p.softBreak()
		return
	}
	// Keep a <dt>'s text open for its <dd>.
	if !(t == ddTag && p.joinTerm) {
		p.flush()
	}
	p.closeTo(i + 1)
	l := p.stack[i].list
	if t == ddTag && len(l.items) > 0 && l.items[len(l.items)-1].dt {
		it := l.items[len(l.items)-1]
		it.dt = false
		p.push(frame{kind: itemFrame, tag: t, target: &it.blocks})
		return
	}
	p.joinTerm = false
	it := &item{dt: t == dtTag}
	l.items = append(l.items, it)
	p.push(frame{kind: itemFrame, tag: t, target: &it.blocks})
}

// target returns where a new block goes, opening an item if text appears
// directly inside a list.
func (p *parser) target() *[]*block {
	f := p.top()
	if f.kind != listFrame {
		return f.target
	}
	it := &item{}
	f.list.items = append(f.list.items, it)
	p.push(frame{kind: itemFrame, tag: liTag, target: &it.blocks})
	return &it.blocks
}

// closeTag closes the innermost open element t, and everything opened
// inside it. A close tag with no open element is ignored.
func (p *parser) closeTag(t tag) {
	for i := len(p.stack) - 1; i > 0; i-- {
		if p.stack[i].tag == t {
			p.closeTo(i)
			return
		}
	}
}

// closeTo closes frames until len(p.stack) == n.
func (p *parser) closeTo(n int) {
	for len(p.stack) > n {
		f := *p.top()
		if f.kind == itemFrame && f.tag == dtTag && len(p.buf) > 0 && p.bufDest == f.target {
			p.joinTerm = true
		} else {
			p.flush()
		}
		p.stack[len(p.stack)-1] = frame{}
		p.stack = p.stack[:len(p.stack)-1]
		switch f.kind {
		case codeFrame:
			if lines := codeLines(f.code); len(lines) > 0 {
				*f.target = append(*f.target, p.newBlock(block{kind: codeBlock, code: lines}))
			}
		case noteFrame:
			label := "Note:"
			if f.tag == importantTag {
				label = "Important:"
			}
			p.addLabel(f.target, f.start, label)
		case examplesFrame:
			p.examples--
		}
	}
}

// addLabel marks the blocks of a note, which start at index start.
func (p *parser) addLabel(dest *[]*block, start int, label string) {
	blocks := *dest
	if start >= len(blocks) {
		return
	}
	if b := blocks[start]; b.kind == paraBlock {
		if !hasWordPrefix(b.para.text, label[:len(label)-1]) {
			b.para.prefix = label
		}
		return
	}
	lb := p.newBlock(block{kind: paraBlock, para: para{text: label}})
	*dest = append(blocks[:start], append([]*block{lb}, blocks[start:]...)...)
}

// hasWordPrefix reports whether s starts with the word w, ignoring case.
func hasWordPrefix(s, w string) bool {
	if len(s) < len(w) || !strings.EqualFold(s[:len(w)], w) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[len(w):])
	return len(s) == len(w) || !unicode.IsLetter(r)
}

// softBreak ends the paragraph, unless it holds a <dt>, which its <dd>
// continues.
func (p *parser) softBreak() {
	if f := p.top(); p.joinTerm || f.kind == itemFrame && f.tag == dtTag {
		p.space = true
		return
	}
	p.flush()
}

// flush ends the current paragraph.
func (p *parser) flush() {
	p.joinTerm = false
	p.space = false
	if len(p.buf) == 0 {
		return
	}
	if p.linkStart >= 0 {
		p.links = append(p.links, link{p.linkStart, len(p.buf), p.linkHref})
		p.linkStart = -1
	}
	pa := para{text: string(p.buf)}
	if len(p.links) > 0 {
		pa.links = append([]link(nil), p.links...)
	}
	*p.bufDest = append(*p.bufDest, p.newBlock(block{kind: paraBlock, para: pa}))
	p.buf = p.buf[:0]
	p.links = p.links[:0]
	p.bufDest = nil
}

func (p *parser) endLink() {
	if p.linkStart >= 0 {
		p.links = append(p.links, link{p.linkStart, len(p.buf), p.linkHref})
		p.linkStart = -1
		return
	}
	if !p.linkText {
		// An empty link still says where to look.
		if u, ok := absURL(p.linkHref); ok {
			p.writeString(" " + u + " ")
		}
	}
}

func (p *parser) writeString(s string) { p.write([]byte(s)) }

// write appends text to the paragraph, collapsing white space and dropping
// characters that do not belong in Go source.
func (p *parser) write(s []byte) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c <= ' ' || c == 0x7f {
				// White space, or a control character to drop.
				p.space = p.space || c == ' ' || '\t' <= c && c <= '\r'
				i++
				continue
			}
			// Copy a run of printable ASCII at once.
			j := i + 1
			for j < len(s) && s[j] > ' ' && s[j] < 0x7f && s[j] != '[' && s[j] != ']' {
				j++
			}
			p.word(s[i:j])
			i = j
			continue
		}
		r, n := utf8.DecodeRune(s[i:])
		i += n
		switch {
		case unicode.IsSpace(r):
			p.space = true
		case dropped(r):
		default:
			var b [utf8.UTFMax]byte
			p.word(utf8.AppendRune(b[:0], r))
		}
	}
}

// word appends non-space text, after the space owed.
func (p *parser) word(w []byte) {
	if len(p.buf) == 0 {
		if p.bufDest == nil {
			p.bufDest = p.target()
		}
	} else if p.joinTerm {
		p.joinTerm = false
		last, _ := utf8.DecodeLastRune(p.buf)
		if !strings.ContainsRune(":.?!-–—", last) {
			p.buf = append(p.buf, ':')
		}
		p.space = true
	}
	if p.space && len(p.buf) > 0 {
		p.buf = append(p.buf, ' ')
	}
	p.space = false
	if p.linkDepth > 0 {
		p.linkText = true
		if p.linkStart < 0 {
			p.linkStart = len(p.buf)
		}
		// Go doc link text cannot hold brackets; write stops a run of
		// text before each one, so only w[0] can be a bracket.
		switch w[0] {
		case '[':
			p.buf = append(p.buf, '(')
			w = w[1:]
		case ']':
			p.buf = append(p.buf, ')')
			w = w[1:]
		}
	}
	p.buf = append(p.buf, w...)
}

// dropped reports whether r is a character to leave out: controls, the byte
// order mark (illegal inside Go source) and bidirectional overrides.
func dropped(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, 0x80 <= r && r < 0xa0:
		return true
	case r == 0xfeff, r == 0x200e, r == 0x200f,
		0x202a <= r && r <= 0x202e, 0x2066 <= r && r <= 0x2069:
		return true
	}
	return false
}

// codeLines cleans up preformatted text: valid UTF-8, no trailing space,
// no blank lines at either end or in a row, common indentation removed.
func codeLines(s []byte) []string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range string(s) { // invalid UTF-8 decodes as U+FFFD
		switch {
		case r == '\r':
			continue
		case r == '\n', r == '\t':
		case r == '\u00a0':
			r = ' '
		case r == 0x2028 || r == 0x2029 || r == 0x85 || r == '\f' || r == '\v':
			r = '\n'
		case dropped(r):
			continue
		}
		b.WriteRune(r)
	}
	lines := strings.Split(b.String(), "\n")
	kept := lines[:0]
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if l == "" && len(kept) > 0 && kept[len(kept)-1] == "" {
			continue // one blank line is enough
		}
		kept = append(kept, l)
	}
	lines = kept
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return nil
	}
	prefix := leadingSpace(lines[0])
	for _, l := range lines[1:] {
		if l != "" {
			prefix = commonPrefix(prefix, leadingSpace(l))
		}
	}
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(strings.TrimPrefix(l, prefix), "*/", "* /")
	}
	return lines
}

func leadingSpace(s string) string {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return s[:i]
}

func commonPrefix(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[:i]
}

// absURL returns href if it is an absolute URL that a Go doc link
// definition accepts, cleaned of characters that would break the line.
func absURL(href string) (string, bool) {
	href = strings.TrimSpace(href)
	i := strings.Index(href, "://")
	if i <= 0 {
		return "", false
	}
	scheme := strings.ToLower(href[:i])
	switch scheme {
	case "http", "https", "ftp", "file", "gopher", "nntp":
	default:
		return "", false
	}
	rest := href[i:]
	clean := true
	for _, r := range rest {
		if r <= ' ' || r == '*' || r >= utf8.RuneSelf {
			clean = false
			break
		}
	}
	if clean && scheme == href[:i] {
		return href, true
	}
	var b strings.Builder
	b.WriteString(scheme)
	for j, r := range rest {
		switch {
		case unicode.IsSpace(r):
			b.WriteString("%20")
		case r == '*' && strings.HasPrefix(rest[j:], "*/"):
			b.WriteString("%2A")
		case r == utf8.RuneError || dropped(r):
			// Leave out what cannot be in a comment.
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), true
}
