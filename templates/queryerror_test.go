package templates

import (
	"strings"
	"testing"
)

func TestParseQueryError(t *testing.T) {
	for _, c := range []struct {
		name string
		ec2  bool
		doc  string
		want APIError
	}{
		{"ec2", true, `<Response><Errors><Error><Code>InvalidGreeting</Code><Message>Hi</Message></Error></Errors><RequestID>foo-id</RequestID></Response>`,
			APIError{Code: "InvalidGreeting", Message: "Hi", RequestID: "foo-id"}},
		{"ec2 RequestId spelling", true, `<Response><Errors><Error><Code>X</Code></Error></Errors><RequestId>r</RequestId></Response>`,
			APIError{Code: "X", RequestID: "r"}},
		{"ec2 first error wins", true, `<Response><Errors><Error><Code>A</Code></Error><Error><Code>B</Code></Error></Errors></Response>`,
			APIError{Code: "A"}},
		{"ec2 no code", true, `<Response><Errors><Error><Message>m</Message></Error></Errors></Response>`,
			APIError{Code: "UnknownError", Message: "m"}},
		{"aws", false, `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidGreeting</Code><Message>Hi</Message></Error><RequestId>foo-id</RequestId></ErrorResponse>`,
			APIError{Code: "InvalidGreeting", Message: "Hi", RequestID: "foo-id", Fault: FaultClient}},
		{"aws receiver", false, `<ErrorResponse><Error><Type>Receiver</Type><Code>Boom</Code></Error></ErrorResponse>`,
			APIError{Code: "Boom", Fault: FaultServer}},
	} {
		got, err := parseQueryError([]byte(c.doc), c.ec2)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if *got != c.want {
			t.Errorf("%s: got %+v, want %+v", c.name, *got, c.want)
		}
	}
	for _, bad := range []struct {
		ec2 bool
		doc string
		msg string
	}{
		{true, `<ErrorResponse/>`, "not an error document"},
		{false, `<Response/>`, "not an error document"},
		{true, `<Response><Errors>`, "xml:"},
		{true, ``, "xml:"},
	} {
		_, err := parseQueryError([]byte(bad.doc), bad.ec2)
		if err == nil || !strings.Contains(err.Error(), bad.msg) {
			t.Errorf("%q: error %v, want one containing %q", bad.doc, err, bad.msg)
		}
	}
}

func TestQueryErrorDecoder(t *testing.T) {
	doc := `<Response><Errors><Error><Code>ComplexError</Code><TopLevel>Top</TopLevel></Error></Errors></Response>`
	d, err := queryErrorDecoder([]byte(doc), true)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for {
		name, ok, err := d.next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		names = append(names, string(name))
		if err := d.skip(); err != nil {
			t.Fatal(err)
		}
	}
	if strings.Join(names, ",") != "Code,TopLevel" {
		t.Fatalf("children of <Error>: %v", names)
	}
	if _, err := queryErrorDecoder([]byte(`<ErrorResponse><Other/></ErrorResponse>`), false); err == nil {
		t.Fatal("no error for a document without <Error>")
	}
}
