// Package dynamodb holds differential tests of a package generated from
// the DynamoDB model of 2025-04-03 (awsJson1_0) against AWS's SDK
// service/dynamodb v1.42.1, the release of the same day.
package dynamodb

// The generator lives in the main module, so it runs from there (-C). The
// model is the shared AWS model set's, beside the repository.
//go:generate go run -C ../.. ./cmd/smithy2go -model ../shared/models/aws/dynamodb-2012-08-10.json -out interop/dynamodb/dynamodb -partitions internal/sweep/testdata/partitions-2025-02.json
