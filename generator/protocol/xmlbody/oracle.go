package xmlbody

// Helpers for the protocols' oracles, which compute what generated code
// must send and read for sample values a second, independent way.

import (
	"encoding/base64"
	"strconv"
	"time"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/sample"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// ScalarText spells a scalar as requests and responses carry it;
// timestamps are spelled by tf, given the format's name.
func ScalarText(v *sample.Value, m *smithy.Member, tf func(time.Time, string) string) string {
	t := v.Type
	switch t.Kind {
	case plan.StringKind, plan.EnumKind:
		return v.Str
	case plan.BoolKind:
		return strconv.FormatBool(v.Bool)
	case plan.Int8Kind, plan.Int16Kind, plan.Int32Kind, plan.Int64Kind, plan.IntEnumKind, plan.BigIntKind:
		return strconv.FormatInt(v.Int, 10)
	case plan.Float32Kind, plan.Float64Kind, plan.BigDecimalKind:
		return v.FloatText('f')
	case plan.TimeKind:
		return tf(v.Time, FormatName(m, t.Shape))
	case plan.BlobKind:
		return base64.StdEncoding.EncodeToString(v.Bytes)
	}
	return ""
}

// FormatName is the timestamp format of a value held by member m (nil
// for one that has none), its own or else its target's: date-time, the
// default of bodies, when neither says.
func FormatName(m *smithy.Member, s *smithy.Shape) string {
	if m != nil {
		if f, ok := m.Traits.TimestampFormat(); ok {
			return f
		}
	}
	if f, ok := s.Traits.TimestampFormat(); ok {
		return f
	}
	return "date-time"
}
