package templates

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// peerResponse is /work/shared/peer/response.xml byte for byte (checked by
// TestPeerResponseMatchesShared when the shared folder is present).
const peerResponse = `<?xml version="1.0" encoding="UTF-8"?>
<CreateInterruptibleCapacityReservationAllocationResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
    <requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>
    <sourceCapacityReservationId>cr-1234567890abcdef0</sourceCapacityReservationId>
    <targetInstanceCount>3</targetInstanceCount>
    <status>pending</status>
    <interruptionType>adhoc</interruptionType>
</CreateInterruptibleCapacityReservationAllocationResponse>
`

func TestPeerResponseMatchesShared(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "shared", "peer", "response.xml"))
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("../../shared/peer/response.xml not present (fresh clone); the constant is checked in the project's CI")
	}
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != peerResponse {
		t.Fatalf("peerResponse differs from shared/peer/response.xml:\n%q", b)
	}
}

// allocationOutput mirrors the SDK's output struct for the operation.
type allocationOutput struct {
	SourceCapacityReservationId *string
	TargetInstanceCount         *int32
	Status                      string
	InterruptionType            string
	RequestID                   string
}

// decodeAllocation is the walk generated code will do.
func decodeAllocation(data []byte) (*allocationOutput, error) {
	d := newXMLDecoder(data)
	if _, err := d.root(); err != nil {
		return nil, err
	}
	out := &allocationOutput{}
	for {
		name, ok, err := d.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		switch string(name) {
		case "requestId":
			if out.RequestID, err = d.string(); err != nil {
				return nil, err
			}
		case "sourceCapacityReservationId":
			s, err := d.string()
			if err != nil {
				return nil, err
			}
			out.SourceCapacityReservationId = &s
		case "targetInstanceCount":
			n, err := d.int(32)
			if err != nil {
				return nil, err
			}
			v := int32(n)
			out.TargetInstanceCount = &v
		case "status":
			if out.Status, err = d.string(); err != nil {
				return nil, err
			}
		case "interruptionType":
			if out.InterruptionType, err = d.string(); err != nil {
				return nil, err
			}
		default:
			if err := d.skip(); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// decodeAllocationStd does the same walk with encoding/xml's token stream.
func decodeAllocationStd(data []byte) (*allocationOutput, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	out := &allocationOutput{}
	depth := 0
	var field string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
			field = ""
			if depth == 2 {
				field = tok.Name.Local
			}
		case xml.EndElement:
			depth--
			field = ""
		case xml.CharData:
			switch field {
			case "requestId":
				out.RequestID = string(tok)
			case "sourceCapacityReservationId":
				s := string(tok)
				out.SourceCapacityReservationId = &s
			case "targetInstanceCount":
				n, err := parseStdInt32(string(tok))
				if err != nil {
					return nil, err
				}
				out.TargetInstanceCount = &n
			case "status":
				out.Status = string(tok)
			case "interruptionType":
				out.InterruptionType = string(tok)
			}
		}
	}
}

func parseStdInt32(s string) (int32, error) {
	var n int32
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, errors.New("bad int")
		}
		n = n*10 + c - '0'
	}
	return n, nil
}

func TestDecodePeerResponse(t *testing.T) {
	for name, decode := range map[string]func([]byte) (*allocationOutput, error){
		"ours": decodeAllocation, "encoding/xml": decodeAllocationStd,
	} {
		out, err := decode([]byte(peerResponse))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if out.RequestID != "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE" ||
			out.SourceCapacityReservationId == nil || *out.SourceCapacityReservationId != "cr-1234567890abcdef0" ||
			out.TargetInstanceCount == nil || *out.TargetInstanceCount != 3 ||
			out.Status != "pending" || out.InterruptionType != "adhoc" {
			t.Fatalf("%s: got %+v", name, out)
		}
	}
}

func TestDecodePeerResponseAllocs(t *testing.T) {
	data := []byte(peerResponse)
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := decodeAllocation(data); err != nil {
			t.Fatal(err)
		}
	})
	// output struct, 4 strings, 1 *string header, 1 *int32
	if allocs > 8 {
		t.Fatalf("decoding response.xml made %v allocations, want <= 8", allocs)
	}
}

func BenchmarkDecodeResponse(b *testing.B) {
	data := []byte(peerResponse)
	b.Run("ours", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := decodeAllocation(data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-xml", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := decodeAllocationStd(data); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// The ec2Query error body, from the compliance test Ec2InvalidGreetingError.
const ec2ErrorResponse = `<Response>
    <Errors>
        <Error>
            <Code>InvalidGreeting</Code>
            <Message>Hi</Message>
        </Error>
    </Errors>
    <RequestID>foo-id</RequestID>
</Response>
`

func TestDecodeErrorResponse(t *testing.T) {
	d := newXMLDecoder([]byte(ec2ErrorResponse))
	root, err := d.root()
	if err != nil || string(root) != "Response" {
		t.Fatalf("root = %q, %v", root, err)
	}
	var code, msg, reqID string
	for {
		name, ok, err := d.next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		switch string(name) {
		case "Errors":
			name, ok, err := d.next()
			if err != nil || !ok || string(name) != "Error" {
				t.Fatalf("want <Error>, got %q %v %v", name, ok, err)
			}
			for {
				name, ok, err := d.next()
				if err != nil {
					t.Fatal(err)
				}
				if !ok {
					break
				}
				switch string(name) {
				case "Code":
					code, err = d.string()
				case "Message":
					msg, err = d.string()
				default:
					err = d.skip()
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			if err := d.skip(); err != nil { // rest of <Errors>
				t.Fatal(err)
			}
		case "RequestID":
			if reqID, err = d.string(); err != nil {
				t.Fatal(err)
			}
		default:
			t.Fatalf("unexpected <%s>", name)
		}
	}
	if code != "InvalidGreeting" || msg != "Hi" || reqID != "foo-id" {
		t.Fatalf("got %q %q %q", code, msg, reqID)
	}
}

func TestDecoderText(t *testing.T) {
	cases := []struct{ doc, want string }{
		{`<a>plain</a>`, "plain"},
		{`<a></a>`, ""},
		{`<a/>`, ""},
		{`<a  />`, ""},
		{`<a>&lt;&gt;&amp;&apos;&quot;</a>`, `<>&'"`},
		{`<a>x&#65;&#x42;&#x1F600;y</a>`, "xAB\U0001F600y"},
		{`<a>a<![CDATA[<b>&amp;]]>c</a>`, "a<b>&amp;c"},
		{`<a><![CDATA[]]></a>`, ""},
		{"<a>1\r\n2\r3\n4</a>", "1\n2\n3\n4"},
		{"<a><![CDATA[1\r\n2]]></a>", "1\n2"},
		{`<a>x<!-- c -->y<?pi z?>z</a>`, "xyz"},
		{`<a>héllo wörld ✓</a>`, "héllo wörld ✓"},
		{`<a>]] ]></a>`, "]] ]>"},
		{`<a>&#13;</a>`, "\r"},
		{"<a>\t x \n</a>", "\t x \n"},
		{`<p:a xmlns:p="u">v</p:a>`, "v"},
		{`<a>x</a  >`, "x"},
	}
	for _, c := range cases {
		d := newXMLDecoder([]byte(c.doc))
		if _, err := d.root(); err != nil {
			t.Fatalf("%q: root: %v", c.doc, err)
		}
		got, err := d.text()
		if err != nil {
			t.Fatalf("%q: text: %v", c.doc, err)
		}
		if string(got) != c.want {
			t.Errorf("%q: text = %q, want %q", c.doc, got, c.want)
		}
		if got == nil {
			t.Errorf("%q: text returned nil", c.doc)
		}
		// Cross-check with encoding/xml.
		var std struct {
			Text string `xml:",chardata"`
		}
		if err := xml.Unmarshal([]byte(c.doc), &std); err != nil {
			t.Fatalf("%q: encoding/xml: %v", c.doc, err)
		}
		if std.Text != c.want {
			t.Errorf("%q: encoding/xml says %q, table says %q", c.doc, std.Text, c.want)
		}
	}
}

func TestDecoderWalk(t *testing.T) {
	doc := `<?xml version="1.0"?>
<!-- prolog comment -->
<?pi stuff?>
<r a="1" p:b='two &amp; &lt;x&gt;' c = "3">
  text <x/> more
  <y k="v"><z>deep</z><z/></y>
  <![CDATA[ignored <y>]]>
  <w>keep</w>
</r>
trailing content is not read <<<`
	d := newXMLDecoder([]byte(doc))
	name, err := d.root()
	if err != nil || string(name) != "r" {
		t.Fatalf("root %q %v", name, err)
	}
	for _, c := range []struct{ k, v string }{{"a", "1"}, {"b", "two & <x>"}, {"c", "3"}} {
		v, ok := d.attr(c.k)
		if !ok || string(v) != c.v {
			t.Errorf("attr(%s) = %q %v, want %q", c.k, v, ok, c.v)
		}
	}
	if _, ok := d.attr("missing"); ok {
		t.Error("attr(missing) found")
	}
	expect := func(want string, wantOK bool) {
		t.Helper()
		name, ok, err := d.next()
		if err != nil || ok != wantOK || string(name) != want {
			t.Fatalf("next = %q %v %v, want %q %v", name, ok, err, want, wantOK)
		}
	}
	expect("x", true)
	if _, ok := d.attr("a"); ok {
		t.Error("attr of <x> found the parent's attribute")
	}
	expect("", false) // </x> of the self-closing <x/>
	expect("y", true)
	if v, ok := d.attr("k"); !ok || string(v) != "v" {
		t.Errorf("attr(k) = %q %v", v, ok)
	}
	expect("z", true)
	if s, err := d.string(); err != nil || s != "deep" {
		t.Fatalf("string = %q %v", s, err)
	}
	expect("z", true)
	if s, err := d.string(); err != nil || s != "" {
		t.Fatalf("string of <z/> = %q %v", s, err)
	}
	expect("", false) // </y>
	expect("w", true)
	if err := d.skip(); err != nil {
		t.Fatal(err)
	}
	expect("", false) // </r>
	if _, _, err := d.next(); err == nil {
		t.Fatal("next after the root's end: want an error")
	}
}

func TestDecoderSkip(t *testing.T) {
	doc := `<r><a><b><c/>t<d x="1">u</d></b></a><e>v</e></r>`
	d := newXMLDecoder([]byte(doc))
	if _, err := d.root(); err != nil {
		t.Fatal(err)
	}
	if name, ok, _ := d.next(); !ok || string(name) != "a" {
		t.Fatal("want a")
	}
	if err := d.skip(); err != nil {
		t.Fatal(err)
	}
	if name, ok, _ := d.next(); !ok || string(name) != "e" {
		t.Fatalf("after skip want e, got %q", name)
	}
	if s, _ := d.string(); s != "v" {
		t.Fatal(s)
	}
	// skip on a self-closing element.
	d = newXMLDecoder([]byte(`<r><a/><b>x</b></r>`))
	d.root()
	d.next()
	if err := d.skip(); err != nil {
		t.Fatal(err)
	}
	if name, ok, _ := d.next(); !ok || string(name) != "b" {
		t.Fatalf("want b, got %q", name)
	}
}

func TestDecoderTypedValues(t *testing.T) {
	read := func(doc string, f func(d *xmlDecoder) (any, error)) (any, error) {
		d := newXMLDecoder([]byte(doc))
		if _, err := d.root(); err != nil {
			return nil, err
		}
		return f(&d)
	}
	ints := []struct {
		text string
		bits int
		want int64
		ok   bool
	}{
		{"0", 32, 0, true}, {"-0", 32, 0, true}, {"+7", 32, 7, true}, {"2147483647", 32, math.MaxInt32, true},
		{"2147483648", 32, 0, false}, {"-2147483648", 32, math.MinInt32, true}, {"-2147483649", 32, 0, false},
		{"127", 8, 127, true}, {"128", 8, 0, false}, {"-128", 8, -128, true}, {"-32768", 16, -32768, true},
		{"9223372036854775807", 64, math.MaxInt64, true}, {"-9223372036854775808", 64, math.MinInt64, true},
		{"9223372036854775808", 64, 0, false}, {"99999999999999999999999", 64, 0, false},
		{"", 32, 0, false}, {"-", 32, 0, false}, {"1.0", 32, 0, false}, {" 1", 32, 0, false}, {"0x10", 32, 0, false},
		{"1_000", 32, 0, false}, {"00012", 32, 12, true},
	}
	for _, c := range ints {
		got, err := read("<v>"+c.text+"</v>", func(d *xmlDecoder) (any, error) { return d.int(c.bits) })
		if c.ok && (err != nil || got.(int64) != c.want) {
			t.Errorf("int(%d) of %q = %v, %v; want %d", c.bits, c.text, got, err, c.want)
		}
		if !c.ok && err == nil {
			t.Errorf("int(%d) of %q = %v, want an error", c.bits, c.text, got)
		}
	}
	_, err := read("<count>abc</count>", func(d *xmlDecoder) (any, error) { return d.int(32) })
	if err == nil || err.Error() != `xml: line 1, column 8: invalid int32 "abc" in <count>` {
		t.Errorf("int error = %v", err)
	}

	floats := []struct {
		text string
		bits int
		want float64
		ok   bool
	}{
		{"10.8", 64, 10.8, true}, {"-1.5e3", 64, -1500, true}, {".5", 64, 0.5, true}, {"5.", 64, 5, true},
		{"0.1", 32, float64(float32(0.1)), true}, {"1e39", 32, 0, false}, {"1e309", 64, 0, false},
		{"Infinity", 64, math.Inf(1), true}, {"-Infinity", 32, math.Inf(-1), true},
		{"inf", 64, 0, false}, {"+Inf", 64, 0, false}, {"nan", 64, 0, false}, {"0x1p3", 64, 0, false},
		{"", 64, 0, false}, {"1e", 64, 0, false}, {".", 64, 0, false}, {"1.5 ", 64, 0, false},
	}
	for _, c := range floats {
		got, err := read("<v>"+c.text+"</v>", func(d *xmlDecoder) (any, error) { return d.float(c.bits) })
		if c.ok && (err != nil || got.(float64) != c.want) {
			t.Errorf("float(%d) of %q = %v, %v; want %v", c.bits, c.text, got, err, c.want)
		}
		if !c.ok && err == nil {
			t.Errorf("float(%d) of %q = %v, want an error", c.bits, c.text, got)
		}
	}
	if got, err := read("<v>NaN</v>", func(d *xmlDecoder) (any, error) { return d.float(64) }); err != nil || !math.IsNaN(got.(float64)) {
		t.Errorf("NaN: %v %v", got, err)
	}

	for text, want := range map[string]any{"true": true, "false": false, "True": nil, "1": nil, "": nil} {
		got, err := read("<v>"+text+"</v>", func(d *xmlDecoder) (any, error) { return d.bool() })
		if want == nil && err == nil || want != nil && (err != nil || got != want) {
			t.Errorf("bool(%q) = %v, %v; want %v", text, got, err, want)
		}
	}

	for doc, want := range map[string]string{
		"<v>dmFsdWU=</v>": "value", "<v></v>": "", "<v/>": "", "<v>dmFs\ndWU=</v>": "value",
	} {
		got, err := read(doc, func(d *xmlDecoder) (any, error) { return d.blob() })
		if err != nil || string(got.([]byte)) != want || got.([]byte) == nil {
			t.Errorf("blob(%q) = %#v, %v; want %q", doc, got, err, want)
		}
	}
	for _, doc := range []string{"<v>dmFsdWU</v>", "<v>!!!!</v>", "<v>dmFsdWU=x</v>"} {
		if _, err := read(doc, func(d *xmlDecoder) (any, error) { return d.blob() }); err == nil {
			t.Errorf("blob(%q): want an error", doc)
		}
	}

	// The compliance suite's timestamp responses.
	times := []struct {
		text   string
		format int
		want   int64 // milliseconds
	}{
		{"2014-04-29T18:30:38Z", timeDateTime, 1398796238000},
		{"2000-01-02T20:34:56.123Z", timeDateTime, 946845296123},
		{"2019-12-16T22:48:18-01:00", timeDateTime, 1576540098000},
		{"2019-12-17T00:48:18+01:00", timeDateTime, 1576540098000},
		{"1398796238", timeEpochSeconds, 1398796238000},
		{"Tue, 29 Apr 2014 18:30:38 GMT", timeHTTPDate, 1398796238000},
	}
	for _, c := range times {
		got, err := read("<v>"+c.text+"</v>", func(d *xmlDecoder) (any, error) { return d.time(c.format) })
		if err != nil || got.(time.Time).UnixMilli() != c.want || got.(time.Time).Location() != time.UTC {
			t.Errorf("time(%q) = %v, %v; want %d ms UTC", c.text, got, err, c.want)
		}
	}
	if _, err := read("<when>yesterday</when>", func(d *xmlDecoder) (any, error) { return d.time(timeDateTime) }); err == nil ||
		!strings.Contains(err.Error(), `invalid date-time "yesterday"`) || !strings.Contains(err.Error(), "<when>") {
		t.Errorf("time error = %v", err)
	}
}

func TestDecoderErrors(t *testing.T) {
	cases := []struct{ doc, want string }{
		{"", "line 1, column 1: empty document"},
		{"   \n ", "no root element"},
		{"hello<a/>", "text before the root element"},
		{`<!DOCTYPE a><a/>`, "DOCTYPE is not supported"},
		{"<a><!DOCTYPE a></a>", "unsupported markup"},
		{"<a><!ENTITY x 'y'></a>", "unsupported markup"},
		{"<a>", "unexpected end of input: <a> is not closed"},
		{"<a><b>x</b>", "<a> is not closed"},
		{"<a>x", "<a> is not closed"},
		{"<a", "unexpected end of input in start tag <a>"},
		{"<a b", "without ="},
		{"<a b=1>", "unquoted or missing attribute value"},
		{`<a b="1>`, "unterminated attribute value"},
		{`<a b="<">`, "unescaped < in attribute value"},
		{`<a b="&bad;"/>`, `invalid character entity "&bad;"`},
		{"<a>\n<b>\n  </c></a>", "line 3, column 3: expected </b>, found </c>"},
		{"<a></A>", "expected </a>, found </A>"},
		{"<p:a></q:a>", "expected </p:a>, found </q:a>"},
		{"<a></a x>", "invalid characters in end tag"},
		{"<a></>", "expected an element name after </"},
		{"<1a/>", "expected an element name after <"},
		{"< a/>", "expected an element name after <"},
		{"<a:b:c/>", "expected an element name after <"},
		{"<a 1b='x'/>", "expected an attribute name"},
		{"<a/ >", "expected /> in element"},
		{"<a>&foo;</a>", `invalid character entity "&foo;"`},
		{"<a>&amp</a>", `invalid character entity`},
		{"<a>& b</a>", `invalid character entity`},
		{"<a>&#;</a>", "invalid character entity"},
		{"<a>&#x110000;</a>", "invalid character entity"},
		{"<a>&#0;</a>", "invalid character entity"},
		{"<a>&#xD800;</a>", "invalid character entity"},
		{"<a>&#99999999999999999999;</a>", "invalid character entity"},
		{"<a>]]></a>", "unescaped ]]> not in a CDATA section"},
		{"<a>\x01</a>", "illegal character code U+1"},
		{"<a>\xff</a>", "invalid UTF-8"},
		{"<a>\xef\xbf\xbe</a>", "illegal character code U+fffe"},
		{"<a b='\x00'/>", "illegal character code U+0"},
		{"<a><!-- x</a>", "unterminated comment"},
		{"<a><!-- x -- y --></a>", `"--" inside a comment`},
		{"<a><![CDATA[x</a>", "unterminated CDATA section"},
		{"<a><![CDATA[\x02]]></a>", "illegal character code U+2"},
		{"<a><?pi x</a>", "unterminated processing instruction"},
		{"<a><? x?></a>", "expected a target name after <?"},
		{`<?xml version="1.1"?><a/>`, `unsupported XML version "1.1"`},
		{`<?xml version="1.0" encoding="ISO-8859-1"?><a/>`, `unsupported encoding "ISO-8859-1"`},
		{"</a>", "expected the root element"},
		{"<a>\xc3</a>", "invalid UTF-8"},
		{"<a\xc3\xa9\xff/>", "expected an element name"},
	}
	for _, c := range cases {
		d := newXMLDecoder([]byte(c.doc))
		err := walkAll(&d)
		if err == nil {
			t.Errorf("%q: no error, want %q", c.doc, c.want)
			continue
		}
		if !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "xml: line ") {
			t.Errorf("%q: error %q, want it to contain %q", c.doc, err, c.want)
		}
		// Errors are sticky.
		if _, _, err2 := d.next(); err2 != err {
			t.Errorf("%q: error not sticky: %v then %v", c.doc, err, err2)
		}
		// encoding/xml must reject these too, except our documented extras.
		if c.want != "DOCTYPE is not supported" && c.want != "unsupported markup" && c.want != "no root element" &&
			c.want != "text before the root element" && c.doc != "<a>&#xD800;</a>" && c.doc != "</a>" {
			if _, err := stdTree([]byte(c.doc)); err == nil {
				t.Errorf("%q: encoding/xml accepts it", c.doc)
			}
		}
	}
	// text() refuses child elements.
	d := newXMLDecoder([]byte("<a>x<b/>y</a>"))
	d.root()
	if _, err := d.text(); err == nil || !strings.Contains(err.Error(), "unexpected element <b> inside <a>") {
		t.Errorf("text with a child: %v", err)
	}
}

// walkAll reads the whole root element, checking everything on the way.
func walkAll(d *xmlDecoder) error {
	if _, err := d.root(); err != nil {
		return err
	}
	return d.skip()
}

func TestDecoderDepthLimit(t *testing.T) {
	nest := func(n int) []byte {
		return []byte(strings.Repeat("<a>", n) + strings.Repeat("</a>", n))
	}
	d := newXMLDecoder(nest(xmlMaxDepth))
	if err := walkAll(&d); err != nil {
		t.Fatalf("depth %d: %v", xmlMaxDepth, err)
	}
	d = newXMLDecoder(nest(xmlMaxDepth + 1))
	if err := walkAll(&d); err == nil || !strings.Contains(err.Error(), "nested more than 1024 deep") {
		t.Fatalf("depth %d: %v", xmlMaxDepth+1, err)
	}
	// Deep documents walked element by element keep names straight past the
	// inline stack.
	doc := ""
	for i := 0; i < 40; i++ {
		doc += "<e" + string(rune('a'+i%26)) + ">"
	}
	for i := 39; i >= 0; i-- {
		doc += "</e" + string(rune('a'+i%26)) + ">"
	}
	d = newXMLDecoder([]byte(doc))
	if err := walkAll(&d); err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(doc, "</ez>", "</ey>", 1)
	d = newXMLDecoder([]byte(bad))
	if err := walkAll(&d); err == nil || !strings.Contains(err.Error(), "expected </ez>, found </ey>") {
		t.Fatalf("mismatch deep in the stack: %v", err)
	}
}

func TestDecoderNoAllocsPerToken(t *testing.T) {
	doc := []byte(`<r><a x="1">t</a><b><c>u</c></b><!-- c --><d/></r>`)
	allocs := testing.AllocsPerRun(100, func() {
		d := newXMLDecoder(doc)
		if err := walkAll(&d); err != nil {
			t.Fatal(err)
		}
		d = newXMLDecoder(doc)
		d.root()
		d.next()
		d.attr("x")
		d.text()
	})
	if allocs != 0 {
		t.Fatalf("walk allocated %v times, want 0", allocs)
	}
}
