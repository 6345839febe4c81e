package sample

import (
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/smithy2go/smithy2go/generator/plan"
)

// The text of scalars as the protocols' oracles spell them, in one place
// for all of them.

// FloatText is a float value in text: NaN, Infinity and -Infinity by name,
// else the shortest strconv form (format 'f' or 'g') for its size.
func (v *Value) FloatText(format byte) string {
	switch {
	case math.IsNaN(v.Float):
		return "NaN"
	case math.IsInf(v.Float, 1):
		return "Infinity"
	case math.IsInf(v.Float, -1):
		return "-Infinity"
	}
	bits := 64
	if v.Type.Kind == plan.Float32Kind {
		bits = 32
	}
	return strconv.FormatFloat(v.Float, format, -1, bits)
}

// FormatTime spells t in a Smithy timestamp format (date-time, http-date
// or epoch-seconds) as the SDK does: milliseconds only when there are some.
func FormatTime(t time.Time, format string) string {
	switch format {
	case "http-date":
		return t.UTC().Format(http.TimeFormat)
	case "epoch-seconds":
		return strconv.FormatFloat(float64(t.UnixMilli())/1000, 'f', -1, 64)
	}
	return t.UTC().Format("2006-01-02T15:04:05.999Z")
}
