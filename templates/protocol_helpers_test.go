package templates

import (
	"math"
	"testing"
	"time"
)

func TestProtocolEqual(t *testing.T) {
	type inner struct {
		F *float64
		T *time.Time
		L []string
		M map[string]int
	}
	nan := math.NaN()
	one := 1.0
	t1 := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	t2 := t1.In(time.FixedZone("x", 3600))
	for _, c := range []struct {
		a, b any
		want bool
	}{
		{inner{F: &nan}, inner{F: &nan}, true},
		{inner{F: &nan}, inner{F: &one}, false},
		{inner{T: &t1}, inner{T: &t2}, true},
		{inner{L: []string{}}, inner{L: nil}, false},
		{inner{M: map[string]int{"a": 1}}, inner{M: map[string]int{"a": 2}}, false},
		{inner{}, inner{}, true},
	} {
		if got := protocolEqual(c.a, c.b); got != c.want {
			t.Errorf("protocolEqual(%s, %s) = %v", protocolShow(c.a), protocolShow(c.b), got)
		}
	}
	if s := protocolShow(inner{F: &one, L: []string{"x"}}); s != `inner{F: &1, L: ["x"]}` {
		t.Errorf("protocolShow = %s", s)
	}
}
