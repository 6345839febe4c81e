package templates

// Authentication: the first of the service's auth schemes, in the
// model's order, whose identity the client has; none, and the request
// goes unsigned, as the SDK's clients fall back to anonymous.

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go/auth/bearer"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// The auth scheme IDs a model's traits name.
const (
	clientAuthSigV4  = "aws.auth#sigv4"
	clientAuthBearer = "smithy.api#httpBearerAuth"
	clientAuthAPIKey = "smithy.api#httpApiKeyAuth"
	clientAuthBasic  = "smithy.api#httpBasicAuth"
	clientAuthNone   = "smithy.api#noAuth"
)

// clientSigner signs with SigV4: the SDK's HTTPSignerV4.
type clientSigner interface {
	SignHTTP(ctx context.Context, credentials aws.Credentials, r *http.Request, payloadHash string, service string, region string, signingTime time.Time, optFns ...func(*v4.SignerOptions)) error
}

// clientSigning is what an endpoint's authSchemes say of SigV4 signing;
// empty fields keep the client's.
type clientSigning struct {
	name, region          string
	disableDoubleEncoding bool
}

// clientAuthConfig holds the schemes a client can use and the identities
// it has for them.
type clientAuthConfig struct {
	// schemes are scheme IDs, most preferred first.
	schemes []string

	// SigV4: signingName from the model, region from Options.
	credentials         aws.CredentialsProvider
	signer              clientSigner
	signingName, region string

	bearer bearer.TokenProvider

	// httpApiKeyAuth: where the key goes, from the trait.
	apiKey                             string
	apiKeyName, apiKeyIn, apiKeyPrefix string

	basicUser, basicPassword string
}

// clientPreferred orders schemes by preference (scheme names such as
// "sigv4", as the SDK's AuthSchemePreference lists them), then as the
// model lists them.
func clientPreferred(schemes, preference []string) []string {
	out := make([]string, 0, len(schemes))
	for _, p := range preference {
		for _, s := range schemes {
			if clientSchemeName(s) == p && !clientContains(out, s) {
				out = append(out, s)
			}
		}
	}
	for _, s := range schemes {
		if !clientContains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func clientSchemeName(id string) string {
	for i := len(id) - 1; i >= 0; i-- {
		if id[i] == '#' {
			return id[i+1:]
		}
	}
	return id
}

func clientContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// clientCredentials keeps a provider as the client will use it: cached,
// and nil for anonymous credentials, which mean "do not sign".
func clientCredentials(p aws.CredentialsProvider) aws.CredentialsProvider {
	switch p.(type) {
	case nil:
		return nil
	case aws.AnonymousCredentials, *aws.AnonymousCredentials:
		return nil
	case *aws.CredentialsCache:
		return p
	}
	return aws.NewCredentialsCache(p)
}

// sign authenticates req with the first scheme the client has an
// identity for.
func (a *clientAuthConfig) sign(ctx context.Context, req *http.Request, signing *clientSigning, hash string, now time.Time) error {
	switch a.chosen() {
	case clientAuthSigV4:
		return a.sigV4(ctx, req, signing, hash, now)
	case clientAuthBearer:
		return a.bearerToken(ctx, req)
	case clientAuthAPIKey:
		a.key(req)
	case clientAuthBasic:
		if req.URL.Scheme != "https" {
			return errors.New("sign request: basic authentication requires HTTPS")
		}
		cred := base64.StdEncoding.EncodeToString([]byte(a.basicUser + ":" + a.basicPassword))
		req.Header["Authorization"] = []string{"Basic " + cred}
	}
	return nil
}

// chosen is the first of the schemes the client has an identity for;
// "" (unsigned) for none.
func (a *clientAuthConfig) chosen() string {
	for _, id := range a.schemes {
		switch {
		case id == clientAuthSigV4 && a.credentials != nil,
			id == clientAuthBearer && a.bearer != nil,
			id == clientAuthAPIKey && a.apiKey != "",
			id == clientAuthBasic && (a.basicUser != "" || a.basicPassword != ""),
			id == clientAuthNone:
			return id
		}
	}
	return ""
}

func (a *clientAuthConfig) sigV4(ctx context.Context, req *http.Request, signing *clientSigning, hash string, now time.Time) error {
	creds, err := a.credentials.Retrieve(ctx)
	if err != nil {
		return fmt.Errorf("get identity: get credentials: %w", err)
	}
	name, region := a.signingName, a.region
	if signing.name != "" {
		name = signing.name
	}
	if signing.region != "" {
		region = signing.region
	}
	if signing.disableDoubleEncoding {
		err = a.signer.SignHTTP(ctx, creds, req, hash, name, region, now, clientNoPathEscaping)
	} else {
		err = a.signer.SignHTTP(ctx, creds, req, hash, name, region, now)
	}
	if err != nil {
		return fmt.Errorf("sign request: sign http: %w", err)
	}
	return nil
}

func clientNoPathEscaping(o *v4.SignerOptions) { o.DisableURIPathEscaping = true }

// bearerToken signs with smithy-go's bearer signer, which insists on TLS.
func (a *clientAuthConfig) bearerToken(ctx context.Context, req *http.Request) error {
	token, err := a.bearer.RetrieveBearerToken(ctx)
	if err != nil {
		return fmt.Errorf("get identity: %w", err)
	}
	signed, err := bearer.NewSignHTTPSMessage().SignWithBearerToken(ctx, token, &smithyhttp.Request{Request: req})
	if err != nil {
		return fmt.Errorf("sign request: %w", err)
	}
	req.Header["Authorization"] = signed.(*smithyhttp.Request).Header["Authorization"]
	return nil
}

// key puts the API key where the httpApiKeyAuth trait says.
func (a *clientAuthConfig) key(req *http.Request) {
	value := a.apiKey
	if a.apiKeyPrefix != "" {
		value = a.apiKeyPrefix + " " + value
	}
	if a.apiKeyIn == "query" {
		q := req.URL.Query()
		q.Set(a.apiKeyName, value)
		req.URL.RawQuery = q.Encode()
		return
	}
	req.Header.Set(a.apiKeyName, value)
}
