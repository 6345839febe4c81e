package templates

import (
	"context"
	"net/http"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Requests to many endpoints, in turns, each get their own: the parsed
// endpoints kept for reuse never answer for another.
func TestEndpointsKept(t *testing.T) {
	var endpoints []string
	for i := range 40 {
		endpoints = append(endpoints, "https://bucket-"+strconv.Itoa(i)+".s3.amazonaws.com/base"+strconv.Itoa(i%3))
	}
	for round := range 3 {
		for i, e := range endpoints {
			rest, err := newRestRequest(context.Background(), "GET", e, "", []byte("/k"), nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			post, err := newQueryRequest(context.Background(), e, "", nil, false)
			if err != nil {
				t.Fatal(err)
			}
			host := "bucket-" + strconv.Itoa(i) + ".s3.amazonaws.com"
			base := "/base" + strconv.Itoa(i%3)
			if rest.URL.String() != "https://"+host+base+"/k" || rest.Host != host || post.URL.String() != "https://"+host+base+"/" {
				t.Fatalf("round %d, %s: %s (host %s) and %s", round, e, rest.URL, rest.Host, post.URL)
			}
		}
	}
	// Goroutines sharing the kept endpoints each get their own (run with
	// -race).
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 200 {
				e := endpoints[(i*7+g)%len(endpoints)]
				req, err := newRestRequest(context.Background(), "GET", e, "", []byte("/k"), nil, nil)
				if err != nil || !strings.HasPrefix(e, req.URL.Scheme+"://"+req.URL.Host) {
					t.Errorf("%s: %v %v", e, req.URL, err)
					return
				}
			}
		})
	}
	wg.Wait()
	// A request changes its own URL, never the one kept.
	a, _ := newRestRequest(context.Background(), "GET", endpoints[0], "pre.", []byte("/a"), []byte("x=1"), nil)
	b, _ := newRestRequest(context.Background(), "GET", endpoints[0], "", []byte("/b"), nil, nil)
	if a.URL.String() != "https://pre.bucket-0.s3.amazonaws.com/base0/a?x=1" || b.URL.String() != "https://bucket-0.s3.amazonaws.com/base0/b" {
		t.Errorf("%s, %s", a.URL, b.URL)
	}
}

// restSetURL decodes the path itself: the result must be what url.URL
// holds for the same escaped path, as net/url decodes it.
func TestRestSetURLDecodes(t *testing.T) {
	for _, s := range []string{"plain", "a b/c", "ünï/cödé", "%", "50%/off", "a+b=c&d", "~-._", "..", "/lead", "x%2Fy", "\x00\x7f\xff"} {
		for _, greedy := range []bool{false, true} {
			for _, endpoint := range []string{"https://example.com", "https://example.com/a%2Fb", "https://example.com/sp%20ace/"} {
				u, err := url.Parse(endpoint)
				if err != nil {
					t.Fatal(err)
				}
				restSetURL(u, restLabel([]byte("/"), s, greedy), []byte("q=1"))
				want, err := url.PathUnescape(u.RawPath)
				if err != nil || u.Path != want || u.EscapedPath() != u.RawPath || u.RawQuery != "q=1" {
					t.Errorf("%s + %q (greedy %v): Path %q RawPath %q EscapedPath %q query %q; want Path %q (%v)",
						endpoint, s, greedy, u.Path, u.RawPath, u.EscapedPath(), u.RawQuery, want, err)
				}
				reparsed, err := url.Parse(u.String())
				if err != nil || reparsed.Path != u.Path {
					t.Errorf("%s + %q: %s parses back to path %q (%v), want %q", endpoint, s, u, reparsed.Path, err, u.Path)
				}
			}
		}
	}
}

// A request with a dozen bound headers makes its header map once, big
// enough for them and the body's Content-Type.
func TestRestRequestHeaderMap(t *testing.T) {
	names := []string{"X-A", "X-B", "X-C", "X-D", "X-E", "X-F", "X-G", "X-H", "X-I", "X-J", "X-K", "X-L", "X-M", "X-N"}
	v := []string{"v"}
	build := func() {
		var hw restHeaderWriter
		for _, name := range names {
			hw.set(name, "v")
		}
		req, err := newRestRequest(context.Background(), "PUT", "https://example.com", "", []byte("/k"), nil, &hw)
		if err != nil || len(req.Header) != len(names) {
			t.Fatalf("%v %v", req.Header, err)
		}
		req.Header["Content-Type"] = v
	}
	build()
	// The parts (URL and header values; never released here, so never
	// recycled), the request and its context, one string for the path
	// and query, and the map (four allocations when it is not small); a
	// map that grew would take more.
	if n := testing.AllocsPerRun(100, build); n > 8 {
		t.Errorf("%v allocations, want 8 at most", n)
	}
}

// Headers past the writer's inline room (entries and text) come out as
// http.Header.Set would have set them, with the path and query intact.
func TestRestRequestManyHeaders(t *testing.T) {
	for _, count := range []int{1, 15, 16, 17, 40} {
		var hw restHeaderWriter
		want := http.Header{}
		meta := map[string]string{}
		for i := range count {
			key := "meta-" + strconv.Itoa(i)
			meta[key] = strings.Repeat("v", i)
			want.Set("x-amz-meta-"+key, strings.Repeat("v", i))
		}
		hw.setPrefixed("x-amz-meta-", meta)
		for i := range count {
			name := http.CanonicalHeaderKey("x-int-" + strconv.Itoa(i))
			hw.setInt(name, int64(i)*1234567890123)
			want.Set(name, strconv.FormatInt(int64(i)*1234567890123, 10))
			name = "X-Str-" + strconv.Itoa(i)
			hw.set(name, name+" value")
			want.Set(name, name+" value")
		}
		req, err := newRestRequest(context.Background(), "PUT", "https://example.com/base", "", []byte("/a%20b/c"), []byte("x=1"), &hw)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, req.Header); diff != "" {
			t.Errorf("%d: headers (-want +got):\n%s", count, diff)
		}
		if req.URL.String() != "https://example.com/base/a%20b/c?x=1" || req.URL.Path != "/base/a b/c" {
			t.Errorf("%d: URL %s, path %q", count, req.URL, req.URL.Path)
		}
	}
}

// Prefixed header names come out as net/textproto spells them.
func TestRestCanonicalName(t *testing.T) {
	for _, key := range []string{"abc", "ABC-def", "a-", "-a", "--x--", "é", "a b", "a\x7fb", "Content-MD5", "x_y.z~1", "", "ä-b", "a:b"} {
		for _, prefix := range []string{"", "x-amz-meta-", "X-AMZ-META-"} {
			got := string(restCanonicalName(nil, prefix, key))
			if want := textproto.CanonicalMIMEHeaderKey(prefix + key); got != want {
				t.Errorf("%q + %q: %q, want %q", prefix, key, got, want)
			}
		}
	}
}
