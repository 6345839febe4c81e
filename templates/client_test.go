package templates

// Tests of the client runtime (runtime_client*.go) on a toy operation.
// What they expect comes from the SDK's own types and from the rules the
// SDK documents; the differential tests against the SDK's EC2 client are
// in interop/sdk344.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	"github.com/aws/smithy-go/auth/bearer"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/logging"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// toyInput and toyOutput are a toy operation's input and output.
type toyInput struct {
	Name  *string
	Token *string
}

type toyOutput struct{ Echo string }

func toyValidate(in *toyInput) error {
	var v validator
	if in.Name == nil {
		v.required(nil, "Name")
	}
	return v.err()
}

func toyBuild(ctx context.Context, in *toyInput, endpoint string) (*http.Request, error) {
	if in.Token == nil {
		t := "token-1"
		in.Token = &t
	}
	body := "Action=Toy&Name=" + *in.Name + "&Token=" + *in.Token
	return newQueryRequest(ctx, endpoint, "", []byte(body), false)
}

func toyDecode(resp *http.Response, out *toyOutput) error {
	b, err := readBody(resp)
	if err != nil {
		return err
	}
	if !bytes.HasPrefix(b, []byte("echo:")) {
		return errors.New("not an echo")
	}
	out.Echo = string(b[5:])
	return nil
}

func toyDecodeErr(resp *http.Response) error {
	b, err := readBody(resp)
	if err != nil {
		return err
	}
	code, msg, _ := strings.Cut(string(b), ":")
	e := &APIError{Code: code, Message: msg, RequestID: "req-body", StatusCode: resp.StatusCode}
	if code == "Modeled" {
		e.Err = &toyModeled{msg}
		e.Fault = FaultClient
	}
	return e
}

// toyModeled is a modeled error, as generated packages declare them.
type toyModeled struct{ msg string }

func (e *toyModeled) Error() string          { return e.ErrorCode() + ": " + e.msg }
func (e *toyModeled) ErrorCode() string      { return "Modeled" }
func (e *toyModeled) ErrorMessage() string   { return e.msg }
func (e *toyModeled) ErrorFault() ErrorFault { return FaultClient }

type toyEndpoint string

func (e toyEndpoint) resolveEndpoint(context.Context, any) (clientEndpoint, error) {
	return clientEndpoint{url: string(e)}, nil
}

// answer is what the fake transport says to one attempt.
type answer struct {
	status int
	body   string
	header http.Header
	err    error
}

// fakeDoer answers attempts in turn and keeps each request and its body.
type fakeDoer struct {
	mu      sync.Mutex
	answers []answer
	reqs    []*http.Request
	bodies  []string
	// before runs as each request arrives.
	before func(n int)
}

func (f *fakeDoer) Do(r *http.Request) (*http.Response, error) {
	f.mu.Lock()
	n := len(f.reqs)
	b, _ := io.ReadAll(r.Body)
	f.reqs = append(f.reqs, r)
	f.bodies = append(f.bodies, string(b))
	a := f.answers[min(n, len(f.answers)-1)]
	f.mu.Unlock()
	if f.before != nil {
		f.before(n + 1)
	}
	if a.err != nil {
		return nil, a.err
	}
	h := a.header
	if h == nil {
		h = http.Header{}
	}
	return &http.Response{StatusCode: a.status, Header: h, Body: io.NopCloser(strings.NewReader(a.body)), ContentLength: int64(len(a.body))}, nil
}

func quickRetryer(optFns ...func(*retry.StandardOptions)) aws.RetryerV2 {
	return retry.NewStandard(append([]func(*retry.StandardOptions){func(o *retry.StandardOptions) {
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
	}}, optFns...)...)
}

func toyConfig(d clientDoer) *clientConfig {
	cfg := clientPrepared(clientConfig{
		serviceID:  "Toy",
		httpClient: d,
		retryer:    quickRetryer(),
		auth: clientAuthConfig{
			schemes: []string{clientAuthSigV4},
			credentials: clientCredentials(aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
				return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET"}, nil
			})),
			signer:      v4.NewSigner(),
			signingName: "toy",
			region:      "us-west-2",
		},
		logger:    logging.Nop{},
		userAgent: "toy-agent",
		skew:      new(atomic.Int64),
	})
	return &cfg
}

func toyCall(name string) (*clientCall[toyInput, toyOutput], *toyOutput) {
	out := &toyOutput{}
	return &clientCall[toyInput, toyOutput]{
		operation: "Toy",
		input:     &toyInput{Name: &name},
		output:    out,
		validate:  toyValidate,
		build:     toyBuild,
		decode:    toyDecode,
		decodeErr: toyDecodeErr,
		endpoint:  toyEndpoint("https://toy.example.com"),
	}, out
}

func TestClientRetriesWithTheSameRequest(t *testing.T) {
	d := &fakeDoer{answers: []answer{{status: 503, body: "Busy:try later"}, {status: 500, body: "InternalError:oops"}, {status: 200, body: "echo:hi"}}}
	c, out := toyCall("hi")
	if err := clientInvoke(context.Background(), toyConfig(d), c); err != nil {
		t.Fatal(err)
	}
	if out.Echo != "hi" || len(d.reqs) != 3 {
		t.Fatalf("echo %q after %d attempts; want hi after 3", out.Echo, len(d.reqs))
	}
	ids := map[string]bool{}
	for i, r := range d.reqs {
		if got, want := r.Header.Get("Amz-Sdk-Request"), fmt.Sprintf("attempt=%d; max=3", i+1); got != want {
			t.Errorf("attempt %d: amz-sdk-request %q, want %q", i+1, got, want)
		}
		ids[r.Header.Get("Amz-Sdk-Invocation-Id")] = true
		if d.bodies[i] != d.bodies[0] {
			t.Errorf("attempt %d sent %q, the first %q", i+1, d.bodies[i], d.bodies[0])
		}
		if !strings.HasPrefix(r.Header.Get("Authorization"), "AWS4-HMAC-SHA256 Credential=AKID/") || !strings.Contains(r.Header.Get("Authorization"), "/us-west-2/toy/aws4_request") {
			t.Errorf("attempt %d: Authorization %q", i+1, r.Header.Get("Authorization"))
		}
		if r.Header.Get("User-Agent") != "toy-agent" {
			t.Errorf("attempt %d: User-Agent %q", i+1, r.Header.Get("User-Agent"))
		}
	}
	if len(ids) != 1 || !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(d.reqs[0].Header.Get("Amz-Sdk-Invocation-Id")) {
		t.Errorf("invocation IDs %v; want one UUID v4 for every attempt", ids)
	}
}

func TestClientErrorsAsTheSDKGivesThem(t *testing.T) {
	t.Run("generic", func(t *testing.T) {
		d := &fakeDoer{answers: []answer{{status: 400, body: "InvalidThing:no such thing", header: http.Header{"X-Amzn-Requestid": {"req-header"}}}}}
		c, _ := toyCall("x")
		err := clientInvoke(context.Background(), toyConfig(d), c)
		var op *smithy.OperationError
		var re *awshttp.ResponseError
		var generic *smithy.GenericAPIError
		var api smithy.APIError
		var ours *APIError
		if !errors.As(err, &op) || !errors.As(err, &re) || !errors.As(err, &generic) || !errors.As(err, &api) || !errors.As(err, &ours) {
			t.Fatalf("errors.As misses a type in %v", err)
		}
		if api != smithy.APIError(generic) {
			t.Errorf("smithy.APIError finds %T first; the SDK's retryer needs the *smithy.GenericAPIError", api)
		}
		if re.HTTPStatusCode() != 400 || re.ServiceRequestID() != "req-header" || generic.Code != "InvalidThing" || ours.Message != "no such thing" {
			t.Errorf("status %d, request ID %q, code %q, message %q", re.HTTPStatusCode(), re.ServiceRequestID(), generic.Code, ours.Message)
		}
		want := "operation error Toy: Toy, https response error StatusCode: 400, RequestID: req-header, api error InvalidThing: no such thing"
		if err.Error() != want {
			t.Errorf("message\n%q\nwant\n%q", err, want)
		}
	})
	t.Run("modeled", func(t *testing.T) {
		d := &fakeDoer{answers: []answer{{status: 400, body: "Modeled:it is modeled"}}}
		c, _ := toyCall("x")
		err := clientInvoke(context.Background(), toyConfig(d), c)
		var modeled *toyModeled
		var api smithy.APIError
		var ours *APIError
		var generic *smithy.GenericAPIError
		if !errors.As(err, &modeled) || !errors.As(err, &api) || !errors.As(err, &ours) || errors.As(err, &generic) {
			t.Fatalf("errors.As of %v: modeled %v, APIError %v, ours %v, generic %v", err, modeled != nil, api != nil, ours != nil, generic != nil)
		}
		if api.ErrorCode() != "Modeled" || api.ErrorMessage() != "it is modeled" || api.ErrorFault() != smithy.FaultClient {
			t.Errorf("code %q, message %q, fault %v", api.ErrorCode(), api.ErrorMessage(), api.ErrorFault())
		}
		if !strings.HasSuffix(err.Error(), "RequestID: req-body, Modeled: it is modeled") {
			t.Errorf("message %q", err)
		}
	})
	t.Run("429 is retried unless modeled", func(t *testing.T) {
		// The SDK's standard retryer retries an unmodeled 429 and leaves a
		// modeled one to the error's own rules.
		for body, want := range map[string]int{"Slow:down": 3, "Modeled:down": 1} {
			d := &fakeDoer{answers: []answer{{status: 429, body: body}}}
			c, _ := toyCall("x")
			clientInvoke(context.Background(), toyConfig(d), c)
			if len(d.reqs) != want {
				t.Errorf("%s: %d attempts, want %d", body, len(d.reqs), want)
			}
		}
	})
	t.Run("transport", func(t *testing.T) {
		d := &fakeDoer{answers: []answer{{err: errors.New("connection reset by peer")}}}
		c, _ := toyCall("x")
		err := clientInvoke(context.Background(), toyConfig(d), c)
		var maxErr *retry.MaxAttemptsError
		var send *smithyhttp.RequestSendError
		var re *awshttp.ResponseError
		if !errors.As(err, &maxErr) || !errors.As(err, &send) || !errors.As(err, &re) || re.HTTPStatusCode() != 0 || len(d.reqs) != 3 {
			t.Errorf("%v after %d attempts", err, len(d.reqs))
		}
	})
}

func TestClientValidate(t *testing.T) {
	found := &InvalidParamsError{Violations: []Violation{
		{Path: "Name", Constraint: "required", Message: "required"},
		{Path: "Tags[0].Key", Constraint: "length", Message: "length 0, want 1..128"},
		{Path: "Specs[1].Tags[0].Value", Constraint: "required", Message: "required"},
	}}
	// The SDK's generated validators build the same error this way.
	var want smithy.InvalidParamsError
	want.Context = "ToyInput"
	want.Add(smithy.NewErrParamRequired("Name"))
	var tag smithy.InvalidParamsError
	tag.Add(smithy.NewErrParamRequired("Value"))
	var tags smithy.InvalidParamsError
	tags.AddNested("[0]", tag)
	var spec smithy.InvalidParamsError
	spec.AddNested("Tags", tags)
	var specs smithy.InvalidParamsError
	specs.AddNested("[1]", spec)
	want.AddNested("Specs", specs)

	got := clientValidate("Toy", found, false)
	if got == nil || got.Error() != want.Error() {
		t.Fatalf("required only:\n%v\nwant\n%v", got, want)
	}
	all := clientValidate("Toy", found, true)
	var ip smithy.InvalidParamsError
	if !errors.As(all, &ip) || ip.Len() != 3 || !strings.Contains(all.Error(), "- length constraint not met (length 0, want 1..128), ToyInput.Tags[0].Key.\n") {
		t.Errorf("every constraint:\n%v", all)
	}
	if err := clientValidate("Toy", &InvalidParamsError{Violations: []Violation{{Path: "A", Constraint: "pattern", Message: "m"}}}, false); err != nil {
		t.Errorf("only a pattern broken, required only: %v; want nil, as the SDK checks no patterns", err)
	}

	d := &fakeDoer{answers: []answer{{status: 200, body: "echo:x"}}}
	c, _ := toyCall("x")
	c.input.Name = nil
	err := clientInvoke(context.Background(), toyConfig(d), c)
	if !errors.As(err, &ip) || len(d.reqs) != 0 || err.Error() != "operation error Toy: Toy, 1 validation error(s) found.\n- missing required field, ToyInput.Name.\n" {
		t.Errorf("missing Name: %q with %d requests sent", err, len(d.reqs))
	}
}

func TestClientClockSkew(t *testing.T) {
	ahead := 10 * time.Minute
	var signedAt []time.Time
	d := &fakeDoer{}
	d.before = func(n int) {
		at, _ := time.Parse("20060102T150405Z", d.reqs[n-1].Header.Get("X-Amz-Date"))
		signedAt = append(signedAt, at)
	}
	serverDate := http.Header{"Date": {time.Now().Add(ahead).UTC().Format(http.TimeFormat)}}
	d.answers = []answer{{status: 403, body: "RequestTimeTooSkewed:too skewed", header: serverDate}, {status: 200, body: "echo:x"}}
	cfg := toyConfig(d)
	c, _ := toyCall("x")
	if err := clientInvoke(context.Background(), cfg, c); err != nil {
		t.Fatal(err)
	}
	if len(signedAt) != 2 || signedAt[1].Sub(signedAt[0]) < ahead-time.Minute {
		t.Fatalf("signed at %v; want the retry signed about %v later", signedAt, ahead)
	}
	if skew := time.Duration(cfg.skew.Load()); skew < ahead-time.Minute || skew > ahead+time.Minute {
		t.Errorf("the client keeps a skew of %v; want about %v", skew, ahead)
	}
	// The next call starts on the corrected clock.
	d.answers, d.reqs, signedAt = []answer{{status: 200, body: "echo:x"}}, nil, nil
	c, _ = toyCall("x")
	if err := clientInvoke(context.Background(), cfg, c); err != nil || time.Until(signedAt[0]) < ahead-time.Minute {
		t.Errorf("next call: %v, signed at %v", err, signedAt)
	}

	t.Run("small skew", func(t *testing.T) {
		// Under four minutes apart, a skew error is not the clock's fault.
		d := &fakeDoer{answers: []answer{{status: 403, body: "SignatureDoesNotMatch:bad", header: http.Header{"Date": {time.Now().Add(time.Minute).UTC().Format(http.TimeFormat)}}}}}
		c, _ := toyCall("x")
		clientInvoke(context.Background(), toyConfig(d), c)
		if len(d.reqs) != 1 {
			t.Errorf("%d attempts, want 1", len(d.reqs))
		}
	})
	t.Run("correction disabled", func(t *testing.T) {
		d := &fakeDoer{answers: []answer{{status: 403, body: "RequestTimeTooSkewed:too skewed", header: serverDate}}}
		cfg := toyConfig(d)
		cfg.noSkewCorrection = true
		c, _ := toyCall("x")
		clientInvoke(context.Background(), cfg, c)
		if len(d.reqs) != 1 || cfg.skew.Load() != 0 {
			t.Errorf("%d attempts, skew %v; want 1 and none", len(d.reqs), time.Duration(cfg.skew.Load()))
		}
	})
}

func TestClientRetryQuota(t *testing.T) {
	d := &fakeDoer{answers: []answer{{status: 500, body: "InternalError:x"}}}
	cfg := toyConfig(d)
	cfg.retryer = quickRetryer(func(o *retry.StandardOptions) { o.RateLimiter = ratelimit.NewTokenRateLimit(1) })
	c, _ := toyCall("x")
	err := clientInvoke(context.Background(), cfg, c)
	var quota ratelimit.QuotaExceededError
	if len(d.reqs) != 1 || !errors.As(err, &quota) {
		t.Errorf("%v after %d attempts; want the quota error after 1", err, len(d.reqs))
	}
}

func TestClientCancelled(t *testing.T) {
	t.Run("before sending", func(t *testing.T) {
		d := &fakeDoer{answers: []answer{{status: 200, body: "echo:x"}}}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		c, _ := toyCall("x")
		err := clientInvoke(ctx, toyConfig(d), c)
		if !errors.Is(err, context.Canceled) || len(d.reqs) != 0 {
			t.Errorf("%v with %d requests sent", err, len(d.reqs))
		}
	})
	t.Run("while waiting to retry", func(t *testing.T) {
		d := &fakeDoer{answers: []answer{{status: 503, body: "Busy:x"}}}
		cfg := toyConfig(d)
		cfg.retryer = retry.NewStandard(func(o *retry.StandardOptions) {
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return time.Hour, nil })
		})
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		c, _ := toyCall("x")
		err := clientInvoke(ctx, cfg, c)
		var canceled *aws.RequestCanceledError
		if !errors.As(err, &canceled) || len(d.reqs) != 1 {
			t.Errorf("%v after %d attempts", err, len(d.reqs))
		}
	})
}

func TestClientLogsRetries(t *testing.T) {
	var log strings.Builder
	d := &fakeDoer{answers: []answer{{status: 503, body: "Busy:x"}, {status: 200, body: "echo:x"}}}
	cfg := toyConfig(d)
	cfg.logMode = aws.LogRetries | aws.LogRequest | aws.LogResponse
	cfg.logger = logging.LoggerFunc(func(c logging.Classification, format string, v ...any) {
		fmt.Fprintf(&log, string(c)+" "+format+"\n", v...)
	})
	c, _ := toyCall("x")
	if err := clientInvoke(context.Background(), cfg, c); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"DEBUG retrying request Toy/Toy, attempt 2\n", "DEBUG Request\nPOST / HTTP/1.1\r\nHost: toy.example.com", "DEBUG Response\nHTTP/0.0 503"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, log.String())
		}
	}
}

func TestClientAuthSchemes(t *testing.T) {
	newReq := func(url string) *http.Request {
		r, _ := http.NewRequest("POST", url, nil)
		return r
	}
	ctx := context.Background()
	t.Run("bearer", func(t *testing.T) {
		a := &clientAuthConfig{schemes: []string{clientAuthBearer}, bearer: bearer.StaticTokenProvider{Token: bearer.Token{Value: "tok"}}}
		r := newReq("https://x.example.com/")
		if err := a.sign(ctx, r, &clientSigning{}, clientEmptyHash, time.Now()); err != nil || r.Header.Get("Authorization") != "Bearer tok" {
			t.Errorf("%v, Authorization %q", err, r.Header.Get("Authorization"))
		}
		if err := a.sign(ctx, newReq("http://x.example.com/"), &clientSigning{}, clientEmptyHash, time.Now()); err == nil {
			t.Error("a bearer token went over plain HTTP")
		}
	})
	t.Run("api key", func(t *testing.T) {
		a := &clientAuthConfig{schemes: []string{clientAuthAPIKey}, apiKey: "k1", apiKeyName: "X-Api-Key", apiKeyIn: "header", apiKeyPrefix: "ApiKey"}
		r := newReq("https://x.example.com/")
		a.sign(ctx, r, &clientSigning{}, clientEmptyHash, time.Now())
		if r.Header.Get("X-Api-Key") != "ApiKey k1" {
			t.Errorf("header %q", r.Header.Get("X-Api-Key"))
		}
		a = &clientAuthConfig{schemes: []string{clientAuthAPIKey}, apiKey: "k 2", apiKeyName: "key", apiKeyIn: "query"}
		r = newReq("https://x.example.com/?a=b")
		a.sign(ctx, r, &clientSigning{}, clientEmptyHash, time.Now())
		if r.URL.RawQuery != "a=b&key=k+2" {
			t.Errorf("query %q", r.URL.RawQuery)
		}
	})
	t.Run("basic", func(t *testing.T) {
		a := &clientAuthConfig{schemes: []string{clientAuthBasic}, basicUser: "Aladdin", basicPassword: "open sesame"}
		r := newReq("https://x.example.com/")
		a.sign(ctx, r, &clientSigning{}, clientEmptyHash, time.Now())
		// RFC 7617's example.
		if r.Header.Get("Authorization") != "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==" {
			t.Errorf("Authorization %q", r.Header.Get("Authorization"))
		}
	})
	t.Run("first with an identity", func(t *testing.T) {
		a := &clientAuthConfig{schemes: clientPreferred([]string{clientAuthSigV4, clientAuthBearer, clientAuthAPIKey}, nil), apiKey: "k", apiKeyName: "K", apiKeyIn: "header"}
		r := newReq("https://x.example.com/")
		a.sign(ctx, r, &clientSigning{}, clientEmptyHash, time.Now())
		if r.Header.Get("K") != "k" || r.Header.Get("Authorization") != "" {
			t.Errorf("headers %v; want the API key, the only identity", r.Header)
		}
		a.schemes = []string{clientAuthSigV4}
		r = newReq("https://x.example.com/")
		if err := a.sign(ctx, r, &clientSigning{}, clientEmptyHash, time.Now()); err != nil || len(r.Header) != 0 {
			t.Errorf("no identity: %v, headers %v; want an unsigned request", err, r.Header)
		}
	})
	t.Run("preference", func(t *testing.T) {
		got := clientPreferred([]string{clientAuthSigV4, clientAuthBearer, clientAuthNone}, []string{"httpBearerAuth", "unknown"})
		if strings.Join(got, ",") != clientAuthBearer+","+clientAuthSigV4+","+clientAuthNone {
			t.Errorf("order %v", got)
		}
	})
	t.Run("anonymous credentials", func(t *testing.T) {
		if clientCredentials(aws.AnonymousCredentials{}) != nil || clientCredentials(nil) != nil {
			t.Error("anonymous credentials kept; they must leave requests unsigned")
		}
		if _, ok := clientCredentials(aws.CredentialsProviderFunc(nil)).(*aws.CredentialsCache); !ok {
			t.Error("credentials are not cached")
		}
	})
}

func TestClientEndpointOverrides(t *testing.T) {
	var props smithy.Properties
	var sp smithy.Properties
	smithyhttp.SetSigV4SigningName(&sp, "other")
	smithyhttp.SetSigV4SigningRegion(&sp, "eu-west-3")
	smithyhttp.SetDisableDoubleEncoding(&sp, true)
	smithyauth.SetAuthOptions(&props, []*smithyauth.Option{{SchemeID: "aws.auth#sigv4", SignerProperties: sp}})
	e := clientFromSmithyEndpoint(smithyendpoints.Endpoint{URI: *mustURL(t, "https://x.example.com/base"), Headers: http.Header{"X-A": {"1"}}, Properties: props})
	if e.url != "https://x.example.com/base" || e.headers.Get("X-A") != "1" || e.signing != (clientSigning{"other", "eu-west-3", true}) {
		t.Errorf("got %+v", e)
	}
	// The call signs with what the endpoint says.
	d := &fakeDoer{answers: []answer{{status: 200, body: "echo:x"}}}
	cfg := toyConfig(d)
	c, _ := toyCall("x")
	c.endpoint = overridden{e}
	if err := clientInvoke(context.Background(), cfg, c); err != nil {
		t.Fatal(err)
	}
	if auth := d.reqs[0].Header.Get("Authorization"); !strings.Contains(auth, "/eu-west-3/other/aws4_request") || d.reqs[0].Header.Get("X-A") != "1" || d.reqs[0].URL.Path != "/base/" {
		t.Errorf("Authorization %q, X-A %q, path %q", auth, d.reqs[0].Header.Get("X-A"), d.reqs[0].URL.Path)
	}
}

type overridden struct{ e clientEndpoint }

func (o overridden) resolveEndpoint(context.Context, any) (clientEndpoint, error) { return o.e, nil }

func TestClientRegion(t *testing.T) {
	for region, ok := range map[string]bool{"": true, "us-east-1": true, "cn-north-1": true, "a.b": true, "us east": false, "-a": false, "a..b": false, "a/b": false, strings.Repeat("a", 64): false} {
		if err := clientRegion(region); (err == nil) != ok {
			t.Errorf("%q: %v", region, err)
		}
	}
}

type fakeSource struct {
	fips      aws.FIPSEndpointState
	dualStack aws.DualStackEndpointState
	endpoints map[string]string
}

func (s fakeSource) GetUseFIPSEndpoint(context.Context) (aws.FIPSEndpointState, bool, error) {
	return s.fips, s.fips != aws.FIPSEndpointStateUnset, nil
}

func (s fakeSource) GetUseDualStackEndpoint(context.Context) (aws.DualStackEndpointState, bool, error) {
	return s.dualStack, s.dualStack != aws.DualStackEndpointStateUnset, nil
}

func (s fakeSource) GetServiceBaseEndpoint(_ context.Context, id string) (string, bool, error) {
	v, ok := s.endpoints[id]
	return v, ok, nil
}

func TestClientConfigSources(t *testing.T) {
	cfg := aws.Config{BaseEndpoint: aws.String("https://global.example.com"), ConfigSources: []any{
		fakeSource{fips: aws.FIPSEndpointStateEnabled},
		fakeSource{dualStack: aws.DualStackEndpointStateEnabled, endpoints: map[string]string{"Toy Service": "https://toy.example.com"}},
	}}
	base, fips, dual := clientConfigSources(cfg, "Toy Service")
	if *base != "https://toy.example.com" || fips != aws.FIPSEndpointStateEnabled || dual != aws.DualStackEndpointStateEnabled {
		t.Errorf("base %q, fips %v, dual-stack %v", *base, fips, dual)
	}
	// A global AWS_ENDPOINT_URL without the service's own keeps cfg's.
	t.Setenv("AWS_ENDPOINT_URL", "https://global.example.com")
	if base, _, _ := clientConfigSources(cfg, "Toy Service"); *base != "https://global.example.com" {
		t.Errorf("base %q", *base)
	}
	t.Setenv("AWS_ENDPOINT_URL_TOY_SERVICE", "https://toy.example.com")
	if base, _, _ := clientConfigSources(cfg, "Toy Service"); *base != "https://toy.example.com" {
		t.Errorf("base %q", *base)
	}
}

func TestClientUserAgent(t *testing.T) {
	ua := clientUserAgent("toy", "my-app", retry.NewStandard())
	for _, want := range []string{"aws-sdk-go-v2/" + aws.SDKVersion, "api/toy#smithy2go", "app/my-app"} {
		if !strings.Contains(ua, want) {
			t.Errorf("User-Agent %q lacks %q", ua, want)
		}
	}
}

func TestClientPayloadHash(t *testing.T) {
	body := []byte("Action=Toy&Name=x")
	req, _ := http.NewRequest("POST", "http://x.example.com/", bytes.NewReader(body))
	sum := sha256.Sum256(body)
	if got, err := clientPayloadHash(req); err != nil || got != hex.EncodeToString(sum[:]) {
		t.Errorf("hash %q, %v", got, err)
	}
	if got, _ := clientPayloadHash(httpRequest(t, nil)); got != clientEmptyHash {
		t.Errorf("empty body hash %q", got)
	}
	stream, _ := http.NewRequest("POST", "https://x.example.com/", io.NopCloser(strings.NewReader("s")))
	stream.GetBody = nil
	if got, err := clientPayloadHash(stream); got != "UNSIGNED-PAYLOAD" || err != nil {
		t.Errorf("stream over TLS: %q, %v", got, err)
	}
	stream.URL.Scheme = "http"
	if _, err := clientPayloadHash(stream); err == nil {
		t.Error("an unsigned stream went over plain HTTP")
	}
}

func httpRequest(t *testing.T, body io.Reader) *http.Request {
	r, err := http.NewRequest("POST", "http://x.example.com/", body)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestClientRetryAfter(t *testing.T) {
	resp := func(v string) *http.Response { return &http.Response{Header: http.Header{"X-Amz-Retry-After": {v}}} }
	for _, c := range []struct {
		v    string
		want time.Duration
	}{{"1500", 1500 * time.Millisecond}, {"10", time.Second}, {"60000", 6 * time.Second}, {"x", time.Second}, {"-5", time.Second}} {
		if got := clientRetryAfter(time.Second, resp(c.v)); got != c.want {
			t.Errorf("%s: %v, want %v", c.v, got, c.want)
		}
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestClientConcurrent: one client's calls share its configuration, its
// clock skew and the retryer's quota; run with -race.
func TestClientConcurrent(t *testing.T) {
	d := &fakeDoer{answers: []answer{{status: 200, body: "echo:x"}}}
	cfg := toyConfig(d)
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 8; i++ {
				c, out := toyCall("x")
				if err := clientInvoke(context.Background(), cfg, c); err != nil || out.Echo != "x" {
					errs <- fmt.Errorf("%v, echo %q", err, out.Echo)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if len(d.reqs) != 64 {
		t.Errorf("%d requests, want 64", len(d.reqs))
	}
}
