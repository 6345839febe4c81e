// Package s3 holds differential tests of a package generated from the AWS
// S3 model of 2025-04-03 (../shared/models/aws) against AWS's SDK
// service/s3 v1.79.1, released that day.
package s3

// The generator lives in the main module, so it runs from there (-C). The
// model is the shared AWS models' S3, outside this repository: the
// generated package is committed, and regenerating it needs ../shared.
//go:generate go run -C ../.. ./cmd/smithy2go -model ../shared/models/aws/s3-2006-03-01.json -out interop/s3/s3 -operation PutObject -operation GetObject -operation HeadObject -operation DeleteObject -operation ListObjectsV2 -operation ListObjects -operation DeleteObjects -operation PutBucketTagging -operation GetBucketTagging -operation GetObjectAcl -operation CreateBucket -operation CopyObject -operation CompleteMultipartUpload -operation CreateMultipartUpload -operation UploadPart -operation GetBucketLocation -operation ListBuckets -operation HeadBucket -operation GetObjectAttributes -partitions internal/sweep/testdata/partitions-2025-02.json
