// Package jsonbody writes the JSON body code that awsJson1_0, awsJson1_1
// and restJson1 share: one serializer and one deserializer per structure,
// union, list and map a body reaches, each written once, on demand. The
// serializers append to a byte slice through templates/runtime_jsonwrite.go;
// the deserializers drive the jsonDecoder of templates/runtime_json.go.
// Oracle is the independent encoder that golden tests compare them with.
//
// A protocol makes one Codec per package, names the body functions its
// operations call, and finishes the codec once, which writes those
// functions and everything they reach:
//
//	c := jsonbody.New(g, serializers, deserializers, jsonbody.Options{})
//	for _, op := range g.Wired() {
//		write := c.WriteBody(op.Input, op.Input.Fields) // func(b []byte, v *Input) ([]byte, error)
//		read := c.ReadBody(op.Output, op.Output.Fields) // func(d *jsonDecoder, v *Output)
//		... // request and response functions that call write and read
//	}
//	c.Finish()
//
// A request function then builds its body as
//
//	b, err := serializeFooInput(buf, v)
//
// and a response function reads one as
//
//	d := jsonDecoder{data: body}
//	deserializeFooOutput(&d, v)
//	if err := d.end(); err != nil { ... }
//
// restJson1 passes the members that go in the body (those without HTTP
// binding traits) as fields, sets Options.JSONName, and uses WriteValue and
// ReadValue for @httpPayload structures and unions.
//
// Bodies follow the Smithy rules the compliance suites check: unset
// members are left out (a top-level input member held by value is unset at
// its zero value, as in the AWS SDK); nested structures send their members'
// defaults; a response fills in defaults of members it lacks, and zero
// values of required members it lacks (error correction); timestamps are
// epoch seconds unless @timestampFormat says otherwise; NaN and infinities
// are strings; a union has one member, and one this package does not know
// is kept as an UnknownUnionMember, which cannot be sent back.
package jsonbody
