// Command testall runs every check the project has, in the order CI runs
// them: generated code is current, vet is clean, every module's tests
// pass. It is the one command the README gives for testing.
//
//	go run ./internal/testall          # everything (what CI runs)
//	go run ./internal/testall -short   # a contributor's fast path: this module only
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

func main() {
	short := flag.Bool("short", false, "the fast path: this module's checks and short tests; no SDK modules, sweep or fuzzing")
	fuzzOnly := flag.Bool("fuzz-only", false, "run only the fuzz targets")
	fuzzTime := flag.String("fuzztime", "20s", "how long to run each fuzz target")
	flag.Parse()
	if *fuzzOnly {
		runAll(fuzzSteps(*fuzzTime))
		return
	}
	steps := []step{
		{"generated code is current", ".", []string{"go", "run", "./cmd/smithy2go", "-check"}},
	}
	if shared() {
		steps = append(steps, step{"compliance package is current", ".", []string{"go", "run", "./cmd/smithy2go",
			"-model", ecQuerySuite, "-out", "internal/protocoltest/ec2query", "-check"}})
		steps = append(steps, step{"awsQuery compliance package is current", ".", []string{"go", "run", "./cmd/smithy2go",
			"-model", awsSuites, "-service", "aws.protocoltests.query#AwsQuery", "-out", "internal/protocoltest/awsquery", "-check"}})
		for _, s := range []struct{ service, dir string }{
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
			steps = append(steps, step{s.dir + " compliance package is current", ".", []string{"go", "run", "./cmd/smithy2go",
				"-model", awsSuites, "-service", s.service, "-out", "internal/protocoltest/" + s.dir, "-check"}})
		}
	} else {
		fmt.Println("testall: ../shared is missing: skipping the checks that need its models")
	}
	test := []string{"go", "test", "-count=1", "./..."}
	if *short {
		test = []string{"go", "test", "-short", "./..."}
	}
	steps = append(steps, []step{
		{"gofmt", ".", []string{"gofmt", "-l", "."}},
		{"vet", ".", []string{"go", "vet", "./..."}},
		{"tests", ".", test},
	}...)
	if *short {
		runAll(steps)
		fmt.Println("testall: -short skipped the SDK modules, the downstream example, the sweep and fuzzing; the full run (CI's) takes about 20 minutes on 2 cores")
		return
	}
	// The differential tests against AWS's SDK, one module per SDK version.
	// go test vets as it builds, so each SDK module compiles once.
	for _, m := range []struct{ dir, model string }{
		{"interop/sdk317", "models/ec2-interruptible-capacity-reservation.json"},
		{"interop/sdk344", "models/ec2-interruptible-capacity-reservation.2026-09.json"},
	} {
		steps = append(steps,
			step{m.dir + " is current", ".", []string{"go", "run", "./cmd/smithy2go", "-model", m.model, "-out", m.dir + "/ec2", "-check"}},
			step{m.dir + " vet and tests", m.dir, []string{"go", "test", "-vet=all", "-count=1", "./..."}},
		)
	}
	// restJson1 against the SDK's Lambda client, generated from the model
	// in ../shared (the response tests skip without it).
	if shared() {
		steps = append(steps, step{"interop/lambda is current", ".", []string{"go", "run", "./cmd/smithy2go",
			"-model", lambdaModel, "-out", "interop/lambda/lambda", "-package", "lambda", "-check"}})
	}
	steps = append(steps, step{"interop/lambda vet and tests", "interop/lambda", []string{"go", "test", "-vet=all", "-count=1", "./..."}})
	// restXml against the SDK's S3 client, generated from the model in
	// ../shared for the operations interop/s3/gen.go lists (the response
	// tests skip without it).
	if shared() {
		check := []string{"go", "run", "./cmd/smithy2go", "-model", s3Model, "-out", "interop/s3/s3", "-check"}
		for _, op := range s3InteropOperations {
			check = append(check, "-operation", op)
		}
		steps = append(steps, step{"interop/s3 is current", ".", check})
	}
	steps = append(steps, step{"interop/s3 vet and tests", "interop/s3", []string{"go", "test", "-vet=all", "-count=1", "./..."}})
	// The downstream example module: its committed package is current, and
	// it goes through a model update in a scratch copy (go generate, diff,
	// build, test).
	steps = append(steps,
		step{"examples/downstream is current", ".", []string{"go", "run", "./cmd/smithy2go",
			"-model", "examples/downstream/models/ec2-interruptible-capacity-reservation.json",
			"-out", "examples/downstream/capacity", "-package", "capacity", "-check"}},
		step{"examples/downstream through a model update", ".", []string{"go", "run", "./internal/testall/downstream"}},
	)
	if shared() {
		// Real AWS models of every protocol: generate, compile, vet, test.
		steps = append(steps, step{"sweep over the CI subset of real AWS models", ".",
			[]string{"go", "run", "./internal/sweep", "-subset", "ci"}})
	}
	steps = append(steps, fuzzSteps(*fuzzTime)...)
	runAll(steps)
}

func runAll(steps []step) {
	start := time.Now()
	for i, s := range steps {
		if err := s.run(i+1, len(steps)); err != nil {
			fmt.Fprintf(os.Stderr, "testall: [%d/%d] %s: %v\n", i+1, len(steps), s.name, err)
			os.Exit(1)
		}
	}
	fmt.Printf("testall: all %d steps passed in %s\n", len(steps), time.Since(start).Round(time.Second))
}

const (
	// ecQuerySuite is the ec2Query compliance suite's IDL, the source of
	// internal/protocoltest/ec2query.
	ecQuerySuite = "../shared/protocol-tests/ec2query/idl"
	// lambdaModel is the real model interop/lambda is generated from.
	lambdaModel = "../shared/models/aws/lambda-2015-03-31.json"
	// awsSuites holds every AWS protocol's test service.
	awsSuites = "../shared/protocol-tests/aws/smithy-aws-protocol-tests.pira.json"
)

// s3Model is S3's model of 2025-04-03, the source of interop/s3, and
// s3InteropOperations the operations interop/s3/gen.go generates.
const s3Model = "../shared/models/aws/s3-2006-03-01.json"

var s3InteropOperations = []string{"PutObject", "GetObject", "HeadObject", "DeleteObject", "ListObjectsV2", "ListObjects",
	"DeleteObjects", "PutBucketTagging", "GetBucketTagging", "GetObjectAcl", "CreateBucket", "CopyObject",
	"CompleteMultipartUpload", "CreateMultipartUpload", "UploadPart", "GetBucketLocation", "ListBuckets", "HeadBucket",
	"GetObjectAttributes"}

// shared reports whether the read-only data beside the project is there.
func shared() bool {
	_, err := os.Stat(ecQuerySuite)
	return err == nil
}

type step struct {
	name string
	dir  string
	cmd  []string
}

func (s step) run(k, n int) error {
	fmt.Printf("==> [%d/%d] %s: %s\n", k, n, s.name, strings.Join(s.cmd, " "))
	start := time.Now()
	c := exec.Command(s.cmd[0], s.cmd[1:]...)
	c.Dir = s.dir
	var out strings.Builder
	c.Stdout, c.Stderr = os.Stdout, os.Stderr
	if s.cmd[0] == "gofmt" {
		c.Stdout = &out
	}
	if err := c.Run(); err != nil {
		return err
	}
	if out.Len() > 0 {
		return fmt.Errorf("files need gofmt:\n%s", out.String())
	}
	fmt.Printf("    [%d/%d] ok in %s\n", k, n, time.Since(start).Round(100*time.Millisecond))
	return nil
}

// fuzzSteps runs each fuzz target for a while; their seed corpora also run
// in the plain tests.
func fuzzSteps(d string) []step {
	targets := []struct{ pkg, name string }{
		{"./generator/smithy", "FuzzLoad"},
		{"./generator/smithy", "FuzzIDL"},
		{"./generator", "FuzzGenerate"},
		{"./generator/godoc", "FuzzComment"},
		{"./templates", "FuzzXMLDecoder"},
		{"./templates", "FuzzParseDateTime"},
		{"./templates", "FuzzParseHTTPDate"},
		{"./templates", "FuzzParseEpochSeconds"},
		{"./templates", "FuzzJSONDecoder"},
		{"./templates", "FuzzJSONNumbers"},
		{"./templates", "FuzzJSONString"},
		{"./templates", "FuzzXMLWriteText"},
		{"./templates", "FuzzRestHeaderList"},
		{"./templates", "FuzzRestEscape"},
		{"./generated/ec2", "FuzzUnmarshal"},
		{"./internal/protocoltest/ec2query", "FuzzUnmarshal"},
		{"./internal/protocoltest/awsquery", "FuzzUnmarshal"},
		{"./internal/protocoltest/restxml", "FuzzUnmarshal"},
		{"./internal/protocoltest/awsjson10", "FuzzUnmarshal"},
		{"./internal/protocoltest/awsjson11", "FuzzUnmarshal"},
		{"./internal/protocoltest/restjson", "FuzzUnmarshal"},
	}
	var out []step
	for _, t := range targets {
		out = append(out, step{"fuzz " + t.pkg + " " + t.name, ".",
			[]string{"go", "test", "-run", "^$", "-fuzz", "^" + t.name + "$", "-fuzztime", d, t.pkg}})
	}
	return out
}
