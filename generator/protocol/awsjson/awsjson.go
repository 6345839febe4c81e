// Package awsjson writes the wire code of the AWS JSON RPC protocols,
// awsJson1_0 and awsJson1_1: every operation is a POST to the endpoint's
// path with a JSON body and an X-Amz-Target header naming it; responses
// are JSON, and errors name their type in X-Amzn-Errortype or the body.
// The two versions differ only in their Content-Type. The JSON bodies are
// the jsonbody package's.
package awsjson

import (
	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol/jsonbody"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Dialect is one version of the protocol.
type Dialect struct {
	Name string
	// ContentType is the requests' media type; Const names the runtime
	// constant that holds it.
	ContentType, Const string
}

// The two versions.
var (
	JSON10 = Dialect{Name: "awsJson1_0", ContentType: "application/x-amz-json-1.0", Const: "awsJSON10"}
	JSON11 = Dialect{Name: "awsJson1_1", ContentType: "application/x-amz-json-1.1", Const: "awsJSON11"}
)

// Protocol is the plug-in for one version.
type Protocol struct{ Dialect }

// The plug-ins, checked against the interface at compile time.
var (
	AWSJSON10 emit.Protocol = Protocol{JSON10}
	AWSJSON11 emit.Protocol = Protocol{JSON11}
)

// Trait is the protocol trait of the version.
func (p Protocol) Trait() smithy.ShapeID { return smithy.ShapeID("aws.protocols#" + p.Name) }

// Reserved is empty: the wire code adds no exported names.
func (p Protocol) Reserved() plan.Reserved { return plan.Reserved{} }

// ErrorCode is the error's shape name, as the SDK's JSON clients report
// it, unless the service is awsQueryCompatible and sends the awsQueryError
// code the shape declares.
func (p Protocol) ErrorCode(svc, errShape *smithy.Shape) string {
	if q, ok := errShape.Traits.AWSQueryError(); ok && q.Code != "" && svc.Traits.Has(smithy.TraitAWSQueryCompat) {
		return q.Code
	}
	return errShape.ID.Name()
}

// The awsJson plug-ins choose their error codes.
var _ plan.ErrorCoder = Protocol{}

// Supports accepts every operation that planning has not refused: JSON
// bodies carry every shape, and event streams are refused before this.
func (p Protocol) Supports(*plan.Plan, *plan.Operation) string { return "" }

// Emit writes serializers.go and deserializers.go: each operation's
// request builder, response and error decoders, and the JSON body code
// they call.
func (p Protocol) Emit(g *emit.Generator) error {
	g.UseRuntime("runtime_awsjson.go", "runtime_jsonbody.go", "runtime_body.go", "runtime_metadata.go")
	ser, de := g.GoFile("serializers.go"), g.GoFile("deserializers.go")
	w := &writer{g: g, d: p.Dialect, ser: ser, de: de, codec: jsonbody.New(g, ser, de, jsonbody.Options{}),
		done: map[string]bool{}, errorFuncs: map[string]*plan.Operation{}}
	w.queryCompatible = g.Plan.Service.Traits.Has(smithy.TraitAWSQueryCompat)
	for _, op := range g.Wired() {
		w.request(op)
		w.response(op)
		w.operationError(op)
	}
	w.codec.Finish()
	return nil
}

// TestKit tells generated tests how to check the wire code: requests
// against golden HTTP-like files, responses from golden JSON bodies, both
// written by the oracle in oracle.go.
func (p Protocol) TestKit() emit.TestKit {
	return emit.TestKit{
		Request:      p.goldenRequest,
		RequestExt:   ".http",
		CheckRequest: "checkJSONRequest",
		Response:     p.goldenResponse,
		ResponseExt:  ".json",
		ErrorSeeds: []emit.Response{
			{Status: 400, Body: []byte(`{"__type":"com.amazonaws.example#ThrottlingException","message":"slow down"}`)},
			{Status: 400, Body: []byte(`{"code":"ValidationException:http://internal.amazon.com/","Message":"m"}`)},
		},
		Runtime: []string{"runtime_jsontest_test.go"},
		Skips: map[string]string{
			"AwsJson10ClientUsesExplicitlyProvidedValuesInTopLevel": "otherTopLevelDefault is an int32 held by value (it has a zero default), as in the AWS SDK, " +
				"so an explicit 0 cannot be told from unset, and a top-level input member at its zero value is not sent (AwsJson10ClientSkipsTopLevelDefaultValuesInInput)",
		},
	}
}

// oracle is the JSON oracle as this protocol uses it: member names as
// the model writes them (awsJson ignores @jsonName).
var oracle = jsonbody.Oracle{}
