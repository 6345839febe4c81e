package plan

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// exported turns a Smithy identifier into an exported Go identifier the way
// the AWS SDK does: the first letter is upper-cased and the rest is kept.
// Leading underscores, which would leave the name unexported, are dropped.
func exported(name string) string {
	trimmed := strings.TrimLeft(name, "_")
	if trimmed == "" {
		return "X" + name
	}
	r, size := utf8.DecodeRuneInString(trimmed)
	if !unicode.IsLetter(r) {
		return "X" + trimmed
	}
	return string(unicode.ToUpper(r)) + trimmed[size:]
}

// enumLabel is the part of an enum constant's name after the type name. It
// follows the AWS SDK: the member name (or, for 1.0 enums without one, the
// value) is split at every character that is not a letter or digit; parts
// in mixed case keep their inner capitals, others are lower-cased; each
// part is capitalised and the parts are joined.
func enumLabel(name string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if !isMixedCase(part) {
			part = strings.ToLower(part)
		}
		r, size := utf8.DecodeRuneInString(part)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(part[size:])
	}
	return b.String()
}

func isMixedCase(s string) bool {
	var upper, lower bool
	for _, r := range s {
		upper = upper || unicode.IsUpper(r)
		lower = lower || unicode.IsLower(r)
	}
	return upper && lower
}

// symbolLabel spells a value with no letters or digits, such as "*" or "-",
// by the names of its characters, so its constant still says what it is.
func symbolLabel(value string) string {
	if value == "" {
		return "Empty"
	}
	var b strings.Builder
	for _, r := range value {
		if n, ok := symbolNames[r]; ok {
			b.WriteString(n)
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		} else {
			b.WriteString("U" + strings.ToUpper(strconv.FormatInt(int64(r), 16)))
		}
	}
	return b.String()
}

var symbolNames = map[rune]string{
	'*': "Star", '-': "Dash", '_': "Underscore", '.': "Dot", '/': "Slash", '+': "Plus",
	'#': "Hash", '@': "At", '$': "Dollar", '%': "Percent", '&': "And", ':': "Colon",
	'=': "Equals", '?': "Question", '!': "Bang", ' ': "Space", ',': "Comma", '~': "Tilde",
}

// names hands out package-level Go identifiers so that no two declarations
// collide. Requests are made in a fixed order, so the result is
// deterministic: the first claimant keeps a name, later ones get a suffix.
type names struct{ taken map[string]bool }

func newNames(reserved ...string) *names {
	n := &names{taken: map[string]bool{}}
	for _, r := range reserved {
		n.taken[r] = true
	}
	return n
}

// claim returns want if it is free, else the first free of the
// alternatives, else want followed by the smallest free number.
func (n *names) claim(want string, alternatives ...string) string {
	for _, c := range append([]string{want}, alternatives...) {
		if !n.taken[c] {
			n.taken[c] = true
			return c
		}
	}
	for i := 2; ; i++ {
		c := want + strconv.Itoa(i)
		if !n.taken[c] {
			n.taken[c] = true
			return c
		}
	}
}

// fieldName is a member's Go field name, renamed with a trailing
// underscore when it would clash with a method or field the generator
// adds to that struct.
func fieldName(member string, reserved map[string]bool, used map[string]bool) string {
	name := exported(member)
	for reserved[name] || used[name] {
		name += "_"
	}
	used[name] = true
	return name
}
