package dynamodb

// What the DynamoDB differential tests need beside the shared harness.

import (
	"bytes"
	"context"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go/middleware"
	smithyrand "github.com/aws/smithy-go/rand"
)

// modelFile is the model this package is generated from, in ../shared.
const modelFile = "dynamodb-2012-08-10.json"

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

// unionInterfaces are the service's unions; unionVariants pair their
// variants (the first of each is not recursive) and the unknown member.
var (
	unionInterfaces = []reflect.Type{reflect.TypeFor[AttributeValue]()}
	unionVariants   = []variantPair{
		{reflect.TypeFor[AttributeValueMemberS](), reflect.TypeFor[types.AttributeValueMemberS]()},
		{reflect.TypeFor[AttributeValueMemberN](), reflect.TypeFor[types.AttributeValueMemberN]()},
		{reflect.TypeFor[AttributeValueMemberB](), reflect.TypeFor[types.AttributeValueMemberB]()},
		{reflect.TypeFor[AttributeValueMemberSS](), reflect.TypeFor[types.AttributeValueMemberSS]()},
		{reflect.TypeFor[AttributeValueMemberNS](), reflect.TypeFor[types.AttributeValueMemberNS]()},
		{reflect.TypeFor[AttributeValueMemberBS](), reflect.TypeFor[types.AttributeValueMemberBS]()},
		{reflect.TypeFor[AttributeValueMemberM](), reflect.TypeFor[types.AttributeValueMemberM]()},
		{reflect.TypeFor[AttributeValueMemberL](), reflect.TypeFor[types.AttributeValueMemberL]()},
		{reflect.TypeFor[AttributeValueMemberNULL](), reflect.TypeFor[types.AttributeValueMemberNULL]()},
		{reflect.TypeFor[AttributeValueMemberBOOL](), reflect.TypeFor[types.AttributeValueMemberBOOL]()},
		{reflect.TypeFor[UnknownUnionMember](), reflect.TypeFor[types.UnknownUnionMember]()},
	}
)

// sdkTokens makes the SDK draw its idempotency tokens from b.
func sdkTokens(b []byte) func(*sdk.Options) {
	return func(o *sdk.Options) {
		o.IdempotencyTokenProvider = smithyrand.NewUUIDIdempotencyToken(bytes.NewReader(b))
	}
}

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
	"BatchExecuteStatement":               operation(buildBatchExecuteStatementRequest, decodeBatchExecuteStatementResponse, decodeBatchExecuteStatementError, (*sdk.Client).BatchExecuteStatement),
	"BatchGetItem":                        operation(buildBatchGetItemRequest, decodeBatchGetItemResponse, decodeBatchGetItemError, (*sdk.Client).BatchGetItem),
	"BatchWriteItem":                      operation(buildBatchWriteItemRequest, decodeBatchWriteItemResponse, decodeBatchWriteItemError, (*sdk.Client).BatchWriteItem),
	"CreateBackup":                        operation(buildCreateBackupRequest, decodeCreateBackupResponse, decodeCreateBackupError, (*sdk.Client).CreateBackup),
	"CreateGlobalTable":                   operation(buildCreateGlobalTableRequest, decodeCreateGlobalTableResponse, decodeCreateGlobalTableError, (*sdk.Client).CreateGlobalTable),
	"CreateTable":                         operation(buildCreateTableRequest, decodeCreateTableResponse, decodeCreateTableError, (*sdk.Client).CreateTable),
	"DeleteBackup":                        operation(buildDeleteBackupRequest, decodeDeleteBackupResponse, decodeDeleteBackupError, (*sdk.Client).DeleteBackup),
	"DeleteItem":                          operation(buildDeleteItemRequest, decodeDeleteItemResponse, decodeDeleteItemError, (*sdk.Client).DeleteItem),
	"DeleteResourcePolicy":                operation(buildDeleteResourcePolicyRequest, decodeDeleteResourcePolicyResponse, decodeDeleteResourcePolicyError, (*sdk.Client).DeleteResourcePolicy),
	"DeleteTable":                         operation(buildDeleteTableRequest, decodeDeleteTableResponse, decodeDeleteTableError, (*sdk.Client).DeleteTable),
	"DescribeBackup":                      operation(buildDescribeBackupRequest, decodeDescribeBackupResponse, decodeDescribeBackupError, (*sdk.Client).DescribeBackup),
	"DescribeContinuousBackups":           operation(buildDescribeContinuousBackupsRequest, decodeDescribeContinuousBackupsResponse, decodeDescribeContinuousBackupsError, (*sdk.Client).DescribeContinuousBackups),
	"DescribeContributorInsights":         operation(buildDescribeContributorInsightsRequest, decodeDescribeContributorInsightsResponse, decodeDescribeContributorInsightsError, (*sdk.Client).DescribeContributorInsights),
	"DescribeEndpoints":                   operation(buildDescribeEndpointsRequest, decodeDescribeEndpointsResponse, decodeDescribeEndpointsError, (*sdk.Client).DescribeEndpoints),
	"DescribeExport":                      operation(buildDescribeExportRequest, decodeDescribeExportResponse, decodeDescribeExportError, (*sdk.Client).DescribeExport),
	"DescribeGlobalTable":                 operation(buildDescribeGlobalTableRequest, decodeDescribeGlobalTableResponse, decodeDescribeGlobalTableError, (*sdk.Client).DescribeGlobalTable),
	"DescribeGlobalTableSettings":         operation(buildDescribeGlobalTableSettingsRequest, decodeDescribeGlobalTableSettingsResponse, decodeDescribeGlobalTableSettingsError, (*sdk.Client).DescribeGlobalTableSettings),
	"DescribeImport":                      operation(buildDescribeImportRequest, decodeDescribeImportResponse, decodeDescribeImportError, (*sdk.Client).DescribeImport),
	"DescribeKinesisStreamingDestination": operation(buildDescribeKinesisStreamingDestinationRequest, decodeDescribeKinesisStreamingDestinationResponse, decodeDescribeKinesisStreamingDestinationError, (*sdk.Client).DescribeKinesisStreamingDestination),
	"DescribeLimits":                      operation(buildDescribeLimitsRequest, decodeDescribeLimitsResponse, decodeDescribeLimitsError, (*sdk.Client).DescribeLimits),
	"DescribeTable":                       operation(buildDescribeTableRequest, decodeDescribeTableResponse, decodeDescribeTableError, (*sdk.Client).DescribeTable),
	"DescribeTableReplicaAutoScaling":     operation(buildDescribeTableReplicaAutoScalingRequest, decodeDescribeTableReplicaAutoScalingResponse, decodeDescribeTableReplicaAutoScalingError, (*sdk.Client).DescribeTableReplicaAutoScaling),
	"DescribeTimeToLive":                  operation(buildDescribeTimeToLiveRequest, decodeDescribeTimeToLiveResponse, decodeDescribeTimeToLiveError, (*sdk.Client).DescribeTimeToLive),
	"DisableKinesisStreamingDestination":  operation(buildDisableKinesisStreamingDestinationRequest, decodeDisableKinesisStreamingDestinationResponse, decodeDisableKinesisStreamingDestinationError, (*sdk.Client).DisableKinesisStreamingDestination),
	"EnableKinesisStreamingDestination":   operation(buildEnableKinesisStreamingDestinationRequest, decodeEnableKinesisStreamingDestinationResponse, decodeEnableKinesisStreamingDestinationError, (*sdk.Client).EnableKinesisStreamingDestination),
	"ExecuteStatement":                    operation(buildExecuteStatementRequest, decodeExecuteStatementResponse, decodeExecuteStatementError, (*sdk.Client).ExecuteStatement),
	"ExecuteTransaction":                  operation(buildExecuteTransactionRequest, decodeExecuteTransactionResponse, decodeExecuteTransactionError, (*sdk.Client).ExecuteTransaction),
	"ExportTableToPointInTime":            operation(buildExportTableToPointInTimeRequest, decodeExportTableToPointInTimeResponse, decodeExportTableToPointInTimeError, (*sdk.Client).ExportTableToPointInTime),
	"GetItem":                             operation(buildGetItemRequest, decodeGetItemResponse, decodeGetItemError, (*sdk.Client).GetItem),
	"GetResourcePolicy":                   operation(buildGetResourcePolicyRequest, decodeGetResourcePolicyResponse, decodeGetResourcePolicyError, (*sdk.Client).GetResourcePolicy),
	"ImportTable":                         operation(buildImportTableRequest, decodeImportTableResponse, decodeImportTableError, (*sdk.Client).ImportTable),
	"ListBackups":                         operation(buildListBackupsRequest, decodeListBackupsResponse, decodeListBackupsError, (*sdk.Client).ListBackups),
	"ListContributorInsights":             operation(buildListContributorInsightsRequest, decodeListContributorInsightsResponse, decodeListContributorInsightsError, (*sdk.Client).ListContributorInsights),
	"ListExports":                         operation(buildListExportsRequest, decodeListExportsResponse, decodeListExportsError, (*sdk.Client).ListExports),
	"ListGlobalTables":                    operation(buildListGlobalTablesRequest, decodeListGlobalTablesResponse, decodeListGlobalTablesError, (*sdk.Client).ListGlobalTables),
	"ListImports":                         operation(buildListImportsRequest, decodeListImportsResponse, decodeListImportsError, (*sdk.Client).ListImports),
	"ListTables":                          operation(buildListTablesRequest, decodeListTablesResponse, decodeListTablesError, (*sdk.Client).ListTables),
	"ListTagsOfResource":                  operation(buildListTagsOfResourceRequest, decodeListTagsOfResourceResponse, decodeListTagsOfResourceError, (*sdk.Client).ListTagsOfResource),
	"PutItem":                             operation(buildPutItemRequest, decodePutItemResponse, decodePutItemError, (*sdk.Client).PutItem),
	"PutResourcePolicy":                   operation(buildPutResourcePolicyRequest, decodePutResourcePolicyResponse, decodePutResourcePolicyError, (*sdk.Client).PutResourcePolicy),
	"Query":                               operation(buildQueryRequest, decodeQueryResponse, decodeQueryError, (*sdk.Client).Query),
	"RestoreTableFromBackup":              operation(buildRestoreTableFromBackupRequest, decodeRestoreTableFromBackupResponse, decodeRestoreTableFromBackupError, (*sdk.Client).RestoreTableFromBackup),
	"RestoreTableToPointInTime":           operation(buildRestoreTableToPointInTimeRequest, decodeRestoreTableToPointInTimeResponse, decodeRestoreTableToPointInTimeError, (*sdk.Client).RestoreTableToPointInTime),
	"Scan":                                operation(buildScanRequest, decodeScanResponse, decodeScanError, (*sdk.Client).Scan),
	"TagResource":                         operation(buildTagResourceRequest, decodeTagResourceResponse, decodeTagResourceError, (*sdk.Client).TagResource),
	"TransactGetItems":                    operation(buildTransactGetItemsRequest, decodeTransactGetItemsResponse, decodeTransactGetItemsError, (*sdk.Client).TransactGetItems),
	"TransactWriteItems":                  operation(buildTransactWriteItemsRequest, decodeTransactWriteItemsResponse, decodeTransactWriteItemsError, (*sdk.Client).TransactWriteItems),
	"UntagResource":                       operation(buildUntagResourceRequest, decodeUntagResourceResponse, decodeUntagResourceError, (*sdk.Client).UntagResource),
	"UpdateContinuousBackups":             operation(buildUpdateContinuousBackupsRequest, decodeUpdateContinuousBackupsResponse, decodeUpdateContinuousBackupsError, (*sdk.Client).UpdateContinuousBackups),
	"UpdateContributorInsights":           operation(buildUpdateContributorInsightsRequest, decodeUpdateContributorInsightsResponse, decodeUpdateContributorInsightsError, (*sdk.Client).UpdateContributorInsights),
	"UpdateGlobalTable":                   operation(buildUpdateGlobalTableRequest, decodeUpdateGlobalTableResponse, decodeUpdateGlobalTableError, (*sdk.Client).UpdateGlobalTable),
	"UpdateGlobalTableSettings":           operation(buildUpdateGlobalTableSettingsRequest, decodeUpdateGlobalTableSettingsResponse, decodeUpdateGlobalTableSettingsError, (*sdk.Client).UpdateGlobalTableSettings),
	"UpdateItem":                          operation(buildUpdateItemRequest, decodeUpdateItemResponse, decodeUpdateItemError, (*sdk.Client).UpdateItem),
	"UpdateKinesisStreamingDestination":   operation(buildUpdateKinesisStreamingDestinationRequest, decodeUpdateKinesisStreamingDestinationResponse, decodeUpdateKinesisStreamingDestinationError, (*sdk.Client).UpdateKinesisStreamingDestination),
	"UpdateTable":                         operation(buildUpdateTableRequest, decodeUpdateTableResponse, decodeUpdateTableError, (*sdk.Client).UpdateTable),
	"UpdateTableReplicaAutoScaling":       operation(buildUpdateTableReplicaAutoScalingRequest, decodeUpdateTableReplicaAutoScalingResponse, decodeUpdateTableReplicaAutoScalingError, (*sdk.Client).UpdateTableReplicaAutoScaling),
	"UpdateTimeToLive":                    operation(buildUpdateTimeToLiveRequest, decodeUpdateTimeToLiveResponse, decodeUpdateTimeToLiveError, (*sdk.Client).UpdateTimeToLive),
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
