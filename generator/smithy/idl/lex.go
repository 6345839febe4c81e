package idl

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// kind is a token's kind. Whitespace is kept as tokens because the
// grammar is whitespace sensitive: some places need a space, others a
// line break.
type kind uint8

const (
	tEOF kind = iota
	tError
	tSpace   // spaces and tabs
	tNewline // \n or \r\n
	tComma
	tComment    // "//" to the end of the line, the newline included
	tDocComment // "///" as the first thing on its line, the newline included
	tIdent
	tNumber
	tString
	tTextBlock
	tDot
	tPound
	tDollar
	tAt
	tLParen
	tRParen
	tLBrace
	tRBrace
	tLBracket
	tRBracket
	tColon
	tWalrus
	tEqual
)

var kindNames = [...]string{
	tEOF: "end of file", tError: "error", tSpace: "space", tNewline: "line break", tComma: "','",
	tComment: "comment", tDocComment: "documentation comment", tIdent: "identifier", tNumber: "number",
	tString: "string", tTextBlock: "text block", tDot: "'.'", tPound: "'#'", tDollar: "'$'", tAt: "'@'",
	tLParen: "'('", tRParen: "')'", tLBrace: "'{'", tRBrace: "'}'", tLBracket: "'['", tRBracket: "']'",
	tColon: "':'", tWalrus: "':='", tEqual: "'='",
}

func (k kind) String() string { return kindNames[k] }

// token is one token: its kind and where it lies. An error token carries
// the lexer's message and the offset it is about, which may lie inside
// the token (a bad escape) or at the end of the file (an unclosed string).
type token struct {
	kind       kind
	start, end int
	errAt      int
	errMsg     string
}

// lexer splits a file into tokens on demand; its state is a few ints, so
// the parser looks ahead by copying it.
type lexer struct {
	src []byte
	pos int
	// lineStart is set while only whitespace has been seen on the line, to
	// tell documentation comments from trailing ones.
	lineStart bool
}

func (lx *lexer) next() token {
	src, i := lx.src, lx.pos
	if i >= len(src) {
		return token{kind: tEOF, start: len(src), end: len(src)}
	}
	t := token{start: i}
	c := src[i]
	startOfLine := lx.lineStart
	lx.lineStart = false
	switch {
	case c == ' ' || c == '\t':
		j := i + 1
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		t.kind, t.end = tSpace, j
		lx.lineStart = startOfLine
	case c == '\n':
		t.kind, t.end = tNewline, i+1
		lx.lineStart = true
	case c == '\r' && i+1 < len(src) && src[i+1] == '\n':
		t.kind, t.end = tNewline, i+2
		lx.lineStart = true
	case c == ',':
		t.kind, t.end = tComma, i+1
		lx.lineStart = startOfLine
	case c == '/' && i+1 < len(src) && src[i+1] == '/':
		j := i + 2
		for j < len(src) && src[j] != '\n' {
			j++
		}
		if j < len(src) {
			j++
		}
		t.kind, t.end = tComment, j
		if startOfLine && i+2 < len(src) && src[i+2] == '/' {
			t.kind = tDocComment
		}
		lx.lineStart = true
	case isAlpha(c) || c == '_':
		lx.ident(&t)
	case c == '-' || isDigit(c):
		lx.number(&t)
	case c == '"':
		if i+2 < len(src) && src[i+1] == '"' && src[i+2] == '"' {
			lx.textBlock(&t)
		} else {
			lx.str(&t)
		}
	default:
		t.end = i + 1
		switch c {
		case '.':
			t.kind = tDot
		case '#':
			t.kind = tPound
		case '$':
			t.kind = tDollar
		case '@':
			t.kind = tAt
		case '(':
			t.kind = tLParen
		case ')':
			t.kind = tRParen
		case '{':
			t.kind = tLBrace
		case '}':
			t.kind = tRBrace
		case '[':
			t.kind = tLBracket
		case ']':
			t.kind = tRBracket
		case '=':
			t.kind = tEqual
		case ':':
			t.kind = tColon
			if i+1 < len(src) && src[i+1] == '=' {
				t.kind, t.end = tWalrus, i+2
			}
		default:
			_, size := utf8.DecodeRune(src[i:])
			t.end = i + size
			lx.fail(&t, i, "unexpected character %s", quoteChar(src[i:]))
		}
	}
	lx.pos = t.end
	return t
}

func (lx *lexer) fail(t *token, at int, format string, args ...any) {
	t.kind, t.errAt, t.errMsg = tError, at, fmt.Sprintf(format, args...)
}

// ident reads an identifier: a letter, or underscores and then a letter
// or digit, followed by letters, digits and underscores.
func (lx *lexer) ident(t *token) {
	src, j := lx.src, t.start
	for j < len(src) && src[j] == '_' {
		j++
	}
	if j > t.start && (j == len(src) || !isAlpha(src[j]) && !isDigit(src[j])) {
		t.end = j
		what := "end of file"
		if j < len(src) {
			what = quoteChar(src[j:])
		}
		lx.fail(t, j, "an identifier needs a letter or digit after its leading underscores, not %s", what)
		return
	}
	for j < len(src) && (isAlpha(src[j]) || isDigit(src[j]) || src[j] == '_') {
		j++
	}
	t.kind, t.end = tIdent, j
}

// number reads a JSON number; an ill-formed one is an error at its start.
func (lx *lexer) number(t *token) {
	src, j := lx.src, t.start
	digits := func() int {
		k := j
		for j < len(src) && isDigit(src[j]) {
			j++
		}
		return j - k
	}
	bad := func(why string) {
		t.end = max(j, t.start+1)
		lx.fail(t, t.start, "invalid number %q: %s", src[t.start:t.end], why)
	}
	if src[j] == '-' {
		j++
	}
	switch {
	case j < len(src) && src[j] == '0':
		j++
	case digits() == 0:
		bad("'-' must be followed by a digit")
		return
	}
	if j < len(src) && src[j] == '.' {
		j++
		if digits() == 0 {
			bad("'.' must be followed by a digit")
			return
		}
	}
	if j < len(src) && (src[j] == 'e' || src[j] == 'E') {
		j++
		if j < len(src) && (src[j] == '+' || src[j] == '-') {
			j++
		}
		if digits() == 0 {
			bad("'e', '+' and '-' must be followed by a digit")
			return
		}
	}
	t.kind, t.end = tNumber, j
}

// str finds the end of a quoted string; escapes are checked when the
// parser decodes it.
func (lx *lexer) str(t *token) {
	src := lx.src
	for j := t.start + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case '"':
			t.kind, t.end = tString, j+1
			return
		}
	}
	t.end = len(src)
	lx.fail(t, len(src), "unclosed string: the file ends before its closing '\"'")
}

// textBlock finds the end of a """ text block.
func (lx *lexer) textBlock(t *token) {
	src := lx.src
	for j := t.start + 3; j < len(src); j++ {
		switch {
		case src[j] == '\\':
			j++
		case src[j] == '"' && j+2 < len(src) && src[j+1] == '"' && src[j+2] == '"':
			t.kind, t.end = tTextBlock, j+3
			return
		}
	}
	t.end = len(src)
	lx.fail(t, len(src), `unclosed text block: the file ends before its closing """`)
}

func isAlpha(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// quoteChar quotes the character b starts with, or names its first byte
// when that is not UTF-8.
func quoteChar(b []byte) string {
	if r, size := utf8.DecodeRune(b); r != utf8.RuneError || size > 1 {
		return strconv.QuoteRune(r)
	}
	return fmt.Sprintf("byte 0x%02X", b[0])
}
