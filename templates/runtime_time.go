package templates

import (
	"errors"
	"strconv"
	"time"
)

// Smithy timestamp formats (the timestampFormat trait).
const (
	timeDateTime = iota
	timeHTTPDate
	timeEpochSeconds
)

// appendTime writes t in the given Smithy timestamp format.
func appendTime(b []byte, t time.Time, format int) []byte {
	switch format {
	case timeHTTPDate:
		return appendHTTPDate(b, t)
	case timeEpochSeconds:
		return appendEpochSeconds(b, t)
	default:
		return appendDateTime(b, t)
	}
}

// parseTime reads a timestamp in the given Smithy timestamp format.
func parseTime(b []byte, format int) (time.Time, error) {
	switch format {
	case timeHTTPDate:
		return parseHTTPDate(b)
	case timeEpochSeconds:
		return parseEpochSeconds(b)
	default:
		return parseDateTime(b)
	}
}

// appendDateTime writes t as an RFC 3339 UTC date-time. Like the AWS SDK
// (smithy-go's FormatDateTime, layout "2006-01-02T15:04:05.999Z") it keeps
// milliseconds, truncating finer digits and dropping trailing zeros.
func appendDateTime(b []byte, t time.Time) []byte {
	t = t.UTC()
	year, month, day := t.Date()
	if year < 0 || year > 9999 {
		return t.AppendFormat(b, "2006-01-02T15:04:05.999Z")
	}
	hour, minute, sec := t.Clock()
	b = appendTimeDigits(b, year, 4)
	b = append(b, '-')
	b = appendTimeDigits(b, int(month), 2)
	b = append(b, '-')
	b = appendTimeDigits(b, day, 2)
	b = append(b, 'T')
	b = appendTimeDigits(b, hour, 2)
	b = append(b, ':')
	b = appendTimeDigits(b, minute, 2)
	b = append(b, ':')
	b = appendTimeDigits(b, sec, 2)
	b = appendTimeMillis(b, t.Nanosecond()/1e6)
	return append(b, 'Z')
}

// appendHTTPDate writes t as an IMF-fixdate (RFC 7231 section 7.1.1.1) in GMT,
// whole seconds, as the SDK does.
func appendHTTPDate(b []byte, t time.Time) []byte {
	t = t.UTC()
	year, month, day := t.Date()
	if year < 0 || year > 9999 {
		return t.AppendFormat(b, "Mon, 02 Jan 2006 15:04:05 GMT")
	}
	hour, minute, sec := t.Clock()
	b = append(b, timeDayNames[t.Weekday()][:3]...)
	b = append(b, ',', ' ')
	b = appendTimeDigits(b, day, 2)
	b = append(b, ' ')
	b = append(b, timeMonthNames[month-1][:3]...)
	b = append(b, ' ')
	b = appendTimeDigits(b, year, 4)
	b = append(b, ' ')
	b = appendTimeDigits(b, hour, 2)
	b = append(b, ':')
	b = appendTimeDigits(b, minute, 2)
	b = append(b, ':')
	b = appendTimeDigits(b, sec, 2)
	return append(b, " GMT"...)
}

// appendEpochSeconds writes t as seconds since the Unix epoch. The SDK writes
// the millisecond count (truncated toward zero) divided by 1000 with
// strconv's shortest 'f' format, so at most 3 fraction digits and none for
// whole seconds; this writes the same decimal without going through float64.
func appendEpochSeconds(b []byte, t time.Time) []byte {
	sec, nsec := t.Unix(), int64(t.Nanosecond())
	neg := sec < 0
	if neg && nsec > 0 {
		// -1.25 is stored as sec=-2, nsec=750ms; flip to magnitude parts.
		sec++
		nsec = 1e9 - nsec
	}
	ms := int(nsec / 1e6)
	if neg {
		if sec == 0 && ms == 0 {
			return append(b, '0')
		}
		b = append(b, '-')
		// -sec cannot overflow: t.Unix() is far from math.MinInt64.
		b = strconv.AppendUint(b, uint64(-sec), 10)
	} else {
		b = strconv.AppendInt(b, sec, 10)
	}
	return appendTimeMillis(b, ms)
}

// appendTimeMillis writes ".ddd" without trailing zeros, or nothing for 0.
func appendTimeMillis(b []byte, ms int) []byte {
	if ms == 0 {
		return b
	}
	d := [4]byte{'.', byte('0' + ms/100), byte('0' + ms/10%10), byte('0' + ms%10)}
	n := 4
	for d[n-1] == '0' {
		n--
	}
	return append(b, d[:n]...)
}

// appendTimeDigits writes v, from 0 to 9999, in width (2 or 4) digits,
// two at a time from a table.
func appendTimeDigits(b []byte, v, width int) []byte {
	if width == 4 {
		hi := v / 100 % 100
		b = append(b, timeTwoDigits[2*hi], timeTwoDigits[2*hi+1])
	}
	lo := v % 100
	return append(b, timeTwoDigits[2*lo], timeTwoDigits[2*lo+1])
}

const timeTwoDigits = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"

var timeDayNames = [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

var timeMonthNames = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// timeParseError reports an unparsable timestamp with its text.
func timeParseError(kind string, b []byte, why string) error {
	if len(b) > 64 {
		b = append(b[:64:64], "..."...)
	}
	return errors.New("invalid " + kind + " " + strconv.Quote(string(b)) + ": " + why)
}

// timeScanner reads fixed-width fields from a timestamp.
type timeScanner struct {
	b   []byte
	i   int
	bad bool
}

// num reads between min and max digits.
func (s *timeScanner) num(min, max int) int {
	v, n := 0, 0
	for n < max && s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
		v = v*10 + int(s.b[s.i]-'0')
		s.i++
		n++
	}
	if n < min {
		s.bad = true
	}
	return v
}

func (s *timeScanner) lit(c byte) {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return
	}
	s.bad = true
}

func (s *timeScanner) litString(lit string) {
	if len(s.b)-s.i >= len(lit) && string(s.b[s.i:s.i+len(lit)]) == lit {
		s.i += len(lit)
		return
	}
	s.bad = true
}

func (s *timeScanner) peek() byte {
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

// frac reads an optional "." and one or more digits as nanoseconds; digits
// beyond the ninth are dropped, as Go's time.Parse (which the SDK uses) does.
func (s *timeScanner) frac() int {
	if s.peek() != '.' {
		return 0
	}
	s.i++
	ns, n := 0, 0
	for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
		if n < 9 {
			ns = ns*10 + int(s.b[s.i]-'0')
		}
		s.i++
		n++
	}
	if n == 0 {
		s.bad = true
	}
	for ; n < 9; n++ {
		ns *= 10
	}
	return ns
}

// name matches one of names (ASCII case-insensitively, as Go's time.Parse
// does) using either the full name or its first three letters.
func (s *timeScanner) name(names []string, full bool) int {
	for i, nm := range names {
		if !full {
			nm = nm[:3]
		}
		if len(s.b)-s.i >= len(nm) && timeEqualFold(s.b[s.i:s.i+len(nm)], nm) {
			s.i += len(nm)
			return i
		}
	}
	s.bad = true
	return 0
}

func timeEqualFold(b []byte, s string) bool {
	for i := range b {
		if b[i]|0x20 != s[i]|0x20 {
			return false
		}
	}
	return true
}

// timeBuild checks field ranges and builds the UTC instant; offset is in
// seconds east of UTC.
func timeBuild(year, month, day, hour, minute, sec, nsec, offset int) (time.Time, string) {
	switch {
	case month < 1 || month > 12:
		return time.Time{}, "month out of range"
	case day < 1 || day > timeDaysIn(year, month):
		return time.Time{}, "day out of range"
	case hour > 23:
		return time.Time{}, "hour out of range"
	case minute > 59:
		return time.Time{}, "minute out of range"
	case sec > 59:
		return time.Time{}, "second out of range"
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC)
	return t.Add(-time.Duration(offset) * time.Second), ""
}

func timeDaysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// parseDateTime reads an RFC 3339 date-time: "Z" or a numeric offset, any
// number of fraction digits. Like the SDK it also takes a time with no zone
// as UTC. The result is in UTC.
func parseDateTime(b []byte) (time.Time, error) {
	s := timeScanner{b: b}
	year := s.num(4, 4)
	s.lit('-')
	month := s.num(2, 2)
	s.lit('-')
	day := s.num(2, 2)
	s.lit('T')
	hour := s.num(2, 2)
	s.lit(':')
	minute := s.num(2, 2)
	s.lit(':')
	sec := s.num(2, 2)
	nsec := s.frac()
	offset := 0
	switch c := s.peek(); {
	case s.bad:
	case c == 'Z':
		s.i++
	case c == '+' || c == '-':
		s.i++
		oh := s.num(2, 2)
		s.lit(':')
		om := s.num(2, 2)
		if oh > 23 || om > 59 {
			return time.Time{}, timeParseError("date-time", b, "zone offset out of range")
		}
		offset = oh*3600 + om*60
		if c == '-' {
			offset = -offset
		}
	}
	if s.bad || s.i != len(b) {
		return time.Time{}, timeParseError("date-time", b, "want RFC 3339 like 1985-04-12T23:20:50.52Z")
	}
	t, why := timeBuild(year, month, day, hour, minute, sec, nsec, offset)
	if why != "" {
		return time.Time{}, timeParseError("date-time", b, why)
	}
	return t, nil
}

// parseHTTPDate reads an HTTP date in GMT. Like the SDK it takes the three
// forms of RFC 7231 section 7.1.1.1 (IMF-fixdate, RFC 850, asctime), a one-
// or two-digit day, a two-digit year (69-99 are 19xx, else 20xx, as in Go's
// time.Parse), fractional seconds, and day/month names in any letter case.
// The weekday name must be valid but is not checked against the date, as in
// the SDK.
func parseHTTPDate(b []byte) (time.Time, error) {
	s := timeScanner{b: b}
	var year, month, day, hour, minute, sec, nsec int
	if n := len(b); n > 3 && b[3] == ' ' {
		// asctime: "Sun Nov  6 08:49:37 1994"
		s.name(timeDayNames[:], false)
		s.lit(' ')
		month = s.name(timeMonthNames[:], false) + 1
		s.lit(' ')
		if s.peek() == ' ' {
			s.i++
		}
		day = s.num(1, 2)
		s.lit(' ')
		hour, minute, sec, nsec = timeClock(&s)
		s.lit(' ')
		year = s.num(4, 4)
	} else if n > 3 && b[3] == ',' {
		// IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", also with a two-digit year.
		s.name(timeDayNames[:], false)
		s.litString(", ")
		if s.peek() == ' ' {
			s.i++
		}
		day = s.num(1, 2)
		s.lit(' ')
		month = s.name(timeMonthNames[:], false) + 1
		s.lit(' ')
		start := s.i
		year = s.num(2, 4)
		switch s.i - start {
		case 2:
			year = timeTwoDigitYear(year)
		case 3:
			s.bad = true
		}
		s.lit(' ')
		hour, minute, sec, nsec = timeClock(&s)
		s.litString(" GMT")
	} else {
		// RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"
		s.name(timeDayNames[:], true)
		s.litString(", ")
		day = s.num(2, 2)
		s.lit('-')
		month = s.name(timeMonthNames[:], false) + 1
		s.lit('-')
		year = timeTwoDigitYear(s.num(2, 2))
		s.lit(' ')
		hour, minute, sec, nsec = timeClock(&s)
		s.litString(" GMT")
	}
	if s.bad || s.i != len(b) {
		return time.Time{}, timeParseError("http-date", b, "want IMF-fixdate like Tue, 29 Apr 2014 18:30:38 GMT")
	}
	t, why := timeBuild(year, month, day, hour, minute, sec, nsec, 0)
	if why != "" {
		return time.Time{}, timeParseError("http-date", b, why)
	}
	return t, nil
}

func timeClock(s *timeScanner) (hour, minute, sec, nsec int) {
	hour = s.num(2, 2)
	s.lit(':')
	minute = s.num(2, 2)
	s.lit(':')
	sec = s.num(2, 2)
	nsec = s.frac()
	return
}

func timeTwoDigitYear(y int) int {
	if y >= 69 {
		return 1900 + y
	}
	return 2000 + y
}

// timeMaxEpoch bounds epoch-seconds input (about 31 million years) so the
// arithmetic below cannot overflow.
const timeMaxEpoch = 1e15

// parseEpochSeconds reads seconds since the Unix epoch: an optional sign,
// digits with an optional fraction and an optional exponent (the decimal
// forms strconv.ParseFloat takes, which the SDK uses). The value is read
// exactly to the nanosecond (finer digits dropped) rather than through
// float64, which can lose a millisecond (the SDK reads "1.001" as 1.000 s).
func parseEpochSeconds(b []byte) (time.Time, error) {
	i, neg := 0, false
	if i < len(b) && (b[i] == '+' || b[i] == '-') {
		neg = b[i] == '-'
		i++
	}
	// Keep up to 40 significant digits and the position of the decimal point.
	var digits [40]byte
	nd, point, sawDigit, sawDot := 0, 0, false, false
	for ; i < len(b); i++ {
		c := b[i]
		if c == '.' && !sawDot {
			sawDot = true
			continue
		}
		if c < '0' || c > '9' {
			break
		}
		sawDigit = true
		if nd == 0 && c == '0' {
			if sawDot {
				point--
			}
			continue
		}
		if nd < len(digits) {
			digits[nd] = c - '0'
			nd++
			if !sawDot {
				point++
			}
		} else if !sawDot {
			point++
		}
	}
	if !sawDigit {
		return time.Time{}, timeParseError("epoch-seconds", b, "want a number of seconds like 1515531081.123")
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		eneg := false
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			eneg = b[i] == '-'
			i++
		}
		exp, n := 0, 0
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			if exp < 1e6 {
				exp = exp*10 + int(b[i]-'0')
			}
			n++
		}
		if n == 0 {
			return time.Time{}, timeParseError("epoch-seconds", b, "bad exponent")
		}
		if eneg {
			exp = -exp
		}
		point += exp
	}
	if i != len(b) {
		return time.Time{}, timeParseError("epoch-seconds", b, "want a number of seconds like 1515531081.123")
	}
	if nd > 0 && point > 16 {
		return time.Time{}, timeParseError("epoch-seconds", b, "out of range")
	}
	var sec, nsec int64
	for k := 0; k < point && k < nd; k++ {
		sec = sec*10 + int64(digits[k])
	}
	for k := nd; k < point; k++ {
		sec *= 10
	}
	for k := 0; k < 9; k++ {
		j := point + k
		nsec *= 10
		if j >= 0 && j < nd {
			nsec += int64(digits[j])
		}
	}
	if sec >= timeMaxEpoch {
		return time.Time{}, timeParseError("epoch-seconds", b, "out of range")
	}
	if neg {
		sec, nsec = -sec, -nsec
	}
	return time.Unix(sec, nsec).UTC(), nil
}
