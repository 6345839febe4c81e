package templates

// HTTP binding helpers for restJson1 and restXml (the Smithy HTTP binding
// traits): URI labels, query strings, and header values written and read.
//
// API for emitters. Request (p is the path, q the query, both []byte the
// emitter appends to; formats are runtime_time.go's timeDateTime,
// timeHTTPDate and timeEpochSeconds):
//
//	restLabel(p, s, greedy)          @httpLabel string, percent-encoded ('/' kept when greedy)
//	restLabelTime(p, t, format)      timestamp label (default format: date-time)
//	strconv.AppendInt/AppendBool, restFloat(p, v)   other labels: nothing to escape
//	restQuery(q, key, value)         [&]key=value, both percent-encoded
//	restQueryInt, restQueryFloat, restQueryBool, restQueryTime(q, key, v[, format])
//	restQueryHas(q, key)             an @httpQuery member already set key
//	restQueryParams(q, m), restQueryParamLists(q, m)   @httpQueryParams: sorted, and
//	                                 skipping keys already present (httpQuery wins)
//	restSetURL(u, p, q)              endpoint URL + path + query (newRestRequest calls it)
//	restHeaderTime(t, format), restHeaderFloat(v), restHeaderBase64(s)  header values
//	                                 (strconv for integers and booleans)
//	restHeaderStrings(vs), restHeaderInts(vs), restHeaderFloats(vs), restHeaderBools(vs),
//	restHeaderTimes(vs, format)      list headers, one line joined with ", "
//	restSetPrefixHeaders(h, prefix, m)
//	var hw restHeaderWriter: hw.set, setInt, setFloat, setBool, setTime,
//	setBase64, setStrings, setList, setPrefixed, then newRestRequest(..., &hw)
//	(or hw.h = h; hw.done()): all of a request's header values for two
//	allocations (names must be canonical)
//
// Response:
//
//	restGetHeader(h, name, parse) (*T, error)       nil when absent
//	restGetHeaderList(h, name, parse) ([]T, error)  nil when absent
//	restGetHTTPDateList(h, name) ([]time.Time, error)
//	restGetPrefixHeaders(h, prefix) map[string]string
//	parse is one of restParseString[S], restParseInt[T], restParseFloat[T],
//	restParseBool, restParseBase64 (@mediaType strings), restParseDateTime,
//	restParseHTTPDate, restParseEpochSeconds.
//
// For
//
//	@http(method: "PUT", uri: "/widgets/{name}")
//	structure PutWidgetInput {
//	    @httpLabel @required name: String
//	    @httpQuery("count") count: Integer
//	    @httpHeader("X-Tags") tags: StringList
//	    inner: Inner // body
//	}
//
// an emitter writes (the body, with inner, is the JSON or XML writer's)
//
//	var pbuf, qbuf [128]byte // on the stack; they grow if they must
//	p := append(pbuf[:0], "/widgets/"...)
//	p = restLabel(p, *v.Name, false)
//	q := qbuf[:0]
//	if v.Count != nil {
//		q = restQueryInt(q, "count", *v.Count)
//	}
//	var hw restHeaderWriter
//	if v.Tags != nil {
//		hw.setStrings("X-Tags", v.Tags)
//	}
//	req, err := newRestRequest(ctx, "PUT", endpoint, "", p, q, &hw)
//
// and for an output with @httpHeader("X-Count") count and
// @httpHeader("X-Tags") tags
//
//	if out.Count, err = restGetHeader(resp.Header, "X-Count", restParseInt[int32]); err != nil {
//		return err
//	}
//	if out.Tags, err = restGetHeaderList(resp.Header, "X-Tags", restParseString[string]); err != nil {
//		return err
//	}
//
// restGetHeader and restGetHeaderList return *restError values naming the
// header.
//
// This file uses runtime_restnum.go, runtime_time.go and, for the
// unreserved-character table and the float spelling it shares with the
// query protocols, runtime_query.go.

import (
	"bytes"
	"encoding/base64"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// restError is a header value that cannot be read.
type restError struct {
	Header string // the header's name
	Value  string // its value, as received
	Msg    string // what is wrong with it
}

func (e *restError) Error() string {
	v := e.Value
	if len(v) > 64 {
		v = v[:64] + "..."
	}
	return "header " + e.Header + ": invalid value " + strconv.Quote(v) + ": " + e.Msg
}

// restEscape percent-encodes s as RFC 3986 requires for the Smithy label
// and query bindings: everything but the unreserved characters
// A-Z a-z 0-9 - . _ ~ (and '/' when keepSlash) becomes %XX, upper-case hex.
// A space is %20, never '+'.
func restEscape[S string | []byte](b []byte, s S, keepSlash bool) []byte {
	keep := &restKeep[0]
	if keepSlash {
		keep = &restKeep[1]
	}
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if keep[c] {
			continue
		}
		b = append(b, s[start:i]...)
		b = append(b, '%', queryHex[c>>4], queryHex[c&15])
		start = i + 1
	}
	return append(b, s[start:]...)
}

// restKeep marks the bytes restEscape keeps as they are: the unreserved
// characters, and in restKeep[1] '/' too.
var restKeep = func() (t [2][256]bool) {
	for c := range 256 {
		t[0][c] = queryUnescaped[c]
		t[1][c] = queryUnescaped[c] || c == '/'
	}
	return t
}()

// restLabel appends an @httpLabel value. A greedy label ({key+}) keeps its
// '/' separators; dot segments are sent as they are (S3 keys like
// "../key.txt" must arrive intact).
func restLabel[S string | []byte](p []byte, s S, greedy bool) []byte {
	return restEscape(p, s, greedy)
}

// restLabelTime appends a timestamp label; ':' and the spaces and comma of
// an http-date are escaped.
func restLabelTime(p []byte, t time.Time, format int) []byte {
	var buf [40]byte
	return restEscape(p, appendTime(buf[:0], t, format), false)
}

// restFloat appends a float as the HTTP bindings spell it: the shortest
// 'f' decimal for its size, or NaN, Infinity, -Infinity (nothing to escape).
func restFloat[T ~float32 | ~float64](b []byte, v T) []byte {
	return appendQueryFloat(b, float64(v), restFloatBits[T]())
}

// restQuery appends key=value, after a '&' unless q is empty.
func restQuery[S string | []byte](q []byte, key string, value S) []byte {
	if len(q) > 0 {
		q = append(q, '&')
	}
	q = restEscape(q, key, false)
	q = append(q, '=')
	return restEscape(q, value, false)
}

func restQueryInt[T ~int8 | ~int16 | ~int32 | ~int64](q []byte, key string, v T) []byte {
	var buf [20]byte
	return restQuery(q, key, strconv.AppendInt(buf[:0], int64(v), 10))
}

func restQueryFloat[T ~float32 | ~float64](q []byte, key string, v T) []byte {
	var buf [32]byte
	return restQuery(q, key, restFloat(buf[:0], v))
}

func restQueryBool(q []byte, key string, v bool) []byte {
	return restQuery(q, key, strconv.FormatBool(v))
}

// restQueryTime appends a timestamp (default format in a query: date-time).
func restQueryTime(q []byte, key string, t time.Time, format int) []byte {
	var buf [40]byte
	return restQuery(q, key, appendTime(buf[:0], t, format))
}

// restQueryHas reports whether q already has a parameter named key.
func restQueryHas(q []byte, key string) bool {
	var buf [64]byte
	k := restEscape(buf[:0], key, false)
	for len(q) > 0 {
		pair := q
		if i := bytes.IndexByte(q, '&'); i >= 0 {
			pair, q = q[:i], q[i+1:]
		} else {
			q = nil
		}
		if name, _, _ := bytes.Cut(pair, []byte{'='}); bytes.Equal(name, k) {
			return true
		}
	}
	return false
}

// restQueryParams appends an @httpQueryParams map of strings, keys sorted,
// leaving out keys q already has (the Smithy spec gives @httpQuery
// members precedence).
func restQueryParams[S ~string](q []byte, m map[string]S) []byte {
	for _, k := range restSortedKeys(m) {
		if !restQueryHas(q, k) {
			q = restQuery(q, k, string(m[k]))
		}
	}
	return q
}

// restQueryParamLists appends an @httpQueryParams map of string lists, one
// key=value pair per element.
func restQueryParamLists[S ~string](q []byte, m map[string][]S) []byte {
	for _, k := range restSortedKeys(m) {
		if restQueryHas(q, k) {
			continue
		}
		for _, v := range m[k] {
			q = restQuery(q, k, string(v))
		}
	}
	return q
}

// restSetURL puts the operation's path (escaped, from the @http URI and its
// labels) under the endpoint's own path, joined as the AWS SDK joins them
// (an operation path of "/" adds nothing to an endpoint's path, so
// https://s3.amazonaws.com/bucket stays /bucket), and q as the query after
// any query the endpoint already has.
func restSetURL(u *url.URL, p, q []byte) {
	restJoinURL(u, p, q, nil)
}

// restJoinURL is restSetURL making one string of the escaped path, the
// query, the decoded path (a path with nothing escaped is its own
// decoding) and tail, whose part of the string it returns.
func restJoinURL(u *url.URL, p, q, tail []byte) string {
	base := u.EscapedPath()
	if len(p) > 0 && p[0] == '/' {
		if base == "" || len(p) > 1 && strings.HasSuffix(base, "/") {
			base = strings.TrimSuffix(base, "/")
		} else {
			p = p[1:]
			if len(p) > 0 {
				base += "/"
			}
		}
	}
	var buf [512]byte
	b := append(append(buf[:0], base...), p...)
	n := len(b)
	if len(q) > 0 {
		if u.RawQuery != "" {
			b = append(append(b, u.RawQuery...), '&')
		}
		b = append(b, q...)
	}
	m := len(b)
	if bytes.IndexByte(b[:n], '%') >= 0 {
		b = restUnescape(b, b[:n])
	}
	d := len(b)
	s := string(append(b, tail...))
	u.RawPath, u.Path = s[:n], s[:n]
	if m < d {
		u.Path = s[m:d]
	}
	if len(q) > 0 {
		u.RawQuery = s[n:m]
	}
	return s[d:]
}

// restUnescape appends the decoding of an escaped path (from EscapedPath
// and restEscape, so every '%' starts a valid escape; any other is kept).
func restUnescape(b, path []byte) []byte {
	for {
		i := bytes.IndexByte(path, '%')
		if i < 0 || i+2 >= len(path) {
			return append(b, path...)
		}
		b = append(b, path[:i]...)
		hi, ok1 := restUnhex(path[i+1])
		lo, ok2 := restUnhex(path[i+2])
		if !ok1 || !ok2 {
			b = append(b, '%')
			path = path[i+1:]
			continue
		}
		b = append(b, hi<<4|lo)
		path = path[i+3:]
	}
}

func restUnhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// restHeaderTime is a timestamp header value (default format: http-date).
func restHeaderTime(t time.Time, format int) string {
	var buf [40]byte
	return string(appendTime(buf[:0], t, format))
}

func restHeaderFloat[T ~float32 | ~float64](v T) string {
	var buf [32]byte
	return string(restFloat(buf[:0], v))
}

// restHeaderBase64 is the value of a string with @mediaType, which headers
// carry base64-encoded.
func restHeaderBase64(s string) string {
	return base64.StdEncoding.EncodeToString([]byte(s))
}

// restHeaderStrings joins a string list into one header value. An element
// that would not survive the split (one with a ',' or '"', an empty one,
// one with spaces at either end: RFC 7230 drops empty elements and the
// whitespace around them) is sent as a quoted-string, with '"' and '\'
// escaped by a backslash.
func restHeaderStrings[S ~string](vs []S) string {
	var b []byte
	for i, v := range vs {
		if i > 0 {
			b = append(b, ',', ' ')
		}
		b = restHeaderElement(b, string(v))
	}
	return string(b)
}

func restHeaderElement(b []byte, s string) []byte {
	if s != "" && !strings.ContainsAny(s, `,"`) && !restIsOWS(s[0]) && !restIsOWS(s[len(s)-1]) {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b = append(b, '\\')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

func restIsOWS(c byte) bool { return c == ' ' || c == '\t' }

// restHeaderJoin joins values written by app with ", ".
func restHeaderJoin[T any](vs []T, app func([]byte, T) []byte) string {
	b := make([]byte, 0, 8*len(vs))
	for i, v := range vs {
		if i > 0 {
			b = append(b, ',', ' ')
		}
		b = app(b, v)
	}
	return string(b)
}

func restHeaderInts[T ~int8 | ~int16 | ~int32 | ~int64](vs []T) string {
	return restHeaderJoin(vs, func(b []byte, v T) []byte { return strconv.AppendInt(b, int64(v), 10) })
}

func restHeaderFloats[T ~float32 | ~float64](vs []T) string {
	return restHeaderJoin(vs, restFloat[T])
}

func restHeaderBools(vs []bool) string {
	return restHeaderJoin(vs, strconv.AppendBool)
}

// restHeaderTimes joins timestamps. http-dates are not quoted although
// they hold a comma: restGetHTTPDateList splits them by their shape.
func restHeaderTimes(vs []time.Time, format int) string {
	return restHeaderJoin(vs, func(b []byte, t time.Time) []byte { return appendTime(b, t, format) })
}

// restHeaderWriter sets a request's bound headers for two allocations in
// all (one string holding every formatted value, one array holding every
// value), where http.Header.Set costs one per header and formatting one
// per value; newRestRequest folds both into allocations it makes anyway.
// Names must be canonical (http.CanonicalHeaderKey, which the emitter
// applies at generation time). The zero value is ready; done assigns the
// headers to h, which newRestRequest makes for them.
//
//	var hw restHeaderWriter
//	hw.set("Content-Type", *v.ContentType)
//	hw.setInt("Content-Length", *v.ContentLength)
//	hw.setTime("Expires", *v.Expires, timeHTTPDate)
//	req, err := newRestRequest(ctx, "PUT", endpoint, "", p, q, &hw)
//
// The writer lives on its caller's stack: it keeps the first entries and
// text inline, and indexes rather than slices of itself (a pointer into
// itself would move it to the heap), with more in slices when needed.
type restHeaderWriter struct {
	h     http.Header
	n     int
	first [16]restHeaderEntry
	more  []restHeaderEntry
	// The formatted text: in buf while it fits, then all of it in big.
	buf  [256]byte
	blen int
	big  []byte
}

// restHeaderEntry is a header, its name and value each given as a string
// or (from >= 0) held in the writer's text.
type restHeaderEntry struct {
	name, value      string
	nameFrom, nameTo int32
	from, to         int32
}

// next returns the entry to fill in for one more header.
func (w *restHeaderWriter) next() *restHeaderEntry {
	w.n++
	if w.n <= len(w.first) {
		return &w.first[w.n-1]
	}
	w.more = append(w.more, restHeaderEntry{})
	return &w.more[len(w.more)-1]
}

// text is the formatted text written so far.
func (w *restHeaderWriter) text() []byte {
	if w.big != nil {
		return w.big
	}
	return w.buf[:w.blen]
}

// write appends b to the text and returns where it is.
func (w *restHeaderWriter) write(b []byte) (from, to int32) {
	if w.big == nil && w.blen+len(b) <= len(w.buf) {
		from := w.blen
		w.blen += copy(w.buf[from:], b)
		return int32(from), int32(w.blen)
	}
	if w.big == nil {
		w.big = append(make([]byte, 0, 2*len(w.buf)+len(b)), w.buf[:w.blen]...)
	}
	from = int32(len(w.big))
	w.big = append(w.big, b...)
	return from, int32(len(w.big))
}

// formatted records b, a formatted value, under name.
func (w *restHeaderWriter) formatted(name string, b []byte) {
	from, to := w.write(b)
	*w.next() = restHeaderEntry{name: name, nameFrom: -1, from: from, to: to}
}

func (w *restHeaderWriter) set(name, value string) {
	*w.next() = restHeaderEntry{name: name, nameFrom: -1, value: value, from: -1}
}

// setPrefixed sets an @httpPrefixHeaders map: each entry as the header
// prefix+key, its name canonicalized as http.Header.Set would. Set the
// members bound to specific headers after it, so that those win.
func (w *restHeaderWriter) setPrefixed(prefix string, m map[string]string) {
	for k, v := range m {
		var buf [64]byte
		nameFrom, nameTo := w.write(restCanonicalName(buf[:0], prefix, k))
		*w.next() = restHeaderEntry{nameFrom: nameFrom, nameTo: nameTo, value: v, from: -1}
	}
}

// restCanonicalName appends prefix+key as textproto.CanonicalMIMEHeaderKey
// would return it: a letter at the start or after '-' upper case, others
// lower case; a name with a byte that is not a token character as it is.
func restCanonicalName(b []byte, prefix, key string) []byte {
	start := len(b)
	b = append(append(b, prefix...), key...)
	name := b[start:]
	upper := true
	for i, c := range name {
		if !restToken[c] {
			return append(append(b[:start], prefix...), key...)
		}
		if (c|0x20)-'a' < 26 { // a letter
			if upper {
				c &^= 0x20
			} else {
				c |= 0x20
			}
			name[i] = c
		}
		upper = c == '-'
	}
	return b
}

// restToken marks the bytes a header name may hold (RFC 7230 tchar).
var restToken = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", byte(c)) >= 0
	}
	return t
}()

func (w *restHeaderWriter) setInt(name string, v int64) {
	var buf [24]byte
	w.formatted(name, strconv.AppendInt(buf[:0], v, 10))
}

func (w *restHeaderWriter) setFloat(name string, v float64, bits int) {
	var buf [32]byte
	w.formatted(name, appendQueryFloat(buf[:0], v, bits))
}

func (w *restHeaderWriter) setBool(name string, v bool) {
	w.set(name, strconv.FormatBool(v)) // constant strings: nothing to format
}

// setTime sets a timestamp (default format in headers: http-date).
func (w *restHeaderWriter) setTime(name string, t time.Time, format int) {
	var buf [40]byte
	w.formatted(name, appendTime(buf[:0], t, format))
}

// setBase64 sets a @mediaType string, base64-encoded.
func (w *restHeaderWriter) setBase64(name, s string) {
	var buf [64]byte
	w.formatted(name, base64.StdEncoding.AppendEncode(buf[:0], []byte(s)))
}

// setStrings sets a string list, quoted where needed (restHeaderStrings).
func (w *restHeaderWriter) setStrings(name string, vs []string) {
	var buf [128]byte
	b := buf[:0]
	for i, v := range vs {
		if i > 0 {
			b = append(b, ',', ' ')
		}
		b = restHeaderElement(b, v)
	}
	w.formatted(name, b)
}

// setList sets a list of other values, element i written by app.
func (w *restHeaderWriter) setList(name string, n int, app func(b []byte, i int) []byte) {
	var buf [128]byte
	b := buf[:0]
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ',', ' ')
		}
		b = app(b, i)
	}
	w.formatted(name, b)
}

// done assigns the headers to h; a name set twice keeps its last value.
func (w *restHeaderWriter) done() {
	if w.n > 0 {
		w.assign(string(w.text()), make([]string, w.n))
	}
}

// assign assigns the headers to h, given the text as a string and an
// array of n strings for the values.
func (w *restHeaderWriter) assign(text string, vals []string) {
	k := 0
	for _, entries := range [2][]restHeaderEntry{w.first[:min(w.n, len(w.first))], w.more} {
		for i := range entries {
			e := &entries[i]
			name, value := e.name, e.value
			if e.nameFrom >= 0 {
				name = text[e.nameFrom:e.nameTo]
			}
			if e.from >= 0 {
				value = text[e.from:e.to]
			}
			vals[k] = value
			w.h[name] = vals[k : k+1 : k+1]
			k++
		}
	}
	w.n, w.more, w.blen, w.big = 0, nil, 0, nil
}

// restSetPrefixHeaders sends each entry of an @httpPrefixHeaders map as the
// header prefix+key. Emitters set the members bound to a specific header
// after this, so that those win.
func restSetPrefixHeaders[S ~string](h http.Header, prefix string, m map[string]S) {
	for k, v := range m {
		h.Set(prefix+k, string(v))
	}
}

// restGetHeader reads a header with parse; nil when the response does not
// have it. With several lines the first is used.
func restGetHeader[T any](h http.Header, name string, parse func(string) (T, error)) (*T, error) {
	vs := h.Values(name)
	if len(vs) == 0 {
		return nil, nil
	}
	s := restTrimOWS(vs[0])
	v, err := parse(s)
	if err != nil {
		return nil, &restError{Header: name, Value: s, Msg: err.Error()}
	}
	return &v, nil
}

// restGetHeaderList reads a list header, any number of lines each holding
// comma-separated elements; nil when absent, empty when present but empty.
func restGetHeaderList[T any](h http.Header, name string, parse func(string) (T, error)) ([]T, error) {
	vs := h.Values(name)
	if vs == nil {
		return nil, nil
	}
	out := []T{}
	for _, line := range vs {
		elems, err := restSplitHeader(line)
		if err != nil {
			return nil, &restError{Header: name, Value: line, Msg: err.Error()}
		}
		for _, e := range elems {
			v, err := parse(e)
			if err != nil {
				return nil, &restError{Header: name, Value: line, Msg: err.Error()}
			}
			out = append(out, v)
		}
	}
	return out, nil
}

// restGetHTTPDateList reads a list of http-dates, whose own commas (after
// the day name) do not separate elements.
func restGetHTTPDateList(h http.Header, name string) ([]time.Time, error) {
	vs := h.Values(name)
	if vs == nil {
		return nil, nil
	}
	out := []time.Time{}
	for _, line := range vs {
		for _, e := range restSplitHTTPDates(line) {
			t, err := restParseHTTPDate(e)
			if err != nil {
				return nil, &restError{Header: name, Value: line, Msg: err.Error()}
			}
			out = append(out, t)
		}
	}
	return out, nil
}

// restGetPrefixHeaders collects the headers whose names start with prefix
// (case-insensitively) into a map keyed by the rest of the name, lower
// case (names are case-insensitive and Go canonicalizes them). With an
// empty prefix that is every header. The map is empty, not nil, when none
// match.
func restGetPrefixHeaders(h http.Header, prefix string) map[string]string {
	m := map[string]string{}
	for name, vs := range h {
		if len(name) >= len(prefix) && strings.EqualFold(name[:len(prefix)], prefix) && len(vs) > 0 {
			m[strings.ToLower(name[len(prefix):])] = vs[0]
		}
	}
	return m
}

// restSplitHeader splits one header line into list elements (RFC 7230
// section 7): elements are separated by commas with optional whitespace,
// a quoted-string element is unquoted (backslash escapes removed), and
// empty unquoted elements are dropped.
func restSplitHeader(line string) ([]string, error) {
	var out []string
	i := 0
	for {
		for i < len(line) && restIsOWS(line[i]) {
			i++
		}
		if i >= len(line) {
			return out, nil
		}
		if line[i] == ',' {
			i++
			continue
		}
		if line[i] == '"' {
			var b []byte
			j := i + 1
			for ; j < len(line) && line[j] != '"'; j++ {
				if line[j] == '\\' && j+1 < len(line) {
					j++
				}
				b = append(b, line[j])
			}
			if j >= len(line) {
				return nil, restSplitError("unterminated quoted string")
			}
			out = append(out, string(b))
			for j++; j < len(line) && restIsOWS(line[j]); j++ {
			}
			if j < len(line) && line[j] != ',' {
				return nil, restSplitError("text after a quoted string")
			}
			i = j
			continue
		}
		j := strings.IndexByte(line[i:], ',')
		if j < 0 {
			j = len(line) - i
		}
		out = append(out, restTrimOWS(line[i:i+j]))
		i += j
	}
}

type restSplitError string

func (e restSplitError) Error() string { return string(e) }

// restSplitHTTPDates splits a line of http-dates. A comma separates two
// dates unless all that precedes it in the current element is letters: the
// day name of an IMF-fixdate ("Mon, 16 Dec 2019 ...") or RFC 850 date
// ("Monday, 16-Dec-19 ..."). asctime dates have no comma.
func restSplitHTTPDates(line string) []string {
	var out []string
	start := 0
	for i := 0; i < len(line); i++ {
		if line[i] != ',' {
			continue
		}
		elem := restTrimOWS(line[start:i])
		if restIsLetters(elem) {
			continue
		}
		if elem != "" {
			out = append(out, elem)
		}
		start = i + 1
	}
	if elem := restTrimOWS(line[start:]); elem != "" {
		out = append(out, elem)
	}
	return out
}

func restIsLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}

func restTrimOWS(s string) string {
	for s != "" && restIsOWS(s[0]) {
		s = s[1:]
	}
	for s != "" && restIsOWS(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

// restParseString reads a string (or string enum) header element as is.
func restParseString[S ~string](s string) (S, error) {
	return S(s), nil
}

// restParseInt reads a decimal integer that fits in T.
func restParseInt[T ~int8 | ~int16 | ~int32 | ~int64](s string) (T, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || int64(T(n)) != n {
		var zero T
		return zero, restSplitError("want an integer in range")
	}
	return T(n), nil
}

// restParseFloat reads a decimal number, NaN, Infinity or -Infinity.
func restParseFloat[T ~float32 | ~float64](s string) (T, error) {
	bits := restFloatBits[T]()
	f, err := strconv.ParseFloat(s, bits)
	if err == nil {
		// strconv also takes hex, "inf", "nan" in any case, and underscores.
		switch s {
		case "NaN", "Infinity", "-Infinity":
		default:
			if strings.Trim(s, "0123456789+-.eE") != "" {
				err = restSplitError("")
			}
		}
	}
	if err != nil {
		return 0, restSplitError("want a float" + strconv.Itoa(bits) + " (a decimal number, NaN, Infinity or -Infinity)")
	}
	return T(f), nil
}

// restParseBool reads true or false (any letter case).
func restParseBool(s string) (bool, error) {
	switch {
	case strings.EqualFold(s, "true"):
		return true, nil
	case strings.EqualFold(s, "false"):
		return false, nil
	}
	return false, restSplitError("want true or false")
}

// restParseBase64 reads a @mediaType string, sent base64-encoded.
func restParseBase64(s string) (string, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return "", restSplitError("want standard base64")
	}
	return string(b), nil
}

func restParseDateTime(s string) (time.Time, error)     { return parseDateTime([]byte(s)) }
func restParseHTTPDate(s string) (time.Time, error)     { return parseHTTPDate([]byte(s)) }
func restParseEpochSeconds(s string) (time.Time, error) { return parseEpochSeconds([]byte(s)) }
