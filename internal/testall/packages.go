package main

// pkg is a generated package committed to the repository, with the
// smithy2go arguments that make it. CI checks each is current; -generate
// rewrites them all. The interop modules' gen.go files repeat their
// lines for go generate; TestGenerateLinesMatchPackages keeps them equal.
type pkg struct {
	out  string   // the output directory, from the repository's root
	args []string // smithy2go's other arguments
	// shared is set when the model is in ../shared: without it, the
	// package is neither checked nor regenerated.
	shared bool
}

const (
	// ecQuerySuite is the ec2Query compliance suite's IDL, the source of
	// internal/protocoltest/ec2query.
	ecQuerySuite = "../shared/protocol-tests/ec2query/idl"
	// ec2Full is EC2's whole model of 2021, the source of interop/sdk123.
	ec2Full = "../shared/models/ec2-full/ec2-2016-11-15.2021-11-18.json"
	// awsSuites holds every AWS protocol's test service.
	awsSuites = "../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json"
	awsModels = "../shared/models/aws/"
	// partitions2025 are the AWS partition facts the models of awsModels
	// were written against.
	partitions2025 = "internal/sweep/testdata/partitions-2025-02.json"
)

func committed() []pkg {
	ps := []pkg{
		{out: "generated/ec2"}, // the embedded default model
		{out: "examples/downstream/capacity", args: []string{"-model", "examples/downstream/models/ec2-interruptible-capacity-reservation.json", "-package", "capacity"}},
		{out: "internal/protocoltest/ec2query", args: []string{"-model", ecQuerySuite}, shared: true},
		{out: "interop/sdk317/ec2", args: []string{"-model", "models/ec2-interruptible-capacity-reservation.json"}},
		{out: "interop/sdk344/ec2", args: []string{"-model", "models/ec2-interruptible-capacity-reservation.2026-09.json"}},
		// The client's paginator test runs on one operation of the whole
		// 2021 EC2 model.
		{out: "interop/sdk344/ec2full", args: []string{"-model", ec2Full, "-operation", "DescribeCapacityReservations"}, shared: true},
		// Without the client: it needs a newer SDK than v1.23.0 pins.
		{out: "interop/sdk123/ec2", args: []string{"-model", ec2Full, "-client=false"}, shared: true},
		// The AWS models are of 2025-04; their endpoint tests want the
		// partition facts of that time.
		{out: "interop/dynamodb/dynamodb", args: []string{"-model", awsModels + "dynamodb-2012-08-10.json", "-partitions", partitions2025}, shared: true},
		{out: "interop/kms/kms", args: []string{"-model", awsModels + "kms-2014-11-01.json", "-partitions", partitions2025}, shared: true},
		{out: "interop/lambda/lambda", args: []string{"-model", awsModels + "lambda-2015-03-31.json", "-package", "lambda", "-partitions", partitions2025}, shared: true},
		// restXml against the SDK's S3 client, on the operations s3/gen.go lists.
		{out: "interop/s3/s3", args: append([]string{"-model", awsModels + "s3-2006-03-01.json", "-partitions", partitions2025}, operationFlags(s3InteropOperations)...), shared: true},
	}
	// The compliance suites' test services, one package each.
	for _, s := range []struct{ service, dir string }{
		{"aws.protocoltests.query#AwsQuery", "awsquery"},
		{"aws.protocoltests.json10#JsonRpc10", "awsjson10"},
		{"aws.protocoltests.json10#QueryCompatibleJsonRpc10", "awsjson10querycompat"},
		{"aws.protocoltests.json#JsonProtocol", "awsjson11"},
		{"com.amazonaws.machinelearning#AmazonML_20141212", "machinelearning"},
		{"aws.protocoltests.restjson#RestJson", "restjson"},
		{"aws.protocoltests.restjson.validation#RestJsonValidation", "restjsonvalidation"},
		{"com.amazonaws.glacier#Glacier", "glacier"},
		{"com.amazonaws.apigateway#BackplaneControlService", "apigateway"},
		{"aws.protocoltests.restxml#RestXml", "restxml"},
		{"aws.protocoltests.restxml.xmlns#RestXmlWithNamespace", "restxmlns"},
		{"com.amazonaws.s3#AmazonS3", "s3"},
	} {
		ps = append(ps, pkg{out: "internal/protocoltest/" + s.dir, args: []string{"-model", awsSuites, "-service", s.service}, shared: true})
	}
	return ps
}

// command is smithy2go's command line for p, with extra flags last.
func (p pkg) command(extra ...string) []string {
	cmd := append([]string{"go", "run", "./cmd/smithy2go"}, p.args...)
	cmd = append(cmd, "-out", p.out)
	return append(cmd, extra...)
}

// s3InteropOperations are the operations interop/s3/gen.go generates.
var s3InteropOperations = []string{"PutObject", "GetObject", "HeadObject", "DeleteObject", "ListObjectsV2", "ListObjects",
	"DeleteObjects", "PutBucketTagging", "GetBucketTagging", "GetObjectAcl", "CreateBucket", "CopyObject",
	"CompleteMultipartUpload", "CreateMultipartUpload", "UploadPart", "GetBucketLocation", "ListBuckets", "HeadBucket",
	"GetObjectAttributes"}

func operationFlags(ops []string) []string {
	var out []string
	for _, op := range ops {
		out = append(out, "-operation", op)
	}
	return out
}
