package templates

// What New, NewFromConfig and each call resolve from Options, as the
// SDK's clients resolve it, with the SDK's own defaults.

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// clientDefaultRetryer is the retryer of a client whose Options name
// none: standard, or adaptive when RetryMode asks, with RetryMaxAttempts.
func clientDefaultRetryer(mode aws.RetryMode, maxAttempts int) aws.Retryer {
	var standard []func(*retry.StandardOptions)
	if maxAttempts != 0 {
		standard = append(standard, func(o *retry.StandardOptions) { o.MaxAttempts = maxAttempts })
	}
	if mode == aws.RetryModeAdaptive {
		return retry.NewAdaptiveMode(func(o *retry.AdaptiveModeOptions) {
			o.StandardOptions = append(o.StandardOptions, standard...)
		})
	}
	return retry.NewStandard(standard...)
}

// clientRetryerV2 gives a retryer the method the call loop asks for
// attempt tokens with, as the SDK's retry middleware does.
func clientRetryerV2(r aws.Retryer) aws.RetryerV2 {
	if v2, ok := r.(aws.RetryerV2); ok {
		return v2
	}
	return clientRetryerV1{r}
}

type clientRetryerV1 struct{ aws.Retryer }

func (r clientRetryerV1) GetAttemptToken(context.Context) (func(error) error, error) {
	return r.GetInitialToken(), nil
}

// clientDefaultSigner is the SDK's SigV4 signer, logging as ClientLogMode says.
func clientDefaultSigner(logger logging.Logger, mode aws.ClientLogMode) *v4.Signer {
	return v4.NewSigner(func(o *v4.SignerOptions) {
		o.Logger = logger
		o.LogSigning = mode.IsSigning()
	})
}

// clientUserAgent is the User-Agent the SDK's builder makes for a client
// of the service api (such as "ec2"), with appID, the retry mode and the
// features of the client's options ("" for none).
func clientUserAgent(api string, appID string, retryer aws.Retryer, features ...awsmiddleware.UserAgentFeature) string {
	ua := awsmiddleware.NewRequestUserAgent()
	ua.AddSDKAgentKeyValue(awsmiddleware.APIMetadata, api, "smithy2go")
	if appID != "" {
		ua.AddSDKAgentKey(awsmiddleware.ApplicationIdentifier, appID)
	}
	switch retryer.(type) {
	case *retry.Standard:
		ua.AddUserAgentFeature(awsmiddleware.UserAgentFeatureRetryModeStandard)
	case *retry.AdaptiveMode:
		ua.AddUserAgentFeature(awsmiddleware.UserAgentFeatureRetryModeAdaptive)
	}
	for _, f := range features {
		if f != "" {
			ua.AddUserAgentFeature(f)
		}
	}
	req := &smithyhttp.Request{Request: &http.Request{Header: http.Header{}}}
	_, _, err := ua.HandleBuild(context.Background(), middleware.BuildInput{Request: req}, clientBuilt{})
	if err != nil {
		return ""
	}
	return req.Header.Get("User-Agent")
}

type clientBuilt struct{}

func (clientBuilt) HandleBuild(context.Context, middleware.BuildInput) (middleware.BuildOutput, middleware.Metadata, error) {
	return middleware.BuildOutput{}, middleware.Metadata{}, nil
}

// clientAPIOptions is the error of a client made from an aws.Config with
// n APIOptions: middleware, which needs the SDK's middleware stack. Calls
// fail with it rather than run without the middleware.
func clientAPIOptions(n int) error {
	if n == 0 {
		return nil
	}
	return fmt.Errorf("aws.Config has %d APIOptions (middleware), which this client cannot run: it has no middleware stack; wrap Options.HTTPClient to see or change requests", n)
}

// clientConfigSources reads, from an aws.Config's sources (the shared
// config files and the environment, as config.LoadDefaultConfig loads
// them), what the SDK's NewFromConfig reads through its internal package:
// the service's own endpoint (AWS_ENDPOINT_URL_<SERVICE>, or the
// services section) and the FIPS and dual-stack settings.
func clientConfigSources(cfg aws.Config, sdkID string) (base *string, fips aws.FIPSEndpointState, dualStack aws.DualStackEndpointState) {
	ctx := context.Background()
	for _, src := range cfg.ConfigSources {
		if p, ok := src.(interface {
			GetUseFIPSEndpoint(context.Context) (aws.FIPSEndpointState, bool, error)
		}); ok && fips == aws.FIPSEndpointStateUnset {
			if v, found, err := p.GetUseFIPSEndpoint(ctx); err == nil && found {
				fips = v
			}
		}
		if p, ok := src.(interface {
			GetUseDualStackEndpoint(context.Context) (aws.DualStackEndpointState, bool, error)
		}); ok && dualStack == aws.DualStackEndpointStateUnset {
			if v, found, err := p.GetUseDualStackEndpoint(ctx); err == nil && found {
				dualStack = v
			}
		}
	}
	base = cfg.BaseEndpoint
	// A global AWS_ENDPOINT_URL is already in cfg.BaseEndpoint; only the
	// service's own variable, or the config file, overrides it.
	_, global := os.LookupEnv("AWS_ENDPOINT_URL")
	_, own := os.LookupEnv("AWS_ENDPOINT_URL_" + strings.ToUpper(strings.ReplaceAll(sdkID, " ", "_")))
	if global && !own {
		return base, fips, dualStack
	}
	for _, src := range cfg.ConfigSources {
		p, ok := src.(interface {
			GetServiceBaseEndpoint(context.Context, string) (string, bool, error)
		})
		if !ok {
			continue
		}
		if v, found, err := p.GetServiceBaseEndpoint(ctx, sdkID); err == nil && found {
			base = &v
			break
		}
	}
	return base, fips, dualStack
}

// clientRegion checks a region before it goes into an endpoint: a host
// label, dots allowed, as the SDK's clients check it.
func clientRegion(region string) error {
	if region == "" {
		return nil
	}
	label := 0
	for i := 0; i <= len(region); i++ {
		if i == len(region) || region[i] == '.' {
			if label == 0 || label > 63 || region[i-label] == '-' {
				return fmt.Errorf("invalid input region %s", region)
			}
			label = 0
			continue
		}
		c := region[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
			return fmt.Errorf("invalid input region %s", region)
		}
		label++
	}
	return nil
}

// clientFromSmithyEndpoint reads an endpoint as an EndpointResolverV2
// returns it: the URL, the headers, and the SigV4 settings of its auth
// options, later options overriding earlier ones as in the SDK.
func clientFromSmithyEndpoint(e smithyendpoints.Endpoint) clientEndpoint {
	out := clientEndpoint{url: e.URI.String(), headers: e.Headers}
	opts, _ := smithyauth.GetAuthOptions(&e.Properties)
	var ids []string
	for _, o := range opts {
		if o.SchemeID == clientAuthSigV4 {
			ids = nil
			break
		}
		ids = append(ids, o.SchemeID)
	}
	out.noSigV4 = strings.Join(ids, ", ")
	for _, o := range opts {
		if v, ok := smithyhttp.GetSigV4SigningName(&o.SignerProperties); ok {
			out.signing.name = v
		}
		if v, ok := smithyhttp.GetSigV4SigningRegion(&o.SignerProperties); ok {
			out.signing.region = v
		}
		if v, ok := smithyhttp.GetDisableDoubleEncoding(&o.SignerProperties); ok {
			out.signing.disableDoubleEncoding = v
		}
	}
	return out
}

// clientBaseEndpoint is the endpoint of a service whose model has no
// endpoint rules: BaseEndpoint, which must then be set.
func clientBaseEndpoint(service string, endpoint *string, fips, dualStack bool) (string, error) {
	switch {
	case endpoint == nil || *endpoint == "":
		return "", errors.New("the " + service + " model has no endpoint rules, so the client needs Options.BaseEndpoint (such as https://service.region.amazonaws.com)")
	case fips || dualStack:
		return "", errors.New("the " + service + " model has no endpoint rules, so FIPS and dual-stack endpoints cannot be chosen: set Options.BaseEndpoint to one")
	}
	return *endpoint, nil
}

// clientSmithyBase is clientBaseEndpoint as an EndpointResolverV2 gives it.
func clientSmithyBase(service string, endpoint *string, fips, dualStack bool) (smithyendpoints.Endpoint, error) {
	s, err := clientBaseEndpoint(service, endpoint, fips, dualStack)
	if err != nil {
		return smithyendpoints.Endpoint{}, err
	}
	u, err := url.Parse(s)
	if err != nil {
		return smithyendpoints.Endpoint{}, err
	}
	if u.Scheme != "https" && u.Scheme != "http" || u.Host == "" {
		return smithyendpoints.Endpoint{}, errors.New("BaseEndpoint " + s + " is not an http or https URL with a host")
	}
	return smithyendpoints.Endpoint{URI: *u, Headers: http.Header{}}, nil
}
