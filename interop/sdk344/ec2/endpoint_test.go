package ec2

// EndpointRules, generated from the endpointBdd trait of our 2026-09 model,
// beside the SDK's ec2.NewDefaultEndpointResolverV2() on the same
// parameters: every partition's regions, known and unknown, FIPS and
// dual-stack in every combination, custom endpoints, and odd values. The
// SDK carries its own copy of the partition facts, so this also holds ours
// to its.
//
//	go test -run Endpoint -v
//	go test -run '^$' -bench Endpoint -benchmem

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// endpointPartitionRegions are the regions each partition lists, as the
// SDK's partitions.json (aws-sdk-go-v2 v1.48.0) has them, and a region of
// each that no list names but the partition's pattern matches.
var endpointPartitionRegions = map[string][]string{
	"aws": {"af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
		"ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
		"ap-southeast-6", "ap-southeast-7", "aws-global", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2",
		"eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1",
		"me-south-1", "me-west-1", "mx-central-1", "sa-east-1", "sa-west-1", "us-east-1", "us-east-2", "us-west-1",
		"us-west-2", "us-north-9", "eu-south-7"},
	"aws-cn":     {"aws-cn-global", "cn-north-1", "cn-northwest-1", "cn-south-3"},
	"aws-us-gov": {"aws-us-gov-global", "us-gov-east-1", "us-gov-west-1", "us-gov-north-4"},
	"aws-iso":    {"aws-iso-global", "us-iso-east-1", "us-iso-west-1", "us-iso-south-2"},
	"aws-iso-b":  {"aws-iso-b-global", "us-isob-east-1", "us-isob-west-1", "us-isob-north-3"},
	"aws-iso-e":  {"aws-iso-e-global", "eu-isoe-west-1", "eu-isoe-north-2"},
	"aws-iso-f":  {"aws-iso-f-global", "us-isof-east-1", "us-isof-south-1", "us-isof-west-5"},
	"aws-eusc":   {"eusc-de-east-1", "eusc-de-west-2"},
}

// endpointOddRegions fall into no partition by name or pattern, or are
// not host names at all; the rules still resolve them (into aws).
var endpointOddRegions = []string{"", "local", "mars-north-1", "us-east-1-fips", "fips-us-east-1", "US-EAST-1",
	"us-east-1.", "us east 1", "us-east-1/x", "ü-east-1", "eusc-fr-east-1", "cn-north", "a.b.c"}

// endpointCustom are values of the Endpoint parameter (SDK::Endpoint).
var endpointCustom = []string{"https://example.com", "http://localhost:8080", "https://example.com/base/path",
	"https://127.0.0.1:4566", "https://[::1]:443/x", "https://vpce-123.ec2.us-east-1.vpce.amazonaws.com",
	"not a url", "https://exa mple.com", "https://user:pass@example.com/a%2Fb?x=1"}

// endpointDataDifferences are regions whose partition the two copies of
// the partition facts disagree on, and why; the test counts them apart.
// Every other region the SDK's copy lists and ours does not (me-west-1,
// sa-west-1, us-isob-west-1, eu-isoe-west-1) matches its partition's
// pattern, so it resolves alike.
var endpointDataDifferences = map[string]string{
	"aws-iso-e-global": "the SDK's partitions.json lists it under aws-iso-e; the one smithy2go carries " +
		"(smithy-lang/smithy 0f7323128b06, ../shared/endpoints) lists no aws-iso-e regions, and the name " +
		"matches no partition's pattern, so aws.partition gives aws",
}

// endpointCase is one parameter set and what it covers.
type endpointCase struct {
	params    EndpointParameters
	partition string // "" for odd regions and no region
}

// endpointCases are every known region with every FIPS and dual-stack
// setting (unset, false, true) with and without a custom endpoint, then
// random draws of the same ingredients, n in all.
func endpointCases(n int) []endpointCase {
	bools := []*bool{nil, aws.Bool(false), aws.Bool(true)}
	var out []endpointCase
	partitions := make([]string, 0, len(endpointPartitionRegions))
	for p := range endpointPartitionRegions {
		partitions = append(partitions, p)
	}
	slices.Sort(partitions)
	for _, p := range partitions {
		for _, region := range endpointPartitionRegions[p] {
			for _, fips := range bools {
				for _, ds := range bools {
					for _, ep := range []*string{nil, aws.String(endpointCustom[0])} {
						out = append(out, endpointCase{EndpointParameters{Region: aws.String(region), UseFIPS: fips, UseDualStack: ds, Endpoint: ep}, p})
					}
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(2026, 9))
	for len(out) < n {
		c := endpointCase{}
		switch k := r.IntN(10); {
		case k < 7:
			c.partition = partitions[r.IntN(len(partitions))]
			regions := endpointPartitionRegions[c.partition]
			c.params.Region = aws.String(regions[r.IntN(len(regions))])
		case k < 9:
			c.params.Region = aws.String(endpointOddRegions[r.IntN(len(endpointOddRegions))])
		}
		c.params.UseFIPS = bools[r.IntN(3)]
		c.params.UseDualStack = bools[r.IntN(3)]
		if r.IntN(4) == 0 {
			c.params.Endpoint = aws.String(endpointCustom[r.IntN(len(endpointCustom))])
		}
		out = append(out, c)
	}
	return out
}

// endpointMinCases is how many parameter sets the differential test runs.
const endpointMinCases = 12000

func TestEndpointsMatchSDK(t *testing.T) {
	ctx := context.Background()
	theirs := sdk.NewDefaultEndpointResolverV2()
	ours := EndpointRules{}
	cases := endpointCases(endpointMinCases)
	covered := map[string]int{}
	for i, c := range cases {
		got, gotErr := ours.ResolveEndpoint(ctx, c.params)
		want, wantErr := theirs.ResolveEndpoint(ctx, sdk.EndpointParameters{
			Region: c.params.Region, UseFIPS: c.params.UseFIPS, UseDualStack: c.params.UseDualStack, Endpoint: c.params.Endpoint,
		})
		what := fmt.Sprintf("case %d %s", i, endpointDescribe(c.params))
		key := fmt.Sprintf("partition=%s fips=%t dualstack=%t custom=%t", c.partition,
			aws.ToBool(c.params.UseFIPS), aws.ToBool(c.params.UseDualStack), c.params.Endpoint != nil)
		covered[key]++
		// A custom endpoint does not read the partition.
		if why, ok := endpointDataDifferences[aws.ToString(c.params.Region)]; ok && c.params.Endpoint == nil {
			if gotErr == nil && wantErr == nil && endpointSameURL(got.URI, want.URI) {
				t.Errorf("%s: resolves as the SDK does, though the facts differ (%s); drop it from endpointDataDifferences", what, why)
			}
			covered["data difference"]++
			continue
		}
		switch {
		case (gotErr != nil) != (wantErr != nil):
			t.Errorf("%s: ours %v, %v; SDK %v, %v", what, got.URI.String(), gotErr, want.URI.String(), wantErr)
			continue
		case gotErr != nil:
			// A custom endpoint that is not a URL fails in both, each in
			// its own words; every other error is a rule's, word for word.
			if !strings.HasPrefix(wantErr.Error(), "Failed to parse uri") && gotErr.Error() != wantErr.Error() {
				t.Errorf("%s: error %q, SDK %q", what, gotErr, wantErr)
			}
			covered["error"]++
			continue
		}
		if !endpointSameURL(got.URI, want.URI) {
			t.Errorf("%s: URL %s (%#v)\nSDK %s (%#v)", what, got.URI.String(), got.URI, want.URI.String(), want.URI)
		}
		if len(got.Headers) != len(want.Headers) || (len(got.Headers) > 0 && !reflect.DeepEqual(got.Headers, want.Headers)) {
			t.Errorf("%s: headers %v, SDK %v", what, got.Headers, want.Headers)
		}
		if g, w := endpointAuthSchemes(got), sdkAuthSchemes(&want.Properties); !reflect.DeepEqual(g, w) {
			t.Errorf("%s: auth schemes %+v, SDK %+v", what, g, w)
		}
	}
	if len(cases) < 10000 {
		t.Errorf("%d parameter sets; want at least 10,000", len(cases))
	}
	// Every partition with every FIPS and dual-stack setting, with and
	// without a custom endpoint, was resolved.
	for p := range endpointPartitionRegions {
		for _, fips := range []bool{false, true} {
			for _, ds := range []bool{false, true} {
				for _, custom := range []bool{false, true} {
					key := fmt.Sprintf("partition=%s fips=%t dualstack=%t custom=%t", p, fips, ds, custom)
					if covered[key] == 0 {
						t.Errorf("no case covers %s", key)
					}
				}
			}
		}
	}
	t.Logf("%d parameter sets: %d resolved alike by both (%d of them ending in an error), %d in regions whose partition facts differ",
		len(cases), len(cases)-covered["data difference"], covered["error"], covered["data difference"])
}

func endpointDescribe(p EndpointParameters) string {
	s := func(v *string) string {
		if v == nil {
			return "unset"
		}
		return fmt.Sprintf("%q", *v)
	}
	b := func(v *bool) string {
		if v == nil {
			return "unset"
		}
		return fmt.Sprint(*v)
	}
	return fmt.Sprintf("{Region: %s, UseFIPS: %s, UseDualStack: %s, Endpoint: %s}", s(p.Region), b(p.UseFIPS), b(p.UseDualStack), s(p.Endpoint))
}

// endpointSameURL compares URLs field by field, user information by value.
func endpointSameURL(a, b url.URL) bool {
	if (a.User == nil) != (b.User == nil) || a.User != nil && a.User.String() != b.User.String() {
		return false
	}
	a.User, b.User = nil, nil
	return a == b
}

// endpointScheme is an auth scheme's name and signing settings, as both
// resolvers give them.
type endpointScheme struct {
	Name, SigningName, SigningRegion string
	SigningRegionSet                 []string
	DisableDoubleEncoding            bool
}

func endpointAuthSchemes(e EndpointResult) []endpointScheme {
	var out []endpointScheme
	for _, s := range e.AuthSchemes() {
		out = append(out, endpointScheme{s.Name, s.SigningName, s.SigningRegion, s.SigningRegionSet, s.DisableDoubleEncoding})
	}
	return out
}

// sdkAuthSchemes reads the auth options the SDK's resolver puts in an
// endpoint's properties. Signing names of sigv4a options are kept under
// their own key.
func sdkAuthSchemes(props *smithy.Properties) []endpointScheme {
	var out []endpointScheme
	opts, _ := smithyauth.GetAuthOptions(props)
	for _, o := range opts {
		s := endpointScheme{Name: strings.TrimPrefix(o.SchemeID, "aws.auth#")}
		s.SigningName, _ = smithyhttp.GetSigV4SigningName(&o.SignerProperties)
		if n, ok := smithyhttp.GetSigV4ASigningName(&o.SignerProperties); ok {
			s.SigningName = n
		}
		s.SigningRegion, _ = smithyhttp.GetSigV4SigningRegion(&o.SignerProperties)
		s.SigningRegionSet, _ = smithyhttp.GetSigV4ASigningRegions(&o.SignerProperties)
		s.DisableDoubleEncoding, _ = smithyhttp.GetDisableDoubleEncoding(&o.SignerProperties)
		out = append(out, s)
	}
	return out
}

// The result ResolveEndpoint gives for the benchmark's parameters: one
// allocation (the host name), where the target is at most two.
func TestEndpointAllocations(t *testing.T) {
	params := EndpointParameters{Region: aws.String("us-west-2")}
	rules := EndpointRules{}
	ctx := context.Background()
	n := testing.AllocsPerRun(1000, func() {
		if _, err := rules.ResolveEndpoint(ctx, params); err != nil {
			t.Fatal(err)
		}
	})
	if n > 2 {
		t.Errorf("ResolveEndpoint allocates %v times; want at most 2", n)
	}
	e, _ := rules.ResolveEndpoint(ctx, params)
	if e.URI.String() != "https://ec2.us-west-2.amazonaws.com" {
		t.Errorf("URL %s", e.URI.String())
	}
}

// BenchmarkEndpoint resolves EC2's endpoint for us-west-2 with ours and
// with the SDK's resolver, in one run.
func BenchmarkEndpoint(b *testing.B) {
	ctx := context.Background()
	b.Run("ours", func(b *testing.B) {
		rules := EndpointRules{}
		params := EndpointParameters{Region: aws.String("us-west-2")}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := rules.ResolveEndpoint(ctx, params); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("sdk", func(b *testing.B) {
		r := sdk.NewDefaultEndpointResolverV2()
		params := sdk.EndpointParameters{Region: aws.String("us-west-2")}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := r.ResolveEndpoint(ctx, params); err != nil {
				b.Fatal(err)
			}
		}
	})
}
