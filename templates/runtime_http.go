package templates

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// newQueryRequest builds the POST request for a query-protocol body.
func newQueryRequest(ctx context.Context, endpoint, hostPrefix string, body []byte, gzipBody bool) (*http.Request, error) {
	return newPostRequest(ctx, endpoint, hostPrefix, "application/x-www-form-urlencoded", body, gzipBody)
}

// newPostRequest builds the POST request of the protocols that send every
// operation to one path (the query and awsJson protocols).
//
// The request path is the endpoint's path with the operation's "/" joined
// on, so https://example.com/custom gives /custom/ (the Smithy test
// Ec2QueryHostWithPath). hostPrefix, already expanded, goes before the host.
// With gzipBody the body is gzip-compressed and Content-Encoding is "gzip":
// these protocols ignore HTTP binding traits, so no other encoding is kept.
func newPostRequest(ctx context.Context, endpoint, hostPrefix, contentType string, body []byte, gzipBody bool) (*http.Request, error) {
	if gzipBody {
		var err error
		if body, err = gzipQueryBody(body); err != nil {
			return nil, err
		}
	}
	// A *bytes.Reader body makes net/http set ContentLength and GetBody.
	req, err := newEndpointRequest(ctx, http.MethodPost, endpoint, hostPrefix, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	u := req.URL
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
		if u.RawPath != "" {
			u.RawPath += "/"
		}
	}
	req.Header.Set("Content-Type", contentType)
	if gzipBody {
		req.Header.Set("Content-Encoding", "gzip")
	}
	return req, nil
}

// newEndpointRequest builds a request to endpoint, which must be an http
// or https URL with a host (and maybe a path), hostPrefix (already
// expanded) going before its host. The fragment is dropped.
func newEndpointRequest(ctx context.Context, method, endpoint, hostPrefix string, body io.Reader) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, endpoint, body)
	if err != nil {
		if ctx == nil {
			return nil, err
		}
		return nil, errors.New("invalid endpoint: " + err.Error())
	}
	u := req.URL
	if u.Scheme != "https" && u.Scheme != "http" {
		return nil, errors.New("invalid endpoint " + quoteEndpoint(endpoint) + ": want an http or https URL")
	}
	if u.Host == "" || u.Opaque != "" || u.User != nil {
		return nil, errors.New("invalid endpoint " + quoteEndpoint(endpoint) + ": want scheme://host[:port][/path]")
	}
	if hostPrefix != "" {
		for i := 0; i < len(hostPrefix); i++ {
			c := hostPrefix[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.') {
				return nil, errors.New("invalid host prefix " + quoteEndpoint(hostPrefix))
			}
		}
		u.Host = hostPrefix + u.Host
		req.Host = hostPrefix + req.Host
	}
	u.Fragment, u.RawFragment = "", ""
	return req, nil
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
