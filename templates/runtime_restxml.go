package templates

// restXml bodies and errors, inside the HTTP messages runtime_restreq.go
// and runtime_rest.go build and read.
//
// API for emitters. Responses (d is a restXMLDecoder: an xmlDecoder whose
// optional members take their pointers from shared chunks, see restSlab):
//
//	d := restXMLDecoder{xmlDecoder: newXMLDecoder(body)}
//	if ok, err := d.start(); !ok { return err }   // a blank body has no members
//	ok, err := d.startError(noWrapping)            // inside an error body's <Error>
//	xmlEnum(&d.xmlDecoder, known)                  // a string enum, known values unallocated
//
// Errors:
//
//	restXMLResponseError(resp, body, noWrapping, s3) (*APIError, error)
//
// S3, whose endpoints carry the bucket:
//
//	restDropBucket(req.URL, bucket)   the path without its leading bucket segment
//
// This file uses runtime_errors.go, runtime_rest.go, runtime_resterror.go,
// runtime_restnum.go and runtime_xml.go.

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// restXMLDecoder reads a response document. Its chunks hand out the
// pointers of the many optional members of a large response (each a
// *string, *int64, ...) for one allocation per chunk instead of one each.
type restXMLDecoder struct {
	xmlDecoder
	strs  restSlab[string]
	bools restSlab[bool]
	i8s   restSlab[int8]
	i16s  restSlab[int16]
	i32s  restSlab[int32]
	i64s  restSlab[int64]
	f32s  restSlab[float32]
	f64s  restSlab[float64]
	times restSlab[time.Time]
}

// start enters the root element. A body of nothing but white space holds
// no members, as the AWS SDK reads it: start returns false and no error.
func (d *restXMLDecoder) start() (bool, error) {
	if len(bytes.TrimSpace(d.data)) == 0 {
		return false, nil
	}
	if _, err := d.root(); err != nil {
		return false, err
	}
	return true, nil
}

// startError enters the <Error> element of an error body (with noWrapping
// the root, else <ErrorResponse>'s child). A blank body (an S3 HEAD's)
// returns false and no error: the error has no members to read.
func (d *restXMLDecoder) startError(noWrapping bool) (bool, error) {
	if len(bytes.TrimSpace(d.data)) == 0 {
		return false, nil
	}
	x, err := restXMLErrorDecoder(d.data, noWrapping)
	if err != nil {
		return false, err
	}
	d.xmlDecoder = x
	return true, nil
}

// xmlEnum reads a string enum. A value among known (the enum's values, a
// package-level slice) is returned without allocating; others are kept as
// sent, since enums are open.
func xmlEnum[E ~string](d *xmlDecoder, known []E) (E, error) {
	b, err := d.text()
	if err != nil {
		return "", err
	}
	for _, v := range known {
		if string(v) == string(b) {
			return v, nil
		}
	}
	return E(b), nil
}

// restXMLResponseError reads an error response's code, message and request
// ID as the AWS SDK does: from the body (<ErrorResponse><Error>…, or with
// noWrapping <Error>…), the request ID from the body or else the
// x-amzn-RequestId header (S3's x-amz-request-id with s3). S3 errors
// without a code or message (the body of a HEAD is empty) take them from
// the status: 404 is "NotFound", "Not Found".
func restXMLResponseError(resp *http.Response, body []byte, noWrapping, s3 bool) (*APIError, error) {
	e, err := restXMLError(body, noWrapping)
	if err != nil {
		return nil, err
	}
	e.StatusCode = resp.StatusCode
	if e.RequestID == "" {
		if s3 {
			e.RequestID = resp.Header.Get("X-Amz-Request-Id")
		} else {
			e.RequestID = resp.Header.Get("X-Amzn-Requestid")
		}
	}
	if s3 && e.Code == "" && e.Message == "" {
		text := http.StatusText(resp.StatusCode)
		e.Code, e.Message = strings.ReplaceAll(text, " ", ""), text
	}
	if e.Code == "" {
		e.Code = "UnknownError"
	}
	if e.Message == "" {
		e.Message = "UnknownError"
	}
	return e, nil
}

// restDropBucket takes S3's {Bucket} label out of a request path: S3's
// endpoints carry the bucket (in the host name, or for path-style
// addressing as the endpoint's path), as the AWS SDK's endpoint rules
// resolve them, so the path the bindings wrote (the endpoint's path, then
// /{Bucket}/{Key+}) has it once too many. The first segment that is the
// escaped bucket goes; an endpoint's own path that is the bucket is the
// same segment, so which of the two goes does not matter.
func restDropBucket(u *url.URL, bucket string) {
	var buf [72]byte
	seg := restEscape(append(buf[:0], '/'), bucket, false)
	raw := u.EscapedPath()
	for i := 0; i+len(seg) <= len(raw); i++ {
		if raw[i] != '/' || raw[i:i+len(seg)] != string(seg) {
			continue
		}
		if j := i + len(seg); j == len(raw) || raw[j] == '/' {
			raw = raw[:i] + raw[j:]
			if raw == "" {
				raw = "/"
			}
			if path, err := url.PathUnescape(raw); err == nil {
				u.Path, u.RawPath = path, raw
			}
			return
		}
	}
}
