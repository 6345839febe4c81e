package templates

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"hash/maphash"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// newQueryRequest builds the POST request for a query-protocol body.
func newQueryRequest(ctx context.Context, endpoint, hostPrefix string, body []byte, gzipBody bool) (*http.Request, error) {
	return newPostRequest(ctx, httpTakeParts(), endpoint, hostPrefix, body, gzipBody, "Content-Type", "application/x-www-form-urlencoded")
}

// newPostRequest builds the POST request of the protocols that send every
// operation to one path (the query and awsJson protocols), with header
// given as canonical name, value pairs (four at most). p holds what the
// request points to (httpTakeParts); body may be p.buf.
//
// The request path is the endpoint's path with the operation's "/" joined
// on, so https://example.com/custom gives /custom/ (the Smithy test
// Ec2QueryHostWithPath). hostPrefix, already expanded, goes before the host.
// With gzipBody the body is gzip-compressed and Content-Encoding is "gzip":
// these protocols ignore HTTP binding traits, so no other encoding is kept.
//
// It builds what http.NewRequestWithContext would, with ContentLength and
// GetBody set, in a handful of allocations: the URL (parsed once per
// endpoint), header map and values are p's, which the request's body
// hands back for the next request once it is done (httpRelease).
func newPostRequest(ctx context.Context, p *httpParts, endpoint, hostPrefix string, body []byte, gzipBody bool, header ...string) (*http.Request, error) {
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
	p.url = ep.url
	p.url.Path, p.url.RawPath = ep.postPath, ep.postRawPath
	if err := httpHostPrefix(&p.url, hostPrefix); err != nil {
		return nil, err
	}
	h := p.header(len(header)/2 + httpHeaderRoom)
	for i := 0; i+1 < len(header); i += 2 {
		k := i / 2
		p.vals[k] = header[i+1]
		h[header[i]] = p.vals[k : k+1 : k+1]
	}
	req := httpNewRequest(ctx, http.MethodPost, &p.url, h)
	req.Body = http.NoBody
	req.GetBody = httpNoBody
	if len(body) > 0 {
		p.setBody(req, body)
	}
	return req, nil
}

func httpNoBody() (io.ReadCloser, error) { return http.NoBody, nil }

// httpParts is what a request points to besides itself: its URL, header
// map and values, and the buffer its body was built in. A request hands
// them on to a later request once nothing can use them any more: when the
// client has released the request (httpRelease, after a call that
// succeeded) and net/http is done with it. With a body, net/http is done
// once it has closed every reader of the body (it writes the headers
// before the body). Without one, it is done once it has written each
// attempt (httpWrites). The parts of a request never released are left to
// the garbage collector.
type httpParts struct {
	url  url.URL
	vals [16]string // header values
	h    http.Header
	buf  []byte // a body built in memory
	// holds counts who may still use the parts: the client until it
	// releases the request, and each reader of the body until closed
	// (or, without a body, each write under way).
	holds atomic.Int32
	// gen counts the parts' uses, so that GetBody of a request long done
	// fails rather than reading another request's body.
	gen atomic.Uint32
	// writes is what tells of the writes of a request without a body;
	// made the first time these parts serve one.
	writes *httpWrites
}

var httpPartsPool = sync.Pool{New: func() any { return new(httpParts) }}

// httpTakeParts returns parts for a new request.
func httpTakeParts() *httpParts { return httpPartsPool.Get().(*httpParts) }

// header returns the parts' header map, empty, with room for n headers
// when it is new.
func (p *httpParts) header(n int) http.Header {
	if p.h == nil {
		p.h = make(http.Header, n)
	}
	return p.h
}

// setBody sends body, which GetBody reads again for retries and
// redirects.
func (p *httpParts) setBody(req *http.Request, body []byte) {
	r := &httpBody{data: body}
	r.Reset(body)
	p.holdBy(&r.httpHold)
	req.Body, req.ContentLength, req.GetBody = r, int64(len(body)), r.reopen
}

// holdBy makes h the request's hold on p, which the client ends with
// release: the parts are then held by the client and by the body's
// reader (whose hold h is too) or, without a body, the first write.
func (p *httpParts) holdBy(h *httpHold) {
	h.parts, h.gen = p, p.gen.Load()
	p.holds.Store(2)
}

// drop ends one hold on the parts; the last one recycles them.
func (p *httpParts) drop() {
	if p.holds.Add(-1) != 0 {
		return
	}
	p.gen.Add(1)
	p.url, p.vals = url.URL{}, [16]string{}
	if len(p.h) > 32 {
		p.h = nil // a rare request's big map is not kept for every other
	}
	clear(p.h)
	if cap(p.buf) > 64<<10 {
		p.buf = nil
	}
	httpPartsPool.Put(p)
}

// httpRelease tells that the client is done with req, a request it sent
// and whose response it has read: nothing it returned refers to req. The
// parts go to a later request once the transport has closed the body
// too. Only requests sent by an HTTP client known to keep no request
// once it has answered may be released (clientKeepsNoRequests).
func httpRelease(req *http.Request) {
	if r, ok := req.Body.(interface{ release() }); ok {
		r.release()
	} else if c, ok := req.Context().(*httpWritesCtx); ok {
		c.release()
	}
}

// httpWatch makes req, about to be sent by a client that will release it,
// one whose parts can be recycled although it has no body: its writes are
// counted (httpWrites). A request with a body needs nothing more.
func httpWatch(req *http.Request) {
	// The context must be the one made for req's parts, not a caller's
	// that came from another request.
	if c, ok := req.Context().(*httpWritesCtx); ok && req.URL == &c.hold.parts.url && (req.Body == nil || req.Body == http.NoBody) {
		c.watch()
	}
}

// httpWrites counts the writes of a request without a body, whose end
// nothing else tells: there is no body for net/http to close once it has
// written the request, and over HTTP/1 it may still be writing when the
// response has come (a server may answer before it has read the request).
// net/http calls a trace's GotConn before each attempt (a retry, a
// redirect) writes the request, and its WroteRequest once the attempt has
// written it, or failed to. The parts are held by the client and by each
// write under way; the first GotConn takes the hold made for the first
// write, so that parts whose writes were never seen (a RoundTripper that
// traces nothing) are never recycled.
type httpWrites struct {
	parts   *httpParts
	trace   httptrace.ClientTrace
	traced  context.Context // carries trace, for httpWritesCtx
	sawConn atomic.Bool
}

func (w *httpWrites) gotConn(httptrace.GotConnInfo) {
	if !w.sawConn.CompareAndSwap(false, true) {
		w.parts.holds.Add(1)
	}
}

func (w *httpWrites) wroteRequest(httptrace.WroteRequestInfo) { w.parts.drop() }

// httpWritesCtx is the context of a request that may go without a body:
// the caller's, and once watched, the trace that counts the request's
// writes while the parts serve it.
type httpWritesCtx struct {
	context.Context
	hold    httpHold // the client's, once watched
	watched bool     // set before the request is sent
}

func (p *httpParts) writesCtx(ctx context.Context) *httpWritesCtx {
	c := &httpWritesCtx{Context: ctx}
	c.hold.parts, c.hold.gen = p, p.gen.Load()
	return c
}

func (c *httpWritesCtx) Value(key any) any {
	if p := c.hold.parts; c.watched && p.gen.Load() == c.hold.gen {
		if v := p.writes.traced.Value(key); v != nil {
			return v
		}
	}
	return c.Context.Value(key)
}

// watch starts counting the writes, with the holds of the client and of
// the first write, unless the caller's context carries a trace already
// (ours would have to be composed with it).
func (c *httpWritesCtx) watch() {
	if c.watched || httptrace.ContextClientTrace(c.Context) != nil {
		return
	}
	p := c.hold.parts
	if p.writes == nil {
		w := &httpWrites{parts: p}
		w.trace.GotConn, w.trace.WroteRequest = w.gotConn, w.wroteRequest
		w.traced = httptrace.WithClientTrace(context.Background(), &w.trace)
		p.writes = w
	}
	p.writes.sawConn.Store(false)
	p.holdBy(&c.hold)
	c.watched = true
}

func (c *httpWritesCtx) release() {
	if c.watched {
		c.hold.release()
	}
}

// httpHold is a request body's hold on the request's parts: its
// reader's, which Close ends, and for the request's own body the
// client's too, which release ends. Each ends once, however often it is
// called: a reader is made for one request and never reused.
type httpHold struct {
	parts            *httpParts
	gen              uint32
	closed, released atomic.Bool
}

func (h *httpHold) Close() error {
	if h.closed.CompareAndSwap(false, true) {
		h.parts.drop()
	}
	return nil
}

func (h *httpHold) release() {
	if h.released.CompareAndSwap(false, true) {
		h.parts.drop()
	}
}

// share makes to, a new reader's hold, for GetBody; errBodyRecycled when
// the parts serve another request by now.
func (h *httpHold) share(to *httpHold) error {
	p := h.parts
	if p.gen.Load() != h.gen {
		return errBodyRecycled
	}
	p.holds.Add(1)
	to.parts, to.gen = p, h.gen
	return nil
}

// errBodyRecycled is GetBody of a request done long ago: its parts serve
// another request by now.
var errBodyRecycled = errors.New("the request is done: its body cannot be read again")

// httpBody reads a body held in memory, for one request or one GetBody.
type httpBody struct {
	bytes.Reader
	httpHold
	data []byte
}

// reopen is GetBody: a new reader of the same bytes.
func (r *httpBody) reopen() (io.ReadCloser, error) {
	nr := &httpBody{data: r.data}
	if err := r.share(&nr.httpHold); err != nil {
		return nil, err
	}
	nr.Reset(r.data)
	return nr, nil
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
