package sample

import (
	"hash/fnv"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Epoch is the first sample timestamp; whole seconds, so every timestamp
// format carries it exactly.
var Epoch = time.Date(2024, time.March, 4, 5, 6, 7, 0, time.UTC)

// RequestID is the request ID sample responses carry.
const RequestID = "8f2d1c3a-5b7e-4d09-a6f1-0c2b3d4e5f60"

// maxDepth is how many times a recursive structure may nest in a sample.
const maxDepth = 2

// fullDepth is how deep structures get every member set.
const fullDepth = 4

// maxNodes bounds how many values a sample holds before only required
// members are added.
const maxNodes = 1500

// Builder makes sample values. Values depend only on the plan and the
// order of calls, so output is deterministic.
type Builder struct {
	depth int
	nodes int // values made for the current sample
	// tested records the rules already broken by some mutation, so each
	// is tested once per package.
	tested map[string]bool
	stack  map[*plan.Struct]int
	unions map[*plan.Union]int // like stack, for unions that recurse through lists or maps
	level  int                 // nesting of values, whatever their kind
	// Listed is how many elements lists and maps get in full values.
	Listed int
}

// NewBuilder returns a builder whose collections hold two elements.
func NewBuilder() *Builder {
	return &Builder{stack: map[*plan.Struct]int{}, unions: map[*plan.Union]int{}, tested: map[string]bool{}, Listed: 2}
}

// Full is a value of st with every member set, collections of several
// elements, nested structures filled; recursion stops after one level.
func (b *Builder) Full(st *plan.Struct) *Value {
	b.nodes = 0
	return b.structValue(st, st.Name, false)
}

// Minimal is a value of st with only the required members set.
func (b *Builder) Minimal(st *plan.Struct) *Value {
	b.nodes = 0
	return b.structValue(st, st.Name, true)
}

func (b *Builder) structValue(st *plan.Struct, path string, minimal bool) *Value {
	v := &Value{Type: &plan.Type{Kind: plan.StructKind, Shape: st.Shape, Name: st.Name, Struct: st}}
	b.stack[st]++
	b.depth++
	defer func() { b.stack[st]--; b.depth-- }()
	// Deep inside an input, or once a sample is large, only required
	// members are set: samples of large services stay small while every
	// level is still reached.
	if b.depth > fullDepth || b.nodes > maxNodes {
		minimal = true
	}
	for _, f := range st.Fields {
		if minimal && !f.Required {
			continue
		}
		if !settable(f.Type) {
			continue
		}
		fv := b.value(f.Type, f.Rules, f.Name, path+"."+f.Name, minimal)
		if fv == nil {
			continue
		}
		v.Fields = append(v.Fields, FieldValue{f, fv})
	}
	return v
}

// settable reports whether samples can hold a value of t: streams and
// documents are left out.
func settable(t *plan.Type) bool {
	return t.Kind != plan.StreamKind && t.Kind != plan.DocumentKind
}

// seed derives a number from a value's path in the sample, so a value does
// not change when unrelated parts of the model do.
func seed(path string) int {
	h := fnv.New32a()
	h.Write([]byte(path))
	return int(h.Sum32()%997) + 1
}

// maxLevel bounds the nesting of a sample whatever shapes it goes
// through; recursion is stopped earlier, so only a model the recursion
// guards do not foresee reaches it.
const maxLevel = 64

// value makes a sample of t that satisfies rules; name seeds strings.
func (b *Builder) value(t *plan.Type, r plan.Rules, name, path string, minimal bool) *Value {
	if b.level >= maxLevel {
		return nil
	}
	b.level++
	defer func() { b.level-- }()
	v := &Value{Type: t}
	b.nodes++
	n := seed(path)
	switch t.Kind {
	case plan.StringKind:
		v.Str = b.str(name, n, r)
	case plan.EnumKind:
		vals := t.Enum.Values
		v.Str = vals[n%len(vals)].Value
		if v.Str == "" && len(vals) > 1 {
			v.Str = vals[(n+1)%len(vals)].Value
		}
	case plan.IntEnumKind:
		vals := t.Enum.Values
		i, _ := strconv.ParseInt(vals[n%len(vals)].Value, 10, 64)
		v.Int = i
	case plan.BoolKind:
		v.Bool = true
	case plan.Int8Kind, plan.Int16Kind, plan.Int32Kind, plan.Int64Kind, plan.BigIntKind:
		v.Int = intInRange(int64(n), r.Range, t.Bits())
	case plan.Float32Kind, plan.Float64Kind, plan.BigDecimalKind:
		v.Float = floatInRange(float64(n)+0.5, r.Range)
	case plan.TimeKind:
		v.Time = Epoch.Add(time.Duration(n) * time.Hour)
	case plan.BlobKind:
		v.Bytes = []byte(lengthFit("blob-"+strconv.Itoa(n), r.Length))
	case plan.UnitKind:
	case plan.StructKind:
		// Recursive shapes go two levels deep, enough to exercise the
		// recursion without growing without end.
		if b.stack[t.Struct] >= maxDepth {
			return nil
		}
		return b.structValue(t.Struct, path, minimal)
	case plan.UnionKind:
		// A union such as a filter whose variants hold lists of the same
		// union recurses without passing a structure.
		if b.unions[t.Union] >= maxDepth {
			return nil
		}
		b.unions[t.Union]++
		defer func() { b.unions[t.Union]-- }()
		vs := t.Union.Variants
		for i := range vs {
			vr := vs[(n+i)%len(vs)]
			if !settable(vr.Field.Type) {
				continue
			}
			inner := b.value(vr.Field.Type, vr.Field.Rules, vr.Field.Name, path+"."+vr.Field.Name, minimal)
			if inner == nil {
				continue
			}
			v.Variant, v.Inner = vr, inner
			return v
		}
		return nil
	case plan.ListKind:
		n := b.count(r, minimal)
		if !settable(t.Elem) {
			return nil
		}
		seen := map[string]bool{}
		for i := 0; i < n; i++ {
			e := b.value(t.Elem, t.ElemRules, name, path+"["+strconv.Itoa(i)+"]", minimal)
			if e == nil {
				return nil
			}
			if r.UniqueItems {
				k := e.key()
				if seen[k] {
					break
				}
				seen[k] = true
			}
			v.Items = append(v.Items, e)
		}
	case plan.MapKind:
		n := b.count(r, minimal)
		seen := map[string]bool{}
		for i := 0; i < n; i++ {
			var k string
			if t.Key.Kind == plan.EnumKind {
				vals := t.Key.Enum.Values
				k = vals[i%len(vals)].Value
			} else {
				k = b.str(name+"Key", seed(path+"#"+strconv.Itoa(i)), t.KeyRules)
			}
			if seen[k] {
				break
			}
			seen[k] = true
			e := b.value(t.Elem, t.ElemRules, name, path+"["+strconv.Itoa(i)+"]", minimal)
			if e == nil {
				return nil
			}
			v.Entries = append(v.Entries, Entry{k, e})
		}
		sort.Slice(v.Entries, func(i, j int) bool { return v.Entries[i].Key < v.Entries[j].Key })
	default:
		return nil
	}
	return v
}

// count is how many elements a collection gets, within its length trait:
// several near the top of a value, one further down.
func (b *Builder) count(r plan.Rules, minimal bool) int {
	n := b.Listed
	if minimal || b.depth > 2 {
		n = 1
	}
	if l := r.Length; l != nil {
		lo, hi := bounds(l)
		if l.HasMin && int64(n) < lo {
			n = int(min(lo, 50))
		}
		if l.HasMax && int64(n) > hi {
			n = int(max(hi, 0))
		}
	}
	return n
}

// key identifies a value, for uniqueItems: equal values have equal keys.
func (v *Value) key() string {
	var b strings.Builder
	v.writeKey(&b)
	return b.String()
}

func (v *Value) writeKey(b *strings.Builder) {
	if v == nil {
		b.WriteString("nil;")
		return
	}
	b.WriteString(strconv.Quote(v.Str) + strconv.FormatInt(v.Int, 10) + "," + strconv.FormatFloat(v.Float, 'g', -1, 64) +
		"," + strconv.FormatBool(v.Bool) + "," + v.Time.String() + "," + strconv.Quote(string(v.Bytes)) + "{")
	for _, fv := range v.Fields {
		b.WriteString(fv.Field.Name + ":")
		fv.Value.writeKey(b)
	}
	b.WriteString("}[")
	for _, it := range v.Items {
		it.writeKey(b)
	}
	b.WriteString("]<")
	for _, e := range v.Entries {
		b.WriteString(strconv.Quote(e.Key) + ":")
		e.Value.writeKey(b)
	}
	b.WriteString(">")
	if v.Variant != nil {
		b.WriteString(v.Variant.Name + "=")
		v.Inner.writeKey(b)
	}
	b.WriteString(";")
}

// bounds reads integer bounds, rounding fractional ones inwards and
// clamping to int64; the model's text is parsed exactly, since a bound
// such as 9223372036854775807 does not survive a float64.
func bounds(b *smithy.Bounds) (int64, int64) {
	lo, hi := int64(math.MinInt64), int64(math.MaxInt64)
	if b.HasMin {
		lo = exactBound(b.Min, true)
	}
	if b.HasMax {
		hi = exactBound(b.Max, false)
	}
	return lo, hi
}

func exactBound(text string, up bool) int64 {
	// Most bounds are plain integers; samples ask for them thousands of
	// times, so those skip the exact decimal arithmetic.
	if n, err := strconv.ParseInt(text, 10, 64); err == nil {
		return n
	}
	f, _, err := big.ParseFloat(text, 10, 256, big.ToNearestEven)
	if err != nil {
		return 0
	}
	i, acc := f.Int(nil)
	switch {
	case up && acc == big.Below:
		i.Add(i, big.NewInt(1))
	case !up && acc == big.Above:
		i.Sub(i, big.NewInt(1))
	}
	switch {
	case i.IsInt64():
		return i.Int64()
	case i.Sign() < 0:
		return math.MinInt64
	}
	return math.MaxInt64
}

func intInRange(n int64, r *smithy.Bounds, bits int) int64 {
	if r != nil {
		lo, hi := bounds(r)
		n = max(min(n, hi), lo)
	}
	if bits < 64 {
		lim := int64(1)<<(bits-1) - 1
		n = max(min(n, lim), -lim-1)
	}
	return n
}

func floatInRange(x float64, r *smithy.Bounds) float64 {
	if r == nil {
		return x
	}
	if r.HasMin {
		if lo, err := strconv.ParseFloat(r.Min, 64); err == nil && x < lo {
			x = lo
		}
	}
	if r.HasMax {
		if hi, err := strconv.ParseFloat(r.Max, 64); err == nil && x > hi {
			x = hi
		}
	}
	return x
}

// str makes a string from name that satisfies length and pattern rules.
func (b *Builder) str(name string, n int, r plan.Rules) string {
	base := strings.ToLower(name) + "-" + strconv.Itoa(n)
	if r.Pattern == nil {
		return lengthFit(base, r.Length)
	}
	re := compiled(r.Pattern.Go)
	lo, hi := 0, math.MaxInt32
	if r.Length != nil {
		l, h := bounds(r.Length)
		lo, hi = int(max(l, 0)), int(min(h, math.MaxInt32))
	}
	ok := func(s string) bool {
		n := utf8.RuneCountInString(s)
		return n >= lo && n <= hi && re.MatchString(s)
	}
	if s := lengthFit(base, r.Length); ok(s) {
		return s
	}
	// An empty match comes last: a member is usually meant to say
	// something, and an empty path label cannot be sent at all.
	empty := false
	for s := range matching(r.Pattern.Go, lo, hi, n) {
		if ok(s) {
			if s != "" {
				return s
			}
			empty = true
		}
	}
	if empty {
		return ""
	}
	return lengthFit(base, r.Length)
}

// lengthFit pads s with 'x' or cuts it to fit a length trait.
func lengthFit(s string, l *smithy.Bounds) string {
	if l == nil {
		return s
	}
	lo, hi := bounds(l)
	n := int64(utf8.RuneCountInString(s))
	if n < lo {
		s += strings.Repeat("x", int(min(lo-n, 1<<16)))
	}
	if n > hi {
		s = string([]rune(s)[:max(hi, 0)])
	}
	return s
}
