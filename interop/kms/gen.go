// Package kms holds differential tests of a package generated from the KMS
// model of 2025-04-03 (awsJson1_1) against AWS's SDK service/kms v1.38.2,
// the release of the same day.
package kms

// The generator lives in the main module, so it runs from there (-C). The
// model is the shared AWS model set's, beside the repository.
//go:generate go run -C ../.. ./cmd/smithy2go -model ../shared/models/aws/kms-2014-11-01.json -out interop/kms/kms -partitions internal/sweep/testdata/partitions-2025-02.json
