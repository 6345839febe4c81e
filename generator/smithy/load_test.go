package smithy

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// model wraps shape entries in a Smithy 2.0 model.
func model(shapes string) string {
	return `{"smithy": "2.0", "shapes": {` + shapes + `}}`
}

func mustLoad(t *testing.T, src string) *Model {
	t.Helper()
	m, err := Load("test.json", []byte(src))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return m
}

func mustFail(t *testing.T, src string) Problems {
	t.Helper()
	m, err := Load("test.json", []byte(src))
	if err == nil {
		t.Fatalf("Load succeeded with %d shapes; want problems", len(m.Shapes()))
	}
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error is %T, want Problems", err)
	}
	return ps
}

func mustShape(t *testing.T, m *Model, id ShapeID) *Shape {
	t.Helper()
	s := m.Shape(id)
	if s == nil {
		t.Fatalf("no shape %s", id)
	}
	return s
}

// memberSummary is a member reduced to what tests compare.
type memberSummary struct{ Name, ID, Container, Target string }

func summarize(ms []*Member) []memberSummary {
	var out []memberSummary
	for _, m := range ms {
		out = append(out, memberSummary{m.Name, string(m.ID), string(m.Container), string(m.Target)})
	}
	return out
}

func TestLoadSimpleTypes(t *testing.T) {
	for _, typ := range []Type{Blob, Boolean, String, Timestamp, Byte, Short, Integer, Long, Float,
		Double, BigInteger, BigDecimal, Document} {
		t.Run(string(typ), func(t *testing.T) {
			m := mustLoad(t, model(`"com.example#S": {"type": "`+string(typ)+`",
				"traits": {"smithy.api#documentation": "Docs."}}`))
			s := mustShape(t, m, "com.example#S")
			if s.Type != typ || !s.Type.IsSimple() || s.Type.IsAggregate() || !s.Type.IsData() {
				t.Errorf("Type = %q (simple %v, aggregate %v, data %v)", s.Type, s.Type.IsSimple(),
					s.Type.IsAggregate(), s.Type.IsData())
			}
			if s.Members != nil || s.Prelude || s.ID != "com.example#S" {
				t.Errorf("shape = %+v", s)
			}
			if got := s.Traits.Documentation(); got != "Docs." {
				t.Errorf("Documentation() = %q", got)
			}
			if len(m.Shapes()) != 1 || m.Shapes()[0] != s {
				t.Errorf("Shapes() = %v", m.Shapes())
			}
		})
	}
}

func TestTypePredicates(t *testing.T) {
	numbers := map[Type]bool{Byte: true, Short: true, Integer: true, Long: true, Float: true,
		Double: true, BigInteger: true, BigDecimal: true, IntEnum: true}
	for _, typ := range allTypes {
		if got := typ.IsNumber(); got != numbers[typ] {
			t.Errorf("%s.IsNumber() = %v", typ, got)
		}
		service := typ == Operation || typ == Service || typ == Resource
		if typ.IsData() == service {
			t.Errorf("%s.IsData() = %v", typ, typ.IsData())
		}
	}
	for typ, want := range map[Type]bool{List: true, Set: true, Map: true, Structure: true, Union: true,
		Enum: false, String: false, Operation: false} {
		if got := typ.IsAggregate(); got != want {
			t.Errorf("%s.IsAggregate() = %v", typ, got)
		}
	}
}

func TestArticle(t *testing.T) {
	for typ, want := range map[Type]string{Integer: "an", Operation: "an", Enum: "an", IntEnum: "an",
		Union: "a", String: "a", Structure: "a", List: "a", Map: "a", Resource: "a"} {
		if got := article(typ); got != want {
			t.Errorf("article(%s) = %q, want %q", typ, got, want)
		}
	}
}

func TestLoadEnums(t *testing.T) {
	m := mustLoad(t, model(`
		"com.example#Color": {"type": "enum", "members": {
			"RED": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "red"}},
			"GREEN": {"target": "smithy.api#Unit"},
			"BLUE": {"traits": {"smithy.api#enumValue": "blue"}}
		}},
		"com.example#Level": {"type": "intEnum", "members": {
			"LOW": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 1}},
			"HIGH": {"traits": {"smithy.api#enumValue": -20}}
		}},
		"com.example#Old": {"type": "string", "traits": {"smithy.api#enum": [
			{"value": "a", "name": "A"}, {"value": "b"}
		]}}`))
	color := mustShape(t, m, "com.example#Color")
	want := []memberSummary{
		{"RED", "com.example#Color$RED", "com.example#Color", "smithy.api#Unit"},
		{"GREEN", "com.example#Color$GREEN", "com.example#Color", "smithy.api#Unit"},
		{"BLUE", "com.example#Color$BLUE", "com.example#Color", "smithy.api#Unit"}, // target implied
	}
	if diff := cmp.Diff(want, summarize(color.Members)); diff != "" {
		t.Errorf("enum members (-want +got):\n%s", diff)
	}
	if v, ok := color.Member("RED").Traits.EnumValue(); !ok || v.Kind != StringNode || v.Str != "red" {
		t.Errorf("RED enumValue = %+v, %v", v, ok)
	}
	if _, ok := color.Member("GREEN").Traits.EnumValue(); ok {
		t.Error("GREEN has an enumValue")
	}
	level := mustShape(t, m, "com.example#Level")
	for name, want := range map[string]int64{"LOW": 1, "HIGH": -20} {
		v, ok := level.Member(name).Traits.EnumValue()
		if n, isInt := v.Int(); !ok || !isInt || n != want {
			t.Errorf("%s enumValue = %+v, want %d", name, v, want)
		}
	}
	old := mustShape(t, m, "com.example#Old")
	if !color.IsEnum() || !old.IsEnum() || level.IsEnum() || color.IsList() {
		t.Errorf("IsEnum: enum %v, 1.0 enum %v, intEnum %v", color.IsEnum(), old.IsEnum(), level.IsEnum())
	}
	if color.Member("PURPLE") != nil {
		t.Error("Member(PURPLE) != nil")
	}
}

func TestLoadCollections(t *testing.T) {
	m := mustLoad(t, model(`
		"com.example#Names": {"type": "list", "member": {"target": "smithy.api#String",
			"traits": {"smithy.api#xmlName": "Name"}}},
		"com.example#NameSet": {"type": "set", "member": {"target": "smithy.api#String"}},
		"com.example#Tags": {"type": "map", "key": {"target": "smithy.api#String"},
			"value": {"target": "com.example#Names"}, "traits": {"smithy.api#sparse": {}}}`))
	list := mustShape(t, m, "com.example#Names")
	if !list.IsList() || list.ListMember() == nil || list.ListMember().ID != "com.example#Names$member" ||
		list.ListMember().Target != "smithy.api#String" {
		t.Errorf("list: %+v member %+v", list, list.ListMember())
	}
	if name, ok := list.ListMember().Traits.XMLName(); !ok || name != "Name" {
		t.Errorf("member xmlName = %q, %v", name, ok)
	}
	set := mustShape(t, m, "com.example#NameSet")
	if set.Type != Set || !set.IsList() || set.ListMember().Target != "smithy.api#String" {
		t.Errorf("set: %+v", set)
	}
	tags := mustShape(t, m, "com.example#Tags")
	if tags.IsList() || tags.MapKey() == nil || tags.MapValue() == nil ||
		tags.MapKey().ID != "com.example#Tags$key" || tags.MapValue().Target != "com.example#Names" ||
		!tags.Traits.Sparse() {
		t.Errorf("map: %+v", tags)
	}
	if tags.ListMember() != nil || list.MapKey() != nil {
		t.Error("map has a list member, or list a map key")
	}
}

func TestLoadStructureAndUnion(t *testing.T) {
	m := mustLoad(t, model(`
		"com.example#Widget": {"type": "structure", "members": {
			"Zeta": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}},
			"Alpha": {"target": "com.example#Choice"},
			"Mid": {"target": "smithy.api#PrimitiveInteger"}
		}},
		"com.example#Choice": {"type": "union", "members": {
			"Text": {"target": "smithy.api#String"},
			"Number": {"target": "smithy.api#Integer"}
		}},
		"com.example#Empty": {"type": "structure", "members": {}},
		"com.example#NoMembers": {"type": "structure"}`))
	w := mustShape(t, m, "com.example#Widget")
	want := []memberSummary{ // model order, not sorted
		{"Zeta", "com.example#Widget$Zeta", "com.example#Widget", "smithy.api#String"},
		{"Alpha", "com.example#Widget$Alpha", "com.example#Widget", "com.example#Choice"},
		{"Mid", "com.example#Widget$Mid", "com.example#Widget", "smithy.api#PrimitiveInteger"},
	}
	if diff := cmp.Diff(want, summarize(w.Members)); diff != "" {
		t.Errorf("members (-want +got):\n%s", diff)
	}
	if !w.Member("Zeta").Traits.Required() || w.Member("Alpha").Traits.Required() {
		t.Error("required trait misplaced")
	}
	u := mustShape(t, m, "com.example#Choice")
	if u.Type != Union || len(u.Members) != 2 || u.Members[1].Target != "smithy.api#Integer" {
		t.Errorf("union: %+v", u)
	}
	for _, id := range []ShapeID{"com.example#Empty", "com.example#NoMembers"} {
		if s := mustShape(t, m, id); len(s.Members) != 0 || s.Type != Structure {
			t.Errorf("%s: %+v", id, s)
		}
	}
	var ids []ShapeID
	for _, s := range m.Shapes() {
		ids = append(ids, s.ID)
	}
	wantIDs := []ShapeID{"com.example#Choice", "com.example#Empty", "com.example#NoMembers", "com.example#Widget"}
	if diff := cmp.Diff(wantIDs, ids); diff != "" {
		t.Errorf("Shapes() not sorted by ID (-want +got):\n%s", diff)
	}
	if got := m.ShapesOf(Union); len(got) != 1 || got[0] != u {
		t.Errorf("ShapesOf(union) = %v", got)
	}
	if got := m.ShapesOf(Service); len(got) != 0 {
		t.Errorf("ShapesOf(service) = %v", got)
	}
}

func TestLoadOperationServiceResource(t *testing.T) {
	m := mustLoad(t, model(`
		"com.example#Widgets": {
			"type": "service",
			"version": "2024-01-01",
			"operations": [{"target": "com.example#Ping"}],
			"resources": [{"target": "com.example#Widget"}],
			"errors": [{"target": "com.example#Throttled"}],
			"rename": {"com.other#Widget": "OtherWidget"},
			"traits": {"aws.protocols#ec2Query": {}}
		},
		"com.example#Ping": {"type": "operation",
			"input": {"target": "com.example#PingInput"},
			"output": {"target": "smithy.api#Unit"},
			"errors": [{"target": "com.example#Oops"}, {"target": "com.example#Throttled"}]},
		"com.example#PingInput": {"type": "structure", "members": {}, "traits": {"smithy.api#input": {}}},
		"com.example#Oops": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "client"}},
		"com.example#Throttled": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "server"}},
		"com.example#Widget": {
			"type": "resource",
			"identifiers": {"widgetId": {"target": "smithy.api#String"}, "region": {"target": "com.example#Region"}},
			"properties": {"name": {"target": "smithy.api#String"}},
			"list": {"target": "com.example#Ping"},
			"read": {"target": "com.example#Ping"},
			"create": {"target": "com.example#Ping"},
			"delete": {"target": "com.example#Ping"},
			"put": {"target": "com.example#Ping"},
			"update": {"target": "com.example#Ping"},
			"operations": [{"target": "com.example#Ping"}],
			"collectionOperations": [{"target": "com.example#Ping"}],
			"resources": [{"target": "com.example#Part"}]
		},
		"com.example#Part": {"type": "resource"},
		"com.example#Region": {"type": "enum", "members": {"EU": {}}},
		"com.other#Widget": {"type": "string"}`))
	svc := mustShape(t, m, "com.example#Widgets")
	if svc.Version != "2024-01-01" ||
		!cmp.Equal(svc.Operations, []ShapeID{"com.example#Ping"}) ||
		!cmp.Equal(svc.Resources, []ShapeID{"com.example#Widget"}) ||
		!cmp.Equal(svc.Errors, []ShapeID{"com.example#Throttled"}) ||
		!cmp.Equal(svc.Rename, map[ShapeID]string{"com.other#Widget": "OtherWidget"}) {
		t.Errorf("service: %+v", svc)
	}
	if p, ok := svc.Traits.Protocol(); !ok || p != "aws.protocols#ec2Query" {
		t.Errorf("Protocol() = %q, %v", p, ok)
	}
	if got := m.Services(); len(got) != 1 || got[0] != svc {
		t.Errorf("Services() = %v", got)
	}
	op := mustShape(t, m, "com.example#Ping")
	if op.Input != "com.example#PingInput" || op.Output != UnitID ||
		!cmp.Equal(op.Errors, []ShapeID{"com.example#Oops", "com.example#Throttled"}) {
		t.Errorf("operation: %+v", op)
	}
	r := mustShape(t, m, "com.example#Widget")
	wantIDs := []Binding{{"widgetId", "smithy.api#String"}, {"region", "com.example#Region"}}
	if diff := cmp.Diff(wantIDs, r.Identifiers); diff != "" {
		t.Errorf("identifiers (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Binding{{"name", "smithy.api#String"}}, r.Properties); diff != "" {
		t.Errorf("properties (-want +got):\n%s", diff)
	}
	var names []string
	for _, b := range r.Lifecycle {
		names = append(names, b.Name)
		if b.Target != "com.example#Ping" {
			t.Errorf("lifecycle %s targets %s", b.Name, b.Target)
		}
	}
	// The documented order, not the JSON's.
	if diff := cmp.Diff([]string{"create", "put", "read", "update", "delete", "list"}, names); diff != "" {
		t.Errorf("lifecycle order (-want +got):\n%s", diff)
	}
	if !cmp.Equal(r.Operations, []ShapeID{"com.example#Ping"}) ||
		!cmp.Equal(r.CollectionOperations, []ShapeID{"com.example#Ping"}) ||
		!cmp.Equal(r.Resources, []ShapeID{"com.example#Part"}) {
		t.Errorf("resource: %+v", r)
	}
}

func TestLoadMetadataAndVersions(t *testing.T) {
	for _, v := range []string{"1", "1.0", "2", "2.0"} {
		m := mustLoad(t, `{"smithy": "`+v+`", "metadata": {"b": [1, "x"], "a": {"k": true}}}`)
		if m.Smithy != v || m.File != "test.json" || len(m.Shapes()) != 0 {
			t.Errorf("version %s: %+v", v, m)
		}
		if len(m.Metadata) != 2 || m.Metadata[0].Key != "b" || m.Metadata[1].Key != "a" {
			t.Fatalf("metadata not in source order: %+v", m.Metadata)
		}
		items := m.Metadata[0].Value.Items
		if len(items) != 2 || items[0].Str != "1" || items[0].Kind != NumberNode || items[1].String() != "x" {
			t.Errorf("metadata b = %+v", m.Metadata[0].Value)
		}
		if k, ok := m.Metadata[1].Value.Get("k"); !ok || k.Kind != BoolNode || !k.Bool {
			t.Errorf("metadata a = %+v", m.Metadata[1].Value)
		}
	}
	for _, v := range []string{"3.0", "2.1", "", "v2"} {
		mustFail(t, `{"smithy": "`+v+`"}`)
	}
}

func TestPrelude(t *testing.T) {
	m := mustLoad(t, model(`
		"com.example#W": {"type": "structure", "members": {
			"S": {"target": "smithy.api#String"},
			"N": {"target": "smithy.api#PrimitiveInteger"},
			"B": {"target": "smithy.api#PrimitiveBoolean"},
			"D": {"target": "smithy.api#Document"}
		}},
		"com.example#Op": {"type": "operation", "input": {"target": "smithy.api#Unit"}}`))
	if len(m.Shapes()) != 2 {
		t.Errorf("Shapes() has %d shapes; the prelude must not be listed", len(m.Shapes()))
	}
	tests := []struct {
		id      ShapeID
		typ     Type
		deflt   string // "" for none
		deflKin Kind
	}{
		{"smithy.api#String", String, "", 0},
		{"smithy.api#Blob", Blob, "", 0},
		{"smithy.api#Boolean", Boolean, "", 0},
		{"smithy.api#PrimitiveBoolean", Boolean, "false", BoolNode},
		{"smithy.api#Byte", Byte, "", 0},
		{"smithy.api#PrimitiveByte", Byte, "0", NumberNode},
		{"smithy.api#Short", Short, "", 0},
		{"smithy.api#PrimitiveShort", Short, "0", NumberNode},
		{"smithy.api#Integer", Integer, "", 0},
		{"smithy.api#PrimitiveInteger", Integer, "0", NumberNode},
		{"smithy.api#Long", Long, "", 0},
		{"smithy.api#PrimitiveLong", Long, "0", NumberNode},
		{"smithy.api#Float", Float, "", 0},
		{"smithy.api#PrimitiveFloat", Float, "0", NumberNode},
		{"smithy.api#Double", Double, "", 0},
		{"smithy.api#PrimitiveDouble", Double, "0", NumberNode},
		{"smithy.api#BigInteger", BigInteger, "", 0},
		{"smithy.api#BigDecimal", BigDecimal, "", 0},
		{"smithy.api#Timestamp", Timestamp, "", 0},
		{"smithy.api#Document", Document, "", 0},
		{"smithy.api#Unit", Structure, "", 0},
	}
	for _, tt := range tests {
		s := m.Shape(tt.id)
		if s == nil {
			t.Errorf("no prelude shape %s", tt.id)
			continue
		}
		if s.Type != tt.typ || !s.Prelude || s.ID != tt.id {
			t.Errorf("%s: type %s, prelude %v", tt.id, s.Type, s.Prelude)
		}
		d, ok := s.Traits.Default()
		switch {
		case ok != (tt.deflt != ""):
			t.Errorf("%s: has default %v", tt.id, ok)
		case ok && (d.Kind != tt.deflKin || nodeText(d) != tt.deflt):
			t.Errorf("%s: default %s %s, want %s %s", tt.id, d.Kind, nodeText(d), tt.deflKin, tt.deflt)
		}
	}
	unit := m.Shape(UnitID)
	if !unit.Traits.Has(TraitUnitType) || len(unit.Members) != 0 {
		t.Errorf("Unit = %+v", unit)
	}
	if m.Shape("smithy.api#Nope") != nil || m.Shape("com.example#Nope") != nil {
		t.Error("Shape returned a shape for an unknown ID")
	}
}

func TestApply(t *testing.T) {
	m := mustLoad(t, model(`
		"com.example#Widget$Name": {"type": "apply", "traits": {"smithy.api#documentation": "The name."}},
		"com.example#Widget": {"type": "structure", "members": {
			"Name": {"target": "smithy.api#String", "traits": {"smithy.api#tags": ["a"]}}
		}, "traits": {"smithy.api#sensitive": {}}},
		"com.example#Apply1": {"type": "apply", "traits": {"smithy.api#documentation": "Later shape."}},
		"com.example#Apply1": {"type": "apply", "traits": {"smithy.api#documentation": "Later shape."}},
		"com.example#Widget$Name": {"type": "apply", "traits": {"smithy.api#tags": ["b", "c"]}},
		"com.example#Widget": {"type": "apply", "traits": {"smithy.api#sensitive": {}, "smithy.api#title": "W"}},
		"com.example#Apply1": {"type": "string"}`))
	w := mustShape(t, m, "com.example#Widget")
	name := w.Member("Name")
	if got := name.Traits.Documentation(); got != "The name." {
		t.Errorf("member documentation = %q", got)
	}
	tags, _ := name.Traits.Get("smithy.api#tags")
	var got []string
	for _, item := range tags.Items {
		got = append(got, item.String())
	}
	if diff := cmp.Diff([]string{"a", "b", "c"}, got); diff != "" {
		t.Errorf("list trait values must concatenate (-want +got):\n%s", diff)
	}
	if !w.Traits.Sensitive() || w.Traits.str(TraitTitle) != "W" {
		t.Errorf("shape traits = %+v", w.Traits.All())
	}
	if got := mustShape(t, m, "com.example#Apply1").Traits.Documentation(); got != "Later shape." {
		t.Errorf("apply before the shape's definition: documentation = %q", got)
	}

	ps := mustFail(t, model(`
		"com.example#S": {"type": "string", "traits": {"smithy.api#documentation": "One."}},
		"com.example#S": {"type": "apply", "traits": {"smithy.api#documentation": "Two."}}`))
	if len(ps) != 1 || !strings.Contains(ps[0].Message, "conflicts") || ps[0].Shape != "com.example#S" {
		t.Errorf("conflicting apply: %v", ps)
	}
}

func TestMixins(t *testing.T) {
	m := mustLoad(t, model(`
		"com.example#Base": {"type": "structure", "members": {
			"Id": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}},
			"Note": {"target": "smithy.api#String"}
		}, "traits": {"smithy.api#mixin": {}, "smithy.api#documentation": "Base docs.",
			"smithy.api#sensitive": {}}},
		"com.example#Stamped": {"type": "structure", "mixins": [{"target": "com.example#Base"}], "members": {
			"At": {"target": "smithy.api#Timestamp"}
		}, "traits": {"smithy.api#mixin": {}}},
		"com.example#Widget": {"type": "structure", "mixins": [{"target": "com.example#Stamped"}], "members": {
			"Name": {"target": "smithy.api#String"},
			"Note": {"target": "smithy.api#String", "traits": {"smithy.api#documentation": "Local."}}
		}, "traits": {"smithy.api#documentation": "Widget docs."}},
		"com.example#Widget$Id": {"type": "apply", "traits": {"smithy.api#documentation": "Applied."}}`))
	w := mustShape(t, m, "com.example#Widget")
	want := []memberSummary{ // mixin members first, in mixin order
		{"Id", "com.example#Widget$Id", "com.example#Widget", "smithy.api#String"},
		{"Note", "com.example#Widget$Note", "com.example#Widget", "smithy.api#String"},
		{"At", "com.example#Widget$At", "com.example#Widget", "smithy.api#Timestamp"},
		{"Name", "com.example#Widget$Name", "com.example#Widget", "smithy.api#String"},
	}
	if diff := cmp.Diff(want, summarize(w.Members)); diff != "" {
		t.Errorf("members (-want +got):\n%s", diff)
	}
	if !w.Member("Id").Traits.Required() || w.Member("Id").Traits.Documentation() != "Applied." {
		t.Errorf("Id traits = %+v", w.Member("Id").Traits.All())
	}
	if got := w.Member("Note").Traits.Documentation(); got != "Local." {
		t.Errorf("local member trait must override: %q", got)
	}
	if w.Traits.Has(TraitMixin) {
		t.Error("the mixin trait was copied")
	}
	if !w.Traits.Sensitive() || w.Traits.Documentation() != "Widget docs." {
		t.Errorf("traits = %+v; want Base's sensitive and the local documentation", w.Traits.All())
	}
	// The mixin keeps its own members and traits, unchanged by its users.
	base := mustShape(t, m, "com.example#Base")
	if base.Member("Id").ID != "com.example#Base$Id" || base.Member("Id").Traits.Documentation() != "" ||
		base.Traits.Documentation() != "Base docs." || !base.Traits.Has(TraitMixin) {
		t.Errorf("Base changed: %+v", base)
	}
	if !cmp.Equal(w.Mixins, []ShapeID{"com.example#Stamped"}) {
		t.Errorf("Mixins = %v", w.Mixins)
	}

	ps := mustFail(t, model(`
		"com.example#A": {"type": "structure", "mixins": [{"target": "com.example#C"}], "traits": {"smithy.api#mixin": {}}},
		"com.example#B": {"type": "structure", "mixins": [{"target": "com.example#A"}], "traits": {"smithy.api#mixin": {}}},
		"com.example#C": {"type": "structure", "mixins": [{"target": "com.example#B"}], "traits": {"smithy.api#mixin": {}}}`))
	if len(ps) != 1 || !strings.Contains(ps[0].Message, "mixin cycle: com.example#A → com.example#C → com.example#B → com.example#A") {
		t.Errorf("cycle: %v", ps)
	}
}

func TestDefaults(t *testing.T) {
	ok := []struct{ target, value string }{
		{"smithy.api#Integer", "0"},
		{"smithy.api#Long", "-9223372036854775808"},
		{"smithy.api#Double", "1.5"},
		{"smithy.api#Double", `"NaN"`},
		{"smithy.api#Float", `"-Infinity"`},
		{"smithy.api#BigInteger", "123456789012345678901234567890"},
		{"smithy.api#BigDecimal", `"1.25"`},
		{"smithy.api#Boolean", "false"},
		{"smithy.api#String", `""`},
		{"smithy.api#Blob", `"AA=="`},
		{"smithy.api#Timestamp", "0"},
		{"smithy.api#Timestamp", `"1985-04-12T23:20:50.52Z"`},
		{"smithy.api#Document", `{"any": [1]}`},
		{"com.example#List", "[]"},
		{"com.example#Map", "{}"},
		{"smithy.api#String", "null"},
	}
	bad := []struct{ target, value string }{
		{"smithy.api#Integer", "1.5"},
		{"smithy.api#Integer", `"1"`},
		{"smithy.api#Double", `"nan"`},
		{"smithy.api#BigDecimal", `"NaN"`},
		{"smithy.api#Boolean", `"false"`},
		{"smithy.api#String", "0"},
		{"com.example#List", `["a"]`},
		{"com.example#Map", `{"a": "b"}`},
		{"com.example#Struct", "{}"},
	}
	shapes := `"com.example#List": {"type": "list", "member": {"target": "smithy.api#String"}},
		"com.example#Map": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "smithy.api#String"}},
		"com.example#Struct": {"type": "structure", "members": {}},`
	for _, tt := range ok {
		mustLoad(t, model(shapes+`"com.example#W": {"type": "structure", "members": {"M": {"target": "`+
			tt.target+`", "traits": {"smithy.api#default": `+tt.value+`}}}}`))
	}
	for _, tt := range bad {
		ps := mustFail(t, model(shapes+`"com.example#W": {"type": "structure", "members": {"M": {"target": "`+
			tt.target+`", "traits": {"smithy.api#default": `+tt.value+`}}}}`))
		if len(ps) != 1 || ps[0].Shape != "com.example#W$M" || !strings.HasPrefix(ps[0].Message, "default value") {
			t.Errorf("default %s for %s: %v", tt.value, tt.target, ps)
		}
	}
}

// TestPositions checks line:col against positions worked out by hand.
func TestPositions(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // the first problem's position
	}{
		{"line 1", `{"smithy": "3.0"}`, "f.json:1:12"},
		{"line 1 offset 0", `[]`, "f.json:1:1"},
		{"LF", "{\n  \"smithy\": 2\n}", "f.json:2:13"},
		{"CRLF", "{\r\n  \"smithy\": 2\r\n}", "f.json:2:13"},
		{"CRLF line 3", "{\r\n\r\n  \"smithy\": 2\r\n}", "f.json:3:13"},
		{"CR alone is not a line break", "{\r  \"smithy\": 2\r}", "f.json:1:15"},
		{"tab is one column", "{\n\t\"smithy\": 2\n}", "f.json:2:12"},
		{"columns count bytes", `{"metadata": {"x": "é"}, "smithy": 2}`, "f.json:1:37"},
		{"end of input", "{\n", "f.json:2:1"},
		{"end of input, no newline", "{\n  ", "f.json:2:3"},
		{"empty", "", "f.json:1:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load("f.json", []byte(tt.src))
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error = %v", err)
			}
			if got := ps[0].Pos.String(); got != tt.want {
				t.Errorf("position = %s, want %s (%s)", got, tt.want, ps[0].Message)
			}
		})
	}
}

func TestLineTable(t *testing.T) {
	data := []byte("ab\ncd\r\n\nxyz")
	lt := newLineTable(data)
	want := []struct{ line, col int }{
		{1, 1}, {1, 2}, {1, 3}, // a b \n
		{2, 1}, {2, 2}, {2, 3}, {2, 4}, // c d \r \n
		{3, 1},                 // \n
		{4, 1}, {4, 2}, {4, 3}, // x y z
		{4, 4}, // end of input
	}
	for off, w := range want {
		p := lt.position("f", off)
		if p.Line != w.line || p.Col != w.col || p.File != "f" {
			t.Errorf("offset %d: %v, want %d:%d", off, p, w.line, w.col)
		}
	}
	m := &Model{File: "g"}
	m.files.add("g", data)
	if got := m.Position(9).String(); got != "g:4:2" {
		t.Errorf("Model.Position(9) = %s", got)
	}
}

func TestProblemsError(t *testing.T) {
	ps := Problems{
		{Position{"a.json", 2, 3}, "com.example#A", "first"},
		{Position{"a.json", 4, 1}, "", "second"},
	}
	want := "a.json:2:3: com.example#A: first\na.json:4:1: second"
	if got := ps.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	unsorted := Problems{
		{Position{"f", 3, 1}, "", "c"},
		{Position{"f", 1, 9}, "", "b"},
		{Position{"f", 1, 9}, "", "a"},
		{Position{"f", 1, 2}, "", "z"},
	}
	unsorted.sort()
	var got []string
	for _, p := range unsorted {
		got = append(got, p.Message)
	}
	if diff := cmp.Diff([]string{"z", "a", "b", "c"}, got); diff != "" {
		t.Errorf("sort (-want +got):\n%s", diff)
	}
}

// TestAllProblemsReported checks that problems found in one pass are all
// reported, not just the first.
func TestAllProblemsReported(t *testing.T) {
	var b strings.Builder
	for i := range 50 {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString(`"com.example#S` + string(rune('A'+i%26)) + string(rune('a'+i/26)) + `": {"type": "strin"}`)
	}
	ps := mustFail(t, model(b.String()))
	if len(ps) != 50 {
		t.Fatalf("%d problems, want 50", len(ps))
	}
	for i, p := range ps {
		if p.Pos.Line != i+1 {
			t.Errorf("problem %d on line %d", i, p.Pos.Line)
		}
	}
}

func TestNodes(t *testing.T) {
	m := mustLoad(t, `{"smithy": "2.0", "metadata": {"v": {
		"n": -1.5e3, "i": 42, "big": 12345678901234567890, "s": "x\"y", "t": true, "f": false,
		"z": null, "a": [], "o": {}}}}`)
	v := m.Metadata[0].Value
	get := func(k string) Node {
		n, ok := v.Get(k)
		if !ok {
			t.Fatalf("no field %q", k)
		}
		return n
	}
	if f, ok := get("n").Float(); !ok || f != -1500 {
		t.Errorf("Float(n) = %v, %v", f, ok)
	}
	if _, ok := get("n").Int(); ok {
		t.Error("Int(-1.5e3) succeeded")
	}
	if i, ok := get("i").Int(); !ok || i != 42 {
		t.Errorf("Int(i) = %v, %v", i, ok)
	}
	if _, ok := get("big").Int(); ok {
		t.Error("Int of a number beyond int64 succeeded")
	}
	if get("big").Str != "12345678901234567890" {
		t.Errorf("number text = %q; want the literal kept", get("big").Str)
	}
	if get("s").String() != `x"y` || get("i").String() != "" {
		t.Errorf("String() = %q, %q", get("s").String(), get("i").String())
	}
	if _, ok := get("s").Float(); ok {
		t.Error("Float of a string succeeded")
	}
	if _, ok := get("s").Int(); ok {
		t.Error("Int of a string succeeded")
	}
	kinds := map[string]Kind{"n": NumberNode, "s": StringNode, "t": BoolNode, "f": BoolNode,
		"z": NullNode, "a": ArrayNode, "o": ObjectNode}
	for k, want := range kinds {
		if got := get(k).Kind; got != want {
			t.Errorf("%s: kind %s, want %s", k, got, want)
		}
	}
	if !get("t").Bool || get("f").Bool {
		t.Error("booleans")
	}
	if _, ok := v.Get("missing"); ok {
		t.Error("Get(missing) succeeded")
	}
	names := map[Kind]string{NullNode: "null", BoolNode: "boolean", NumberNode: "number",
		StringNode: "string", ArrayNode: "array", ObjectNode: "object"}
	for k, want := range names {
		if k.String() != want {
			t.Errorf("Kind(%d).String() = %q", k, k.String())
		}
	}
	// Offsets point at the values in the file.
	src := `{"smithy": "2.0", "metadata": {"k": [1, "two"]}}`
	m = mustLoad(t, src)
	items := m.Metadata[0].Value.Items
	if items[0].Offset != strings.Index(src, "1,") || items[1].Offset != strings.Index(src, `"two"`) ||
		m.Metadata[0].Offset != strings.Index(src, `"k"`) {
		t.Errorf("offsets %d %d %d", items[0].Offset, items[1].Offset, m.Metadata[0].Offset)
	}
}

func TestNodeEqual(t *testing.T) {
	parse := func(s string) Node {
		m := mustLoad(t, `{"smithy": "2.0", "metadata": {"v": `+s+`}}`)
		return m.Metadata[0].Value
	}
	same := [][2]string{
		{`{"min": 1, "max": 2}`, `{"max": 2, "min": 1}`},
		{`[1, "a", null, true]`, `[1, "a", null, true]`},
		{`{"a": {"b": [{}]}}`, `{"a": {"b": [{}]}}`},
	}
	differ := [][2]string{
		{`[1, 2]`, `[2, 1]`},
		{`{"a": 1}`, `{"a": 1, "b": 2}`},
		{`{"a": 1}`, `{"b": 1}`},
		{`"1"`, `1`},
		{`true`, `false`},
		{`{"a": [1]}`, `{"a": [1, 1]}`},
	}
	for _, p := range same {
		if !nodeEqual(parse(p[0]), parse(p[1])) {
			t.Errorf("%s != %s", p[0], p[1])
		}
	}
	for _, p := range differ {
		if nodeEqual(parse(p[0]), parse(p[1])) || nodeEqual(parse(p[1]), parse(p[0])) {
			t.Errorf("%s == %s", p[0], p[1])
		}
	}
}

func TestDescribeNodes(t *testing.T) {
	m := mustLoad(t, `{"smithy": "2.0", "metadata": {"v": [null, true, false, 1.5, "x",
		"a string longer than forty bytes, which is cut short", "ééééééééééééééééééééééééééééééé",
		[], [1], {}, {"a": 1}]}}`)
	var text, desc []string
	for _, n := range m.Metadata[0].Value.Items {
		text = append(text, nodeText(n))
		desc = append(desc, describe(n))
	}
	wantText := []string{"null", "true", "false", "1.5", `"x"`, `"a string longer than forty bytes, whi"...`,
		`"éééééééééééééééééé"...`, "[]", "[...]", "{}", "{...}"}
	wantDesc := []string{"null", "true", "false", "the number 1.5", `the string "x"`,
		`the string "a string longer than forty bytes, whi"...`, `the string "éééééééééééééééééé"...`,
		"an array", "an array", "an object", "an object"}
	if diff := cmp.Diff(wantText, text); diff != "" {
		t.Errorf("nodeText (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantDesc, desc); diff != "" {
		t.Errorf("describe (-want +got):\n%s", diff)
	}
}

// TestLargeEnumCaseConflict covers the map sameMemberName switches to for
// shapes with many members.
func TestLargeEnumCaseConflict(t *testing.T) {
	var b strings.Builder
	for i := range 40 {
		b.WriteString(`"V` + strings.Repeat("x", i) + `": {}, `)
	}
	b.WriteString(`"vxxx": {}, "V": {}`)
	ps := mustFail(t, model(`"com.example#E": {"type": "enum", "members": {`+b.String()+`}}`))
	want := []string{
		`member "vxxx" conflicts with "Vxxx": member names must differ other than by case`,
		`duplicate member "V"`,
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.Message)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestSuggestType(t *testing.T) {
	for in, want := range map[string]string{
		"integr": `; did you mean "integer"?`, "Structure": `; did you mean "structure"?`,
		"intenum": `; did you mean "intEnum"?`, "lists": `; did you mean "list"?`,
		"widget": "", "": "", strings.Repeat("x", 100): "",
	} {
		if got := suggestType(in); got != want {
			t.Errorf("suggestType(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMixinWarningsOnce checks that a problem in a mixin is reported once,
// not again for each shape that copies it.
func TestMixinWarningsOnce(t *testing.T) {
	m := mustLoad(t, model(`
		"com.example#A": {"type": "structure", "mixins": [{"target": "com.example#Base"}], "members": {}},
		"com.example#Base": {"type": "structure", "members": {
			"Id": {"target": "smithy.api#String", "traits": {"smithy.api#pattern": "^(?!x)"}}
		}, "traits": {"smithy.api#mixin": {}}},
		"com.example#B": {"type": "structure", "mixins": [{"target": "com.example#Base"}], "members": {}}`))
	if len(m.Warnings) != 1 || m.Warnings[0].Shape != "com.example#Base$Id" {
		t.Errorf("warnings = %v; want one, for com.example#Base$Id", m.Warnings)
	}
	if _, ok := mustShape(t, m, "com.example#B").Member("Id").Traits.Pattern(); !ok {
		t.Error("B$Id lost the mixin's pattern")
	}
}
