// Package protocoltest holds packages generated from the official Smithy
// protocol compliance suites; their protocol_test.go files are generated
// from the suites' smithy.test traits, one subtest per case id. The suite
// models are third-party data in ../shared and are not copied here, so
// regenerating needs them:
//
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/ec2query/idl -out internal/protocoltest/ec2query
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service aws.protocoltests.query#AwsQuery -out internal/protocoltest/awsquery
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service aws.protocoltests.json10#JsonRpc10 -out internal/protocoltest/awsjson10
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service aws.protocoltests.json10#QueryCompatibleJsonRpc10 -out internal/protocoltest/awsjson10querycompat
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service aws.protocoltests.json#JsonProtocol -out internal/protocoltest/awsjson11
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service com.amazonaws.machinelearning#AmazonML_20141212 -out internal/protocoltest/machinelearning
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service aws.protocoltests.restjson#RestJson -out internal/protocoltest/restjson
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service aws.protocoltests.restjson.validation#RestJsonValidation -out internal/protocoltest/restjsonvalidation
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service com.amazonaws.glacier#Glacier -out internal/protocoltest/glacier
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service com.amazonaws.apigateway#BackplaneControlService -out internal/protocoltest/apigateway
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service aws.protocoltests.restxml#RestXml -out internal/protocoltest/restxml
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service aws.protocoltests.restxml.xmlns#RestXmlWithNamespace -out internal/protocoltest/restxmlns
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service com.amazonaws.s3#AmazonS3 -out internal/protocoltest/s3
//
// (make generate does this when ../shared is there). awsJson1_0's cases
// are in two services, JsonRpc10 and QueryCompatibleJsonRpc10; Machine
// Learning's Predict customization case is awsJson1_1's. restJson1's are in
// RestJson, RestJsonValidation (one client case) and the Glacier and API
// Gateway customization services. restXml's are in RestXml and its
// namespaced variant; the s3 package holds the suite's S3 customization
// cases, whose requests are built for the endpoint S3's addressing
// resolves (the bucket in the host, or for path-style addressing in the
// path), as the endpoint resolver gives it. CI checks the packages are
// current the same way, with -check.
package protocoltest
