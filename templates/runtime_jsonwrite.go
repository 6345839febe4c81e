package templates

// JSON writing for awsJson1_0, awsJson1_1 and restJson1 bodies. Every
// function appends one JSON value (or a member name) to b and returns the
// extended slice, so a serializer threads one buffer through and allocates
// nothing per value.
//
// API for emitters:
//
//	jsonKey(b, name)                 [,]"name": (a comma unless b ends in { or [)
//	jsonKeyLit(b, `"name":`)         the same with the name quoted at generation time
//	jsonComma(b)                     [,]        (before each list element)
//	jsonString(b, s)                 escaped as the AWS SDK escapes
//	jsonInt(b, v)                    any integer type, int enums included
//	jsonFloat(b, v)                  float32/float64; NaN, Infinity, -Infinity as strings
//	jsonBool(b, v), jsonNull(b)
//	jsonBlob(b, v)                   standard padded base64 in a string
//	jsonTime(b, t, format)           epoch-seconds as a number, date-time and http-date as strings
//	jsonBigInt(b, v), jsonBigFloat(b, v)
//	jsonDocument(b, v) ([]byte, error)  a document value (see below)
//	jsonList(b, items, appendItem), jsonMap(b, m, appendValue)
//	jsonNullable(appendItem)         appendItem for pointers (sparse collections), nil as null
//
// The format arguments are runtime_time.go's timeDateTime, timeHTTPDate and
// timeEpochSeconds.
//
// For
//
//	structure Widget { name: String, count: Integer, tags: StringList, inner: Inner }
//
// an emitter writes
//
//	func serializeWidgetJSON(b []byte, v *Widget) []byte {
//		b = append(b, '{')
//		if v.Name != nil {
//			b = jsonKeyLit(b, `"name":`)
//			b = jsonString(b, *v.Name)
//		}
//		if v.Count != nil {
//			b = jsonKeyLit(b, `"count":`)
//			b = jsonInt(b, *v.Count)
//		}
//		if v.Tags != nil {
//			b = jsonKeyLit(b, `"tags":`)
//			b = jsonList(b, v.Tags, jsonString)
//		}
//		if v.Inner != nil {
//			b = jsonKeyLit(b, `"inner":`)
//			b = serializeInnerJSON(b, v.Inner)
//		}
//		return append(b, '}')
//	}
//
// (jsonKey(b, "name") is the same, for names the emitter does not quote.)
//
// Documents: jsonDocument writes what jsonDecoder.document reads (nil,
// bool, string, json.Number, float64, map[string]any, []any) and also any
// Go integer or float, *big.Int, *big.Float, map[string]string, []string
// and json.Marshaler values (json.RawMessage among them), checked to be
// valid JSON. Object keys are sorted, as encoding/json sorts them, so a
// document is written the same way every time.
//
// This file uses runtime_json.go, runtime_restnum.go and runtime_time.go.

import (
	"encoding/base64"
	"encoding/json"
	"math"
	"math/big"
	"strconv"
	"time"
	"unicode/utf8"
)

// jsonPlain marks the bytes a JSON string may hold as they are. Like the
// AWS SDK's encoder (smithy-go encoding/json) only '"', '\\' and control
// characters are escaped: no HTML escaping of <, > and &, and DEL (0x7f)
// is left alone. Bytes from 0x80 up are false here only so that the slow
// path checks their UTF-8.
var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	t['"'], t['\\'] = false, false
	return t
}()

// jsonPlainPrefix returns how many leading bytes of s are plain (see
// jsonPlain), eight at a time while it can.
func jsonPlainPrefix[S string | []byte](s S) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if jsonSpecial8(jsonLoad8(s[i:i+8])) != 0 {
			break
		}
	}
	for i < len(s) && jsonPlain[s[i]] {
		i++
	}
	return i
}

// jsonSpecial8 is zero when the eight bytes of x are plain. Bit tricks:
// a byte from 0x80 has its high bit set; one below 0x20, less 0x20, sets
// it too, as does a '"' or a '\\' (zero after XOR), less one. A borrow out
// of a byte (one of those) may flag the bytes above it, never a word of
// plain bytes.
func jsonSpecial8(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return (x | (x - 0x20*ones) | ((x ^ '"'*ones) - ones) | ((x ^ '\\'*ones) - ones)) & highs
}

// jsonLoad8 and jsonLoad4 read the first eight or four bytes of s as a
// little-endian word (one load: the compiler merges the byte reads).
func jsonLoad8[S string | []byte](s S) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func jsonLoad4(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

const jsonHex = "0123456789abcdef"

// jsonComma starts a list element or object member: a comma unless b is
// empty or ends in '{' or '[' (no JSON value ends in either).
func jsonComma(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] != '{' && b[n-1] != '[' {
		b = append(b, ',')
	}
	return b
}

// jsonKey writes a member name and its colon, after a comma if needed.
func jsonKey(b []byte, name string) []byte {
	b = jsonComma(b)
	b = jsonString(b, name)
	return append(b, ':')
}

// jsonKeyLit is jsonKey for a member name the emitter has already written
// as a JSON string followed by ':' (a generated constant like `"name":`),
// saving the escaping work on every call.
func jsonKeyLit(b []byte, lit string) []byte {
	b = jsonComma(b)
	return append(b, lit...)
}

// jsonString writes s quoted. As the SDK does, '"' and '\\' get a
// backslash, \n \r \t their short escapes, other control characters
// \u00XX (lower-case hex), U+2028 and U+2029 \u2028 and \u2029 (they end
// lines in JavaScript), and each byte of invalid UTF-8 becomes \ufffd.
//
// Most strings have nothing to escape, which it checks eight bytes at a
// time (jsonSpecial8): a string of 8 bytes or more ends with an
// overlapping word, a shorter one is read as a word padded with plain
// bytes.
func jsonString(b []byte, s string) []byte {
	n := len(s)
	var special uint64
	switch {
	case n >= 8:
		for i := 0; i < n-8; i += 8 {
			special |= jsonSpecial8(jsonLoad8(s[i : i+8]))
		}
		special |= jsonSpecial8(jsonLoad8(s[n-8:]))
	case n >= 4:
		special = jsonSpecial8(uint64(jsonLoad4(s[:4])) | uint64(jsonLoad4(s[n-4:]))<<32)
	case n > 0:
		const pad = 'a' * 0x0101010101 << 24 // bytes 3 to 7: plain
		special = jsonSpecial8(uint64(s[0]) | uint64(s[n/2])<<8 | uint64(s[n-1])<<16 | pad)
	}
	b = append(b, '"')
	if special == 0 {
		b = append(b, s...)
	} else {
		b = jsonEscapeRest(b, s)
	}
	return append(b, '"')
}

// jsonEscapeRest appends s escaped.
func jsonEscapeRest(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if jsonPlain[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', jsonHex[c>>4], jsonHex[c&15])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', jsonHex[r&15])
		default:
			i += n
			continue
		}
		i += n
		start = i
	}
	return append(b, s[start:]...)
}

// jsonInt writes an integer.
func jsonInt[T ~int8 | ~int16 | ~int32 | ~int64 | ~int](b []byte, v T) []byte {
	return strconv.AppendInt(b, int64(v), 10)
}

// jsonFloat writes a float. The Smithy JSON protocols send NaN, Infinity
// and -Infinity as those strings. Finite values use the shortest decimal
// that reads back as the same float, in exponent form below 1e-6 and from
// 1e21 up, like the SDK and JavaScript.
func jsonFloat[T ~float32 | ~float64](b []byte, v T) []byte {
	f := float64(v)
	switch {
	case math.IsNaN(f):
		return append(b, `"NaN"`...)
	case math.IsInf(f, 1):
		return append(b, `"Infinity"`...)
	case math.IsInf(f, -1):
		return append(b, `"-Infinity"`...)
	}
	return restFormatFloat(b, f, restFloatBits[T]())
}

func jsonBool(b []byte, v bool) []byte {
	return strconv.AppendBool(b, v)
}

func jsonNull(b []byte) []byte {
	return append(b, "null"...)
}

// jsonBlob writes v as a string of standard, padded base64.
func jsonBlob(b []byte, v []byte) []byte {
	b = append(b, '"')
	b = base64.StdEncoding.AppendEncode(b, v)
	return append(b, '"')
}

// jsonTime writes t in a Smithy timestamp format: epoch-seconds (the JSON
// protocols' default) as a number with up to three fraction digits,
// date-time and http-date as strings.
func jsonTime(b []byte, t time.Time, format int) []byte {
	if format == timeEpochSeconds {
		return appendEpochSeconds(b, t)
	}
	b = append(b, '"')
	b = appendTime(b, t, format)
	return append(b, '"')
}

// jsonBigInt writes a bigInteger in full; nil is null.
func jsonBigInt(b []byte, v *big.Int) []byte {
	if v == nil {
		return jsonNull(b)
	}
	return v.Append(b, 10)
}

// jsonBigFloat writes a bigDecimal (see restBigFloat). Infinities, which a
// bigDecimal cannot hold but a big.Float can, are written like float
// infinities; nil is null.
func jsonBigFloat(b []byte, v *big.Float) []byte {
	switch {
	case v == nil:
		return jsonNull(b)
	case v.IsInf() && v.Signbit():
		return append(b, `"-Infinity"`...)
	case v.IsInf():
		return append(b, `"Infinity"`...)
	}
	return restBigFloat(b, v)
}

// jsonList writes items as an array, each with appendItem.
func jsonList[T any](b []byte, items []T, appendItem func([]byte, T) []byte) []byte {
	b = append(b, '[')
	for i, x := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendItem(b, x)
	}
	return append(b, ']')
}

// jsonMap writes m as an object, each value with appendValue, in Go's map
// order (as the SDK does; the protocols do not order members).
func jsonMap[K ~string, V any](b []byte, m map[K]V, appendValue func([]byte, V) []byte) []byte {
	b = append(b, '{')
	first := true
	for k, v := range m {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = jsonString(b, string(k))
		b = append(b, ':')
		b = appendValue(b, v)
	}
	return append(b, '}')
}

// jsonNullable adapts an appender to pointers, writing nil as null, for the
// elements of sparse lists and maps.
func jsonNullable[T any](appendItem func([]byte, T) []byte) func([]byte, *T) []byte {
	return func(b []byte, p *T) []byte {
		if p == nil {
			return jsonNull(b)
		}
		return appendItem(b, *p)
	}
}

// jsonDocumentError reports a document value that cannot be written.
type jsonDocumentError struct {
	Msg string
}

func (e *jsonDocumentError) Error() string { return "json: document: " + e.Msg }

// jsonDocument writes a document value; see the top of this file for the
// Go types it takes. NaN and infinities are an error here: a document is
// plain JSON, where they have no spelling.
func jsonDocument(b []byte, v any) ([]byte, error) {
	return jsonAppendDocument(b, v, 0)
}

func jsonAppendDocument(b []byte, v any, depth int) ([]byte, error) {
	if depth > jsonMaxDepth {
		return b, &jsonDocumentError{Msg: "nested more than " + strconv.Itoa(jsonMaxDepth) + " deep (a cycle?)"}
	}
	switch v := v.(type) {
	case nil:
		return jsonNull(b), nil
	case bool:
		return jsonBool(b, v), nil
	case string:
		return jsonString(b, v), nil
	case json.Number:
		if !jsonIsNumber(string(v)) {
			return b, &jsonDocumentError{Msg: "json.Number " + strconv.Quote(string(v)) + " is not a JSON number"}
		}
		return append(b, v...), nil
	case float64:
		return jsonDocumentFloat(b, v, 64)
	case float32:
		return jsonDocumentFloat(b, float64(v), 32)
	case int:
		return jsonInt(b, v), nil
	case int8:
		return jsonInt(b, v), nil
	case int16:
		return jsonInt(b, v), nil
	case int32:
		return jsonInt(b, v), nil
	case int64:
		return jsonInt(b, v), nil
	case uint:
		return strconv.AppendUint(b, uint64(v), 10), nil
	case uint8:
		return strconv.AppendUint(b, uint64(v), 10), nil
	case uint16:
		return strconv.AppendUint(b, uint64(v), 10), nil
	case uint32:
		return strconv.AppendUint(b, uint64(v), 10), nil
	case uint64:
		return strconv.AppendUint(b, v, 10), nil
	case *big.Int:
		return jsonBigInt(b, v), nil
	case *big.Float:
		if v != nil && v.IsInf() {
			return b, &jsonDocumentError{Msg: "infinite *big.Float"}
		}
		return jsonBigFloat(b, v), nil
	case map[string]any:
		return jsonDocumentObject(b, v, depth)
	case map[string]string:
		return jsonDocumentObject(b, v, depth)
	case []any:
		return jsonDocumentArray(b, v, depth)
	case []string:
		return jsonDocumentArray(b, v, depth)
	case json.Marshaler:
		raw, err := v.MarshalJSON()
		if err != nil {
			return b, &jsonDocumentError{Msg: "MarshalJSON: " + err.Error()}
		}
		d := jsonDecoder{data: raw}
		d.skip()
		if err := d.end(); err != nil {
			return b, &jsonDocumentError{Msg: "MarshalJSON returned invalid JSON: " + err.Error()}
		}
		return append(b, jsonTrimSpace(raw)...), nil
	}
	return b, &jsonDocumentError{Msg: "unsupported Go type; a document holds nil, bool, string, a number (json.Number, int, float64, ...), map[string]any or []any"}
}

func jsonDocumentObject[V any](b []byte, m map[string]V, depth int) ([]byte, error) {
	b = append(b, '{')
	for i, k := range restSortedKeys(m) {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonString(b, k)
		b = append(b, ':')
		var err error
		if b, err = jsonAppendDocument(b, m[k], depth+1); err != nil {
			return b, err
		}
	}
	return append(b, '}'), nil
}

func jsonDocumentArray[V any](b []byte, a []V, depth int) ([]byte, error) {
	b = append(b, '[')
	for i, x := range a {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = jsonAppendDocument(b, x, depth+1); err != nil {
			return b, err
		}
	}
	return append(b, ']'), nil
}

func jsonDocumentFloat(b []byte, f float64, bits int) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return b, &jsonDocumentError{Msg: strconv.FormatFloat(f, 'g', -1, bits) + " is not a JSON number"}
	}
	return restFormatFloat(b, f, bits), nil
}

// jsonIsNumber reports whether s is exactly one JSON number.
func jsonIsNumber[S string | []byte](s S) bool {
	end, _, want := jsonScanNumber(s, 0)
	return want == "" && end == len(s)
}

// jsonScanNumber scans the JSON number starting at s[i]: it returns where
// the number ends and whether it is an integer (no fraction, no exponent),
// or, when the text is not a number, where and what was wanted.
func jsonScanNumber[S string | []byte](s S, i int) (end int, isInt bool, want string) {
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		for i++; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		}
	default:
		return i, false, "a digit"
	}
	isInt = true
	if i < len(s) && s[i] == '.' {
		isInt = false
		i++
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return i, false, "a digit after '.'"
		}
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		isInt = false
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return i, false, "a digit in the exponent"
		}
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		}
	}
	return i, isInt, ""
}

func jsonTrimSpace(b []byte) []byte {
	for len(b) > 0 && jsonIsSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && jsonIsSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func jsonIsSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}
