package buckets

// What the client of testdata/builtins.json must do with the built-in
// endpoint parameters its rules declare, as aws-sdk-go-v2's clients do
// (service/s3 v1.79.1, service/dynamodb v1.42.1). Copied into the
// generated package by TestBuiltInsBehaviour. No request leaves the
// process: the HTTP client records it and fails.

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
)

var errSent = errors.New("recorded, not sent")

// recorder is the HTTP client: it keeps the requests.
type recorder struct{ got []*http.Request }

func (r *recorder) Do(req *http.Request) (*http.Response, error) {
	r.got = append(r.got, req)
	return nil, errSent
}

// capture is a resolver that keeps the parameters it is given.
type capture struct {
	got []EndpointParameters
	// schemes are the endpoint's auth schemes, if any.
	schemes []string
}

func (c *capture) ResolveEndpoint(_ context.Context, p EndpointParameters) (smithyendpoints.Endpoint, error) {
	c.got = append(c.got, p)
	u, _ := url.Parse("https://captured.example.com")
	e := smithyendpoints.Endpoint{URI: *u, Headers: http.Header{}}
	var opts []*smithyauth.Option
	for _, s := range c.schemes {
		opts = append(opts, &smithyauth.Option{SchemeID: s})
	}
	if opts != nil {
		smithyauth.SetAuthOptions(&e.Properties, opts)
	}
	return e, nil
}

type creds struct {
	account string
	err     error
}

func (c creds) Retrieve(context.Context) (aws.Credentials, error) {
	return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "secret", AccountID: c.account}, c.err
}

func newClient(rec *recorder, optFns ...func(*Options)) *Client {
	return New(Options{
		Region:      "us-west-2",
		HTTPClient:  rec,
		Credentials: creds{account: "123456789012"},
		Retryer:     aws.NopRetryer{},
	}, optFns...)
}

func call(c *Client, optFns ...func(*Options)) error {
	_, err := c.GetThing(context.Background(), &GetThingInput{Name: aws.String("thing")}, optFns...)
	return err
}

func boolOf(p *bool) string {
	switch {
	case p == nil:
		return "nil"
	case *p:
		return "true"
	}
	return "false"
}

// TestFlagsBindAsTheSDKs: each flag sets its parameter, always (false
// when unset: the SDK binds aws.Bool(option)), for the client and for a
// call of its own; UseGlobalEndpoint and the unknown built-in stay unset
// for the rules' defaults.
func TestFlagsBindAsTheSDKs(t *testing.T) {
	for _, c := range []struct {
		name string
		set  func(*Options)
		want string // ForcePathStyle Accelerate DisableMultiRegionAccessPoints UseArnRegion
	}{
		{"unset", func(*Options) {}, "false false false false"},
		{"UsePathStyle", func(o *Options) { o.UsePathStyle = true }, "true false false false"},
		{"UseAccelerate", func(o *Options) { o.UseAccelerate = true }, "false true false false"},
		{"DisableMultiRegionAccessPoints", func(o *Options) { o.DisableMultiRegionAccessPoints = true }, "false false true false"},
		{"UseARNRegion", func(o *Options) { o.UseARNRegion = true }, "false false false true"},
	} {
		res := &capture{}
		rec := &recorder{}
		client := newClient(rec, c.set, func(o *Options) { o.EndpointResolverV2 = res })
		if err := call(client); !errors.Is(err, errSent) {
			t.Fatalf("%s: %v", c.name, err)
		}
		// The same through a call's own options, on a client without them.
		if err := call(newClient(rec, func(o *Options) { o.EndpointResolverV2 = res }), c.set); !errors.Is(err, errSent) {
			t.Fatalf("%s: %v", c.name, err)
		}
		for i, p := range res.got {
			got := strings.Join([]string{boolOf(p.ForcePathStyle), boolOf(p.Accelerate), boolOf(p.DisableMultiRegionAccessPoints), boolOf(p.UseArnRegion)}, " ")
			if got != c.want {
				t.Errorf("%s (%d): parameters %s, want %s", c.name, i, got, c.want)
			}
			if p.UseGlobalEndpoint != nil || p.Unknown != nil {
				t.Errorf("%s: UseGlobalEndpoint %v, Unknown %v: want both unset", c.name, p.UseGlobalEndpoint, p.Unknown)
			}
			if p.Name == nil || *p.Name != "thing" || p.Region == nil || *p.Region != "us-west-2" {
				t.Errorf("%s: the input's and the region's parameters are lost: %+v", c.name, p)
			}
		}
		if len(rec.got) != 2 || rec.got[0].URL.Host != "captured.example.com" {
			t.Errorf("%s: %d requests sent, want 2 to the captured endpoint", c.name, len(rec.got))
		}
	}
	// The client's own options stay as they were after a call that
	// changed its own.
	client := newClient(&recorder{})
	_ = call(client, func(o *Options) { o.UsePathStyle = true })
	if client.Options().UsePathStyle {
		t.Error("a call's UsePathStyle changed the client's")
	}
}

// configSource is one of an aws.Config's sources, holding S3's settings
// as the shared config and the environment do.
type configSource struct {
	arnRegion, noMRAP *bool
	err               error
}

func (s configSource) GetS3UseARNRegion(context.Context) (bool, bool, error) {
	if s.arnRegion == nil {
		return false, false, s.err
	}
	return *s.arnRegion, true, s.err
}

func (s configSource) GetS3DisableMultiRegionAccessPoints(context.Context) (bool, bool, error) {
	if s.noMRAP == nil {
		return false, false, s.err
	}
	return *s.noMRAP, true, s.err
}

// TestNewFromConfigReadsSources: UseARNRegion and
// DisableMultiRegionAccessPoints come from the first source that has
// them; a failing source ends the search with nothing, as the SDK's
// resolvers do; optFns have the last word; AccountIDEndpointMode is the
// config's.
func TestNewFromConfigReadsSources(t *testing.T) {
	yes, no := aws.Bool(true), aws.Bool(false)
	for _, c := range []struct {
		name    string
		sources []any
		optFns  []func(*Options)
		// UseARNRegion, DisableMultiRegionAccessPoints
		arnRegion, noMRAP bool
	}{
		{"none", nil, nil, false, false},
		{"one", []any{configSource{arnRegion: yes, noMRAP: yes}}, nil, true, true},
		{"first that has it", []any{"not a source", configSource{}, configSource{arnRegion: yes}, configSource{arnRegion: no, noMRAP: yes}}, nil, true, true},
		{"first wins", []any{configSource{arnRegion: no}, configSource{arnRegion: yes}}, nil, false, false},
		{"failure ends it", []any{configSource{err: errors.New("bad file")}, configSource{arnRegion: yes, noMRAP: yes}}, nil, false, false},
		{"optFns last", []any{configSource{arnRegion: yes}}, []func(*Options){func(o *Options) { o.UseARNRegion = false; o.UsePathStyle = true }}, false, false},
	} {
		cfg := aws.Config{Region: "us-west-2", ConfigSources: c.sources, AccountIDEndpointMode: aws.AccountIDEndpointModeRequired}
		o := NewFromConfig(cfg, c.optFns...).Options()
		if o.UseARNRegion != c.arnRegion || o.DisableMultiRegionAccessPoints != c.noMRAP {
			t.Errorf("%s: UseARNRegion %v, DisableMultiRegionAccessPoints %v; want %v, %v", c.name, o.UseARNRegion, o.DisableMultiRegionAccessPoints, c.arnRegion, c.noMRAP)
		}
		if o.AccountIDEndpointMode != aws.AccountIDEndpointModeRequired {
			t.Errorf("%s: AccountIDEndpointMode %q, want the config's", c.name, o.AccountIDEndpointMode)
		}
	}
}

// TestAccountID: the default resolver gets the credentials' account ID
// unless the mode is disabled; the mode goes to its parameter, set even
// when empty; a mode that requires an account fails without one, and an
// unknown mode fails, with the SDK's messages, before anything is sent.
func TestAccountID(t *testing.T) {
	for _, c := range []struct {
		name    string
		mode    aws.AccountIDEndpointMode
		creds   aws.CredentialsProvider
		host    string // "" for an error
		message string
	}{
		{"unset", "", creds{account: "123456789012"}, "123456789012.buckets.us-west-2.example.com", ""},
		{"preferred", aws.AccountIDEndpointModePreferred, creds{account: "123456789012"}, "123456789012.buckets.us-west-2.example.com", ""},
		{"required", aws.AccountIDEndpointModeRequired, creds{account: "123456789012"}, "123456789012.buckets.us-west-2.example.com", ""},
		{"disabled", aws.AccountIDEndpointModeDisabled, creds{account: "123456789012"}, "buckets.us-west-2.example.com", ""},
		{"no account", aws.AccountIDEndpointModePreferred, creds{}, "buckets.us-west-2.example.com", ""},
		{"required without", aws.AccountIDEndpointModeRequired, creds{}, "", "invalid accountID set: accountID is required but not set"},
		{"required anonymous", aws.AccountIDEndpointModeRequired, aws.AnonymousCredentials{}, "", "invalid accountID set: accountID is required but not set"},
		{"anonymous", "", aws.AnonymousCredentials{}, "buckets.us-west-2.example.com", ""},
		{"unknown mode", "sometimes", creds{account: "123456789012"}, "", "invalid accountID set: invalid accountID endpoint mode sometimes, must be preferred/required/disabled"},
		{"credentials fail", "", creds{err: errors.New("no profile")}, "", "get identity: get credentials: failed to refresh cached credentials, no profile"},
	} {
		rec := &recorder{}
		err := call(newClient(rec, func(o *Options) { o.AccountIDEndpointMode = c.mode; o.Credentials = c.creds }))
		if c.host == "" {
			if err == nil || !strings.HasSuffix(err.Error(), c.message) || len(rec.got) != 0 {
				t.Errorf("%s: %v with %d requests; want an error ending %q and none sent", c.name, err, len(rec.got), c.message)
			}
			continue
		}
		if !errors.Is(err, errSent) || len(rec.got) != 1 || rec.got[0].URL.Host != c.host {
			t.Errorf("%s: %v; want one request to %s", c.name, err, c.host)
		}
		res := &capture{}
		_ = call(newClient(&recorder{}, func(o *Options) {
			o.AccountIDEndpointMode = c.mode
			o.Credentials = c.creds
			o.EndpointResolverV2 = res
		}))
		if len(res.got) != 1 || res.got[0].AccountIdEndpointMode == nil || *res.got[0].AccountIdEndpointMode != string(c.mode) {
			t.Errorf("%s: the mode parameter is not %q: %+v", c.name, c.mode, res.got)
		}
	}
}

// TestAccountIDModeFeature: the User-Agent carries the SDK's feature for
// the mode (P, Q, R), and none when it is unset.
func TestAccountIDModeFeature(t *testing.T) {
	for mode, want := range map[aws.AccountIDEndpointMode]string{"": "", aws.AccountIDEndpointModePreferred: "P", aws.AccountIDEndpointModeDisabled: "Q", aws.AccountIDEndpointModeRequired: "R"} {
		rec := &recorder{}
		_ = call(newClient(rec, func(o *Options) { o.AccountIDEndpointMode = mode }))
		if len(rec.got) != 1 {
			t.Fatalf("%q: nothing sent", mode)
		}
		var features string
		for _, f := range strings.Fields(rec.got[0].Header.Get("User-Agent")) {
			if v, ok := strings.CutPrefix(f, "m/"); ok {
				features = v
			}
		}
		has := ""
		for _, f := range strings.Split(features, ",") {
			if f == "P" || f == "Q" || f == "R" {
				has += f
			}
		}
		if has != want {
			t.Errorf("%q: User-Agent features %q, want the mode's %q", mode, features, want)
		}
	}
}

// TestNoSigV4Endpoint: an endpoint whose auth schemes hold no SigV4
// (such as a Multi-Region Access Point's SigV4a) fails a call the client
// would sign, with nothing sent; an unsigned call goes.
func TestNoSigV4Endpoint(t *testing.T) {
	rec := &recorder{}
	_, err := newClient(rec).GetThing(context.Background(), &GetThingInput{Name: aws.String("mrap")})
	if err == nil || !strings.Contains(err.Error(), "the endpoint asks for sigv4a signing, and this client signs with SigV4 only") || len(rec.got) != 0 {
		t.Errorf("rules' sigv4a: %v with %d requests", err, len(rec.got))
	}
	res := &capture{schemes: []string{"aws.auth#sigv4a"}}
	err = call(newClient(rec, func(o *Options) { o.EndpointResolverV2 = res }))
	if err == nil || !strings.Contains(err.Error(), "the endpoint asks for aws.auth#sigv4a signing") || len(rec.got) != 0 {
		t.Errorf("resolver's sigv4a: %v with %d requests", err, len(rec.got))
	}
	res.schemes = []string{"aws.auth#sigv4a", "aws.auth#sigv4"}
	if err := call(newClient(rec, func(o *Options) { o.EndpointResolverV2 = res })); !errors.Is(err, errSent) {
		t.Errorf("sigv4a and sigv4: %v, want SigV4", err)
	}
	if _, err := newClient(rec, func(o *Options) { o.Credentials = aws.AnonymousCredentials{} }).GetThing(context.Background(), &GetThingInput{Name: aws.String("mrap")}); !errors.Is(err, errSent) {
		t.Errorf("unsigned: %v, want it sent", err)
	}
	if len(rec.got) != 2 || rec.got[1].Header.Get("Authorization") != "" || !strings.HasPrefix(rec.got[0].Header.Get("Authorization"), "AWS4-HMAC-SHA256 ") {
		t.Errorf("%d requests sent; want one signed with SigV4, one unsigned", len(rec.got))
	}
}
