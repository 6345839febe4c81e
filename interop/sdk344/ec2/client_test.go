package ec2

// Our generated client beside the SDK's service/ec2 client, both calling
// the scripted endpoint of client_server_test.go: same requests, same
// signatures, same retries and errors.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	sdk "github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/smithy2go/smithy2go/interop/sdk344/ec2full"
)

func testCredentials() aws.CredentialsProvider {
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: testAccessKey, SecretAccessKey: testSecretKey, Source: "client test"}, nil
	})
}

// testRetryer is the SDK's standard retryer, 3 attempts, with a
// millisecond between them so the tests are quick. Each client gets its
// own, so retry quotas do not carry over.
func testRetryer() aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return time.Millisecond, nil })
	})
}

// fixedToken makes both clients fill a missing ClientToken with token.
type fixedToken string

func (t fixedToken) GetIdempotencyToken() (string, error) { return string(t), nil }

func newTestClient(s *ec2Server, optFns ...func(*Options)) *Client {
	return New(Options{
		Region:       testRegion,
		Credentials:  testCredentials(),
		BaseEndpoint: aws.String(s.URL),
		HTTPClient:   s.Client(),
		Retryer:      testRetryer(),
	}, optFns...)
}

func newSDKTestClient(s *ec2Server, optFns ...func(*sdk.Options)) *sdk.Client {
	return sdk.New(sdk.Options{
		Region:       testRegion,
		Credentials:  testCredentials(),
		BaseEndpoint: aws.String(s.URL),
		HTTPClient:   s.Client(),
		Retryer:      testRetryer(),
	}, optFns...)
}

// okAnswer answers every attempt with success.
func okAnswer(op string) scenario {
	return func(int, *received) action { return action{status: 200, body: string(okResponse(op))} }
}

// checkClientRequests draws random inputs for one operation, calls it
// with both clients and compares what the server received: method, path,
// body, Content-Type, host, credential scope and signed headers, and that
// both signatures are valid. Inputs the SDK rejects must be rejected by
// ours too, with nothing sent by either.
func checkClientRequests[I any, S, O, OO any](t *testing.T, ours func(*Client, context.Context, *I, ...func(*Options)) (*OO, error), theirs sdkCall[S, O]) {
	s := newEC2Server(t)
	op := strings.TrimSuffix(reflect.TypeFor[I]().Name(), "Input")
	s.start(okAnswer(op), 0)
	const token = "5f1e3d2c-8b7a-4c6d-9e0f-1a2b3c4d5e6f"
	our := newTestClient(s, func(o *Options) { o.IdempotencyTokenProvider = fixedToken(token) })
	their := newSDKTestClient(s, func(o *sdk.Options) { o.IdempotencyTokenProvider = fixedToken(token) })
	var st drawStats
	compared, rejected := 0, 0
	rapid.Check(t, func(rt *rapid.T) {
		st.cases++
		in := new(I)
		fill(rt, reflect.ValueOf(in).Elem(), requestString, "input", &st)
		sdkIn := new(S)
		mustConvert(rt, sdkIn, in)
		ctx := context.Background()

		s.start(okAnswer(op), 0)
		_, sdkErr := theirs(their, ctx, sdkIn)
		sdkSent := s.received()
		s.start(okAnswer(op), 0)
		_, ourErr := ours(our, ctx, in)
		ourSent := s.received()

		if sdkErr != nil {
			var sdkInvalid, ourInvalid smithy.InvalidParamsError
			if !errors.As(sdkErr, &sdkInvalid) {
				rt.Fatalf("SDK call failed: %v", sdkErr)
			}
			if !errors.As(ourErr, &ourInvalid) {
				rt.Fatalf("the SDK rejects the input (%v); ours gives %v", sdkErr, ourErr)
			}
			if sdkErr.Error() != ourErr.Error() {
				rt.Fatalf("rejected with different messages:\n SDK %v\nours %v", sdkErr, ourErr)
			}
			if len(sdkSent)+len(ourSent) != 0 {
				rt.Fatalf("a rejected input was sent: %d requests by the SDK, %d by ours", len(sdkSent), len(ourSent))
			}
			rejected++
			return
		}
		if ourErr != nil {
			rt.Fatalf("the SDK's call succeeds, ours fails: %v", ourErr)
		}
		if len(sdkSent) != 1 || len(ourSent) != 1 {
			rt.Fatalf("requests sent: SDK %d, ours %d; want 1 each", len(sdkSent), len(ourSent))
		}
		compareRequests(rt, sdkSent[0], ourSent[0])
		compared++
	})
	t.Logf("%d cases: %d requests compared, %d inputs rejected by both with nothing sent", st.cases, compared, rejected)
	if checksAtDefault && (compared < 1000 || rejected == 0) {
		t.Errorf("%d requests compared and %d rejections: the inputs did not cover both", compared, rejected)
	}
}

// compareRequests holds our request to the SDK's, as the server saw them.
func compareRequests(t interface{ Fatalf(string, ...any) }, theirs, ours *received) {
	if !theirs.SignatureOK || !ours.SignatureOK {
		t.Fatalf("signatures recomputed by the server: SDK's valid %v, ours valid %v", theirs.SignatureOK, ours.SignatureOK)
	}
	type view struct {
		Method, Path, Host, ContentType, Scope, SignedHeaders, Body string
	}
	see := func(r *received) view {
		return view{r.Method, r.Path, r.Host, r.Header.Get("Content-Type"), r.Scope, r.SignedHeaders, string(r.Body)}
	}
	if diff := cmp.Diff(see(theirs), see(ours)); diff != "" {
		t.Fatalf("requests differ (-SDK +ours):\n%s", diff)
	}
	for _, r := range []*received{theirs, ours} {
		if r.Header.Get("Amz-Sdk-Request") != "attempt=1; max=3" || !uuidV4.MatchString(r.Header.Get("Amz-Sdk-Invocation-Id")) {
			t.Fatalf("amz-sdk-request %q, amz-sdk-invocation-id %q", r.Header.Get("Amz-Sdk-Request"), r.Header.Get("Amz-Sdk-Invocation-Id"))
		}
	}
}

func TestClientRequestsMatchSDK(t *testing.T) {
	t.Run("Create", func(t *testing.T) {
		checkClientRequests[CreateInterruptibleCapacityReservationAllocationInput](t,
			(*Client).CreateInterruptibleCapacityReservationAllocation, (*sdk.Client).CreateInterruptibleCapacityReservationAllocation)
	})
	t.Run("Update", func(t *testing.T) {
		checkClientRequests[UpdateInterruptibleCapacityReservationAllocationInput](t,
			(*Client).UpdateInterruptibleCapacityReservationAllocation, (*sdk.Client).UpdateInterruptibleCapacityReservationAllocation)
	})
}

// outcome is how a call ended, as the fault table shows it.
type outcome struct {
	Attempts                 int
	Code, Message, RequestID string
	Status                   int
	// Chain names the error types errors.As finds, outermost first.
	Chain string
	Err   string
}

func (o outcome) String() string {
	if o.Err == "" {
		return fmt.Sprintf("%d attempts, ok", o.Attempts)
	}
	return fmt.Sprintf("%d attempts, %s %q, status %d, request ID %q", o.Attempts, o.Code, o.Message, o.Status, o.RequestID)
}

var clientPort = regexp.MustCompile(`127\.0\.0\.1:\d+->`)

// describe reads an error the way code written against the SDK does.
func describe(err error, attempts int) outcome {
	o := outcome{Attempts: attempts}
	if err == nil {
		return o
	}
	// The client's port differs from call to call.
	o.Err = clientPort.ReplaceAllString(err.Error(), "127.0.0.1:PORT->")
	var api smithy.APIError
	if errors.As(err, &api) {
		o.Code, o.Message = api.ErrorCode(), api.ErrorMessage()
	}
	var re *awshttp.ResponseError
	if errors.As(err, &re) {
		o.Status, o.RequestID = re.HTTPStatusCode(), re.ServiceRequestID()
	}
	var chain []string
	var (
		opErr     *smithy.OperationError
		maxErr    *retry.MaxAttemptsError
		sendErr   *smithyhttp.RequestSendError
		cancelErr *smithy.CanceledError
		deserErr  *smithy.DeserializationError
		generic   *smithy.GenericAPIError
	)
	for _, c := range []struct {
		name string
		ok   bool
	}{
		{"OperationError", errors.As(err, &opErr)},
		{"MaxAttemptsError", errors.As(err, &maxErr)},
		{"ResponseError", re != nil},
		{"RequestSendError", errors.As(err, &sendErr)},
		{"CanceledError", errors.As(err, &cancelErr)},
		{"DeserializationError", errors.As(err, &deserErr)},
		{"GenericAPIError", errors.As(err, &generic)},
		{"APIError", api != nil},
		{"context.DeadlineExceeded", errors.Is(err, context.DeadlineExceeded)},
	} {
		if c.ok {
			chain = append(chain, c.name)
		}
	}
	o.Chain = strings.Join(chain, " > ")
	return o
}

// faultCase is one scenario of the fault table.
type faultCase struct {
	name   string
	script scenario
	// skew sets the server's clock ahead; timeout bounds the call.
	skew    time.Duration
	timeout time.Duration
	// retryer replaces testRetryer.
	retryer func() aws.Retryer
}

var createOK = string(okResponse("CreateInterruptibleCapacityReservationAllocation"))

func always(a action) scenario { return func(int, *received) action { return a } }

func faultCases() []faultCase {
	xmlErr := func(status int, code, msg string) scenario {
		return func(n int, _ *received) action { return action{status: status, body: ec2ErrorBody(code, msg, n)} }
	}
	return []faultCase{
		{name: "500, not XML", script: always(action{status: 500, body: "Internal Server Error"})},
		{name: "503, then OK", script: func(n int, _ *received) action {
			if n == 1 {
				return action{status: 503, body: ec2ErrorBody("Unavailable", "The server is overloaded and can't handle the request.", n)}
			}
			return action{status: 200, body: createOK}
		}},
		{name: "RequestLimitExceeded", script: xmlErr(503, "RequestLimitExceeded", "Request limit exceeded.")},
		{name: "InternalError", script: xmlErr(500, "InternalError", "An internal error has occurred.")},
		{name: "connection reset", script: always(action{reset: true})},
		{name: "truncated body", script: always(action{truncate: true, body: createOK})},
		{name: "slower than the deadline", script: always(action{status: 200, body: createOK, delay: 2 * time.Second}), timeout: 300 * time.Millisecond},
		{name: "RequestTimeTooSkewed", script: always(action{status: 200, body: createOK}), skew: 10 * time.Minute},
		{name: "retry quota used up", script: xmlErr(500, "InternalError", "An internal error has occurred."), retryer: func() aws.Retryer {
			// Room for one retry of the standard cost, not two.
			return retry.NewStandard(func(o *retry.StandardOptions) {
				o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return time.Millisecond, nil })
				o.RateLimiter = ratelimit.NewTokenRateLimit(o.RetryCost + 1)
			})
		}},
	}
}

// callOnce runs one scenario with a fresh client and returns how it ended
// and the ClientToken each attempt sent.
func callOnce(s *ec2Server, fc faultCase, call func(context.Context) error) (outcome, []string) {
	s.start(fc.script, fc.skew)
	ctx := context.Background()
	if fc.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, fc.timeout)
		defer cancel()
	}
	err := call(ctx)
	sent := s.received()
	var tokens []string
	for _, r := range sent {
		tokens = append(tokens, r.Form.Get("ClientToken"))
	}
	return describe(err, len(sent)), tokens
}

// TestClientFaults runs every fault scenario against both clients and
// prints the table: attempts and the final error, ours beside the SDK's.
func TestClientFaults(t *testing.T) {
	s := newEC2Server(t)
	var table strings.Builder
	table.WriteString("| scenario | attempts (ours / SDK) | final error code | message | status | request ID |\n| --- | --- | --- | --- | --- | --- |\n")
	for _, fc := range faultCases() {
		t.Run(fc.name, func(t *testing.T) {
			input := peerInput()
			input.ClientToken = nil
			var sdkOpts []func(*sdk.Options)
			var ourOpts []func(*Options)
			if fc.retryer != nil {
				sdkOpts = append(sdkOpts, func(o *sdk.Options) { o.Retryer = fc.retryer() })
				ourOpts = append(ourOpts, func(o *Options) { o.Retryer = fc.retryer() })
			}
			their := newSDKTestClient(s, sdkOpts...)
			sdkIn := new(sdk.CreateInterruptibleCapacityReservationAllocationInput)
			mustConvert(t, sdkIn, input)
			sdkOut, sdkTokens := callOnce(s, fc, func(ctx context.Context) error {
				_, err := their.CreateInterruptibleCapacityReservationAllocation(ctx, sdkIn)
				return err
			})
			our := newTestClient(s, ourOpts...)
			ourOut, ourTokens := callOnce(s, fc, func(ctx context.Context) error {
				_, err := our.CreateInterruptibleCapacityReservationAllocation(ctx, input)
				return err
			})
			for who, tokens := range map[string][]string{"SDK": sdkTokens, "ours": ourTokens} {
				if len(tokens) == 0 || !uuidV4.MatchString(tokens[0]) || slices.Compact(slices.Clone(tokens))[0] != tokens[0] || len(slices.Compact(slices.Clone(tokens))) != 1 {
					t.Errorf("%s sent the ClientTokens %q; want one UUID on every attempt", who, tokens)
				}
			}
			if diff := cmp.Diff(sdkOut, ourOut); diff != "" {
				t.Errorf("outcome differs (-SDK +ours):\n%s", diff)
			}
			status := "-"
			if ourOut.Err != "" {
				status = fmt.Sprint(ourOut.Status)
			}
			code, msg, reqID := ourOut.Code, ourOut.Message, ourOut.RequestID
			if ourOut.Err == "" {
				code = "(success)"
			} else if code == "" {
				code = "(" + strings.TrimPrefix(strings.Split(ourOut.Chain, " > ")[len(strings.Split(ourOut.Chain, " > "))-1], "context.") + ")"
			}
			fmt.Fprintf(&table, "| %s | %d / %d | %s | %s | %s | %s |\n", fc.name, ourOut.Attempts, sdkOut.Attempts, code, msg, status, reqID)
			t.Logf("ours: %s\n  %s\nSDK:  %s\n  %s", ourOut, ourOut.Err, sdkOut, sdkOut.Err)
		})
	}
	t.Logf("fault scenarios, one scripted server for both clients:\n%s", table.String())
}

// TestClientSkewCarriesOver: once a call has found the clocks apart, the
// client's next call is signed on the service's clock from its first
// attempt, with either client.
func TestClientSkewCarriesOver(t *testing.T) {
	s := newEC2Server(t)
	fc := faultCase{script: always(action{status: 200, body: createOK}), skew: 10 * time.Minute}
	our, their := newTestClient(s), newSDKTestClient(s)
	sdkIn := new(sdk.CreateInterruptibleCapacityReservationAllocationInput)
	mustConvert(t, sdkIn, peerInput())
	for call := 1; call <= 2; call++ {
		sdkOut, _ := callOnce(s, fc, func(ctx context.Context) error {
			_, err := their.CreateInterruptibleCapacityReservationAllocation(ctx, sdkIn)
			return err
		})
		ourOut, _ := callOnce(s, fc, func(ctx context.Context) error {
			_, err := our.CreateInterruptibleCapacityReservationAllocation(ctx, peerInput())
			return err
		})
		if want := 3 - call; ourOut != sdkOut || ourOut.Attempts != want || ourOut.Err != "" {
			t.Errorf("call %d: ours %v, SDK %v; want success in %d attempts", call, ourOut, sdkOut, want)
		}
	}
}

// TestClientBadInput: what must fail before anything is sent, and what
// the service's odd answers give.
func TestClientBadInput(t *testing.T) {
	s := newEC2Server(t)
	our := newTestClient(s)
	their := newSDKTestClient(s)
	create := func(ctx context.Context, in *CreateInterruptibleCapacityReservationAllocationInput) (error, error, []*received, []*received) {
		sdkIn := new(sdk.CreateInterruptibleCapacityReservationAllocationInput)
		mustConvert(t, sdkIn, in)
		s.start(okAnswer("CreateInterruptibleCapacityReservationAllocation"), 0)
		_, sdkErr := their.CreateInterruptibleCapacityReservationAllocation(ctx, sdkIn)
		sdkSent := s.received()
		s.start(okAnswer("CreateInterruptibleCapacityReservationAllocation"), 0)
		_, ourErr := our.CreateInterruptibleCapacityReservationAllocation(ctx, in)
		return ourErr, sdkErr, s.received(), sdkSent
	}

	t.Run("missing required member", func(t *testing.T) {
		in := peerInput()
		in.CapacityReservationId = nil
		ourErr, sdkErr, ourSent, sdkSent := create(context.Background(), in)
		var invalid smithy.InvalidParamsError
		if !errors.As(ourErr, &invalid) || len(ourSent) != 0 || len(sdkSent) != 0 {
			t.Fatalf("got %v with %d requests sent; want a smithy.InvalidParamsError and none", ourErr, len(ourSent))
		}
		if ourErr.Error() != sdkErr.Error() {
			t.Errorf("message:\nours %q\n SDK %q", ourErr, sdkErr)
		}
	})
	t.Run("cancelled context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		ourErr, sdkErr, ourSent, sdkSent := create(ctx, peerInput())
		if !errors.Is(ourErr, context.Canceled) || len(ourSent) != 0 || len(sdkSent) != 0 {
			t.Fatalf("got %v with %d requests sent; want context.Canceled and none", ourErr, len(ourSent))
		}
		if ourErr.Error() != sdkErr.Error() {
			t.Errorf("message:\nours %q\n SDK %q", ourErr, sdkErr)
		}
	})
	t.Run("200 with a malformed body", func(t *testing.T) {
		for _, body := range []string{"<CreateInterruptibleCapacityReservationAllocationResponse><status>", "not xml <", "<a></b>"} {
			s.start(always(action{status: 200, body: body}), 0)
			_, err := our.CreateInterruptibleCapacityReservationAllocation(context.Background(), peerInput())
			var de *smithy.DeserializationError
			var re *awshttp.ResponseError
			if !errors.As(err, &de) || !errors.As(err, &re) || re.HTTPStatusCode() != 200 {
				t.Errorf("body %q: got %v; want a DeserializationError at status 200", body, err)
			}
		}
	})
	t.Run("missing region", func(t *testing.T) {
		c := New(Options{Credentials: testCredentials(), HTTPClient: s.Client()})
		sdkC := sdk.New(sdk.Options{Credentials: testCredentials(), HTTPClient: s.Client()})
		s.start(okAnswer("CreateInterruptibleCapacityReservationAllocation"), 0)
		_, err := c.CreateInterruptibleCapacityReservationAllocation(context.Background(), peerInput())
		sdkIn := new(sdk.CreateInterruptibleCapacityReservationAllocationInput)
		mustConvert(t, sdkIn, peerInput())
		_, sdkErr := sdkC.CreateInterruptibleCapacityReservationAllocation(context.Background(), sdkIn)
		if err == nil || sdkErr == nil || len(s.received()) != 0 {
			t.Fatalf("ours %v, SDK %v, %d requests sent; want both to fail with nothing sent", err, sdkErr, len(s.received()))
		}
		if err.Error() != sdkErr.Error() {
			t.Errorf("message:\nours %q\n SDK %q", err, sdkErr)
		}
	})
	t.Run("no endpoint rules, no BaseEndpoint", func(t *testing.T) {
		// The 2021 model has no endpoint rules.
		c := ec2full.New(ec2full.Options{Region: testRegion, Credentials: testCredentials()})
		_, err := c.DescribeCapacityReservations(context.Background(), nil)
		if err == nil || !strings.Contains(err.Error(), "Options.BaseEndpoint") {
			t.Errorf("got %v; want an error that asks for BaseEndpoint", err)
		}
	})
}

// hostRecorder answers every request with an empty success, keeping the
// request, so endpoints on the internet can be resolved and signed for
// without being called.
type hostRecorder struct{ req *http.Request }

func (h *hostRecorder) RoundTrip(r *http.Request) (*http.Response, error) {
	h.req = r
	body := okResponse("CreateInterruptibleCapacityReservationAllocation")
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)), Request: r}, nil
}

// TestClientEndpointsMatchSDK: the endpoint the rules give, through the
// whole client, and the credential scope it signs with, for regions of
// every partition, with FIPS and dual-stack, are the SDK's.
func TestClientEndpointsMatchSDK(t *testing.T) {
	regions := []string{"us-east-1", "eu-west-3", "ap-southeast-5", "cn-north-1", "us-gov-west-1", "us-iso-east-1", "us-isob-east-1", "eu-isoe-west-1", "us-isof-south-1", "mars-east-1"}
	compared, failedAlike := 0, 0
	for _, region := range regions {
		for _, fips := range []bool{false, true} {
			for _, dual := range []bool{false, true} {
				var ours, theirs hostRecorder
				our := New(Options{Region: region, Credentials: testCredentials(), HTTPClient: &http.Client{Transport: &ours}}, func(o *Options) {
					if fips {
						o.EndpointOptions.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled
					}
					if dual {
						o.EndpointOptions.UseDualStackEndpoint = aws.DualStackEndpointStateEnabled
					}
				})
				their := sdk.New(sdk.Options{Region: region, Credentials: testCredentials(), HTTPClient: &http.Client{Transport: &theirs}}, func(o *sdk.Options) {
					if fips {
						o.EndpointOptions.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled
					}
					if dual {
						o.EndpointOptions.UseDualStackEndpoint = aws.DualStackEndpointStateEnabled
					}
				})
				sdkIn := new(sdk.CreateInterruptibleCapacityReservationAllocationInput)
				mustConvert(t, sdkIn, peerInput())
				_, ourErr := our.CreateInterruptibleCapacityReservationAllocation(context.Background(), peerInput())
				_, sdkErr := their.CreateInterruptibleCapacityReservationAllocation(context.Background(), sdkIn)
				name := fmt.Sprintf("%s fips=%v dualstack=%v", region, fips, dual)
				if (ourErr == nil) != (sdkErr == nil) || ourErr != nil && ourErr.Error() != sdkErr.Error() {
					t.Errorf("%s: ours %v, SDK %v", name, ourErr, sdkErr)
					continue
				}
				if ourErr != nil {
					failedAlike++
					continue
				}
				compared++
				scope := func(r *http.Request) string {
					_, after, _ := strings.Cut(r.Header.Get("Authorization"), "Credential="+testAccessKey+"/")
					parts := strings.Split(strings.Split(after, ",")[0], "/")
					return strings.Join(parts[1:], "/")
				}
				if ours.req.URL.String() != theirs.req.URL.String() || scope(ours.req) != scope(theirs.req) {
					t.Errorf("%s: ours %s signed for %s, SDK %s signed for %s", name, ours.req.URL, scope(ours.req), theirs.req.URL, scope(theirs.req))
				}
			}
		}
	}
	t.Logf("%d endpoints called alike, %d configurations refused alike", compared, failedAlike)
	if compared < 30 {
		t.Errorf("only %d of %d configurations resolved; the comparison covers too little", compared, 4*len(regions))
	}
}
