package templates

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The Smithy AWS protocol compliance cases (../shared/protocol-tests/aws)
// are the independent source of the wire strings the runtime helpers
// must produce and read. These helpers load a case by id.

// restSuiteCase is one httpRequestTests or httpResponseTests case.
type restSuiteCase struct {
	ID           string            `json:"id"`
	Protocol     string            `json:"protocol"`
	Method       string            `json:"method"`
	URI          string            `json:"uri"`
	QueryParams  []string          `json:"queryParams"`
	Headers      map[string]string `json:"headers"`
	Body         *string           `json:"body"`
	Code         int               `json:"code"`
	Params       map[string]any    `json:"params"`
	VendorParams map[string]any    `json:"vendorParams"`
	AppliesTo    string            `json:"appliesTo"`
}

var restSuite struct {
	once     sync.Once
	requests map[string]restSuiteCase
	response map[string]restSuiteCase
	err      error
}

// restSuitePath is the compliance suite's JSON AST, from templates/.
var restSuitePath = filepath.Join("..", "..", "shared", "protocol-tests", "aws", "smithy-aws-protocol-tests.pira.json")

func restLoadSuite() {
	raw, err := os.ReadFile(restSuitePath)
	if err != nil {
		restSuite.err = err
		return
	}
	var ast struct {
		Shapes map[string]struct {
			Traits map[string]json.RawMessage `json:"traits"`
		} `json:"shapes"`
	}
	if err := json.Unmarshal(raw, &ast); err != nil {
		restSuite.err = err
		return
	}
	restSuite.requests = map[string]restSuiteCase{}
	restSuite.response = map[string]restSuiteCase{}
	for _, shape := range ast.Shapes {
		for trait, into := range map[string]map[string]restSuiteCase{
			"smithy.test#httpRequestTests":  restSuite.requests,
			"smithy.test#httpResponseTests": restSuite.response,
		} {
			t, ok := shape.Traits[trait]
			if !ok {
				continue
			}
			dec := json.NewDecoder(bytes.NewReader(t))
			dec.UseNumber() // params keep their numbers exact
			var cases []restSuiteCase
			if err := dec.Decode(&cases); err != nil {
				restSuite.err = err
				return
			}
			for _, c := range cases {
				// A few ids name both a client and a server case; keep the client's.
				if prev, dup := into[c.ID]; !dup || prev.AppliesTo == "server" {
					into[c.ID] = c
				}
			}
		}
	}
}

// restCase returns a compliance case; kind is "request" or "response". The
// test is skipped, saying why, when the shared suite is not present.
func restCase(t testing.TB, kind, id string) restSuiteCase {
	t.Helper()
	restSuite.once.Do(restLoadSuite)
	if errors.Is(restSuite.err, os.ErrNotExist) {
		t.Skip("compliance suite " + restSuitePath + " not present (fresh clone); it is checked where ../shared exists")
	}
	if restSuite.err != nil {
		t.Fatalf("reading %s: %v", restSuitePath, restSuite.err)
	}
	m := restSuite.requests
	if kind == "response" {
		m = restSuite.response
	}
	c, ok := m[id]
	if !ok {
		t.Fatalf("no %s case %s in %s", kind, id, restSuitePath)
	}
	return c
}

// restParamTime reads a timestamp param: epoch seconds as a number.
func restParamTime(t testing.TB, v any) time.Time {
	t.Helper()
	n, ok := v.(json.Number)
	if !ok {
		t.Fatalf("timestamp param %v (%T) is not a number", v, v)
	}
	f, err := n.Float64()
	if err != nil {
		t.Fatal(err)
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(math.Round(frac*1e3))*1e6).UTC()
}

// restParamFloat reads a float param: a number or "NaN", "Infinity", "-Infinity".
func restParamFloat(t testing.TB, v any) float64 {
	t.Helper()
	switch v := v.(type) {
	case json.Number:
		f, err := v.Float64()
		if err != nil {
			t.Fatal(err)
		}
		return f
	case string:
		switch v {
		case "NaN":
			return math.NaN()
		case "Infinity":
			return math.Inf(1)
		case "-Infinity":
			return math.Inf(-1)
		}
	}
	t.Fatalf("float param %v (%T)", v, v)
	return 0
}

// restParamInt reads an integer param.
func restParamInt(t testing.TB, v any) int64 {
	t.Helper()
	n, ok := v.(json.Number)
	if !ok {
		t.Fatalf("integer param %v (%T)", v, v)
	}
	i, err := n.Int64()
	if err != nil {
		t.Fatal(err)
	}
	return i
}

// jsonSameValue compares two JSON texts as values (numbers by their
// decimal value), the way the Smithy suites compare JSON bodies.
func jsonSameValue(t testing.TB, got, want []byte) {
	t.Helper()
	g, err1 := jsonStdDecode(got)
	w, err2 := jsonStdDecode(want)
	if err1 != nil || err2 != nil {
		t.Fatalf("bodies do not parse: got %q (%v), want %q (%v)", got, err1, want, err2)
	}
	if !jsonStdEqual(g, w) {
		t.Errorf("body\n got %s\nwant %s", got, want)
	}
}

func jsonStdDecode(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("data after the value")
	}
	return v, nil
}

// jsonStdEqual compares decoded JSON values; numbers compare by value.
func jsonStdEqual(a, b any) bool {
	switch a := a.(type) {
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, v := range a {
			w, ok := b[k]
			if !ok || !jsonStdEqual(v, w) {
				return false
			}
		}
		return true
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !jsonStdEqual(a[i], b[i]) {
				return false
			}
		}
		return true
	case json.Number:
		b, ok := b.(json.Number)
		if !ok {
			return false
		}
		if a == b {
			return true
		}
		x, err1 := a.Float64()
		y, err2 := b.Float64()
		return err1 == nil && err2 == nil && x == y
	default:
		return a == b
	}
}

// restQuerySet splits a query string into its pairs, as written.
func restQuerySet(q string) []string {
	if q == "" {
		return nil
	}
	return strings.Split(q, "&")
}
