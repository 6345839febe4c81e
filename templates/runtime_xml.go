package templates

import (
	"bytes"
	"encoding/base64"
	"errors"
	"math"
	"strconv"
	"time"
	"unicode/utf8"
)

// xmlMaxDepth bounds element nesting; generated decoders recurse once per level.
const xmlMaxDepth = 1024

// xmlInlineDepth open elements are tracked inside the decoder; deeper ones
// spill to a slice.
const xmlInlineDepth = 16

// xmlDecoder is a pull parser over a complete XML document. It hands out
// slices of the input, so it allocates nothing per token; text that needs
// decoding (entities, CDATA sections, \r) goes through one reused buffer.
// It does not resolve namespaces: prefixes are dropped from names. Stricter
// than encoding/xml, it rejects DOCTYPE and other declarations, text before
// the root, nesting deeper than xmlMaxDepth and references to surrogates.
type xmlDecoder struct {
	data []byte
	pos  int

	// Where the names of the open elements are in data.
	names  [xmlInlineDepth]xmlSpan
	deeper []xmlSpan
	depth  int

	started bool
	empty   bool // the element just entered was self-closing
	// Attributes of the element just entered: data[attrFrom:attrTo].
	attrFrom, attrTo int

	// The value being read by text(): a slice of data until some decoding
	// is needed, then scratch.
	val       []byte
	valCopied bool
	valAt     int     // where the value started, for errors
	valName   xmlSpan // name of the element the value belongs to
	scratch   []byte
	fold      []byte // the last name nextFold folded

	err error // sticky: once failed, every call returns it
}

type xmlSpan struct{ from, to int }

func newXMLDecoder(data []byte) xmlDecoder {
	return xmlDecoder{data: data}
}

// Byte classes for scanning character data and attribute values.
const (
	xcLT    = 1 << iota // '<'
	xcAmp               // '&'
	xcCR                // '\r', normalized to '\n'
	xcGT                // '>', to catch "]]>" in text
	xcQuote             // '"' and '\''
	xcHigh              // start of a multi-byte UTF-8 sequence
	xcBad               // control characters XML does not allow

	xmlTextStop = xcLT | xcAmp | xcCR | xcGT | xcHigh | xcBad
	xmlAttrStop = xcLT | xcAmp | xcCR | xcQuote | xcHigh | xcBad
)

var xmlByteClass = func() (t [256]uint8) {
	for c := 0; c < 0x20; c++ {
		t[c] = xcBad
	}
	t['\t'], t['\n'] = 0, 0
	t['\r'] = xcCR
	t['<'], t['&'], t['>'] = xcLT, xcAmp, xcGT
	t['"'], t['\''] = xcQuote, xcQuote
	for c := 0x80; c < 0x100; c++ {
		t[c] = xcHigh
	}
	return t
}()

// Name byte classes: ASCII name-start and name characters; non-ASCII bytes
// are checked as runes by xmlNameRune.
const (
	xnStart = 1 << iota // may start a name
	xnChar              // may continue a name (':' excepted, it is counted)
	xnColon
	xnHigh
)

var xmlNameByte = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = xnStart|xnChar, xnStart|xnChar
	}
	t['_'], t[':'] = xnStart|xnChar, xnStart|xnColon
	for c := '0'; c <= '9'; c++ {
		t[c] = xnChar
	}
	t['-'], t['.'] = xnChar, xnChar
	for c := 0x80; c < 0x100; c++ {
		t[c] = xnHigh
	}
	return t
}()

// xmlNameRune reports whether a non-ASCII rune may appear in a name (XML 1.0
// fifth edition, NameStartChar and NameChar).
func xmlNameRune(r rune, first bool) bool {
	switch {
	case r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF,
		r >= 0x370 && r <= 0x37D, r >= 0x37F && r <= 0x1FFF, r == 0x200C, r == 0x200D,
		r >= 0x2070 && r <= 0x218F, r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF,
		r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return true
	case first:
		return false
	}
	return r == 0xB7 || r >= 0x300 && r <= 0x36F || r == 0x203F || r == 0x2040
}

// xmlIsChar reports whether r is allowed in an XML document (the Char production).
func xmlIsChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

func xmlIsSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r'
}

// fail records and returns a syntax error at offset at, with its line and
// column (1-based, columns in characters).
func (d *xmlDecoder) fail(at int, msg string) error {
	if d.err != nil {
		return d.err
	}
	if at > len(d.data) {
		at = len(d.data)
	}
	line, lineStart := 1, 0
	for i := 0; i < at; i++ {
		if d.data[i] == '\n' {
			line++
			lineStart = i + 1
		}
	}
	col := utf8.RuneCount(d.data[lineStart:at]) + 1
	d.err = errors.New("xml: line " + strconv.Itoa(line) + ", column " + strconv.Itoa(col) + ": " + msg)
	return d.err
}

func (d *xmlDecoder) failEOF() error {
	if d.depth == 0 {
		return d.fail(len(d.data), "unexpected end of input")
	}
	return d.fail(len(d.data), "unexpected end of input: <"+string(d.name(d.top()))+"> is not closed")
}

// scanName returns the end of the name starting at i, or -1 if there is no
// valid name there.
func (d *xmlDecoder) scanName(i int) int {
	data := d.data
	start, colons := i, 0
scan:
	for i < len(data) {
		switch k := xmlNameByte[data[i]]; {
		case k&xnChar != 0 && (i > start || k&xnStart != 0):
			i++
			for i < len(data) && xmlNameByte[data[i]]&xnChar != 0 {
				i++
			}
		case k == xnColon|xnStart:
			colons++
			i++
		case k == xnHigh:
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 || !xmlNameRune(r, i == start) {
				return -1
			}
			i += n
		default:
			break scan
		}
	}
	// Like encoding/xml, a name may have at most one ':'.
	if i == start || colons > 1 {
		return -1
	}
	return i
}

// name returns the bytes of a span.
func (d *xmlDecoder) name(s xmlSpan) []byte {
	return d.data[s.from:s.to]
}

// nameAt returns the (already checked) name starting at i.
func (d *xmlDecoder) nameAt(i int) []byte {
	j := i
	for j < len(d.data) && xmlNameByte[d.data[j]] != 0 {
		j++
	}
	return d.data[i:j]
}

// xmlLocal drops a namespace prefix.
func xmlLocal(name []byte) []byte {
	if k := bytes.IndexByte(name, ':'); k > 0 && k < len(name)-1 {
		return name[k+1:]
	}
	return name
}

func (d *xmlDecoder) push(name xmlSpan) {
	if d.depth < xmlInlineDepth {
		d.names[d.depth] = name
	} else {
		d.deeper = append(d.deeper[:d.depth-xmlInlineDepth], name)
	}
	d.depth++
}

func (d *xmlDecoder) top() xmlSpan {
	if k := d.depth - 1; k < xmlInlineDepth {
		return d.names[k]
	}
	return d.deeper[d.depth-1-xmlInlineDepth]
}

// root skips the prolog (XML declaration, comments, processing instructions,
// whitespace), enters the root element and returns its local name.
func (d *xmlDecoder) root() ([]byte, error) {
	if d.err != nil {
		return nil, d.err
	}
	if d.started {
		return nil, d.fail(d.pos, "root already read")
	}
	d.started = true
	data := d.data
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		d.pos = 3
	}
	for {
		for d.pos < len(data) && xmlIsSpace(data[d.pos]) {
			d.pos++
		}
		i := d.pos
		switch {
		case len(data) == 0:
			return nil, d.fail(0, "empty document")
		case i >= len(data):
			return nil, d.fail(i, "no root element")
		case data[i] != '<':
			return nil, d.fail(i, "text before the root element")
		case i+1 >= len(data):
			return nil, d.failEOF()
		}
		var err error
		switch c := data[i+1]; {
		case c == '?':
			err = d.procInst()
		case bytes.HasPrefix(data[i:], []byte("<!--")):
			err = d.comment()
		case bytes.HasPrefix(data[i:], []byte("<!DOCTYPE")):
			return nil, d.fail(i, "DOCTYPE is not supported")
		case c == '!' || c == '/':
			return nil, d.fail(i, "expected the root element")
		default:
			return d.startTag()
		}
		if err != nil {
			return nil, err
		}
	}
}

// next moves to the next child element of the current element, enters it
// and returns its local name. At the current element's end tag it consumes
// it and returns ok == false. Text, comments and PIs in between are skipped
// (but checked).
func (d *xmlDecoder) next() (name []byte, ok bool, err error) {
	if d.err != nil {
		return nil, false, d.err
	}
	d.attrFrom, d.attrTo = 0, 0
	if d.empty {
		d.empty = false
		d.depth--
		return nil, false, nil
	}
	if d.depth == 0 {
		return nil, false, d.fail(d.pos, "no open element")
	}
	data := d.data
	for {
		if err := d.charData(false); err != nil {
			return nil, false, err
		}
		i := d.pos
		if i+1 >= len(data) {
			return nil, false, d.failEOF()
		}
		switch data[i+1] {
		case '/':
			return nil, false, d.endTag()
		case '?':
			err = d.procInst()
		case '!':
			err = d.markup(false)
		default:
			name, err = d.startTag()
			return name, err == nil, err
		}
		if err != nil {
			return nil, false, err
		}
	}
}

// nextFold is next with the name's ASCII letters folded to lower case:
// generated decoders match element names case-insensitively, as the AWS
// SDK does (a model's "message" member reads <Message>). The name is valid
// until the next call.
func (d *xmlDecoder) nextFold() (name []byte, ok bool, err error) {
	name, ok, err = d.next()
	if !ok {
		return nil, ok, err
	}
	for i, c := range name {
		if 'A' <= c && c <= 'Z' {
			if d.fold == nil {
				d.fold = make([]byte, 0, 64) // once per document
			}
			b := append(d.fold[:0], name...)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			d.fold = b
			return b, true, nil
		}
	}
	return name, true, nil
}

// markup handles "<!" in content: a comment or a CDATA section (kept as
// text with keep).
func (d *xmlDecoder) markup(keep bool) error {
	rest := d.data[d.pos:]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		return d.comment()
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		return d.cdata(keep)
	}
	return d.fail(d.pos, "unsupported markup (DOCTYPE and other declarations are not allowed)")
}

// skip consumes the rest of the current element, children included.
func (d *xmlDecoder) skip() error {
	for level := 1; level > 0; {
		_, ok, err := d.next()
		if err != nil {
			return err
		}
		if ok {
			level++
		} else {
			level--
		}
	}
	return nil
}

// attr returns the value of the attribute with the given local name on the
// element just entered, matched case-insensitively as element names are.
// The bytes are valid until the next decoder call.
func (d *xmlDecoder) attr(local string) ([]byte, bool) {
	data := d.data
	for i := d.attrFrom; i < d.attrTo; {
		for i < d.attrTo && xmlIsSpace(data[i]) {
			i++
		}
		if i >= d.attrTo {
			break
		}
		name := d.nameAt(i)
		i += len(name)
		for data[i] != '"' && data[i] != '\'' {
			i++ // spaces and '='; checked by startTag
		}
		q := data[i]
		i++
		end := i + bytes.IndexByte(data[i:], q)
		if bytes.EqualFold(xmlLocal(name), []byte(local)) {
			return d.attrValue(data[i:end]), true
		}
		i = end + 1
	}
	return nil, false
}

// attrValue decodes an attribute value that startTag has already checked.
func (d *xmlDecoder) attrValue(v []byte) []byte {
	if bytes.IndexByte(v, '&') < 0 && bytes.IndexByte(v, '\r') < 0 {
		return v
	}
	out := d.scratch[:0]
	for i := 0; i < len(v); {
		switch c := v[i]; c {
		case '&':
			r, n := xmlEntity(v[i:])
			out = utf8.AppendRune(out, r)
			i += n
		case '\r':
			out = append(out, '\n')
			i++
			if i < len(v) && v[i] == '\n' {
				i++
			}
		default:
			out = append(out, c)
			i++
		}
	}
	d.scratch = out
	return out
}

// startTag reads the start tag at d.pos, enters the element and returns its
// local name.
func (d *xmlDecoder) startTag() ([]byte, error) {
	data := d.data
	at := d.pos
	nameAt := at + 1
	nameEnd := d.scanName(nameAt)
	if nameEnd < 0 {
		return nil, d.fail(nameAt, "expected an element name after <")
	}
	if d.depth >= xmlMaxDepth {
		return nil, d.fail(at, "elements nested more than "+strconv.Itoa(xmlMaxDepth)+" deep")
	}
	i := nameEnd
	for {
		for i < len(data) && xmlIsSpace(data[i]) {
			i++
		}
		if i >= len(data) {
			return nil, d.fail(i, "unexpected end of input in start tag <"+string(data[nameAt:nameEnd])+">")
		}
		if c := data[i]; c == '>' || c == '/' {
			d.attrFrom, d.attrTo = nameEnd, i
			if c == '/' {
				if i+1 >= len(data) || data[i+1] != '>' {
					return nil, d.fail(i, "expected /> in element <"+string(data[nameAt:nameEnd])+">")
				}
				d.empty = true
				i++
			}
			d.pos = i + 1
			d.push(xmlSpan{nameAt, nameEnd})
			return xmlLocal(data[nameAt:nameEnd]), nil
		}
		aStart, aEnd := i, d.scanName(i)
		if aEnd < 0 {
			return nil, d.fail(i, "expected an attribute name in element <"+string(data[nameAt:nameEnd])+">")
		}
		i = aEnd
		for i < len(data) && xmlIsSpace(data[i]) {
			i++
		}
		if i >= len(data) || data[i] != '=' {
			return nil, d.fail(i, "attribute "+string(data[aStart:aEnd])+" without = in element <"+string(data[nameAt:nameEnd])+">")
		}
		i++
		for i < len(data) && xmlIsSpace(data[i]) {
			i++
		}
		if i >= len(data) || data[i] != '"' && data[i] != '\'' {
			return nil, d.fail(i, "unquoted or missing attribute value in element <"+string(data[nameAt:nameEnd])+">")
		}
		var err error
		if i, err = d.attrEnd(i+1, data[i]); err != nil {
			return nil, err
		}
	}
}

// attrEnd checks an attribute value starting at i and returns the offset
// just after its closing quote.
func (d *xmlDecoder) attrEnd(i int, quote byte) (int, error) {
	data := d.data
	start := i - 1
	for {
		for i < len(data) && xmlByteClass[data[i]]&xmlAttrStop == 0 {
			i++
		}
		if i >= len(data) {
			return 0, d.fail(start, "unterminated attribute value")
		}
		switch c := data[i]; {
		case c == quote:
			return i + 1, nil
		case c == '"' || c == '\'' || c == '\r':
			i++
		case c == '<':
			return 0, d.fail(i, "unescaped < in attribute value")
		case c == '&':
			_, n := xmlEntity(data[i:])
			if n == 0 {
				return 0, d.failEntity(i)
			}
			i += n
		case c >= utf8.RuneSelf:
			var err error
			if i, err = d.checkRune(i); err != nil {
				return 0, err
			}
		default:
			return 0, d.fail(i, "illegal character code "+xmlCharCode(rune(c)))
		}
	}
}

func xmlCharCode(r rune) string {
	return "U+" + strconv.FormatInt(int64(r), 16)
}

// checkRune checks the multi-byte character at i and returns its end.
func (d *xmlDecoder) checkRune(i int) (int, error) {
	r, n := utf8.DecodeRune(d.data[i:])
	if r == utf8.RuneError && n == 1 {
		return 0, d.fail(i, "invalid UTF-8")
	}
	if !xmlIsChar(r) {
		return 0, d.fail(i, "illegal character code "+xmlCharCode(r))
	}
	return i + n, nil
}

// xmlEntity decodes the entity or character reference at the start of b
// ("&amp;", "&#38;", "&#x26;"). n is 0 when it is not valid.
func xmlEntity(b []byte) (r rune, n int) {
	i := 1
	if i < len(b) && b[i] == '#' {
		i++
		hex := i < len(b) && b[i] == 'x'
		if hex {
			i++
		}
		start := i
		for ; i < len(b); i++ {
			c, v := b[i], rune(-1)
			switch {
			case '0' <= c && c <= '9':
				v = rune(c - '0')
			case hex && 'a' <= c && c <= 'f':
				v = rune(c-'a') + 10
			case hex && 'A' <= c && c <= 'F':
				v = rune(c-'A') + 10
			}
			if v < 0 {
				break
			}
			if r <= utf8.MaxRune {
				if hex {
					r = r*16 + v
				} else {
					r = r*10 + v
				}
			}
		}
		if i == start || i >= len(b) || b[i] != ';' || !xmlIsChar(r) {
			return 0, 0
		}
		return r, i + 1
	}
	end := bytes.IndexByte(b[:min(len(b), 6)], ';')
	if end < 0 {
		return 0, 0
	}
	switch string(b[1:end]) {
	case "lt":
		r = '<'
	case "gt":
		r = '>'
	case "amp":
		r = '&'
	case "apos":
		r = '\''
	case "quot":
		r = '"'
	default:
		return 0, 0
	}
	return r, end + 1
}

func (d *xmlDecoder) failEntity(i int) error {
	ref := d.data[i:min(len(d.data), i+12)]
	if k := bytes.IndexByte(ref, ';'); k >= 0 {
		ref = ref[:k+1]
	}
	return d.fail(i, "invalid character entity "+strconv.Quote(string(ref)))
}

// endTag reads the end tag at d.pos, which must close the current element.
func (d *xmlDecoder) endTag() error {
	data := d.data
	at := d.pos
	i := at + 2
	open := d.name(d.top())
	end := i + len(open)
	// The open name is valid, so a byte-equal name ending there matches.
	if end > len(data) || !bytes.Equal(data[i:end], open) || end < len(data) && xmlNameByte[data[end]] != 0 {
		end = d.scanName(i)
		if end < 0 {
			return d.fail(i, "expected an element name after </")
		}
		return d.fail(at, "expected </"+string(open)+">, found </"+string(data[i:end])+">")
	}
	i = end
	for i < len(data) && xmlIsSpace(data[i]) {
		i++
	}
	if i >= len(data) {
		return d.failEOF()
	}
	if data[i] != '>' {
		return d.fail(i, "invalid characters in end tag </"+string(open)+">")
	}
	d.pos = i + 1
	d.depth--
	return nil
}

// charData scans character data from d.pos to the next '<' or the end of
// input, checking it. With keep it adds the decoded text to the value.
func (d *xmlDecoder) charData(keep bool) error {
	data := d.data
	i := d.pos
	start, run := i, i
	for {
		for i < len(data) && xmlByteClass[data[i]]&xmlTextStop == 0 {
			i++
		}
		if i >= len(data) || data[i] == '<' {
			break
		}
		switch c := data[i]; {
		case c == '&':
			r, n := xmlEntity(data[i:])
			if n == 0 {
				return d.failEntity(i)
			}
			if keep {
				d.valAdd(data[run:i])
				d.valRune(r)
			}
			i += n
			run = i
		case c == '\r':
			if keep {
				d.valAdd(data[run:i])
				d.valRune('\n')
			}
			i++
			if i < len(data) && data[i] == '\n' {
				i++
			}
			run = i
		case c == '>':
			if i-2 >= start && data[i-1] == ']' && data[i-2] == ']' {
				return d.fail(i-2, "unescaped ]]> not in a CDATA section")
			}
			i++
		case c >= utf8.RuneSelf:
			var err error
			if i, err = d.checkRune(i); err != nil {
				return err
			}
		default:
			return d.fail(i, "illegal character code "+xmlCharCode(rune(c)))
		}
	}
	if keep {
		d.valAdd(data[run:i])
	}
	d.pos = i
	return nil
}

// valAdd appends a slice of the input to the value, copying only once the
// value stops being one contiguous slice of the input.
func (d *xmlDecoder) valAdd(seg []byte) {
	switch {
	case len(seg) == 0:
	case d.valCopied:
		d.scratch = append(d.scratch, seg...)
	case len(d.val) == 0:
		d.val = seg
	default:
		d.scratch = append(append(d.scratch[:0], d.val...), seg...)
		d.valCopied = true
	}
}

// valRune appends decoded text, which always needs the scratch buffer.
func (d *xmlDecoder) valRune(r rune) {
	if !d.valCopied {
		d.scratch = append(d.scratch[:0], d.val...)
		d.valCopied = true
	}
	d.scratch = utf8.AppendRune(d.scratch, r)
}

// comment skips the comment at d.pos.
func (d *xmlDecoder) comment() error {
	body := d.pos + 4
	k := bytes.Index(d.data[body:], []byte("--"))
	if k < 0 || body+k+2 >= len(d.data) {
		return d.fail(d.pos, "unterminated comment")
	}
	if d.data[body+k+2] != '>' {
		return d.fail(body+k, `"--" inside a comment`)
	}
	d.pos = body + k + 3
	return nil
}

// cdata reads the CDATA section at d.pos, adding it to the value with keep.
func (d *xmlDecoder) cdata(keep bool) error {
	data := d.data
	i := d.pos + len("<![CDATA[")
	k := bytes.Index(data[i:], []byte("]]>"))
	if k < 0 {
		return d.fail(d.pos, "unterminated CDATA section")
	}
	end := i + k
	run := i
	for i < end {
		for i < end && xmlByteClass[data[i]]&(xcCR|xcHigh|xcBad) == 0 {
			i++
		}
		if i >= end {
			break
		}
		switch c := data[i]; {
		case c == '\r':
			if keep {
				d.valAdd(data[run:i])
				d.valRune('\n')
			}
			i++
			if i < end && data[i] == '\n' {
				i++
			}
			run = i
		case c >= utf8.RuneSelf:
			var err error
			if i, err = d.checkRune(i); err != nil {
				return err
			}
			if i > end {
				// A malformed sequence cannot straddle "]]>", which is ASCII.
				return d.fail(end, "invalid UTF-8")
			}
		default:
			return d.fail(i, "illegal character code "+xmlCharCode(rune(c)))
		}
	}
	if keep {
		d.valAdd(data[run:end])
	}
	d.pos = end + 3
	return nil
}

// procInst skips the processing instruction at d.pos, checking an XML
// declaration's version and encoding.
func (d *xmlDecoder) procInst() error {
	data := d.data
	at := d.pos
	nameEnd := d.scanName(at + 2)
	if nameEnd < 0 {
		return d.fail(at+2, "expected a target name after <?")
	}
	k := bytes.Index(data[nameEnd:], []byte("?>"))
	if k < 0 {
		return d.fail(at, "unterminated processing instruction")
	}
	if string(data[at+2:nameEnd]) == "xml" {
		content := data[nameEnd : nameEnd+k]
		if v := xmlDeclParam(content, "version"); v != nil && string(v) != "1.0" {
			return d.fail(at, "unsupported XML version "+strconv.Quote(string(v)))
		}
		if v := xmlDeclParam(content, "encoding"); v != nil && !bytes.EqualFold(v, []byte("utf-8")) {
			return d.fail(at, "unsupported encoding "+strconv.Quote(string(v))+" (only UTF-8 is supported)")
		}
	}
	d.pos = nameEnd + k + 2
	return nil
}

// xmlDeclParam finds name="value" (or single quotes) in an XML declaration
// and returns the value, or nil when absent or empty. Like encoding/xml it
// takes the first name= directly followed by a quote.
func xmlDeclParam(s []byte, name string) []byte {
	for {
		k := bytes.Index(s, []byte(name))
		if k < 0 || k+len(name)+1 >= len(s) {
			return nil
		}
		s = s[k+len(name):]
		if s[0] != '=' || s[1] != '"' && s[1] != '\'' {
			continue
		}
		v := s[2:]
		if k := bytes.IndexByte(v, s[1]); k > 0 {
			return v[:k]
		}
		return nil
	}
}

// text reads the character data of the current element through its end tag:
// entities and character references decoded, CDATA sections included,
// \r\n and \r turned into \n. A child element is an error. The bytes are
// valid until the next decoder call.
func (d *xmlDecoder) text() ([]byte, error) {
	if d.err != nil {
		return nil, d.err
	}
	d.attrFrom, d.attrTo = 0, 0
	if d.depth == 0 {
		return nil, d.fail(d.pos, "no open element")
	}
	d.valAt, d.valName = d.pos, d.top()
	if d.empty {
		d.empty = false
		d.depth--
		return d.data[d.pos:d.pos], nil
	}
	d.val, d.valCopied = d.data[d.pos:d.pos], false
	data := d.data
	for {
		if err := d.charData(true); err != nil {
			return nil, err
		}
		i := d.pos
		if i+1 >= len(data) {
			return nil, d.failEOF()
		}
		var err error
		switch data[i+1] {
		case '/':
			if err := d.endTag(); err != nil {
				return nil, err
			}
			if d.valCopied {
				return d.scratch, nil
			}
			return d.val, nil
		case '?':
			err = d.procInst()
		case '!':
			err = d.markup(true)
		default:
			return nil, d.fail(i, "unexpected element <"+string(d.nameAt(i+1))+"> inside <"+string(d.name(d.valName))+">, which should hold only text")
		}
		if err != nil {
			return nil, err
		}
	}
}

// valueError reports a value the current element's text cannot be read as.
func (d *xmlDecoder) valueError(v []byte, what string) error {
	if len(v) > 64 {
		v = append(v[:64:64], "..."...)
	}
	return d.fail(d.valAt, "invalid "+what+" "+strconv.Quote(string(v))+" in <"+string(xmlLocal(d.name(d.valName)))+">")
}

// string reads the element's text as a string.
func (d *xmlDecoder) string() (string, error) {
	b, err := d.text()
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// int reads the element's text as a decimal integer that fits in bits
// (8, 16, 32 or 64).
func (d *xmlDecoder) int(bits int) (int64, error) {
	b, err := d.text()
	if err != nil {
		return 0, err
	}
	i, neg := 0, false
	if len(b) > 0 && (b[0] == '+' || b[0] == '-') {
		neg = b[0] == '-'
		i = 1
	}
	if bits <= 0 || bits > 64 {
		bits = 64
	}
	limit := uint64(1) << (bits - 1) // magnitude of the minimum
	if !neg {
		limit--
	}
	var u uint64
	for ; i < len(b); i++ {
		c := b[i]
		if c < '0' || c > '9' || u > (limit-uint64(c-'0'))/10 {
			break
		}
		u = u*10 + uint64(c-'0')
	}
	if i != len(b) || len(b) == 0 || b[len(b)-1] < '0' || b[len(b)-1] > '9' {
		return 0, d.valueError(b, "int"+strconv.Itoa(bits))
	}
	if neg {
		return -int64(u-1) - 1, nil
	}
	return int64(u), nil
}

// float reads the element's text as a decimal number (NaN, Infinity and
// -Infinity included) rounded to bits (32 or 64).
func (d *xmlDecoder) float(bits int) (float64, error) {
	b, err := d.text()
	if err != nil {
		return 0, err
	}
	switch string(b) {
	case "NaN":
		return math.NaN(), nil
	case "Infinity":
		return math.Inf(1), nil
	case "-Infinity":
		return math.Inf(-1), nil
	}
	if !xmlDecimal(b) {
		return 0, d.valueError(b, "float"+strconv.Itoa(bits))
	}
	f, err := strconv.ParseFloat(string(b), bits)
	if err != nil {
		return 0, d.valueError(b, "float"+strconv.Itoa(bits)+" (out of range)")
	}
	return f, nil
}

// xmlDecimal reports whether b is [+-]digits[.digits][e[+-]digits], at
// least one digit in the mantissa; strconv.ParseFloat alone would also take
// hex, "inf" and underscores.
func xmlDecimal(b []byte) bool {
	i := 0
	if i < len(b) && (b[i] == '+' || b[i] == '-') {
		i++
	}
	digits := 0
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		digits++
	}
	if i < len(b) && b[i] == '.' {
		for i++; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		exp := 0
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			exp++
		}
		if exp == 0 {
			return false
		}
	}
	return i == len(b)
}

// bool reads the element's text as "true" or "false".
func (d *xmlDecoder) bool() (bool, error) {
	b, err := d.text()
	if err != nil {
		return false, err
	}
	switch string(b) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, d.valueError(b, "boolean")
}

// blob reads the element's text as standard base64 (line breaks ignored).
// An empty element gives an empty, non-nil slice.
func (d *xmlDecoder) blob() ([]byte, error) {
	b, err := d.text()
	if err != nil {
		return nil, err
	}
	out := make([]byte, base64.StdEncoding.DecodedLen(len(b)))
	n, err := base64.StdEncoding.Decode(out, b)
	if err != nil {
		return nil, d.valueError(b, "base64 blob")
	}
	return out[:n], nil
}

// time reads the element's text as a timestamp in the given format.
func (d *xmlDecoder) time(format int) (time.Time, error) {
	b, err := d.text()
	if err != nil {
		return time.Time{}, err
	}
	t, err := parseTime(b, format)
	if err != nil {
		return time.Time{}, d.fail(d.valAt, err.Error()+" in <"+string(xmlLocal(d.name(d.valName)))+">")
	}
	return t, nil
}
