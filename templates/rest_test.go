package templates

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// S3's greedy key label, from the S3 customization cases (the bucket goes
// to the host with virtual addressing, so the URI is "/{Key+}").
func TestRestS3KeyLabelsCompliance(t *testing.T) {
	for _, id := range []string{
		"S3EscapeObjectKeyInUriLabel", "S3EscapePathObjectKeyInUriLabel",
		"S3PreservesLeadingDotSegmentInUriLabel", "S3PreservesEmbeddedDotSegmentInUriLabel",
	} {
		t.Run(id, func(t *testing.T) {
			c := restCase(t, "request", id)
			u, _ := url.Parse("https://mybucket.s3.us-west-2.amazonaws.com")
			restSetURL(u, restLabel([]byte("/"), c.Params["Key"].(string), true), nil)
			if got := u.EscapedPath(); got != c.URI {
				t.Errorf("%s, want %s", got, c.URI)
			}
			// What goes on the wire: net/http sends RequestURI as is.
			if got := u.RequestURI(); got != c.URI {
				t.Errorf("request URI %s, want %s", got, c.URI)
			}
		})
	}
}

func TestRestLabelEscaping(t *testing.T) {
	for _, c := range []struct {
		in     string
		greedy bool
		want   string
	}{
		{"a-b_c.d~e", false, "a-b_c.d~e"},
		{"a b/c", false, "a%20b%2Fc"},
		{"a b/c", true, "a%20b/c"},
		{"%2F", true, "%252F"},
		{"é", false, "%C3%A9"},
		{"+&=?#", false, "%2B%26%3D%3F%23"},
	} {
		if got := string(restLabel(nil, c.in, c.greedy)); got != c.want {
			t.Errorf("restLabel(%q, %v) = %s, want %s", c.in, c.greedy, got, c.want)
		}
		if got := string(restLabel(nil, []byte(c.in), c.greedy)); got != c.want {
			t.Errorf("restLabel([]byte %q) = %s", c.in, got)
		}
	}
}

func TestRestQueryHelpers(t *testing.T) {
	q := restQuery(nil, "a b", "c&d=e")
	q = restQueryInt(q, "n", int16(-7))
	q = restQueryBool(q, "ok", false)
	q = restQueryFloat(q, "f", float32(1.1))
	if want := "a%20b=c%26d%3De&n=-7&ok=false&f=1.1"; string(q) != want {
		t.Fatalf("got %s, want %s", q, want)
	}
	for key, want := range map[string]bool{"a b": true, "a": false, "n": true, "ok": true, "f": true, "c": false, "-7": false} {
		if got := restQueryHas(q, key); got != want {
			t.Errorf("restQueryHas(%q) = %v", key, got)
		}
	}
	if !restQueryHas([]byte("flag&x=1"), "flag") {
		t.Error("a key without a value is not found")
	}
	// Map params come sorted, and never override a member already sent.
	q = restQueryParams([]byte("b=named"), map[string]string{"c": "3", "b": "map", "a": "1"})
	if want := "b=named&a=1&c=3"; string(q) != want {
		t.Errorf("got %s, want %s", q, want)
	}
}

func TestRestSetURL(t *testing.T) {
	for _, c := range []struct{ endpoint, path, query, want string }{
		{"https://example.com", "/op/a%20b", "x=1", "https://example.com/op/a%20b?x=1"},
		{"https://example.com/custom", "/HostWithPathOperation", "", "https://example.com/custom/HostWithPathOperation"},
		{"https://example.com/custom/", "/op", "", "https://example.com/custom/op"},
		{"https://example.com/?k=v", "/op", "x=1", "https://example.com/op?k=v&x=1"},
		{"https://example.com", "/a%2Fb/../c", "", "https://example.com/a%2Fb/../c"},
	} {
		u, err := url.Parse(c.endpoint)
		if err != nil {
			t.Fatal(err)
		}
		restSetURL(u, []byte(c.path), []byte(c.query))
		if got := u.String(); got != c.want {
			t.Errorf("%s + %s: %s, want %s", c.endpoint, c.path, got, c.want)
		}
	}
	// The endpoint-with-path case of the suite.
	c := restCase(t, "request", "RestJsonHostWithPath")
	u, _ := url.Parse("https://example.com/custom")
	restSetURL(u, []byte("/HostWithPathOperation"), nil)
	if u.EscapedPath() != c.URI {
		t.Errorf("%s, want %s", u.EscapedPath(), c.URI)
	}
}

// Header lists: quoting on write, the RFC 7230 list syntax on read, and
// the round trip between them.
func TestRestHeaderLists(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{[]string{"a", "b", "c"}, "a, b, c"},
		{[]string{"b,c", `"def"`, "a"}, `"b,c", "\"def\"", a`},
		{[]string{`back\slash`, `q"`}, `back\slash, "q\""`},
		{[]string{"", " padded "}, `"", " padded "`},
		{nil, ""},
	} {
		got := restHeaderStrings(c.in)
		if got != c.want {
			t.Errorf("restHeaderStrings(%q) = %s, want %s", c.in, got, c.want)
		}
		h := http.Header{"X-List": {got}}
		back, err := restGetHeaderList(h, "X-List", restParseString[string])
		if err != nil || !slices.Equal(back, c.in) && len(c.in) > 0 {
			t.Errorf("%s read back as %q, %v", got, back, err)
		}
	}
	for _, c := range []struct {
		lines []string
		want  []string
		err   string
	}{
		{[]string{"a,b", "c"}, []string{"a", "b", "c"}, ""},
		{[]string{" a ,, b ,"}, []string{"a", "b"}, ""},
		{[]string{`"a\\b", "x\"y"`}, []string{`a\b`, `x"y`}, ""},
		{[]string{""}, []string{}, ""},
		{[]string{`"open`}, nil, "unterminated quoted string"},
		{[]string{`"a" b`}, nil, "text after a quoted string"},
	} {
		h := http.Header{"X-List": c.lines}
		got, err := restGetHeaderList(h, "x-list", restParseString[string])
		if c.err != "" {
			var re *restError
			if !errors.As(err, &re) || re.Header != "x-list" || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: %v, want a *restError with %q", c.lines, err, c.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, c.want) || got == nil {
			t.Errorf("%q: %q %v, want %q", c.lines, got, err, c.want)
		}
	}
	if got, err := restGetHeaderList(http.Header{}, "X-List", restParseString[string]); got != nil || err != nil {
		t.Errorf("absent header: %q %v", got, err)
	}
	ints, err := restGetHeaderList(http.Header{"X-N": {"1, 2", "3"}}, "X-N", restParseInt[int8])
	if err != nil || !slices.Equal(ints, []int8{1, 2, 3}) {
		t.Errorf("ints %v %v", ints, err)
	}
	if _, err := restGetHeaderList(http.Header{"X-N": {"1, 200"}}, "X-N", restParseInt[int8]); err == nil {
		t.Error("int8 overflow accepted")
	}
}

func TestRestHTTPDateLists(t *testing.T) {
	want := []time.Time{time.Unix(1576540098, 0).UTC(), time.Unix(1576540099, 0).UTC()}
	for _, line := range []string{
		"Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:19 GMT",
		"Mon, 16 Dec 2019 23:48:18 GMT,Mon, 16 Dec 2019 23:48:19 GMT",
		"Monday, 16-Dec-19 23:48:18 GMT, Mon Dec 16 23:48:19 2019",
		"Mon Dec 16 23:48:18 2019, Monday, 16-Dec-19 23:48:19 GMT",
	} {
		got, err := restGetHTTPDateList(http.Header{"X-T": {line}}, "X-T")
		if err != nil || len(got) != 2 || !got[0].Equal(want[0]) || !got[1].Equal(want[1]) {
			t.Errorf("%s: %v %v", line, got, err)
		}
	}
	if got := restHeaderTimes(want, timeHTTPDate); got != "Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:19 GMT" {
		t.Errorf("restHeaderTimes = %s", got)
	}
	if _, err := restGetHTTPDateList(http.Header{"X-T": {"Mon, 16 Dec 2019 23:48:18 GMT, soon"}}, "X-T"); err == nil {
		t.Error("a bad date in the list was accepted")
	}
}

func TestRestScalarHeaders(t *testing.T) {
	h := http.Header{
		"X-Float": {"1.5"}, "X-Nan": {"NaN"}, "X-Hex": {"0x1p-2"}, "X-Inf": {"inf"}, "X-Big": {"1e39"},
		"X-Bool": {"TRUE"}, "X-One": {"1"}, "X-Json": {"dHJ1ZQ=="}, "X-Bad64": {"dHJ1ZQ"},
		"X-Date": {"Mon, 16 Dec 2019 23:48:18 GMT"}, "X-Epoch": {"1576540098.5"}, "X-Empty": {""},
	}
	if v, err := restGetHeader(h, "X-Float", restParseFloat[float32]); err != nil || *v != 1.5 {
		t.Errorf("X-Float %v %v", v, err)
	}
	if v, err := restGetHeader(h, "X-Nan", restParseFloat[float64]); err != nil || *v == *v {
		t.Errorf("X-Nan %v %v", v, err)
	}
	for _, name := range []string{"X-Hex", "X-Inf", "X-Big", "X-Empty"} {
		if _, err := restGetHeader(h, name, restParseFloat[float32]); err == nil {
			t.Errorf("%s accepted as a float32", name)
		}
	}
	if v, err := restGetHeader(h, "X-Bool", restParseBool); err != nil || !*v {
		t.Errorf("X-Bool %v %v", v, err)
	}
	if _, err := restGetHeader(h, "X-One", restParseBool); err == nil {
		t.Error("1 accepted as a boolean")
	}
	if v, err := restGetHeader(h, "X-Json", restParseBase64); err != nil || *v != "true" {
		t.Errorf("X-Json %v %v", v, err)
	}
	if _, err := restGetHeader(h, "X-Bad64", restParseBase64); err == nil {
		t.Error("unpadded base64 accepted")
	}
	if v, err := restGetHeader(h, "X-Date", restParseHTTPDate); err != nil || v.Unix() != 1576540098 {
		t.Errorf("X-Date %v %v", v, err)
	}
	if v, err := restGetHeader(h, "X-Epoch", restParseEpochSeconds); err != nil || v.UnixMilli() != 1576540098500 {
		t.Errorf("X-Epoch %v %v", v, err)
	}
	if v, err := restGetHeader(h, "X-Empty", restParseString[string]); err != nil || v == nil || *v != "" {
		t.Errorf("an empty header is a present, empty string: %v %v", v, err)
	}
	if v, err := restGetHeader(h, "X-Absent", restParseInt[int32]); v != nil || err != nil {
		t.Errorf("absent header: %v %v", v, err)
	}
	_, err := restGetHeader(h, "X-Date", restParseInt[int64])
	var re *restError
	if !errors.As(err, &re) || re.Header != "X-Date" || re.Value != "Mon, 16 Dec 2019 23:48:18 GMT" {
		t.Errorf("error %v", err)
	}
	if got := restHeaderFloat(float32(4.1)); got != "4.1" {
		t.Errorf("restHeaderFloat = %s", got)
	}
	if got := restHeaderInts([]int16{-1, 2}); got != "-1, 2" {
		t.Errorf("restHeaderInts = %s", got)
	}
	if got := restHeaderBools([]bool{true, false}); got != "true, false" {
		t.Errorf("restHeaderBools = %s", got)
	}
	if got := restHeaderFloats([]float64{1.5, -2}); got != "1.5, -2" {
		t.Errorf("restHeaderFloats = %s", got)
	}
}

func TestRestPrefixHeaders(t *testing.T) {
	h := http.Header{}
	restSetPrefixHeaders(h, "x-foo-", map[string]string{"abc": "Abc value", "Def": ""})
	if h.Get("X-Foo-Abc") != "Abc value" || h.Values("X-Foo-Def") == nil {
		t.Errorf("wrote %v", h)
	}
	h.Set("X-Foo", "not prefixed")
	h.Set("Content-Type", "text/plain")
	got := restGetPrefixHeaders(h, "X-FOO-")
	if len(got) != 2 || got["abc"] != "Abc value" || got["def"] != "" {
		t.Errorf("read %v", got)
	}
	if got := restGetPrefixHeaders(http.Header{}, "x-foo-"); got == nil || len(got) != 0 {
		t.Errorf("no matches: %v, want an empty map", got)
	}
}

// Every JSON-protocol error case: the type jsonErrorInfo finds is the
// error shape's name.
func TestJSONErrorInfoCompliance(t *testing.T) {
	shapes := restShapes(t)
	restCase(t, "response", "RestJsonFooErrorUsingCode")
	ran := 0
	for id, c := range restSuite.response {
		if c.AppliesTo == "server" || !strings.HasPrefix(c.Protocol, "aws.protocols#awsJson1_") && c.Protocol != "aws.protocols#restJson1" {
			continue
		}
		shapeID := restCaseOperation(shapes, id)
		if _, isError := shapes[shapeID].Traits["smithy.api#error"]; !isError {
			continue
		}
		ran++
		t.Run(id, func(t *testing.T) {
			h := http.Header{}
			for k, v := range c.Headers {
				h.Set(k, v)
			}
			body := ""
			if c.Body != nil {
				body = *c.Body
			}
			typ, msg := jsonErrorInfo(h, []byte(body))
			_, name, _ := strings.Cut(shapeID, "#")
			if typ != name {
				t.Errorf("type %q, want %q", typ, name)
			}
			for _, k := range []string{"message", "Message"} {
				if want, ok := c.Params[k].(string); ok && msg != want {
					t.Errorf("message %q, want %q", msg, want)
				}
			}
			code, fault, ok := jsonQueryError(h)
			if want, isSet := c.VendorParams["code"].(string); isSet && c.Headers["x-amzn-query-error"] != "" {
				if !ok || code != want || fault != FaultClient || c.VendorParams["type"] != "Sender" {
					t.Errorf("query error %q %v %v, want %q %v", code, fault, ok, want, c.VendorParams["type"])
				}
			} else if ok {
				t.Errorf("query error %q without the header", code)
			}
		})
	}
	if ran < 30 {
		t.Errorf("only %d error cases", ran)
	}
}

func TestJSONErrorInfo(t *testing.T) {
	for _, c := range []struct {
		header, body, typ, msg string
	}{
		{"", `{"__type":"a.b#Foo","Code":"Bar","MESSAGE":"m"}`, "Bar", "m"},
		{"Hdr", `{"__type":"Foo"}`, "Hdr", ""},
		{"", `{"__type":7,"code":null,"message":{"x":1}}`, "", ""},
		{"", `<html>proxy error</html>`, "", ""},
		{"", ``, "", ""},
		{"", `{"__type":"Foo:Bar#Baz"}`, "Foo", ""},
		{"", `{"code":"ns#Foo", "message":"broken`, "Foo", ""},
	} {
		h := http.Header{}
		if c.header != "" {
			h.Set("X-Amzn-Errortype", c.header)
		}
		typ, msg := jsonErrorInfo(h, []byte(c.body))
		if typ != c.typ || msg != c.msg {
			t.Errorf("%s %s: %q %q, want %q %q", c.header, c.body, typ, msg, c.typ, c.msg)
		}
	}
	for in, want := range map[string]string{"Receiver": "server", "Sender": "client", "": "unknown"} {
		_, f, ok := jsonQueryError(http.Header{"X-Amzn-Query-Error": {"Code;" + in}})
		if !ok || f.String() != want {
			t.Errorf("fault %q: %v %v", in, f, ok)
		}
	}
	if _, _, ok := jsonQueryError(http.Header{"X-Amzn-Query-Error": {"NoSemicolon"}}); ok {
		t.Error("a header without ';' was read")
	}
}

// restXml error documents, wrapped and not (S3).
func TestRestXMLErrorCompliance(t *testing.T) {
	c := restCase(t, "response", "ComplexError")
	e, err := restXMLError([]byte(*c.Body), false)
	if err != nil || e.Code != "ComplexError" || e.Message != "Hi" || e.RequestID != "foo-id" || e.Fault != FaultClient {
		t.Fatalf("%+v %v", e, err)
	}
	d, err := restXMLErrorDecoder([]byte(*c.Body), false)
	if err != nil {
		t.Fatal(err)
	}
	var top string
	for {
		name, ok, err := d.next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		if string(name) == "TopLevel" {
			top, _ = d.string()
		} else {
			d.skip()
		}
	}
	if top != c.Params["TopLevel"] {
		t.Errorf("TopLevel %q", top)
	}
	s3 := `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>NoSuchKey</Code><Message>The resource you requested does not exist</Message><Resource>/mybucket/myfoto.jpg</Resource><RequestId>4442587FB7D0A2F9</RequestId></Error>`
	e, err = restXMLError([]byte(s3), true)
	if err != nil || e.Code != "NoSuchKey" || e.RequestID != "4442587FB7D0A2F9" || !strings.HasPrefix(e.Message, "The resource") {
		t.Fatalf("%+v %v", e, err)
	}
	d, err = restXMLErrorDecoder([]byte(s3), true)
	if err != nil {
		t.Fatal(err)
	}
	if name, ok, err := d.next(); err != nil || !ok || string(name) != "Code" {
		t.Errorf("decoder not inside <Error>: %s %v %v", name, ok, err)
	}
	resp := func(status int, header ...string) *http.Response {
		h := http.Header{}
		for i := 0; i+1 < len(header); i += 2 {
			h.Set(header[i], header[i+1])
		}
		return &http.Response{StatusCode: status, Header: h}
	}
	for _, body := range []string{"", "not xml", "<Error/>"} {
		e, err := restXMLResponseError(resp(500), []byte(body), true, false)
		if err != nil || e.Code != "UnknownError" || e.Message != "" || e.StatusCode != 500 {
			t.Errorf("%q: %+v %v", body, e, err)
		}
		// S3 names what it does not say after the status, as the SDK does.
		e, err = restXMLResponseError(resp(404, "X-Amz-Request-Id", "r1"), []byte(body), true, true)
		if err != nil || e.Code != "NotFound" || e.Message != "Not Found" || e.RequestID != "r1" {
			t.Errorf("S3 %q: %+v %v", body, e, err)
		}
	}
	// The header's request ID wins over the body's, as in the SDK.
	e, err = restXMLResponseError(resp(400, "X-Amzn-Requestid", "header-id"), []byte(*c.Body), false, false)
	if err != nil || e.RequestID != "header-id" || e.Code != "ComplexError" {
		t.Errorf("%+v %v", e, err)
	}
	e, err = restXMLResponseError(resp(400), []byte(*c.Body), false, false)
	if err != nil || e.RequestID != "foo-id" {
		t.Errorf("%+v %v", e, err)
	}
	e, err = restXMLResponseError(resp(400, "X-Amzn-Requestid", "header-id"), []byte("<ErrorResponse><Error><Code>X</Code></Error></ErrorResponse>"), false, false)
	if err != nil || e.RequestID != "header-id" || e.Code != "X" || e.Message != "" {
		t.Errorf("%+v %v", e, err)
	}
	if _, err := restXMLError([]byte("<Error><Code>x</Error>"), true); err == nil {
		t.Error("broken XML after the root was accepted")
	}
}

func TestRestHeaderWriter(t *testing.T) {
	ts := time.Unix(1576540098, 0)
	h := http.Header{"X-Keep": {"kept"}}
	hw := restHeaderWriter{h: h}
	hw.set("Content-Type", "image/jpeg")
	hw.setInt("Content-Length", 1<<20)
	hw.setFloat("X-Float", float64(float32(1.1)), 32)
	hw.setBool("X-Bool", true)
	hw.setTime("Expires", ts, timeHTTPDate)
	hw.setTime("X-Date", ts, timeDateTime)
	hw.setBase64("X-Json", "true")
	hw.setStrings("X-List", []string{"a", "b,c"})
	ints := []int32{1, 2, 3}
	hw.setList("X-Ints", len(ints), func(b []byte, i int) []byte { return strconv.AppendInt(b, int64(ints[i]), 10) })
	hw.set("X-Twice", "first")
	hw.set("X-Twice", "second")
	hw.done()
	want := map[string]string{
		"Content-Type": "image/jpeg", "Content-Length": "1048576", "X-Float": "1.1", "X-Bool": "true",
		"Expires": "Mon, 16 Dec 2019 23:48:18 GMT", "X-Date": "2019-12-16T23:48:18Z", "X-Json": "dHJ1ZQ==",
		"X-List": `a, "b,c"`, "X-Ints": "1, 2, 3", "X-Twice": "second", "X-Keep": "kept",
	}
	if len(h) != len(want) {
		t.Errorf("%d headers, want %d: %v", len(h), len(want), h)
	}
	for k, v := range want {
		if vs := h[k]; len(vs) != 1 || vs[0] != v {
			t.Errorf("%s: %q, want %q", k, vs, v)
		}
	}
	// Appending to one header's values must not touch another's.
	h.Add("Content-Type", "more")
	if h.Get("Content-Length") != "1048576" {
		t.Error("header values share capacity")
	}
	allocs := testing.AllocsPerRun(100, func() {
		hw := restHeaderWriter{h: h}
		hw.set("Content-Type", "image/jpeg")
		hw.setInt("Content-Length", 1<<20)
		hw.setTime("Expires", ts, timeHTTPDate)
		hw.setTime("X-Date", ts, timeDateTime)
		hw.setBool("X-Bool", false)
		hw.done()
	})
	if allocs > 2 {
		t.Errorf("%v allocations, want 2", allocs)
	}
}

func TestRestHeaderWriterPrefixed(t *testing.T) {
	h := http.Header{}
	hw := restHeaderWriter{h: h}
	m := map[string]string{"abc": "Abc value", "DEF-ghi": "", "bad key": "v", "hello": "Hello"}
	hw.setPrefixed("x-foo-", m)
	hw.setPrefixed("", map[string]string{"hello": "Hello"})
	hw.set("Hello", "There")
	hw.done()
	ref := http.Header{}
	for k, v := range m {
		ref.Set("x-foo-"+k, v)
	}
	ref.Set("Hello", "There")
	if len(h) != len(ref) {
		t.Fatalf("got %v, want %v", h, ref)
	}
	for k, v := range ref {
		if !slices.Equal(h[k], v) {
			t.Errorf("%s: %q, want %q (got %v)", k, h[k], v, h)
		}
	}
	meta := map[string]string{"camera": "x100", "album": "winter"}
	if n := testing.AllocsPerRun(100, func() {
		hw := restHeaderWriter{h: h}
		hw.setPrefixed("X-Amz-Meta-", meta)
		hw.setInt("Content-Length", 5)
		hw.done()
	}); n > 2 {
		t.Errorf("%v allocations, want 2", n)
	}
}

// A string list survives restHeaderStrings and restGetHeaderList, and the
// reader never panics on any header line.
func FuzzRestHeaderList(f *testing.F) {
	for _, s := range []string{"a, b", `"b,c", "\"def\"", a`, `"open`, `"a" b`, ",,", `\"`, "Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 23:48:18 GMT"} {
		f.Add(s, "x\x00y")
	}
	f.Fuzz(func(t *testing.T, line, elem string) {
		h := http.Header{"X-L": {line}}
		if got, err := restGetHeaderList(h, "X-L", restParseString[string]); err == nil {
			// Whatever was read writes back to a line that reads the same.
			back, err := restGetHeaderList(http.Header{"X-L": {restHeaderStrings(got)}}, "X-L", restParseString[string])
			if err != nil || !slices.Equal(back, got) {
				t.Fatalf("%q read as %q, rewritten as %q, read back as %q (%v)", line, got, restHeaderStrings(got), back, err)
			}
		}
		restGetHTTPDateList(h, "X-L")
		list := []string{elem, line, elem}
		back, err := restGetHeaderList(http.Header{"X-L": {restHeaderStrings(list)}}, "X-L", restParseString[string])
		if err != nil || !slices.Equal(back, list) {
			t.Fatalf("%q written as %s read back as %q (%v)", list, restHeaderStrings(list), back, err)
		}
	})
}

// Labels and query values decode back to what was escaped.
func FuzzRestEscape(f *testing.F) {
	for _, s := range []string{"", "a b", "%:/?#[]@!$&'()*+,;=😹", "../x", "\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, greedy := range []bool{false, true} {
			esc := string(restLabel(nil, s, greedy))
			if back, err := url.PathUnescape(esc); err != nil || back != s {
				t.Fatalf("restLabel(%q, %v) = %q unescapes to %q (%v)", s, greedy, esc, back, err)
			}
			if !greedy && strings.Contains(esc, "/") {
				t.Fatalf("restLabel(%q) = %q keeps a '/'", s, esc)
			}
		}
		q := restQuery(nil, s, s)
		vals, err := url.ParseQuery(string(q))
		// RFC 3986 escaping: a space is %20, so no '+' or ' ' is ever sent.
		if err != nil || len(vals) != 1 || vals.Get(s) != s || strings.ContainsAny(string(q), " +") {
			t.Fatalf("restQuery(%q) = %q parses as %v (%v)", s, q, vals, err)
		}
		if !restQueryHas(q, s) {
			t.Fatalf("restQueryHas(%q, %q) = false", q, s)
		}
	})
}
