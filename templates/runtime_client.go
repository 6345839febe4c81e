package templates

// The client's call loop: it validates, resolves the endpoint, signs,
// sends, retries and reads the response the way aws-sdk-go-v2's generated
// clients do, with the SDK's own retryer, signer and credentials, but
// without building a middleware stack for every call.

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// clientDoer sends a request: the SDK's HTTPClient.
type clientDoer interface {
	Do(*http.Request) (*http.Response, error)
}

// clientConfig is what calls need of a client's Options, resolved once
// when the client is made (and again for a call with its own options).
type clientConfig struct {
	// serviceID names the service in errors, as the SDK's ServiceID.
	serviceID  string
	httpClient clientDoer
	retryer    aws.RetryerV2
	auth       clientAuthConfig
	logger     logging.Logger
	logMode    aws.ClientLogMode
	// userAgent is the User-Agent header, built once by the SDK's builder.
	userAgent string
	// skew is the client's clock skew, shared by its calls; nil or
	// noSkewCorrection leaves the clock alone.
	skew             *atomic.Int64
	noSkewCorrection bool
	// validateAll rejects inputs that break any constraint of the
	// model, not only the required members the SDK checks.
	validateAll bool
	// refuse fails every call: the configuration asks for what the
	// client cannot do.
	refuse error

	// Header values every request carries, made once: the User-Agent and
	// the amz-sdk-request of a first attempt.
	userAgentHeader, firstAttemptHeader []string
	// release hands a request's parts on to later requests once a call
	// has succeeded (httpRelease): httpClient keeps no request.
	release bool
}

// clientPrepared fills in what cfg's other fields give.
func clientPrepared(cfg clientConfig) clientConfig {
	if cfg.userAgent != "" {
		cfg.userAgentHeader = []string{cfg.userAgent}
	}
	cfg.firstAttemptHeader = []string{clientAttemptHeader(context.Background(), 1, cfg.retryer.MaxAttempts(), 0)}
	cfg.release = clientKeepsNoRequests(cfg.httpClient)
	return cfg
}

// clientKeepsNoRequests tells whether d is an HTTP client known to keep
// no request once it has answered: net/http's, with its own transport,
// as the SDK builds it by default. Any other (a test's fake, a wrapper
// that records requests) might look at a request later, so its requests
// keep their parts.
func clientKeepsNoRequests(d clientDoer) bool {
	switch c := d.(type) {
	case *awshttp.BuildableClient:
		return true
	case *http.Client:
		t := c.Transport
		if t == nil {
			t = http.DefaultTransport // which a program may have replaced
		}
		_, ok := t.(*http.Transport)
		return ok
	}
	return false
}

// clientEndpointResolver is what resolves a call's endpoint: the
// generated Options, which bind the parameters from themselves and the
// call's input.
type clientEndpointResolver interface {
	resolveEndpoint(ctx context.Context, input any) (clientEndpoint, error)
}

// clientEndpoint is a resolved endpoint.
type clientEndpoint struct {
	url     string
	headers http.Header
	// signing holds what the endpoint's authSchemes say of signing.
	signing clientSigning
	// noSigV4 names the endpoint's auth schemes when none of them is
	// SigV4, the only one of the SDK's the client signs with.
	noSigV4 string
}

// clientCall is one call of an operation. The generated method fills it
// with the operation's wire functions; clientInvoke runs it.
type clientCall[In, Out any] struct {
	operation string
	input     *In
	output    *Out
	validate  func(*In) error
	build     func(context.Context, *In, string) (*http.Request, error)
	decode    func(*http.Response, *Out) error
	decodeErr func(*http.Response) error
	endpoint  clientEndpointResolver
}

// clientInvoke runs a call and returns its error as the SDK would: a
// *smithy.OperationError around everything, a *awshttp.ResponseError
// around what the service or the transport said.
func clientInvoke[In, Out any](ctx context.Context, cfg *clientConfig, c *clientCall[In, Out]) error {
	if err := clientRun(ctx, cfg, c); err != nil {
		return &smithy.OperationError{ServiceID: cfg.serviceID, OperationName: c.operation, Err: err}
	}
	return nil
}

func clientRun[In, Out any](ctx context.Context, cfg *clientConfig, c *clientCall[In, Out]) error {
	if cfg.refuse != nil {
		return cfg.refuse
	}
	if err := clientValidate(c.operation, c.validate(c.input), cfg.validateAll); err != nil {
		return err
	}
	// The SDK checks the context when an attempt starts, before it
	// resolves the endpoint or asks for credentials.
	if err := ctx.Err(); err != nil {
		return err
	}
	ep, err := c.endpoint.resolveEndpoint(ctx, c.input)
	if err != nil {
		return err
	}
	if ep.noSigV4 != "" && cfg.auth.chosen() == clientAuthSigV4 {
		// Signed with SigV4 anyway, the request would only be refused.
		return fmt.Errorf("the endpoint asks for %s signing, and this client signs with SigV4 only", ep.noSigV4)
	}
	req, err := c.build(ctx, c.input, ep.url)
	if err != nil {
		return &smithy.SerializationError{Err: err}
	}
	for k, v := range ep.headers {
		req.Header[k] = append([]string(nil), v...)
	}
	id, err := clientInvocationID()
	if err != nil {
		return err
	}
	req.Header["Amz-Sdk-Invocation-Id"] = []string{id}
	if cfg.userAgentHeader != nil {
		// Shared by every request, and full: an append copies it.
		req.Header["User-Agent"] = cfg.userAgentHeader[:1:1]
	}
	hash, err := clientPayloadHash(req)
	if err != nil {
		return err
	}
	return clientAttempts(ctx, cfg, c, req, &ep.signing, hash)
}

// clientAttempts sends req until it succeeds, fails for good, or the
// retryer stops, in the order of the SDK's retry middleware: attempt
// token, send, release the tokens, classify the error, retry token,
// delay.
func clientAttempts[In, Out any](ctx context.Context, cfg *clientConfig, c *clientCall[In, Out], req *http.Request, signing *clientSigning, hash string) error {
	maxAttempts := cfg.retryer.MaxAttempts()
	correct := !cfg.noSkewCorrection && cfg.skew != nil
	// skew is the clock correction of this attempt: the client's to
	// start with, then what the last response measured.
	var skew, initial time.Duration
	if correct {
		skew = time.Duration(cfg.skew.Load())
		initial = skew
	}
	releaseRetry := clientNopRelease
	if cfg.release {
		httpWatch(req)
	}
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		releaseAttempt, err := cfg.retryer.GetAttemptToken(ctx)
		if err != nil {
			return fmt.Errorf("failed to get retry Send token, %w", err)
		}
		if attempt > 1 {
			if req, err = clientRewind(ctx, req); err != nil {
				return fmt.Errorf("failed to rewind transport stream for retry, %w", err)
			}
			cfg.logf(cfg.logMode.IsRetries(), "retrying request %s/%s, attempt %d", cfg.serviceID, c.operation, attempt)
		}
		if h := cfg.firstAttemptHeader; attempt == 1 && skew <= 0 && len(h) == 1 {
			req.Header["Amz-Sdk-Request"] = h[:1:1]
		} else {
			req.Header["Amz-Sdk-Request"] = []string{clientAttemptHeader(ctx, attempt, maxAttempts, skew)}
		}
		sent := time.Now()
		resp, err := clientSend(ctx, cfg, c, req, signing, hash, skew)
		if releaseErr := releaseRetry(err); releaseErr != nil && err != nil {
			return fmt.Errorf("failed to release retry token after request error, %w", err)
		}
		if releaseErr := releaseAttempt(err); releaseErr != nil && err != nil {
			return fmt.Errorf("failed to release initial token after request error, %w", err)
		}
		if err == nil {
			// The clock this attempt was signed on worked: later calls
			// start from it.
			if correct && skew != initial {
				cfg.skew.Store(int64(skew))
			}
			if attempt == 1 && cfg.release {
				// Nothing returned refers to req. (A retry's request is
				// a copy, and the attempts before it are left alone.)
				httpRelease(req)
			}
			return nil
		}
		// A failed response's Date says how far apart the clocks are;
		// an error a skewed clock explains is retried on the service's.
		var measured time.Duration
		if correct && resp != nil && time.Since(sent) <= clientMaxTrustedRequest {
			var ok bool
			if measured, ok = clientResponseSkew(ctx, resp); ok {
				err = clientSkewError(err, measured, skew)
				cfg.skew.Store(int64(measured))
			}
		}
		skew = measured
		if !cfg.retryer.IsErrorRetryable(err) {
			cfg.logf(cfg.logMode.IsRetries(), "request failed with unretryable error %v", err)
			return err
		}
		if maxAttempts > 0 && attempt >= maxAttempts {
			cfg.logf(cfg.logMode.IsRetries(), "max retry attempts exhausted, max %d", maxAttempts)
			return &retry.MaxAttemptsError{Attempt: attempt, Err: err}
		}
		var tokenErr error
		releaseRetry, tokenErr = cfg.retryer.GetRetryToken(ctx, err)
		if tokenErr != nil {
			return errors.Join(err, tokenErr)
		}
		delay, delayErr := cfg.retryer.RetryDelay(attempt, err)
		if delayErr != nil {
			return delayErr
		}
		if err := clientSleep(ctx, clientRetryAfter(delay, resp)); err != nil {
			return &aws.RequestCanceledError{Err: err}
		}
	}
}

// clientSend makes one attempt: sign, send, read. resp is the response
// when one came back, even if reading it failed.
func clientSend[In, Out any](ctx context.Context, cfg *clientConfig, c *clientCall[In, Out], req *http.Request, signing *clientSigning, hash string, skew time.Duration) (*http.Response, error) {
	if err := cfg.auth.sign(ctx, req, signing, hash, time.Now().Add(skew)); err != nil {
		return nil, err
	}
	if cfg.logMode.IsRequest() || cfg.logMode.IsRequestWithBody() {
		cfg.logRequest(req)
	}
	resp, err := cfg.httpClient.Do(req)
	if err != nil {
		// The SDK gives a response of status 0 when none came back.
		empty := &http.Response{Header: http.Header{}, Body: http.NoBody}
		err = &smithyhttp.RequestSendError{Err: err}
		if ctx.Err() != nil {
			err = &smithy.CanceledError{Err: ctx.Err()}
		}
		return nil, clientResponseError(empty, err, "")
	}
	if cfg.logMode.IsResponse() || cfg.logMode.IsResponseWithBody() {
		cfg.logResponse(resp)
	}
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		defer clientDrain(resp)
		err := c.decodeErr(resp)
		var apiErr *APIError
		requestID := ""
		if errors.As(err, &apiErr) {
			requestID = apiErr.RequestID
			err = clientAPIError(apiErr)
		} else {
			err = &smithy.DeserializationError{Err: fmt.Errorf("failed to decode response error, %w", err)}
		}
		return resp, clientResponseError(resp, err, clientRequestID(resp, requestID))
	}
	if err := c.decode(resp, c.output); err != nil {
		clientDrain(resp)
		err = &smithy.DeserializationError{Err: fmt.Errorf("failed to decode response body, %w", err)}
		return resp, clientResponseError(resp, err, clientRequestID(resp, ""))
	}
	return resp, nil
}

// clientResponseError wraps what a response (or its absence) gave.
func clientResponseError(resp *http.Response, err error, requestID string) error {
	return &awshttp.ResponseError{
		ResponseError: &smithyhttp.ResponseError{Response: &smithyhttp.Response{Response: resp}, Err: err},
		RequestID:     requestID,
	}
}

// clientRequestID is the request ID of a response: the header's, which
// the SDK prefers, else the one its body gave.
func clientRequestID(resp *http.Response, fromBody string) string {
	for _, h := range [...]string{"X-Amzn-Requestid", "X-Amz-Request-Id", "X-Amz-Requestid"} {
		if v := resp.Header[h]; len(v) > 0 && v[0] != "" {
			return v[0]
		}
	}
	return fromBody
}

// clientDrain reads what is left of a body, so the connection is reused,
// and closes it.
func clientDrain(resp *http.Response) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	_ = resp.Body.Close()
}

// clientRewind makes the request of a retry: a copy with a fresh body.
func clientRewind(ctx context.Context, req *http.Request) (*http.Request, error) {
	r := req.Clone(ctx)
	if req.GetBody != nil {
		body, err := req.GetBody()
		if err != nil {
			return nil, err
		}
		r.Body = body
	} else if req.Body != nil && req.Body != http.NoBody {
		return nil, errors.New("the request body cannot be read again")
	}
	return r, nil
}

// clientPayloadHash is the hex SHA-256 of the request's body, which SigV4
// signs.
func clientPayloadHash(req *http.Request) (string, error) {
	if req.Body == nil || req.Body == http.NoBody {
		return clientEmptyHash, nil
	}
	if r, ok := req.Body.(*httpBody); ok {
		sum := sha256.Sum256(r.data)
		return hex.EncodeToString(sum[:]), nil
	}
	if req.GetBody == nil {
		// A stream read only once is sent unsigned, over TLS only.
		if req.URL.Scheme != "https" {
			return "", errors.New("failed to compute payload sha256, unseekable stream is not supported without TLS")
		}
		return "UNSIGNED-PAYLOAD", nil
	}
	body, err := req.GetBody()
	if err != nil {
		return "", err
	}
	defer body.Close()
	buf := clientBodies.Get().(*bytes.Buffer)
	defer clientBodies.Put(buf)
	buf.Reset()
	if _, err := buf.ReadFrom(body); err != nil {
		return "", fmt.Errorf("failed to compute payload sha256, %w", err)
	}
	sum := sha256.Sum256(buf.Bytes())
	if buf.Cap() > 64<<10 {
		*buf = bytes.Buffer{}
	}
	return hex.EncodeToString(sum[:]), clientRewound(req)
}

// clientRewound gives req a body from GetBody, after something read
// another: the body and GetBody's readers may share one stream (a file
// the caller gave), which is then at its end.
func clientRewound(req *http.Request) error {
	body, err := req.GetBody()
	if err != nil {
		return err
	}
	req.Body.Close()
	req.Body = body
	return nil
}

// clientBodies are buffers to hash request bodies in.
var clientBodies = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// clientInvocationID is a random (version 4) UUID, which amz-sdk-invocation-id
// carries to tell one call's attempts from another's.
func clientInvocationID() (string, error) {
	var u [16]byte
	if _, err := rand.Read(u[:]); err != nil {
		return "", err
	}
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	var s [36]byte
	hex.Encode(s[0:8], u[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], u[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], u[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], u[8:10])
	s[23] = '-'
	hex.Encode(s[24:36], u[10:16])
	return string(s[:]), nil
}

const clientEmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// clientAttemptHeader is amz-sdk-request: the attempt, the most there
// will be and, once the clock is corrected, when the call times out.
func clientAttemptHeader(ctx context.Context, attempt, maxAttempts int, skew time.Duration) string {
	b := make([]byte, 0, 48)
	b = append(b, "attempt="...)
	b = strconv.AppendInt(b, int64(attempt), 10)
	if maxAttempts != 0 {
		b = append(b, "; max="...)
		b = strconv.AppendInt(b, int64(maxAttempts), 10)
	}
	if deadline, ok := ctx.Deadline(); ok && skew > 0 {
		b = append(b, "; ttl="...)
		b = deadline.Add(skew).UTC().AppendFormat(b, "20060102T150405Z")
	}
	return string(b)
}

// clientMaxTrustedRequest is how long a request may take before its
// response's Date says nothing of the clocks (the SDK's clock skew rule).
const clientMaxTrustedRequest = 15 * time.Minute

// clientResponseSkew is how far the service's clock is ahead of ours,
// measured by the SDK's RecordResponseTiming from the response's Date.
func clientResponseSkew(ctx context.Context, resp *http.Response) (time.Duration, bool) {
	_, md, _ := (&awsmiddleware.RecordResponseTiming{}).HandleDeserialize(ctx, middleware.DeserializeInput{},
		clientResponded{resp})
	return awsmiddleware.GetAttemptSkew(md)
}

// clientResponded hands a response that has arrived to a deserialize
// middleware.
type clientResponded struct{ resp *http.Response }

func (r clientResponded) HandleDeserialize(context.Context, middleware.DeserializeInput) (middleware.DeserializeOutput, middleware.Metadata, error) {
	return middleware.DeserializeOutput{RawResponse: &smithyhttp.Response{Response: r.resp}}, middleware.Metadata{}, nil
}

// clientSkewCodes are the error codes a skewed clock can cause; such an
// error is retried when the clocks are more than clientSkewThreshold apart.
var clientSkewCodes = map[string]bool{
	"InvalidSignatureException": true,
	"SignatureDoesNotMatch":     true,
	"AuthFailure":               true,
	"RequestTimeTooSkewed":      true,
	"AccessDeniedException":     true,
}

const clientSkewThreshold = 4 * time.Minute

// clientSkewError marks err retryable when a skewed clock probably caused
// it: signed at now+used, while the service's clock reads now+measured.
func clientSkewError(err error, measured, used time.Duration) error {
	var coded interface{ ErrorCode() string }
	if !errors.As(err, &coded) || !clientSkewCodes[coded.ErrorCode()] {
		return err
	}
	if d := used - measured; d > clientSkewThreshold || -d > clientSkewThreshold {
		return &clientSkewed{err}
	}
	return err
}

// clientSkewed is an error the SDK's retryer retries: its RetryableError
// says so.
type clientSkewed struct{ err error }

func (e *clientSkewed) Error() string        { return "Probable clock skew error: " + e.err.Error() }
func (e *clientSkewed) Unwrap() error        { return e.err }
func (e *clientSkewed) RetryableError() bool { return true }

// clientRetryAfter applies x-amz-retry-after (milliseconds) to the
// retryer's delay, within [delay, delay+5s].
func clientRetryAfter(delay time.Duration, resp *http.Response) time.Duration {
	if resp == nil {
		return delay
	}
	v := resp.Header.Get("X-Amz-Retry-After")
	if v == "" {
		return delay
	}
	ms, err := strconv.ParseInt(v, 10, 64)
	if err != nil || ms < 0 {
		return delay
	}
	return min(max(time.Duration(ms)*time.Millisecond, delay), delay+5*time.Second)
}

// clientSleep waits d, or until ctx is done.
func clientSleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func clientNopRelease(error) error { return nil }

func (cfg *clientConfig) logf(on bool, format string, args ...any) {
	if on && cfg.logger != nil {
		cfg.logger.Logf(logging.Debug, format, args...)
	}
}

func (cfg *clientConfig) logRequest(req *http.Request) {
	withBody := cfg.logMode.IsRequestWithBody() && req.GetBody != nil
	r := req
	if withBody {
		r = req.Clone(req.Context())
		r.Body, _ = req.GetBody()
	}
	dump, err := httputil.DumpRequestOut(r, withBody)
	if withBody {
		if err := clientRewound(req); err != nil {
			cfg.logger.Logf(logging.Warn, "failed to rewind the request body after logging it: %v", err)
		}
	}
	if err != nil {
		cfg.logger.Logf(logging.Warn, "failed to dump request for logging: %v", err)
		return
	}
	cfg.logger.Logf(logging.Debug, "Request\n%v", string(dump))
}

func (cfg *clientConfig) logResponse(resp *http.Response) {
	dump, err := httputil.DumpResponse(resp, cfg.logMode.IsResponseWithBody())
	if err != nil {
		cfg.logger.Logf(logging.Warn, "failed to dump response for logging: %v", err)
		return
	}
	cfg.logger.Logf(logging.Debug, "Response\n%v", string(dump))
}
