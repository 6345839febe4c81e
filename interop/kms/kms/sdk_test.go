package kms

// What the KMS differential tests need beside the shared harness.

import (
	"context"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/smithy-go/middleware"
)

// modelFile is the model this package is generated from, in ../shared.
const modelFile = "kms-2014-11-01.json"

// newSDKClient returns an SDK client that sends to fake: static
// credentials, a fixed region, no retries and no input validation, so
// every call makes exactly one request of whatever it is given.
func newSDKClient(fake *fakeAWS) *sdk.Client {
	return sdk.New(sdk.Options{
		Region: "us-east-1",
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", Source: "interop test"}, nil
		}),
		HTTPClient: &http.Client{Transport: fake},
		Retryer:    aws.NopRetryer{},
		APIOptions: []func(*middleware.Stack) error{withoutValidation},
	})
}

// unionInterfaces and unionVariants are empty: KMS has no unions.
var (
	unionInterfaces []reflect.Type
	unionVariants   []variantPair
)

// sdkTokens does nothing: KMS has no idempotency tokens.
func sdkTokens([]byte) func(*sdk.Options) { return func(*sdk.Options) {} }

// opTests are one operation's differential tests.
type opTests struct {
	requests, responses func(*testing.T)
	errors              func(*testing.T, map[string]int)
}

// operation ties this package's functions for an operation to the SDK's
// method.
func operation[I, O, S, SO any](build func(context.Context, *I, string) (*http.Request, error), decode func(*http.Response, *O) error,
	decodeError func(*http.Response) error, call func(*sdk.Client, context.Context, *S, ...func(*sdk.Options)) (*SO, error)) opTests {
	send := func(fake *fakeAWS, in *S, tokens []byte) error {
		_, err := call(newSDKClient(fake), context.Background(), in, sdkTokens(tokens))
		return err
	}
	receive := func(fake *fakeAWS) (*SO, error) { return call(newSDKClient(fake), context.Background(), new(S)) }
	return opTests{
		requests:  func(t *testing.T) { checkRequests(t, build, send) },
		responses: func(t *testing.T) { checkResponses(t, decode, receive) },
		errors:    func(t *testing.T, met map[string]int) { checkErrors(t, decodeError, receive, met) },
	}
}

// operations are every operation of the service.
var operations = map[string]opTests{
	"CancelKeyDeletion":                   operation(buildCancelKeyDeletionRequest, decodeCancelKeyDeletionResponse, decodeCancelKeyDeletionError, (*sdk.Client).CancelKeyDeletion),
	"ConnectCustomKeyStore":               operation(buildConnectCustomKeyStoreRequest, decodeConnectCustomKeyStoreResponse, decodeConnectCustomKeyStoreError, (*sdk.Client).ConnectCustomKeyStore),
	"CreateAlias":                         operation(buildCreateAliasRequest, decodeCreateAliasResponse, decodeCreateAliasError, (*sdk.Client).CreateAlias),
	"CreateCustomKeyStore":                operation(buildCreateCustomKeyStoreRequest, decodeCreateCustomKeyStoreResponse, decodeCreateCustomKeyStoreError, (*sdk.Client).CreateCustomKeyStore),
	"CreateGrant":                         operation(buildCreateGrantRequest, decodeCreateGrantResponse, decodeCreateGrantError, (*sdk.Client).CreateGrant),
	"CreateKey":                           operation(buildCreateKeyRequest, decodeCreateKeyResponse, decodeCreateKeyError, (*sdk.Client).CreateKey),
	"Decrypt":                             operation(buildDecryptRequest, decodeDecryptResponse, decodeDecryptError, (*sdk.Client).Decrypt),
	"DeleteAlias":                         operation(buildDeleteAliasRequest, decodeDeleteAliasResponse, decodeDeleteAliasError, (*sdk.Client).DeleteAlias),
	"DeleteCustomKeyStore":                operation(buildDeleteCustomKeyStoreRequest, decodeDeleteCustomKeyStoreResponse, decodeDeleteCustomKeyStoreError, (*sdk.Client).DeleteCustomKeyStore),
	"DeleteImportedKeyMaterial":           operation(buildDeleteImportedKeyMaterialRequest, decodeDeleteImportedKeyMaterialResponse, decodeDeleteImportedKeyMaterialError, (*sdk.Client).DeleteImportedKeyMaterial),
	"DeriveSharedSecret":                  operation(buildDeriveSharedSecretRequest, decodeDeriveSharedSecretResponse, decodeDeriveSharedSecretError, (*sdk.Client).DeriveSharedSecret),
	"DescribeCustomKeyStores":             operation(buildDescribeCustomKeyStoresRequest, decodeDescribeCustomKeyStoresResponse, decodeDescribeCustomKeyStoresError, (*sdk.Client).DescribeCustomKeyStores),
	"DescribeKey":                         operation(buildDescribeKeyRequest, decodeDescribeKeyResponse, decodeDescribeKeyError, (*sdk.Client).DescribeKey),
	"DisableKey":                          operation(buildDisableKeyRequest, decodeDisableKeyResponse, decodeDisableKeyError, (*sdk.Client).DisableKey),
	"DisableKeyRotation":                  operation(buildDisableKeyRotationRequest, decodeDisableKeyRotationResponse, decodeDisableKeyRotationError, (*sdk.Client).DisableKeyRotation),
	"DisconnectCustomKeyStore":            operation(buildDisconnectCustomKeyStoreRequest, decodeDisconnectCustomKeyStoreResponse, decodeDisconnectCustomKeyStoreError, (*sdk.Client).DisconnectCustomKeyStore),
	"EnableKey":                           operation(buildEnableKeyRequest, decodeEnableKeyResponse, decodeEnableKeyError, (*sdk.Client).EnableKey),
	"EnableKeyRotation":                   operation(buildEnableKeyRotationRequest, decodeEnableKeyRotationResponse, decodeEnableKeyRotationError, (*sdk.Client).EnableKeyRotation),
	"Encrypt":                             operation(buildEncryptRequest, decodeEncryptResponse, decodeEncryptError, (*sdk.Client).Encrypt),
	"GenerateDataKey":                     operation(buildGenerateDataKeyRequest, decodeGenerateDataKeyResponse, decodeGenerateDataKeyError, (*sdk.Client).GenerateDataKey),
	"GenerateDataKeyPair":                 operation(buildGenerateDataKeyPairRequest, decodeGenerateDataKeyPairResponse, decodeGenerateDataKeyPairError, (*sdk.Client).GenerateDataKeyPair),
	"GenerateDataKeyPairWithoutPlaintext": operation(buildGenerateDataKeyPairWithoutPlaintextRequest, decodeGenerateDataKeyPairWithoutPlaintextResponse, decodeGenerateDataKeyPairWithoutPlaintextError, (*sdk.Client).GenerateDataKeyPairWithoutPlaintext),
	"GenerateDataKeyWithoutPlaintext":     operation(buildGenerateDataKeyWithoutPlaintextRequest, decodeGenerateDataKeyWithoutPlaintextResponse, decodeGenerateDataKeyWithoutPlaintextError, (*sdk.Client).GenerateDataKeyWithoutPlaintext),
	"GenerateMac":                         operation(buildGenerateMacRequest, decodeGenerateMacResponse, decodeGenerateMacError, (*sdk.Client).GenerateMac),
	"GenerateRandom":                      operation(buildGenerateRandomRequest, decodeGenerateRandomResponse, decodeGenerateRandomError, (*sdk.Client).GenerateRandom),
	"GetKeyPolicy":                        operation(buildGetKeyPolicyRequest, decodeGetKeyPolicyResponse, decodeGetKeyPolicyError, (*sdk.Client).GetKeyPolicy),
	"GetKeyRotationStatus":                operation(buildGetKeyRotationStatusRequest, decodeGetKeyRotationStatusResponse, decodeGetKeyRotationStatusError, (*sdk.Client).GetKeyRotationStatus),
	"GetParametersForImport":              operation(buildGetParametersForImportRequest, decodeGetParametersForImportResponse, decodeGetParametersForImportError, (*sdk.Client).GetParametersForImport),
	"GetPublicKey":                        operation(buildGetPublicKeyRequest, decodeGetPublicKeyResponse, decodeGetPublicKeyError, (*sdk.Client).GetPublicKey),
	"ImportKeyMaterial":                   operation(buildImportKeyMaterialRequest, decodeImportKeyMaterialResponse, decodeImportKeyMaterialError, (*sdk.Client).ImportKeyMaterial),
	"ListAliases":                         operation(buildListAliasesRequest, decodeListAliasesResponse, decodeListAliasesError, (*sdk.Client).ListAliases),
	"ListGrants":                          operation(buildListGrantsRequest, decodeListGrantsResponse, decodeListGrantsError, (*sdk.Client).ListGrants),
	"ListKeyPolicies":                     operation(buildListKeyPoliciesRequest, decodeListKeyPoliciesResponse, decodeListKeyPoliciesError, (*sdk.Client).ListKeyPolicies),
	"ListKeyRotations":                    operation(buildListKeyRotationsRequest, decodeListKeyRotationsResponse, decodeListKeyRotationsError, (*sdk.Client).ListKeyRotations),
	"ListKeys":                            operation(buildListKeysRequest, decodeListKeysResponse, decodeListKeysError, (*sdk.Client).ListKeys),
	"ListResourceTags":                    operation(buildListResourceTagsRequest, decodeListResourceTagsResponse, decodeListResourceTagsError, (*sdk.Client).ListResourceTags),
	"ListRetirableGrants":                 operation(buildListRetirableGrantsRequest, decodeListRetirableGrantsResponse, decodeListRetirableGrantsError, (*sdk.Client).ListRetirableGrants),
	"PutKeyPolicy":                        operation(buildPutKeyPolicyRequest, decodePutKeyPolicyResponse, decodePutKeyPolicyError, (*sdk.Client).PutKeyPolicy),
	"ReEncrypt":                           operation(buildReEncryptRequest, decodeReEncryptResponse, decodeReEncryptError, (*sdk.Client).ReEncrypt),
	"ReplicateKey":                        operation(buildReplicateKeyRequest, decodeReplicateKeyResponse, decodeReplicateKeyError, (*sdk.Client).ReplicateKey),
	"RetireGrant":                         operation(buildRetireGrantRequest, decodeRetireGrantResponse, decodeRetireGrantError, (*sdk.Client).RetireGrant),
	"RevokeGrant":                         operation(buildRevokeGrantRequest, decodeRevokeGrantResponse, decodeRevokeGrantError, (*sdk.Client).RevokeGrant),
	"RotateKeyOnDemand":                   operation(buildRotateKeyOnDemandRequest, decodeRotateKeyOnDemandResponse, decodeRotateKeyOnDemandError, (*sdk.Client).RotateKeyOnDemand),
	"ScheduleKeyDeletion":                 operation(buildScheduleKeyDeletionRequest, decodeScheduleKeyDeletionResponse, decodeScheduleKeyDeletionError, (*sdk.Client).ScheduleKeyDeletion),
	"Sign":                                operation(buildSignRequest, decodeSignResponse, decodeSignError, (*sdk.Client).Sign),
	"TagResource":                         operation(buildTagResourceRequest, decodeTagResourceResponse, decodeTagResourceError, (*sdk.Client).TagResource),
	"UntagResource":                       operation(buildUntagResourceRequest, decodeUntagResourceResponse, decodeUntagResourceError, (*sdk.Client).UntagResource),
	"UpdateAlias":                         operation(buildUpdateAliasRequest, decodeUpdateAliasResponse, decodeUpdateAliasError, (*sdk.Client).UpdateAlias),
	"UpdateCustomKeyStore":                operation(buildUpdateCustomKeyStoreRequest, decodeUpdateCustomKeyStoreResponse, decodeUpdateCustomKeyStoreError, (*sdk.Client).UpdateCustomKeyStore),
	"UpdateKeyDescription":                operation(buildUpdateKeyDescriptionRequest, decodeUpdateKeyDescriptionResponse, decodeUpdateKeyDescriptionError, (*sdk.Client).UpdateKeyDescription),
	"UpdatePrimaryRegion":                 operation(buildUpdatePrimaryRegionRequest, decodeUpdatePrimaryRegionResponse, decodeUpdatePrimaryRegionError, (*sdk.Client).UpdatePrimaryRegion),
	"Verify":                              operation(buildVerifyRequest, decodeVerifyResponse, decodeVerifyError, (*sdk.Client).Verify),
	"VerifyMac":                           operation(buildVerifyMacRequest, decodeVerifyMacResponse, decodeVerifyMacError, (*sdk.Client).VerifyMac),
}

// TestOperationsAreAll holds the table to the SDK's client: every method
// that sends an operation is in it.
func TestOperationsAreAll(t *testing.T) {
	var missing []string
	ct := reflect.TypeFor[*sdk.Client]()
	for m := range ct.Methods() {
		if m.Type.NumIn() == 4 && m.Type.In(1) == reflect.TypeFor[context.Context]() && strings.HasSuffix(m.Type.In(2).Elem().Name(), "Input") {
			if _, ok := operations[m.Name]; !ok {
				missing = append(missing, m.Name)
			}
		}
	}
	if len(missing) > 0 || len(operations) == 0 {
		t.Errorf("operations lacks %v", missing)
	}
}

func TestRequestsMatchSDK(t *testing.T) {
	for name, op := range operations {
		t.Run(name, op.requests)
	}
}

func TestResponsesMatchSDK(t *testing.T) {
	for name, op := range operations {
		t.Run(name, op.responses)
	}
}

func TestErrorsMatchSDK(t *testing.T) {
	met := map[string]int{}
	for name, op := range operations {
		t.Run(name, func(t *testing.T) { op.errors(t, met) })
	}
	checkErrorsMet(t, met)
}
