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
			APIError{Code: "X", Message: "UnknownError", RequestID: "r"}},
		{"ec2 first error wins", true, `<Response><Errors><Error><Code>A</Code></Error><Error><Code>B</Code></Error></Errors></Response>`,
			APIError{Code: "A", Message: "UnknownError"}},
		{"ec2 no code", true, `<Response><Errors><Error><Message>m</Message></Error></Errors></Response>`,
			APIError{Code: "UnknownError", Message: "m"}},
		{"ec2 no message", true, `<Response><Errors><Error><Code>InvalidParameterValue</Code></Error></Errors><RequestID>r-1</RequestID></Response>`,
			APIError{Code: "InvalidParameterValue", Message: "UnknownError", RequestID: "r-1"}},
		{"ec2 other root", true, `<Other><Errors><Error><Code>A</Code><Message>m</Message></Error></Errors></Other>`,
			APIError{Code: "A", Message: "m"}},
		{"empty body", true, ``, APIError{Code: "UnknownError", Message: "UnknownError"}},
		{"plain text", true, `Service Unavailable`, APIError{Code: "UnknownError", Message: "UnknownError"}},
		{"html", false, `<html><body>Bad Gateway</body></html>`, APIError{Code: "UnknownError", Message: "UnknownError"}},
		{"aws", false, `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidGreeting</Code><Message>Hi</Message></Error><RequestId>foo-id</RequestId></ErrorResponse>`,
			APIError{Code: "InvalidGreeting", Message: "Hi", RequestID: "foo-id", Fault: FaultClient}},
		{"aws receiver", false, `<ErrorResponse><Error><Type>Receiver</Type><Code>Boom</Code></Error></ErrorResponse>`,
			APIError{Code: "Boom", Message: "UnknownError", Fault: FaultServer}},
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
		{true, `<Response><Errors>`, "xml:"},
		{false, `<ErrorResponse><Error><Code>X</Code>`, "xml:"},
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
