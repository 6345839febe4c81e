package templates

// XML writing for restXml request bodies. Every function appends to b and
// returns the extended slice, like the JSON writer.
//
// API for emitters (names are the model's constant element and attribute
// names, written as they are):
//
//	xmlwOpen(b, name), xmlwClose(b, name)     <name> and </name>
//	xmlwStart(b, name)                        <name   (then attributes, then append '>')
//	xmlwAttr(b, name, value)                   name="value"   (@xmlAttribute)
//	xmlwNamespace(b, prefix, uri)              xmlns[:prefix]="uri"   (@xmlNamespace)
//	xmlwText(b, s)                            escaped character data
//	xmlwString(b, name, s), xmlwInt(b, name, v), xmlwFloat(b, name, v),
//	xmlwBool(b, name, v), xmlwBlob(b, name, v), xmlwTime(b, name, t, format),
//	xmlwBigInt(b, name, v), xmlwBigFloat(b, name, v)     one element each
//	xmlwList(b, name, member, flat, items, appendItem)   wrapped or @xmlFlattened list
//	xmlwMap(b, name, flat, m, appendEntry)               wrapped (<entry>) or flattened map
//
// appendItem has the shape of xmlwString: func(b []byte, name string, v T)
// []byte, so xmlwString, xmlwInt[int32] and generated structure writers
// can be passed as they are. appendEntry writes one entry's key and value
// elements. Map entries are written in key order, so a body is the same
// every time. A wrapper element with attributes (a namespace, say) is
// written by the emitter, with the items inside it written by xmlwList in
// flat mode under the member name.
//
// For
//
//	@xmlNamespace(uri: "https://example.com")
//	structure Widget { @xmlAttribute name: String, count: Integer, tags: StringList, inner: Inner }
//
// an emitter writes
//
//	func serializeWidgetXML(b []byte, name string, v *Widget) []byte {
//		b = xmlwStart(b, name)
//		b = xmlwNamespace(b, "", "https://example.com")
//		if v.Name != nil {
//			b = xmlwAttr(b, "name", *v.Name)
//		}
//		b = append(b, '>')
//		if v.Count != nil {
//			b = xmlwInt(b, "count", *v.Count)
//		}
//		if v.Tags != nil {
//			b = xmlwList(b, "tags", "member", false, v.Tags, xmlwString)
//		}
//		if v.Inner != nil {
//			b = serializeInnerXML(b, "inner", v.Inner)
//		}
//		return xmlwClose(b, name)
//	}
//
// This file uses runtime_restnum.go and runtime_time.go.

import (
	"encoding/base64"
	"math"
	"math/big"
	"strconv"
	"time"
	"unicode/utf8"
)

// xmlwPlain marks the ASCII bytes written as they are. The AWS SDK's XML
// encoder (smithy-go encoding/xml) escapes the five markup characters and
// also tab, newline and carriage return as character references (so a
// server's parser cannot normalize them away); the other control
// characters are not XML characters at all and become U+FFFD.
var xmlwPlain = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	t['"'], t['\''], t['&'], t['<'], t['>'] = false, false, false, false, false
	return t
}()

// xmlwText appends s escaped for character data or an attribute value:
// " ' & < > as &#34; &#39; &amp; &lt; &gt;, tab, newline and carriage
// return as &#x9; &#xA; &#xD;, U+0085 and U+2028 (line breaks in XML 1.1)
// as &#x85; and &#x2028;, and anything that is not an XML 1.0 character,
// invalid UTF-8 included, as U+FFFD: the SDK's escaping.
func xmlwText[S string | []byte](b []byte, s S) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if xmlwPlain[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"':
				b = append(b, "&#34;"...)
			case '\'':
				b = append(b, "&#39;"...)
			case '&':
				b = append(b, "&amp;"...)
			case '<':
				b = append(b, "&lt;"...)
			case '>':
				b = append(b, "&gt;"...)
			case '\t':
				b = append(b, "&#x9;"...)
			case '\n':
				b = append(b, "&#xA;"...)
			case '\r':
				b = append(b, "&#xD;"...)
			default:
				b = append(b, "\uFFFD"...)
			}
			i++
			start = i
			continue
		}
		var r rune
		var n int
		switch v := any(s).(type) {
		case string:
			r, n = utf8.DecodeRuneInString(v[i:])
		case []byte:
			r, n = utf8.DecodeRune(v[i:])
		}
		var esc string
		switch {
		case r == utf8.RuneError && n == 1, r == 0xFFFE, r == 0xFFFF:
			esc = "\uFFFD"
		case r == '\u0085':
			esc = "&#x85;"
		case r == '\u2028':
			esc = "&#x2028;"
		default:
			i += n
			continue
		}
		b = append(b, s[start:i]...)
		b = append(b, esc...)
		i += n
		start = i
	}
	return append(b, s[start:]...)
}

func xmlwOpen(b []byte, name string) []byte {
	b = append(b, '<')
	b = append(b, name...)
	return append(b, '>')
}

func xmlwClose(b []byte, name string) []byte {
	b = append(b, '<', '/')
	b = append(b, name...)
	return append(b, '>')
}

// xmlwStart begins a start tag that attributes will follow; the emitter
// appends the closing '>'.
func xmlwStart(b []byte, name string) []byte {
	b = append(b, '<')
	return append(b, name...)
}

// xmlwAttr appends an attribute to a start tag begun by xmlwStart.
func xmlwAttr(b []byte, name, value string) []byte {
	b = append(b, ' ')
	b = append(b, name...)
	b = append(b, '=', '"')
	b = xmlwText(b, value)
	return append(b, '"')
}

// xmlwNamespace appends an @xmlNamespace declaration: xmlns="uri", or
// xmlns:prefix="uri" when the trait has a prefix.
func xmlwNamespace(b []byte, prefix, uri string) []byte {
	name := "xmlns"
	if prefix != "" {
		name = "xmlns:" + prefix
	}
	return xmlwAttr(b, name, uri)
}

func xmlwString(b []byte, name string, s string) []byte {
	b = xmlwOpen(b, name)
	b = xmlwText(b, s)
	return xmlwClose(b, name)
}

func xmlwInt[T ~int8 | ~int16 | ~int32 | ~int64](b []byte, name string, v T) []byte {
	b = xmlwOpen(b, name)
	b = strconv.AppendInt(b, int64(v), 10)
	return xmlwClose(b, name)
}

// xmlwFloat writes a float as the SDK writes one in XML: like JSON's
// numbers, with NaN, Infinity and -Infinity spelled out.
func xmlwFloat[T ~float32 | ~float64](b []byte, name string, v T) []byte {
	b = xmlwOpen(b, name)
	b = xmlwAppendFloat(b, float64(v), restFloatBits[T]())
	return xmlwClose(b, name)
}

func xmlwAppendFloat(b []byte, f float64, bits int) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, "NaN"...)
	case math.IsInf(f, 1):
		return append(b, "Infinity"...)
	case math.IsInf(f, -1):
		return append(b, "-Infinity"...)
	}
	return restFormatFloat(b, f, bits)
}

func xmlwBool(b []byte, name string, v bool) []byte {
	b = xmlwOpen(b, name)
	b = strconv.AppendBool(b, v)
	return xmlwClose(b, name)
}

// xmlwBlob writes standard, padded base64.
func xmlwBlob(b []byte, name string, v []byte) []byte {
	b = xmlwOpen(b, name)
	b = base64.StdEncoding.AppendEncode(b, v)
	return xmlwClose(b, name)
}

// xmlwTime writes a timestamp; date-time is restXml's default format.
func xmlwTime(b []byte, name string, t time.Time, format int) []byte {
	b = xmlwOpen(b, name)
	b = appendTime(b, t, format)
	return xmlwClose(b, name)
}

func xmlwBigInt(b []byte, name string, v *big.Int) []byte {
	b = xmlwOpen(b, name)
	b = v.Append(b, 10)
	return xmlwClose(b, name)
}

// xmlwBigFloat writes a bigDecimal (see restBigFloat).
func xmlwBigFloat(b []byte, name string, v *big.Float) []byte {
	b = xmlwOpen(b, name)
	if v.IsInf() {
		b = xmlwAppendFloat(b, math.Inf(v.Sign()), 64)
	} else {
		b = restBigFloat(b, v)
	}
	return xmlwClose(b, name)
}

// xmlwList writes a list: wrapped, <name><member>…</member>…</name>; or
// flat (@xmlFlattened), each item as an element called name.
func xmlwList[T any](b []byte, name, member string, flat bool, items []T, appendItem func([]byte, string, T) []byte) []byte {
	if flat {
		for _, x := range items {
			b = appendItem(b, name, x)
		}
		return b
	}
	b = xmlwOpen(b, name)
	for _, x := range items {
		b = appendItem(b, member, x)
	}
	return xmlwClose(b, name)
}

// xmlwMap writes a map: wrapped, <name><entry>key value</entry>…</name>;
// or flat (@xmlFlattened), each entry as <name>key value</name>.
func xmlwMap[V any](b []byte, name string, flat bool, m map[string]V, appendEntry func(b []byte, key string, v V) []byte) []byte {
	entry := "entry"
	if flat {
		entry = name
	} else {
		b = xmlwOpen(b, name)
	}
	for _, k := range restSortedKeys(m) {
		b = xmlwOpen(b, entry)
		b = appendEntry(b, k, m[k])
		b = xmlwClose(b, entry)
	}
	if !flat {
		b = xmlwClose(b, name)
	}
	return b
}
