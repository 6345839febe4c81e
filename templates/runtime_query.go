package templates

import (
	"encoding/base64"
	"math"
	"strconv"
	"time"
)

// The AWS SDK builds query bodies with net/url's Values.Encode, so keys and
// values are escaped like url.QueryEscape: A-Z a-z 0-9 - _ . ~ stay as they
// are, space becomes '+', every other byte becomes %XX with upper-case hex.
var queryUnescaped = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	t['-'], t['_'], t['.'], t['~'] = true, true, true, true
	return t
}()

const queryHex = "0123456789ABCDEF"

// appendQueryEscape appends s form-urlencoded.
func appendQueryEscape(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if queryUnescaped[c] {
			continue
		}
		b = append(b, s[start:i]...)
		if c == ' ' {
			b = append(b, '+')
		} else {
			b = append(b, '%', queryHex[c>>4], queryHex[c&15])
		}
		start = i + 1
	}
	return append(b, s[start:]...)
}

// appendQueryBytesEscape is appendQueryEscape for a byte slice.
func appendQueryBytesEscape(b, s []byte) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if queryUnescaped[c] {
			continue
		}
		b = append(b, s[start:i]...)
		if c == ' ' {
			b = append(b, '+')
		} else {
			b = append(b, '%', queryHex[c>>4], queryHex[c&15])
		}
		start = i + 1
	}
	return append(b, s[start:]...)
}

// appendQueryFloat writes v as the SDK does: strconv 'f' format with the
// shortest precision for its bit size, and NaN, Infinity, -Infinity spelled
// out. None of these bytes need escaping.
func appendQueryFloat(b []byte, v float64, bits int) []byte {
	switch {
	case math.IsNaN(v):
		return append(b, "NaN"...)
	case math.IsInf(v, 1):
		return append(b, "Infinity"...)
	case math.IsInf(v, -1):
		return append(b, "-Infinity"...)
	}
	return strconv.AppendFloat(b, v, 'f', -1, bits)
}

// appendQueryBlob writes v as standard, padded base64, escaped. It encodes
// into b's spare capacity and then escapes '+', '/' and '=' in place.
func appendQueryBlob(b []byte, v []byte) []byte {
	n := base64.StdEncoding.EncodedLen(len(v))
	start := len(b)
	b = queryGrow(b, n)
	enc := b[start : start+n]
	base64.StdEncoding.Encode(enc, v)
	special := 0
	for _, c := range enc {
		if c == '+' || c == '/' || c == '=' {
			special++
		}
	}
	if special == 0 {
		return b
	}
	b = queryGrow(b, 2*special)
	// Expand from the back so no byte is overwritten before it is read.
	w := len(b)
	for r := start + n - 1; r >= start; r-- {
		c := b[r]
		if c == '+' || c == '/' || c == '=' {
			w -= 3
			b[w], b[w+1], b[w+2] = '%', queryHex[c>>4], queryHex[c&15]
		} else {
			w--
			b[w] = c
		}
	}
	return b
}

// queryGrow extends b by n bytes (contents of the new bytes unspecified).
func queryGrow(b []byte, n int) []byte {
	if cap(b)-len(b) < n {
		nb := make([]byte, len(b), 2*cap(b)+n)
		copy(nb, b)
		b = nb
	}
	return b[:len(b)+n]
}

// appendQueryTime writes t in the given Smithy timestamp format, escaped (so
// a date-time's ':' becomes %3A, as the SDK sends it).
func appendQueryTime(b []byte, t time.Time, format int) []byte {
	var buf [64]byte
	return appendQueryBytesEscape(b, appendTime(buf[:0], t, format))
}
