# Shortcuts; each target is one plain Go command, so nothing here is needed
# to build or test smithy2go.

.PHONY: generate test check bench fuzz

generate: ## regenerate generated/ec2, and the compliance package when ../shared is there
	go generate ./...
	if [ -d ../shared ]; then go run ./cmd/smithy2go -model ../shared/protocol-tests/ec2query/idl -out internal/protocoltest/ec2query; fi
	if [ -d ../shared ]; then go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service aws.protocoltests.query#AwsQuery -out internal/protocoltest/awsquery; fi
	if [ -d ../shared ]; then go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service aws.protocoltests.restxml#RestXml -out internal/protocoltest/restxml; fi
	if [ -d ../shared ]; then go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service aws.protocoltests.restxml.xmlns#RestXmlWithNamespace -out internal/protocoltest/restxmlns; fi
	if [ -d ../shared ]; then go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service com.amazonaws.s3#AmazonS3 -out internal/protocoltest/s3; fi
	if [ -d ../shared ]; then go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service aws.protocoltests.json10#JsonRpc10 -out internal/protocoltest/awsjson10; fi
	if [ -d ../shared ]; then go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service aws.protocoltests.json10#QueryCompatibleJsonRpc10 -out internal/protocoltest/awsjson10querycompat; fi
	if [ -d ../shared ]; then go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service aws.protocoltests.json#JsonProtocol -out internal/protocoltest/awsjson11; fi
	if [ -d ../shared ]; then go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service com.amazonaws.machinelearning#AmazonML_20141212 -out internal/protocoltest/machinelearning; fi
	if [ -d ../shared ]; then go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service aws.protocoltests.restjson#RestJson -out internal/protocoltest/restjson; fi
	if [ -d ../shared ]; then go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service aws.protocoltests.restjson.validation#RestJsonValidation -out internal/protocoltest/restjsonvalidation; fi
	if [ -d ../shared ]; then go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service com.amazonaws.glacier#Glacier -out internal/protocoltest/glacier; fi
	if [ -d ../shared ]; then go run ./cmd/smithy2go -model ../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json -service com.amazonaws.apigateway#BackplaneControlService -out internal/protocoltest/apigateway; fi

test: ## every check CI runs
	go run ./internal/testall

check: ## fail if generated/ is stale
	go run ./cmd/smithy2go -check

bench: ## generated code against the SDK peer's figures
	go test -run '^$$' -bench . -benchmem ./generated/ec2

.PHONY: bench-gen
bench-gen: ## the generator's own speed on SageMaker against aws-sdk-go v1's; writes docs/bench-gen.md
	go run ./internal/benchgen

FUZZTIME ?= 30s
fuzz: ## run every fuzz target for FUZZTIME each
	go run ./internal/testall -fuzz-only -fuzztime $(FUZZTIME)

.PHONY: sweep sweep-ci
sweep: ## every real AWS model: generate, compile, vet, test; rewrites docs/sweep.md
	go run ./internal/sweep -subset all -table docs/sweep.md

sweep-ci: ## the CI subset of the sweep
	go run ./internal/sweep -subset ci
