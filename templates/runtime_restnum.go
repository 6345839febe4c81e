package templates

// Number formatting and map ordering shared by the JSON, REST and XML
// runtime files (runtime_json*.go, runtime_rest.go, runtime_xmlwrite.go),
// so that each protocol's set of files needs only this one in common.

import (
	"math"
	"math/big"
	"slices"
	"strconv"
)

// restFloatBits is 32 for float32-based types and 64 for the others.
func restFloatBits[T ~float32 | ~float64]() int {
	huge := math.MaxFloat64
	if float64(T(huge)) != huge {
		return 32
	}
	return 64
}

// restFormatFloat writes a finite float as the AWS SDK writes one in JSON
// and XML bodies: the shortest decimal that reads back as the same float
// of that size, in exponent form below 1e-6 and from 1e21 up, with no
// leading zero in the exponent (JavaScript's Number to string).
func restFormatFloat(b []byte, f float64, bits int) []byte {
	format := byte('f')
	if a := math.Abs(f); a != 0 {
		if bits == 64 && (a < 1e-6 || a >= 1e21) || bits == 32 && (float32(a) < 1e-6 || float32(a) >= 1e21) {
			format = 'e'
		}
	}
	b = strconv.AppendFloat(b, f, format, -1, bits)
	if format == 'e' {
		// 1e-07 becomes 1e-7.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// restSortedKeys returns m's keys in order, for output that does not
// depend on Go's map iteration order.
func restSortedKeys[K ~string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// restBigFloat writes a finite bigDecimal as the SDK does: an integer when
// it is one that fits in int64 (zero keeps its sign), else the exact value
// in exponent form with the shortest digits.
func restBigFloat(b []byte, v *big.Float) []byte {
	if v.Sign() == 0 {
		if v.Signbit() {
			return append(b, "-0"...)
		}
		return append(b, '0')
	}
	if i, acc := v.Int64(); acc == big.Exact {
		return strconv.AppendInt(b, i, 10)
	}
	return v.Append(b, 'e', -1)
}

// restSlab hands out pointers to values kept in shared chunks, so that the
// many optional members of a large response (each a *string, *int64, ...)
// cost one allocation per chunk instead of one each. A chunk stays alive
// while any pointer into it does; chunks grow from 8 to 256 values, so
// that is at most a few kilobytes.
type restSlab[T any] struct {
	chunk []T
}

func (s *restSlab[T]) ptr(v T) *T {
	if len(s.chunk) == cap(s.chunk) {
		n := min(max(2*cap(s.chunk), 8), 256)
		s.chunk = make([]T, 0, n)
	}
	s.chunk = append(s.chunk, v)
	return &s.chunk[len(s.chunk)-1]
}
