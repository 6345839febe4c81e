package godoc

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A unit is a top-level block ready to print: lists are flattened to
// paragraphs per item, since Go doc lists cannot nest.
type unit struct {
	kind    blockKind
	para    para
	code    []string
	ordered bool
	start   int
	items   [][]para
}

type renderer struct {
	width  int
	blocks []*block
	units  []unit
	out    []byte
	cuts   []int // start offsets of the lines of the paragraph being wrapped

	names   map[string]string // link name → URL
	byLink  map[string]string // link text and URL → name
	next    map[string]int    // link text → next number to try
	defs    []string          // link definition lines, in order of use
	inText  map[string]bool   // [bracketed] text in the documentation
	scanned bool              // inText is set
}

func (r *renderer) render(blocks []*block, width, size int) string {
	clear(r.names)
	clear(r.byLink)
	clear(r.next)
	clear(r.inText)
	clear(r.units)
	*r = renderer{
		width:  width,
		blocks: blocks,
		units:  r.units[:0],
		out:    r.out[:0],
		cuts:   r.cuts[:0],
		names:  r.names,
		byLink: r.byLink,
		next:   r.next,
		defs:   r.defs[:0],
		inText: r.inText,
	}
	units := r.flatten(blocks)
	r.out = slices.Grow(r.out, size+size/8)
	// A one-line paragraph between blank lines and followed by text reads
	// as a section heading to Go doc if it looks like a title; a full stop
	// prevents that.
	lastTitle := false
	for i, u := range units {
		if i > 0 {
			r.str("\n\n")
		}
		switch u.kind {
		case paraBlock:
			if n, s := r.para(u.para, "", "", r.width, r.width, true); n == 1 && i > 0 && isOldHeading(s) {
				if i+1 < len(units) {
					if units[i+1].kind == paraBlock {
						r.byte('.')
					}
				} else {
					lastTitle = true // unless no link definitions follow
				}
			}
		case codeBlock:
			for j, l := range u.code {
				if j > 0 {
					r.byte('\n')
				}
				if l != "" {
					r.byte('\t')
					r.str(l)
				}
			}
		case listBlock:
			r.list(u)
		}
	}
	for i, d := range r.defs {
		if i > 0 {
			r.byte('\n')
		} else if len(units) > 0 {
			if lastTitle {
				r.byte('.')
			}
			r.str("\n\n")
		}
		r.str(d)
	}
	return string(r.out)
}

func (r *renderer) byte(c byte)  { r.out = append(r.out, c) }
func (r *renderer) str(s string) { r.out = append(r.out, s...) }

// isOldHeading reports whether Go doc would take line, standing alone
// between blank lines and before more text, as a section heading.
func isOldHeading(line string) bool {
	first, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(first) || !unicode.IsLetter(first) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if !unicode.IsLetter(last) && !unicode.IsDigit(last) {
		return false
	}
	if strings.ContainsAny(line, ";:!?+*/=[]{}_^°&§~%#@<\">\\") {
		return false
	}
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\'':
			rest := line[i+1:]
			if rest != "s" && !strings.HasPrefix(rest, "s ") {
				return false
			}
		case '.':
			if i+1 == len(line) || line[i+1] == ' ' {
				return false
			}
		}
	}
	return true
}

// flatten turns blocks into units, flattening lists, and resolves blocks
// that Go doc would misread: a code block next to a list or starting like
// one, and lists of different kinds next to each other.
func (r *renderer) flatten(blocks []*block) []unit {
	us := r.units
	for _, b := range blocks {
		switch b.kind {
		case paraBlock:
			us = append(us, unit{kind: paraBlock, para: b.para})
		case codeBlock:
			us = append(us, unit{kind: codeBlock, code: b.code})
		case listBlock:
			var items [][]para
			for _, it := range b.items {
				if ps := flattenItem(it.blocks, nil); len(ps) > 0 {
					items = append(items, ps)
				}
			}
			if len(items) == 0 {
				continue
			}
			if n := len(us); n > 0 && us[n-1].kind == listBlock && us[n-1].ordered == b.ordered {
				us[n-1].items = append(us[n-1].items, items...)
				continue
			}
			us = append(us, unit{kind: listBlock, ordered: b.ordered, start: b.start, items: items})
		}
	}
	// An indented list right after another would join it.
	for i := 1; i < len(us); i++ {
		if us[i].kind == listBlock && us[i-1].kind == listBlock {
			paras := nestedParas(us[i].items, us[i].ordered, us[i].start)
			us = slices.Replace(us, i, i+1, paras...)
			i += len(paras) - 1
		}
	}
	for i := range us {
		if us[i].kind != codeBlock {
			continue
		}
		// Go doc takes an indented block whose first line looks like a
		// list item for a list.
		if i > 0 && us[i-1].kind == listBlock || i+1 < len(us) && us[i+1].kind == listBlock ||
			listLike(us[i].code[0]) {
			us[i] = unit{kind: paraBlock, para: codePara(us[i].code)}
		}
	}
	r.units = us
	return us
}

func codePara(lines []string) para {
	return para{text: strings.Join(strings.Fields(strings.Join(lines, " ")), " ")}
}

// nestedParas renders list items as paragraphs marked "–" or "(n)".
func nestedParas(items [][]para, ordered bool, start int) []unit {
	var us []unit
	for k, ps := range items {
		mark := "–"
		if ordered {
			mark = "(" + strconv.Itoa(start+k) + ")"
		}
		ps[0].prefix = strings.TrimSpace(mark + " " + ps[0].prefix)
		for _, p := range ps {
			us = append(us, unit{kind: paraBlock, para: p})
		}
	}
	return us
}

// flattenItem appends the paragraphs of a list item's blocks to out.
func flattenItem(blocks []*block, out []para) []para {
	for _, b := range blocks {
		switch b.kind {
		case paraBlock:
			out = append(out, b.para)
		case codeBlock:
			out = append(out, codePara(b.code))
		case listBlock:
			n := b.start
			for _, it := range b.items {
				sub := flattenItem(it.blocks, nil)
				if len(sub) == 0 {
					continue
				}
				mark := "–"
				if b.ordered {
					mark = "(" + strconv.Itoa(n) + ")"
					n++
				}
				sub[0].prefix = strings.TrimSpace(mark + " " + sub[0].prefix)
				out = append(out, sub...)
			}
		}
	}
	return joinMarkers(out)
}

// joinMarkers joins each paragraph of a list item that starts like a list
// marker to the one before, since it would start a new item.
func joinMarkers(ps []para) []para {
	out := ps[:0]
	for i := 0; i < len(ps); {
		j := i + 1
		for j < len(ps) && ps[j].prefix == "" && isMarker(firstWord(ps[j].text)) {
			j++
		}
		if j == i+1 {
			out = append(out, ps[i])
			i = j
			continue
		}
		var b strings.Builder
		var links []link
		for k := i; k < j; k++ {
			if k > i {
				b.WriteByte(' ')
			}
			for _, l := range ps[k].links {
				links = append(links, link{l.start + b.Len(), l.end + b.Len(), l.href})
			}
			b.WriteString(ps[k].text)
		}
		out = append(out, para{prefix: ps[i].prefix, text: b.String(), links: links})
		i = j
	}
	return out
}

// listLike reports whether Go doc would read line as starting a list item.
func listLike(line string) bool {
	line = strings.TrimSpace(line)
	r, n := utf8.DecodeRuneInString(line)
	if r != '•' && r != '*' && r != '+' && r != '-' {
		n = 0
		for n < len(line) && '0' <= line[n] && line[n] <= '9' {
			n++
		}
		if n == 0 || n == len(line) || line[n] != '.' && line[n] != ')' {
			return false
		}
		n++
	}
	rest := line[n:]
	return rest != "" && (rest[0] == ' ' || rest[0] == '\t') && strings.TrimSpace(rest) != ""
}

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// isMarker reports whether w followed by text starts a Go doc list item.
func isMarker(w string) bool {
	switch w {
	case "-", "*", "+", "•":
		return true
	}
	n := 0
	for n < len(w) && '0' <= w[n] && w[n] <= '9' {
		n++
	}
	return n > 0 && n == len(w)-1 && (w[n] == '.' || w[n] == ')')
}

func (r *renderer) list(u unit) {
	loose := false
	for _, ps := range u.items {
		if len(ps) > 1 {
			loose = true
		}
	}
	rest := r.width
	if rest > 0 {
		rest = max(rest-4, 1)
	}
	for k, ps := range u.items {
		if k > 0 {
			r.byte('\n')
			if loose {
				r.byte('\n')
			}
		}
		mark := "  - "
		if u.ordered {
			mark = " " + strconv.Itoa(u.start+k) + ". "
		}
		first := rest
		if r.width > 0 {
			first = max(r.width-utf8.RuneCountInString(mark), 1)
		}
		r.para(ps[0], mark, "    ", first, rest, false)
		for _, p := range ps[1:] {
			r.str("\n\n")
			r.para(p, "    ", "    ", rest, rest, false)
		}
	}
}

// para writes a paragraph wrapped into lines of at most first (then rest)
// runes where words allow, the first line indented by mark and the others
// by indent; top is true outside lists. It returns the number of lines.
func (r *renderer) para(p para, mark, indent string, first, rest int, top bool) (int, string) {
	s := r.paraText(p)
	if top && strings.HasPrefix(s, "go:") {
		// Keep the line from reading as a //go: directive.
		w, after, _ := strings.Cut(s, " ")
		s = `"` + w + `"`
		if after != "" {
			s += " " + after
		}
	}
	r.wrap(s, first, rest)
	cuts := r.cuts
	if allLinkDefs(s, cuts) || top && len(cuts) == 1 && strings.HasPrefix(s, "# ") {
		// Break the line so that it is neither a link definition
		// nor a "# heading".
		if i := strings.IndexByte(s, ' '); i >= 0 && (len(cuts) == 1 || i+1 < cuts[1]) {
			cuts = append(cuts, 0)
			copy(cuts[2:], cuts[1:])
			cuts[1] = i + 1
		}
	}
	for k, c := range cuts {
		end := len(s)
		if k+1 < len(cuts) {
			end = cuts[k+1] - 1
		}
		if k == 0 {
			r.str(mark)
		} else {
			r.byte('\n')
			r.str(indent)
		}
		r.str(s[c:end])
	}
	r.cuts = cuts
	return len(cuts), s
}

// paraText returns the text of p with its prefix and links.
func (r *renderer) paraText(p para) string {
	if p.prefix == "" && len(p.links) == 0 {
		return fixText(p.text)
	}
	var b strings.Builder
	b.Grow(len(p.prefix) + len(p.text) + 16)
	if p.prefix != "" {
		b.WriteString(p.prefix)
		b.WriteByte(' ')
	}
	pos := 0
	open := false // an unmatched [ precedes
	for _, l := range p.links {
		if l.start < pos || l.end > len(p.text) || l.start >= l.end {
			continue
		}
		plain := p.text[pos:l.start]
		if i := strings.LastIndexAny(plain, "[]"); i >= 0 {
			open = plain[i] == '['
		}
		b.WriteString(plain)
		b.WriteString(r.linkText(p.text[l.start:l.end], l.href, open))
		pos = l.end
	}
	b.WriteString(p.text[pos:])
	return fixText(b.String())
}

// linkText returns the text for a link: "[name]" with a definition, or the
// plain text when the URL is relative or is the text itself. Go doc maps a
// name to one URL, so the same text for another URL gets a number.
//
// After an unmatched [ in the paragraph, Go doc would not see the link, so
// the URL follows the text instead.
func (r *renderer) linkText(text, href string, open bool) string {
	u, ok := absURL(href)
	if !ok || text == u || text == strings.TrimSpace(href) {
		return text
	}
	if open {
		return text + " (" + u + ")"
	}
	text = fixText(text)
	key := text + "\x00" + u
	if name, ok := r.byLink[key]; ok {
		return "[" + name + "]"
	}
	if r.names == nil {
		r.names = make(map[string]string)
		r.byLink = make(map[string]string)
		r.next = make(map[string]int)
	}
	r.scan()
	n := max(r.next[text], 1)
	name := text
	for {
		if n > 1 {
			name = text + " (" + strconv.Itoa(n) + ")"
		}
		if _, taken := r.names[name]; !taken && !r.inText[name] {
			break
		}
		n++
	}
	r.next[text] = n + 1
	r.names[name] = u
	r.byLink[key] = name
	r.defs = append(r.defs, "["+name+"]: "+u)
	return "[" + name + "]"
}

// scan collects the text that Go doc would look up as a link name: what
// follows the first [ after the last ], up to the next ], without [s.
func (r *renderer) scan() {
	if r.scanned {
		return
	}
	r.scanned = true
	var walk func([]*block)
	walk = func(bs []*block) {
		for _, bl := range bs {
			r.brackets(bl.para.text)
			if bl.code != nil {
				r.brackets(strings.Join(bl.code, " ")) // may become text
			}
			for _, it := range bl.items {
				walk(it.blocks)
			}
		}
	}
	walk(r.blocks)
}

func (r *renderer) brackets(s string) {
	start := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			if start < 0 {
				start = i + 1
			}
		case ']':
			if start >= 0 {
				if r.inText == nil {
					r.inText = make(map[string]bool)
				}
				name := strings.ReplaceAll(s[start:i], "[", "")
				r.inText[strings.Join(strings.Fields(fixText(name)), " ")] = true
				start = -1
			}
		}
	}
}

// allLinkDefs reports whether Go doc would take every line of s, which
// start at cuts, for a link definition ("[text]: URL"), which would remove
// the paragraph.
func allLinkDefs(s string, cuts []int) bool {
	if s == "" || s[0] != '[' {
		return false
	}
	for k, c := range cuts {
		l := s[c:]
		if k+1 < len(cuts) {
			l = s[c : cuts[k+1]-1]
		}
		if l == "" || l[0] != '[' {
			return false
		}
		i := strings.Index(l, "]:")
		if i < 0 || i+3 >= len(l) || l[i+2] != ' ' && l[i+2] != '\t' {
			return false
		}
		u := strings.TrimSpace(l[i+3:])
		j := strings.Index(u, "://")
		if j < 0 {
			return false
		}
		switch u[:j] {
		case "file", "ftp", "gopher", "http", "https", "mailto", "nntp":
		default:
			return false
		}
	}
	return true
}

// fixText rewrites what Go doc or a Go comment would read differently. Go
// doc shows a doubled backtick or single quote as a curly quotation mark;
// in AWS documentation they are Markdown code, or an SQL-style escaped
// apostrophe inside a word, so they become a single backtick (as does any
// longer run) or apostrophe.
// Elsewhere a doubled single quote becomes the closing quote Go doc would
// show. And */ would end a block comment.
func fixText(s string) string {
	if !strings.ContainsAny(s, "`'/") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		switch {
		case s[i] == '`':
			j := i
			for j < len(s) && s[j] == '`' {
				j++
			}
			// Go doc's handling of longer runs depends on where they
			// start, so no run survives.
			b.WriteByte('`')
			i = j
		case strings.HasPrefix(s[i:], "''"):
			before, _ := utf8.DecodeLastRuneInString(s[:i])
			after, _ := utf8.DecodeRuneInString(s[i+2:])
			if unicode.IsLetter(before) && unicode.IsLetter(after) {
				b.WriteByte('\'')
			} else {
				b.WriteString("”")
			}
			i += 2
		case strings.HasPrefix(s[i:], "*/"):
			b.WriteString("* /")
			i += 2
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}

// wrap sets r.cuts to where the lines of s start when its words are
// wrapped at first (then rest) runes, or to one line if the limit is zero
// or less. A line never starts with a list marker or "go:" unless s does:
// the word before moves down with it.
func (r *renderer) wrap(s string, first, rest int) {
	cuts := append(r.cuts[:0], 0)
	line, n, prev := 0, 0, -1
	for word := 0; word <= len(s); {
		end := strings.IndexByte(s[word:], ' ')
		if end < 0 {
			end = len(s)
		} else {
			end += word
		}
		w := s[word:end]
		wl := utf8.RuneCountInString(w)
		limit := rest
		if len(cuts) == 1 {
			limit = first
		}
		switch {
		case word == line:
			n = wl
		case limit <= 0 || n+1+wl <= limit:
			n += 1 + wl
		case !hazard(w):
			cuts = append(cuts, word)
			line, n = word, wl
		case prev > line && !hazard(s[prev:word-1]):
			cuts = append(cuts, prev)
			line = prev
			n = utf8.RuneCountInString(s[prev:word-1]) + 1 + wl
		default:
			n += 1 + wl
		}
		prev = word
		word = end + 1
	}
	r.cuts = cuts
}

func hazard(w string) bool {
	return isMarker(w) || strings.HasPrefix(w, "go:")
}
