package templates

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
)

// newQueryRequest builds the POST request for a query-protocol body.
func newQueryRequest(ctx context.Context, endpoint, hostPrefix string, body []byte, gzipBody bool) (*http.Request, error) {
	return newPostRequest(ctx, endpoint, hostPrefix, body, gzipBody, "Content-Type", "application/x-www-form-urlencoded")
}

// postRequest is a request and what it points to, allocated together.
type postRequest struct {
	req  http.Request
	url  url.URL
	body postBody
	vals [4]string // header values
}

// postBody is a request body over bytes.
type postBody struct{ bytes.Reader }

func (*postBody) Close() error { return nil }

// newPostRequest builds the POST request of the protocols that send every
// operation to one path (the query and awsJson protocols), with header
// given as canonical name, value pairs (four at most).
//
// The request path is the endpoint's path with the operation's "/" joined
// on, so https://example.com/custom gives /custom/ (the Smithy test
// Ec2QueryHostWithPath). hostPrefix, already expanded, goes before the host.
// With gzipBody the body is gzip-compressed and Content-Encoding is "gzip":
// these protocols ignore HTTP binding traits, so no other encoding is kept.
//
// It builds what http.NewRequestWithContext would, with ContentLength and
// GetBody set, in a handful of allocations: the request, its URL (parsed
// once per endpoint), body reader and header values share one.
func newPostRequest(ctx context.Context, endpoint, hostPrefix string, body []byte, gzipBody bool, header ...string) (*http.Request, error) {
	if ctx == nil {
		return nil, errors.New("net/http: nil Context")
	}
	base, err := postEndpoint(endpoint)
	if err != nil {
		return nil, err
	}
	if gzipBody {
		if body, err = gzipQueryBody(body); err != nil {
			return nil, err
		}
		header = append(header, "Content-Encoding", "gzip")
	}
	p := &postRequest{url: *base}
	if hostPrefix != "" {
		for i := 0; i < len(hostPrefix); i++ {
			c := hostPrefix[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.') {
				return nil, errors.New("invalid host prefix " + quoteEndpoint(hostPrefix))
			}
		}
		p.url.Host = hostPrefix + p.url.Host
	}
	h := make(http.Header, len(header)/2)
	for i := 0; i+1 < len(header); i += 2 {
		k := i / 2
		p.vals[k] = header[i+1]
		h[header[i]] = p.vals[k : k+1 : k+1]
	}
	p.req = http.Request{
		Method:     http.MethodPost,
		URL:        &p.url,
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Header:     h,
		Body:       http.NoBody,
		GetBody:    func() (io.ReadCloser, error) { return http.NoBody, nil },
		Host:       p.url.Host,
	}
	if len(body) > 0 {
		p.body.Reset(body)
		p.req.Body, p.req.ContentLength = &p.body, int64(len(body))
		p.req.GetBody = func() (io.ReadCloser, error) {
			r := &postBody{}
			r.Reset(body)
			return r, nil
		}
	}
	if ctx == context.Background() {
		return &p.req, nil // a request without a context has this one
	}
	return p.req.WithContext(ctx), nil
}

// postEndpoints keeps the last endpoint parsed: a client sends most of its
// requests to one.
var postEndpoints atomic.Pointer[postEndpointEntry]

type postEndpointEntry struct {
	endpoint string
	url      url.URL
}

// postEndpoint parses and checks an endpoint, and joins "/" on its path.
// The URL it returns is shared: copy it before changing it.
func postEndpoint(endpoint string) (*url.URL, error) {
	if e := postEndpoints.Load(); e != nil && e.endpoint == endpoint {
		return &e.url, nil
	}
	u, err := url.Parse(endpoint)
	if err != nil {
		return nil, errors.New("invalid endpoint: " + err.Error())
	}
	if u.Scheme != "https" && u.Scheme != "http" {
		return nil, errors.New("invalid endpoint " + quoteEndpoint(endpoint) + ": want an http or https URL")
	}
	if u.Host == "" || u.Opaque != "" || u.User != nil {
		return nil, errors.New("invalid endpoint " + quoteEndpoint(endpoint) + ": want scheme://host[:port][/path]")
	}
	// As net/http does, a host ending in an empty port loses the colon.
	if i := strings.LastIndexByte(u.Host, ':'); i > strings.LastIndexByte(u.Host, ']') {
		u.Host = strings.TrimSuffix(u.Host, ":")
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
		if u.RawPath != "" {
			u.RawPath += "/"
		}
	}
	u.Fragment, u.RawFragment = "", ""
	postEndpoints.Store(&postEndpointEntry{endpoint: endpoint, url: *u})
	return u, nil
}

func quoteEndpoint(s string) string {
	if len(s) > 200 {
		s = s[:200] + "..."
	}
	return strconv.Quote(s)
}

var gzipQueryWriters = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

func gzipQueryBody(body []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(body)/2 + 64)
	zw := gzipQueryWriters.Get().(*gzip.Writer)
	zw.Reset(&buf)
	_, err := zw.Write(body)
	if err == nil {
		err = zw.Close()
	}
	zw.Reset(io.Discard) // drop the reference to buf before pooling
	gzipQueryWriters.Put(zw)
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
