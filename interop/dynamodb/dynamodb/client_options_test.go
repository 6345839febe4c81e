package dynamodb

// The client's account-ID endpoints against the SDK's client: for random
// AccountIDEndpointMode settings, credentials with and without an
// AccountID, anonymous calls, regions of every partition, FIPS,
// dual-stack, custom endpoints and tables named or given by ARN, both
// clients send the call to the same URL, sign it for the same service
// and region, and carry the same account-ID-mode feature in the
// User-Agent, or both fail with the same message. Nothing leaves the
// process: the transport records the request and fails it.

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

var errAcctNotSent = errors.New("recorded, not sent")

// acctTransport records the request a client sends and fails it.
type acctTransport struct{ req *http.Request }

func (t *acctTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	t.req = r
	if r.Body != nil {
		r.Body.Close()
	}
	return nil, errAcctNotSent
}

// acctSettings are the settings of one case, given to both clients.
type acctSettings struct {
	Region                string
	Mode                  aws.AccountIDEndpointMode
	AccountID             string
	Anonymous             bool
	UseFIPS, UseDualStack bool
	BaseEndpoint          *string
	// FromConfig builds the clients with NewFromConfig: the mode from
	// aws.Config, FIPS and dual-stack from its sources.
	FromConfig bool
}

func (s acctSettings) credentials() aws.CredentialsProvider {
	if s.Anonymous {
		return aws.AnonymousCredentials{}
	}
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", AccountID: s.AccountID, Source: "interop test"}, nil
	})
}

// acctSource holds the endpoint variants as an aws.Config's shared config
// and environment do.
type acctSource struct{ s acctSettings }

func (o acctSource) GetUseFIPSEndpoint(context.Context) (aws.FIPSEndpointState, bool, error) {
	if o.s.UseFIPS {
		return aws.FIPSEndpointStateEnabled, true, nil
	}
	return aws.FIPSEndpointStateDisabled, true, nil
}

func (o acctSource) GetUseDualStackEndpoint(context.Context) (aws.DualStackEndpointState, bool, error) {
	if o.s.UseDualStack {
		return aws.DualStackEndpointStateEnabled, true, nil
	}
	return aws.DualStackEndpointStateDisabled, true, nil
}

func acctClients(s acctSettings) (*Client, *acctTransport, *sdk.Client, *acctTransport) {
	ours, theirs := &acctTransport{}, &acctTransport{}
	if s.FromConfig {
		cfg := func(t *acctTransport) aws.Config {
			return aws.Config{
				Region:                s.Region,
				Credentials:           s.credentials(),
				HTTPClient:            &http.Client{Transport: t},
				Retryer:               func() aws.Retryer { return aws.NopRetryer{} },
				BaseEndpoint:          s.BaseEndpoint,
				AccountIDEndpointMode: s.Mode,
				ConfigSources:         []any{acctSource{s}},
			}
		}
		return NewFromConfig(cfg(ours)), ours, sdk.NewFromConfig(cfg(theirs)), theirs
	}
	fips, dualStack := aws.FIPSEndpointStateUnset, aws.DualStackEndpointStateUnset
	if s.UseFIPS {
		fips = aws.FIPSEndpointStateEnabled
	}
	if s.UseDualStack {
		dualStack = aws.DualStackEndpointStateEnabled
	}
	c := New(Options{
		Region:                s.Region,
		Credentials:           s.credentials(),
		HTTPClient:            &http.Client{Transport: ours},
		Retryer:               aws.NopRetryer{},
		BaseEndpoint:          s.BaseEndpoint,
		AccountIDEndpointMode: s.Mode,
		EndpointOptions:       EndpointResolverOptions{UseFIPSEndpoint: fips, UseDualStackEndpoint: dualStack},
	})
	sc := sdk.New(sdk.Options{
		Region:                s.Region,
		Credentials:           s.credentials(),
		HTTPClient:            &http.Client{Transport: theirs},
		Retryer:               aws.NopRetryer{},
		BaseEndpoint:          s.BaseEndpoint,
		AccountIDEndpointMode: s.Mode,
		EndpointOptions:       sdk.EndpointResolverOptions{UseFIPSEndpoint: fips, UseDualStackEndpoint: dualStack},
	})
	return c, ours, sc, theirs
}

// acctOperation calls one operation on both clients with a table.
type acctOperation struct {
	name   string
	ours   func(context.Context, *Client, string) error
	theirs func(context.Context, *sdk.Client, string) error
}

// acctOperations bind the table as a resource ARN, as a list of them (one
// table: the SDK takes the first of a map's keys, in no set order), and
// not at all.
var acctOperations = []acctOperation{
	{
		"GetItem",
		func(ctx context.Context, c *Client, table string) error {
			_, err := c.GetItem(ctx, &GetItemInput{TableName: &table, Key: map[string]AttributeValue{"id": &AttributeValueMemberS{Value: "1"}}})
			return err
		},
		func(ctx context.Context, c *sdk.Client, table string) error {
			_, err := c.GetItem(ctx, &sdk.GetItemInput{TableName: &table, Key: map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: "1"}}})
			return err
		},
	},
	{
		"BatchGetItem",
		func(ctx context.Context, c *Client, table string) error {
			_, err := c.BatchGetItem(ctx, &BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{
				table: {Keys: []map[string]AttributeValue{{"id": &AttributeValueMemberS{Value: "1"}}}},
			}})
			return err
		},
		func(ctx context.Context, c *sdk.Client, table string) error {
			_, err := c.BatchGetItem(ctx, &sdk.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{
				table: {Keys: []map[string]types.AttributeValue{{"id": &types.AttributeValueMemberS{Value: "1"}}}},
			}})
			return err
		},
	},
	{
		"ListTables",
		func(ctx context.Context, c *Client, _ string) error {
			_, err := c.ListTables(ctx, &ListTablesInput{})
			return err
		},
		func(ctx context.Context, c *sdk.Client, _ string) error {
			_, err := c.ListTables(ctx, &sdk.ListTablesInput{})
			return err
		},
	},
}

// acctDraw makes the choices of a case with equal odds (rapid's
// generators lean to small values); its seed is drawn, so a failing case
// is reproduced and printed all the same.
type acctDraw struct{ *rand.Rand }

func (d acctDraw) chance(percent int) bool { return d.IntN(100) < percent }

func acctPick[T any](d acctDraw, from []T) T { return from[d.IntN(len(from))] }

// acctRegions are regions of every partition, more of them in aws, the
// one with account endpoints; one no partition lists; and none.
var acctRegions = []string{"us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2", "sa-east-1", "ca-central-1",
	"cn-north-1", "us-gov-west-1", "us-iso-east-1", "us-isob-east-1", "mars-east-1", ""}

var acctPartitions = map[string]string{"aws": "us-east-1", "aws-cn": "cn-north-1", "aws-us-gov": "us-gov-west-1", "aws-iso": "us-iso-east-1"}

// acctTable draws a table: a name, an ARN (of the client's region or
// another, of any partition), or an ARN the rules do not take as a
// table's.
func acctTable(t *rapid.T, d acctDraw, region string) (table, kind string) {
	name := rapid.StringMatching(`[a-zA-Z0-9_.-]{3,20}`).Draw(t, "name")
	account := acctPick(d, []string{"111122223333", "012345678901", rapid.StringMatching(`[0-9]{12}`).Draw(t, "account")})
	partition := acctPick(d, []string{"aws", "aws", "aws-cn", "aws-us-gov", "aws-iso"})
	arnRegion := acctPartitions[partition]
	if region != "" && d.chance(50) {
		arnRegion = region
	}
	switch kind = acctPick(d, []string{"name", "ARN", "other ARN"}); kind {
	case "name":
		table = name
	case "ARN":
		table = fmt.Sprintf("arn:%s:dynamodb:%s:%s:table/%s", partition, arnRegion, account, name)
	default:
		table = acctPick(d, []string{
			fmt.Sprintf("arn:%s:s3:::%s", partition, strings.ToLower(name)),
			fmt.Sprintf("arn:%s:dynamodb:%s::table/%s", partition, arnRegion, name),
			fmt.Sprintf("arn:%s:dynamodb:%s:%s:table", partition, arnRegion, account),
			fmt.Sprintf("arn:%s:dynamodb:%s:%s:table/%s/stream/2025", partition, arnRegion, account, name),
		})
	}
	return table, kind
}

// acctSigned is the credential scope's region and service.
func acctSigned(r *http.Request) string {
	auth := r.Header.Get("Authorization")
	_, cred, _ := strings.Cut(auth, "Credential=")
	cred, _, _ = strings.Cut(cred, ",")
	scope := strings.Split(cred, "/")
	if len(scope) != 5 {
		return auth
	}
	return scope[2] + "/" + scope[3]
}

// acctModeFeatures are the account-ID-mode features (P, Q, R) in a
// request's User-Agent.
func acctModeFeatures(r *http.Request) string {
	var has string
	for _, f := range strings.Fields(r.Header.Get("User-Agent")) {
		if v, ok := strings.CutPrefix(f, "m/"); ok {
			for _, m := range strings.Split(v, ",") {
				if m == "P" || m == "Q" || m == "R" {
					has += m
				}
			}
		}
	}
	return has
}

// acctSent is the URL of a request, its query decoded.
type acctSent struct {
	Scheme, Host, Path string
	Query              url.Values
}

// TestClientAccountIDEndpointsMatchSDK is the differential test of
// AccountIDEndpointMode and the credentials' AccountID.
func TestClientAccountIDEndpointsMatchSDK(t *testing.T) {
	var cases, sent, failed, accountHosts, pathSlash int
	outcomes := map[string]int{}
	rapid.Check(t, func(rt *rapid.T) {
		d := acctDraw{rand.New(rand.NewPCG(rapid.Uint64().Draw(rt, "seed"), 1))}
		s := acctSettings{
			Region:       acctPick(d, acctRegions),
			Mode:         acctPick(d, []aws.AccountIDEndpointMode{"", "", aws.AccountIDEndpointModePreferred, aws.AccountIDEndpointModePreferred, aws.AccountIDEndpointModeRequired, aws.AccountIDEndpointModeRequired, aws.AccountIDEndpointModeDisabled, "sometimes"}),
			AccountID:    acctPick(d, []string{"", "111122223333", rapid.StringMatching(`[0-9]{12}`).Draw(rt, "accountID"), rapid.StringMatching(`[0-9]{12}`).Draw(rt, "accountID2"), "not a host label"}),
			Anonymous:    d.chance(10),
			UseFIPS:      d.chance(20),
			UseDualStack: d.chance(20),
			FromConfig:   d.chance(50),
		}
		if strings.HasPrefix(s.Region, "us-iso") {
			// The package's partition facts are of 2025-02, as the
			// model's endpoint tests want; the SDK's core v1.48.0 has
			// later ones, in which the ISO partitions have dual-stack.
			s.UseDualStack = false
		}
		if d.chance(10) {
			s.BaseEndpoint = aws.String(acctPick(d, []string{"https://example.com", "http://localhost:8000", "https://ddb.internal.example.com/base"}))
		}
		table, kind := acctTable(rt, d, s.Region)
		op := acctPick(d, acctOperations)

		ours, ourReq, theirs, theirReq := acctClients(s)
		ctx := context.Background()
		ourErr := op.ours(ctx, ours, table)
		theirErr := op.theirs(ctx, theirs, table)
		cases++
		switch {
		case ourReq.req == nil && theirReq.req == nil:
			if ourErr == nil || theirErr == nil || ourErr.Error() != theirErr.Error() {
				rt.Fatalf("%s %q %+v: ours failed with %v, the SDK's with %v", op.name, table, s, ourErr, theirErr)
			}
			failed++
			msg := theirErr.Error()
			if i := strings.Index(msg, ", "); i >= 0 {
				msg = msg[i+2:]
			}
			outcomes[msg]++
		case ourReq.req != nil && theirReq.req != nil:
			o, th := ourReq.req, theirReq.req
			ourPath := o.URL.EscapedPath()
			if th.URL.EscapedPath()+"/" == ourPath && s.BaseEndpoint != nil && strings.HasSuffix(*s.BaseEndpoint, "/base") {
				// An endpoint with a path: the awsJson compliance tests
				// (AwsJson10HostWithPath) want /base/, which ours sends;
				// the SDK's client sends /base.
				ourPath = th.URL.EscapedPath()
				pathSlash++
			}
			if diff := cmp.Diff(acctSent{th.URL.Scheme, th.URL.Host, th.URL.EscapedPath(), th.URL.Query()}, acctSent{o.URL.Scheme, o.URL.Host, ourPath, o.URL.Query()}); diff != "" {
				rt.Fatalf("%s %q %+v: URL (-SDK +ours):\n%s", op.name, table, s, diff)
			}
			if acctSigned(o) != acctSigned(th) {
				rt.Fatalf("%s %q %+v: ours signs %q, the SDK's %q", op.name, table, s, acctSigned(o), acctSigned(th))
			}
			if acctModeFeatures(o) != acctModeFeatures(th) {
				rt.Fatalf("%s %q %+v: User-Agent features %q, the SDK's %q", op.name, table, s, o.Header.Get("User-Agent"), th.Header.Get("User-Agent"))
			}
			sent++
			if strings.Contains(th.URL.Host, ".ddb.") {
				accountHosts++
			}
			outcomes["sent, "+kind]++
		default:
			rt.Fatalf("%s %q %+v: ours sent %v (%v), the SDK's %v (%v)", op.name, table, s, ourReq.req != nil, ourErr, theirReq.req != nil, theirErr)
		}
	})
	t.Logf("%d cases: %d sent alike (%d to account endpoints; %d to an endpoint with a path, /base/ by ours as the compliance tests want, /base by the SDK's), %d failed alike", cases, sent, accountHosts, pathSlash, failed)
	for _, o := range slices.Sorted(maps.Keys(outcomes)) {
		t.Logf("%5d %s", outcomes[o], o)
	}
	if !t.Failed() && (sent < cases/4 || failed < cases/20 || accountHosts < cases/50) {
		t.Errorf("too little compared: %d sent (%d to account endpoints) and %d failed alike, of %d", sent, accountHosts, failed, cases)
	}
}

// TestClientAccountIDEndpoints pins chosen cases, the SDK's client beside
// ours, so that the random test cannot pass with settings both ignore.
func TestClientAccountIDEndpoints(t *testing.T) {
	for _, c := range []struct {
		name  string
		s     acctSettings
		table string
		want  string // host, or the error
	}{
		{"account", acctSettings{Region: "us-east-1", AccountID: "111122223333"}, "t", "111122223333.ddb.us-east-1.amazonaws.com"},
		{"from the config", acctSettings{Region: "us-east-1", AccountID: "111122223333", Mode: aws.AccountIDEndpointModeDisabled, FromConfig: true}, "t", "dynamodb.us-east-1.amazonaws.com"},
		{"disabled", acctSettings{Region: "us-east-1", AccountID: "111122223333", Mode: aws.AccountIDEndpointModeDisabled}, "t", "dynamodb.us-east-1.amazonaws.com"},
		{"none", acctSettings{Region: "us-east-1"}, "t", "dynamodb.us-east-1.amazonaws.com"},
		{"the table's", acctSettings{Region: "us-east-1", AccountID: "111122223333"}, "arn:aws:dynamodb:us-east-1:444455556666:table/t", "444455556666.ddb.us-east-1.amazonaws.com"},
		{"required", acctSettings{Region: "us-east-1", Mode: aws.AccountIDEndpointModeRequired}, "t", "operation error DynamoDB: GetItem, invalid accountID set: accountID is required but not set"},
		{"unknown mode", acctSettings{Region: "us-east-1", Mode: "sometimes"}, "t", "operation error DynamoDB: GetItem, invalid accountID set: invalid accountID endpoint mode sometimes, must be preferred/required/disabled"},
	} {
		ours, ourReq, theirs, theirReq := acctClients(c.s)
		got := func(req *http.Request, err error) string {
			if req == nil {
				return err.Error()
			}
			return req.URL.Host
		}
		ourErr := acctOperations[0].ours(context.Background(), ours, c.table)
		theirErr := acctOperations[0].theirs(context.Background(), theirs, c.table)
		if g := got(theirReq.req, theirErr); g != c.want {
			t.Errorf("%s: the SDK's client went to %q, want %q", c.name, g, c.want)
		}
		if g := got(ourReq.req, ourErr); g != c.want {
			t.Errorf("%s: ours went to %q, want %q", c.name, g, c.want)
		}
	}
}
