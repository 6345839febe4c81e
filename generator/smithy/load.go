package smithy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tidwall/gjson"
)

// Load parses and checks one model file, a JSON AST or (when its name
// ends in .smithy) Smithy IDL. file names the model in problem reports.
// On failure the error is a Problems listing everything found; Load
// never panics on bad input.
func Load(file string, data []byte) (*Model, error) {
	return LoadSources(Source{file, data})
}

// dedupe sorts ps and keeps one of each problem found several times at the
// same place, as a mixin's member is checked again in every shape that
// copies it. The one kept names the shape whose definition holds the place.
func (l *loader) dedupe(ps Problems) Problems {
	ps.sort()
	out := ps[:0]
	for i := 0; i < len(ps); {
		j, best := i+1, ps[i]
		for ; j < len(ps) && ps[j].Pos == ps[i].Pos && ps[j].Message == ps[i].Message; j++ {
			if ps[j].Shape.Root() == l.shapeAt(ps[j].Pos) {
				best = ps[j]
			}
		}
		out = append(out, best)
		i = j
	}
	return out
}

// shapeAt returns the shape whose definition holds pos: the last to start
// at or before it in the same file.
func (l *loader) shapeAt(pos Position) ShapeID {
	off, ok := l.m.files.offset(pos)
	if !ok {
		return ""
	}
	f := l.m.files.file(off)
	var id ShapeID
	start := -1
	for _, s := range l.m.shapes {
		if s.Offset <= off && s.Offset > start && s.Offset >= f.base {
			id, start = s.ID, s.Offset
		}
	}
	return id
}

type loader struct {
	m        *Model
	problems Problems
	warnings Problems
	applies  []applyStmt
	// lateApplies target members that mixins supply.
	lateApplies []applyStmt
	tooDeep     bool        // a value nests too deeply, already reported
	refs        map[ref]int // offsets of the first reference from one shape to another

	// base is the offset of the first byte of the JSON file being read.
	base int
	// pending holds the shapes read from every file, in file order, until
	// merge puts them in the model.
	pending []*Shape
	// defined holds the type of every shape any file defines, so that
	// IDL files can resolve relative shape IDs and annotation traits.
	defined   map[ShapeID]Type
	metaIndex map[string]int // metadata keys by index in Model.Metadata
	// v1 holds the shapes of Smithy 1.0 files; bound, the resource that a
	// shape's elided members take identifiers from ("for").
	v1    map[*Shape]bool
	bound map[*Shape]idRef
}

// idRef is a shape ID written at an offset.
type idRef struct {
	id ShapeID
	at int
}

type applyStmt struct {
	target ShapeID
	traits Traits
	offset int
}

func (l *loader) addAt(offset int, shape ShapeID, format string, args ...any) {
	l.problems = append(l.problems, Problem{l.m.Position(offset), shape, fmt.Sprintf(format, args...)})
}

func (l *loader) warnAt(offset int, shape ShapeID, format string, args ...any) {
	l.warnings = append(l.warnings, Problem{l.m.Position(offset), shape, fmt.Sprintf(format, args...)})
}

// at is the model offset of a value in the JSON file being read.
func (l *loader) at(r gjson.Result) int { return l.base + r.Index }

// loadJSON reads one JSON AST file into l.pending.
func (l *loader) loadJSON(data []byte) {
	if !gjson.ValidBytes(data) {
		off, msg := jsonError(data)
		if looksLikeIDL(data) {
			msg += "; the file looks like Smithy IDL: name it .smithy"
		}
		l.addAt(l.base+off, "", "invalid JSON: %s", msg)
		return
	}
	root := gjson.ParseBytes(data)
	if why := notJSONAST(root); why != "" {
		l.addAt(l.at(root), "", "%s", why)
		return
	}
	first := len(l.pending)
	l.load(root)
	if v1 := root.Get("smithy"); v1.Type == gjson.String && strings.HasPrefix(v1.Str, "1") {
		for _, s := range l.pending[first:] {
			l.v1[s] = true
		}
	}
}

// jsonError locates and describes invalid JSON; gjson only says that it
// is invalid, so encoding/json finds where.
func jsonError(data []byte) (offset int, msg string) {
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return 0, "the file starts with a byte order mark (U+FEFF); JSON must not"
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var v json.RawMessage
	err := dec.Decode(&v)
	if err == nil {
		// The document is fine; something follows it.
		off := int(dec.InputOffset())
		for off < len(data) && isJSONSpace(data[off]) {
			off++
		}
		if off < len(data) {
			return off, fmt.Sprintf("unexpected %s after the end of the document", quoteChar(data[off:]))
		}
		// encoding/json accepts what gjson rejects; should not happen.
		return 0, "malformed document"
	}
	var syn *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return len(data), "unexpected end of input"
	case errors.As(err, &syn):
		return max(int(syn.Offset)-1, 0), syn.Error()
	}
	return 0, err.Error()
}

// maxDepth bounds how deeply a trait or metadata value may nest: reading
// a value costs time in proportion to its size times its depth. AWS's
// models nest 45 levels at most, counted from the top of the file.
const maxDepth = 128

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// quoteChar quotes the character b starts with, or names its first byte
// when that is not UTF-8.
func quoteChar(b []byte) string {
	if r, size := utf8.DecodeRune(b); r != utf8.RuneError || size > 1 {
		return strconv.QuoteRune(r)
	}
	return fmt.Sprintf("byte 0x%02X", b[0])
}

func (l *loader) load(root gjson.Result) {
	if !root.IsObject() {
		l.addAt(l.at(root), "", "a model must be a JSON object, not %s", kindOf(root))
		return
	}
	seen := map[string]bool{}
	root.ForEach(func(k, v gjson.Result) bool {
		if seen[k.Str] {
			l.addAt(l.at(k), "", "duplicate top-level key %q", k.Str)
		}
		seen[k.Str] = true
		switch k.Str {
		case "smithy":
			l.m.Smithy = v.Str
			if v.Type != gjson.String {
				l.addAt(l.at(v), "", `"smithy" must be a version string such as "2.0"`)
			} else if !supportedVersion(v.Str) {
				l.addAt(l.at(v), "", "unsupported Smithy version %q: smithy2go reads Smithy 1.0 and 2.0 JSON AST models", v.Str)
			}
		case "metadata":
			if !v.IsObject() {
				l.addAt(l.at(v), "", `"metadata" must be an object, not %s`, kindOf(v))
				return true
			}
			l.addMetadata(l.node("", v, 0).Fields)
		case "shapes":
			if !v.IsObject() {
				l.addAt(l.at(v), "", `"shapes" must be an object, not %s`, kindOf(v))
				return true
			}
			l.loadShapes(v)
		default:
			l.addAt(l.at(k), "", "unknown top-level key %q: a model has smithy, metadata and shapes", k.Str)
		}
		return true
	})
	if !seen["smithy"] {
		l.addAt(l.at(root), "", `missing "smithy" version`)
	}
}

func supportedVersion(v string) bool {
	switch v {
	case "1", "1.0", "2", "2.0":
		return true
	}
	return false
}

func kindOf(r gjson.Result) string {
	switch {
	case r.IsObject():
		return "an object"
	case r.IsArray():
		return "an array"
	case r.Type == gjson.String:
		return "a string"
	case r.Type == gjson.Number:
		return "a number"
	case r.Type == gjson.True || r.Type == gjson.False:
		return "a boolean"
	}
	return "null"
}

// node converts a JSON value to a Node, keeping source order; depth counts
// the arrays and objects around it.
func (l *loader) node(owner ShapeID, r gjson.Result, depth int) Node {
	n := Node{Offset: l.at(r)}
	switch r.Type {
	case gjson.Null:
		n.Kind = NullNode
	case gjson.False:
		n.Kind = BoolNode
	case gjson.True:
		n.Kind, n.Bool = BoolNode, true
	case gjson.Number:
		n.Kind, n.Str = NumberNode, r.Raw
	case gjson.String:
		n.Kind, n.Str = StringNode, r.Str
	case gjson.JSON:
		if depth == maxDepth {
			if !l.tooDeep {
				l.tooDeep = true
				l.addAt(l.at(r), owner, "value nests deeper than %d levels; Smithy models need far fewer", maxDepth)
			}
			return n
		}
		if r.IsArray() {
			n.Kind = ArrayNode
			r.ForEach(func(_, v gjson.Result) bool {
				n.Items = append(n.Items, l.node(owner, v, depth+1))
				return true
			})
		} else {
			n.Kind = ObjectNode
			r.ForEach(func(k, v gjson.Result) bool {
				n.Fields = append(n.Fields, Field{k.Str, l.node(owner, v, depth+1), l.at(k)})
				return true
			})
		}
	}
	return n
}

var shapeKeys = map[Type][]string{
	Enum: {"members"}, IntEnum: {"members"}, Structure: {"members"}, Union: {"members"},
	List: {"member"}, Set: {"member"}, Map: {"key", "value"},
	Operation: {"input", "output", "errors"},
	Service:   {"version", "operations", "resources", "errors", "rename"},
	Resource: {"identifiers", "properties", "create", "put", "read", "update", "delete", "list",
		"operations", "collectionOperations", "resources"},
}

func knownType(t Type) bool {
	return t.IsData() || t == Operation || t == Service || t == Resource
}

func (l *loader) loadShapes(shapes gjson.Result) {
	type todo struct {
		s *Shape
		v gjson.Result
	}
	var work []todo
	lower := map[string]ShapeID{}
	shapes.ForEach(func(k, v gjson.Result) bool {
		id := ShapeID(k.Str)
		// Only apply statements may name a member.
		if !validShapeID(k.Str, true) {
			l.addAt(l.at(k), "", "malformed shape ID %q: want namespace#Name, such as com.example#Widget", k.Str)
			return true
		}
		if !v.IsObject() {
			l.addAt(l.at(v), id, "a shape definition must be an object, not %s", kindOf(v))
			return true
		}
		typ := v.Get("type")
		switch {
		case !typ.Exists():
			l.addAt(l.at(v), id, `missing "type"`)
			return true
		case typ.Type != gjson.String:
			l.addAt(l.at(typ), id, `"type" must be a string such as "structure", not %s`, kindOf(typ))
			return true
		case typ.Str == "apply":
			l.loadApply(id, v)
			return true
		case id.Member() != "":
			l.addAt(l.at(k), "", "malformed shape ID %q: only apply statements may name a member ($%s)", k.Str, id.Member())
			return true
		}
		if prev, ok := lower[strings.ToLower(k.Str)]; ok {
			if prev == id {
				l.addAt(l.at(k), id, "shape defined twice")
			} else {
				l.addAt(l.at(k), id, "shape ID conflicts with %s: shape IDs must differ other than by case", prev)
			}
			return true
		}
		lower[strings.ToLower(k.Str)] = id
		if _, ok := prelude[id]; ok {
			l.addAt(l.at(k), id, "cannot redefine a prelude shape; every model already has it")
			return true
		}
		s := &Shape{ID: id, Type: Type(typ.Str), Offset: l.at(k)}
		if !knownType(s.Type) {
			l.addAt(l.at(typ), id, "unknown shape type %q%s", typ.Str, suggestType(typ.Str))
			return true
		}
		work = append(work, todo{s, v})
		return true
	})
	// Reading the shapes is most of the work of loading a large model,
	// and each shape is read on its own: split it over the cores.
	l.parallel(len(work), func(w *loader, i int) { w.loadShape(work[i].s, work[i].v) })
	for _, t := range work {
		l.pending = append(l.pending, t.s)
	}
}

// parallel runs f for indexes 0..n-1 over several workers, each with a
// loader of its own, then adds their problems to l's in index order, so
// the result is the same as running them in turn.
func (l *loader) parallel(n int, f func(w *loader, i int)) {
	workers := min(runtime.GOMAXPROCS(0), 4)
	if n < 256 || workers < 2 {
		for i := 0; i < n; i++ {
			f(l, i)
		}
		return
	}
	ws := make([]*loader, workers)
	var wg sync.WaitGroup
	for k := range ws {
		ws[k] = &loader{m: l.m, refs: map[ref]int{}, tooDeep: l.tooDeep, base: l.base, defined: l.defined}
		lo, hi := n*k/workers, n*(k+1)/workers
		wg.Add(1)
		go func(w *loader) {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				f(w, i)
			}
		}(ws[k])
	}
	wg.Wait()
	for _, w := range ws {
		l.problems = append(l.problems, w.problems...)
		l.warnings = append(l.warnings, w.warnings...)
		l.applies = append(l.applies, w.applies...)
		l.lateApplies = append(l.lateApplies, w.lateApplies...)
		l.tooDeep = l.tooDeep || w.tooDeep
		for k, off := range w.refs {
			if _, ok := l.refs[k]; !ok {
				l.refs[k] = off
			}
		}
	}
}

func (l *loader) loadShape(s *Shape, v gjson.Result) {
	allowed := shapeKeys[s.Type]
	v.ForEach(func(k, val gjson.Result) bool {
		switch k.Str {
		case "type":
		case "traits":
			s.Traits = l.traits(s.ID, val)
		case "mixins":
			s.Mixins = l.refList(s.ID, k.Str, val)
		default:
			if !slices.Contains(allowed, k.Str) {
				l.addAt(l.at(k), s.ID, "unexpected property %q on a %s shape; it may have %s",
					k.Str, s.Type, strings.Join(append([]string{"type", "traits", "mixins"}, allowed...), ", "))
				return true
			}
			l.loadProperty(s, k, val)
		}
		return true
	})
	var missing []string
	switch s.Type {
	case List, Set:
		if !v.Get("member").Exists() {
			missing = append(missing, `"member"`)
		}
	case Map:
		for _, k := range []string{"key", "value"} {
			if !v.Get(k).Exists() {
				missing = append(missing, strconv.Quote(k))
			}
		}
	}
	// A shape with mixins may take its members from them; that is
	// checked once they are applied.
	if len(missing) > 0 && !v.Get("mixins").Exists() {
		l.addAt(l.at(v), s.ID, "%s shape needs %s", s.Type, strings.Join(missing, " and "))
	}
}

// sameMemberName returns the name of an earlier member equal to name but
// for case, or "". Small shapes are scanned; a map takes over for large
// enums so the check stays linear.
func sameMemberName(members []*Member, lower *map[string]string, name string) string {
	if len(members) < 32 {
		for _, m := range members {
			if strings.EqualFold(m.Name, name) {
				return m.Name
			}
		}
		return ""
	}
	if *lower == nil {
		*lower = make(map[string]string, 2*len(members))
		for _, m := range members {
			(*lower)[strings.ToLower(m.Name)] = m.Name
		}
	}
	key := strings.ToLower(name)
	if prev, ok := (*lower)[key]; ok {
		return prev
	}
	(*lower)[key] = name
	return ""
}

func (l *loader) loadProperty(s *Shape, k, v gjson.Result) {
	switch k.Str {
	case "members":
		if !v.IsObject() {
			l.addAt(l.at(v), s.ID, `"members" must be an object, not %s`, kindOf(v))
			return
		}
		var lower map[string]string
		v.ForEach(func(name, mv gjson.Result) bool {
			if !validIdentifier(name.Str) {
				l.addAt(l.at(name), s.ID, "invalid member name %q: want a letter or '_' followed by letters, digits and '_'", name.Str)
				return true
			}
			if prev := sameMemberName(s.Members, &lower, name.Str); prev != "" {
				if prev == name.Str {
					l.addAt(l.at(name), s.ID, "duplicate member %q", name.Str)
				} else {
					l.addAt(l.at(name), s.ID, "member %q conflicts with %q: member names must differ other than by case", name.Str, prev)
				}
				return true
			}
			if m := l.member(s, name.Str, l.at(name), mv); m != nil {
				s.Members = append(s.Members, m)
			}
			return true
		})
	case "member", "key", "value":
		if m := l.member(s, k.Str, l.at(k), v); m != nil {
			s.Members = append(s.Members, m)
		}
	case "input":
		s.Input = l.ref(s.ID, k.Str, v)
	case "output":
		s.Output = l.ref(s.ID, k.Str, v)
	case "errors":
		s.Errors = l.refList(s.ID, k.Str, v)
	case "operations":
		s.Operations = l.refList(s.ID, k.Str, v)
	case "resources":
		s.Resources = l.refList(s.ID, k.Str, v)
	case "collectionOperations":
		s.CollectionOperations = l.refList(s.ID, k.Str, v)
	case "version":
		if v.Type != gjson.String {
			l.addAt(l.at(v), s.ID, `"version" must be a string, not %s`, kindOf(v))
		}
		s.Version = v.Str
	case "rename":
		if !v.IsObject() {
			l.addAt(l.at(v), s.ID, `"rename" must be an object, not %s`, kindOf(v))
			return
		}
		s.Rename = map[ShapeID]string{}
		v.ForEach(func(from, to gjson.Result) bool {
			switch {
			case !validShapeID(from.Str, false):
				l.addAt(l.at(from), s.ID, "rename: %s is not an absolute shape ID such as com.example#Widget", from.Raw)
				return true
			case to.Type != gjson.String || !validIdentifier(to.Str):
				l.addAt(l.at(to), s.ID, "rename of %s: new name %s is not an identifier such as Widget", from.Str, to.Raw)
				return true
			}
			s.Rename[ShapeID(from.Str)] = to.Str
			return true
		})
	case "identifiers", "properties":
		if !v.IsObject() {
			l.addAt(l.at(v), s.ID, "%q must be an object, not %s", k.Str, kindOf(v))
			return
		}
		var bs []Binding
		v.ForEach(func(name, ref gjson.Result) bool {
			bs = append(bs, Binding{name.Str, l.ref(s.ID, k.Str, ref)})
			return true
		})
		if k.Str == "identifiers" {
			s.Identifiers = bs
		} else {
			s.Properties = bs
		}
	case "create", "put", "read", "update", "delete", "list":
		b := Binding{k.Str, l.ref(s.ID, k.Str, v)}
		// Keep the documented order whatever the JSON's.
		i := 0
		for i < len(s.Lifecycle) && lifecycleRank(s.Lifecycle[i].Name) < lifecycleRank(b.Name) {
			i++
		}
		s.Lifecycle = append(s.Lifecycle[:i], append([]Binding{b}, s.Lifecycle[i:]...)...)
	}
}

func lifecycleRank(name string) int {
	return strings.Index("create put read update delete list", name)
}

// ref is a reference from one shape to another through a JSON property
// such as "input" or "operations".
type ref struct {
	from ShapeID
	prop string
	to   ShapeID
}

// refAt returns where owner's prop refers to id, or the owner's own offset.
func (l *loader) refAt(owner *Shape, prop string, id ShapeID) int {
	if off, ok := l.refs[ref{owner.ID, prop, id}]; ok {
		return off
	}
	return owner.Offset
}

// ref reads {"target": "ns#Name"}.
func (l *loader) ref(owner ShapeID, what string, v gjson.Result) ShapeID {
	if !v.IsObject() {
		l.addAt(l.at(v), owner, "%s must be an object with a target, not %s", what, kindOf(v))
		return ""
	}
	t := v.Get("target")
	if t.Type != gjson.String {
		l.addAt(l.at(v), owner, "%s has no target", what)
		return ""
	}
	if !validShapeID(t.Str, false) {
		l.addAt(l.at(t), owner, "%s: malformed shape ID %q", what, t.Str)
		return ""
	}
	id := ShapeID(t.Str)
	key := ref{owner, what, id}
	if _, ok := l.refs[key]; !ok {
		l.refs[key] = l.at(t)
	}
	return id
}

func (l *loader) refList(owner ShapeID, what string, v gjson.Result) []ShapeID {
	if !v.IsArray() {
		l.addAt(l.at(v), owner, "%q must be an array, not %s", what, kindOf(v))
		return nil
	}
	var out []ShapeID
	var seen map[ShapeID]bool
	v.ForEach(func(_, r gjson.Result) bool {
		if id := l.ref(owner, what, r); id != "" {
			out = appendNew(out, &seen, id)
		}
		return true
	})
	return out
}

// appendNew appends id unless the list has it: these lists are sets, an
// ID listed twice is there once. Long lists get a set to stay linear.
func appendNew(list []ShapeID, seen *map[ShapeID]bool, id ShapeID) []ShapeID {
	if len(list) < 32 {
		if slices.Contains(list, id) {
			return list
		}
		return append(list, id)
	}
	if *seen == nil {
		*seen = make(map[ShapeID]bool, 2*len(list))
		for _, x := range list {
			(*seen)[x] = true
		}
	}
	if (*seen)[id] {
		return list
	}
	(*seen)[id] = true
	return append(list, id)
}

func (l *loader) member(s *Shape, name string, offset int, v gjson.Result) *Member {
	m := &Member{Name: name, ID: s.ID.WithMember(name), Container: s.ID, Offset: offset}
	if !v.IsObject() {
		l.addAt(l.at(v), m.ID, "a member must be an object with a target, not %s", kindOf(v))
		return nil
	}
	v.ForEach(func(k, val gjson.Result) bool {
		switch k.Str {
		case "target":
			if val.Type != gjson.String || !validShapeID(val.Str, false) {
				l.addAt(l.at(val), m.ID, "malformed target %s: want an absolute shape ID such as smithy.api#String", val.Raw)
				return true
			}
			m.Target = ShapeID(val.Str)
		case "traits":
			m.Traits = l.traits(m.ID, val)
		default:
			l.addAt(l.at(k), m.ID, "unexpected property %q on a member; it may have target and traits", k.Str)
		}
		return true
	})
	if m.Target == "" {
		if (s.Type == Enum || s.Type == IntEnum) && !v.Get("target").Exists() {
			m.Target = UnitID
		} else {
			if !v.Get("target").Exists() {
				l.addAt(l.at(v), m.ID, "member has no target")
			}
			return nil
		}
	}
	return m
}

func (l *loader) traits(owner ShapeID, v gjson.Result) Traits {
	var t Traits
	if !v.IsObject() {
		l.addAt(l.at(v), owner, `"traits" must be an object, not %s`, kindOf(v))
		return t
	}
	v.ForEach(func(k, val gjson.Result) bool {
		if !validShapeID(k.Str, false) {
			l.addAt(l.at(k), owner, "malformed trait ID %q: want an absolute shape ID such as smithy.api#documentation", k.Str)
			return true
		}
		id := ShapeID(k.Str)
		if t.Has(id) {
			l.addAt(l.at(k), owner, "trait %s applied twice", id)
			return true
		}
		t.list = append(t.list, Trait{id, l.node(owner, val, 0)})
		return true
	})
	return t
}

func (l *loader) loadApply(id ShapeID, v gjson.Result) {
	a := applyStmt{target: id, offset: l.at(v)}
	v.ForEach(func(k, val gjson.Result) bool {
		switch k.Str {
		case "type":
		case "traits":
			a.traits = l.traits(id, val)
		default:
			l.addAt(l.at(k), id, "unexpected property %q on apply; it may have type and traits", k.Str)
		}
		return true
	})
	l.applies = append(l.applies, a)
}

var allTypes = []Type{Blob, Boolean, String, Timestamp, Byte, Short, Integer, Long, Float, Double,
	BigInteger, BigDecimal, Document, Enum, IntEnum, List, Set, Map, Structure, Union, Operation,
	Service, Resource}

// suggestType names the shape type closest to a misspelt one.
func suggestType(s string) string {
	best, bestDist := Type(""), 3
	for _, t := range allTypes {
		if d := editDistance(strings.ToLower(s), strings.ToLower(string(t))); d < bestDist {
			best, bestDist = t, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(`; did you mean %q?`, best)
}

// editDistance is the Levenshtein distance of two short strings.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
