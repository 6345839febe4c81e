package templates

// Requests and responses of the HTTP binding protocols (restJson1,
// restXml) as a whole: the request and its body; runtime_rest.go writes
// and reads the bound parts (path, query, headers).
//
// API for emitters (generator/protocol/httpbind writes these calls):
//
//	newRestRequest(ctx, method, endpoint, hostPrefix, p, q, &hw)  a request without a
//	                                  body: p and q as built with runtime_rest.go, under
//	                                  the endpoint's path and after its query; hw (or nil)
//	                                  the bound headers, set before with runtime_rest.go's
//	                                  writer
//	newRestBodyRequest(...same..., unset) (req, parts, err)  a request that may have a
//	                                  body: parts is what it points to, for the body
//	                                  setters; unset tells the payload is unset or empty
//	                                  (restStreamEmpty(r) for a stream)
//	restSent(req, parts)              ends such a request, once its body is set
//	restSetBody(req, parts, b, contentType)  a body in memory; Content-Length, GetBody
//	                                  (set the headers first: a Content-Type member wins)
//	restSetContentType(req.Header, t)  a payload's media type, unless a member set it
//	restSetStream(req, parts, r, contentType, requireLength)  a streaming payload: r is
//	                                  read as the request is sent, never buffered
//	gzipQueryBody(b), restAddEncoding(h, "gzip")   @requestCompression
//	restSetContentMD5(req, b)         @httpChecksumRequired, unless the caller set it
//	&restLabelError{Member: "Name"}   an @httpLabel member unset or empty
//	restDrain(resp)                   a response whose body carries nothing: read a
//	                                  little, so the connection can be reused; close
//
// For
//
//	@http(method: "PUT", uri: "/widgets/{name}?tag")
//	structure PutWidgetInput {
//	    @httpLabel @required name: String
//	    @httpPayload data: Blob
//	}
//
// an emitter writes
//
//	if v.Name == nil || *v.Name == "" {
//		return nil, &restLabelError{Member: "Name"}
//	}
//	var pbuf, qbuf [128]byte
//	p := append(pbuf[:0], "/widgets/"...)
//	p = restLabel(p, *v.Name, false)
//	q := append(qbuf[:0], "tag"...)
//	req, parts, err := newRestBodyRequest(ctx, "PUT", endpoint, "", p, q, nil, v.Data == nil)
//	if err != nil {
//		return nil, err
//	}
//	if v.Data != nil {
//		restSetBody(req, parts, v.Data, "application/octet-stream")
//	}
//	return restSent(req, parts), nil
//
// This file uses runtime_http.go (the endpoint cache, httpParts,
// gzipQueryBody) and runtime_rest.go.

import (
	"context"
	"crypto/md5"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
)

// newRestRequest builds a request without a body. endpoint must be an
// http or https URL with a host (and maybe a path), hostPrefix (already
// expanded) going before its host. The fragment is dropped. hw, when not
// nil, holds the request's bound headers: the header map is made for
// them and the body's Content-Type (httpHeaderRoom).
//
// It builds what http.NewRequestWithContext would, without parsing the
// endpoint again for every request (see httpEndpointOf).
//
// The request points to parts (httpParts), which go to a later request
// once it is done.
func newRestRequest(ctx context.Context, method, endpoint, hostPrefix string, p, q []byte, hw *restHeaderWriter) (*http.Request, error) {
	if ctx == nil {
		return nil, errors.New("net/http: nil Context")
	}
	parts := httpTakeParts()
	return restRequest(parts.writesCtx(ctx), parts, method, endpoint, hostPrefix, p, q, hw)
}

// newRestBodyRequest is newRestRequest for a request that may have a
// body, set after with restSetBody or restSetStream; restSent then ends
// the request. unset tells that the payload is unset: the request will
// go without a body.
func newRestBodyRequest(ctx context.Context, method, endpoint, hostPrefix string, p, q []byte, hw *restHeaderWriter, unset bool) (*http.Request, *httpParts, error) {
	if ctx == nil {
		return nil, nil, errors.New("net/http: nil Context")
	}
	parts := httpTakeParts()
	if unset {
		ctx = parts.writesCtx(ctx)
	}
	req, err := restRequest(ctx, parts, method, endpoint, hostPrefix, p, q, hw)
	return req, parts, err
}

// restStreamEmpty tells that a streaming payload will send no body: it is
// unset, or says it has nothing left to read.
func restStreamEmpty(r io.Reader) bool {
	if r == nil {
		return true
	}
	l, ok := r.(interface{ Len() int })
	return ok && l.Len() == 0
}

// restSent returns the request newRestBodyRequest began, its body set or
// left unset. One left without a body has the context that can count its
// writes (httpWrites): a copy of req, the only way to give it another
// context, when newRestBodyRequest did not foresee it (an empty payload).
func restSent(req *http.Request, parts *httpParts) *http.Request {
	if req.Body != nil && req.Body != http.NoBody {
		return req
	}
	if c, ok := req.Context().(*httpWritesCtx); ok && c.hold.parts == parts {
		return req
	}
	return req.WithContext(parts.writesCtx(req.Context()))
}

// restRequest builds the request in parts; ctx is not nil.
func restRequest(ctx context.Context, parts *httpParts, method, endpoint, hostPrefix string, p, q []byte, hw *restHeaderWriter) (*http.Request, error) {
	ep, err := httpEndpointOf(endpoint)
	if err != nil {
		return nil, err
	}
	n := 0
	if hw != nil {
		n = hw.n
	}
	u, h := &parts.url, parts.header(n+httpHeaderRoom)
	*u = ep.url
	if err := httpHostPrefix(u, hostPrefix); err != nil {
		return nil, err
	}
	if n == 0 {
		restSetURL(u, p, q)
	} else {
		vals := parts.vals[:]
		if n <= len(vals) {
			vals = vals[:n]
		} else {
			vals = make([]string, n)
		}
		text := restJoinURL(u, p, q, hw.text())
		hw.h = h
		hw.assign(text, vals)
	}
	return httpNewRequest(ctx, method, u, h), nil
}

// restSetBody sends b. An empty body is http.NoBody: net/http would send a
// non-nil body of length 0 chunked.
func restSetBody(req *http.Request, parts *httpParts, b []byte, contentType string) {
	restSetContentType(req.Header, contentType)
	if len(b) == 0 {
		req.Body, req.GetBody, req.ContentLength = http.NoBody, httpNoBody, 0
		return
	}
	parts.setBody(req, b)
}

// restSetContentType sets the body's media type, unless a member bound to
// the Content-Type header already did.
func restSetContentType(h http.Header, contentType string) {
	if _, ok := h["Content-Type"]; !ok && contentType != "" {
		h["Content-Type"] = []string{contentType}
	}
}

// restStreamLengthError is a streaming payload whose length the request
// must state (@requiresLength) but that cannot say it.
type restStreamLengthError struct{}

func (restStreamLengthError) Error() string {
	return "the streaming payload must have a known length: pass a reader with a Len method (bytes.Reader, strings.Reader, bytes.Buffer) or an io.Seeker such as an *os.File"
}

// restSetStream sends r as the body, read by net/http as the request goes
// out. Its length is known when r has a Len method or can seek (r is then
// read from where it is to its end, and a retry seeks back there);
// otherwise the body is sent chunked, unless requireLength. The request
// never closes r: it belongs to the caller.
func restSetStream(req *http.Request, parts *httpParts, r io.Reader, contentType string, requireLength bool) error {
	restSetContentType(req.Header, contentType)
	n := int64(-1)
	var start int64
	seeker, seekable := r.(io.Seeker)
	if l, ok := r.(interface{ Len() int }); ok {
		n = int64(l.Len())
	}
	if seekable {
		var err error
		if start, err = seeker.Seek(0, io.SeekCurrent); err != nil {
			seekable = false
		} else if n < 0 {
			end, err := seeker.Seek(0, io.SeekEnd)
			if _, err2 := seeker.Seek(start, io.SeekStart); err != nil || err2 != nil {
				return errors.New("the streaming payload cannot seek: " + errors.Join(err, err2).Error())
			}
			n = end - start
		}
	}
	if n < 0 && requireLength {
		return restStreamLengthError{}
	}
	if n == 0 {
		req.Body, req.GetBody, req.ContentLength = http.NoBody, httpNoBody, 0
		return nil
	}
	body := &restStream{r: r}
	parts.holdBy(&body.httpHold)
	req.Body, req.ContentLength = body, n
	if seekable {
		req.GetBody = func() (io.ReadCloser, error) {
			again := &restStream{r: r}
			if err := body.share(&again.httpHold); err != nil {
				return nil, err
			}
			if _, err := seeker.Seek(start, io.SeekStart); err != nil {
				again.Close()
				return nil, err
			}
			return again, nil
		}
	}
	return nil
}

// restStream is a request body read from the caller's reader, for one
// request or one GetBody; closing it leaves the reader open.
type restStream struct {
	r io.Reader
	httpHold
}

func (s *restStream) Read(b []byte) (int, error) { return s.r.Read(b) }

// restAddEncoding appends a content coding to Content-Encoding, after any
// the caller set ("custom" becomes "custom, gzip").
func restAddEncoding(h http.Header, coding string) {
	if cur := h.Get("Content-Encoding"); cur != "" {
		coding = cur + ", " + coding
	}
	h["Content-Encoding"] = []string{coding}
}

// restSetContentMD5 sets Content-MD5 to the base64 MD5 of the body, as
// @httpChecksumRequired asks, unless the caller gave one.
func restSetContentMD5(req *http.Request, b []byte) {
	if req.Header.Get("Content-Md5") != "" {
		return
	}
	sum := md5.Sum(b)
	req.Header["Content-Md5"] = []string{base64.StdEncoding.EncodeToString(sum[:])}
}

// restLabelError is an @httpLabel member that is unset or empty: there is
// no request path without it.
type restLabelError struct {
	Member string // the input's field
}

func (e *restLabelError) Error() string {
	return "input member " + e.Member + " must be set and not empty: it is part of the request path"
}

// restDrain reads what remains of a body that carries nothing (up to a
// few kilobytes, so the connection can be reused) and closes it. Every
// member came from the status line and headers, so a body that fails to
// read does not fail the response.
func restDrain(resp *http.Response) {
	io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
	resp.Body.Close()
}
