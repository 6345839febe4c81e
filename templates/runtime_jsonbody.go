package templates

// What the JSON body code of awsJson1_0, awsJson1_1 and restJson1 needs
// beside the JSON writer and reader.
//
// API for emitters:
//
//	&jsonUnionError{Union: "Name", Value: v}   a union value a serializer cannot write
//	jsonBodyDecoder(body)                      a decoder over a response body; an empty
//	                                           body reads as {}
//	jsonOptString(b, `"Name":`, v.Name)        an optional member: written when set, as
//	jsonOptBool, jsonOptInt, jsonOptFloat,     key and value; jsonOptEnum and jsonOptBlob
//	jsonOptTime(b, key, v, format),            take the value itself (unset at "" or nil)
//	jsonOptEnum, jsonOptBlob
//	jsonFill(&v.Member)                        a missing required member becomes its
//	jsonFillSlice, jsonFillMap                 type's zero value (error correction)
//	jsonCount(d)                               how many members the next object has, to
//	                                           size a map before reading it

import (
	"fmt"
	"time"
)

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

// The jsonOpt functions write a member when it is set: its key (a JSON
// string and ':', as jsonKeyLit takes it) and value.

func jsonOptString(b []byte, key string, v *string) []byte {
	if v == nil {
		return b
	}
	return jsonString(jsonKeyLit(b, key), *v)
}

func jsonOptBool(b []byte, key string, v *bool) []byte {
	if v == nil {
		return b
	}
	return jsonBool(jsonKeyLit(b, key), *v)
}

func jsonOptInt[T ~int8 | ~int16 | ~int32 | ~int64](b []byte, key string, v *T) []byte {
	if v == nil {
		return b
	}
	return jsonInt(jsonKeyLit(b, key), *v)
}

func jsonOptFloat[T ~float32 | ~float64](b []byte, key string, v *T) []byte {
	if v == nil {
		return b
	}
	return jsonFloat(jsonKeyLit(b, key), *v)
}

func jsonOptTime(b []byte, key string, v *time.Time, format int) []byte {
	if v == nil {
		return b
	}
	return jsonTime(jsonKeyLit(b, key), *v, format)
}

func jsonOptEnum[E ~string](b []byte, key string, v E) []byte {
	if v == "" {
		return b
	}
	return jsonString(jsonKeyLit(b, key), string(v))
}

func jsonOptBlob(b []byte, key string, v []byte) []byte {
	if v == nil {
		return b
	}
	return jsonBlob(jsonKeyLit(b, key), v)
}

// jsonFill sets a required member the response lacked to its type's zero
// value: "", 0, false or an empty structure.
func jsonFill[T any](p **T) {
	if *p == nil {
		*p = new(T)
	}
}

// jsonFillSlice sets a required list or blob the response lacked to an
// empty one.
func jsonFillSlice[T any](p *[]T) {
	if *p == nil {
		*p = []T{}
	}
}

// jsonFillMap sets a required map the response lacked to an empty one.
func jsonFillMap[T any](p *map[string]T) {
	if *p == nil {
		*p = map[string]T{}
	}
}

// jsonCountDepth is the nesting below which jsonCount does not count.
const jsonCountDepth = 8

// jsonCount returns how many members the next object holds, or elements
// the next array, leaving d where it was: a collection made that large
// holds them without growing, which costs less than growing it as they
// come. It is 0 for anything else. Each level of nesting scans what is
// below it once more, so below jsonCountDepth it gives up (0): hostile
// nesting cannot make decoding quadratic.
//
// It only counts (the commas outside strings and nested values), and
// leaves checking the text to the reading that follows. Malformed text
// gives a wrong count at worst, no larger than a valid collection of the
// same length would have.
func jsonCount(d *jsonDecoder) int {
	if d.depth >= jsonCountDepth {
		return 0
	}
	i := d.pos
	for i < len(d.data) && jsonIsSpace(d.data[i]) {
		i++
	}
	if i >= len(d.data) || d.data[i] != '{' && d.data[i] != '[' {
		return 0
	}
	data := d.data[i:]
	n, level, empty := 1, 0, true
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch c {
		case '"':
			for i++; i < len(data); i++ {
				i += jsonPlainPrefix(data[i:])
				if i >= len(data) || data[i] == '"' {
					break
				}
				if data[i] == '\\' {
					i++
				}
			}
		case '{', '[':
			level++
		case '}', ']':
			if level--; level == 0 {
				if empty {
					return 0
				}
				// The shortest member is "":0 and the shortest element 0,
				// each with a comma but the last.
				if data[0] == '{' {
					return min(n, (i+2)/5)
				}
				return min(n, (i+1)/2)
			}
		case ',':
			if level == 1 {
				n++
			}
		}
		if level == 1 && c != '{' && c != '[' && !jsonIsSpace(c) || level > 1 {
			empty = false
		}
	}
	return 0
}
