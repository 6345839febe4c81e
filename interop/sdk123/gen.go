// Package sdk123 holds differential tests of a package generated from AWS's
// whole EC2 model of 2021 against the SDK release made from that model,
// service/ec2 v1.23.0.
package sdk123

// The generator lives in the main module, so it runs from there (-C). The
// model is in the read-only data beside the checkout. The client is left
// out: it needs a newer aws-sdk-go-v2 than the v1.11.1 this SDK release
// pins, and these tests compare the wire code.
//go:generate go run -C ../.. ./cmd/smithy2go -model ../shared/models/ec2-full/ec2-2016-11-15.2021-11-18.json -out interop/sdk123/ec2 -client=false
//go:generate go run ./internal/optable -model ../../../shared/models/ec2-full/ec2-2016-11-15.2021-11-18.json -out ec2/operations_test.go
