package templates

// Error responses of the JSON protocols (awsJson1_0, awsJson1_1,
// restJson1).
//
// API for emitters:
//
//	jsonErrorInfo(h, body) (typ, msg string)  the error's shape name and message
//	jsonQueryError(h) (code, fault, ok)       awsQueryCompatible's x-amzn-query-error
//
// For an operation whose errors are FooError and BarError an emitter writes
//
//	typ, msg := jsonErrorInfo(resp.Header, body)
//	e := &APIError{Code: typ, Message: msg}
//	if e.Code == "" {
//		e.Code = "UnknownError"
//	}
//	if code, fault, ok := jsonQueryError(resp.Header); ok {
//		e.Code, e.Fault = code, fault // awsQueryCompatible services only
//	}
//	switch typ {
//	case "FooError":
//		d := jsonDecoder{data: body}
//		e.Err = deserializeFooErrorJSON(&d)
//		...
//	}
//
// It uses runtime_json.go's decoder.

import (
	"net/http"
	"strings"
)

// jsonErrorInfo finds an error response's type: the X-Amzn-Errortype
// header, else the body's "code", else its "__type" (the body's member
// names matched in any letter case, as the AWS SDK matches them), and
// sanitized as the Smithy JSON protocols require. msg is the body's
// "message" (any case). A body that is empty or not JSON gives what the
// header says, else "".
func jsonErrorInfo(h http.Header, body []byte) (typ, msg string) {
	var code, dunder string
	d := jsonDecoder{data: body}
	if d.peek() == '{' {
		for d.member() {
			var into *string
			switch {
			case strings.EqualFold(string(d.key), "code"):
				into = &code
			case strings.EqualFold(string(d.key), "__type"):
				into = &dunder
			case strings.EqualFold(string(d.key), "message"):
				into = &msg
			}
			if into != nil && d.peek() == '"' {
				*into = d.string()
			} else {
				d.skip()
			}
		}
	}
	switch {
	case h.Get("X-Amzn-Errortype") != "":
		typ = h.Get("X-Amzn-Errortype")
	case code != "":
		typ = code
	default:
		typ = dunder
	}
	return jsonSanitizeErrorType(typ), msg
}

// jsonSanitizeErrorType reduces an error type to the error shape's name:
// servers may send "aws.example#FooError:http://internal.amazon.com/...";
// the part before the first ':' is kept, then the part after the '#'.
func jsonSanitizeErrorType(s string) string {
	s, _, _ = strings.Cut(s, ":")
	if _, name, ok := strings.Cut(s, "#"); ok {
		s = name
	}
	return s
}

// jsonQueryError reads the x-amzn-query-error header that
// awsQueryCompatible services send: "Code;Fault", where Code is the error
// code the service's query protocol used and Fault is Sender or Receiver.
func jsonQueryError(h http.Header) (code string, fault ErrorFault, ok bool) {
	v := h.Get("X-Amzn-Query-Error")
	code, f, found := strings.Cut(v, ";")
	if !found || code == "" {
		return "", FaultUnknown, false
	}
	switch f {
	case "Sender":
		fault = FaultClient
	case "Receiver":
		fault = FaultServer
	}
	return code, fault, true
}
