package jsonwire

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

// requestBody builds the PutThings request of in and returns its body.
func requestBody(t *testing.T, in *PutThingsInput) string {
	t.Helper()
	req, err := buildPutThingsRequest(context.Background(), in, "https://example.com")
	if err != nil {
		t.Fatal(err)
	}
	if got := req.Header.Get("X-Amz-Target"); got != "Depot.PutThings" {
		t.Errorf("X-Amz-Target %q", got)
	}
	if got := req.Header.Get("Content-Type"); got != "application/x-amz-json-1.0" {
		t.Errorf("Content-Type %q", got)
	}
	b, err := io.ReadAll(req.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// sameJSON compares two bodies as JSON values.
func sameJSON(t *testing.T, got, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal([]byte(got), &g); err != nil {
		t.Fatalf("body %s: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("body\n got %s\nwant %s", got, want)
	}
}

func response(status int, body string, header ...string) *http.Response {
	h := http.Header{}
	for i := 0; i+1 < len(header); i += 2 {
		h.Add(header[i], header[i+1])
	}
	return &http.Response{StatusCode: status, Header: h, Body: io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body))}
}

// A nil element of a dense list of unions is left out, as the AWS SDK
// does; in a sparse list it is a null.
func TestNilUnionElements(t *testing.T) {
	in := &PutThingsInput{
		Token:       new(string),
		Items:       []Thing{nil, &ThingMemberName{Value: "a"}, nil},
		SparseItems: []Thing{nil, &ThingMemberSize{Value: 2}},
		Labels:      map[string]*string{"gone": nil},
	}
	sameJSON(t, requestBody(t, in), `{"Token":"","Items":[{"Name":"a"}],"SparseItems":[null,{"Size":2}],"Labels":{"gone":null}}`)
}

// An unknown union member came from a newer service; it cannot be sent
// back, as its type is unknown: building the request fails.
func TestUnknownUnionMemberIsNotSent(t *testing.T) {
	in := &PutThingsInput{Items: []Thing{&UnknownUnionMember{Tag: "Color", Value: []byte(`"red"`)}}}
	_, err := buildPutThingsRequest(context.Background(), in, "https://example.com")
	var ue *jsonUnionError
	if !errors.As(err, &ue) || ue.Union != "Thing" {
		t.Fatalf("err = %v, want a *jsonUnionError for Thing", err)
	}
}

// A member this package does not know is kept with its value as sent.
func TestUnknownUnionMemberIsKept(t *testing.T) {
	var out PutThingsOutput
	body := `{"Count": 1, "Names": [], "Result": {"__type": "example#Thing", "Color": {"r": [1, 2.5]}}}`
	if err := decodePutThingsResponse(response(200, body), &out); err != nil {
		t.Fatal(err)
	}
	u, ok := out.Result.(*UnknownUnionMember)
	if !ok || u.Tag != "Color" || string(u.Value) != `{"r": [1, 2.5]}` {
		t.Errorf("Result = %#v", out.Result)
	}
}

// A document holding what JSON cannot carry fails the request.
func TestBadDocument(t *testing.T) {
	_, err := buildPutThingsRequest(context.Background(), &PutThingsInput{Doc: map[string]any{"c": make(chan int)}}, "https://example.com")
	var de *jsonDocumentError
	if !errors.As(err, &de) {
		t.Fatalf("err = %v, want a *jsonDocumentError", err)
	}
}

// A nested structure sends its members' defaults; the top level leaves
// out what is unset, an int32 at 0 included.
func TestDefaults(t *testing.T) {
	in := &PutThingsInput{Token: new(string), Settings: &Settings{}, Count: 0}
	sameJSON(t, requestBody(t, in), `{"Token":"","Settings":{"Enabled":false,"Level":3,"Mode":"fast"}}`)
	in = &PutThingsInput{Token: new(string), Settings: &Settings{Enabled: true, Level: new(int32), Mode: ModeSafe}, Count: 7}
	sameJSON(t, requestBody(t, in), `{"Token":"","Count":7,"Settings":{"Enabled":true,"Level":0,"Mode":"safe"}}`)
}

// Timestamps: epoch seconds unless the member says otherwise.
func TestTimestamps(t *testing.T) {
	tm := time.Date(2024, 2, 29, 13, 14, 15, 250e6, time.UTC)
	in := &PutThingsInput{Token: new(string), When: &tm, WhenISO: &tm, WhenHTTP: &tm}
	sameJSON(t, requestBody(t, in), `{"Token":"","When":1709212455.25,"WhenISO":"2024-02-29T13:14:15.25Z","WhenHTTP":"Thu, 29 Feb 2024 13:14:15 GMT"}`)
}

// An unset idempotency token is filled in, once.
func TestIdempotencyToken(t *testing.T) {
	in := &PutThingsInput{}
	body := requestBody(t, in)
	if in.Token == nil || len(*in.Token) != 36 || !strings.Contains(body, *in.Token) {
		t.Errorf("token %v, body %s", in.Token, body)
	}
}

// A response without members still gets the zero values of its required
// members and the defaults of nested structures; an empty body is an
// empty object.
func TestResponseFillsIn(t *testing.T) {
	for _, body := range []string{"", " \n", "{}"} {
		var out PutThingsOutput
		if err := decodePutThingsResponse(response(200, body, "X-Amzn-Requestid", "r-1"), &out); err != nil {
			t.Fatalf("%q: %v", body, err)
		}
		if out.Count == nil || *out.Count != 0 || out.Names == nil || len(out.Names) != 0 || out.ResultMetadata.RequestID != "r-1" {
			t.Errorf("%q: decoded %+v", body, out)
		}
	}
	var out PutThingsOutput
	body := `{"Count": 2, "Names": ["a"], "Settings": {}, "Labels": {"x": null, "y": "z"}}`
	if err := decodePutThingsResponse(response(200, body), &out); err != nil {
		t.Fatal(err)
	}
	s := out.Settings
	if s == nil || s.Enabled || s.Level == nil || *s.Level != 3 || s.Mode != ModeFast || s.Note != nil {
		t.Errorf("Settings = %+v", s)
	}
	if v, ok := out.Labels["x"]; !ok || v != nil || *out.Labels["y"] != "z" {
		t.Errorf("Labels = %v", out.Labels)
	}
}

// Malformed bodies are errors, not panics and not silent.
func TestBadResponses(t *testing.T) {
	for _, body := range []string{`{"Count": "one"}`, `{"Count": 1`, `[]`, `{"Count": 1} {}`, `{"Names": [1]}`} {
		var out PutThingsOutput
		var je *jsonError
		if err := decodePutThingsResponse(response(200, body), &out); !errors.As(err, &je) {
			t.Errorf("%s: err = %v, want a *jsonError", body, err)
		}
	}
}

// Errors: the type from X-Amzn-Errortype, else the body's code, else
// __type, with the namespace and anything after ':' stripped, matched in
// any letter case; the message from "message" or "Message".
func TestErrors(t *testing.T) {
	for _, c := range []struct {
		name        string
		resp        *http.Response
		code, msg   string
		fault       ErrorFault
		check       func(error) bool
		description string
	}{
		{"dunder type", response(400, `{"__type": "example.jsonwire#BadThing", "message": "no", "Index": 3}`, "X-Amzn-Requestid", "r-2"),
			"BadThing", "no", FaultClient, func(err error) bool {
				var e *BadThing
				return errors.As(err, &e) && *e.Message == "no" && *e.Index == 3 && e.ErrorCode() == "BadThing"
			}, "modeled, fields decoded"},
		{"header wins", response(400, `{"__type": "Gone", "code": "BadThing"}`, "X-Amzn-Errortype", "Overloaded:http://internal.amazon.com/"),
			"Overloaded", "", FaultServer, func(err error) bool { var e *Overloaded; return errors.As(err, &e) }, "header over body"},
		{"code over type", response(400, `{"__type": "Gone", "code": "aws.x#overloaded", "Message": "busy"}`),
			"overloaded", "busy", FaultServer, func(err error) bool {
				var e *Overloaded
				return errors.As(err, &e) && *e.Message == "busy" && e.ErrorCode() == "Overloaded"
			}, "code field, any case"},
		{"no message member", response(410, `{"__type": "Gone", "message": "bye"}`),
			"Gone", "bye", FaultClient, func(err error) bool { var e *Gone; return errors.As(err, &e) && e.ErrorMessage() == "bye" }, "message kept"},
		{"unknown", response(500, `{"__type": "Mystery"}`),
			"Mystery", "", FaultUnknown, func(err error) bool { var e *BadThing; return !errors.As(err, &e) }, "generic"},
		{"no body", response(503, ``), "UnknownError", "", FaultUnknown, func(error) bool { return true }, "generic"},
	} {
		err := decodePutThingsError(c.resp)
		var ae *APIError
		if !errors.As(err, &ae) {
			t.Errorf("%s: %v, want an *APIError", c.name, err)
			continue
		}
		if ae.Code != c.code || ae.Message != c.msg || ae.Fault != c.fault || ae.StatusCode != c.resp.StatusCode || !c.check(err) {
			t.Errorf("%s (%s): got %+v", c.name, c.description, ae)
		}
	}
	if err := decodePutThingsError(response(400, `{"__type": "BadThing", "Index": "x"}`)); err == nil || errors.As(err, new(*APIError)) {
		t.Errorf("a malformed modeled error gave %v, want the decoding error", err)
	}
}

// The body buffer is reused between requests: a request's body must stay
// as it was built while others are.
func TestBodiesAreCopies(t *testing.T) {
	var reqs []*http.Request
	for _, c := range "ab" {
		in := &PutThingsInput{Token: new(string), Items: []Thing{&ThingMemberName{Value: strings.Repeat(string(c), 100)}}}
		req, err := buildPutThingsRequest(context.Background(), in, "https://example.com")
		if err != nil {
			t.Fatal(err)
		}
		reqs = append(reqs, req)
	}
	for i, c := range "ab" {
		b, err := io.ReadAll(reqs[i].Body)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, bytes.Repeat([]byte{byte(c)}, 100)) {
			t.Errorf("body %d: %s", i, b)
		}
	}
}
