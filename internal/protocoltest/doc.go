// Package protocoltest holds packages generated from the official Smithy
// protocol compliance suites; their protocol_test.go files are generated
// from the suites' smithy.test traits, one subtest per case id. The suite
// models are third-party data in ../shared and are not copied here, so
// regenerating needs them:
//
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/ec2query/idl -out internal/protocoltest/ec2query
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service aws.protocoltests.query#AwsQuery -out internal/protocoltest/awsquery
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service aws.protocoltests.restxml#RestXml -out internal/protocoltest/restxml
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service aws.protocoltests.restxml.xmlns#RestXmlWithNamespace -out internal/protocoltest/restxmlns
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service com.amazonaws.s3#AmazonS3 -out internal/protocoltest/s3
//
// (make generate does this when ../shared is there). The s3 package holds
// the suite's S3 customization cases; their requests are built for the
// endpoint S3's addressing resolves (the bucket in the host, or for
// path-style addressing in the path), as the endpoint resolver will give. CI checks the
// packages are current the same way, with -check.
package protocoltest
