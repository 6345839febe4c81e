package idl

import (
	"strings"
	"unicode/utf8"
)

// unquote decodes a quoted string token, quotes included; on a bad
// escape it says why.
func unquote(raw string) (string, string) {
	return unescape(raw[1 : len(raw)-1])
}

// unescape expands the escapes of a string or text block body.
func unescape(s string) (string, string) {
	if strings.IndexByte(s, '\\') < 0 && strings.IndexByte(s, '\r') < 0 {
		return s, ""
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\r' {
			// Newlines are LF whatever the file uses.
			b.WriteByte('\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			continue
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i == len(s) {
			return "", `a string cannot end with a lone '\'`
		}
		switch e := s[i]; e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case '\n':
			// An escaped line break joins the lines.
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case 'u':
			if len(s)-i-1 < 4 {
				return "", `unclosed unicode escape: \u needs four hexadecimal digits`
			}
			var r rune
			for k := 1; k <= 4; k++ {
				h := s[i+k]
				var v byte
				switch {
				case '0' <= h && h <= '9':
					v = h - '0'
				case 'a' <= h && h <= 'f':
					v = h - 'a' + 10
				case 'A' <= h && h <= 'F':
					v = h - 'A' + 10
				default:
					return "", "invalid unicode escape: " + quoteChar([]byte(s[i+k:])) + " is not a hexadecimal digit"
				}
				r = r<<4 | rune(v)
			}
			i += 4
			if utf8.ValidRune(r) {
				b.WriteRune(r)
			} else {
				// A lone surrogate has no UTF-8 form.
				b.WriteRune(utf8.RuneError)
			}
		default:
			return "", "invalid escape " + `\` + string(rune(e)) + `: want one of \" \\ \/ \b \f \n \r \t \uXXXX`
		}
	}
	return b.String(), ""
}

// textBlock decodes a """ text block: it drops the incidental indentation
// (the smallest indentation of its non-blank lines and its last line),
// trailing spaces, and then expands escapes.
func textBlock(raw string) (string, string) {
	body := raw[3 : len(raw)-3]
	if body == "" {
		return "", "a text block cannot be empty"
	}
	i := 0
	for i < len(body) && (body[i] == ' ' || body[i] == '\t') {
		i++
	}
	switch {
	case strings.HasPrefix(body[i:], "\n"):
		i++
	case strings.HasPrefix(body[i:], "\r\n"):
		i += 2
	default:
		return "", `a text block must start with a line break after its opening """`
	}
	body = strings.ReplaceAll(body[i:], "\r\n", "\n")
	lines := strings.Split(body, "\n")
	indent := -1
	for k, line := range lines {
		n := 0
		for n < len(line) && (line[n] == ' ' || line[n] == '\t') {
			n++
		}
		if n == len(line) && k != len(lines)-1 {
			continue // blank lines do not count, but the closing line does
		}
		if indent < 0 || n < indent {
			indent = n
		}
	}
	for k, line := range lines {
		if len(line) >= indent {
			line = line[indent:]
		} else {
			line = ""
		}
		lines[k] = strings.TrimRight(line, " \t")
	}
	return unescape(strings.Join(lines, "\n"))
}
