package ec2

// A scripted EC2 endpoint that both clients, ours and the SDK's, call in
// the client tests. It checks every request's SigV4 signature itself,
// from the bytes it received and the known secret (an implementation of
// the signing spec written here, independent of both clients), and then
// answers as the scenario says.

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	testAccessKey = "AKIDEXAMPLE"
	testSecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	testRegion    = "us-east-1"
)

// received is a request as the server got it.
type received struct {
	Method, Path, Host string
	Header             http.Header
	Body               []byte
	Form               url.Values
	// Scope and SignedHeaders are read from the Authorization header.
	Scope, SignedHeaders string
	// SignatureOK says the signature matched the one recomputed here.
	SignatureOK bool
	// SignedAt is the request's X-Amz-Date.
	SignedAt time.Time
}

// action is how the server answers one attempt.
type action struct {
	status int
	header map[string]string
	body   string
	// reset drops the connection without an answer; truncate sends the
	// headers and half the body, then drops it.
	reset, truncate bool
	// delay holds the answer back, until the client gives up.
	delay time.Duration
}

// scenario answers attempt n (from 1) of a call.
type scenario func(n int, r *received) action

// ec2Server is the scripted endpoint.
type ec2Server struct {
	*httptest.Server
	// skew is how far the server's clock is ahead of the real one.
	skew time.Duration

	mu       sync.Mutex
	script   scenario
	requests []*received
}

func newEC2Server(t *testing.T) *ec2Server {
	s := &ec2Server{}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// start resets the server for a new call with script.
func (s *ec2Server) start(script scenario, skew time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.script, s.skew, s.requests = script, skew, nil
}

func (s *ec2Server) received() []*received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

func (s *ec2Server) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), 400)
		return
	}
	rec := &received{Method: r.Method, Path: r.URL.Path, Host: r.Host, Header: r.Header.Clone(), Body: body}
	rec.Form, _ = url.ParseQuery(string(body))
	rec.SignatureOK, rec.Scope, rec.SignedHeaders, rec.SignedAt = verifySigV4(r, body)
	s.mu.Lock()
	s.requests = append(s.requests, rec)
	n, script, skew := len(s.requests), s.script, s.skew
	s.mu.Unlock()

	now := time.Now().Add(skew)
	w.Header().Set("Date", now.UTC().Format(http.TimeFormat))
	// A real endpoint turns away what is unsigned, badly signed or signed
	// on a clock more than five minutes off, before it looks further.
	switch {
	case r.Header.Get("Authorization") == "":
		writeEC2Error(w, 401, "AuthFailure", "AWS was not able to validate the provided access credentials", n)
		return
	case !rec.SignatureOK:
		writeEC2Error(w, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.", n)
		return
	case rec.SignedAt.Sub(now) > 5*time.Minute || now.Sub(rec.SignedAt) > 5*time.Minute:
		writeEC2Error(w, 403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.", n)
		return
	}
	a := script(n, rec)
	if a.delay > 0 {
		select {
		case <-time.After(a.delay):
		case <-r.Context().Done():
			return
		}
	}
	switch {
	case a.reset:
		resetConnection(w)
		return
	case a.truncate:
		truncate(w, a.body)
		return
	}
	for k, v := range a.header {
		w.Header().Set(k, v)
	}
	w.Header().Set("Content-Type", "text/xml;charset=UTF-8")
	w.WriteHeader(a.status)
	io.WriteString(w, a.body)
}

func writeEC2Error(w http.ResponseWriter, status int, code, message string, n int) {
	w.Header().Set("Content-Type", "text/xml;charset=UTF-8")
	w.WriteHeader(status)
	io.WriteString(w, ec2ErrorBody(code, message, n))
}

// ec2ErrorBody is an EC2 error document whose request ID says which
// attempt it answers.
func ec2ErrorBody(code, message string, n int) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>` + code + `</Code><Message>` + message + `</Message></Error></Errors><RequestID>req-` + strconv.Itoa(n) + `</RequestID></Response>`
}

// resetConnection closes the connection with a TCP reset.
func resetConnection(w http.ResponseWriter) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		tcp.SetLinger(0)
	}
	conn.Close()
}

// truncate promises body and sends half of it.
func truncate(w http.ResponseWriter, body string) {
	conn, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: text/xml;charset=UTF-8\r\nContent-Length: %d\r\nDate: %s\r\n\r\n%s",
		len(body), time.Now().UTC().Format(http.TimeFormat), body[:len(body)/2])
	buf.Flush()
	conn.Close()
}

// verifySigV4 recomputes a request's AWS Signature Version 4 as the
// signing spec defines it, and compares it with the one sent.
func verifySigV4(r *http.Request, body []byte) (ok bool, scope, signedHeaders string, at time.Time) {
	auth := r.Header.Get("Authorization")
	const algorithm = "AWS4-HMAC-SHA256 "
	if !strings.HasPrefix(auth, algorithm) {
		return false, "", "", time.Time{}
	}
	parts := map[string]string{}
	for _, p := range strings.Split(strings.TrimPrefix(auth, algorithm), ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		parts[k] = v
	}
	credential := parts["Credential"]
	signedHeaders = parts["SignedHeaders"]
	key, scope, _ := strings.Cut(credential, "/")
	amzDate := r.Header.Get("X-Amz-Date")
	at, err := time.Parse("20060102T150405Z", amzDate)
	if err != nil || key != testAccessKey {
		return false, scope, signedHeaders, at
	}
	var canon strings.Builder
	canon.WriteString(r.Method + "\n")
	canon.WriteString(canonicalPath(r.URL.EscapedPath()) + "\n")
	canon.WriteString(canonicalQuery(r.URL.Query()) + "\n")
	for _, h := range strings.Split(signedHeaders, ";") {
		var values []string
		switch h {
		case "host":
			values = []string{r.Host}
		case "content-length":
			values = []string{strconv.FormatInt(r.ContentLength, 10)}
		default:
			values = r.Header.Values(h)
		}
		for i, v := range values {
			values[i] = strings.Join(strings.Fields(v), " ")
		}
		canon.WriteString(h + ":" + strings.Join(values, ",") + "\n")
	}
	canon.WriteString("\n" + signedHeaders + "\n")
	sum := sha256.Sum256(body)
	canon.WriteString(hex.EncodeToString(sum[:]))
	hashed := sha256.Sum256([]byte(canon.String()))
	stringToSign := "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex.EncodeToString(hashed[:])
	fields := strings.Split(scope, "/")
	if len(fields) != 4 || fields[3] != "aws4_request" {
		return false, scope, signedHeaders, at
	}
	k := hmacSHA256([]byte("AWS4"+testSecretKey), fields[0])
	for _, f := range fields[1:] {
		k = hmacSHA256(k, f)
	}
	want := hex.EncodeToString(hmacSHA256(k, stringToSign))
	return hmac.Equal([]byte(want), []byte(parts["Signature"])), scope, signedHeaders, at
}

func hmacSHA256(key []byte, data string) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(data))
	return h.Sum(nil)
}

// canonicalPath escapes each segment once more, as SigV4 does for every
// service but S3.
func canonicalPath(p string) string {
	if p == "" {
		return "/"
	}
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = strings.ReplaceAll(url.PathEscape(s), "+", "%20")
	}
	return strings.Join(segs, "/")
}

func canonicalQuery(q url.Values) string {
	var pairs []string
	for k, vs := range q {
		for _, v := range vs {
			pairs = append(pairs, sigEscape(k)+"="+sigEscape(v))
		}
	}
	slices.Sort(pairs)
	return strings.Join(pairs, "&")
}

func sigEscape(s string) string {
	var b bytes.Buffer
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
