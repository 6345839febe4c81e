package templates

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestNewAWSJSONRequest(t *testing.T) {
	body := []byte(`{"TableName":"t"}`)
	type input struct{ table string }
	serialize := func(b []byte, v *input) ([]byte, error) { return append(b, `{"TableName":"`+v.table+`"}`...), nil }
	for _, c := range []struct {
		flags    int
		encoding string
		mode     string
	}{{0, "", ""}, {awsJSONGzip, "gzip", ""}, {awsJSONQueryMode, "", "true"}, {awsJSONGzip | awsJSONQueryMode, "gzip", "true"}} {
		req, err := newAWSJSONRequest(context.Background(), "https://dynamodb.us-east-1.amazonaws.com", "", "DynamoDB_20120810.PutItem", awsJSON10, &input{"t"}, serialize, c.flags)
		if err != nil {
			t.Fatal(err)
		}
		want := http.Header{"Content-Type": {awsJSON10}, "X-Amz-Target": {"DynamoDB_20120810.PutItem"}}
		if c.encoding != "" {
			want["Content-Encoding"] = []string{c.encoding}
		}
		if c.mode != "" {
			want["X-Amzn-Query-Mode"] = []string{c.mode}
		}
		if len(req.Header) != len(want) {
			t.Errorf("flags %d: headers %v, want %v", c.flags, req.Header, want)
		}
		for k, v := range want {
			if got := req.Header.Values(k); len(got) != 1 || got[0] != v[0] {
				t.Errorf("flags %d: %s %q, want %q", c.flags, k, got, v)
			}
		}
		// Setting a header must not change another request's.
		req.Header.Set("X-Amz-Target", "changed")
		req.Header.Add("Content-Type", "more")
		var r io.Reader = req.Body
		if c.encoding == "gzip" {
			if r, err = gzip.NewReader(req.Body); err != nil {
				t.Fatal(err)
			}
		}
		if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, body) {
			t.Errorf("flags %d: body %q, %v", c.flags, got, err)
		}
		if req.URL.String() != "https://dynamodb.us-east-1.amazonaws.com/" || req.Method != http.MethodPost {
			t.Errorf("%s %s", req.Method, req.URL)
		}
	}
}

func TestAWSJSONError(t *testing.T) {
	for _, c := range []struct {
		name            string
		header          http.Header
		body            string
		queryCompatible bool
		typ, code, msg  string
		fault           ErrorFault
	}{
		{"body", nil, `{"__type": "aws.example#Throttled", "message": "slow"}`, false, "Throttled", "Throttled", "slow", FaultUnknown},
		{"header first", http.Header{"X-Amzn-Errortype": {"Gone:http://internal/"}}, `{"code": "Other"}`, false, "Gone", "Gone", "", FaultUnknown},
		{"empty", nil, ``, false, "", "UnknownError", "", FaultUnknown},
		{"query code", http.Header{"X-Amzn-Query-Error": {"AWS.SimpleQueueService.NonExistentQueue;Sender"}}, `{"__type": "QueueDoesNotExist"}`, true,
			"QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", "", FaultClient},
		{"query code ignored", http.Header{"X-Amzn-Query-Error": {"Other;Receiver"}}, `{"__type": "QueueDoesNotExist"}`, false,
			"QueueDoesNotExist", "QueueDoesNotExist", "", FaultUnknown},
	} {
		h := c.header
		if h == nil {
			h = http.Header{}
		}
		h.Set("X-Amzn-Requestid", "r-1")
		typ, e := awsJSONError(&http.Response{StatusCode: 400, Header: h}, []byte(c.body), c.queryCompatible)
		if typ != c.typ || e.Code != c.code || e.Message != c.msg || e.Fault != c.fault || e.RequestID != "r-1" || e.StatusCode != 400 {
			t.Errorf("%s: %q %+v", c.name, typ, e)
		}
	}
}

func TestAWSJSONEndpoint(t *testing.T) {
	for _, c := range []struct{ named, want string }{
		{"https://realtime.machinelearning.us-east-1.amazonaws.com", "https://realtime.machinelearning.us-east-1.amazonaws.com"},
		{"not a URL", "https://default"},
		{"ftp://x", "https://default"},
		{"https://", "https://default"},
	} {
		if got := awsJSONEndpoint("https://default", &c.named); got != c.want {
			t.Errorf("%q: %q, want %q", c.named, got, c.want)
		}
	}
	if got := awsJSONEndpoint("https://default", nil); got != "https://default" {
		t.Errorf("nil: %q", got)
	}
}

// Strings share chunks: earlier ones must stay as they were as more are
// added, and a chunk must never be written twice.
func TestDecoderStrings(t *testing.T) {
	var parts []string
	for i := range 400 {
		parts = append(parts, `"`+strings.Repeat(string(rune('a'+i%26)), i%40)+`"`)
	}
	parts = append(parts, `"`+strings.Repeat("z", 1000)+`"`, `"es\"caped"`)
	body := "[" + strings.Join(parts, ",") + "]"
	d := jsonDecoder{data: []byte(body)}
	var got []string
	for d.item() {
		got = append(got, d.string())
	}
	if err := d.end(); err != nil {
		t.Fatal(err)
	}
	for i, p := range parts {
		want := strings.ReplaceAll(strings.Trim(p, `"`), `\"`, `"`)
		if got[i] != want {
			t.Fatalf("string %d: %q, want %q", i, got[i], want)
		}
	}
	d = jsonDecoder{data: []byte(`{"k\u00e9y": 1, "plain": 2}`)}
	var keys []string
	for d.member() {
		keys = append(keys, d.keyString())
		d.skip()
	}
	if strings.Join(keys, ",") != "kéy,plain" {
		t.Errorf("keys %q", keys)
	}
}

func TestJSONCount(t *testing.T) {
	for _, c := range []struct {
		body string
		want int
	}{
		{`{"a": 1, "b": {"c": [1, 2]}, "d": "x"}`, 3},
		{` [1, [2, 3], {"a": null}, "s"]`, 4},
		{`{}`, 0},
		{`[]`, 0},
		{`null`, 0},
		{`"str"`, 0},
		// Only a hint: malformed text is counted by its commas, and left
		// to the reading that follows to refuse.
		{`{"a": 1, "b": }`, 2},
		{`{"a": "x\\\"}", "b": "}", "c": [",", {}], "d": 1}`, 4},
		{`[,,,,,,,,,,,,,,,,]`, 9},
		{strings.Repeat("[", 20) + strings.Repeat("]", 20), 1},
	} {
		d := jsonDecoder{data: []byte(c.body)}
		if got := jsonCount(&d); got != c.want {
			t.Errorf("%s: %d, want %d", c.body, got, c.want)
		}
		// d is where it was: the value reads whole, errors included.
		want := jsonDecoder{data: []byte(c.body)}
		want.skip()
		d.skip()
		if (d.end() == nil) != (want.end() == nil) || d.pos != want.pos {
			t.Errorf("%s: after counting, skip ends at %d (%v), want %d (%v)", c.body, d.pos, d.end(), want.pos, want.end())
		}
	}
	// Deep down it gives up rather than scan again.
	d := jsonDecoder{data: []byte(strings.Repeat(`{"a":`, 12) + "1" + strings.Repeat("}", 12))}
	for range jsonCountDepth {
		d.member()
	}
	if n := jsonCount(&d); n != 0 {
		t.Errorf("at depth %d: %d, want 0", d.depth, n)
	}
}
