package templates

// restXml requests and responses: the HTTP message around the bindings of
// runtime_rest.go and the XML of runtime_xmlwrite.go and runtime_xml.go.
//
// API for emitters. Request:
//
//	restXMLRequest(ctx, method, endpoint, hostPrefix, headers)  a request to the
//	                        endpoint, its header map sized for headers values
//	restSetBody(req, b)     a body of bytes, its length known
//	restGzipBody(req, b)    the same, gzip-compressed, "gzip" added to Content-Encoding
//
// Response (d is a restXMLDecoder: an xmlDecoder whose optional members
// take their pointers from shared chunks, see restSlab):
//
//	d := restXMLDecoder{xmlDecoder: newXMLDecoder(body)}
//	if ok, err := d.start(); !ok { return err }   // a blank body has no members
//	ok, err := d.startError(noWrapping)            // inside an error body's <Error>
//	xmlEnum(&d.xmlDecoder, known)                  // a string enum, known values unallocated
//	restDiscard(resp)                              // a response without a body to read
//
// Errors:
//
//	restXMLResponseError(resp, body, noWrapping, s3) (*APIError, error)
//
// This file uses runtime_errors.go, runtime_rest.go (restNewBody),
// runtime_resterror.go, runtime_restnum.go and runtime_xml.go.

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
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

// restDiscard reads what is left of a body the operation has no use for,
// so the connection can be reused, and closes it.
func restDiscard(resp *http.Response) error {
	_, err := io.Copy(io.Discard, resp.Body)
	if cerr := resp.Body.Close(); err == nil {
		err = cerr
	}
	return err
}

// restEndpoint is a parsed endpoint. Most programs send every request to
// one or a few endpoints, so the last one parsed is kept and reused.
type restEndpoint struct {
	raw string
	u   url.URL
	err error
}

var restLastEndpoint atomic.Pointer[restEndpoint]

func restParseEndpoint(endpoint string) (*restEndpoint, error) {
	if e := restLastEndpoint.Load(); e != nil && e.raw == endpoint {
		return e, e.err
	}
	e := &restEndpoint{raw: endpoint}
	u, err := url.Parse(endpoint)
	switch {
	case err != nil:
		e.err = errors.New("invalid endpoint: " + err.Error())
	case u.Scheme != "https" && u.Scheme != "http":
		e.err = errors.New("invalid endpoint " + strconv.Quote(restTrimForError(endpoint)) + ": want an http or https URL")
	case u.Host == "" || u.Opaque != "" || u.User != nil:
		e.err = errors.New("invalid endpoint " + strconv.Quote(restTrimForError(endpoint)) + ": want scheme://host[:port][/path]")
	default:
		u.Fragment, u.RawFragment = "", ""
		e.u = *u
	}
	restLastEndpoint.Store(e)
	return e, e.err
}

func restTrimForError(s string) string {
	if len(s) > 200 {
		return s[:200] + "..."
	}
	return s
}

// restXMLRequest starts a request to endpoint (scheme://host[:port][/path],
// any query kept), its host name behind hostPrefix (already expanded),
// with room in its header map for headers values.
func restXMLRequest(ctx context.Context, method, endpoint, hostPrefix string, headers int) (*http.Request, error) {
	if ctx == nil {
		return nil, errors.New("nil Context")
	}
	e, err := restParseEndpoint(endpoint)
	if err != nil {
		return nil, err
	}
	u := new(url.URL)
	*u = e.u
	if hostPrefix != "" {
		for i := 0; i < len(hostPrefix); i++ {
			c := hostPrefix[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.') {
				return nil, errors.New("invalid host prefix " + strconv.Quote(restTrimForError(hostPrefix)))
			}
		}
		u.Host = hostPrefix + u.Host
	}
	req := &http.Request{
		Method:     method,
		URL:        u,
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Header:     make(http.Header, headers),
		Host:       u.Host,
	}
	if ctx != context.Background() {
		req = req.WithContext(ctx)
	}
	return req, nil
}

// restSetBody sends b as the request's body.
func restSetBody(req *http.Request, b []byte) {
	req.Body = restNewBody(b)
	req.ContentLength = int64(len(b))
	req.GetBody = func() (io.ReadCloser, error) { return restNewBody(b), nil }
}

var restGzipWriters = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

// restGzipBody sends b gzip-compressed (the @requestCompression trait),
// adding gzip to any Content-Encoding the request already has.
func restGzipBody(req *http.Request, b []byte) error {
	var buf bytes.Buffer
	buf.Grow(len(b)/2 + 64)
	zw := restGzipWriters.Get().(*gzip.Writer)
	zw.Reset(&buf)
	_, err := zw.Write(b)
	if err == nil {
		err = zw.Close()
	}
	zw.Reset(io.Discard) // drop the reference to buf before pooling
	restGzipWriters.Put(zw)
	if err != nil {
		return err
	}
	if enc := req.Header.Get("Content-Encoding"); enc != "" {
		req.Header.Set("Content-Encoding", enc+", gzip")
	} else {
		req.Header.Set("Content-Encoding", "gzip")
	}
	restSetBody(req, buf.Bytes())
	return nil
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
