package smithy

import "testing"

func TestValidShapeID(t *testing.T) {
	tests := []struct {
		id                string
		shape, withMember bool
	}{
		{"com.example#Widget", true, true},
		{"example#Widget", true, true},
		{"a.b.c.d#W", true, true},
		{"smithy.api#String", true, true},
		{"com.example#Widget$name", false, true},
		{"com.example#Widget$_name2", false, true},
		{"_ns#_W", true, true},
		{"__ns#__W1", true, true},
		{"ns_1.v2#W_3", true, true},
		{"com.example#W9", true, true},

		{"", false, false},
		{"Widget", false, false},
		{"#Widget", false, false},
		{"com.example#", false, false},
		{"com.example#$name", false, false},
		{"com.example#Widget$", false, false},
		{"com.example#Widget$a$b", false, false},
		{"com.example#Widget$1a", false, false},
		{"com..example#Widget", false, false},
		{".com#Widget", false, false},
		{"com.#Widget", false, false},
		{"com.example#1Widget", false, false},
		{"1com#Widget", false, false},
		{"com.example#_", false, false},
		{"com.example#__", false, false},
		{"_#W", false, false},
		{"com.example#_1", true, true}, // '_' then a digit is an identifier
		{"com.example#Wid-get", false, false},
		{"com.example#Wid get", false, false},
		{"com.example#A#B", false, false},
		{"com-example#Widget", false, false},
		{" com.example#Widget", false, false},
		{"com.example#Widget ", false, false},
		{"com.example#Wïdget", false, false},
	}
	for _, tt := range tests {
		if got := validShapeID(tt.id, false); got != tt.shape {
			t.Errorf("validShapeID(%q, false) = %v, want %v", tt.id, got, tt.shape)
		}
		if got := validShapeID(tt.id, true); got != tt.withMember {
			t.Errorf("validShapeID(%q, true) = %v, want %v", tt.id, got, tt.withMember)
		}
	}
}

func TestShapeIDParts(t *testing.T) {
	tests := []struct {
		id                      ShapeID
		namespace, name, member string
		root                    ShapeID
		withMember              ShapeID
	}{
		{"com.example#Widget", "com.example", "Widget", "", "com.example#Widget", "com.example#Widget$x"},
		{"com.example#Widget$name", "com.example", "Widget", "name", "com.example#Widget", "com.example#Widget$x"},
		{"a.b.c#D$e", "a.b.c", "D", "e", "a.b.c#D", "a.b.c#D$x"},
		{"smithy.api#Unit", "smithy.api", "Unit", "", "smithy.api#Unit", "smithy.api#Unit$x"},
		// Not absolute: the parts degrade without panicking.
		{"Widget", "", "Widget", "", "Widget", "Widget$x"},
		{"Widget$m", "", "Widget", "m", "Widget", "Widget$x"},
		{"", "", "", "", "", "$x"},
	}
	for _, tt := range tests {
		if got := tt.id.Namespace(); got != tt.namespace {
			t.Errorf("%q.Namespace() = %q, want %q", tt.id, got, tt.namespace)
		}
		if got := tt.id.Name(); got != tt.name {
			t.Errorf("%q.Name() = %q, want %q", tt.id, got, tt.name)
		}
		if got := tt.id.Member(); got != tt.member {
			t.Errorf("%q.Member() = %q, want %q", tt.id, got, tt.member)
		}
		if got := tt.id.Root(); got != tt.root {
			t.Errorf("%q.Root() = %q, want %q", tt.id, got, tt.root)
		}
		if got := tt.id.WithMember("x"); got != tt.withMember {
			t.Errorf("%q.WithMember(x) = %q, want %q", tt.id, got, tt.withMember)
		}
	}
}

func TestIsUnit(t *testing.T) {
	if !IsUnit("smithy.api#Unit") {
		t.Error(`IsUnit("smithy.api#Unit") = false`)
	}
	for _, id := range []ShapeID{"smithy.api#unit", "com.example#Unit", "smithy.api#String", ""} {
		if IsUnit(id) {
			t.Errorf("IsUnit(%q) = true", id)
		}
	}
}
