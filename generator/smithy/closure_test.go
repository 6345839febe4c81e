package smithy

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const closureModel = `{"smithy": "2.0", "shapes": {
	"com.example#Svc": {"type": "service", "version": "1",
		"operations": [{"target": "com.example#Ping"}, {"target": "com.other#Ping"}],
		"resources": [{"target": "com.example#Widget"}],
		"errors": [{"target": "com.example#Throttled"}]},
	"com.example#Other": {"type": "service", "operations": [{"target": "com.example#Lonely"}]},
	"com.example#Empty": {"type": "service"},

	"com.example#Ping": {"type": "operation"},
	"com.other#Ping": {"type": "operation"},
	"com.example#Lonely": {"type": "operation", "input": {"target": "com.example#LonelyInput"}},
	"com.example#LonelyInput": {"type": "structure", "members": {}},

	"com.example#Widget": {"type": "resource",
		"identifiers": {"id": {"target": "smithy.api#String"}},
		"create": {"target": "com.example#CreateWidget"},
		"read": {"target": "com.example#GetWidget"},
		"list": {"target": "com.example#ListWidgets"},
		"operations": [{"target": "com.example#PokeWidget"}, {"target": "com.example#Ping"}],
		"collectionOperations": [{"target": "com.example#CountWidgets"}],
		"resources": [{"target": "com.example#Part"}]},
	"com.example#Part": {"type": "resource",
		"read": {"target": "com.example#GetPart"},
		"resources": [{"target": "com.example#Bolt"}]},
	"com.example#Bolt": {"type": "resource", "delete": {"target": "com.example#DeleteBolt"}},

	"com.example#CreateWidget": {"type": "operation",
		"input": {"target": "com.example#CreateWidgetInput"},
		"output": {"target": "com.example#WidgetData"},
		"errors": [{"target": "com.example#Invalid"}]},
	"com.example#GetWidget": {"type": "operation", "output": {"target": "com.example#WidgetData"}},
	"com.example#ListWidgets": {"type": "operation"},
	"com.example#PokeWidget": {"type": "operation"},
	"com.example#CountWidgets": {"type": "operation"},
	"com.example#GetPart": {"type": "operation"},
	"com.example#DeleteBolt": {"type": "operation"},

	"com.example#CreateWidgetInput": {"type": "structure", "members": {
		"Name": {"target": "com.example#Name"},
		"Tags": {"target": "com.example#TagMap"},
		"Tree": {"target": "com.example#Tree"},
		"Count": {"target": "smithy.api#Integer"}}},
	"com.example#WidgetData": {"type": "structure", "members": {
		"Choice": {"target": "com.example#Choice"}}},
	"com.example#Choice": {"type": "union", "members": {
		"Color": {"target": "com.example#Color"},
		"Level": {"target": "com.example#Level"},
		"Data": {"target": "com.example#WidgetData"}}},
	"com.example#Color": {"type": "enum", "members": {"RED": {}}},
	"com.example#Level": {"type": "intEnum", "members": {"ONE": {"traits": {"smithy.api#enumValue": 1}}}},
	"com.example#Name": {"type": "string"},
	"com.example#TagMap": {"type": "map", "key": {"target": "com.example#TagKey"}, "value": {"target": "com.example#TagList"}},
	"com.example#TagKey": {"type": "string"},
	"com.example#TagList": {"type": "list", "member": {"target": "com.example#Name"}},
	"com.example#Tree": {"type": "structure", "members": {
		"Children": {"target": "com.example#Forest"}}},
	"com.example#Forest": {"type": "list", "member": {"target": "com.example#Tree"}},
	"com.example#Invalid": {"type": "structure", "members": {"Reason": {"target": "com.example#Reason"}},
		"traits": {"smithy.api#error": "client"}},
	"com.example#Reason": {"type": "string"},
	"com.example#Throttled": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "server"}},
	"com.example#Unreached": {"type": "structure", "members": {"X": {"target": "com.example#Name"}}}
}}`

func ids(shapes []*Shape) []string {
	out := []string{}
	for _, s := range shapes {
		out = append(out, string(s.ID))
	}
	return out
}

func TestServiceOperations(t *testing.T) {
	m := mustLoad(t, closureModel)
	tests := []struct {
		svc  ShapeID
		want []string
	}{
		{"com.example#Svc", []string{ // direct, through Widget, Part and Bolt; Ping once
			"com.example#CountWidgets", "com.example#CreateWidget", "com.example#DeleteBolt",
			"com.example#GetPart", "com.example#GetWidget", "com.example#ListWidgets",
			"com.example#Ping", "com.example#PokeWidget", "com.other#Ping"}},
		{"com.example#Other", []string{"com.example#Lonely"}},
		{"com.example#Empty", []string{}},
	}
	for _, tt := range tests {
		got := ids(m.ServiceOperations(mustShape(t, m, tt.svc)))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.svc, diff)
		}
	}
}

// Unknown names are all reported, each with the operation that differs
// only in case or by a few edits.
func TestSelectOperationsSuggests(t *testing.T) {
	m := mustLoad(t, closureModel)
	svc := mustShape(t, m, "com.example#Svc")
	tests := []struct {
		names []string
		want  string
	}{
		{[]string{"getwidget"}, `service com.example#Svc has no operation "getwidget" (did you mean "GetWidget"?)`},
		{[]string{"GetWidgt"}, `service com.example#Svc has no operation "GetWidgt" (did you mean "GetWidget"?)`},
		{[]string{"com.example#getpart"}, `service com.example#Svc has no operation "com.example#getpart" (did you mean "GetPart"?)`},
		{[]string{"Nope", "GetWidget", "pokewidget", "Zzzzzzzzzzzz"},
			`service com.example#Svc has no operations "Nope", "pokewidget" (did you mean "PokeWidget"?), "Zzzzzzzzzzzz"`},
	}
	for _, tt := range tests {
		_, err := m.SelectOperations(svc, tt.names)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q: error %v\nwant %s", tt.names, err, tt.want)
		}
	}
}

func TestSelectOperations(t *testing.T) {
	m := mustLoad(t, closureModel)
	svc := mustShape(t, m, "com.example#Svc")
	tests := []struct {
		names []string
		want  []string
		err   string
	}{
		{nil, ids(m.ServiceOperations(svc)), ""},
		{[]string{"GetWidget"}, []string{"com.example#GetWidget"}, ""},
		{[]string{"com.example#GetWidget"}, []string{"com.example#GetWidget"}, ""},
		{[]string{"PokeWidget", "GetPart", "com.example#PokeWidget", "PokeWidget"}, // sorted, no repeats
			[]string{"com.example#GetPart", "com.example#PokeWidget"}, ""},
		{[]string{"com.other#Ping"}, []string{"com.other#Ping"}, ""},
		{[]string{"DeleteBolt"}, []string{"com.example#DeleteBolt"}, ""},
		{[]string{"GetWidget", "Nope"}, nil, `service com.example#Svc has no operation "Nope"`},
		{[]string{"Lonely"}, nil, `service com.example#Svc has no operation "Lonely"`}, // another service's
		{[]string{"com.example#Name"}, nil, `has no operation "com.example#Name"`},     // not an operation
		{[]string{"getwidget"}, nil, `has no operation "getwidget"`},                   // names are exact
		{[]string{""}, nil, `has no operation ""`},
	}
	for _, tt := range tests {
		ops, err := m.SelectOperations(svc, tt.names)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: error %v, want %q", tt.names, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tt.names, err)
			continue
		}
		if diff := cmp.Diff(tt.want, ids(ops)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.names, diff)
		}
	}
}

func TestClosure(t *testing.T) {
	m := mustLoad(t, closureModel)
	svc := mustShape(t, m, "com.example#Svc")
	op := func(name string) *Shape { return mustShape(t, m, ShapeID("com.example#"+name)) }

	// CreateWidget reaches a recursive structure (Tree ↔ Forest), a union that
	// refers back to its container, a map and a list; the service's error is
	// included; prelude shapes and unreached shapes are not.
	got := ids(m.Closure(svc, []*Shape{op("CreateWidget")}))
	want := []string{
		"com.example#Choice", "com.example#Color", "com.example#CreateWidget", "com.example#CreateWidgetInput",
		"com.example#Forest", "com.example#Invalid", "com.example#Level", "com.example#Name", "com.example#Reason",
		"com.example#TagKey", "com.example#TagList", "com.example#TagMap", "com.example#Throttled",
		"com.example#Tree", "com.example#WidgetData",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Closure(CreateWidget) (-want +got):\n%s", diff)
	}

	got = ids(m.Closure(svc, []*Shape{op("GetWidget"), op("Ping")}))
	want = []string{
		"com.example#Choice", "com.example#Color", "com.example#GetWidget", "com.example#Level",
		"com.example#Ping", "com.example#Throttled", "com.example#WidgetData",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Closure(GetWidget, Ping) (-want +got):\n%s", diff)
	}

	// Without a service there are no common errors.
	got = ids(m.Closure(nil, []*Shape{op("Ping")}))
	if diff := cmp.Diff([]string{"com.example#Ping"}, got); diff != "" {
		t.Errorf("Closure(nil, Ping) (-want +got):\n%s", diff)
	}
	if got := m.Closure(nil, nil); len(got) != 0 {
		t.Errorf("Closure(nil, nil) = %v", ids(got))
	}

	// Every operation of the service: everything but the other services'
	// shapes and Unreached.
	all := m.Closure(svc, m.ServiceOperations(svc))
	seen := map[ShapeID]bool{}
	for _, s := range all {
		if seen[s.ID] {
			t.Errorf("%s listed twice", s.ID)
		}
		seen[s.ID] = true
		if s.Prelude || s.ID.Namespace() == "smithy.api" {
			t.Errorf("prelude shape %s in closure", s.ID)
		}
	}
	for _, id := range []ShapeID{"com.example#Unreached", "com.example#Lonely", "com.example#LonelyInput",
		"com.example#Svc", "com.example#Widget"} {
		if seen[id] {
			t.Errorf("%s is in the closure", id)
		}
	}
	// 9 operations and the 14 data shapes CreateWidget's closure has.
	if len(all) != 23 {
		t.Errorf("closure of every operation has %d shapes, want 23: %v", len(all), ids(all))
	}
}
