package sample

import (
	"iter"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode"
)

// matching yields strings that fully match the Go pattern re, shortest
// first, then longer ones that aim at length lo (up to hi); seed varies
// the choice of characters. Callers check the candidates: this is a
// generator of likely matches, not a decision procedure. Each is made
// only when asked for, so a caller content with the first makes no more.
func matching(re string, lo, hi, seed int) iter.Seq[string] {
	return func(yield func(string) bool) {
		ast := parsed(re)
		if ast == nil {
			return
		}
		for _, extra := range []int{0, lo, lo * 2, min(hi, 64)} {
			if extra < 0 || extra > 4096 {
				continue
			}
			m := &matcher{extra: extra, seed: seed}
			var b strings.Builder
			if m.gen(&b, ast) && !yield(b.String()) {
				return
			}
		}
	}
}

// parsed is re's syntax tree, parsed once; nil if it does not parse.
// Generators only read it.
func parsed(re string) *syntax.Regexp {
	if ast, ok := syntaxTrees.Load(re); ok {
		return ast.(*syntax.Regexp)
	}
	ast, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		ast = nil
	}
	syntaxTrees.Store(re, ast)
	return ast
}

var syntaxTrees sync.Map

type matcher struct {
	extra int // characters still wanted from repetitions
	seed  int
}

func (m *matcher) gen(b *strings.Builder, re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			b.WriteRune(r)
		}
		return true
	case syntax.OpCharClass:
		r, ok := pick(re.Rune, m.seed)
		if ok {
			b.WriteRune(r)
		}
		return ok
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		b.WriteByte('a')
		return true
	case syntax.OpCapture:
		return m.gen(b, re.Sub[0])
	case syntax.OpConcat:
		for _, s := range re.Sub {
			if !m.gen(b, s) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			var alt strings.Builder
			saved := m.extra
			if m.gen(&alt, s) {
				b.WriteString(alt.String())
				return true
			}
			m.extra = saved
		}
		return false
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		lo, hi := 0, -1
		switch re.Op {
		case syntax.OpPlus:
			lo = 1
		case syntax.OpQuest:
			hi = 1
		case syntax.OpRepeat:
			lo, hi = re.Min, re.Max
		}
		n := lo
		for i := 0; i < n; i++ {
			if !m.gen(b, re.Sub[0]) {
				return false
			}
		}
		for (hi < 0 || n < hi) && m.extra > 0 {
			var one strings.Builder
			if !m.gen(&one, re.Sub[0]) || one.Len() == 0 {
				break
			}
			b.WriteString(one.String())
			m.extra -= len([]rune(one.String()))
			n++
		}
		return true
	}
	return false
}

// pick chooses a character from a class (pairs of ranges): an ASCII letter
// or digit when the class has one (varied by seed), else the first
// printable character. Ranges are intersected arithmetically, so a class
// like [^x] costs no more than [a-z].
func pick(ranges []rune, seed int) (rune, bool) {
	spans := [3][2]rune{{'a', 'z'}, {'A', 'Z'}, {'0', '9'}}
	n := 0
	for _, span := range spans {
		for i := 0; i+1 < len(ranges); i += 2 {
			n += max(0, int(min(ranges[i+1], span[1])-max(ranges[i], span[0]))+1)
		}
	}
	if n > 0 {
		k := seed % n
		for _, span := range spans {
			for i := 0; i+1 < len(ranges); i += 2 {
				lo, hi := max(ranges[i], span[0]), min(ranges[i+1], span[1])
				if c := int(hi-lo) + 1; c > 0 {
					if k < c {
						return lo + rune(k), true
					}
					k -= c
				}
			}
		}
	}
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1] && r-ranges[i] < 256; r++ {
			if unicode.IsPrint(r) {
				return r, true
			}
		}
	}
	if len(ranges) >= 2 {
		return ranges[0], true
	}
	return 0, false
}
