package templates

import (
	"bytes"
	"encoding/xml"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The escapes of the AWS SDK's XML encoder (smithy-go encoding/xml), for
// text and attribute values alike.
func TestXMLWriteEscapesLikeTheSDK(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain text", "plain text"},
		{`<a href="x">'&'</a>`, "&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;"},
		{"tab\tnl\ncr\r", "tab&#x9;nl&#xA;cr&#xD;"},
		{"nel\u0085ls\u2028ps\u2029", "nel&#x85;ls&#x2028;ps\u2029"},
		{"\x00\x01\x1f\x7f", "\uFFFD\uFFFD\uFFFD\x7f"},
		{"bad\xff\xfe", "bad\uFFFD\uFFFD"},
		{"\uFFFE\uFFFF\uFFFD", "\uFFFD\uFFFD\uFFFD"},
		{"é😹", "é😹"},
	} {
		if got := string(xmlwText(nil, c.in)); got != c.want {
			t.Errorf("xmlwText(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := string(xmlwText(nil, []byte(c.in))); got != c.want {
			t.Errorf("xmlwText([]byte %q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// xmlwExpected is the text a parser must read back: every rune that is
// not an XML character, and each byte of invalid UTF-8, as U+FFFD.
func xmlwExpected(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF {
			b.WriteRune(r)
		} else {
			b.WriteRune(utf8.RuneError)
		}
	}
	return b.String()
}

// encoding/xml reads back what xmlwText writes, in text and attributes.
func FuzzXMLWriteText(f *testing.F) {
	for _, s := range []string{"", "a<b>&c", "\r\n\t", "]]>", "\x00\xff", "\u2028\u0085", `"'`, "\r\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := xmlwStart(nil, "a")
		b = xmlwAttr(b, "v", s)
		b = append(b, '>')
		b = xmlwText(b, s)
		b = xmlwClose(b, "a")
		var doc struct {
			V    string `xml:"v,attr"`
			Text string `xml:",chardata"`
		}
		if err := xml.Unmarshal(b, &doc); err != nil {
			t.Fatalf("%q written as %q does not parse: %v", s, b, err)
		}
		want := xmlwExpected(s)
		if doc.Text != want || doc.V != want {
			t.Fatalf("%q written as %q reads back as text %q, attribute %q", s, b, doc.Text, doc.V)
		}
		// The runtime's own XML decoder agrees.
		d := newXMLDecoder(b)
		if _, err := d.root(); err != nil {
			t.Fatal(err)
		}
		if v, _ := d.attr("v"); string(v) != want {
			t.Fatalf("xmlDecoder attribute %q, want %q", v, want)
		}
		if got, err := d.string(); err != nil || got != want {
			t.Fatalf("xmlDecoder text %q (%v), want %q", got, err, want)
		}
	})
}

func TestXMLWriteValues(t *testing.T) {
	ts := time.Unix(1398796238, 0)
	huge, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	for _, c := range []struct {
		got  []byte
		want string
	}{
		{xmlwString(nil, "s", "a&b"), "<s>a&amp;b</s>"},
		{xmlwString(nil, "s", ""), "<s></s>"},
		{xmlwInt(nil, "i", int8(-128)), "<i>-128</i>"},
		{xmlwInt(nil, "i", int64(math.MaxInt64)), "<i>9223372036854775807</i>"},
		{xmlwFloat(nil, "f", float32(5.5)), "<f>5.5</f>"},
		{xmlwFloat(nil, "f", float32(1.1)), "<f>1.1</f>"},
		{xmlwFloat(nil, "f", 1e21), "<f>1e+21</f>"},
		{xmlwFloat(nil, "f", math.NaN()), "<f>NaN</f>"},
		{xmlwFloat(nil, "f", math.Inf(-1)), "<f>-Infinity</f>"},
		{xmlwBool(nil, "b", true), "<b>true</b>"},
		{xmlwBlob(nil, "b", []byte("value")), "<b>dmFsdWU=</b>"},
		{xmlwTime(nil, "t", ts, timeDateTime), "<t>2014-04-29T18:30:38Z</t>"},
		{xmlwTime(nil, "t", ts, timeEpochSeconds), "<t>1398796238</t>"},
		{xmlwTime(nil, "t", ts, timeHTTPDate), "<t>Tue, 29 Apr 2014 18:30:38 GMT</t>"},
		{xmlwBigInt(nil, "n", huge), "<n>123456789012345678901234567890</n>"},
		{xmlwBigFloat(nil, "n", big.NewFloat(-7)), "<n>-7</n>"},
		{xmlwBigFloat(nil, "n", big.NewFloat(1.5)), "<n>1.5e+00</n>"},
		{xmlwBigFloat(nil, "n", big.NewFloat(math.Copysign(0, -1))), "<n>-0</n>"},
		{xmlwNamespace(xmlwStart(nil, "r"), "baz", "http://baz.com"), `<r xmlns:baz="http://baz.com"`},
		{xmlwNamespace(xmlwStart(nil, "r"), "", "http://foo.com"), `<r xmlns="http://foo.com"`},
		{xmlwList(nil, "l", "member", false, []string{"a", "b"}, xmlwString), "<l><member>a</member><member>b</member></l>"},
		{xmlwList(nil, "l", "member", false, []string{}, xmlwString), "<l></l>"},
		{xmlwList(nil, "l", "member", true, []int32{1, 2}, xmlwInt[int32]), "<l>1</l><l>2</l>"},
		{xmlwMap(nil, "m", false, map[string]string{"b": "2", "a": "1"}, func(b []byte, k, v string) []byte {
			return xmlwString(xmlwString(b, "key", k), "value", v)
		}), "<m><entry><key>a</key><value>1</value></entry><entry><key>b</key><value>2</value></entry></m>"},
		{xmlwMap(nil, "m", true, map[string]bool{"k": true}, func(b []byte, k string, v bool) []byte {
			return xmlwBool(xmlwString(b, "K", k), "V", v)
		}), "<m><K>k</K><V>true</V></m>"},
	} {
		if string(c.got) != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
	// Floats as in the JSON writer, which encoding/json checks.
	for _, f := range []float64{0.1, 1e-7, 123456789.125, 3e22} {
		got := xmlwFloat(nil, "f", f)
		want := "<f>" + string(jsonFloat(nil, f)) + "</f>"
		if string(got) != want {
			t.Errorf("xmlwFloat(%v) = %s, want %s", f, got, want)
		}
	}
}

// The example at the top of runtime_xmlwrite.go, and a compliance case
// for attributes with escaping.
func TestXMLWriteStructureCompliance(t *testing.T) {
	c := restCase(t, "request", "XmlAttributesWithEscaping")
	b := xmlwStart(nil, "XmlAttributesRequest")
	b = xmlwAttr(b, "test", c.Params["attr"].(string))
	b = append(b, '>')
	b = xmlwString(b, "foo", c.Params["foo"].(string))
	b = xmlwClose(b, "XmlAttributesRequest")
	if err := xmlwSameTree(b, []byte(*c.Body)); err != nil {
		t.Error(err)
	}
	if !bytes.Contains([]byte(*c.Body), xmlwText(nil, c.Params["attr"].(string))) {
		t.Errorf("the case escapes %q as %s, which is not what we write", c.Params["attr"], *c.Body)
	}
}

func TestXMLWriteAllocs(t *testing.T) {
	b := make([]byte, 0, 4096)
	ts := time.Unix(1398796238, 0)
	allocs := testing.AllocsPerRun(100, func() {
		b = b[:0]
		b = xmlwOpen(b, "Root")
		b = xmlwString(b, "Key", "photos/2024/é & co.jpg")
		b = xmlwInt(b, "Size", int64(1234))
		b = xmlwTime(b, "LastModified", ts, timeDateTime)
		b = xmlwFloat(b, "F", 2.5)
		b = xmlwList(b, "Tags", "member", false, []string{"a", "b"}, xmlwString)
		b = xmlwClose(b, "Root")
	})
	if allocs != 0 {
		t.Errorf("%v allocations, want 0", allocs)
	}
}
