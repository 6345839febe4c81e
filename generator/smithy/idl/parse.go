package idl

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Parse parses one IDL file. It never fails outright: syntax errors are
// in File.Errors, and what could be read around them is in the File.
func Parse(src []byte) *File {
	p := &parser{lx: lexer{src: src, lineStart: true}, src: src, f: &File{}, inSuffix: "Input", outSuffix: "Output"}
	if !utf8.Valid(src) {
		i := 0
		for i < len(src) {
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			i += size
		}
		p.f.Errors = append(p.f.Errors, Error{i, fmt.Sprintf("the file is not UTF-8: byte 0x%02X", src[i])})
		return p.f
	}
	p.v1 = true
	p.advance()
	p.file()
	return p.f
}

// maxErrors bounds the errors of one file: past it, the file is not
// worth reading further.
const maxErrors = 100

// maxDepth bounds the nesting of node values, as the JSON loader does.
const maxDepth = 128

type parser struct {
	lx      lexer
	tok     token
	prevEnd int // end of the last significant token consumed
	src     []byte
	f       *File
	v1      bool
	// docs holds the /// lines read since the last significant token.
	docs                []string
	docAt               int
	inSuffix, outSuffix string
	stmtStart           int
	stop                bool
}

// bailout unwinds a statement after a syntax error; the statement loop
// recovers and resumes at the next statement.
type bailout struct{}

func (p *parser) advance() { p.tok = p.lx.next() }

// next consumes a significant token. Documentation comments read before
// it belong to nothing now.
func (p *parser) next() {
	p.docs = p.docs[:0]
	p.prevEnd = p.tok.end
	p.advance()
}

func (p *parser) text(t token) string { return string(p.src[t.start:t.end]) }

func (p *parser) is(k kind) bool { return p.tok.kind == k }

func (p *parser) isIdent(word string) bool {
	t := p.tok
	return t.kind == tIdent && t.end-t.start == len(word) && string(p.src[t.start:t.end]) == word
}

func (p *parser) errorf(at int, format string, args ...any) {
	if len(p.f.Errors) >= maxErrors {
		p.stop = true
		panic(bailout{})
	}
	p.f.Errors = append(p.f.Errors, Error{at, fmt.Sprintf(format, args...)})
}

func (p *parser) fail(at int, format string, args ...any) {
	p.errorf(at, format, args...)
	panic(bailout{})
}

// unexpected reports the current token where what was wanted. An error
// token reports what the lexer found wrong.
func (p *parser) unexpected(what string) {
	t := p.tok
	if t.kind == tError {
		p.fail(t.errAt, "%s", t.errMsg)
	}
	p.fail(t.start, "expected %s, found %s", what, p.describe(t))
}

func (p *parser) describe(t token) string {
	switch t.kind {
	case tIdent:
		return strconv.Quote(p.text(t))
	case tString, tNumber:
		s := p.text(t)
		if len(s) > 40 {
			s = s[:37] + "..."
		}
		return t.kind.String() + " " + s
	case tEOF:
		return "the end of the file"
	case tNewline:
		return "a line break"
	case tSpace:
		return "a space"
	case tComment, tDocComment, tTextBlock:
		return "a " + t.kind.String()
	}
	return t.kind.String()
}

func (p *parser) expect(k kind, what string) {
	if p.tok.kind != k {
		p.unexpected(what)
	}
}

func (p *parser) skipSpaces() {
	for p.tok.kind == tSpace {
		p.advance()
	}
}

// skipWs skips whitespace, commas and comments, keeping the text of
// documentation comments for the shape or member that may follow.
func (p *parser) skipWs() {
	for {
		switch p.tok.kind {
		case tSpace, tNewline, tComma, tComment:
		case tDocComment:
			line := strings.TrimRight(p.text(p.tok)[3:], "\r\n")
			line = strings.TrimPrefix(line, " ")
			if len(p.docs) == 0 {
				p.docAt = p.tok.start
			}
			p.docs = append(p.docs, line)
		default:
			return
		}
		p.advance()
	}
}

func isWs(k kind) bool {
	return k == tSpace || k == tNewline || k == tComma || k == tComment || k == tDocComment
}

// expectSpace requires one or more spaces, as after a keyword.
func (p *parser) expectSpace(after string) {
	if p.tok.kind != tSpace {
		p.unexpected("a space after " + after)
	}
	p.skipSpaces()
}

// expectWs requires whitespace of any kind.
func (p *parser) expectWs() {
	if !isWs(p.tok.kind) {
		p.unexpected("whitespace")
	}
	p.skipWs()
}

// expectBr requires the end of a line (a comment ends one too), or of
// the file. Commas are whitespace, so "a = 1," ends a line too.
func (p *parser) expectBr() {
	for p.is(tSpace) || p.is(tComma) {
		p.advance()
	}
	switch p.tok.kind {
	case tNewline, tComment, tDocComment, tEOF:
		p.skipWs()
	default:
		p.unexpected("a line break")
	}
}

func (p *parser) takeDoc() *Doc {
	if len(p.docs) == 0 {
		return nil
	}
	d := &Doc{strings.Join(p.docs, "\n"), p.docAt}
	p.docs = p.docs[:0]
	return d
}

func (p *parser) ident(what string) (string, int) {
	p.expect(tIdent, what)
	t := p.tok
	p.next()
	return p.text(t), t.start
}

// namespace reads identifiers joined by dots.
func (p *parser) namespace() {
	p.ident("an identifier")
	for p.is(tDot) {
		p.next()
		p.ident("an identifier")
	}
}

// shapeID reads a shape ID, relative or absolute, with an optional
// member, written without spaces.
func (p *parser) shapeID() Ref {
	at := p.tok.start
	p.ident("a shape ID")
	if p.is(tDot) {
		for p.is(tDot) {
			p.next()
			p.ident("an identifier")
		}
		p.expect(tPound, "'#' after the namespace")
	}
	if p.is(tPound) {
		p.next()
		p.ident("a shape name after '#'")
	}
	if p.is(tDollar) {
		p.next()
		p.ident("a member name after '$'")
	}
	return Ref{string(p.src[at:p.prevEnd]), at}
}

func (p *parser) file() {
	// 0: control statements, 1: metadata, 2: the namespace is next,
	// 3: use statements, 4: shapes.
	state := 0
	for !p.stop {
		p.skipWs()
		if p.is(tEOF) {
			return
		}
		p.statement(&state)
	}
}

func (p *parser) statement(state *int) {
	p.stmtStart = p.tok.start
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
			p.resync()
		}
	}()
	switch {
	case p.is(tDollar) && *state == 0:
		p.control()
	case p.isIdent("metadata") && *state <= 1:
		*state = 1
		p.metadata()
	case p.isIdent("namespace") && *state <= 2:
		*state = 3
		p.namespaceStatement()
	case *state <= 2:
		// Nothing can be read without a namespace.
		p.stop = true
		p.unexpected("a namespace statement")
	case p.isIdent("use") && *state == 3:
		p.use()
	default:
		*state = 4
		p.shapeStatement()
	}
}

// resync skips to the next line that starts with what can start a
// statement.
func (p *parser) resync() {
	p.docs = p.docs[:0]
	if p.tok.start == p.stmtStart {
		p.advance()
	}
	for !p.is(tEOF) {
		t := p.tok
		if (t.start == 0 || p.src[t.start-1] == '\n') && p.startsStatement(t) {
			return
		}
		p.advance()
	}
}

func (p *parser) startsStatement(t token) bool {
	switch t.kind {
	case tAt, tDollar, tDocComment:
		return true
	case tIdent:
		switch w := p.text(t); w {
		case "metadata", "namespace", "use", "apply":
			return true
		default:
			if shapeTypes[w] {
				return true
			}
			// "strin Label" is a statement with a misspelt type; a member
			// ("name: String") is not.
			lx := p.lx
			return lx.next().kind == tSpace && lx.next().kind == tIdent
		}
	}
	return false
}

var shapeTypes = map[string]bool{
	"blob": true, "boolean": true, "document": true, "string": true, "byte": true, "short": true,
	"integer": true, "long": true, "float": true, "double": true, "bigInteger": true, "bigDecimal": true,
	"timestamp": true, "enum": true, "intEnum": true, "list": true, "set": true, "map": true,
	"structure": true, "union": true, "service": true, "operation": true, "resource": true,
}

func (p *parser) control() {
	p.next() // $
	key, _ := p.key()
	p.skipSpaces()
	p.expect(tColon, "':'")
	p.next()
	p.skipSpaces()
	at := p.tok.start
	v := p.value(0)
	switch key {
	case "version":
		switch {
		case p.f.Version != "":
			p.errorf(at, "the $version control statement is given twice")
		case v.Kind != String || !supportedVersion(v.Str):
			p.errorf(p.tok.start, "unsupported Smithy version %s: smithy2go reads Smithy IDL 1.0 and 2.0", show(v))
		default:
			p.f.Version = v.Str
			p.v1 = p.f.V1()
		}
	case "operationInputSuffix", "operationOutputSuffix":
		if v.Kind != String || !validSuffix(v.Str) {
			p.errorf(at, "$%s must be a string of letters, digits and underscores", key)
		} else if key == "operationInputSuffix" {
			p.inSuffix = v.Str
		} else {
			p.outSuffix = v.Str
		}
	}
	// Unknown control statements are ignored, as the spec says.
	p.expectBr()
}

func supportedVersion(v string) bool {
	switch v {
	case "1", "1.0", "2", "2.0":
		return true
	}
	return false
}

func validSuffix(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlpha(s[i]) && !isDigit(s[i]) && s[i] != '_' {
			return false
		}
	}
	return true
}

func show(v Value) string {
	switch v.Kind {
	case String:
		return strconv.Quote(v.Str)
	case Number, ShapeID:
		return v.Str
	}
	return "of that kind"
}

func (p *parser) metadata() {
	p.next()
	p.expectSpace("metadata")
	key, at := p.key()
	p.skipSpaces()
	p.expect(tEqual, "'='")
	p.next()
	p.skipSpaces()
	v := p.value(0)
	p.f.Metadata = append(p.f.Metadata, Field{key, at, v})
	p.expectBr()
}

func (p *parser) namespaceStatement() {
	p.next()
	p.expectSpace("namespace")
	at := p.tok.start
	p.namespace()
	p.f.Namespace = string(p.src[at:p.prevEnd])
	p.expectBr()
}

func (p *parser) use() {
	p.next()
	p.expectSpace("use")
	at := p.tok.start
	p.namespace()
	p.expect(tPound, "'#' after the namespace")
	p.next()
	p.ident("a shape name after '#'")
	if p.is(tDollar) {
		p.next()
		p.ident("a member name after '$'")
		p.errorf(at, "use statements import shapes, not members")
	} else {
		p.f.Uses = append(p.f.Uses, Ref{string(p.src[at:p.prevEnd]), at})
	}
	p.expectBr()
}

// key reads an object key: an identifier or a quoted string.
func (p *parser) key() (string, int) {
	t := p.tok
	switch t.kind {
	case tIdent:
		p.next()
		return p.text(t), t.start
	case tString:
		p.next()
		return p.str(t), t.start
	}
	p.unexpected("a key (an identifier or a quoted string)")
	return "", 0
}

func (p *parser) str(t token) string {
	s, msg := unquote(p.text(t))
	if msg != "" {
		p.errorf(t.start, "%s", msg)
	}
	return s
}

func (p *parser) value(depth int) Value {
	t := p.tok
	v := Value{At: t.start}
	switch t.kind {
	case tLBrace:
		if depth >= maxDepth {
			p.fail(t.start, "value nests deeper than %d levels; Smithy models need far fewer", maxDepth)
		}
		p.object(&v, depth+1)
	case tLBracket:
		if depth >= maxDepth {
			p.fail(t.start, "value nests deeper than %d levels; Smithy models need far fewer", maxDepth)
		}
		v.Kind = Array
		p.next()
		p.skipWs()
		for !p.is(tRBracket) {
			v.Items = append(v.Items, p.value(depth+1))
			p.skipWs()
		}
		p.next()
	case tString:
		p.next()
		v.Kind, v.Str = String, p.str(t)
	case tTextBlock:
		p.next()
		s, msg := textBlock(p.text(t))
		if msg != "" {
			p.errorf(t.start, "%s", msg)
		}
		v.Kind, v.Str = String, s
	case tNumber:
		p.next()
		v.Kind, v.Str = Number, p.text(t)
	case tIdent:
		switch p.text(t) {
		case "true", "false":
			p.next()
			v.Kind, v.Bool = Bool, p.text(t) == "true"
		case "null":
			p.next()
		default:
			v.Kind, v.Str = ShapeID, p.shapeID().ID
		}
	default:
		p.unexpected("a value (a string, text block, number, identifier, '{' or '[')")
	}
	return v
}

func (p *parser) object(v *Value, depth int) {
	v.Kind = Object
	p.next()
	p.skipWs()
	var seen map[string]bool
	for !p.is(tRBrace) {
		if !p.is(tIdent) && !p.is(tString) {
			p.unexpected("'}' or a key")
		}
		key, at := p.key()
		p.skipWs()
		p.expect(tColon, "':'")
		p.next()
		p.skipWs()
		val := p.value(depth)
		p.skipWs()
		if dupKey(v.Fields, &seen, key) {
			p.errorf(at, "duplicate key %q", key)
			continue
		}
		v.Fields = append(v.Fields, Field{key, at, val})
	}
	p.next()
}

// dupKey reports whether key is already among fields; large objects get
// a set so the check stays linear.
func dupKey(fields []Field, seen *map[string]bool, key string) bool {
	if len(fields) < 16 {
		for _, f := range fields {
			if f.Key == key {
				return true
			}
		}
		return false
	}
	if *seen == nil {
		*seen = make(map[string]bool, 2*len(fields))
		for _, f := range fields {
			(*seen)[f.Key] = true
		}
	}
	if (*seen)[key] {
		return true
	}
	(*seen)[key] = true
	return false
}

func (p *parser) traits() []Trait {
	var ts []Trait
	for p.is(tAt) {
		ts = append(ts, p.trait())
		p.skipWs()
	}
	return ts
}

func (p *parser) trait() Trait {
	at := p.tok.start
	p.next()
	tr := Trait{ID: p.shapeID().ID, At: at}
	if !p.is(tLParen) {
		return tr
	}
	p.next()
	p.skipWs()
	switch {
	case p.is(tRParen):
	case (p.is(tIdent) || p.is(tString)) && p.colonFollows():
		// A structure's members, without braces.
		v := Value{Kind: Object, At: p.tok.start}
		var seen map[string]bool
		for !p.is(tRParen) {
			key, kat := p.key()
			p.skipWs()
			p.expect(tColon, "':'")
			p.next()
			p.skipWs()
			val := p.value(1)
			p.skipWs()
			if dupKey(v.Fields, &seen, key) {
				p.errorf(kat, "duplicate key %q", key)
				continue
			}
			v.Fields = append(v.Fields, Field{key, kat, val})
		}
		tr.Value = &v
	default:
		v := p.value(0)
		p.skipWs()
		p.expect(tRParen, "')'")
		tr.Value = &v
	}
	p.next()
	return tr
}

// colonFollows looks past the current token and any whitespace for ':'.
func (p *parser) colonFollows() bool {
	lx := p.lx
	for {
		t := lx.next()
		if !isWs(t.kind) {
			return t.kind == tColon
		}
	}
}

func (p *parser) shapeStatement() {
	doc := p.takeDoc()
	traits := p.traits()
	t := p.tok
	if t.kind != tIdent {
		p.unexpected("a shape or apply statement")
	}
	typ := p.text(t)
	if typ == "apply" {
		if len(traits) > 0 {
			p.errorf(t.start, "traits cannot precede an apply statement; put them after its target")
		}
		p.apply()
		return
	}
	if !shapeTypes[typ] {
		p.fail(t.start, "unknown shape type %q%s", typ, suggest(typ))
	}
	p.next()
	p.expectSpace(typ)
	name, at := p.ident("a shape name")
	s := &Shape{Type: typ, TypeAt: t.start, Name: name, At: at, Doc: doc, Traits: traits}
	switch {
	case typ == "set" && !p.v1:
		p.errorf(t.start, "set shapes are Smithy 1.0; in 2.0 use a list with @uniqueItems")
	case (typ == "enum" || typ == "intEnum") && p.v1:
		p.errorf(t.start, "%s shapes need Smithy 2.0; this file is 1.0 (set $version: \"2\")", typ)
	}
	p.skipSpaces()
	switch typ {
	case "structure", "union", "list", "set", "map":
		if p.isIdent("for") {
			if p.v1 {
				p.errorf(p.tok.start, "binding a shape to a resource with \"for\" needs Smithy 2.0; this file is 1.0")
			}
			p.next()
			p.expectSpace("for")
			r := p.shapeID()
			s.For = &r
			p.skipSpaces()
		}
	}
	if p.isIdent("with") {
		s.Mixins = p.mixins()
	}
	switch typ {
	case "structure", "union", "list", "set", "map":
		p.skipWs()
		s.Members = p.members()
	case "enum", "intEnum":
		p.skipWs()
		s.Members = p.enumMembers()
	case "operation":
		p.skipWs()
		p.operation(s)
	case "service", "resource":
		p.skipWs()
		p.expect(tLBrace, "'{'")
		v := p.value(0)
		s.Body = &v
		if typ == "resource" && p.v1 {
			for _, f := range v.Fields {
				if f.Key == "properties" {
					p.errorf(f.KeyAt, "resource properties need Smithy 2.0; this file is 1.0")
				}
			}
		}
	}
	p.f.Shapes = append(p.f.Shapes, s)
	p.expectBr()
}

func (p *parser) mixins() []Ref {
	if p.v1 {
		p.errorf(p.tok.start, "mixins need Smithy 2.0; this file is 1.0 (set $version: \"2\")")
	}
	p.next()
	p.skipWs()
	p.expect(tLBracket, "'['")
	p.next()
	p.skipWs()
	var refs []Ref
	for {
		refs = append(refs, p.shapeID())
		p.skipWs()
		if p.is(tRBracket) {
			break
		}
	}
	p.next()
	return refs
}

// members reads the members of a structure, union, list or map.
func (p *parser) members() []*Member {
	p.expect(tLBrace, "'{'")
	p.next()
	var ms []*Member
	for {
		p.skipWs()
		if p.is(tRBrace) {
			p.next()
			return ms
		}
		m := &Member{Doc: p.takeDoc()}
		m.Traits = p.traits()
		if p.is(tEOF) {
			p.unexpected("'}'")
		}
		if p.is(tDollar) {
			if p.v1 {
				p.errorf(p.tok.start, "eliding a member's target needs Smithy 2.0; this file is 1.0")
			}
			p.next()
			m.Elided = true
			m.Name, m.At = p.ident("a member name after '$'")
		} else {
			m.Name, m.At = p.ident("a member name")
			p.skipSpaces()
			p.expect(tColon, "':'")
			p.next()
			p.skipSpaces()
			m.Target = p.shapeID()
		}
		p.skipSpaces()
		if p.is(tEqual) {
			p.next()
			p.skipSpaces()
			v := p.value(0)
			m.Value = &v
			p.expectBr()
		}
		ms = append(ms, m)
	}
}

func (p *parser) enumMembers() []*Member {
	p.expect(tLBrace, "'{'")
	p.next()
	var ms []*Member
	for {
		p.skipWs()
		if p.is(tRBrace) {
			p.next()
			return ms
		}
		m := &Member{Doc: p.takeDoc()}
		m.Traits = p.traits()
		if p.is(tEOF) {
			p.unexpected("'}'")
		}
		m.Name, m.At = p.ident("an enum member name")
		p.skipSpaces()
		if p.is(tEqual) {
			p.next()
			p.skipSpaces()
			v := p.value(0)
			m.Value = &v
			p.expectBr()
		}
		ms = append(ms, m)
	}
}

func (p *parser) operation(s *Shape) {
	p.expect(tLBrace, "'{'")
	p.next()
	seen := map[string]bool{}
	for {
		p.skipWs()
		if p.is(tRBrace) {
			p.next()
			return
		}
		key, at := p.ident("input, output or errors")
		if seen[key] {
			p.errorf(at, "operation property %q is given twice", key)
		}
		seen[key] = true
		p.skipWs()
		switch key {
		case "input", "output":
			var r Ref
			if p.is(tWalrus) {
				r = p.inline(s, key)
			} else {
				p.expect(tColon, "':' or ':='")
				p.next()
				p.skipWs()
				r = p.shapeID()
			}
			if key == "input" {
				s.Input = &r
			} else {
				s.Output = &r
			}
		case "errors":
			p.expect(tColon, "':'")
			p.next()
			p.skipWs()
			p.expect(tLBracket, "'['")
			p.next()
			p.skipWs()
			s.Errors = []Ref{}
			for !p.is(tRBracket) {
				s.Errors = append(s.Errors, p.shapeID())
				p.skipWs()
			}
			p.next()
		default:
			p.fail(at, "unknown operation property %q: an operation has input, output and errors", key)
		}
		if !p.is(tRBrace) {
			p.expectWs()
		}
	}
}

// inline reads an input or output structure defined in its operation.
func (p *parser) inline(op *Shape, io string) Ref {
	at := p.tok.start
	if p.v1 {
		p.errorf(at, "inline input and output (:=) need Smithy 2.0; this file is 1.0")
	}
	p.next()
	p.skipWs()
	doc := p.takeDoc()
	traits := p.traits()
	suffix := p.inSuffix
	if io == "output" {
		suffix = p.outSuffix
	}
	s := &Shape{Type: "structure", TypeAt: at, Name: op.Name + suffix, At: at, Doc: doc, Traits: traits, IO: io}
	if p.isIdent("with") {
		s.Mixins = p.mixins()
	}
	p.skipWs()
	s.Members = p.members()
	p.f.Shapes = append(p.f.Shapes, s)
	return Ref{s.Name, at}
}

func (p *parser) apply() {
	at := p.tok.start
	p.next()
	p.expectSpace("apply")
	a := &Apply{Target: p.shapeID(), At: at}
	p.expectWs()
	switch {
	case p.is(tAt):
		a.Traits = []Trait{p.trait()}
	case p.is(tLBrace):
		p.next()
		p.skipWs()
		a.Traits = p.traits()
		p.expect(tRBrace, "'}' or a trait")
		p.next()
	default:
		p.unexpected("'@' or '{'")
	}
	p.f.Applies = append(p.f.Applies, a)
	p.expectBr()
}

// suggest names the shape type closest to a misspelt one.
func suggest(s string) string {
	if strings.HasPrefix(s, "with") {
		return `; "with [...]" must be on the shape's own line`
	}
	best := ""
	for t := range shapeTypes {
		if len(s) > len(t) && strings.HasPrefix(s, t) && len(t) > len(best) {
			best = t
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q followed by a space?", best)
}
