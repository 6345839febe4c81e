package templates

// JSON reading for awsJson1_0, awsJson1_1 and restJson1 bodies: a scanner
// over the whole body that generated code drives member by member, with no
// reflection and no allocation beyond the values it returns.
//
// API for emitters (d is a *jsonDecoder; the zero value with data set is
// ready: d := jsonDecoder{data: body}):
//
//	d.member() bool        enter an object / move to its next member; false at its
//	                       end or for null. d.key is the member's name, valid
//	                       until the next member() call: switch string(d.key)
//	                       does not allocate; copy it (k := d.keyString())
//	                       before reading a map value.
//	d.keyString()          d.key as a string (see Strings below)
//	d.item() bool          the same for arrays: true when an element follows
//	d.null() bool          consume a null if one is next (sparse collections)
//	d.string(), d.bool()
//	d.int8(), d.int16(), d.int32(), d.int64()   range-checked
//	d.float32(), d.float64()                    numbers and "NaN", "Infinity", "-Infinity"
//	d.bigInt(), d.bigFloat(), d.blob(), d.time(format)
//	d.stringPtr(), d.boolPtr(), d.int8Ptr() ... d.float64Ptr(), d.timePtr(format): nil for null
//	jsonEnum(d, values)    a string enum; known values cost no allocation
//	d.document() any       map[string]any, []any, string, json.Number, bool, nil
//	d.skip()               an unknown member's value
//	d.raw() []byte         a value's bytes, unparsed (an unknown union member)
//	d.peek() byte          first byte of the next value: { [ " t f n - or a digit
//	d.end() error          no more input may follow; the first error met, if any
//
// A null where a scalar is expected reads as the zero value. Errors are
// sticky: after the first one every call returns a zero value (loops end)
// and end() returns it, so generated code checks once, at the end. Errors
// are *jsonError values with the byte offset of the problem. Nesting deeper
// than jsonMaxDepth is an error, so hostile input cannot exhaust the stack
// of the recursive generated code.
//
// For
//
//	structure Widget { name: String, count: Integer, tags: StringList, inner: Inner }
//
// an emitter writes
//
//	func deserializeWidgetJSON(d *jsonDecoder) *Widget {
//		if d.null() {
//			return nil
//		}
//		v := &Widget{}
//		for d.member() {
//			switch string(d.key) {
//			case "name":
//				v.Name = d.stringPtr()
//			case "count":
//				v.Count = d.int32Ptr()
//			case "tags":
//				if d.null() {
//					continue
//				}
//				v.Tags = []string{}
//				for d.item() {
//					v.Tags = append(v.Tags, d.string())
//				}
//			case "inner":
//				v.Inner = deserializeInnerJSON(d)
//			default:
//				d.skip()
//			}
//		}
//		return v
//	}
//
// and reads a body with
//
//	d := jsonDecoder{data: body}
//	out := deserializeWidgetJSON(&d)
//	if err := d.end(); err != nil { ... }
//
// Strings: string values, map keys and unknown enum values share chunks of
// memory (see jsonDecoder.str), so the many short strings of a large
// response cost an allocation per chunk, not one each.
//
// Documents: numbers in a document are json.Number, the number's text as
// sent. A float64 would silently round integers beyond 2^53 (IDs, byte
// counts) and decimals that have no exact binary form, and document
// values are often passed on to other systems; json.Number keeps the value
// exact and converts with Int64() or Float64(). It is what encoding/json
// gives with UseNumber, and the AWS SDK's documents also keep numbers as
// text. jsonDocument writes json.Number back verbatim.
//
// This file uses runtime_restnum.go and runtime_time.go.

import (
	"encoding/base64"
	"encoding/json"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// jsonMaxDepth bounds the nesting of arrays and objects.
const jsonMaxDepth = 1000

// jsonError is a malformed JSON body or a value that does not fit the
// member it is read into.
type jsonError struct {
	Offset int // byte offset in the body
	Msg    string
}

func (e *jsonError) Error() string {
	return "json: offset " + strconv.Itoa(e.Offset) + ": " + e.Msg
}

// jsonDecoder reads one JSON value from data; see the top of this file.
type jsonDecoder struct {
	data []byte
	pos  int
	// key is the member name member() read: a slice of data, or of keyBuf
	// when it had escapes.
	key []byte
	// afterValue is false where a value is expected (the start, after ':',
	// after ',' in an array) and true after one was read.
	afterValue bool
	depth      int
	keyBuf     []byte
	strBuf     []byte
	err        error
	// strs holds the strings str hands out.
	strs strings.Builder

	// Chunks the *Ptr methods take their pointers from.
	strings restSlab[string]
	bools   restSlab[bool]
	ints    restSlab[int64]
	int32s  restSlab[int32]
	floats  restSlab[float64]
	times   restSlab[time.Time]
}

func (d *jsonDecoder) fail(at int, msg string) {
	if d.err == nil {
		d.err = &jsonError{Offset: at, Msg: msg}
	}
}

// unexpected fails at d.pos, saying what was wanted and what is there.
func (d *jsonDecoder) unexpected(want string) {
	if d.pos >= len(d.data) {
		d.fail(d.pos, "unexpected end of input, want "+want)
		return
	}
	var found string
	switch c := d.data[d.pos]; {
	case c == '"':
		found = "a string"
	case c == '{':
		found = "an object"
	case c == '[':
		found = "an array"
	case c == '-' || c >= '0' && c <= '9':
		found = "a number"
	case c == 't' || c == 'f':
		found = "a boolean"
	case c == 'n':
		found = "null"
	default:
		r, _ := utf8.DecodeRune(d.data[d.pos:])
		found = strconv.QuoteRune(r)
	}
	d.fail(d.pos, "want "+want+", found "+found)
}

// next skips whitespace and returns the next byte, 0 at the end of input
// or after an error.
func (d *jsonDecoder) next() byte {
	if d.err != nil {
		return 0
	}
	data := d.data
	for i := d.pos; i < len(data); i++ {
		if c := data[i]; c > ' ' || !jsonIsSpace(c) {
			d.pos = i
			return c
		}
	}
	d.pos = len(data)
	return 0
}

// peek returns the first byte of the next value without consuming it.
func (d *jsonDecoder) peek() byte {
	return d.next()
}

func (d *jsonDecoder) open() bool {
	if d.depth >= jsonMaxDepth {
		d.fail(d.pos, "nested more than "+strconv.Itoa(jsonMaxDepth)+" deep")
		return false
	}
	d.depth++
	d.pos++
	return true
}

// member enters an object (at a value) or moves past the last member's
// value; it reads the next member name and its colon. It returns false at
// the object's end, for a null, and after an error.
func (d *jsonDecoder) member() bool {
	c := d.next()
	if d.err != nil {
		return false
	}
	if !d.afterValue {
		switch c {
		case '{':
			if !d.open() {
				return false
			}
			if d.next() == '}' {
				d.pos++
				d.depth--
				d.afterValue = true
				return false
			}
		case 'n':
			d.literal("null")
			return false
		default:
			d.unexpected("an object")
			return false
		}
	} else {
		switch c {
		case ',':
			d.pos++
			d.next()
		case '}':
			d.pos++
			d.depth--
			return false
		default:
			d.unexpected("',' or '}'")
			return false
		}
	}
	if d.pos >= len(d.data) || d.data[d.pos] != '"' {
		d.unexpected("a member name")
		return false
	}
	d.key = d.readString(&d.keyBuf)
	if d.next() != ':' {
		d.unexpected("':'")
		return false
	}
	d.pos++
	d.afterValue = false
	return true
}

// item enters an array (at a value) or moves past the last element. It
// returns true when an element follows, false at the array's end, for a
// null, and after an error.
func (d *jsonDecoder) item() bool {
	c := d.next()
	if d.err != nil {
		return false
	}
	if !d.afterValue {
		switch c {
		case '[':
			if !d.open() {
				return false
			}
			if d.next() == ']' {
				d.pos++
				d.depth--
				d.afterValue = true
				return false
			}
			return d.err == nil
		case 'n':
			d.literal("null")
			return false
		}
		d.unexpected("an array")
		return false
	}
	switch c {
	case ',':
		d.pos++
		d.afterValue = false
		return true
	case ']':
		d.pos++
		d.depth--
		return false
	}
	d.unexpected("',' or ']'")
	return false
}

// literal consumes true, false or null, which starts at d.pos.
func (d *jsonDecoder) literal(lit string) {
	if len(d.data)-d.pos >= len(lit) && string(d.data[d.pos:d.pos+len(lit)]) == lit {
		d.pos += len(lit)
		d.afterValue = true
		return
	}
	d.fail(d.pos, "invalid literal, want "+lit)
}

// null consumes a null if one is next.
func (d *jsonDecoder) null() bool {
	if d.next() != 'n' || d.afterValue {
		return false
	}
	d.literal("null")
	return d.err == nil
}

// readString reads the string starting at d.pos (a '"'), unescaping it
// into *buf only when it has escapes or invalid UTF-8; otherwise the
// result is a slice of data.
func (d *jsonDecoder) readString(buf *[]byte) []byte {
	data := d.data
	start := d.pos + 1
	i := start + jsonPlainPrefix(data[start:])
	if i < len(data) && data[i] == '"' {
		d.pos = i + 1
		return data[start:i]
	}
	return d.readStringSlow(buf, start, i)
}

func (d *jsonDecoder) readStringSlow(buf *[]byte, start, i int) []byte {
	data := d.data
	var out []byte
	copied := false
	lit := start // start of the content not yet copied to out
	for {
		if i >= len(data) {
			d.fail(start-1, "unterminated string")
			return nil
		}
		switch c := data[i]; {
		case c == '"':
			d.pos = i + 1
			if !copied {
				return data[start:i]
			}
			out = append(out, data[lit:i]...)
			*buf = out
			return out
		case c == '\\':
			if !copied {
				out, copied = (*buf)[:0], true
			}
			out = append(out, data[lit:i]...)
			var ok bool
			if out, i, ok = d.escape(out, i); !ok {
				return nil
			}
			lit = i
		case c < 0x20:
			d.fail(i, "control character "+strconv.QuoteRune(rune(c))+" in string (must be escaped)")
			return nil
		default: // c >= 0x80
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 {
				// Like encoding/json (and so the SDK), replace rather than reject.
				if !copied {
					out, copied = (*buf)[:0], true
				}
				out = append(out, data[lit:i]...)
				out = append(out, "\uFFFD"...)
				lit = i + 1
			}
			i += n
		}
		i += jsonPlainPrefix(data[i:])
	}
}

// escape decodes the escape sequence at data[i] (a '\\') onto out.
func (d *jsonDecoder) escape(out []byte, i int) ([]byte, int, bool) {
	data := d.data
	if i+1 >= len(data) {
		d.fail(i, "unterminated escape sequence")
		return out, i, false
	}
	switch c := data[i+1]; c {
	case '"', '\\', '/':
		return append(out, c), i + 2, true
	case 'b':
		return append(out, '\b'), i + 2, true
	case 'f':
		return append(out, '\f'), i + 2, true
	case 'n':
		return append(out, '\n'), i + 2, true
	case 'r':
		return append(out, '\r'), i + 2, true
	case 't':
		return append(out, '\t'), i + 2, true
	case 'u':
		r, ok := jsonHex4(data, i+2)
		if !ok {
			d.fail(i, "invalid \\u escape")
			return out, i, false
		}
		i += 6
		if r >= 0xD800 && r < 0xE000 {
			// A surrogate: valid only as a high one followed by an
			// escaped low one. Others become U+FFFD, as in encoding/json.
			if r < 0xDC00 && i+1 < len(data) && data[i] == '\\' && data[i+1] == 'u' {
				if lo, ok := jsonHex4(data, i+2); ok && lo >= 0xDC00 && lo < 0xE000 {
					return utf8.AppendRune(out, 0x10000+(r-0xD800)<<10+(lo-0xDC00)), i + 6, true
				}
			}
			r = utf8.RuneError
		}
		return utf8.AppendRune(out, r), i, true
	}
	d.fail(i, "invalid escape sequence \\"+string(rune(data[i+1])))
	return out, i, false
}

func jsonHex4(data []byte, i int) (rune, bool) {
	if i+4 > len(data) {
		return 0, false
	}
	var r rune
	for _, c := range data[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// stringBytes reads a string value; the bytes are valid until the next
// call. A null gives nil.
func (d *jsonDecoder) stringBytes() []byte {
	switch d.next() {
	case '"':
		s := d.readString(&d.strBuf)
		d.afterValue = d.err == nil
		return s
	case 'n':
		d.literal("null")
		return nil
	}
	d.unexpected("a string")
	return nil
}

func (d *jsonDecoder) string() string {
	return d.str(d.stringBytes())
}

// keyString is the current member's name as a string.
func (d *jsonDecoder) keyString() string {
	return d.str(d.key)
}

// str returns b as a string. A short one is copied into the decoder's
// current chunk, where it stays as other strings are added after it; a
// chunk lives while any of its strings does, and chunks grow from 512
// bytes to 16 KiB, so a string kept from a response holds on to no more
// than that.
func (d *jsonDecoder) str(b []byte) string {
	n := len(b)
	switch {
	case n == 0:
		return ""
	case n > 256:
		return string(b)
	}
	if d.strs.Cap()-d.strs.Len() < n {
		size := min(max(2*d.strs.Cap(), 512), 16<<10)
		d.strs = strings.Builder{}
		d.strs.Grow(size)
	}
	start := d.strs.Len()
	d.strs.Write(b)
	return d.strs.String()[start:]
}

func (d *jsonDecoder) bool() bool {
	switch d.next() {
	case 't':
		d.literal("true")
		return d.err == nil
	case 'f':
		d.literal("false")
		return false
	case 'n':
		d.literal("null")
		return false
	}
	d.unexpected("a boolean")
	return false
}

// number scans the number at d.pos and returns its text and whether it is
// an integer (no fraction or exponent).
func (d *jsonDecoder) number() ([]byte, bool) {
	start := d.pos
	end, isInt, want := jsonScanNumber(d.data, start)
	d.pos = end
	if want != "" {
		d.unexpected(want)
		return nil, false
	}
	d.afterValue = true
	return d.data[start:end], isInt
}

// numberValue reads a number at a value position; ok is false for null
// (and errors).
func (d *jsonDecoder) numberValue() (num []byte, isInt, ok bool) {
	switch c := d.next(); {
	case c == '-' || c >= '0' && c <= '9':
		num, isInt = d.number()
		return num, isInt, d.err == nil
	case c == 'n':
		d.literal("null")
		return nil, false, false
	}
	d.unexpected("a number")
	return nil, false, false
}

// valueError reports a value that cannot be read as what was wanted; at is
// where the value started.
func (d *jsonDecoder) valueError(at int, v []byte, what string) {
	if len(v) > 64 {
		v = append(v[:64:64], "..."...)
	}
	d.fail(at, "cannot read "+strconv.Quote(string(v))+" as "+what)
}

// integer reads an integer that fits in bits.
func (d *jsonDecoder) integer(bits int) int64 {
	num, isInt, ok := d.numberValue()
	if !ok {
		return 0
	}
	at := d.pos - len(num)
	what := "int" + strconv.Itoa(bits)
	if !isInt {
		d.valueError(at, num, what+" (not an integer)")
		return 0
	}
	neg := num[0] == '-'
	digits := num
	if neg {
		digits = num[1:]
	}
	limit := uint64(1) << (bits - 1) // magnitude of the minimum
	if !neg {
		limit--
	}
	var u uint64
	for _, c := range digits {
		if u > (limit-uint64(c-'0'))/10 {
			d.valueError(at, num, what+" (out of range)")
			return 0
		}
		u = u*10 + uint64(c-'0')
	}
	if neg {
		return -int64(u-1) - 1
	}
	return int64(u)
}

func (d *jsonDecoder) int8() int8   { return int8(d.integer(8)) }
func (d *jsonDecoder) int16() int16 { return int16(d.integer(16)) }
func (d *jsonDecoder) int32() int32 { return int32(d.integer(32)) }
func (d *jsonDecoder) int64() int64 { return d.integer(64) }

// float reads a number, or one of the strings NaN, Infinity and -Infinity
// the Smithy JSON protocols use, rounded to bits.
func (d *jsonDecoder) float(bits int) float64 {
	c := d.next()
	start := d.pos
	if c == '"' {
		s := d.readString(&d.strBuf)
		if d.err != nil {
			return 0
		}
		d.afterValue = true
		switch string(s) {
		case "NaN":
			return math.NaN()
		case "Infinity":
			return math.Inf(1)
		case "-Infinity":
			return math.Inf(-1)
		}
		d.valueError(start, s, "float"+strconv.Itoa(bits)+" (want a number, \"NaN\", \"Infinity\" or \"-Infinity\")")
		return 0
	}
	num, _, ok := d.numberValue()
	if !ok {
		return 0
	}
	f, err := strconv.ParseFloat(string(num), bits)
	if err != nil {
		d.valueError(start, num, "float"+strconv.Itoa(bits)+" (out of range)")
		return 0
	}
	return f
}

func (d *jsonDecoder) float32() float32 { return float32(d.float(32)) }
func (d *jsonDecoder) float64() float64 { return d.float(64) }

// bigInt reads an integer of any size; null gives nil.
func (d *jsonDecoder) bigInt() *big.Int {
	num, isInt, ok := d.numberValue()
	if !ok {
		return nil
	}
	if !isInt {
		d.valueError(d.pos-len(num), num, "bigInteger (not an integer)")
		return nil
	}
	n, _ := new(big.Int).SetString(string(num), 10)
	return n
}

// bigFloat reads a number of any size and precision; null gives nil. The
// precision grows with the digits (up to about 1000), so integers that
// long are exact.
func (d *jsonDecoder) bigFloat() *big.Float {
	num, _, ok := d.numberValue()
	if !ok {
		return nil
	}
	prec := 64 + 4*min(len(num), 1024)
	f, _, err := new(big.Float).SetPrec(uint(prec)).Parse(string(num), 10)
	if err != nil {
		d.valueError(d.pos-len(num), num, "bigDecimal (out of range)")
		return nil
	}
	return f
}

// blob reads standard, padded base64 from a string; null gives nil, an
// empty string an empty, non-nil slice.
func (d *jsonDecoder) blob() []byte {
	switch d.next() {
	case '"':
	case 'n':
		d.literal("null")
		return nil
	default:
		d.unexpected("a base64 string")
		return nil
	}
	at := d.pos
	s := d.readString(&d.strBuf)
	if d.err != nil {
		return nil
	}
	d.afterValue = true
	out := make([]byte, base64.StdEncoding.DecodedLen(len(s)))
	n, err := base64.StdEncoding.Decode(out, s)
	if err != nil {
		d.valueError(at, s, "base64 blob")
		return nil
	}
	return out[:n]
}

// time reads a timestamp: a number of seconds for epoch-seconds, a string
// for date-time and http-date. null gives the zero time.
func (d *jsonDecoder) time(format int) time.Time {
	d.next()
	at := d.pos
	var text []byte
	if format == timeEpochSeconds {
		num, _, ok := d.numberValue()
		if !ok {
			return time.Time{}
		}
		text = num
	} else {
		if text = d.stringBytes(); text == nil {
			return time.Time{}
		}
	}
	t, err := parseTime(text, format)
	if err != nil {
		d.fail(at, err.Error())
		return time.Time{}
	}
	return t
}

// The *Ptr methods read an optional member: nil for null. Their pointers
// come from chunks shared with other members (see restSlab), not one
// allocation each.

func (d *jsonDecoder) stringPtr() *string {
	if d.null() {
		return nil
	}
	return d.strings.ptr(d.string())
}

func (d *jsonDecoder) boolPtr() *bool {
	if d.null() {
		return nil
	}
	return d.bools.ptr(d.bool())
}

func (d *jsonDecoder) int8Ptr() *int8 {
	if d.null() {
		return nil
	}
	v := d.int8()
	return &v
}

func (d *jsonDecoder) int16Ptr() *int16 {
	if d.null() {
		return nil
	}
	v := d.int16()
	return &v
}

func (d *jsonDecoder) int32Ptr() *int32 {
	if d.null() {
		return nil
	}
	return d.int32s.ptr(d.int32())
}

func (d *jsonDecoder) int64Ptr() *int64 {
	if d.null() {
		return nil
	}
	return d.ints.ptr(d.int64())
}

func (d *jsonDecoder) float32Ptr() *float32 {
	if d.null() {
		return nil
	}
	v := d.float32()
	return &v
}

func (d *jsonDecoder) float64Ptr() *float64 {
	if d.null() {
		return nil
	}
	return d.floats.ptr(d.float64())
}

func (d *jsonDecoder) timePtr(format int) *time.Time {
	if d.null() {
		return nil
	}
	return d.times.ptr(d.time(format))
}

// jsonEnum reads a string enum. A value among values (the enum's known
// values, a package-level slice) is returned without allocating; others
// are kept as sent, since enums are open.
func jsonEnum[E ~string](d *jsonDecoder, values []E) E {
	s := d.stringBytes()
	for _, v := range values {
		if string(v) == string(s) {
			return v
		}
	}
	return E(d.str(s))
}

// skip consumes the next value, whatever it is, checking its syntax.
func (d *jsonDecoder) skip() {
	switch c := d.next(); c {
	case '{':
		for d.member() {
			d.skip()
		}
	case '[':
		for d.item() {
			d.skip()
		}
	case '"':
		d.readString(&d.strBuf)
		d.afterValue = d.err == nil
	case 't':
		d.literal("true")
	case 'f':
		d.literal("false")
	case 'n':
		d.literal("null")
	default:
		if c == '-' || c >= '0' && c <= '9' {
			d.number()
			return
		}
		d.unexpected("a value")
	}
}

// raw consumes the next value and returns its bytes, as sent.
func (d *jsonDecoder) raw() []byte {
	d.next()
	start := d.pos
	d.skip()
	if d.err != nil {
		return nil
	}
	return d.data[start:d.pos]
}

// document reads any value as a document; see the top of this file.
func (d *jsonDecoder) document() any {
	switch c := d.next(); c {
	case '{':
		m := map[string]any{}
		for d.member() {
			k := d.keyString()
			m[k] = d.document()
		}
		return m
	case '[':
		a := []any{}
		for d.item() {
			a = append(a, d.document())
		}
		return a
	case '"':
		return d.string()
	case 't', 'f':
		return d.bool()
	case 'n':
		d.literal("null")
		return nil
	default:
		if c == '-' || c >= '0' && c <= '9' {
			num, _ := d.number()
			return json.Number(num)
		}
		d.unexpected("a value")
		return nil
	}
}

// eof reports whether only whitespace is left (an empty body, say).
func (d *jsonDecoder) eof() bool {
	return d.next() == 0 && d.err == nil && d.pos >= len(d.data)
}

// end checks that the top-level value is complete and nothing follows it,
// and returns the first error met.
func (d *jsonDecoder) end() error {
	if d.err != nil {
		return d.err
	}
	switch {
	case !d.afterValue:
		d.unexpected("a value")
	case d.depth > 0:
		d.fail(d.pos, "the body was not read to the end of its value")
	case d.next() != 0 || d.pos < len(d.data):
		d.fail(d.pos, "data after the top-level value")
	}
	return d.err
}
