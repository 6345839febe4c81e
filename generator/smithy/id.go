package smithy

import "strings"

// ShapeID is an absolute shape ID: "namespace#Name" or "namespace#Name$member".
type ShapeID string

// Namespace returns the part before '#'.
func (id ShapeID) Namespace() string {
	s := string(id)
	if i := strings.IndexByte(s, '#'); i >= 0 {
		return s[:i]
	}
	return ""
}

// Name returns the shape name, without namespace or member.
func (id ShapeID) Name() string {
	s := string(id)
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[i+1:]
	}
	if i := strings.IndexByte(s, '$'); i >= 0 {
		s = s[:i]
	}
	return s
}

// Member returns the member name, or "" for a shape ID.
func (id ShapeID) Member() string {
	s := string(id)
	if i := strings.IndexByte(s, '$'); i >= 0 {
		return s[i+1:]
	}
	return ""
}

// Root returns the ID without its member part.
func (id ShapeID) Root() ShapeID {
	s := string(id)
	if i := strings.IndexByte(s, '$'); i >= 0 {
		return ShapeID(s[:i])
	}
	return id
}

// WithMember returns the ID of the member name of this shape.
func (id ShapeID) WithMember(name string) ShapeID { return ShapeID(string(id.Root()) + "$" + name) }

// validShapeID reports whether s is an absolute shape ID, with a member part
// only when allowMember is set. The grammar is Smithy's: a namespace of
// dot-separated identifiers, '#', an identifier, and optionally '$' and one.
func validShapeID(s string, allowMember bool) bool {
	hash := strings.IndexByte(s, '#')
	if hash <= 0 {
		return false
	}
	for ns := s[:hash]; ; {
		part, rest, more := strings.Cut(ns, ".")
		if !validIdentifier(part) {
			return false
		}
		if !more {
			break
		}
		ns = rest
	}
	rest := s[hash+1:]
	if d := strings.IndexByte(rest, '$'); d >= 0 {
		if !allowMember || !validIdentifier(rest[d+1:]) {
			return false
		}
		rest = rest[:d]
	}
	return validIdentifier(rest)
}

// validIdentifier implements Smithy's identifier rule: (letter | '_'+ letter-or-digit)
// followed by letters, digits and underscores.
func validIdentifier(s string) bool {
	if s == "" {
		return false
	}
	i := 0
	for i < len(s) && s[i] == '_' {
		i++
	}
	if i == len(s) {
		return false
	}
	c := s[i]
	if !(isLetter(c) || (i > 0 && isDigit(c))) {
		return false
	}
	for _, c := range []byte(s[i+1:]) {
		if !isLetter(c) && !isDigit(c) && c != '_' {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
