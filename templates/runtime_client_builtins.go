package templates

// The built-in endpoint parameters some services' rules add to the four
// every client sets: settings NewFromConfig reads from an aws.Config's
// sources, and the account ID of the credentials, bound as the SDK's
// clients bind them.

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
)

// clientSourceFlag reads a boolean setting from the first of sources (an
// aws.Config's: the shared config and the environment) that has it, as
// the SDK's NewFromConfig reads S3's. get is the method of the sources
// that have the setting. A source that fails to read it ends the search,
// with nothing found.
func clientSourceFlag[S any](sources []any, get func(S, context.Context) (bool, bool, error)) (value, found bool) {
	for _, src := range sources {
		s, ok := src.(S)
		if !ok {
			continue
		}
		v, found, err := get(s, context.Background())
		if err != nil {
			return false, false
		}
		if found {
			return v, true
		}
	}
	return false, false
}

// clientAccountID is the account ID of the credentials a call signs with
// (nil for unsigned calls), which goes to the AWS::Auth::AccountId
// endpoint parameter unless mode disables it. As in the SDK, the
// credentials are retrieved whatever the mode.
func clientAccountID(ctx context.Context, creds aws.CredentialsProvider, mode aws.AccountIDEndpointMode) (string, error) {
	if creds == nil {
		return "", nil
	}
	c, err := creds.Retrieve(ctx)
	if err != nil {
		return "", fmt.Errorf("get identity: get credentials: %w", err)
	}
	if mode == aws.AccountIDEndpointModeDisabled {
		return "", nil
	}
	return c.AccountID, nil
}

// clientCheckAccountID fails a call, as the SDK does, whose mode requires
// an account ID the credentials lack, or is not a mode.
func clientCheckAccountID(mode aws.AccountIDEndpointMode, accountID string) error {
	switch mode {
	case aws.AccountIDEndpointModeUnset, aws.AccountIDEndpointModePreferred, aws.AccountIDEndpointModeDisabled:
		return nil
	case aws.AccountIDEndpointModeRequired:
		if accountID == "" {
			return errors.New("invalid accountID set: accountID is required but not set")
		}
		return nil
	}
	return fmt.Errorf("invalid accountID set: invalid accountID endpoint mode %s, must be preferred/required/disabled", mode)
}

// clientAccountIDModeFeature is the User-Agent feature the SDK's clients
// add for mode; "" for none.
func clientAccountIDModeFeature(mode aws.AccountIDEndpointMode) awsmiddleware.UserAgentFeature {
	switch mode {
	case aws.AccountIDEndpointModePreferred:
		return awsmiddleware.UserAgentFeatureAccountIDModePreferred
	case aws.AccountIDEndpointModeRequired:
		return awsmiddleware.UserAgentFeatureAccountIDModeRequired
	case aws.AccountIDEndpointModeDisabled:
		return awsmiddleware.UserAgentFeatureAccountIDModeDisabled
	}
	return ""
}
