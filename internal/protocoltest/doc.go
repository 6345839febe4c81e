// Package protocoltest holds packages generated from the official Smithy
// protocol compliance suites; their protocol_test.go files are generated
// from the suites' smithy.test traits. The suite models are third-party
// data in ../shared and are not copied here, so regenerating needs them:
//
//	go run ./cmd/smithy2go -model ../shared/protocol-tests/ec2query/idl -out internal/protocoltest/ec2query
//
// (make generate does this when ../shared is there). CI checks the package
// is current the same way, with -check.
package protocoltest
