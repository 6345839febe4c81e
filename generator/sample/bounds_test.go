package sample

import (
	"math"
	"testing"

	"github.com/smithy2go/smithy2go/generator/smithy"
)

func TestBounds(t *testing.T) {
	for _, c := range []struct {
		b      smithy.Bounds
		lo, hi int64
	}{
		{smithy.Bounds{Min: "1", Max: "9223372036854775807", HasMin: true, HasMax: true}, 1, math.MaxInt64},
		{smithy.Bounds{Min: "-9223372036854775808", HasMin: true}, math.MinInt64, math.MaxInt64},
		{smithy.Bounds{Min: "0.5", Max: "2.5", HasMin: true, HasMax: true}, 1, 2},
		{smithy.Bounds{Min: "-2.5", Max: "-0.5", HasMin: true, HasMax: true}, -2, -1},
		{smithy.Bounds{Max: "1e30", HasMax: true}, math.MinInt64, math.MaxInt64},
		// Past int64 either way, and integers written unusually.
		{smithy.Bounds{Min: "-9223372036854775809", Max: "9223372036854775808", HasMin: true, HasMax: true}, math.MinInt64, math.MaxInt64},
		{smithy.Bounds{Min: "+007", Max: "1e3", HasMin: true, HasMax: true}, 7, 1000},
	} {
		if lo, hi := bounds(&c.b); lo != c.lo || hi != c.hi {
			t.Errorf("bounds(%+v) = %d, %d; want %d, %d", c.b, lo, hi, c.lo, c.hi)
		}
	}
}
