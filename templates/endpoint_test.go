package templates

import (
	"errors"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// Cases from the rules-engine specification's parseURL table, and edges.
func TestEndpointParseURL(t *testing.T) {
	for _, c := range []struct {
		in   string
		ok   bool
		want endpointURL
	}{
		{"https://example.com", true, endpointURL{"https", "example.com", "", "/", false}},
		{"https://example.com:8443?foo=bar&faz=baz", false, endpointURL{}},
		{"http://example.com:80/foo/bar", true, endpointURL{"http", "example.com:80", "/foo/bar", "/foo/bar/", false}},
		{"https://127.0.0.1", true, endpointURL{"https", "127.0.0.1", "", "/", true}},
		{"https://[fe80::1]", true, endpointURL{"https", "[fe80::1]", "", "/", true}},
		{"https://[fe80::1%25en0]:443/", true, endpointURL{"https", "[fe80::1%25en0]:443", "/", "/", true}},
		{"https://example.com/", true, endpointURL{"https", "example.com", "/", "/", false}},
		{"https://example.com?", false, endpointURL{}},
		{"ftp://example.com", false, endpointURL{}},
		{"example.com", false, endpointURL{}},
		{"https://", false, endpointURL{}},
		{"https://exa mple.com", false, endpointURL{}},
	} {
		got, ok := epParseURL(c.in)
		if ok != c.ok || got != c.want {
			t.Errorf("parseURL(%q) = %+v, %t; want %+v, %t", c.in, got, ok, c.want, c.ok)
		}
	}
}

// Cases from the specification's aws.parseArn table, and edges.
func TestEndpointParseARN(t *testing.T) {
	for _, c := range []struct {
		in   string
		ok   bool
		want endpointARN
	}{
		{"arn:aws:sns:us-west-2:012345678910:example-sns-topic-name", true,
			endpointARN{"aws", "sns", "us-west-2", "012345678910", []string{"example-sns-topic-name"}}},
		{"11111111-2222-3333-4444-555555555555", false, endpointARN{}},
		{"arn:aws:ec2:us-east-1:012345678910:vpc/vpc-0e9801d129EXAMPLE", true,
			endpointARN{"aws", "ec2", "us-east-1", "012345678910", []string{"vpc", "vpc-0e9801d129EXAMPLE"}}},
		{"arn:aws:iam::012345678910:user/johndoe", true, endpointARN{"aws", "iam", "", "012345678910", []string{"user", "johndoe"}}},
		{"arn:aws:s3:::bucket_name", true, endpointARN{"aws", "s3", "", "", []string{"bucket_name"}}},
		{"arn:aws:s3-outposts:us-west-2:123456789012:outpost:op-01234567890123456:accesspoint:myaccesspoint", true,
			endpointARN{"aws", "s3-outposts", "us-west-2", "123456789012", []string{"outpost", "op-01234567890123456", "accesspoint", "myaccesspoint"}}},
		{"arn:aws:s3:us-west-2:123:a//b:", true, endpointARN{"aws", "s3", "us-west-2", "123", []string{"a", "", "b", ""}}},
		{"arn::s3:::x", false, endpointARN{}},
		{"arn:aws::::x", false, endpointARN{}},
		{"arn:aws:s3:::", false, endpointARN{}},
		{"arn:aws:s3::", false, endpointARN{}},
		{"ARN:aws:s3:::x", false, endpointARN{}},
	} {
		got, ok := epParseARN(c.in)
		if ok != c.ok || !reflect.DeepEqual(got, c.want) {
			t.Errorf("parseArn(%q) = %+v, %t; want %+v, %t", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestEndpointHostLabel(t *testing.T) {
	for _, c := range []struct {
		in         string
		subdomains bool
		want       bool
	}{
		{"us-east-1", false, true},
		{"a", false, true},
		{"0abc", false, true},
		{"", false, false},
		{"-abc", false, false},
		{"abc-", false, false},
		{"a.b", false, false},
		{"a.b", true, true},
		{"a..b", true, false},
		{"a.", true, false},
		{".a", true, false},
		{"a_b", false, false},
		{strings.Repeat("a", 63), false, true},
		{strings.Repeat("a", 64), false, false},
		{"é", false, false},
		{"fips-us-east-1.aws", true, true},
	} {
		if got := epHostLabel(c.in, c.subdomains); got != c.want {
			t.Errorf("isValidHostLabel(%q, %t) = %t, want %t", c.in, c.subdomains, got, c.want)
		}
	}
}

func TestEndpointVirtualHostableS3Bucket(t *testing.T) {
	for _, c := range []struct {
		in         string
		subdomains bool
		want       bool
	}{
		{"bucket-name", false, true},
		{"bucket.name", false, false},
		{"bucket.name", true, true},
		{"ab", false, false},
		{strings.Repeat("a", 63), false, true},
		{strings.Repeat("a", 64), false, false},
		{"Bucket", false, false},
		{"bucket_name", false, false},
		{"192.168.0.1", true, false},
		{"abc.d.efg", true, false},
	} {
		if got := epVirtualHostableS3Bucket(c.in, c.subdomains); got != c.want {
			t.Errorf("isVirtualHostableS3Bucket(%q, %t) = %t, want %t", c.in, c.subdomains, got, c.want)
		}
	}
}

func TestEndpointSubstring(t *testing.T) {
	for _, c := range []struct {
		in          string
		start, stop int
		reverse     bool
		want        string
		ok          bool
	}{
		{"abcdefg", 0, 4, false, "abcd", true},
		{"abcdefg", 0, 4, true, "defg", true},
		{"abcdefg", 1, 3, true, "ef", true},
		{"abc", 0, 4, false, "", false},
		{"abcd", 0, 4, false, "abcd", true},
		{"abcd", 2, 2, false, "", false},
		{"abcd", 3, 2, false, "", false},
		{"aé bcd", 0, 2, false, "", false},
	} {
		got, ok := epSubstring(c.in, c.start, c.stop, c.reverse)
		if got != c.want || ok != c.ok {
			t.Errorf("substring(%q, %d, %d, %t) = %q, %t; want %q, %t", c.in, c.start, c.stop, c.reverse, got, ok, c.want, c.ok)
		}
	}
}

func TestEndpointURIEncode(t *testing.T) {
	for in, want := range map[string]string{
		"abc-_.~XYZ019":                 "abc-_.~XYZ019",
		"a b":                           "a%20b",
		"/:,?#[]{}|@! $&'()*+;=%<>\"^`": "%2F%3A%2C%3F%23%5B%5D%7B%7D%7C%40%21%20%24%26%27%28%29%2A%2B%3B%3D%25%3C%3E%22%5E%60",
		"é":                             "%C3%A9",
		"":                              "",
	} {
		if got := epURIEncode(in); got != want {
			t.Errorf("uriEncode(%q) = %q, want %q", in, got, want)
		}
	}
}

// Cases from the specification's split table.
func TestEndpointSplit(t *testing.T) {
	for _, c := range []struct {
		in, delim string
		limit     int
		want      []string
	}{
		{"a--b--c", "--", 0, []string{"a", "b", "c"}},
		{"a--b--c", "--", 2, []string{"a", "b--c"}},
		{"a--b--c", "--", 1, []string{"a--b--c"}},
		{"", "--", 0, []string{""}},
		{"--", "--", 0, []string{"", ""}},
		{"----", "--", 0, []string{"", "", ""}},
		{"--b--", "--", 0, []string{"", "b", ""}},
		{"--x-s3--azid--suffix", "--", 0, []string{"", "x-s3", "azid", "suffix"}},
		{"--x-s3--azid--suffix", "--", 2, []string{"", "x-s3--azid--suffix"}},
		{"abc", "x", 0, []string{"abc"}},
		{"mybucket", "--", 1, []string{"mybucket"}},
	} {
		if got := epSplit(c.in, c.delim, c.limit); !reflect.DeepEqual(got, c.want) {
			t.Errorf("split(%q, %q, %d) = %q, want %q", c.in, c.delim, c.limit, got, c.want)
		}
	}
}

func TestEndpointIndex(t *testing.T) {
	list := []string{"a", "b", "c"}
	for i, want := range map[int]string{0: "a", 2: "c", -1: "c", -3: "a"} {
		if got, ok := epIndex(list, i); !ok || got != want {
			t.Errorf("[%d] = %q, %t; want %q", i, got, ok, want)
		}
	}
	for _, i := range []int{3, -4} {
		if _, ok := epIndex(list, i); ok {
			t.Errorf("[%d] has a value; want none", i)
		}
	}
}

func TestEndpointPartition(t *testing.T) {
	for region, want := range map[string]string{
		"us-west-2":      "aws",
		"aws-global":     "aws",
		"us-gov-west-1":  "aws-us-gov",
		"cn-north-1":     "aws-cn",
		"us-iso-east-1":  "aws-iso",
		"us-isob-east-1": "aws-iso-b",
		"eu-isoe-west-1": "aws-iso-e",
		"us-isof-east-1": "aws-iso-f",
		"eusc-de-east-1": "aws-eusc",
		// Unknown regions fall in by pattern, else into aws.
		"us-west-9":      "aws",
		"cn-south-7":     "aws-cn",
		"us-gov-north-3": "aws-us-gov",
		"us-isob-west-2": "aws-iso-b",
		"eusc-de-west-2": "aws-eusc",
		"mars-east-1":    "aws",
		"":               "aws",
	} {
		if got := epPartition(region); got == nil || got.name != want {
			t.Errorf("aws.partition(%q) = %+v, want %s", region, got, want)
		}
	}
	p := epPartition("cn-northwest-1")
	if p.dnsSuffix != "amazonaws.com.cn" || p.dualStackDNSSuffix != "api.amazonwebservices.com.cn" ||
		p.implicitGlobalRegion != "cn-northwest-1" || !p.supportsFIPS || !p.supportsDualStack {
		t.Errorf("aws-cn facts: %+v", *p)
	}
}

func TestEndpointResultAndErrors(t *testing.T) {
	got, err := epEndpoint("https://s3.us-west-2.amazonaws.com", nil, map[string]any{
		"authSchemes": []any{
			map[string]any{"name": "sigv4a", "signingName": "s3", "signingRegionSet": []any{"*"}, "disableDoubleEncoding": true},
			map[string]any{"name": "sigv4", "signingName": "s3", "signingRegion": "us-west-2"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.URI.String() != "https://s3.us-west-2.amazonaws.com" {
		t.Errorf("URL %s", got.URI.String())
	}
	want := []EndpointAuthScheme{
		{Name: "sigv4a", SigningName: "s3", SigningRegionSet: []string{"*"}, DisableDoubleEncoding: true},
		{Name: "sigv4", SigningName: "s3", SigningRegion: "us-west-2"},
	}
	if s := got.AuthSchemes(); !reflect.DeepEqual(s, want) {
		t.Errorf("auth schemes %+v\nwant %+v", s, want)
	}
	if s := (EndpointResult{}).AuthSchemes(); s != nil {
		t.Errorf("no properties: auth schemes %+v", s)
	}

	_, err = epEndpoint("https://exa mple.com", nil, nil)
	var e *EndpointError
	if !errors.As(err, &e) || !strings.Contains(e.Message, "https://exa mple.com") {
		t.Errorf("bad URL: %v", err)
	}
	if err := epRuleError("Invalid Configuration: Missing Region"); err.Error() != "endpoint rule error, Invalid Configuration: Missing Region" {
		t.Errorf("rule error reads %q", err.Error())
	}
	if err := (&EndpointError{Param: "UseFIPS", Message: "parameter UseFIPS is required"}); err.Error() != "parameter UseFIPS is required" {
		t.Errorf("parameter error reads %q", err.Error())
	}
	if !errors.As(epNoMatch(), &e) {
		t.Error("no match is not an *EndpointError")
	}
}

// The fast path of epURL gives what url.Parse gives, without allocating.
func TestEndpointURLAllocations(t *testing.T) {
	s := "https://ec2.us-west-2.amazonaws.com"
	if n := testing.AllocsPerRun(100, func() { _, _ = epURL(s) }); n != 0 {
		t.Errorf("epURL(%q) allocates %v times", s, n)
	}
	u, _ := epURL(s)
	want, _ := url.Parse(s)
	if u != *want {
		t.Errorf("epURL = %+v, url.Parse = %+v", u, *want)
	}
}

func FuzzEndpointURL(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		got, err := epURL(s)
		want, wantErr := url.Parse(s)
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("epURL(%q) error %v, url.Parse error %v", s, err, wantErr)
		}
		if err == nil && !epSameURL(got, *want) {
			t.Fatalf("epURL(%q) = %+v, url.Parse gives %+v", s, got, *want)
		}
	})
}

// epSameURL compares URLs, user information by value.
func epSameURL(a, b url.URL) bool {
	if (a.User == nil) != (b.User == nil) || a.User != nil && a.User.String() != b.User.String() {
		return false
	}
	a.User, b.User = nil, nil
	return a == b
}

func FuzzEndpointParseURL(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		u, ok := epParseURL(s)
		if !ok {
			return
		}
		if u.scheme != "http" && u.scheme != "https" || u.authority == "" {
			t.Fatalf("parseURL(%q) = %+v", s, u)
		}
		if !strings.HasPrefix(u.normalizedPath, "/") || !strings.HasSuffix(u.normalizedPath, "/") ||
			!strings.Contains(u.normalizedPath, strings.Trim(u.path, "/")) {
			t.Fatalf("parseURL(%q): normalized path %q of %q", s, u.normalizedPath, u.path)
		}
		if strings.Contains(s, "?") && !strings.Contains(s, "#") {
			t.Fatalf("parseURL(%q) accepts a query", s)
		}
		// What the rules build from the parts parses back to them.
		again, ok := epParseURL(u.scheme + "://" + u.authority + u.path)
		if !ok || again != u {
			t.Fatalf("parseURL(%q) = %+v, but its parts give %+v, %t", s, u, again, ok)
		}
	})
}

func FuzzEndpointParseARN(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		a, ok := epParseARN(s)
		if !ok {
			fields := strings.SplitN(s, ":", 6)
			if len(fields) == 6 && fields[0] == "arn" && fields[1] != "" && fields[2] != "" && fields[5] != "" {
				t.Fatalf("parseArn(%q) rejects a well-formed ARN", s)
			}
			return
		}
		if a.partition == "" || a.service == "" || len(a.resourceID) == 0 {
			t.Fatalf("parseArn(%q) = %+v", s, a)
		}
		// The parts, joined with the separators they were split at, are
		// the input again.
		resource := s[len("arn:"+a.partition+":"+a.service+":"+a.region+":"+a.accountID+":"):]
		var b strings.Builder
		for i, part := range a.resourceID {
			if strings.ContainsAny(part, ":/") {
				t.Fatalf("parseArn(%q): resource part %q holds a separator", s, part)
			}
			b.WriteString(part)
			if i < len(a.resourceID)-1 {
				b.WriteByte(resource[b.Len()])
			}
		}
		if b.String() != resource {
			t.Fatalf("parseArn(%q): resource parts %q do not rebuild %q", s, a.resourceID, resource)
		}
	})
}

// epLabelPattern is RFC 1123's label, written independently of epLabel.
var epLabelPattern = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$`)

func FuzzEndpointHostLabel(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string, subdomains bool) {
		want := epLabelPattern.MatchString(s)
		if subdomains {
			want = true
			for _, l := range strings.Split(s, ".") {
				want = want && epLabelPattern.MatchString(l)
			}
		}
		if got := epHostLabel(s, subdomains); got != want {
			t.Fatalf("isValidHostLabel(%q, %t) = %t, want %t", s, subdomains, got, want)
		}
	})
}
