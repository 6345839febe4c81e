package templates

// Requests and errors of the awsJson1_0 and awsJson1_1 protocols: every
// operation is a POST of a JSON body to the endpoint's path, named by the
// X-Amz-Target header; errors name their type in X-Amzn-Errortype or the
// body.
//
// API for emitters:
//
//	newAWSJSONRequest(ctx, endpoint, hostPrefix, target, contentType, v, serialize, flags)
//	                                            the request: v's body as serialize writes it
//	awsJSONResponse(resp, v, deserialize, &v.ResultMetadata)   reads a success into v
//	awsJSONError(resp, body, queryCompatible) (typ string, e *APIError)   an error response
//	awsJSONEndpoint(endpoint, v.Member)         an input member that names the endpoint to use
//
// For an operation Foo of service Svc (awsJson1_0), an emitter writes
//
//	return newAWSJSONRequest(ctx, endpoint, "", "Svc.Foo", awsJSON10, v, serializeFooInput, 0)
//
//	return awsJSONResponse(resp, v, deserializeFooOutput, &v.ResultMetadata)
//
// and for its errors
//
//	body, err := readBody(resp)
//	...
//	typ, e := awsJSONError(resp, body, false)
//	switch strings.ToLower(typ) {
//	case "fooerror":
//		... decode a FooError, set e.Err
//	}
//	return e
//
// This file uses runtime_http.go's request builder, runtime_body.go's body
// reader, runtime_jsonbody.go's decoder and runtime_jsonerror.go's error
// reading.

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"sync"
)

// The Content-Type of each dialect.
const (
	awsJSON10 = "application/x-amz-json-1.0"
	awsJSON11 = "application/x-amz-json-1.1"
)

// awsJSONBodies are buffers to build bodies in for new parts.
var awsJSONBodies = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// awsJSONBody runs serialize on a pooled buffer and returns a copy of the
// body it wrote.
func awsJSONBody[T any](v *T, serialize func([]byte, *T) ([]byte, error)) ([]byte, error) {
	bp := awsJSONBodies.Get().(*[]byte)
	b, err := serialize((*bp)[:0], v)
	var out []byte
	if err == nil {
		out = bytes.Clone(b)
	}
	if cap(b) <= 64<<10 {
		*bp = b[:0]
		awsJSONBodies.Put(bp)
	}
	return out, err
}

// Flags of newAWSJSONRequest.
const (
	// awsJSONGzip compresses the body (the requestCompression trait).
	awsJSONGzip = 1 << iota
	// awsJSONQueryMode marks a request to an awsQueryCompatible service,
	// which then answers errors with their query error codes too.
	awsJSONQueryMode
)

// newAWSJSONRequest builds the POST request that sends an operation: its
// target is "Service.Operation", contentType one of awsJSON10 and
// awsJSON11, the body v as serialize writes it, flags a set of the flags
// above.
func newAWSJSONRequest[T any](ctx context.Context, endpoint, hostPrefix, target, contentType string, v *T,
	serialize func([]byte, *T) ([]byte, error), flags int) (*http.Request, error) {
	// The body is built in the buffer of the parts when a request
	// released has handed them on; new parts get a copy of a body built
	// in a pooled buffer. Either way one allocation at most, whatever
	// the body's size.
	p := httpTakeParts()
	var body []byte
	var err error
	if p.buf != nil {
		body, err = serialize(p.buf[:0], v)
	} else {
		body, err = awsJSONBody(v, serialize)
	}
	p.buf = body
	if err != nil {
		httpPartsPool.Put(p) // nothing refers to it
		return nil, err
	}
	gzipBody := flags&awsJSONGzip != 0
	if flags&awsJSONQueryMode != 0 {
		return newPostRequest(ctx, p, endpoint, hostPrefix, body, gzipBody,
			"Content-Type", contentType, "X-Amz-Target", target, "X-Amzn-Query-Mode", "true")
	}
	return newPostRequest(ctx, p, endpoint, hostPrefix, body, gzipBody, "Content-Type", contentType, "X-Amz-Target", target)
}

// awsJSONResponse reads a successful response into v with deserialize,
// and the request ID into meta.
func awsJSONResponse[T any](resp *http.Response, v *T, deserialize func(*jsonDecoder, *T), meta *ResponseMetadata) error {
	body, err := readBody(resp)
	if err != nil {
		return err
	}
	d := jsonBodyDecoder(body)
	deserialize(&d, v)
	meta.RequestID = awsJSONRequestID(resp.Header)
	return d.end()
}

// awsJSONEndpoint returns the endpoint an input names (Machine Learning's
// Predict takes the URL of the model to ask), else endpoint. A value that
// is not an http or https URL is not an endpoint, and is left to the
// service to reject.
func awsJSONEndpoint(endpoint string, named *string) string {
	if named == nil {
		return endpoint
	}
	if u, err := url.Parse(*named); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
		return *named
	}
	return endpoint
}

// awsJSONRequestID is the ID the service gave the request.
func awsJSONRequestID(h http.Header) string {
	return h.Get("X-Amzn-Requestid")
}

// awsJSONError reads what every error response says: its type (the error
// shape's name, for choosing the modeled error), and the *APIError with
// Code, Message, RequestID and StatusCode. A response without a type is
// "UnknownError", as in the AWS SDK. For an awsQueryCompatible service,
// Code and Fault come from x-amzn-query-error when it is there.
func awsJSONError(resp *http.Response, body []byte, queryCompatible bool) (string, *APIError) {
	typ, msg := jsonErrorInfo(resp.Header, body)
	e := &APIError{Code: typ, Message: msg, RequestID: awsJSONRequestID(resp.Header), StatusCode: resp.StatusCode}
	if e.Code == "" {
		e.Code = "UnknownError"
	}
	if queryCompatible {
		if code, fault, ok := jsonQueryError(resp.Header); ok {
			e.Code, e.Fault = code, fault
		}
	}
	return typ, e
}
