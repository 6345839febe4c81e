package restjson

import (
	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol/httpbind"
	"github.com/smithy2go/smithy2go/generator/protocol/jsonbody"
	"github.com/smithy2go/smithy2go/generator/sample"
)

// The oracle: what the wire code must send and read for sample values,
// from httpbind's independent oracle for everything but the bodies, and
// jsonbody's (encoding/json) for those.

// TestKit tells generated tests how to check the wire code: requests
// against golden HTTP-like files (checkRestJSONRequest), responses from
// golden bodies with the status and headers the oracle gives.
func (Protocol) TestKit() emit.TestKit {
	return emit.TestKit{
		Request:      goldenRequest,
		RequestExt:   ".http",
		CheckRequest: "checkRestJSONRequest",
		Response:     goldenResponse,
		ResponseExt:  ".body",
		ErrorSeeds: []emit.Response{
			{Status: 400, Body: []byte(`{"__type":"com.amazonaws.example#ThrottlingException","message":"slow down"}`)},
			{Status: 404, Body: []byte(`{"code":"NotFoundException:http://internal.amazon.com/","Message":"m","nested":{"a":[1,null]}}`)},
		},
		Runtime: []string{"runtime_restjsontest_test.go"},
		Skips: map[string]string{
			"RestJsonClientUsesExplicitlyProvidedValuesInTopLevel": "otherTopLevelDefault is an int32 held by value (it has a zero default), as in the AWS SDK, " +
				"so an explicit 0 cannot be told from unset, and a top-level input member at its zero value is not sent (RestJsonClientSkipsTopLevelDefaultValuesInInput)",
			"RestJsonDeserializesDenseSetMapAndSkipsNull": "jsonbody keeps a null value of a dense map as a nil list instead of leaving the key out",
		},
	}
}

// oracle writes JSON bodies with @jsonName, as restJson1 does.
var oracle = jsonbody.Oracle{Options: jsonbody.Options{JSONName: true}}

func goldenRequest(op *plan.Operation, in *sample.Value, comment string) ([]byte, error) {
	g, err := httpbind.GoldenRequest(op, in, "https://example.com", bodies{})
	if err != nil {
		return nil, err
	}
	service(op.Service(), op.Version()).golden(op, g)
	return g.File(comment), nil
}

// goldenResponse is the response carrying out; out then gets what a
// client fills in for members the body lacks (defaults), so that it is
// what decoding gives.
func goldenResponse(op *plan.Operation, out *sample.Value, comment string) (emit.Response, error) {
	g, err := httpbind.GoldenResponse(op, out, requestIDHeader, sample.RequestID, bodies{})
	if err != nil {
		return emit.Response{}, err
	}
	oracle.Complete(out)
	return g.Response(), nil
}

// bodies is restJson1's BodyOracle.
type bodies struct{}

func (bodies) MediaType() string { return mediaType }

func (bodies) Document(msg *httpbind.Message, v *sample.Value) ([]byte, error) {
	if msg.Request {
		return jsonbody.Marshal(oracle.RequestBody(v, msg.Body))
	}
	return jsonbody.Marshal(oracle.ResponseBody(v, msg.Body))
}

// Payload is the JSON of a structure, union or document payload. An unset
// structure is sent as {}; an unset union or document is no body.
func (bodies) Payload(msg *httpbind.Message, f *plan.Field, v *sample.Value) ([]byte, error) {
	if v == nil {
		if msg.Request && f.Type.Kind == plan.StructKind {
			return []byte("{}"), nil
		}
		return nil, nil
	}
	// The oracle writes members of structures: the payload is the one
	// member of a structure holding just it.
	wrap := &sample.Value{Type: v.Type, Fields: []sample.FieldValue{{Field: f, Value: v}}}
	var obj map[string]any
	if msg.Request {
		obj = oracle.RequestBody(wrap, []*plan.Field{f})
	} else {
		obj = oracle.ResponseBody(wrap, []*plan.Field{f})
	}
	for _, x := range obj {
		return jsonbody.Marshal(x)
	}
	return nil, nil
}
