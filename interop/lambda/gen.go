// Package lambda holds differential tests of a package generated from the
// AWS Lambda model (restJson1) in ../shared/models/aws against AWS's SDK
// service/lambda v1.71.1, the release of the same day (2025-04-03).
package lambda

// The generator lives in the main module, so it runs from there (-C).
//go:generate go run -C ../.. ./cmd/smithy2go -model ../shared/models/aws/lambda-2015-03-31.json -out interop/lambda/lambda -package lambda
