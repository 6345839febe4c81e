package smithy

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrUnsupportedPattern marks a pattern that is valid for the regex engines
// models are written for (ECMA 262, and Java's in AWS models) but that Go's
// RE2-based regexp cannot express, such as lookaround or backreferences.
var ErrUnsupportedPattern = errors.New("Go's regexp cannot express this pattern")

// GoPattern translates a pattern trait into Go regexp syntax and checks that
// it compiles. The error wraps ErrUnsupportedPattern when the pattern is
// valid but beyond RE2; any other error means the pattern is malformed.
func GoPattern(src string) (string, error) {
	t := patternTranslator{src: src}
	if err := t.run(); err != nil {
		return "", err
	}
	out := string(t.out)
	// Parsing is what finds every error Compile would; skipping the rest
	// of Compile keeps loading fast on models with thousands of patterns.
	if _, err := syntax.Parse(out, syntax.Perl); err != nil {
		var se *syntax.Error
		if errors.As(err, &se) {
			switch se.Code {
			case syntax.ErrMissingParen, syntax.ErrMissingBracket, syntax.ErrUnexpectedParen,
				syntax.ErrTrailingBackslash, syntax.ErrMissingRepeatArgument:
				return "", fmt.Errorf("pattern does not compile: %w", errors.New(string(se.Code)))
			}
			// A class name, an escape or a construct of another engine.
			return "", fmt.Errorf("%v %q: %w", se.Code, se.Expr, ErrUnsupportedPattern)
		}
		return "", fmt.Errorf("pattern does not compile: %w", err)
	}
	return out, nil
}

// GoPattern is GoPattern, remembered per model: models repeat the same
// patterns many times, and compiling them dominates loading otherwise.
func (m *Model) GoPattern(src string) (string, error) {
	m.patternsMu.Lock()
	r, ok := m.patterns[src]
	m.patternsMu.Unlock()
	if ok {
		return r.re, r.err
	}
	re, err := GoPattern(src)
	m.patternsMu.Lock()
	if m.patterns == nil {
		m.patterns = map[string]patternResult{}
	}
	m.patterns[src] = patternResult{re, err}
	m.patternsMu.Unlock()
	return re, err
}

type patternResult struct {
	re  string
	err error
}

type patternTranslator struct {
	src     string
	out     []byte
	inClass bool
	atom    int   // start in out of the last complete atom, for quantifiers
	groups  []int // starts in out of the open groups
	dotAll  bool  // the pattern sets the s flag, so '.' is left to RE2
}

// dotAllFlag finds an inline flag group such as (?s) or (?is:.
var dotAllFlag = regexp.MustCompile(`\(\?[a-zA-Z]*s[a-zA-Z-]*[:)]`)

func (t *patternTranslator) run() error {
	src := t.src
	t.dotAll = dotAllFlag.MatchString(src)
	for i := 0; i < len(src); i++ {
		c := src[i]
		start := len(t.out)
		switch {
		case c == '\\' && i+1 < len(src):
			n, err := t.escape(i)
			if err != nil {
				return err
			}
			i += n
			if t.inClass {
				continue
			}
		case t.inClass:
			if c == '[' {
				// A union in Java, a literal in ECMA, maybe a POSIX class in RE2.
				return fmt.Errorf("'[' inside a character class: %w", ErrUnsupportedPattern)
			}
			if c == ']' {
				t.inClass = false
			}
			t.out = append(t.out, c)
			continue // the class is one atom, started at '['
		case c == '[':
			switch {
			case strings.HasPrefix(src[i:], "[^]"):
				t.out = append(t.out, `[\x{0}-\x{10FFFF}]`...)
				i += 2
			case strings.HasPrefix(src[i:], "[]"):
				return fmt.Errorf("empty class []: %w", ErrUnsupportedPattern)
			default:
				t.inClass = true
				t.out = append(t.out, c)
				// A ']' right after '[' or '[^' is a literal in Java, an empty class in ECMA;
				// both are rare, so leave it to RE2.
			}
		case c == '(':
			for _, look := range []string{"(?=", "(?!", "(?<=", "(?<!"} {
				if strings.HasPrefix(src[i:], look) {
					return fmt.Errorf("lookaround %s: %w", look, ErrUnsupportedPattern)
				}
			}
			t.groups = append(t.groups, len(t.out))
			t.out = append(t.out, c)
			continue
		case c == ')':
			t.out = append(t.out, c)
			if len(t.groups) > 0 {
				start = t.groups[len(t.groups)-1]
				t.groups = t.groups[:len(t.groups)-1]
			}
		case c == '+' && i > 0 && t.quantifierEndsAt(i-1):
			// Java's possessive quantifiers: X{n}+ matches as X{n}; the others can differ.
			if src[i-1] == '}' && !strings.Contains(src[strings.LastIndexByte(src[:i], '{'):i], ",") {
				continue
			}
			return fmt.Errorf("possessive quantifier: %w", ErrUnsupportedPattern)
		case c == '{':
			if end := strings.IndexByte(src[i:], '}'); end > 0 && isRepeat(src[i+1:i+end]) {
				if lo, hi, hasHi := parseRepeat(src[i+1 : i+end]); hasHi && lo > hi {
					// Every engine rejects this; RE2's code for it also covers
					// valid patterns it cannot express.
					return fmt.Errorf("repeat {%s} has its minimum above its maximum", src[i+1:i+end])
				}
				t.repeat(src[i+1 : i+end])
				i += end
				continue
			}
			t.out = append(t.out, c)
		case c == '*' || c == '+' || c == '?':
			t.out = append(t.out, c)
			continue
		case c == '.' && !t.dotAll:
			// ECMA and Java stop '.' at every line terminator, RE2 at \n only.
			t.out = append(t.out, `[^\n\r\x{85}\x{2028}\x{2029}]`...)
		case c >= utf8.RuneSelf:
			// A multi-byte character is one atom, for repeat to copy whole.
			_, size := utf8.DecodeRuneInString(src[i:])
			t.out = append(t.out, src[i:i+size]...)
			i += size - 1
		default:
			t.out = append(t.out, c)
		}
		t.atom = start
	}
	return nil
}

// escape translates the escape at src[i] and returns how many bytes past
// the backslash it consumed.
func (t *patternTranslator) escape(i int) (int, error) {
	src := t.src
	n := src[i+1]
	switch {
	case n == 'u' && i+5 < len(src) && isHex(src[i+2:i+6]):
		r, _ := strconv.ParseUint(src[i+2:i+6], 16, 32)
		// Astral code points are written as UTF-16 surrogate pairs.
		if r >= 0xD800 && r < 0xDC00 && i+11 < len(src) && src[i+6] == '\\' && src[i+7] == 'u' && isHex(src[i+8:i+12]) {
			if lo, _ := strconv.ParseUint(src[i+8:i+12], 16, 32); lo >= 0xDC00 && lo < 0xE000 {
				t.out = fmt.Appendf(t.out, `\x{%X}`, 0x10000+(r-0xD800)<<10+(lo-0xDC00))
				return 11, nil
			}
		}
		t.out = fmt.Appendf(t.out, `\x{%s}`, src[i+2:i+6])
		return 5, nil
	case n == 'u' && i+2 < len(src) && src[i+2] == '{':
		if end := strings.IndexByte(src[i:], '}'); end > 3 && isHex(src[i+3:i+end]) {
			t.out = fmt.Appendf(t.out, `\x{%s}`, src[i+3:i+end])
			return end, nil
		}
	case n == 'p' && i+2 < len(src) && src[i+2] == '{':
		if end := strings.IndexByte(src[i:], '}'); end > 0 {
			if class, ok := javaClasses[src[i+3:i+end]]; ok {
				if t.inClass {
					t.out = append(t.out, class...)
				} else {
					t.out = append(t.out, "["+class+"]"...)
				}
				return end, nil
			}
		}
	case n == 's' || n == 'S':
		// ECMA and Java count \v as white space; RE2 does not. In a class each
		// expansion ends with a range, so a '-' after it stays literal in RE2
		// as it is in Java.
		switch {
		case n == 's' && t.inClass:
			t.out = append(t.out, ` \t-\r`...)
		case n == 's':
			t.out = append(t.out, `[\t-\r ]`...)
		case t.inClass:
			t.out = append(t.out, `\x00-\x08\x0E-\x1F!-\x{10FFFF}`...)
		default:
			t.out = append(t.out, `[^\t-\r ]`...)
		}
		return 1, nil
	case n == 'c' && i+2 < len(src) && isLetter(src[i+2]):
		t.out = fmt.Appendf(t.out, `\x{%02x}`, src[i+2]&0x1f)
		return 2, nil
	case n == '0' && (i+2 >= len(src) || !isDigit(src[i+2])):
		t.out = append(t.out, `\x00`...)
		return 1, nil
	case n >= '1' && n <= '9' && !t.inClass:
		return 0, fmt.Errorf("backreference \\%c: %w", n, ErrUnsupportedPattern)
	case n == 'k' && i+2 < len(src) && src[i+2] == '<':
		return 0, fmt.Errorf("named backreference: %w", ErrUnsupportedPattern)
	case n == '/' || (n == '-' && !t.inClass):
		t.out = append(t.out, n) // identity escapes RE2 does not need
		return 1, nil
	}
	t.out = append(t.out, '\\', n)
	return 1, nil
}

// repeat writes the quantifier {spec} for the last atom. RE2 caps counts at
// 1000, so a larger count is split over copies of the atom: X{0,2048} is
// X{0,1000}X{0,1000}X{0,48}, which matches exactly the same strings.
func (t *patternTranslator) repeat(spec string) {
	lo, hi, hasHi := parseRepeat(spec)
	if lo <= 1000 && (!hasHi || hi <= 1000) {
		t.out = append(t.out, '{')
		t.out = append(t.out, spec...)
		t.out = append(t.out, '}')
		return
	}
	atom := "(?:" + string(t.out[t.atom:]) + ")"
	t.out = t.out[:t.atom]
	for lo > 0 || (hasHi && hi > 0) || !hasHi {
		l := min(lo, 1000)
		if !hasHi && lo <= 1000 {
			t.out = fmt.Appendf(t.out, "%s{%d,}", atom, l)
			return
		}
		h := min(hi, 1000)
		if !hasHi {
			h = l
		}
		t.out = fmt.Appendf(t.out, "%s{%d,%d}", atom, l, h)
		lo -= l
		hi -= h
	}
}

func parseRepeat(spec string) (lo, hi int, hasHi bool) {
	a, b, comma := strings.Cut(spec, ",")
	lo, _ = strconv.Atoi(a)
	switch {
	case !comma:
		return lo, lo, true
	case b == "":
		return lo, 0, false
	}
	hi, _ = strconv.Atoi(b)
	return lo, hi, true
}

// quantifierEndsAt reports whether src[i] ends a quantifier, so a '+' after
// it makes the quantifier possessive.
func (t *patternTranslator) quantifierEndsAt(i int) bool {
	src := t.src
	if i > 0 && src[i-1] == '\\' {
		return false
	}
	switch src[i] {
	case '?', '*', '+':
		return !(i > 0 && src[i-1] == '(') // (?...) opens a group
	case '}':
		open := strings.LastIndexByte(src[:i], '{')
		return open >= 0 && isRepeat(src[open+1:i])
	}
	return false
}

func isRepeat(s string) bool {
	lo, hi, comma := strings.Cut(s, ",")
	return isDigits(lo) && (!comma || hi == "" || isDigits(hi))
}

func isDigits(s string) bool {
	for _, c := range []byte(s) {
		if !isDigit(c) {
			return false
		}
	}
	return s != "" && len(s) < 7
}

func isHex(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if !isDigit(c) && !('a' <= c && c <= 'f') && !('A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// javaClasses maps the POSIX and java.lang.Character classes that AWS
// patterns use (they target Java's engine) to RE2 class items. Each ends
// with a range or a class, after which RE2 reads '-' as a literal.
var javaClasses = map[string]string{
	"Lower": "a-z", "Upper": "A-Z", "ASCII": `\x00-\x7F`, "Alpha": "a-zA-Z", "Digit": "0-9",
	"Alnum": "a-zA-Z0-9", "Punct": "[:punct:]", "Graph": "[:graph:]", "Print": "[:print:]",
	"Blank": ` \t-\t`, "Cntrl": "[:cntrl:]", "XDigit": "0-9a-fA-F", "Space": ` \t-\r`,
	"IsAlphabetic": `\p{L}\p{Nl}`, "IsLetter": `\p{L}`, "IsDigit": `\p{Nd}`,
	"IsUppercase": `\p{Lu}`, "IsLowercase": `\p{Ll}`, "IsWhite_Space": `\t-\r\x{85}\p{Z}`, "IsWhitespace": `\t-\r\x{85}\p{Z}`,
	"IsPunctuation": `\p{P}`, "javaLowerCase": `\p{Ll}`, "javaUpperCase": `\p{Lu}`,
}
