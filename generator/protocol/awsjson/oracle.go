package awsjson

import (
	"bytes"
	"slices"
	"strings"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol/jsonbody"
	"github.com/smithy2go/smithy2go/generator/sample"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// The oracle: what the generated code must send and read for sample
// values, from the protocol's rules and jsonbody's independent JSON
// oracle. Golden files come from here, never from the generated code.

// goldenRequest is the golden file of a request, written like an HTTP
// request (see checkJSONRequest): comment lines, "POST /", the headers
// the protocol sets, an empty line and the body.
func (d Dialect) goldenRequest(op *plan.Operation, in *sample.Value, comment string) ([]byte, error) {
	body, err := jsonbody.Marshal(oracle.RequestBody(in, op.Input.Fields))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	for _, line := range strings.Split(comment, "\n") {
		b.WriteString("# " + line + "\n")
	}
	b.WriteString("POST /\n")
	b.WriteString("Content-Type: " + d.ContentType + "\n")
	b.WriteString("X-Amz-Target: " + op.Service().ID.Name() + "." + op.Shape.ID.Name() + "\n")
	if enc, _ := op.Shape.Traits.RequestCompression(); slices.Contains(enc, "gzip") {
		b.WriteString("Content-Encoding: gzip\n")
	}
	if op.Service().Traits.Has(smithy.TraitAWSQueryCompat) {
		b.WriteString("X-Amzn-Query-Mode: true\n")
	}
	b.WriteString("\n")
	b.Write(body)
	return b.Bytes(), nil
}

// goldenResponse is a 200 response carrying out, with the request ID in
// its header and comment in a member no output has, which decoders must
// skip. It then completes out with what a client fills in for members
// the body lacks, so that out is what decoding the body gives.
func (d Dialect) goldenResponse(op *plan.Operation, out *sample.Value, comment string) (emit.Response, error) {
	obj := oracle.ResponseBody(out, op.Output.Fields)
	obj["__comment"] = comment
	body, err := jsonbody.Marshal(obj)
	if err != nil {
		return emit.Response{}, err
	}
	oracle.Complete(out)
	return emit.Response{
		Status: 200,
		Header: [][2]string{{"Content-Type", d.ContentType}, {"X-Amzn-Requestid", sample.RequestID}},
		Body:   body,
	}, nil
}
