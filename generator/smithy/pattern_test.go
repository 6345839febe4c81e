package smithy

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

func TestGoPatternTranslation(t *testing.T) {
	tests := []struct{ src, want string }{
		{`^[a-z]+$`, `^[a-z]+$`},
		{`^\u00e9t\u00E9$`, `^\x{00e9}t\x{00E9}$`},
		{`^\uD83D\uDE00$`, `^\x{1F600}$`}, // a surrogate pair is one code point
		{`^[\uD83D\uDE00-\uD83D\uDE4F]+$`, `^[\x{1F600}-\x{1F64F}]+$`},
		{`^\u{1F600}$`, `^\x{1F600}$`},
		{`^\p{Alnum}+$`, `^[a-zA-Z0-9]+$`},
		{`^[\p{Alnum}_.-]+$`, `^[a-zA-Z0-9_.-]+$`},
		{`^[^\p{Punct}]+$`, `^[^[:punct:]]+$`},
		{`[\p{Space}-z]`, `[ \t-\r-z]`}, // '-' after a class stays literal, as in Java
		{`^a{3}+$`, `^a{3}$`},
		{`^[a-z]{2}+-\d{4}+$`, `^[a-z]{2}-\d{4}$`},
		{`^[^]$`, `^[\x{0}-\x{10FFFF}]$`},
		{`^\cJ$`, `^\x{0a}$`},
		{`^a\0$`, `^a\x00$`},
		{`a\/b\-c`, `a/b-c`},
		{`a.b`, `a[^\n\r\x{85}\x{2028}\x{2029}]b`},
		{`^(?s).+$`, `^(?s).+$`},
		{`\s\S[\s\S]`, `[\t-\r ][^\t-\r ][ \t-\r\x00-\x08\x0E-\x1F!-\x{10FFFF}]`},
		{`a{1000}`, `a{1000}`},
		{`a{1500}`, `(?:a){1000,1000}(?:a){500,500}`},
		{`é{1001}`, `(?:é){1000,1000}(?:é){1,1}`},
		{`(ab){0,2048}`, `(?:(ab)){0,1000}(?:(ab)){0,1000}(?:(ab)){0,48}`},
		{`x{1001,}`, `(?:x){1000,1000}(?:x){1,}`},
		{`[a-c]{5,1200}`, `(?:[a-c]){5,1000}(?:[a-c]){0,200}`},
		{`a{,5}`, `a{,5}`}, // not a quantifier in ECMA either
	}
	for _, tt := range tests {
		got, err := GoPattern(tt.src)
		if err != nil || got != tt.want {
			t.Errorf("GoPattern(%q) = %q, %v; want %q", tt.src, got, err, tt.want)
		}
	}
}

// TestGoPatternMatches compares match results with those of the engines
// models are written for. Each want was produced by node 20 (ECMA 262,
// RegExp.test, with the u flag where noted) or OpenJDK 17 (Matcher.find),
// and is the same in both unless the engine column says otherwise.
func TestGoPatternMatches(t *testing.T) {
	tests := []struct {
		src     string
		engine  string // which engine defines the construct
		samples []string
		want    string // T or F per sample
	}{
		{`^\u00e9t\u00E9$`, "both", []string{"été", "ete", "Été"}, "TFF"},
		{`^[\u0041-\u005A]+$`, "both", []string{"ABC", "abc", "AbC", ""}, "TFFF"},
		{`^\uD83D\uDE00$`, "both", []string{"😀", "😁", "", "a"}, "TFFF"},
		{`^[\uD83D\uDE00-\uD83D\uDE4F]+$`, "java, ECMA with u", []string{"😀😃🙏", "😀a", "🚀"}, "TFF"},
		{`^\u{1F600}$`, "ECMA with u", []string{"😀", "u{1F600}"}, "TF"},
		{`^\p{Alnum}+$`, "java", []string{"abc123", "a_b", "é", "", "Z9"}, "TFFFT"},
		{`^[\p{Alnum}_.-]+$`, "java", []string{"a_b.c-d", "a b", "é", "-"}, "TFFT"},
		{`^\p{Alpha}\p{Digit}\p{Upper}\p{Lower}$`, "java", []string{"a1Bc", "11Bc", "a1bc"}, "TFF"},
		{`^[^\p{Punct}]+$`, "java", []string{"abc def", "a.b", "a_b", "é"}, "TFFT"},
		{`^\p{XDigit}{4}$`, "java", []string{"09af", "09AF", "09ag", "09a"}, "TTFF"},
		{`^[\p{Space}]*x$`, "java", []string{"x", " \t\n\v\f\rx", "\u00a0x"}, "TTF"},
		{`^\p{ASCII}+$`, "java, ECMA with u", []string{"abc~\x00", "é"}, "TF"},
		{`^\p{Graph}\p{Print}$`, "java", []string{"a ", " a", "ab"}, "TFT"},
		{`^a{3}+$`, "java", []string{"aaa", "aa", "aaaa"}, "TFF"},
		{`^[a-z]{2}+-\d{4}+$`, "java", []string{"ab-1234", "abc-1234", "ab-123"}, "TFF"},
		{`^\d+\.\d+$`, "both", []string{"1.5", "15", "1x5", "١.٥"}, "TFFF"},
		{`^[^]$`, "ECMA", []string{"a", "\n", "ab", ""}, "TTFF"},
		{`^a\/b$`, "both", []string{"a/b", `a\/b`}, "TF"},
		{`^\cJ$`, "both", []string{"\n", "J", "cJ"}, "TFF"},
		{`^a\0$`, "ECMA", []string{"a\x00", "a0", "a"}, "TFF"},
		{`^a\-b$`, "java, ECMA without u", []string{"a-b", "ab"}, "TF"},
		{`^[a\-z]+$`, "both", []string{"a-z", "b"}, "TF"},
		{`^\w+\s\W$`, "both", []string{"ab_1 !", "é x"}, "TF"},
		{`^(a|bc)*$`, "both", []string{"abcbca", "abcb"}, "TF"},
		{`x{2}y{0}`, "both", []string{"xx", "xxy", "x"}, "TTF"},
		{`(?:ab)?c??`, "both", []string{"", "abc"}, "TT"},
		{`a{,5}`, "ECMA without u", []string{"a{,5}", "aaaaa"}, "TF"},
		{`^{}$`, "ECMA without u", []string{"{}"}, "T"},
		{`a{1`, "ECMA without u", []string{"a{1", "a"}, "TF"},
		// Found comparing with Java on AWS's patterns: \s takes in \v, and '.' stops
		// at every line terminator.
		{`^\S+$`, "both", []string{"a\vb", "ab"}, "FT"},
		{`^[^\s]+$`, "both", []string{"a\vb", "ab"}, "FT"},
		{`^[\S]+$`, "both", []string{"a\vb", "ab"}, "FT"},
		{`^\s$`, "both", []string{"\v", "\t", "x"}, "TTF"},
		{`^a.b$`, "both", []string{"a\rb", "a\u2028b", "a\u2029b", "a\nb", "a b", "a😀b"}, "FFFFTT"},
		{`^a.b$`, "java", []string{"a\u0085b"}, "F"},
		{`^[a-zA-Z0-9\s-_()\[\]]+$`, "java", []string{"a.b", "a-_b", "(x)"}, "FTT"},
	}
	for _, tt := range tests {
		if len(tt.samples) != len(tt.want) {
			t.Fatalf("%s: %d samples, %d results", tt.src, len(tt.samples), len(tt.want))
		}
		g, err := GoPattern(tt.src)
		if err != nil {
			t.Errorf("GoPattern(%q): %v", tt.src, err)
			continue
		}
		re := regexp.MustCompile(g)
		for i, s := range tt.samples {
			if got := re.MatchString(s); got != (tt.want[i] == 'T') {
				t.Errorf("%s (%s) on %q: %v, want %c; translated to %s", tt.src, tt.engine, s, got, tt.want[i], g)
			}
		}
	}
}

// TestGoPatternLongRepeats checks the splitting of counts above RE2's 1000
// against arithmetic: X{lo,hi} must match exactly n copies of X when
// lo <= n <= hi.
func TestGoPatternLongRepeats(t *testing.T) {
	tests := []struct {
		src    string
		unit   string // one copy of the atom
		lo, hi int    // hi < 0: unbounded
	}{
		{`^a{1500}$`, "a", 1500, 1500},
		{`^a{1000}$`, "a", 1000, 1000},
		{`^a{1001}$`, "a", 1001, 1001},
		{`^(ab){0,2048}$`, "ab", 0, 2048},
		{`^(?:ab){2001,3000}$`, "ab", 2001, 3000},
		{`^x{1001,}$`, "x", 1001, -1},
		{`^x{2500,}$`, "x", 2500, -1},
		{`^[0-9]{5,1200}$`, "7", 5, 1200},
		{`^é{1002}$`, "é", 1002, 1002},
		{`^\u00e9{1002}$`, "é", 1002, 1002},
		{`^\p{Alpha}{999,1001}$`, "Q", 999, 1001},
		{`^.{1,2048}$`, "-", 1, 2048},
		{`^\S{1,1024}$`, "!", 1, 1024},
	}
	counts := []int{0, 1, 2, 4, 5, 6, 998, 999, 1000, 1001, 1002, 1003, 1199, 1200, 1201, 1499, 1500,
		1501, 2000, 2001, 2047, 2048, 2049, 2499, 2500, 2501, 3000, 3001, 4500}
	for _, tt := range tests {
		g, err := GoPattern(tt.src)
		if err != nil {
			t.Errorf("GoPattern(%q): %v", tt.src, err)
			continue
		}
		re := regexp.MustCompile(g)
		for _, n := range counts {
			want := n >= tt.lo && (tt.hi < 0 || n <= tt.hi)
			if got := re.MatchString(strings.Repeat(tt.unit, n)); got != want {
				t.Errorf("%s on %d × %q: %v, want %v", tt.src, n, tt.unit, got, want)
			}
		}
		// A stray character anywhere breaks the match.
		if re.MatchString(strings.Repeat(tt.unit, max(tt.lo, 1)) + "\n") {
			t.Errorf("%s matched with a trailing newline", tt.src)
		}
	}
}

func TestGoPatternErrors(t *testing.T) {
	unsupported := []string{
		`(?=a)a`, `(?!a)b`, `(?<=a)b`, `(?<!a)b`, `^(?!\s*$).+`, // lookaround
		`(a)\1`, `(?<n>a)\k<n>`, // backreferences
		`a++`, `a*+`, `a?+`, `a{1,2}+`, `a{2,}+`, // possessive, other than {n}+
		`[]`,                    // empty class: no engine in Go
		`\P{Alnum}`,             // negated Java class
		`[a[b]]`, `[[:alpha:]]`, // nested classes mean different things in Java and ECMA
		`a{2}{3}`, // Java repeats a repeat
		`\p{IsLatin}`,
	}
	for _, src := range unsupported {
		got, err := GoPattern(src)
		if !errors.Is(err, ErrUnsupportedPattern) || got != "" {
			t.Errorf("GoPattern(%q) = %q, %v; want ErrUnsupportedPattern", src, got, err)
		}
	}
	malformed := map[string]string{
		`(a`:           "missing closing )",
		`^([a-z]$`:     "missing closing )",
		`a)`:           "unexpected )",
		`[a`:           "missing closing ]",
		`a\`:           "trailing backslash",
		`*a`:           "missing argument to repetition operator",
		`a{2,1}`:       "minimum above its maximum",
		`a{1500,1200}`: "minimum above its maximum",
	}
	for src, msg := range malformed {
		got, err := GoPattern(src)
		if err == nil || errors.Is(err, ErrUnsupportedPattern) || !strings.Contains(err.Error(), msg) || got != "" {
			t.Errorf("GoPattern(%q) = %q, %v; want a plain error saying %q", src, got, err, msg)
		}
	}
}

// TestPatternChecks covers how the loader reports patterns.
func TestPatternChecks(t *testing.T) {
	m := mustLoad(t, model(`
		"com.example#A": {"type": "string", "traits": {"smithy.api#pattern": "^(?!x).*$"}},
		"com.example#B": {"type": "string", "traits": {"smithy.api#pattern": "^(?!x).*$"}},
		"com.example#C": {"type": "string", "traits": {"smithy.api#pattern": "^[a-z]{1,1500}$"}}`))
	if len(m.Warnings) != 2 {
		t.Fatalf("warnings = %v; want one per lookahead pattern", m.Warnings)
	}
	for i, w := range m.Warnings {
		if w.Shape != ShapeID([]string{"com.example#A", "com.example#B"}[i]) ||
			!strings.Contains(w.Message, "not checked") || !strings.Contains(w.Message, "lookaround") {
			t.Errorf("warning %d = %v", i, w)
		}
	}
	// Model.GoPattern remembers results, errors included.
	re1, err1 := m.GoPattern("^(?!x).*$")
	re2, err2 := m.GoPattern("^(?!x).*$")
	if re1 != "" || re2 != "" || !errors.Is(err1, ErrUnsupportedPattern) || err1 != err2 {
		t.Errorf("cached GoPattern = %q %v, %q %v", re1, err1, re2, err2)
	}
	if re, err := m.GoPattern("^[a-z]{1,1500}$"); err != nil || re != "^(?:[a-z]){1,1000}(?:[a-z]){0,500}$" {
		t.Errorf("GoPattern = %q, %v", re, err)
	}
}

// javaSamples are the fixed samples whose Java results testdata/patterns/java17.txt lists.
var javaSamples = []string{"", "a", "A1", " ", "é", "😀", "\x0b", "\t", "a\rb", "a\u0085b", "a\u00a0b",
	"a\nb", "\x0bx", "a.b", "a\u2028b"}

// TestGoPatternJava checks the translation of every AWS pattern that uses
// a construct GoPattern rewrites against java.util.regex, the engine AWS
// writes them for.
func TestGoPatternJava(t *testing.T) {
	dir := filepath.Join(moduleRoot(t), "..", "shared", "models", "aws")
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) == 0 {
		t.Skipf("no AWS models in %s: ../shared is not checked out next to the module", dir)
	}
	type expect struct {
		fixed   string
		samples []string
		results string
	}
	want := map[string]expect{}
	f, err := os.Open(filepath.Join("testdata", "patterns", "java17.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		hash, rest, _ := strings.Cut(line, " ")
		fixed, rest, _ := strings.Cut(rest, " ")
		i := strings.LastIndexByte(rest, ' ')
		var e expect
		e.fixed = fixed
		if i < 0 || json.Unmarshal([]byte(rest[:i]), &e.samples) != nil || len(e.samples) != len(rest[i+1:]) ||
			len(fixed) != len(javaSamples) {
			t.Fatalf("bad line %q", line)
		}
		e.results = rest[i+1:]
		want[hash] = e
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}

	checked := map[string]bool{}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, src := range patternsIn(gjson.ParseBytes(data)) {
			sum := sha256.Sum256([]byte(src))
			hash := hex.EncodeToString(sum[:8])
			e, ok := want[hash]
			if !ok || checked[hash] {
				continue
			}
			checked[hash] = true
			g, err := GoPattern(src)
			if err != nil {
				t.Errorf("GoPattern(%q): %v", src, err)
				continue
			}
			re := regexp.MustCompile(g)
			samples := append(append([]string(nil), javaSamples...), e.samples...)
			results := e.fixed + e.results
			for i, s := range samples {
				if got := re.MatchString(s); got != (results[i] == 'T') {
					t.Errorf("%s on %q: %v, Java %c; translated to %s", src, s, got, results[i], g)
				}
			}
		}
	}
	if len(checked) != len(want) {
		t.Errorf("checked %d of the %d patterns java17.txt lists; the models changed?", len(checked), len(want))
	}
}

// patternsIn returns every smithy.api#pattern value in a model's JSON.
func patternsIn(r gjson.Result) []string {
	var out []string
	r.ForEach(func(k, v gjson.Result) bool {
		if k.Str == "smithy.api#pattern" && v.Type == gjson.String {
			out = append(out, v.Str)
		} else if v.IsObject() || v.IsArray() {
			out = append(out, patternsIn(v)...)
		}
		return true
	})
	return out
}
