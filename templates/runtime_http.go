package templates

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"hash/maphash"
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

// postParts is what a POST request points to, allocated together.
type postParts struct {
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
// GetBody set, in a handful of allocations: the URL (parsed once per
// endpoint), body reader and header values share one.
func newPostRequest(ctx context.Context, endpoint, hostPrefix string, body []byte, gzipBody bool, header ...string) (*http.Request, error) {
	if ctx == nil {
		return nil, errors.New("net/http: nil Context")
	}
	ep, err := httpEndpointOf(endpoint)
	if err != nil {
		return nil, err
	}
	if gzipBody {
		if body, err = gzipQueryBody(body); err != nil {
			return nil, err
		}
		header = append(header, "Content-Encoding", "gzip")
	}
	p := &postParts{url: ep.url}
	p.url.Path, p.url.RawPath = ep.postPath, ep.postRawPath
	if err := httpHostPrefix(&p.url, hostPrefix); err != nil {
		return nil, err
	}
	h := make(http.Header, len(header)/2+httpHeaderRoom)
	for i := 0; i+1 < len(header); i += 2 {
		k := i / 2
		p.vals[k] = header[i+1]
		h[header[i]] = p.vals[k : k+1 : k+1]
	}
	req := httpNewRequest(ctx, http.MethodPost, &p.url, h)
	req.Body = http.NoBody
	req.GetBody = func() (io.ReadCloser, error) { return http.NoBody, nil }
	if len(body) > 0 {
		p.body.Reset(body)
		req.Body, req.ContentLength = &p.body, int64(len(body))
		req.GetBody = func() (io.ReadCloser, error) {
			r := &postBody{}
			r.Reset(body)
			return r, nil
		}
	}
	return req, nil
}

// httpHeaderRoom is how many headers a request's map has room for beyond
// the bound ones: the body's Content-Type, which the request builder sets
// after them. The client's own (signature, invocation ID, ...) may make
// the map grow once; room for them here would make every request's map
// bigger than the request itself needs, which costs as much.
const httpHeaderRoom = 1

// httpNewRequest is what http.NewRequestWithContext(ctx, method, u, nil)
// returns, for a URL already parsed and checked: no body yet, Host from
// u. The request is built on the stack and copied out once by
// WithContext, the only way to give it ctx.
func httpNewRequest(ctx context.Context, method string, u *url.URL, h http.Header) *http.Request {
	r := http.Request{
		Method:     method,
		URL:        u,
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Header:     h,
		Host:       u.Host,
	}
	return r.WithContext(ctx)
}

// httpHostPrefix puts hostPrefix (an endpoint trait's, already expanded)
// before u's host, refusing one that is not made of host characters.
func httpHostPrefix(u *url.URL, hostPrefix string) error {
	if hostPrefix == "" {
		return nil
	}
	for i := 0; i < len(hostPrefix); i++ {
		c := hostPrefix[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.') {
			return errors.New("invalid host prefix " + quoteEndpoint(hostPrefix))
		}
	}
	u.Host = hostPrefix + u.Host
	return nil
}

// httpEndpoint is an endpoint parsed and checked.
type httpEndpoint struct {
	endpoint string
	url      url.URL // without fragment, a host's empty port dropped
	// The path with "/" joined on, which the query and awsJson
	// protocols post to.
	postPath, postRawPath string
}

// httpEndpoints keeps endpoints parsed lately, each in a slot picked by
// its hash: a client sends most of its requests to one or a few (S3, one
// per bucket), and parsing one costs more than building the request.
var (
	httpEndpoints    [8]atomic.Pointer[httpEndpoint]
	httpEndpointSeed = maphash.MakeSeed()
)

// httpEndpointOf parses and checks an endpoint, or finds it parsed. What
// it returns is shared: copy its URL before changing it.
func httpEndpointOf(endpoint string) (*httpEndpoint, error) {
	slot := &httpEndpoints[maphash.String(httpEndpointSeed, endpoint)%uint64(len(httpEndpoints))]
	if e := slot.Load(); e != nil && e.endpoint == endpoint {
		return e, nil
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
	u.Fragment, u.RawFragment = "", ""
	e := &httpEndpoint{endpoint: endpoint, url: *u, postPath: u.Path, postRawPath: u.RawPath}
	if !strings.HasSuffix(u.Path, "/") {
		e.postPath += "/"
		if u.RawPath != "" {
			e.postRawPath += "/"
		}
	}
	slot.Store(e)
	return e, nil
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
