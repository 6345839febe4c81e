package templates

// The client on the resolver generated from the service's endpoint rules.

import (
	"net/http"

	"github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// clientRulesEndpoint is an endpoint the rules gave, as a call uses it:
// its SigV4 auth schemes override the signing name and region, later ones
// over earlier ones, as the SDK applies the auth options of an endpoint.
func clientRulesEndpoint(e EndpointResult) clientEndpoint {
	out := clientEndpoint{url: e.URI.String(), headers: e.Headers}
	schemes := e.AuthSchemes()
	sigV4 := false
	for _, s := range schemes {
		if s.Name != "sigv4" {
			continue
		}
		sigV4 = true
		if s.SigningName != "" {
			out.signing.name = s.SigningName
		}
		if s.SigningRegion != "" {
			out.signing.region = s.SigningRegion
		}
		out.signing.disableDoubleEncoding = s.DisableDoubleEncoding
	}
	if !sigV4 {
		for i, s := range schemes {
			if i > 0 {
				out.noSigV4 += ", "
			}
			out.noSigV4 += s.Name
		}
	}
	return out
}

// clientRulesSmithyEndpoint gives an endpoint the rules gave the SDK's
// shape: its authSchemes become auth options with signer properties, as
// the SDK's generated resolvers set them.
func clientRulesSmithyEndpoint(e EndpointResult) smithyendpoints.Endpoint {
	out := smithyendpoints.Endpoint{URI: e.URI, Headers: e.Headers}
	if out.Headers == nil {
		out.Headers = http.Header{}
	}
	var opts []*smithyauth.Option
	for _, s := range e.AuthSchemes() {
		var sp smithy.Properties
		switch s.Name {
		case "sigv4":
			if s.SigningName != "" {
				smithyhttp.SetSigV4SigningName(&sp, s.SigningName)
			}
			if s.SigningRegion != "" {
				smithyhttp.SetSigV4SigningRegion(&sp, s.SigningRegion)
			}
		case "sigv4a":
			if s.SigningName != "" {
				smithyhttp.SetSigV4ASigningName(&sp, s.SigningName)
			}
			smithyhttp.SetSigV4ASigningRegions(&sp, s.SigningRegionSet)
		}
		smithyhttp.SetDisableDoubleEncoding(&sp, s.DisableDoubleEncoding)
		opts = append(opts, &smithyauth.Option{SchemeID: "aws.auth#" + s.Name, SignerProperties: sp})
	}
	if opts != nil {
		smithyauth.SetAuthOptions(&out.Properties, opts)
	}
	return out
}
