package templates

// Tests of the request parts' recycling (httpParts in runtime_http.go):
// a request's URL, header map and body buffer go to a later request only
// once the client has released it and every reader of its body is
// closed, and never while anything can still see them.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
)

type partsInput struct{ s string }

func partsRequest(t *testing.T, body string) *http.Request {
	t.Helper()
	write := func(b []byte, v *partsInput) ([]byte, error) { return append(b, v.s...), nil }
	req, err := newAWSJSONRequest(context.Background(), "https://example.com", "", "Svc.Op", awsJSON10, &partsInput{body}, write, 0)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

func readAll(t *testing.T, r io.Reader) string {
	t.Helper()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// recycled reports whether req's parts went back to the pool (their
// generation moved on), which the pool may or may not hand out again.
func recycled(req *http.Request) bool {
	r := req.Body.(*httpBody)
	return r.parts.gen.Load() != r.gen
}

func TestPartsKeptUntilReleasedAndClosed(t *testing.T) {
	t.Run("neither", func(t *testing.T) {
		a := partsRequest(t, "first")
		b := partsRequest(t, "other")
		if a.URL == b.URL || readAll(t, a.Body) != "first" || readAll(t, b.Body) != "other" {
			t.Error("two live requests share their parts")
		}
	})
	t.Run("released only", func(t *testing.T) {
		a := partsRequest(t, "first")
		for range 2 { // a second release counts for nothing
			httpRelease(a)
		}
		if recycled(a) {
			t.Error("parts recycled while the transport may still read the request")
		}
		if readAll(t, a.Body) != "first" {
			t.Error("body changed")
		}
	})
	t.Run("closed only", func(t *testing.T) {
		a := partsRequest(t, "first")
		for range 2 { // a second Close counts for nothing
			a.Body.Close()
		}
		if recycled(a) || a.URL.Host != "example.com" {
			t.Error("parts recycled before the client released them")
		}
	})
	t.Run("both", func(t *testing.T) {
		a := partsRequest(t, "first")
		a.Body.Close()
		httpRelease(a)
		if !recycled(a) {
			t.Error("parts of a request done with were not recycled")
		}
		if _, err := a.GetBody(); !errors.Is(err, errBodyRecycled) {
			t.Errorf("GetBody of a recycled request: %v, want errBodyRecycled", err)
		}
	})
	t.Run("a retry's body still open", func(t *testing.T) {
		a := partsRequest(t, "first")
		again, err := a.GetBody()
		if err != nil {
			t.Fatal(err)
		}
		a.Body.Close()
		httpRelease(a)
		if recycled(a) {
			t.Error("parts recycled while a body from GetBody is open")
		}
		if readAll(t, again) != "first" {
			t.Error("GetBody's reader changed")
		}
		again.Close()
		again.Close()
		if !recycled(a) {
			t.Error("parts not recycled once every reader closed")
		}
	})
	t.Run("the pool hands them on", func(t *testing.T) {
		// sync.Pool may drop what it is given (under the race
		// detector, a quarter of the time at random): try a few.
		for range 20 {
			a := partsRequest(t, "first")
			a.Body.Close()
			httpRelease(a)
			if b := partsRequest(t, "b"); b.URL == a.URL {
				if readAll(t, b.Body) != "b" || b.URL.String() != "https://example.com/" {
					t.Errorf("a request on recycled parts: %s %q", b.URL, readAll(t, b.Body))
				}
				return
			}
		}
		t.Error("recycled parts never came back")
	})
}

// TestPartsHeaderMapCleared: a recycled map holds none of the headers
// the client or signer added to the request before.
func TestPartsHeaderMapCleared(t *testing.T) {
	a := partsRequest(t, "first")
	a.Header.Set("Authorization", "secret")
	a.Body.Close()
	httpRelease(a)
	for range 20 {
		b := partsRequest(t, "next")
		if b.Header.Get("Authorization") != "" || len(b.Header) != 2 {
			t.Fatalf("headers of a new request: %v", b.Header)
		}
	}
}

// TestClientReleasesOverHTTP sends calls in parallel through net/http to
// a server that echoes each body, so a request whose parts were reused
// too early would answer for another: run with -race. The client is
// net/http's, which keeps no request, so the parts do go round; the
// bodies are a query protocol's, a REST body in memory and a REST
// stream. Requests without a body (a REST GET; a PUT whose stream is
// unset) are echoed from their header, which must agree with their path.
func TestClientReleasesOverHTTP(t *testing.T) {
	for _, h2 := range []bool{false, true} {
		t.Run(map[bool]string{false: "HTTP1", true: "HTTP2"}[h2], func(t *testing.T) { clientReleasesOver(t, h2) })
	}
}

func clientReleasesOver(t *testing.T, h2 bool) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ProtoMajor != map[bool]int{false: 1, true: 2}[h2] {
			http.Error(w, "Proto:"+r.Proto, 400)
			return
		}
		b, _ := io.ReadAll(r.Body)
		_, name, _ := strings.Cut(string(b), "&Name=")
		name, _, _ = strings.Cut(name, "&")
		if len(b) == 0 {
			if name = r.Header.Get("X-Name"); r.URL.Path != "/toy/"+name {
				name = "path " + r.URL.Path + " header " + name
			}
		}
		fmt.Fprintf(w, "echo:%s", name)
	}))
	if h2 {
		srv.EnableHTTP2 = true
		srv.StartTLS()
	} else {
		srv.Start()
	}
	defer srv.Close()
	cfg := toyConfig(srv.Client())
	if !cfg.release {
		t.Fatal("net/http's client is not known to keep no request")
	}
	restBuild := func(stream bool) func(context.Context, *toyInput, string) (*http.Request, error) {
		return func(ctx context.Context, in *toyInput, endpoint string) (*http.Request, error) {
			var hw restHeaderWriter
			hw.set("X-Name", *in.Name)
			req, parts, err := newRestBodyRequest(ctx, "POST", endpoint, "", []byte("/toy/"+*in.Name), nil, &hw, false)
			if err != nil {
				return nil, err
			}
			body := "Action=Toy&Name=" + *in.Name
			if stream {
				err = restSetStream(req, parts, strings.NewReader(body), "text/plain", false)
			} else {
				restSetBody(req, parts, []byte(body), "text/plain")
			}
			return req, err
		}
	}
	get := func(ctx context.Context, in *toyInput, endpoint string) (*http.Request, error) {
		var hw restHeaderWriter
		hw.set("X-Name", *in.Name)
		return newRestRequest(ctx, "GET", endpoint, "", []byte("/toy/"+*in.Name), nil, &hw)
	}
	unset := func(ctx context.Context, in *toyInput, endpoint string) (*http.Request, error) {
		var hw restHeaderWriter
		hw.set("X-Name", *in.Name)
		req, parts, err := newRestBodyRequest(ctx, "PUT", endpoint, "", []byte("/toy/"+*in.Name), nil, &hw, restStreamEmpty(nil))
		if err != nil {
			return nil, err
		}
		return restSent(req, parts), nil
	}
	for _, c := range []struct {
		name  string
		build func(context.Context, *toyInput, string) (*http.Request, error)
	}{{"query", toyBuild}, {"rest", restBuild(false)}, {"stream", restBuild(true)}, {"bodyless", get}, {"unset", unset}} {
		t.Run(c.name, func(t *testing.T) {
			// The holds of the requests built, to see their parts
			// recycled: their bodies', or without one, their context's.
			var mu sync.Mutex
			var holds []partsHold
			build := func(ctx context.Context, in *toyInput, endpoint string) (*http.Request, error) {
				req, err := c.build(ctx, in, endpoint)
				if err == nil {
					mu.Lock()
					switch b := req.Body.(type) {
					case *httpBody:
						holds = append(holds, partsHold{b.parts, b.gen})
					case *restStream:
						holds = append(holds, partsHold{b.parts, b.gen})
					case nil:
						w := req.Context().(*httpWritesCtx)
						holds = append(holds, partsHold{w.hold.parts, w.hold.gen})
					}
					mu.Unlock()
				}
				return req, err
			}
			var wg sync.WaitGroup
			errs := make(chan error, 8)
			for g := range 8 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range 50 {
						name := fmt.Sprintf("g%d-%d-%s", g, i, strings.Repeat("x", i*7))
						call, out := toyCall(name)
						call.endpoint, call.build = toyEndpoint(srv.URL), build
						if err := clientInvoke(context.Background(), cfg, call); err != nil || out.Echo != name {
							errs <- fmt.Errorf("%s: echo %q, %v", name, out.Echo, err)
							return
						}
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
			// The transport may close the last bodies a moment later.
			recycled := 0
			for _, h := range holds {
				if h.parts.gen.Load() != h.gen {
					recycled++
				}
			}
			if len(holds) != 400 || recycled < 200 {
				t.Errorf("%d of %d requests' parts recycled, want most of 400", recycled, len(holds))
			}
		})
	}
}

// partsHold is a request's parts in the use it made of them.
type partsHold struct {
	parts *httpParts
	gen   uint32
}

// TestRestStreamHolds: a stream's parts wait for its reader and any
// GetBody's to close, and closing them leaves the caller's reader open.
func TestRestStreamHolds(t *testing.T) {
	req, parts, err := newRestBodyRequest(context.Background(), "PUT", "https://example.com", "", []byte("/k"), nil, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	f := &closeCounter{Reader: strings.NewReader("data")}
	if err := restSetStream(req, parts, io.ReadSeeker(struct {
		io.Reader
		io.Seeker
	}{f, f.Reader.(io.Seeker)}), "", true); err != nil {
		t.Fatal(err)
	}
	again, err := req.GetBody()
	if err != nil {
		t.Fatal(err)
	}
	req.Body.Close()
	httpRelease(req)
	gen := req.Body.(*restStream).gen
	if parts.gen.Load() != gen {
		t.Error("parts recycled while GetBody's reader is open")
	}
	if readAll(t, again) != "data" {
		t.Error("GetBody's reader did not read the stream from the start")
	}
	again.Close()
	if parts.gen.Load() == gen {
		t.Error("parts not recycled once every reader closed")
	}
	if f.closes != 0 {
		t.Error("closing the request body closed the caller's reader")
	}
	if _, err := req.GetBody(); !errors.Is(err, errBodyRecycled) {
		t.Errorf("GetBody of a recycled request: %v", err)
	}
}

type closeCounter struct {
	io.Reader
	closes int
}

func (c *closeCounter) Close() error { c.closes++; return nil }

func TestClientKeepsNoRequests(t *testing.T) {
	for _, c := range []struct {
		d    clientDoer
		want bool
	}{
		{http.DefaultClient, true},
		{&http.Client{Transport: &http.Transport{}}, true},
		{awshttp.NewBuildableClient(), true},
		{&http.Client{Transport: roundTripper(nil)}, false},
		{&fakeDoer{}, false},
	} {
		if got := clientKeepsNoRequests(c.d); got != c.want {
			t.Errorf("%T: %v, want %v", c.d, got, c.want)
		}
	}
	// A program that wraps net/http's default transport (to trace
	// requests, say) makes the default client one that may keep them.
	saved := http.DefaultTransport
	defer func() { http.DefaultTransport = saved }()
	http.DefaultTransport = roundTripper(saved.RoundTrip)
	if clientKeepsNoRequests(http.DefaultClient) {
		t.Error("the default client over a wrapped default transport counts as keeping no request")
	}
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// TestPayloadHashOfPartsBody: the hash of a body in memory reads the bytes
// themselves, leaving no reader open (which would keep the parts).
func TestPayloadHashOfPartsBody(t *testing.T) {
	a := partsRequest(t, "Action=Toy")
	want, err := clientPayloadHash(httpRequest(t, bytes.NewReader([]byte("Action=Toy"))))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := clientPayloadHash(a); err != nil || got != want {
		t.Errorf("hash %q, %v; want %q", got, err, want)
	}
	if h := a.Body.(*httpBody).parts.holds.Load(); h != 2 {
		t.Errorf("%d holds after hashing, want 2 (the client and the body)", h)
	}
}

// TestClientSendsStreamOnce: a stream the caller gave, which the payload
// hash and a body-logging client read before sending, still goes out
// whole on the first attempt (they share one reader, which each must
// leave at the start).
func TestClientSendsStreamOnce(t *testing.T) {
	var mu sync.Mutex
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, fmt.Sprintf("%s %q %v", r.Header.Get("Amz-Sdk-Request"), b, err))
		mu.Unlock()
		fmt.Fprint(w, "echo:x")
	}))
	defer srv.Close()
	for _, logBody := range []bool{false, true} {
		got = nil
		cfg := toyConfig(srv.Client())
		if logBody {
			cfg.logMode = aws.LogRequestWithBody
		}
		call, _ := toyCall("x")
		call.endpoint = toyEndpoint(srv.URL)
		call.build = func(ctx context.Context, in *toyInput, endpoint string) (*http.Request, error) {
			req, parts, err := newRestBodyRequest(ctx, "PUT", endpoint, "", []byte("/k"), nil, nil, false)
			if err != nil {
				return nil, err
			}
			return req, restSetStream(req, parts, strings.NewReader("the data"), "", true)
		}
		if err := clientInvoke(context.Background(), cfg, call); err != nil {
			t.Fatal(err)
		}
		if want := `attempt=1; max=3 "the data" <nil>`; len(got) != 1 || got[0] != want {
			t.Errorf("logging the body %v: the server saw %q, want [%q]", logBody, got, want)
		}
	}
}

// bodylessRequest is a GET built as a generated package builds one, then
// watched as a client that releases requests watches it.
func bodylessRequest(t *testing.T, ctx context.Context) (*http.Request, partsHold) {
	t.Helper()
	var hw restHeaderWriter
	hw.set("X-Name", "n")
	req, err := newRestRequest(ctx, "GET", "https://example.com", "", []byte("/k"), nil, &hw)
	if err != nil {
		t.Fatal(err)
	}
	httpWatch(req)
	c := req.Context().(*httpWritesCtx)
	return req, partsHold{c.hold.parts, c.hold.gen}
}

func (h partsHold) recycled() bool { return h.parts.gen.Load() != h.gen }

// TestPartsWithoutBodyWaitForWrites: a request without a body, on a
// client that releases it, is recycled once released and once net/http
// has written every attempt it began (GotConn, WroteRequest), in
// whichever order; never when its writes went untraced.
func TestPartsWithoutBodyWaitForWrites(t *testing.T) {
	for _, c := range []struct {
		name  string
		steps string // c: GotConn, w: WroteRequest, r: the client's release
		last  bool   // recycled after the last step (and not before)
	}{
		{"written, then released", "cwr", true},
		{"released while being written", "crw", true},
		{"retried by the transport", "cwcrw", true},
		{"released twice while being written", "crrw", true},
		{"an attempt not written yet", "cwcr", false},
		{"writes never traced", "r", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			req, h := bodylessRequest(t, context.Background())
			trace := httptrace.ContextClientTrace(req.Context())
			if trace == nil {
				t.Fatal("the request carries no trace")
			}
			for i, step := range c.steps {
				if h.recycled() {
					t.Fatalf("recycled before step %d of %q", i, c.steps)
				}
				switch step {
				case 'c':
					trace.GotConn(httptrace.GotConnInfo{})
				case 'w':
					trace.WroteRequest(httptrace.WroteRequestInfo{})
				case 'r':
					httpRelease(req)
				}
			}
			if h.recycled() != c.last {
				t.Errorf("recycled after %q: %v, want %v", c.steps, h.recycled(), c.last)
			}
			if c.last && httptrace.ContextClientTrace(req.Context()) != nil {
				t.Error("a recycled request's context still gives the parts' trace")
			}
		})
	}
}

// TestPartsWithoutBodyLeaveCallersTrace: a caller who traces requests
// gets its own hooks called, and the parts are then never recycled.
func TestPartsWithoutBodyLeaveCallersTrace(t *testing.T) {
	wrote := 0
	mine := &httptrace.ClientTrace{WroteRequest: func(httptrace.WroteRequestInfo) { wrote++ }}
	req, h := bodylessRequest(t, httptrace.WithClientTrace(context.Background(), mine))
	trace := httptrace.ContextClientTrace(req.Context())
	if trace != mine {
		t.Fatal("the caller's trace is hidden")
	}
	trace.WroteRequest(httptrace.WroteRequestInfo{})
	httpRelease(req)
	if wrote != 1 || h.recycled() {
		t.Errorf("caller's hook called %d times, recycled %v", wrote, h.recycled())
	}
}

// TestPartsWithoutBodyOtherRequestsContext: a call whose context is that
// of another request (taken from an error's response, say) watches its
// own parts only.
func TestPartsWithoutBodyOtherRequestsContext(t *testing.T) {
	// A request never sent: its parts are not watched.
	old, err := newRestRequest(context.Background(), "GET", "https://example.com", "", []byte("/k"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	req, err := newQueryRequest(old.Context(), "https://example.com", "", nil, false)
	if err != nil {
		t.Fatal(err)
	}
	httpWatch(req) // a query request's context is the caller's: old's
	if c := old.Context().(*httpWritesCtx); c.watched || c.hold.parts.holds.Load() != 0 {
		t.Errorf("watching a request watched another's parts (%d holds)", c.hold.parts.holds.Load())
	}
	if httptrace.ContextClientTrace(req.Context()) != nil {
		t.Error("the request carries another request's trace")
	}
}
