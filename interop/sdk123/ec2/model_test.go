package ec2

// Random response documents written from the model itself, so that neither
// this package nor the SDK decides what EC2 sends.

import (
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// modelFile is the model the package was generated from, in the shared
// data beside the checkout.
var modelFile = filepath.Join("..", "..", "..", "..", "shared", "models", "ec2-full", "ec2-2016-11-15.2021-11-18.json")

// shape is the part of a Smithy 1.0 JSON AST shape the writer needs.
type shape struct {
	Type    string                     `json:"type"`
	Members map[string]member          `json:"members"`
	Member  *member                    `json:"member"`
	Traits  map[string]json.RawMessage `json:"traits"`
	Output  *struct {
		Target string `json:"target"`
	} `json:"output"`

	names []string // member names, sorted
	enum  []string // values of an enum trait
	pick  *rapid.Generator[string]
}

type member struct {
	Target string                     `json:"target"`
	Traits map[string]json.RawMessage `json:"traits"`

	xmlName string
}

type model map[string]*shape

var loadModel = sync.OnceValues(func() (model, error) {
	data, err := os.ReadFile(modelFile)
	if err != nil {
		return nil, err
	}
	var m struct {
		Shapes model `json:"shapes"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %v", modelFile, err)
	}
	for _, s := range m.Shapes {
		for name, mem := range s.Members {
			mem.xmlName = xmlName(mem, name)
			s.Members[name] = mem
			s.names = append(s.names, name)
		}
		slices.Sort(s.names)
		if s.Member != nil {
			s.Member.xmlName = xmlName(*s.Member, "member")
		}
		if raw, ok := s.Traits["smithy.api#enum"]; ok {
			var defs []struct{ Value string }
			if err := json.Unmarshal(raw, &defs); err != nil {
				return nil, err
			}
			for _, d := range defs {
				s.enum = append(s.enum, d.Value)
			}
			s.pick = spread(s.enum)
		}
	}
	return m.Shapes, nil
})

// xmlName is a member's element name: its xmlName trait, or its name.
func xmlName(m member, name string) string {
	if raw, ok := m.Traits["smithy.api#xmlName"]; ok {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
	}
	return name
}

// needModel loads the model or skips when the shared data is missing.
func needModel(t *testing.T) model {
	t.Helper()
	m, err := loadModel()
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s is missing (a clone without ../shared): the response documents are written from it", modelFile)
	}
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// docStats counts what the documents held.
type docStats struct {
	emptyElements, unknownElements, emptyLists, unknownEnums int
	enums                                                    map[*shape]map[string]bool // known values written
	enumDraws                                                map[*shape]int             // known values drawn
}

func (st *docStats) sawEnum(s *shape, v string) {
	st.sawEnumTimes(s, v, 1)
}

func (st *docStats) sawEnumTimes(s *shape, v string, draws int) {
	if st.enums == nil {
		st.enums, st.enumDraws = map[*shape]map[string]bool{}, map[*shape]int{}
	}
	if st.enums[s] == nil {
		st.enums[s] = map[string]bool{}
	}
	st.enums[s][v] = true
	st.enumDraws[s] += draws
}

// add sums o into st.
func (st *docStats) add(o docStats) {
	st.emptyElements += o.emptyElements
	st.emptyLists += o.emptyLists
	st.unknownElements += o.unknownElements
	st.unknownEnums += o.unknownEnums
	for s, vs := range o.enums {
		draws := o.enumDraws[s]
		for v := range vs {
			st.sawEnumTimes(s, v, draws)
			draws = 0
		}
	}
}

// missedEnums counts the values that no document used, of the enums
// drawn often enough that a value left out by chance is less likely
// than one in a million: n values drawn d times uniformly miss one with
// probability at most n(1-1/n)^d. held counts those enums' values;
// short, the enums drawn too few times to be held to it (EC2's
// InstanceType, 438 values, is drawn a few thousand times and misses
// one in about twelve runs).
func (st *docStats) missedEnums() (missed, held, short int) {
	for s, seen := range st.enums {
		n := float64(len(s.enum))
		if n*math.Pow(1-1/n, float64(st.enumDraws[s])) > 1e-6 {
			short++
			continue
		}
		for _, v := range s.enum {
			held++
			if !seen[v] {
				missed++
			}
		}
	}
	return missed, held, short
}

var (
	floatText  = rapid.SampledFrom([]byte("gfe"))
	floatNames = rapid.SampledFrom([]string{"NaN", "Infinity", "-Infinity"})
	timeFormat = rapid.SampledFrom([]string{
		"2006-01-02T15:04:05Z", "2006-01-02T15:04:05.000Z", "2006-01-02T15:04:05.999999999Z",
		time.RFC3339, time.RFC3339Nano,
	})
	separators = rapid.SampledFrom([]string{"", "\n    ", " ", "\r\n\t"})
)

// writer draws a document for a shape of the model.
type writer struct {
	t  *rapid.T
	m  model
	st *docStats
}

// element writes <name>, the drawn value of the shape id, </name>. lists is
// how many lists the element is in.
func (w *writer) element(id, name string, lists int) string {
	s := w.m[id]
	if s == nil {
		w.t.Fatalf("%s: no such shape", id)
	}
	var inner string
	switch s.Type {
	case "structure":
		inner = w.structure(s, lists)
	case "list", "set":
		n := 0
		if listKind.Draw(w.t, name) > 0 {
			n = deepLength.Draw(w.t, name)
			if lists == 0 {
				n = topLength.Draw(w.t, name)
			}
		}
		if n == 0 {
			w.st.emptyLists++
		}
		items := make([]string, n)
		for i := range items {
			items[i] = w.element(s.Member.Target, s.Member.xmlName, lists+1)
		}
		inner = strings.Join(items, separators.Draw(w.t, name))
	case "string":
		inner = w.text(s, name)
	case "boolean":
		inner = strconv.FormatBool(rapid.Bool().Draw(w.t, name))
	case "integer":
		inner = strconv.FormatInt(int64(rapid.Int32().Draw(w.t, name)), 10)
	case "long":
		inner = strconv.FormatInt(rapid.Int64().Draw(w.t, name), 10)
	case "float", "double":
		f, bits := 0.0, 64
		if s.Type == "float" {
			f, bits = float64(anyFloat32.Draw(w.t, name)), 32
		} else {
			f = anyFloat64.Draw(w.t, name)
		}
		inner = strconv.FormatFloat(f, floatText.Draw(w.t, name), -1, bits)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			inner = floatNames.Draw(w.t, name) // as EC2 would spell them
		}
	case "timestamp":
		tm, layout := drawTime(w.t), timeFormat.Draw(w.t, name)
		if strings.HasSuffix(layout, "Z") {
			tm = tm.UTC() // the layout's Z is a letter, not a zone
		}
		inner = tm.Format(layout)
	case "blob":
		inner = base64.StdEncoding.EncodeToString(blob.Draw(w.t, name))
	default:
		w.t.Fatalf("%s: no writer for %s shapes", id, s.Type)
	}
	if inner == "" {
		w.st.emptyElements++
		if rapid.Bool().Draw(w.t, name) {
			return "<" + name + "/>"
		}
	}
	return "<" + name + ">" + inner + "</" + name + ">"
}

// text draws a string member: enums take known values, unknown ones or "".
func (w *writer) text(s *shape, name string) string {
	if s.enum == nil {
		return escapeXML(responseString.Draw(w.t, name))
	}
	switch enumKind.Draw(w.t, name) {
	case 0:
		return ""
	case 1, 2:
		v := responseString.Draw(w.t, name)
		if !slices.Contains(s.enum, v) {
			w.st.unknownEnums++
		}
		return escapeXML(v)
	}
	v := s.pick.Draw(w.t, name)
	w.st.sawEnum(s, v)
	return escapeXML(v)
}

// structure draws a structure's members, each absent one time in eight,
// with unknown elements among them, in any order.
func (w *writer) structure(s *shape, lists int) string {
	var elems []string
	for _, name := range s.names {
		if rapid.Bool().Draw(w.t, name) && rapid.Bool().Draw(w.t, name) && rapid.Bool().Draw(w.t, name) {
			continue
		}
		m := s.Members[name]
		elems = append(elems, w.element(m.Target, m.xmlName, lists))
	}
	for i := range rapid.IntRange(0, 2).Draw(w.t, "unknown elements") {
		w.st.unknownElements++
		elems = append(elems, fmt.Sprintf(`<unmodeledMember%d kind="x"><item><key>k</key><value/></item><!-- c --></unmodeledMember%d>`, i, i))
	}
	elems = rapid.Permutation(elems).Draw(w.t, "element order")
	return strings.Join(elems, separators.Draw(w.t, "separator"))
}

// document draws a whole response to op: the output's members and a
// request ID in the root element <op>Response.
func (w *writer) document(op string, requestID *string) []byte {
	root := op + "Response"
	var inner string
	if out := w.m["com.amazonaws.ec2#"+op].Output; out != nil {
		inner = w.structure(w.m[out.Target], 0)
	}
	if requestID != nil {
		id := "<requestId>" + escapeXML(*requestID) + "</requestId>"
		if rapid.Bool().Draw(w.t, "request ID first") {
			inner = id + inner
		} else {
			inner += id
		}
	}
	var b strings.Builder
	if rapid.Bool().Draw(w.t, "XML declaration") {
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	}
	b.WriteString("<" + root + ` xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">` + inner + "</" + root + ">")
	return []byte(b.String())
}

// escapeXML escapes s as element text with encoding/xml.
func escapeXML(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails
	return b.String()
}
