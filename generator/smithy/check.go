package smithy

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
)

// check runs the semantic checks once every shape is loaded.
func (l *loader) check() {
	shapes := l.m.Shapes()
	l.parallel(len(shapes), func(l *loader, i int) { l.checkShape(shapes[i]) })
	l.checkCollectionCycles(shapes)
}

// collectionElem is the shape a list's member or a map's value targets,
// when that is a list or map too.
func (l *loader) collectionElem(s *Shape) *Shape {
	var m *Member
	switch {
	case s.IsList():
		m = s.ListMember()
	case s.Type == Map:
		m = s.MapValue()
	}
	if m == nil {
		return nil
	}
	if t := l.m.Shape(m.Target); t != nil && (t.IsList() || t.Type == Map) {
		return t
	}
	return nil
}

// checkCollectionCycles reports lists and maps that contain themselves
// with no structure or union in between: Smithy allows recursion only
// through those, and such a type has no finite value. Each collection has
// at most one collection element, so following it from every shape finds
// each cycle; it is reported once, at its least shape ID.
func (l *loader) checkCollectionCycles(shapes []*Shape) {
	done := map[*Shape]bool{}
	for _, s := range shapes {
		if done[s] || l.collectionElem(s) == nil {
			continue
		}
		onPath := map[*Shape]int{}
		var path []*Shape
		for t := s; t != nil && !done[t]; t = l.collectionElem(t) {
			if i, ok := onPath[t]; ok {
				cycle := path[i:]
				first := 0
				for j, c := range cycle {
					if c.ID < cycle[first].ID {
						first = j
					}
				}
				cycle = slices.Concat(cycle[first:], cycle[:first])
				ids := make([]string, 0, len(cycle)+1)
				for _, c := range cycle {
					ids = append(ids, string(c.ID))
				}
				ids = append(ids, string(cycle[0].ID))
				l.addAt(cycle[0].Offset, cycle[0].ID, "%s contains itself with no structure or union in between (%s); recursion must pass through a structure or union",
					cycle[0].Type, strings.Join(ids, " -> "))
				break
			}
			onPath[t] = len(path)
			path = append(path, t)
		}
		for _, t := range path {
			done[t] = true
		}
	}
}

func (l *loader) checkShape(s *Shape) {
	{
		l.checkTraits(s.ID, s.Type, s.Traits)
		l.checkTraitUse(s.ID, s.Traits)
		l.checkTraitPlaces(s, s.Traits, false)
		for _, m := range s.Members {
			l.checkMember(s, m)
		}
		switch s.Type {
		case Enum, IntEnum:
			l.checkEnum(s)
		case String:
			if s.Traits.Has(TraitEnum) {
				l.checkEnumTrait(s)
			}
		case Union:
			if len(s.Members) == 0 {
				l.addAt(s.Offset, s.ID, "union has no members")
			}
		case Map:
			if k := s.MapKey(); k != nil {
				if t := l.m.Shape(k.Target); t != nil && t.Type != String && t.Type != Enum {
					l.addAt(k.Offset, k.ID, "map key must target a string or enum, not %s %s", t.Type, t.ID)
				}
			}
		case Operation:
			l.wantIO(s, "input", s.Input)
			l.wantIO(s, "output", s.Output)
			for _, e := range s.Errors {
				l.wantError(s, e)
			}
		case Service:
			l.wantAll(s, "operations", s.Operations, Operation)
			l.wantAll(s, "resources", s.Resources, Resource)
			for _, e := range s.Errors {
				l.wantError(s, e)
			}
		case Resource:
			for _, b := range s.Identifiers {
				l.want(s, "identifiers", "identifier "+b.Name, b.Target, String, Enum)
			}
			for _, b := range s.Lifecycle {
				l.want(s, b.Name, b.Name, b.Target, Operation)
			}
			l.wantAll(s, "operations", s.Operations, Operation)
			l.wantAll(s, "collectionOperations", s.CollectionOperations, Operation)
			l.wantAll(s, "resources", s.Resources, Resource)
		}
	}
}

func (l *loader) checkMember(s *Shape, m *Member) {
	t := l.m.Shape(m.Target)
	switch {
	case t == nil:
		l.addAt(m.Offset, m.ID, "target %s does not exist", m.Target)
		return
	case s.Type == Enum || s.Type == IntEnum:
		l.checkTraitUse(m.ID, m.Traits)
		if m.Target != UnitID {
			l.addAt(m.Offset, m.ID, "enum members must target smithy.api#Unit, not %s", m.Target)
		}
	case !t.Type.IsData():
		l.addAt(m.Offset, m.ID, "member targets %s %s; members must target data shapes", t.Type, t.ID)
		return
	}
	l.checkTraits(m.ID, t.Type, m.Traits)
	l.checkTraitUse(m.ID, m.Traits)
	l.checkTraitPlaces(s, m.Traits, true)
	if d, ok := m.Traits.Default(); ok {
		l.checkDefault(m.ID, t, d)
	}
}

func (l *loader) checkEnum(s *Shape) {
	if len(s.Members) == 0 {
		l.addAt(s.Offset, s.ID, "%s has no members", s.Type)
		return
	}
	seen := map[string]string{}
	for _, m := range s.Members {
		v, ok := m.Traits.EnumValue()
		var key string
		switch {
		case s.Type == IntEnum:
			if !ok {
				l.addAt(m.Offset, m.ID, "intEnum member needs an integer enumValue")
				continue
			}
			i, isInt := v.Int()
			if !isInt {
				l.addAt(v.Offset, m.ID, "intEnum enumValue must be an integer, not %s", describe(v))
				continue
			}
			if i < math.MinInt32 || i > math.MaxInt32 {
				l.addAt(v.Offset, m.ID, "intEnum enumValue %s does not fit in 32 bits", v.Str)
				continue
			}
			key = v.Str
		case !ok:
			key = m.Name
		case v.Kind != StringNode:
			l.addAt(v.Offset, m.ID, "enum enumValue must be a string, not %s", describe(v))
			continue
		default:
			key = v.Str
		}
		if prev, dup := seen[key]; dup {
			l.addAt(m.Offset, m.ID, "duplicate enum value %q: member %s has it too", key, prev)
			continue
		}
		seen[key] = m.Name
	}
}

func (l *loader) checkEnumTrait(s *Shape) {
	n, _ := s.Traits.Get(TraitEnum)
	if n.Kind != ArrayNode || len(n.Items) == 0 {
		l.addAt(n.Offset, s.ID, "enum trait must be a non-empty array")
		return
	}
	seen := map[string]bool{}
	for _, item := range n.Items {
		v, ok := item.Get("value")
		if !ok || v.Kind != StringNode {
			l.addAt(item.Offset, s.ID, "enum trait entry needs a string \"value\"")
			continue
		}
		if seen[v.Str] {
			l.addAt(v.Offset, s.ID, "duplicate enum value %q", v.Str)
		}
		seen[v.Str] = true
	}
}

func (l *loader) wantIO(op *Shape, what string, id ShapeID) {
	if id == "" {
		return
	}
	if t := l.want(op, what, what, id, Structure); t != nil && t.Traits.Has(TraitError) {
		l.addAt(l.refAt(op, what, id), op.ID, "%s %s has the error trait; an operation's %s cannot be an error", what, id, what)
	}
}

func (l *loader) wantError(owner *Shape, id ShapeID) {
	if t := l.want(owner, "errors", "error", id, Structure); t != nil && !t.Traits.Has(TraitError) {
		l.addAt(l.refAt(owner, "errors", id), owner.ID, "error %s lacks the error trait (smithy.api#error)", id)
	}
}

func (l *loader) wantAll(owner *Shape, what string, ids []ShapeID, t Type) {
	for _, id := range ids {
		l.want(owner, what, what, id, t)
	}
}

// want reports unless id names a shape of one of the types; prop is the
// JSON property that refers to it, what names it in messages.
func (l *loader) want(owner *Shape, prop, what string, id ShapeID, types ...Type) *Shape {
	t := l.m.Shape(id)
	if t == nil {
		l.addAt(l.refAt(owner, prop, id), owner.ID, "%s target %s does not exist", what, id)
		return nil
	}
	for _, ty := range types {
		if t.Type == ty {
			return t
		}
	}
	names := make([]string, len(types))
	for i, ty := range types {
		names[i] = string(ty)
	}
	l.addAt(l.refAt(owner, prop, id), owner.ID, "%s target %s is %s %s; want %s", what, id, article(t.Type), t.Type,
		strings.Join(names, " or "))
	return nil
}

func article(t Type) string {
	if t != Union && strings.ContainsRune("aeiou", rune(t[0])) {
		return "an"
	}
	return "a"
}

var annotationTraits = []ShapeID{
	TraitRequired, TraitClientOptional, TraitSensitive, TraitIdempotencyToken, TraitXMLFlattened,
	TraitXMLAttribute, TraitInput, TraitOutput, TraitUniqueItems, TraitSparse, TraitStreaming,
	TraitMixin, TraitHostLabel, TraitUnitType,
}

var stringTraits = []ShapeID{
	TraitDocumentation, TraitPattern, TraitXMLName, TraitEC2QueryName, TraitTimestampFormat,
	TraitError, TraitTitle,
}

// checkTraits checks the values of the traits the generator reads, and that
// constraint traits sit on shapes they can constrain. target is the type
// of the shape itself, or of a member's target.
func (l *loader) checkTraits(owner ShapeID, target Type, t Traits) {
	for _, tr := range t.list {
		v := tr.Value
		switch {
		case slices.Contains(annotationTraits, tr.ID):
			if v.Kind != ObjectNode && !(v.Kind == BoolNode && v.Bool) {
				l.addAt(v.Offset, owner, "trait %s takes an empty object, not %s", tr.ID, describe(v))
			}
		case slices.Contains(stringTraits, tr.ID):
			if v.Kind != StringNode {
				l.addAt(v.Offset, owner, "trait %s takes a string, not %s", tr.ID, describe(v))
				continue
			}
			l.checkStringTrait(owner, target, tr.ID, v)
		case tr.ID == TraitLength || tr.ID == TraitRange:
			l.checkBounds(owner, target, tr.ID, v)
		case tr.ID == TraitDeprecated, tr.ID == TraitXMLNamespace, tr.ID == TraitEndpoint,
			tr.ID == TraitRequestCompr, tr.ID == TraitAWSQueryError:
			if v.Kind != ObjectNode {
				l.addAt(v.Offset, owner, "trait %s takes an object, not %s", tr.ID, describe(v))
				continue
			}
			l.checkObjectTrait(owner, tr.ID, v)
		case tr.ID == TraitEnum && v.Kind != ArrayNode:
			l.addAt(v.Offset, owner, "trait %s takes an array, not %s", tr.ID, describe(v))
		}
	}
}

func (l *loader) checkStringTrait(owner ShapeID, target Type, id ShapeID, v Node) {
	switch id {
	case TraitTimestampFormat:
		switch v.Str {
		case "date-time", "http-date", "epoch-seconds":
		default:
			l.addAt(v.Offset, owner, "unknown timestampFormat %q: want date-time, http-date or epoch-seconds", v.Str)
		}
	case TraitError:
		if v.Str != "client" && v.Str != "server" {
			l.addAt(v.Offset, owner, `error trait must be "client" or "server", not %q`, v.Str)
		}
	case TraitPattern:
		if target != String && target != Enum {
			l.addAt(v.Offset, owner, "pattern trait applies to strings, not %s", target)
			return
		}
		if _, err := l.m.GoPattern(v.Str); err != nil {
			if errors.Is(err, ErrUnsupportedPattern) {
				l.warnAt(v.Offset, owner, "pattern %q is not checked: %v", v.Str, err)
			} else {
				// GoPattern wraps the reason; say it once, after the pattern.
				if reason := errors.Unwrap(err); reason != nil {
					err = reason
				}
				l.addAt(v.Offset, owner, "pattern %q does not compile: %v", v.Str, err)
			}
		}
	}
}

func (l *loader) checkBounds(owner ShapeID, target Type, id ShapeID, v Node) {
	if v.Kind != ObjectNode {
		l.addAt(v.Offset, owner, "trait %s takes an object with min and/or max, not %s", id, describe(v))
		return
	}
	var lo, hi float64
	var hasLo, hasHi bool
	for _, f := range v.Fields {
		if f.Key != "min" && f.Key != "max" {
			l.addAt(f.Offset, owner, "trait %s has unknown property %q", id, f.Key)
			continue
		}
		x, ok := f.Value.Float()
		switch {
		case !ok && f.Value.Kind == NumberNode:
			l.addAt(f.Value.Offset, owner, "trait %s: %s %s is out of range", id, f.Key, f.Value.Str)
			continue
		case !ok:
			l.addAt(f.Value.Offset, owner, "trait %s: %s must be a number, not %s", id, f.Key, describe(f.Value))
			continue
		}
		if id == TraitLength {
			_, isInt := f.Value.Int()
			switch {
			case !isInt && strings.Trim(f.Value.Str, "0123456789") == "":
				l.addAt(f.Value.Offset, owner, "trait %s: %s %s is out of range", id, f.Key, f.Value.Str)
				continue
			case !isInt || x < 0:
				l.addAt(f.Value.Offset, owner, "trait %s: %s must be a non-negative integer, not %s", id, f.Key, f.Value.Str)
				continue
			}
		}
		if f.Key == "min" {
			lo, hasLo = x, true
		} else {
			hi, hasHi = x, true
		}
	}
	if hasLo && hasHi && lo > hi {
		l.addAt(v.Offset, owner, "trait %s: min %v is greater than max %v", id, lo, hi)
	}
	switch {
	case id == TraitLength && !(target == String || target == Enum || target == Blob || target == List ||
		target == Set || target == Map):
		l.addAt(v.Offset, owner, "length trait applies to strings, blobs, lists and maps, not %s", target)
	case id == TraitRange && !target.IsNumber():
		l.addAt(v.Offset, owner, "range trait applies to numbers, not %s", target)
	}
}

func (l *loader) checkObjectTrait(owner ShapeID, id ShapeID, v Node) {
	want := func(key string, kind Kind, required bool) {
		f, ok := v.Get(key)
		switch {
		case !ok && required:
			l.addAt(v.Offset, owner, "trait %s needs %q", id, key)
		case ok && f.Kind != kind:
			l.addAt(f.Offset, owner, "trait %s: %q must be %s, not %s", id, key, withArticle(kind), describe(f))
		}
	}
	switch id {
	case TraitDeprecated:
		want("message", StringNode, false)
		want("since", StringNode, false)
	case TraitXMLNamespace:
		want("uri", StringNode, true)
		want("prefix", StringNode, false)
	case TraitEndpoint:
		want("hostPrefix", StringNode, true)
	case TraitRequestCompr:
		want("encodings", ArrayNode, true)
	case TraitAWSQueryError:
		want("code", StringNode, true)
		want("httpResponseCode", NumberNode, true)
	}
}

func (l *loader) checkDefault(owner ShapeID, t *Shape, d Node) {
	var ok bool
	switch {
	case d.Kind == NullNode:
		ok = true // removes an inherited default
	case t.Type.IsNumber() && d.Kind == StringNode:
		// Node values may spell these as strings.
		switch t.Type {
		case Float, Double:
			ok = d.Str == "NaN" || d.Str == "Infinity" || d.Str == "-Infinity"
		case BigInteger, BigDecimal:
			ok = d.Str != "" && (d.Str[0] == '-' || isDigit(d.Str[0])) && json.Valid([]byte(d.Str))
		}
	case t.Type.IsNumber():
		ok = d.Kind == NumberNode
		if ok && t.Type != Float && t.Type != Double && t.Type != BigDecimal {
			_, err := strconv.ParseInt(d.Str, 10, 64)
			ok = err == nil || t.Type == BigInteger
		}
	case t.Type == Boolean:
		ok = d.Kind == BoolNode
	case t.Type == String, t.Type == Enum, t.Type == Blob:
		ok = d.Kind == StringNode
	case t.Type == Timestamp:
		ok = d.Kind == NumberNode || d.Kind == StringNode
	case t.IsList():
		ok = d.Kind == ArrayNode && len(d.Items) == 0
	case t.Type == Map:
		ok = d.Kind == ObjectNode && len(d.Fields) == 0
	case t.Type == Document:
		ok = true
	}
	switch {
	case ok:
	case t.IsList() && d.Kind == ArrayNode:
		l.addAt(d.Offset, owner, "default value %s does not fit %s %s: only an empty list [] can be a default", nodeText(d), t.Type, t.ID)
	case t.Type == Map && d.Kind == ObjectNode:
		l.addAt(d.Offset, owner, "default value %s does not fit map %s: only an empty map {} can be a default", nodeText(d), t.ID)
	default:
		l.addAt(d.Offset, owner, "default value %s does not fit %s %s", nodeText(d), t.Type, t.ID)
	}
}

// checkTraitUse reports traits that name a shape of the model which is
// not a trait. Traits the model does not define are fine: AWS models use
// aws.api and aws.protocols traits without their definitions.
func (l *loader) checkTraitUse(owner ShapeID, t Traits) {
	for _, tr := range t.list {
		if ts := l.m.shapes[tr.ID]; ts != nil && !ts.Traits.Has(TraitTrait) {
			l.addAt(tr.Value.Offset, owner, "%s is used as a trait, but it is not one: the shape lacks @trait (smithy.api#trait)", tr.ID)
		}
	}
}

// traitPlaces are the prelude traits whose selectors name shape types
// only, with those types; "member" means a structure member.
var traitPlaces = func() map[ShapeID][]string {
	m := map[ShapeID][]string{}
	for places, names := range map[string]string{
		"operation":         "readonly idempotent http endpoint optionalAuth examples httpChecksumRequired requestCompression",
		"service":           "cors httpBasicAuth httpDigestAuth httpBearerAuth httpApiKeyAuth",
		"service operation": "auth paginated",
		"structure":         "error input output retryable",
		"member": `required clientOptional idempotencyToken httpLabel httpQuery httpHeader httpPrefixHeaders
			httpPayload httpQueryParams httpResponseCode hostLabel`,
	} {
		for _, n := range strings.Fields(names) {
			m[ShapeID("smithy.api#"+n)] = strings.Fields(places)
		}
	}
	return m
}()

// checkTraitPlaces reports prelude traits applied where their selectors
// do not allow them, such as @idempotent on a string.
func (l *loader) checkTraitPlaces(s *Shape, t Traits, member bool) {
	for _, tr := range t.list {
		places, ok := traitPlaces[tr.ID]
		if !ok {
			continue
		}
		here := string(s.Type)
		if member {
			here = "member"
			if s.Type != Structure {
				here = string(s.Type) + " member"
			}
		}
		if !slices.Contains(places, here) {
			l.addAt(tr.Value.Offset, s.ID, "trait %s applies to %s, not to %s", tr.ID, placeNames(places), article(Type(here))+" "+here)
		}
	}
}

func placeNames(places []string) string {
	names := make([]string, len(places))
	for i, p := range places {
		if p == "member" {
			names[i] = "structure members"
		} else {
			names[i] = p + "s"
		}
	}
	return strings.Join(names, " and ")
}
