// Package protocoltest holds packages generated from the official Smithy
// protocol compliance suites; their protocol_test.go files are generated
// from the suites' smithy.test traits, one subtest per case id. The suite
// models are third-party data in ../shared and are not copied here, so
// regenerating needs them:
//
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/ec2query/idl -out internal/protocoltest/ec2query
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service aws.protocoltests.query#AwsQuery -out internal/protocoltest/awsquery
//
// (make generate does this when ../shared is there). CI checks the
// packages are current the same way, with -check.
package protocoltest
