package templates

import (
	"regexp"
	"strconv"
	"unicode/utf8"
)

// InvalidParamsError lists every constraint an input violates; inspect it
// with errors.As.
type InvalidParamsError struct {
	Violations []Violation
}

// Violation is one broken constraint.
type Violation struct {
	// Path locates the member, such as "TagSpecifications[0].Tags[1].Key".
	Path string
	// Constraint is "required", "length", "range", "pattern", "uniqueItems" or "enum".
	Constraint string
	// Message says what is wrong, such as "must be >= 1".
	Message string
}

func (e *InvalidParamsError) Error() string {
	n := len(e.Violations)
	b := strconv.AppendInt(nil, int64(n), 10)
	if n == 1 {
		b = append(b, " validation error: "...)
	} else {
		b = append(b, " validation errors: "...)
	}
	for i, v := range e.Violations {
		if i > 0 {
			b = append(b, "; "...)
		}
		if v.Path != "" {
			b = append(b, v.Path...)
			b = append(b, ": "...)
		}
		b = append(b, v.Message...)
	}
	return string(b)
}

// validationPath is one level of the path to the member being checked. The
// generated validators keep one on the stack per level, so nothing is
// allocated unless a violation is recorded. A nil path is the input itself.
type validationPath struct {
	parent *validationPath
	field  string // member name, or "" for a list element or map value
	index  int    // list index, or -1
	key    string // map key, when keyed
	keyed  bool
}

// String renders the path, e.g. `Tags[1].Key` or `Tags["env"]`.
func (p *validationPath) String() string {
	return string(p.appendTo(nil))
}

func (p *validationPath) appendTo(b []byte) []byte {
	if p == nil {
		return b
	}
	b = p.parent.appendTo(b)
	if p.field != "" {
		if len(b) > 0 {
			b = append(b, '.')
		}
		b = append(b, p.field...)
	}
	if p.index >= 0 {
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(p.index), 10)
		b = append(b, ']')
	}
	if p.keyed {
		b = append(b, '[')
		b = strconv.AppendQuote(b, p.key)
		b = append(b, ']')
	}
	return b
}

// validator collects violations: var v validator; ...; return v.err().
type validator struct {
	violations []Violation
}

// add records a violation of member field under p.
func (v *validator) add(p *validationPath, field string, constraint, message string) {
	b := p.appendTo(nil)
	if field != "" {
		if len(b) > 0 {
			b = append(b, '.')
		}
		b = append(b, field...)
	}
	v.violations = append(v.violations, Violation{Path: string(b), Constraint: constraint, Message: message})
}

// err returns the violations as a *InvalidParamsError, or a nil error.
func (v *validator) err() error {
	if len(v.violations) == 0 {
		return nil
	}
	return &InvalidParamsError{Violations: v.violations}
}

// required records a missing required member.
func (v *validator) required(p *validationPath, field string) {
	v.add(p, field, "required", "required")
}

// length checks a length trait. The caller passes the count: bytes for a
// blob, elements for a list or map (lengthString counts a string).
func (v *validator) length(p *validationPath, field string, n int, lo, hi int64, hasMin, hasMax bool) {
	if (hasMin && int64(n) < lo) || (hasMax && int64(n) > hi) {
		v.add(p, field, "length", "length "+strconv.Itoa(n)+constraintBounds(lo, hi, hasMin, hasMax))
	}
}

// lengthString checks a length trait on a string, which Smithy counts in
// Unicode code points.
func (v *validator) lengthString(p *validationPath, field string, s string, lo, hi int64, hasMin, hasMax bool) {
	v.length(p, field, utf8.RuneCountInString(s), lo, hi, hasMin, hasMax)
}

// rangeInt checks a range trait on an integer member. Smithy allows only
// integer bounds on integer shapes, so they are exact.
func (v *validator) rangeInt(p *validationPath, field string, n int64, lo, hi int64, hasMin, hasMax bool) {
	if (hasMin && n < lo) || (hasMax && n > hi) {
		v.add(p, field, "range", "value "+strconv.FormatInt(n, 10)+constraintBounds(lo, hi, hasMin, hasMax))
	}
}

func constraintBounds(lo, hi int64, hasMin, hasMax bool) string {
	switch {
	case hasMin && hasMax:
		return " must be between " + strconv.FormatInt(lo, 10) + " and " + strconv.FormatInt(hi, 10)
	case hasMin:
		return " must be >= " + strconv.FormatInt(lo, 10)
	default:
		return " must be <= " + strconv.FormatInt(hi, 10)
	}
}

// rangeFloat checks a range trait on a float or double member. NaN is
// outside every range. For a float (32-bit) member pass the bounds rounded
// to float32 (float64(float32(0.1))) so a value written as the bound itself
// is in range; loText/hiText are the bounds as the model writes them.
func (v *validator) rangeFloat(p *validationPath, field string, x float64, lo, hi float64, hasMin, hasMax bool, loText, hiText string) {
	if x == x && (!hasMin || x >= lo) && (!hasMax || x <= hi) {
		return
	}
	msg := "value " + strconv.FormatFloat(x, 'g', -1, 64)
	switch {
	case hasMin && hasMax:
		msg += " must be between " + loText + " and " + hiText
	case hasMin:
		msg += " must be >= " + loText
	default:
		msg += " must be <= " + hiText
	}
	v.add(p, field, "range", msg)
}

// pattern checks a pattern trait. Smithy patterns are not implicitly
// anchored, so a match anywhere in s passes; src is the model's pattern.
func (v *validator) pattern(p *validationPath, field string, s string, re *regexp.Regexp, src string) {
	if !re.MatchString(s) {
		v.add(p, field, "pattern", "must match pattern "+src)
	}
}

// enum checks that s is one of the known values.
func (v *validator) enum(p *validationPath, field string, s string, values []string) {
	for _, k := range values {
		if s == k {
			return
		}
	}
	v.add(p, field, "enum", strconv.Quote(s)+" is not a known value")
}

// uniqueItemsCheck checks a uniqueItems trait on a list of comparable items.
func uniqueItemsCheck[T comparable](v *validator, p *validationPath, field string, items []T) {
	if len(items) <= 32 {
		for i := 1; i < len(items); i++ {
			for j := 0; j < i; j++ {
				if items[i] == items[j] {
					v.add(p, field, "uniqueItems", dupItemsMessage(j, i))
					return
				}
			}
		}
		return
	}
	seen := make(map[T]int, len(items))
	for i, it := range items {
		if j, ok := seen[it]; ok {
			v.add(p, field, "uniqueItems", dupItemsMessage(j, i))
			return
		}
		seen[it] = i
	}
}

// uniqueItemsEqual checks a uniqueItems trait on a list whose items Go's
// == does not compare as Smithy does (structures, lists, timestamps...).
func uniqueItemsEqual[T any](v *validator, p *validationPath, field string, items []T, equal func(a, b T) bool) {
	for i := 1; i < len(items); i++ {
		for j := 0; j < i; j++ {
			if equal(items[i], items[j]) {
				v.add(p, field, "uniqueItems", dupItemsMessage(j, i))
				return
			}
		}
	}
}

func dupItemsMessage(i, j int) string {
	return "items " + strconv.Itoa(i) + " and " + strconv.Itoa(j) + " are equal"
}
