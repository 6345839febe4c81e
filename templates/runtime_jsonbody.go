package templates

// What the JSON body code of awsJson1_0, awsJson1_1 and restJson1 needs
// beside the JSON writer and reader.
//
// API for emitters:
//
//	&jsonUnionError{Union: "Name", Value: v}   a union value a serializer cannot write
//	jsonBodyDecoder(body)                      a decoder over a response body; an empty
//	                                           body reads as {}

import "fmt"

// jsonUnionError reports a union value that has no member this package
// can send: nil, or an UnknownUnionMember, which keeps a member received
// from a newer service without knowing its type.
type jsonUnionError struct {
	Union string // the union's Go type
	Value any    // what it held
}

func (e *jsonUnionError) Error() string {
	return fmt.Sprintf("json: cannot serialize %T as a member of union %s", e.Value, e.Union)
}

// jsonEmptyObject stands in for an empty body.
var jsonEmptyObject = []byte("{}")

// jsonBodyDecoder returns a decoder over a response body. Services may
// answer with no body at all where the output has no members set; that
// reads as an empty object, so defaults and required members are still
// filled in.
func jsonBodyDecoder(body []byte) jsonDecoder {
	d := jsonDecoder{data: body}
	if d.eof() {
		d = jsonDecoder{data: jsonEmptyObject}
	}
	return d
}
