package templates

// Helpers for the Smithy protocol compliance tests generated from a
// model's smithy.test traits. Test-only: generated packages get this file
// only when they carry such tests.

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// protocolRequestCase is what an httpRequestTests case expects.
type protocolRequestCase struct {
	method, uri, resolvedHost string
	headers                   map[string]string
	forbidHeaders             []string
	requireHeaders            []string
	// queryParams are key=value pairs the query must have, as percent-
	// encoded text; forbidQueryParams and requireQueryParams are keys.
	queryParams        []string
	forbidQueryParams  []string
	requireQueryParams []string
	body               string
	hasBody            bool
	bodyMediaType      string
}

// checkProtocolRequest compares a built request with a case. Form bodies
// are compared as parsed key/value pairs, JSON bodies as values and XML
// bodies as element trees, as the Smithy spec asks.
func checkProtocolRequest(t *testing.T, req *http.Request, c protocolRequestCase) {
	t.Helper()
	if c.method != "" && req.Method != c.method {
		t.Errorf("method %s, want %s", req.Method, c.method)
	}
	// The case's URI is the path; its query is in queryParams.
	if c.uri != "" && req.URL.EscapedPath() != c.uri {
		t.Errorf("URI %s, want %s", req.URL.EscapedPath(), c.uri)
	}
	checkProtocolQuery(t, req.URL.RawQuery, c)
	if c.resolvedHost != "" && req.URL.Host != c.resolvedHost {
		t.Errorf("host %s, want %s", req.URL.Host, c.resolvedHost)
	}
	for k, v := range c.headers {
		if got := req.Header.Get(k); got != v {
			t.Errorf("header %s: %q, want %q", k, got, v)
		}
	}
	for _, k := range c.forbidHeaders {
		if _, ok := req.Header[http.CanonicalHeaderKey(k)]; ok {
			t.Errorf("header %s is set, and must not be", k)
		}
	}
	for _, k := range c.requireHeaders {
		// net/http writes Content-Length from the field, not the map.
		if http.CanonicalHeaderKey(k) == "Content-Length" && req.ContentLength > 0 {
			continue
		}
		if _, ok := req.Header[http.CanonicalHeaderKey(k)]; !ok {
			t.Errorf("header %s is missing", k)
		}
	}
	if !c.hasBody {
		return
	}
	body, err := readProtocolBody(req)
	if err != nil {
		t.Fatal(err)
	}
	if c.bodyMediaType == "application/x-www-form-urlencoded" {
		got, err1 := url.ParseQuery(string(body))
		want, err2 := url.ParseQuery(c.body)
		if err1 != nil || err2 != nil {
			t.Fatalf("form bodies do not parse: %v, %v", err1, err2)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("form body:\n got %s\nwant %s", formPairs(got), formPairs(want))
		}
		return
	}
	if c.bodyMediaType == "application/xml" {
		if diff := protocolXMLDiff(body, []byte(c.body)); diff != "" {
			t.Errorf("XML body: %s\n got %s\nwant %s", diff, body, c.body)
		}
		return
	}
	if c.bodyMediaType == "application/json" {
		var got, want any
		err1 := json.Unmarshal(body, &got)
		err2 := json.Unmarshal([]byte(c.body), &want)
		if err1 != nil || err2 != nil {
			t.Fatalf("JSON bodies do not parse: %v, %v\n got %s", err1, err2, body)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("JSON body:\n got %s\nwant %s", body, c.body)
		}
		return
	}
	if string(body) != c.body {
		t.Errorf("body:\n got %q\nwant %q", body, c.body)
	}
}

// protocolXMLNode is an element of an XML document as written: names with
// their prefixes, attributes (namespace declarations included) as a set,
// and the text of an element without children.
type protocolXMLNode struct {
	name  string
	attrs map[string]string
	text  string
	kids  []*protocolXMLNode
}

// protocolXMLTree reads a document's root element with encoding/xml.
func protocolXMLTree(doc []byte) (*protocolXMLNode, error) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	var stack []*protocolXMLNode
	var root *protocolXMLNode
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			if root == nil || len(stack) > 0 {
				return nil, errors.New("no complete root element")
			}
			return root, nil
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &protocolXMLNode{name: protocolXMLName(tok.Name), attrs: map[string]string{}}
			for _, a := range tok.Attr {
				n.attrs[protocolXMLName(a.Name)] = a.Value
			}
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.kids = append(top.kids, n)
			} else if root != nil {
				return nil, errors.New("more than one root element")
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(tok)
			}
		}
	}
}

func protocolXMLName(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

// protocolXMLDiff compares two documents as trees, and says where the first
// difference is ("" when none): element names, attributes, children in
// (see protocolXMLEntriesSorted), and the text of elements without
// children. White space between elements does not count, nor does a body
// of nothing else.
func protocolXMLDiff(got, want []byte) string {
	if len(bytes.TrimSpace(got)) == 0 && len(bytes.TrimSpace(want)) == 0 {
		return ""
	}
	g, err := protocolXMLTree(got)
	if err != nil {
		return "got no XML: " + err.Error()
	}
	w, err := protocolXMLTree(want)
	if err != nil {
		return "want no XML: " + err.Error()
	}
	return protocolXMLNodeDiff(g, w, "/"+w.name)
}

func protocolXMLNodeDiff(g, w *protocolXMLNode, path string) string {
	if g.name != w.name {
		return fmt.Sprintf("%s: element <%s>, want <%s>", path, g.name, w.name)
	}
	if !reflect.DeepEqual(g.attrs, w.attrs) {
		return fmt.Sprintf("%s: attributes %v, want %v", path, g.attrs, w.attrs)
	}
	if len(w.kids) == 0 && len(g.kids) == 0 {
		if g.text != w.text {
			return fmt.Sprintf("%s: text %q, want %q", path, g.text, w.text)
		}
		return ""
	}
	if len(g.kids) != len(w.kids) {
		return fmt.Sprintf("%s: %d children, want %d", path, len(g.kids), len(w.kids))
	}
	gk, wk := protocolXMLEntriesSorted(g.kids), protocolXMLEntriesSorted(w.kids)
	for i := range wk {
		if d := protocolXMLNodeDiff(gk[i], wk[i], path+"/"+wk[i].name); d != "" {
			return d
		}
	}
	return ""
}

// protocolXMLEntriesSorted orders children for comparison. Elements of
// different names may come in any order (the suites' documents do not
// always follow the model's member order; the SDK's tests sort them too);
// elements of one name keep theirs (list items), except map entries,
// which are put in key order: Go maps have none, so neither do the
// entries a client writes. Map entries are two or more elements of one
// name, each with exactly two children named alike across them (key and
// value), with distinct keys; a list of two-member structures with
// distinct first members looks the same, and is compared without order
// too.
func protocolXMLEntriesSorted(kids []*protocolXMLNode) []*protocolXMLNode {
	out := slices.Clone(kids)
	slices.SortStableFunc(out, func(a, b *protocolXMLNode) int { return strings.Compare(a.name, b.name) })
	for i := 0; i < len(out); {
		j := i + 1
		for j < len(out) && out[j].name == out[i].name {
			j++
		}
		if run := out[i:j]; len(run) > 1 && protocolXMLIsEntries(run) {
			slices.SortStableFunc(run, func(a, b *protocolXMLNode) int { return strings.Compare(a.kids[0].text, b.kids[0].text) })
		}
		i = j
	}
	return out
}

func protocolXMLIsEntries(run []*protocolXMLNode) bool {
	keys := map[string]bool{}
	for _, n := range run {
		if len(n.kids) != 2 || n.kids[0].name != run[0].kids[0].name || n.kids[1].name != run[0].kids[1].name ||
			len(n.kids[0].kids) > 0 || keys[n.kids[0].text] {
			return false
		}
		keys[n.kids[0].text] = true
	}
	return true
}

// checkProtocolQuery checks a query string's parameters, compared
// percent-decoded: the pairs it must have, in any order among others, and
// the keys it must and must not have.
func checkProtocolQuery(t *testing.T, rawQuery string, c protocolRequestCase) {
	t.Helper()
	type pair struct{ k, v string }
	split := func(s string) pair {
		k, v, _ := strings.Cut(s, "=")
		k, err1 := url.QueryUnescape(k)
		v, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			t.Errorf("query parameter %q does not decode", s)
		}
		return pair{k, v}
	}
	var got []pair
	if rawQuery != "" {
		for _, s := range strings.Split(rawQuery, "&") {
			got = append(got, split(s))
		}
	}
	has := func(key string) bool {
		for _, p := range got {
			if p.k == key {
				return true
			}
		}
		return false
	}
	for _, s := range c.queryParams {
		want := split(s)
		found := false
		for _, p := range got {
			found = found || p == want
		}
		if !found {
			t.Errorf("query %q lacks %s", rawQuery, s)
		}
	}
	for _, k := range c.forbidQueryParams {
		if has(k) {
			t.Errorf("query %q has %s, and must not", rawQuery, k)
		}
	}
	for _, k := range c.requireQueryParams {
		if !has(k) {
			t.Errorf("query %q lacks %s", rawQuery, k)
		}
	}
}

func readProtocolBody(req *http.Request) ([]byte, error) {
	if req.Body == nil {
		return nil, nil
	}
	body, err := io.ReadAll(req.Body)
	if err != nil {
		return nil, err
	}
	if strings.Contains(req.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		return io.ReadAll(zr)
	}
	return body, nil
}

func formPairs(v url.Values) string {
	var pairs []string
	for k, vs := range v {
		for _, x := range vs {
			pairs = append(pairs, k+"="+x)
		}
	}
	sort.Strings(pairs)
	return strings.Join(pairs, "&")
}

// protocolEqual compares decoded values; unlike reflect.DeepEqual it holds
// NaN equal to NaN and compares times as instants.
func protocolEqual(a, b any) bool {
	return protocolEqualValue(reflect.ValueOf(a), reflect.ValueOf(b))
}

var (
	protocolTimeType   = reflect.TypeOf(time.Time{})
	protocolReaderType = reflect.TypeOf((*io.Reader)(nil)).Elem()
)

// protocolRead reads what remains of a stream held in an interface value.
func protocolRead(v reflect.Value) []byte {
	if v.IsNil() {
		return nil
	}
	b, err := io.ReadAll(v.Interface().(io.Reader))
	if err != nil {
		return []byte("read error: " + err.Error())
	}
	return b
}

func protocolEqualValue(a, b reflect.Value) bool {
	if !a.IsValid() || !b.IsValid() {
		return a.IsValid() == b.IsValid()
	}
	if a.Type() != b.Type() {
		return false
	}
	if a.Type() == protocolTimeType {
		return a.Interface().(time.Time).Equal(b.Interface().(time.Time))
	}
	if a.Kind() == reflect.Interface && a.Type().Implements(protocolReaderType) {
		// Streams are equal when they read the same; nil reads nothing.
		return bytes.Equal(protocolRead(a), protocolRead(b))
	}
	switch a.Kind() {
	case reflect.Float32, reflect.Float64:
		x, y := a.Float(), b.Float()
		return x == y || math.IsNaN(x) && math.IsNaN(y)
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return protocolEqualValue(a.Elem(), b.Elem())
	case reflect.Slice:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		for i := 0; i < a.Len(); i++ {
			if !protocolEqualValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			if !protocolEqualValue(a.MapIndex(k), b.MapIndex(k)) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if !protocolEqualValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	}
	return a.Interface() == b.Interface()
}

// protocolShow prints a value with pointers followed, for failure messages.
func protocolShow(v any) string {
	var b strings.Builder
	protocolShowValue(&b, reflect.ValueOf(v))
	return b.String()
}

func protocolShowValue(b *strings.Builder, v reflect.Value) {
	switch {
	case !v.IsValid():
		b.WriteString("<nil>")
		return
	case v.Type() == protocolTimeType:
		b.WriteString(v.Interface().(time.Time).UTC().Format(time.RFC3339Nano))
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		if v.Kind() == reflect.Pointer {
			b.WriteByte('&')
		}
		protocolShowValue(b, v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			fmt.Fprintf(b, "%q", v.Bytes())
			return
		}
		b.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			protocolShowValue(b, v.Index(i))
		}
		b.WriteByte(']')
	case reflect.Map:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		b.WriteString("map[")
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(b, "%q: ", k.String())
			protocolShowValue(b, v.MapIndex(k))
		}
		b.WriteByte(']')
	case reflect.Struct:
		b.WriteString(v.Type().Name() + "{")
		first := true
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).IsZero() {
				continue
			}
			if !first {
				b.WriteString(", ")
			}
			first = false
			b.WriteString(v.Type().Field(i).Name + ": ")
			protocolShowValue(b, v.Field(i))
		}
		b.WriteByte('}')
	case reflect.String:
		fmt.Fprintf(b, "%q", v.String())
	default:
		fmt.Fprintf(b, "%v", v.Interface())
	}
}
