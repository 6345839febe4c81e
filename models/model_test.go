package models

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const docTrait = "smithy.api#documentation"

// field and object keep JSON key order, which Go maps lose; member, enum
// value and trait order are facts of the model.
type field struct {
	Key   string
	Value any
}

type object []field

func (o object) get(key string) (any, bool) {
	for _, f := range o {
		if f.Key == key {
			return f.Value, true
		}
	}
	return nil, false
}

func (o object) obj(key string) object {
	v, _ := o.get(key)
	m, _ := v.(object)
	return m
}

func (o object) str(key string) string {
	v, _ := o.get(key)
	s, _ := v.(string)
	return s
}

// decodeOrdered decodes JSON into object, []any, string, json.Number, bool
// or nil. Duplicate keys are an error: the model would be ambiguous.
func decodeOrdered(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("trailing data after JSON value (%v)", err)
	}
	return v, nil
}

func decodeValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		o := object{}
		seen := map[string]bool{}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return nil, err
			}
			k := kt.(string) // the decoder guarantees object keys are strings
			if seen[k] {
				return nil, fmt.Errorf("duplicate key %q", k)
			}
			seen[k] = true
			v, err := decodeValue(dec)
			if err != nil {
				return nil, err
			}
			o = append(o, field{k, v})
		}
		_, err := dec.Token() // '}'
		return o, err
	case json.Delim('['):
		a := []any{}
		for dec.More() {
			v, err := decodeValue(dec)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
		_, err := dec.Token() // ']'
		return a, err
	}
	return tok, nil
}

func loadOrdered(t *testing.T, name string, data []byte) object {
	t.Helper()
	v, err := decodeOrdered(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	o, ok := v.(object)
	if !ok {
		t.Fatalf("%s: top level is %T, want a JSON object", name, v)
	}
	return o
}

// stripDocsAndRules removes documentation and endpoint-rule traits from every
// shape and member; a traits object left empty is dropped, as "no traits"
// and "{}" mean the same.
func stripDocsAndRules(ast object) object {
	out := object{}
	for _, f := range ast {
		if shapes, ok := f.Value.(object); ok && f.Key == "shapes" {
			ns := object{}
			for _, s := range shapes {
				if shape, ok := s.Value.(object); ok {
					ns = append(ns, field{s.Key, stripShape(shape)})
				} else {
					ns = append(ns, s)
				}
			}
			f = field{f.Key, ns}
		}
		out = append(out, f)
	}
	return out
}

func stripShape(shape object) object {
	out := object{}
	for _, f := range shape {
		switch f.Key {
		case "traits":
			traits, ok := f.Value.(object)
			if !ok {
				break
			}
			traits = stripTraits(traits)
			if len(traits) == 0 {
				continue
			}
			f.Value = traits
		case "member", "key", "value":
			if m, ok := f.Value.(object); ok {
				f.Value = stripShape(m)
			}
		case "members":
			if ms, ok := f.Value.(object); ok {
				nm := object{}
				for _, m := range ms {
					if mo, ok := m.Value.(object); ok {
						m.Value = stripShape(mo)
					}
					nm = append(nm, m)
				}
				f.Value = nm
			}
		}
		out = append(out, f)
	}
	return out
}

func stripTraits(traits object) object {
	out := object{}
	for _, f := range traits {
		if f.Key == docTrait || strings.HasPrefix(f.Key, "smithy.rules#") {
			continue
		}
		out = append(out, f)
	}
	return out
}

// sharedModel reads AWS's model from ../shared next to the module root, or
// skips the test when that checkout is not present.
func sharedModel(t *testing.T) []byte {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
	path := filepath.Join(dir, "..", "shared", "models", "ec2", "ec2-interruptible-capacity-reservation.2026-07.json")
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("shared model %s is missing; cannot compare against AWS's model", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestMatchesSharedModel(t *testing.T) {
	theirs := stripDocsAndRules(loadOrdered(t, "shared model", sharedModel(t)))
	ours := stripDocsAndRules(loadOrdered(t, DefaultName, EC2InterruptibleCapacityReservation))
	if diff := cmp.Diff(theirs, ours); diff != "" {
		t.Errorf("model facts differ from the shared model (-shared +ours):\n%s", diff)
	}
}

// requiredDocs lists where our model must carry documentation: the service,
// its operations, every input/output member, and every structure (with its
// members) and enum those reach.
func requiredDocs(t *testing.T, shapes object) map[string]string {
	t.Helper()
	docs := map[string]string{}
	need := func(where string, traits object) {
		docs[where] = traits.str(docTrait)
	}
	visited := map[string]bool{}
	var visit func(id string)
	visit = func(id string) {
		if visited[id] {
			return
		}
		visited[id] = true
		shape := shapes.obj(id)
		if shape == nil {
			if !strings.HasPrefix(id, "smithy.api#") {
				t.Errorf("target %s is not defined", id)
			}
			return
		}
		switch shape.str("type") {
		case "structure":
			need(id, shape.obj("traits"))
			for _, m := range shape.obj("members") {
				mo := m.Value.(object)
				need(id+"$"+m.Key, mo.obj("traits"))
				visit(mo.str("target"))
			}
		case "enum":
			need(id, shape.obj("traits"))
		case "list":
			visit(shape.obj("member").str("target"))
		}
	}
	for _, s := range shapes {
		shape := s.Value.(object)
		if shape.str("type") != "service" {
			continue
		}
		need(s.Key, shape.obj("traits"))
		ops, _ := shape.get("operations")
		opList, _ := ops.([]any)
		for _, op := range opList {
			opID := op.(object).str("target")
			opShape := shapes.obj(opID)
			need(opID, opShape.obj("traits"))
			for _, dir := range []string{"input", "output"} {
				id := opShape.obj(dir).str("target")
				visited[id] = true // the structures themselves need no doc
				for _, m := range shapes.obj(id).obj("members") {
					mo := m.Value.(object)
					need(id+"$"+m.Key, mo.obj("traits"))
					visit(mo.str("target"))
				}
			}
		}
	}
	return docs
}

func TestDocsPresent(t *testing.T) {
	ast := loadOrdered(t, DefaultName, EC2InterruptibleCapacityReservation)
	docs := requiredDocs(t, ast.obj("shapes"))
	// Guard against the walk silently finding nothing.
	for _, where := range []string{
		"com.amazonaws.ec2#AmazonEC2",
		"com.amazonaws.ec2#CreateInterruptibleCapacityReservationAllocation",
		"com.amazonaws.ec2#UpdateInterruptibleCapacityReservationAllocation",
		"com.amazonaws.ec2#CreateInterruptibleCapacityReservationAllocationRequest$ClientToken",
		"com.amazonaws.ec2#UpdateInterruptibleCapacityReservationAllocationResult$InterruptionType",
		"com.amazonaws.ec2#Tag",
		"com.amazonaws.ec2#Tag$Value",
		"com.amazonaws.ec2#TagSpecification",
		"com.amazonaws.ec2#TagSpecification$Tags",
		"com.amazonaws.ec2#ResourceType",
		"com.amazonaws.ec2#InterruptionType",
		"com.amazonaws.ec2#InterruptibleCapacityReservationAllocationStatus",
	} {
		if _, ok := docs[where]; !ok {
			t.Errorf("%s was not among the places checked for documentation", where)
		}
	}
	if len(docs) != 30 {
		t.Errorf("checked %d places for documentation, want 30", len(docs))
	}
	for where, doc := range docs {
		if strings.TrimSpace(doc) == "" {
			t.Errorf("%s has no documentation", where)
		}
	}
}

var allowedTags = map[string]bool{"p": true, "ul": true, "li": true, "code": true, "a": true, "i": true, "b": true}

// TestDocsWellFormed keeps our docs to the small HTML subset the generator
// converts, and checks they use paragraphs, lists, code spans and links.
func TestDocsWellFormed(t *testing.T) {
	ast := loadOrdered(t, DefaultName, EC2InterruptibleCapacityReservation)
	used := map[string]bool{}
	for where, doc := range allDocs(ast) {
		dec := xml.NewDecoder(strings.NewReader("<doc>" + doc + "</doc>"))
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("%s: documentation is not well-formed: %v", where, err)
				break
			}
			start, ok := tok.(xml.StartElement)
			if !ok || start.Name.Local == "doc" {
				continue
			}
			used[start.Name.Local] = true
			if !allowedTags[start.Name.Local] {
				t.Errorf("%s: unexpected element <%s>", where, start.Name.Local)
			}
			if start.Name.Local == "a" {
				href := ""
				for _, a := range start.Attr {
					if a.Name.Local == "href" {
						href = a.Value
					}
				}
				if !strings.HasPrefix(href, "https://") {
					t.Errorf("%s: link %q is not an https URL", where, href)
				}
			}
		}
	}
	for _, tag := range []string{"p", "ul", "li", "code", "a"} {
		if !used[tag] {
			t.Errorf("no documentation uses <%s>", tag)
		}
	}
}

// allDocs maps "shape" or "shape$member" to each documentation trait.
func allDocs(ast object) map[string]string {
	docs := map[string]string{}
	for _, s := range ast.obj("shapes") {
		shape := s.Value.(object)
		if d := shape.obj("traits").str(docTrait); d != "" {
			docs[s.Key] = d
		}
		members := shape.obj("members")
		for _, k := range []string{"member", "key", "value"} {
			if m := shape.obj(k); m != nil {
				members = append(members, field{k, m})
			}
		}
		for _, m := range members {
			if d := m.Value.(object).obj("traits").str(docTrait); d != "" {
				docs[s.Key+"$"+m.Key] = d
			}
		}
	}
	return docs
}

var (
	tagRE        = regexp.MustCompile(`<[^>]*>`)
	spaceRE      = regexp.MustCompile(`\s+`)
	sentenceEnds = regexp.MustCompile(`[.!?:;]\s`)
)

// plain reduces HTML docs to lower-case words so that markup and layout
// changes don't hide copied text.
func plain(doc string) string {
	s := html.UnescapeString(tagRE.ReplaceAllString(doc, " "))
	return strings.TrimSpace(spaceRE.ReplaceAllString(strings.ToLower(s), " "))
}

func TestDocsAreOurOwn(t *testing.T) {
	theirs := allDocs(loadOrdered(t, "shared model", sharedModel(t)))
	ours := allDocs(loadOrdered(t, DefaultName, EC2InterruptibleCapacityReservation))
	var sentences []string
	whole := map[string]string{}
	for where, doc := range theirs {
		p := plain(doc)
		whole[p] = where
		for _, s := range sentenceEnds.Split(p+" ", -1) {
			s = strings.TrimRight(strings.TrimSpace(s), ".!?:;")
			if len(strings.Fields(s)) >= 6 {
				sentences = append(sentences, s)
			}
		}
	}
	if len(sentences) == 0 {
		t.Fatal("found no sentences in the shared model's documentation")
	}
	for where, doc := range ours {
		p := plain(doc)
		if src, ok := whole[p]; ok {
			t.Errorf("%s: documentation is AWS's text for %s", where, src)
			continue
		}
		for _, s := range sentences {
			if strings.Contains(p, s) {
				t.Errorf("%s: documentation contains AWS's sentence %q", where, s)
			}
		}
	}
}

func TestEmbeddedModel(t *testing.T) {
	file, err := os.ReadFile(DefaultName)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(EC2InterruptibleCapacityReservation, file) {
		t.Fatalf("embedded model differs from %s", DefaultName)
	}
	if !json.Valid(file) {
		t.Fatalf("%s is not valid JSON", DefaultName)
	}
	ast := loadOrdered(t, DefaultName, file)
	if v := ast.str("smithy"); v != "2.0" {
		t.Errorf("smithy version = %q, want \"2.0\"", v)
	}
	// Layout is part of the contract: 4-space indent, one trailing newline.
	var compact, indented bytes.Buffer
	if err := json.Compact(&compact, file); err != nil {
		t.Fatal(err)
	}
	if err := json.Indent(&indented, compact.Bytes(), "", "    "); err != nil {
		t.Fatal(err)
	}
	indented.WriteByte('\n')
	if !bytes.Equal(indented.Bytes(), file) {
		t.Errorf("%s is not indented with 4 spaces; reformat it", DefaultName)
	}
}

func TestDecodeOrderedRejectsBadInput(t *testing.T) {
	for _, in := range []string{`{"a":1,"a":2}`, `{"a":1} {}`, `{"a":`, `[1,}`} {
		if _, err := decodeOrdered([]byte(in)); err == nil {
			t.Errorf("decodeOrdered(%q) succeeded, want an error", in)
		}
	}
}

// rulesTraits returns the service's smithy.rules# traits.
func rulesTraits(ast object) object {
	out := object{}
	for _, s := range ast.obj("shapes") {
		shape, _ := s.Value.(object)
		if shape.str("type") != "service" {
			continue
		}
		for _, f := range shape.obj("traits") {
			if strings.HasPrefix(f.Key, "smithy.rules#") {
				out = append(out, f)
			}
		}
	}
	return out
}

// The endpoint rules are AWS's, value for value: the BDD of the 2026 model.
func TestEndpointRulesMatchSharedModel(t *testing.T) {
	for _, m := range []struct {
		name         string
		ours, shared func(*testing.T) []byte
	}{
		{DefaultName, func(*testing.T) []byte { return EC2InterruptibleCapacityReservation }, sharedModel},
		{name0926, ourModel0926, sharedModel0926},
	} {
		theirs := rulesTraits(loadOrdered(t, "shared model", m.shared(t)))
		ours := rulesTraits(loadOrdered(t, m.name, m.ours(t)))
		if len(ours) != 1 || ours[0].Key != "smithy.rules#endpointBdd" {
			t.Errorf("%s: rules traits %v, want exactly smithy.rules#endpointBdd", m.name, ours)
		}
		if diff := cmp.Diff(theirs, ours); diff != "" {
			t.Errorf("%s: endpoint rules differ from the shared model's (-shared +ours):\n%s", m.name, diff)
		}
	}
}
