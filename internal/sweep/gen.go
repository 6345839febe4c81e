package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/smithy2go/smithy2go/generator"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/ruleset"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// stage is how far a model got; the first failing step names its cause.
type stage int

const (
	stageOK stage = iota
	stageLoad
	stageGenerate
	stageWrite
	stageCompile
	stageVet
	stageTest
)

func (s stage) String() string {
	switch s {
	case stageOK:
		return "ok"
	case stageLoad:
		return "load"
	case stageGenerate:
		return "generate"
	case stageWrite:
		return "write"
	case stageCompile:
		return "compile"
	case stageVet:
		return "vet"
	case stageTest:
		return "test"
	}
	return fmt.Sprintf("stage(%d)", int(s))
}

// result is what the sweep found for one model.
type result struct {
	model
	Operations int
	Shapes     int
	Lines      int // generated Go lines, tests and runtime helpers included
	Warnings   []string
	Load       time.Duration // smithy.Load alone
	Generate   time.Duration // generator.Generate, which loads again
	Tests      time.Duration // the generated tests' run, as go test reports it
	Failed     stage         // stageOK when every step passed
	Detail     string        // the failing step's error text
	// EndpointCases counts the model's smithy.rules#endpointTests cases;
	// Endpoint is how their subtests of TestEndpoints ended.
	EndpointCases int
	Endpoint      endpointOutcome
}

func (r *result) fail(s stage, detail string) {
	r.Failed, r.Detail = s, strings.TrimRight(detail, "\n")
}

// generate loads the model, generates every operation of its service and
// writes the package to root/<package>. A panic is recorded as a failure of
// the step it happened in, since the generator must never panic. The
// endpoint resolver uses the facts of partitions.
func generate(m model, root string, partitions []byte) (r result) {
	r.model = m
	step := stageLoad
	defer func() {
		if v := recover(); v != nil {
			r.fail(step, fmt.Sprintf("panic: %v\n%s", v, debug.Stack()))
		}
	}()
	data, err := os.ReadFile(m.Path)
	if err != nil {
		r.fail(stageLoad, err.Error())
		return r
	}
	start := time.Now()
	sm, err := smithy.Load(m.File, data)
	r.Load = time.Since(start)
	if err != nil {
		r.fail(stageLoad, err.Error())
		return r
	}
	r.Shapes = len(sm.Shapes())
	if svc, err := plan.FindService(sm, ""); err == nil {
		r.Operations = len(sm.ServiceOperations(svc))
		if rs, err := ruleset.Parse(sm, svc); err == nil && rs != nil {
			r.EndpointCases = len(rs.Tests)
		}
	}

	step = stageGenerate
	start = time.Now()
	res, err := generator.Generate(generator.Options{ModelName: m.File, Model: data, Package: m.Package, EndpointPartitions: partitions, Client: true})
	r.Generate = time.Since(start)
	if err != nil {
		r.fail(stageGenerate, err.Error())
		return r
	}
	r.Warnings = res.Warnings

	step = stageWrite
	dir := filepath.Join(root, m.Package)
	if err := os.RemoveAll(dir); err != nil {
		r.fail(stageWrite, err.Error())
		return r
	}
	for _, f := range res.Files {
		name := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			r.fail(stageWrite, err.Error())
			return r
		}
		if err := os.WriteFile(name, f.Data, 0o644); err != nil {
			r.fail(stageWrite, err.Error())
			return r
		}
		if strings.HasSuffix(f.Name, ".go") {
			r.Lines += bytes.Count(f.Data, []byte("\n"))
		}
	}
	return r
}
