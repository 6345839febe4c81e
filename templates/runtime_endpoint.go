package templates

// The endpoint rules runtime: the resolved endpoint, its error, and the
// functions of Smithy's rules-engine standard library and AWS's extension
// that generated resolvers call.

import (
	"net/http"
	"net/netip"
	"net/url"
	"strings"
)

// EndpointResult is an endpoint resolved from the service's endpoint rules.
type EndpointResult struct {
	// URI is where requests go: scheme, host and any base path.
	URI url.URL
	// Headers must be sent with every request to the endpoint; nil when
	// the rules give none.
	Headers http.Header
	// Properties are the endpoint's properties as the rules write them:
	// strings, booleans, []any and map[string]any. "authSchemes" lists
	// the signing settings AuthSchemes returns.
	Properties map[string]any
}

// EndpointAuthScheme is one entry of an endpoint's "authSchemes" property:
// how requests to the endpoint are signed.
type EndpointAuthScheme struct {
	// Name is the scheme, such as "sigv4" or "sigv4a".
	Name string
	// SigningName is the service name to sign with; "" keeps the
	// service's own.
	SigningName string
	// SigningRegion is the region to sign with (sigv4); "" keeps the
	// client's.
	SigningRegion string
	// SigningRegionSet are the regions to sign for (sigv4a).
	SigningRegionSet []string
	// DisableDoubleEncoding says not to escape the path a second time
	// when signing.
	DisableDoubleEncoding bool
	// DisableNormalizePath says not to normalize the path when signing.
	DisableNormalizePath bool
}

// AuthSchemes returns the endpoint's "authSchemes" property, most
// preferred first; nil when it has none.
func (e EndpointResult) AuthSchemes() []EndpointAuthScheme {
	list, _ := e.Properties["authSchemes"].([]any)
	var out []EndpointAuthScheme
	for _, item := range list {
		m, ok := item.(map[string]any)
		if !ok {
			continue
		}
		s := EndpointAuthScheme{}
		s.Name, _ = m["name"].(string)
		s.SigningName, _ = m["signingName"].(string)
		s.SigningRegion, _ = m["signingRegion"].(string)
		s.DisableDoubleEncoding, _ = m["disableDoubleEncoding"].(bool)
		s.DisableNormalizePath, _ = m["disableNormalizePath"].(bool)
		if set, ok := m["signingRegionSet"].([]any); ok {
			for _, r := range set {
				if r, ok := r.(string); ok {
					s.SigningRegionSet = append(s.SigningRegionSet, r)
				}
			}
		}
		out = append(out, s)
	}
	return out
}

// EndpointError is why no endpoint could be resolved: a rule of the
// service's rule set that ends in an error, no rule that matches, or a
// required parameter left unset.
type EndpointError struct {
	// Message is the rule's message, as the model writes it.
	Message string
	// Param names the required parameter that is unset, if that is the
	// error.
	Param string
}

func (e *EndpointError) Error() string {
	if e.Param != "" {
		return e.Message
	}
	return "endpoint rule error, " + e.Message
}

// endpointNode is a node of a rule set's decision graph: it tests a
// condition and goes on to high when it holds, to low when it does not.
type endpointNode struct{ cond, high, low int32 }

// epResultBase is the first reference to a result of the decision graph.
const epResultBase = 100000000

// epNoMatch is the error when no rule matches the parameters.
func epNoMatch() error {
	return &EndpointError{Message: "no endpoint rule matches the parameters"}
}

// epRuleError is the error an error rule gives.
func epRuleError(msg string) error { return &EndpointError{Message: msg} }

// epEndpoint makes an endpoint result from the URL a rule gives.
func epEndpoint(rawURL string, headers http.Header, properties map[string]any) (EndpointResult, error) {
	u, err := epURL(rawURL)
	if err != nil {
		return EndpointResult{}, &EndpointError{Message: "the rules give the URL " + rawURL + ", which is not valid: " + err.Error()}
	}
	return EndpointResult{URI: u, Headers: headers, Properties: properties}, nil
}

// epURL parses an endpoint URL. The usual "https://host" needs no
// allocation: it is split in place, as url.Parse would split it.
func epURL(s string) (url.URL, error) {
	scheme, host, ok := strings.Cut(s, "://")
	if ok && (scheme == "https" || scheme == "http") && epPlainHost(host) {
		return url.URL{Scheme: scheme, Host: host}, nil
	}
	u, err := url.Parse(s)
	if err != nil {
		return url.URL{}, err
	}
	return *u, nil
}

// epPlainHost reports whether s is a non-empty host name of letters,
// digits, dots and hyphens, with no port, path or anything else.
func epPlainHost(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}

// endpointURL is the value parseURL gives.
type endpointURL struct {
	scheme         string
	authority      string // host and port, as written
	path           string
	normalizedPath string // path with a leading and a trailing slash
	isIP           bool
}

// epParseURL is the rules' parseURL: an http or https URL without a query.
func epParseURL(s string) (endpointURL, bool) {
	u, err := url.Parse(s)
	if err != nil || u.RawQuery != "" || u.ForceQuery || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return endpointURL{}, false
	}
	// The spec's path is the unmodified one: escapes stay as written.
	path := u.EscapedPath()
	norm := path
	if !strings.HasPrefix(norm, "/") {
		norm = "/" + norm
	}
	if !strings.HasSuffix(norm, "/") {
		norm += "/"
	}
	host := u.Hostname()
	if i := strings.IndexByte(host, '%'); i >= 0 {
		host = host[:i] // an IPv6 zone
	}
	_, ipErr := netip.ParseAddr(host)
	return endpointURL{
		scheme: u.Scheme,
		// url.Parse unescapes an IPv6 zone's %25; the authority goes
		// back into URLs, so it keeps the escape.
		authority:      strings.ReplaceAll(u.Host, "%", "%25"),
		path:           path,
		normalizedPath: norm,
		isIP:           ipErr == nil,
	}, true
}

// endpointARN is the value aws.parseArn gives.
type endpointARN struct {
	partition, service, region, accountID string
	// resourceID is the resource part split at every ':' and '/'.
	resourceID []string
}

// epParseARN is the rules' aws.parseArn: "arn:partition:service:region:
// account:resource", where partition, service and resource are not empty.
func epParseARN(s string) (endpointARN, bool) {
	rest, ok := strings.CutPrefix(s, "arn:")
	if !ok {
		return endpointARN{}, false
	}
	var part [4]string
	for i := range part {
		part[i], rest, ok = strings.Cut(rest, ":")
		if !ok {
			return endpointARN{}, false
		}
	}
	if part[0] == "" || part[1] == "" || rest == "" {
		return endpointARN{}, false
	}
	a := endpointARN{partition: part[0], service: part[1], region: part[2], accountID: part[3]}
	for {
		i := strings.IndexAny(rest, ":/")
		if i < 0 {
			a.resourceID = append(a.resourceID, rest)
			return a, true
		}
		a.resourceID = append(a.resourceID, rest[:i])
		rest = rest[i+1:]
	}
}

// epHostLabel is the rules' isValidHostLabel: an RFC 1123 label of 1 to 63
// letters, digits and hyphens that neither starts nor ends with a hyphen;
// with subdomains, dot-separated labels of that kind.
func epHostLabel(s string, subdomains bool) bool {
	if !subdomains {
		return epLabel(s)
	}
	for {
		label, rest, more := strings.Cut(s, ".")
		if !epLabel(label) {
			return false
		}
		if !more {
			return true
		}
		s = rest
	}
}

func epLabel(s string) bool {
	if len(s) == 0 || len(s) > 63 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// epVirtualHostableS3Bucket is the rules' aws.isVirtualHostableS3Bucket: a
// bucket name that can be a host name: not an IP address, and labels of 3
// to 63 lower-case letters, digits and hyphens.
func epVirtualHostableS3Bucket(s string, subdomains bool) bool {
	if _, err := netip.ParseAddr(s); err == nil {
		return false
	}
	labels := []string{s}
	if subdomains {
		labels = strings.Split(s, ".")
	}
	for _, l := range labels {
		if len(l) < 3 || len(l) > 63 {
			return false
		}
		for i := 0; i < len(l); i++ {
			c := l[i]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}

// epSubstring is the rules' substring: s[start:stop], counted from the end
// when reverse is set; no value when s is too short or not ASCII.
func epSubstring(s string, start, stop int, reverse bool) (string, bool) {
	if start < 0 || start >= stop || len(s) < stop {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		if s[i] > 127 {
			return "", false
		}
	}
	if reverse {
		start, stop = len(s)-stop, len(s)-start
	}
	return s[start:stop], true
}

// epURIEncode is the rules' uriEncode: every byte but the RFC 3986
// unreserved characters percent-encoded, in upper-case hex.
func epURIEncode(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// epIndex is a getAttr index into a list: list[i], counted from the end
// when i is negative; no value when out of range.
func epIndex(list []string, i int) (string, bool) {
	if i < 0 {
		i += len(list)
	}
	if i < 0 || i >= len(list) {
		return "", false
	}
	return list[i], true
}

// epSplit is the rules' split: at most limit parts (all when limit is 0).
func epSplit(s, delim string, limit int) []string {
	if limit > 0 {
		return strings.SplitN(s, delim, limit)
	}
	return strings.Split(s, delim)
}
