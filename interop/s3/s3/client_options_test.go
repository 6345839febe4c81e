package s3

// The client's S3 options (UsePathStyle, UseAccelerate, UseARNRegion,
// DisableMultiRegionAccessPoints, with UseFIPS, UseDualStack, regions and
// custom endpoints) against the SDK's client: for random combinations,
// random buckets (host-name-safe, dotted, not host-name-safe) and
// access point ARNs (S3, Object Lambda, Multi-Region, Outposts), both
// clients send the call to the same URL and sign it for the same service
// and region, or both fail with the same endpoint rule's message. Nothing
// leaves the process: the transport records the request and fails it.

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

var errOptNotSent = errors.New("recorded, not sent")

// optTransport records the request a client sends and fails it.
type optTransport struct{ req *http.Request }

func (t *optTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	t.req = r
	if r.Body != nil {
		r.Body.Close()
	}
	return nil, errOptNotSent
}

// optSettings are the settings of one case, given to both clients.
type optSettings struct {
	Region                                       string
	UsePathStyle, UseAccelerate                  bool
	UseARNRegion, DisableMultiRegionAccessPoints bool
	UseFIPS, UseDualStack                        bool
	BaseEndpoint                                 *string
	// FromConfig builds the clients with NewFromConfig, with UseARNRegion,
	// DisableMultiRegionAccessPoints, FIPS and dual-stack in the config's
	// sources, as the shared config and environment hold them.
	FromConfig bool
}

// optSource is an aws.Config source with S3's settings and the endpoint
// variants, as config.LoadDefaultConfig's shared config and environment
// config are.
type optSource struct{ s optSettings }

func (o optSource) GetS3UseARNRegion(context.Context) (bool, bool, error) {
	return o.s.UseARNRegion, true, nil
}

func (o optSource) GetS3DisableMultiRegionAccessPoints(context.Context) (bool, bool, error) {
	return o.s.DisableMultiRegionAccessPoints, true, nil
}

func (o optSource) GetUseFIPSEndpoint(context.Context) (aws.FIPSEndpointState, bool, error) {
	if o.s.UseFIPS {
		return aws.FIPSEndpointStateEnabled, true, nil
	}
	return aws.FIPSEndpointStateDisabled, true, nil
}

func (o optSource) GetUseDualStackEndpoint(context.Context) (aws.DualStackEndpointState, bool, error) {
	if o.s.UseDualStack {
		return aws.DualStackEndpointStateEnabled, true, nil
	}
	return aws.DualStackEndpointStateDisabled, true, nil
}

var optCredentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
	return aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", Source: "interop test"}, nil
})

func fips(on bool) aws.FIPSEndpointState {
	if on {
		return aws.FIPSEndpointStateEnabled
	}
	return aws.FIPSEndpointStateUnset
}

func dualStack(on bool) aws.DualStackEndpointState {
	if on {
		return aws.DualStackEndpointStateEnabled
	}
	return aws.DualStackEndpointStateUnset
}

// optClients are both clients for s, on their own transports.
func optClients(s optSettings) (*Client, *optTransport, *sdk.Client, *optTransport) {
	ours, theirs := &optTransport{}, &optTransport{}
	if s.FromConfig {
		cfg := func(t *optTransport) aws.Config {
			return aws.Config{
				Region:                     s.Region,
				Credentials:                optCredentials,
				HTTPClient:                 &http.Client{Transport: t},
				Retryer:                    func() aws.Retryer { return aws.NopRetryer{} },
				BaseEndpoint:               s.BaseEndpoint,
				RequestChecksumCalculation: aws.RequestChecksumCalculationWhenRequired,
				ConfigSources:              []any{"not a source", optSource{s}},
			}
		}
		return NewFromConfig(cfg(ours), func(o *Options) {
				o.UsePathStyle, o.UseAccelerate = s.UsePathStyle, s.UseAccelerate
			}), ours, sdk.NewFromConfig(cfg(theirs), func(o *sdk.Options) {
				o.UsePathStyle, o.UseAccelerate = s.UsePathStyle, s.UseAccelerate
			}), theirs
	}
	c := New(Options{
		Region:                         s.Region,
		Credentials:                    optCredentials,
		HTTPClient:                     &http.Client{Transport: ours},
		Retryer:                        aws.NopRetryer{},
		BaseEndpoint:                   s.BaseEndpoint,
		UsePathStyle:                   s.UsePathStyle,
		UseAccelerate:                  s.UseAccelerate,
		UseARNRegion:                   s.UseARNRegion,
		DisableMultiRegionAccessPoints: s.DisableMultiRegionAccessPoints,
		EndpointOptions:                EndpointResolverOptions{UseFIPSEndpoint: fips(s.UseFIPS), UseDualStackEndpoint: dualStack(s.UseDualStack)},
	})
	sc := sdk.New(sdk.Options{
		Region:                         s.Region,
		Credentials:                    optCredentials,
		HTTPClient:                     &http.Client{Transport: theirs},
		Retryer:                        aws.NopRetryer{},
		BaseEndpoint:                   s.BaseEndpoint,
		UsePathStyle:                   s.UsePathStyle,
		UseAccelerate:                  s.UseAccelerate,
		UseARNRegion:                   s.UseARNRegion,
		DisableMultiRegionAccessPoints: s.DisableMultiRegionAccessPoints,
		EndpointOptions:                sdk.EndpointResolverOptions{UseFIPSEndpoint: fips(s.UseFIPS), UseDualStackEndpoint: dualStack(s.UseDualStack)},
		RequestChecksumCalculation:     aws.RequestChecksumCalculationWhenRequired,
	})
	return c, ours, sc, theirs
}

// optOperation calls one operation on both clients.
type optOperation struct {
	name string
	// in is our input, for resolving our endpoint without a call.
	in     func(bucket, key string) any
	ours   func(context.Context, *Client, string, string) error
	theirs func(context.Context, *sdk.Client, string, string) error
}

// optOperations are operations on a bucket and an object, on a bucket, on
// none, and CreateBucket, whose rules refuse access points.
var optOperations = []optOperation{
	{
		"GetObject",
		func(b, k string) any { return &GetObjectInput{Bucket: &b, Key: &k} },
		func(ctx context.Context, c *Client, b, k string) error {
			_, err := c.GetObject(ctx, &GetObjectInput{Bucket: &b, Key: &k})
			return err
		},
		func(ctx context.Context, c *sdk.Client, b, k string) error {
			_, err := c.GetObject(ctx, &sdk.GetObjectInput{Bucket: &b, Key: &k})
			return err
		},
	},
	{
		"PutObject",
		func(b, k string) any { return &PutObjectInput{Bucket: &b, Key: &k} },
		func(ctx context.Context, c *Client, b, k string) error {
			_, err := c.PutObject(ctx, &PutObjectInput{Bucket: &b, Key: &k, Body: strings.NewReader("hello")})
			return err
		},
		func(ctx context.Context, c *sdk.Client, b, k string) error {
			_, err := c.PutObject(ctx, &sdk.PutObjectInput{Bucket: &b, Key: &k, Body: strings.NewReader("hello")})
			return err
		},
	},
	{
		"ListObjectsV2",
		func(b, _ string) any { return &ListObjectsV2Input{Bucket: &b} },
		func(ctx context.Context, c *Client, b, _ string) error {
			_, err := c.ListObjectsV2(ctx, &ListObjectsV2Input{Bucket: &b})
			return err
		},
		func(ctx context.Context, c *sdk.Client, b, _ string) error {
			_, err := c.ListObjectsV2(ctx, &sdk.ListObjectsV2Input{Bucket: &b})
			return err
		},
	},
	{
		"HeadBucket",
		func(b, _ string) any { return &HeadBucketInput{Bucket: &b} },
		func(ctx context.Context, c *Client, b, _ string) error {
			_, err := c.HeadBucket(ctx, &HeadBucketInput{Bucket: &b})
			return err
		},
		func(ctx context.Context, c *sdk.Client, b, _ string) error {
			_, err := c.HeadBucket(ctx, &sdk.HeadBucketInput{Bucket: &b})
			return err
		},
	},
	{
		"CreateBucket",
		func(b, _ string) any { return &CreateBucketInput{Bucket: &b} },
		func(ctx context.Context, c *Client, b, _ string) error {
			_, err := c.CreateBucket(ctx, &CreateBucketInput{Bucket: &b})
			return err
		},
		func(ctx context.Context, c *sdk.Client, b, _ string) error {
			_, err := c.CreateBucket(ctx, &sdk.CreateBucketInput{Bucket: &b})
			return err
		},
	},
	{
		"ListBuckets",
		func(string, string) any { return &ListBucketsInput{} },
		func(ctx context.Context, c *Client, _, _ string) error {
			_, err := c.ListBuckets(ctx, &ListBucketsInput{})
			return err
		},
		func(ctx context.Context, c *sdk.Client, _, _ string) error {
			_, err := c.ListBuckets(ctx, &sdk.ListBucketsInput{})
			return err
		},
	},
}

// optRegions are regions of every partition, the global pseudo-region,
// one no partition lists, none, and one that is not a host name.
var optRegions = []string{
	"us-east-1", "us-west-2", "eu-west-1", "ap-northeast-1", "aws-global",
	"cn-north-1", "us-gov-west-1", "us-iso-east-1", "us-isob-east-1", "eu-isoe-west-1", "us-isof-south-1",
	"mars-east-1", "",
}

// optPartitions are ARN partitions, with regions of theirs.
var optPartitions = map[string][]string{
	"aws":        {"us-east-1", "us-west-2", "eu-west-1"},
	"aws-cn":     {"cn-north-1"},
	"aws-us-gov": {"us-gov-west-1"},
	"aws-iso":    {"us-iso-east-1"},
}

// optKinds are the kinds of bucket optBucket draws.
var optKinds = []string{"name", "dotted", "not a host name", "access point", "object lambda", "multi-region", "outposts", "other ARN"}

// optBucket draws a bucket: a name or an ARN, with its kind for the
// coverage figures.
func optBucket(t *rapid.T, d optDraw, region string) (bucket, kind string) {
	partition := optPick(d, []string{"aws", "aws", "aws-cn", "aws-us-gov", "aws-iso"})
	arnRegion := optPick(d, optPartitions[partition])
	if region != "" && d.chance(50) {
		arnRegion = region
	}
	account := rapid.StringMatching(`[0-9]{12}`).Draw(t, "account")
	name := rapid.StringMatching(`[a-z0-9][a-z0-9-]{0,20}[a-z0-9]`).Draw(t, "name")
	switch kind = optPick(d, optKinds); kind {
	case "name":
		bucket = rapid.StringMatching(`[a-z0-9][a-z0-9-]{1,30}[a-z0-9]`).Draw(t, "bucket")
	case "dotted":
		bucket = rapid.StringMatching(`[a-z0-9]{1,8}\.[a-z0-9]{1,8}(\.[a-z0-9-]{0,8}[a-z0-9])?`).Draw(t, "bucket")
	case "not a host name":
		bucket = rapid.StringMatching(`[A-Za-z0-9_]{3,12}|[a-z0-9]{1,8}\.\.[a-z0-9]{1,8}|[a-z0-9-]{64,70}`).Draw(t, "bucket")
	case "access point":
		bucket = fmt.Sprintf("arn:%s:s3:%s:%s:accesspoint/%s", partition, arnRegion, account, name)
	case "object lambda":
		bucket = fmt.Sprintf("arn:%s:s3-object-lambda:%s:%s:accesspoint/%s", partition, arnRegion, account, name)
	case "multi-region":
		bucket = fmt.Sprintf("arn:%s:s3::%s:accesspoint/%s.mrap", partition, account, name)
	case "outposts":
		bucket = fmt.Sprintf("arn:%s:s3-outposts:%s:%s:outpost/op-01234567890123456/accesspoint/%s", partition, arnRegion, account, name)
	case "other ARN":
		bucket = optPick(d, []string{
			fmt.Sprintf("arn:%s:s3:%s:%s:accesspoint", partition, arnRegion, account),
			fmt.Sprintf("arn:%s:sqs:%s:%s:accesspoint/%s", partition, arnRegion, account, name),
			fmt.Sprintf("arn:%s:s3:%s:%s:bucket_name:%s", partition, arnRegion, account, name),
			fmt.Sprintf("arn:%s:s3:%s::accesspoint/%s", partition, arnRegion, name),
		})
	}
	return bucket, kind
}

// optDraw makes the choices of a case with equal odds, which rapid's
// generators, leaning to small values, do not give: its seed is drawn,
// so a failing case is reproduced and printed all the same.
type optDraw struct{ *rand.Rand }

func newOptDraw(t *rapid.T) optDraw {
	return optDraw{rand.New(rand.NewPCG(rapid.Uint64().Draw(t, "seed"), 1))}
}

// chance is true percent times in a hundred.
func (d optDraw) chance(percent int) bool { return d.IntN(100) < percent }

func optPick[T any](d optDraw, from []T) T { return from[d.IntN(len(from))] }

// signed is what an Authorization header says of signing: the algorithm,
// and the credential scope's region (the region set, for SigV4a) and
// service.
type signed struct{ algorithm, region, service string }

func signedBy(r *http.Request) signed {
	auth := r.Header.Get("Authorization")
	algorithm, rest, _ := strings.Cut(auth, " ")
	_, cred, _ := strings.Cut(rest, "Credential=")
	cred, _, _ = strings.Cut(cred, ",")
	scope := strings.Split(cred, "/")
	s := signed{algorithm: algorithm}
	switch {
	case algorithm == "AWS4-HMAC-SHA256" && len(scope) == 5:
		s.region, s.service = scope[2], scope[3]
	case algorithm == "AWS4-ECDSA-P256-SHA256" && len(scope) == 4:
		s.region, s.service = r.Header.Get("X-Amz-Region-Set"), scope[2]
	}
	return s
}

// sentTo is the URL of a request, its query decoded.
type sentTo struct {
	Scheme, Host, Path string
	Query              url.Values
}

func sentURL(r *http.Request) sentTo {
	return sentTo{r.URL.Scheme, r.URL.Host, r.URL.EscapedPath(), r.URL.Query()}
}

// ruleMessage is the message of the endpoint rule that failed a call, or
// the error's text when no rule did.
func ruleMessage(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, "endpoint rule error, "); i >= 0 {
		return s[i:]
	}
	return s
}

// optStats counts what the cases covered and how they ended.
type optStats struct {
	cases, sent, failed, noRegion, sigV4a, outposts int
	kinds                                           map[string]int
	settings                                        map[string]int
}

// TestClientOptionsMatchSDK is the differential test of the options. The
// deliberate differences, each counted: where the SDK signs with SigV4a
// (Multi-Region Access Points), this client refuses, having no SigV4a
// signer, and its endpoint is the SDK's; where the endpoint offers SigV4a
// and SigV4 (Outposts), the SDK takes SigV4a and this client SigV4, for
// the same service, to the same URL.
func TestClientOptionsMatchSDK(t *testing.T) {
	st := optStats{kinds: map[string]int{}, settings: map[string]int{}}
	rapid.Check(t, func(rt *rapid.T) {
		d := newOptDraw(rt)
		s := optSettings{
			Region:                         optPick(d, optRegions),
			UsePathStyle:                   d.chance(25),
			UseAccelerate:                  d.chance(15),
			UseARNRegion:                   d.chance(50),
			DisableMultiRegionAccessPoints: d.chance(25),
			UseFIPS:                        d.chance(15),
			UseDualStack:                   d.chance(15),
			FromConfig:                     d.chance(50),
		}
		if d.chance(10) {
			s.BaseEndpoint = aws.String(optPick(d, []string{"https://example.com", "http://localhost:9000", "https://s3.internal.example.com/base", "https://10.0.0.1"}))
		}
		bucket, kind := optBucket(rt, d, s.Region)
		key := rapid.StringMatching(`[a-zA-Z0-9/._-]{1,20}`).Draw(rt, "key")
		op := optPick(d, optOperations)

		ours, ourReq, theirs, theirReq := optClients(s)
		ctx := context.Background()
		ourErr := op.ours(ctx, ours, bucket, key)
		theirErr := op.theirs(ctx, theirs, bucket, key)
		st.cases++
		st.kinds[kind]++
		for name, on := range map[string]bool{"UsePathStyle": s.UsePathStyle, "UseAccelerate": s.UseAccelerate, "UseARNRegion": s.UseARNRegion,
			"DisableMultiRegionAccessPoints": s.DisableMultiRegionAccessPoints, "UseFIPS": s.UseFIPS, "UseDualStack": s.UseDualStack, "NewFromConfig": s.FromConfig} {
			if on {
				st.settings[name]++
			}
		}
		switch {
		case theirReq.req == nil && ourReq.req == nil:
			// Both failed before sending: the same rule failed them.
			if ourErr == nil || theirErr == nil {
				rt.Fatalf("%s %q %+v: ours %v, the SDK's %v", op.name, bucket, s, ourErr, theirErr)
			}
			if s.Region == "" {
				// Without a region the SDK's S3 client resolves the
				// endpoint of its auth scheme with the region "" (its
				// #2502 stub), and the rule that fails that may not be
				// the one that fails ours, or its own endpoint step,
				// which see no region.
				st.noRegion++
				break
			}
			if o, th := ruleMessage(ourErr), ruleMessage(theirErr); o != th {
				rt.Fatalf("%s %q %+v: ours failed with %q, the SDK's with %q", op.name, bucket, s, o, th)
			}
			st.failed++
		case theirReq.req != nil && ourReq.req == nil && signedBy(theirReq.req).algorithm == "AWS4-ECDSA-P256-SHA256":
			if ourErr == nil || !strings.Contains(ourErr.Error(), "the endpoint asks for sigv4a signing, and this client signs with SigV4 only") {
				rt.Fatalf("%s %q %+v: the SDK signs with SigV4a; ours: %v", op.name, bucket, s, ourErr)
			}
			// The endpoint is the SDK's all the same.
			o := ours.Options()
			ep, err := o.resolveEndpoint(ctx, op.in(bucket, key))
			if err != nil {
				rt.Fatal(err)
			}
			u, err := url.Parse(ep.url)
			if err != nil || u.Host != theirReq.req.URL.Host || !strings.HasPrefix(theirReq.req.URL.EscapedPath(), u.EscapedPath()) {
				rt.Fatalf("%s %q %+v: our endpoint %s, the SDK sent to %s", op.name, bucket, s, ep.url, theirReq.req.URL)
			}
			st.sigV4a++
		case theirReq.req != nil && ourReq.req != nil:
			if diff := cmp.Diff(sentURL(theirReq.req), sentURL(ourReq.req)); diff != "" {
				rt.Fatalf("%s %q %+v: URL (-SDK +ours):\n%s", op.name, bucket, s, diff)
			}
			ourSig, theirSig := signedBy(ourReq.req), signedBy(theirReq.req)
			if ourSig.algorithm != "AWS4-HMAC-SHA256" || ourSig.region == "" {
				rt.Fatalf("%s %q %+v: our Authorization %q", op.name, bucket, s, ourReq.req.Header.Get("Authorization"))
			}
			if theirSig.algorithm == "AWS4-ECDSA-P256-SHA256" {
				// Outposts: SigV4a first, SigV4 second; ours signs for
				// the same service, in the ARN's region.
				if kind != "outposts" || ourSig.service != theirSig.service {
					rt.Fatalf("%s %q %+v: the SDK signs %+v, ours %+v", op.name, bucket, s, theirSig, ourSig)
				}
				st.outposts++
			} else if ourSig != theirSig {
				rt.Fatalf("%s %q %+v: the SDK signs %+v, ours %+v", op.name, bucket, s, theirSig, ourSig)
			}
			st.sent++
		default:
			rt.Fatalf("%s %q %+v: ours sent %v (%v), the SDK's %v (%v)", op.name, bucket, s, ourReq.req != nil, ourErr, theirReq.req != nil, theirErr)
		}
	})
	t.Logf("%d cases: %d sent alike, %d failed alike by the same rule, %d without a region failed by both, %d SigV4a (Multi-Region Access Points) refused by ours at the SDK's endpoint, %d Outposts signed SigV4a by the SDK and SigV4 by ours; buckets %v; settings on %v",
		st.cases, st.sent, st.failed, st.noRegion, st.sigV4a, st.outposts, st.kinds, st.settings)
	if checksAtDefault && !t.Failed() {
		// SigV4a and Outposts are rarer: TestClientOptionsReachTheirEndpoints
		// has cases of each.
		if st.sent < st.cases/4 || st.failed < st.cases/10 {
			t.Errorf("too little compared: %d sent and %d failed alike, of %d", st.sent, st.failed, st.cases)
		}
		for _, k := range optKinds {
			if st.kinds[k] == 0 {
				t.Errorf("no %s bucket drawn", k)
			}
		}
	}
}

// TestClientOptionsReachTheirEndpoints pins the options' effect on
// chosen cases, the SDK's client beside ours: so that the random test
// cannot pass with options both clients ignore.
func TestClientOptionsReachTheirEndpoints(t *testing.T) {
	ap := "arn:aws:s3:us-east-1:123456789012:accesspoint/myendpoint"
	mrap := "arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap"
	outpost := "arn:aws:s3-outposts:us-west-2:123456789012:outpost/op-01234567890123456/accesspoint/reports"
	for _, c := range []struct {
		name   string
		s      optSettings
		bucket string
		want   string // host and path, or the rule's message
		// ours is where ours goes, or its error, when it is not the
		// SDK's; the signatures are the SDK's and ours.
		ours           string
		sdkSig, ourSig string
	}{
		{"virtual-hosted", optSettings{Region: "us-west-2"}, "bucket", "bucket.s3.us-west-2.amazonaws.com/key", "", "", ""},
		{"UsePathStyle", optSettings{Region: "us-west-2", UsePathStyle: true}, "bucket", "s3.us-west-2.amazonaws.com/bucket/key", "", "", ""},
		{"dotted", optSettings{Region: "us-west-2"}, "my.bucket", "s3.us-west-2.amazonaws.com/my.bucket/key", "", "", ""},
		{"UseAccelerate", optSettings{Region: "us-west-2", UseAccelerate: true}, "bucket", "bucket.s3-accelerate.amazonaws.com/key", "", "", ""},
		{"UseAccelerate dual-stack", optSettings{Region: "us-west-2", UseAccelerate: true, UseDualStack: true}, "bucket", "bucket.s3-accelerate.dualstack.amazonaws.com/key", "", "", ""},
		{"FIPS", optSettings{Region: "us-west-2", UseFIPS: true}, "bucket", "bucket.s3-fips.us-west-2.amazonaws.com/key", "", "", ""},
		{"access point", optSettings{Region: "us-east-1"}, ap, "myendpoint-123456789012.s3-accesspoint.us-east-1.amazonaws.com/key", "", "", ""},
		{"access point elsewhere", optSettings{Region: "us-west-2"}, ap, "endpoint rule error, Invalid configuration: region from ARN `us-east-1` does not match client region `us-west-2` and UseArnRegion is `false`", "", "", ""},
		{"UseARNRegion", optSettings{Region: "us-west-2", UseARNRegion: true}, ap, "myendpoint-123456789012.s3-accesspoint.us-east-1.amazonaws.com/key", "", "", ""},
		{"UseARNRegion from the config", optSettings{Region: "us-west-2", UseARNRegion: true, FromConfig: true}, ap, "myendpoint-123456789012.s3-accesspoint.us-east-1.amazonaws.com/key", "", "", ""},
		{"DisableMultiRegionAccessPoints", optSettings{Region: "us-west-2", DisableMultiRegionAccessPoints: true}, "arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap", "endpoint rule error, Invalid configuration: Multi-Region Access Point ARNs are disabled.", "", "", ""},
		{"DisableMultiRegionAccessPoints from the config", optSettings{Region: "us-west-2", DisableMultiRegionAccessPoints: true, FromConfig: true}, mrap, "endpoint rule error, Invalid configuration: Multi-Region Access Point ARNs are disabled.", "", "", ""},
		{"Multi-Region Access Point", optSettings{Region: "us-west-2"}, mrap, "mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com/key",
			"the endpoint asks for sigv4a signing, and this client signs with SigV4 only", "AWS4-ECDSA-P256-SHA256 * s3", ""},
		{"Outposts", optSettings{Region: "us-west-2"}, outpost, "reports-123456789012.op-01234567890123456.s3-outposts.us-west-2.amazonaws.com/key",
			"", "AWS4-ECDSA-P256-SHA256 * s3-outposts", "AWS4-HMAC-SHA256 us-west-2 s3-outposts"},
		{"Object Lambda", optSettings{Region: "us-west-2", UseARNRegion: true}, "arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/mybanner", "mybanner-123456789012.s3-object-lambda.us-east-1.amazonaws.com/key",
			"", "AWS4-HMAC-SHA256 us-east-1 s3-object-lambda", ""},
	} {
		ours, ourReq, theirs, theirReq := optClients(c.s)
		got := func(req *http.Request, err error) string {
			if req == nil {
				return ruleMessage(err)
			}
			return req.URL.Host + req.URL.EscapedPath()
		}
		ourErr := optOperations[0].ours(context.Background(), ours, c.bucket, "key")
		theirErr := optOperations[0].theirs(context.Background(), theirs, c.bucket, "key")
		if g := got(theirReq.req, theirErr); g != c.want {
			t.Errorf("%s: the SDK's client went to %q, want %q", c.name, g, c.want)
		}
		wantOurs := optOr(c.ours, c.want)
		if g := got(ourReq.req, ourErr); g != wantOurs && !(ourReq.req == nil && strings.Contains(g, wantOurs)) {
			t.Errorf("%s: ours went to %q, want %q", c.name, g, wantOurs)
		}
		sig := func(req *http.Request) string {
			if req == nil {
				return ""
			}
			s := signedBy(req)
			return s.algorithm + " " + s.region + " " + s.service
		}
		region := c.s.Region
		if c.s.UseARNRegion {
			region = "us-east-1"
		}
		wantSDK := optOr(c.sdkSig, "AWS4-HMAC-SHA256 "+region+" s3")
		if theirReq.req == nil {
			wantSDK = ""
		}
		if g := sig(theirReq.req); g != wantSDK {
			t.Errorf("%s: the SDK's client signed %q, want %q", c.name, g, wantSDK)
		}
		wantOur := optOr(c.ourSig, c.sdkSig, "AWS4-HMAC-SHA256 "+region+" s3")
		if ourReq.req == nil {
			wantOur = ""
		}
		if g := sig(ourReq.req); g != wantOur {
			t.Errorf("%s: ours signed %q, want %q", c.name, g, wantOur)
		}
	}
}

// optOr is the first of values that is not empty.
func optOr(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
