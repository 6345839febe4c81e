package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/smithy2go/smithy2go/generator/smithy"
)

// weatherIDL is a small awsQuery service in two IDL files.
var weatherIDL = map[string]string{
	"service.smithy": `$version: "2"
namespace example.weather

use aws.protocols#awsQuery

/// Forecasts.
@awsQuery
service Weather {
    version: "2024-01-01"
    operations: [GetForecast]
}

operation GetForecast {
    input := {
        @required
        City: CityName
        Days: Integer = 1
    }
    output := {
        Summary: String
    }
}
`,
	"types.smithy": `$version: "2"
namespace example.weather

@length(min: 1)
string CityName
`,
}

func writeWeather(t *testing.T, dir string) {
	t.Helper()
	for name, text := range weatherIDL {
		writeFile(t, filepath.Join(dir, name), text)
	}
}

// -model takes IDL files, directories of them, and can be repeated; JSON
// AST and IDL files mix.
func TestIDLModels(t *testing.T) {
	root := t.TempDir()
	models := filepath.Join(root, "models")
	writeWeather(t, models)
	writeFile(t, filepath.Join(models, "NOTICE.smithy"), "Copyright somebody\n")
	cases := []struct {
		name string
		args []string
		warn string
	}{
		{"directory", []string{"-model", models}, "skipped " + filepath.Join(models, "NOTICE.smithy") + ": not Smithy IDL"},
		{"files", []string{"-model", filepath.Join(models, "service.smithy"), "-model", filepath.Join(models, "types.smithy")}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "weather")
			stderr := mustRun(t, append(c.args, "-out", out)...)
			if c.warn != "" && !strings.Contains(stderr, "smithy2go: warning: "+c.warn) {
				t.Errorf("stderr lacks the warning %q:\n%s", c.warn, stderr)
			}
			_, types := goPackage(t, out)
			if !types["GetForecastInput"] || !types["GetForecastOutput"] {
				t.Errorf("types %v", types)
			}
			src := files(t, out)["types.go"]
			for _, want := range []string{"City *string", "Days *int32", "Summary *string"} {
				if !strings.Contains(src, want) {
					t.Errorf("types.go lacks %q", want)
				}
			}
		})
	}
	// The same model as one JSON AST file and one IDL file.
	jsonTypes := filepath.Join(root, "types.json")
	writeFile(t, jsonTypes, `{"smithy": "2.0", "shapes": {"example.weather#CityName": {"type": "string", "traits": {"smithy.api#length": {"min": 1}}}}}`)
	mixed := filepath.Join(t.TempDir(), "weather")
	mustRun(t, "-model", filepath.Join(models, "service.smithy"), "-model", jsonTypes, "-out", mixed)
	dir := filepath.Join(t.TempDir(), "weather")
	mustRun(t, "-model", filepath.Join(models, "service.smithy"), "-model", filepath.Join(models, "types.smithy"), "-out", dir)
	a, b := files(t, mixed), files(t, dir)
	for name, data := range b {
		// The header digests the files' bytes, which differ; the rest of
		// each file must not.
		if strip(a[name]) != strip(data) {
			t.Errorf("%s differs between the IDL and the mixed model", name)
		}
	}
}

func strip(s string) string {
	if i := strings.Index(s, "DO NOT EDIT."); i >= 0 {
		return s[i:]
	}
	return s
}

func TestASTCommand(t *testing.T) {
	dir := t.TempDir()
	writeWeather(t, dir)
	code, stdout, stderr := runCLI(t, "ast", dir)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	var doc struct {
		Smithy string                     `json:"smithy"`
		Shapes map[string]json.RawMessage `json:"shapes"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("%v in\n%s", err, stdout)
	}
	if doc.Smithy != "2.0" || len(doc.Shapes) != 5 {
		t.Errorf("smithy %q, %d shapes:\n%s", doc.Smithy, len(doc.Shapes), stdout)
	}
	// It is the merged model's own AST, and loads back to it.
	srcs, _, err := smithy.ReadSources(dir)
	if err != nil {
		t.Fatal(err)
	}
	m, err := smithy.LoadSources(srcs...)
	if err != nil {
		t.Fatal(err)
	}
	if stdout != string(m.AST()) {
		t.Error("ast prints something else than the model's AST")
	}
	back, err := smithy.Load("ast.json", []byte(stdout))
	if err != nil {
		t.Fatal(err)
	}
	if string(back.AST()) != stdout {
		t.Error("the printed AST does not load back to the same model")
	}

	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"ast"}, exitUsage, "name at least one model file or directory"},
		{[]string{"ast", "-bogus"}, exitUsage, "usage: smithy2go ast"},
		{[]string{"ast", filepath.Join(dir, "nope.smithy")}, exitError, "nope.smithy"},
		{[]string{"ast", filepath.Join(dir, "service.smithy")}, exitError, "target example.weather#CityName does not exist"},
	} {
		code, stdout, stderr := runCLI(t, c.args...)
		if code != c.code || stdout != "" || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d and %q", c.args, code, stdout, stderr, c.code, c.want)
		}
	}
	if code, stdout, _ := runCLI(t, "ast", "-h"); code != 0 || !strings.Contains(stdout, "usage: smithy2go ast") {
		t.Errorf("ast -h: exit %d\n%s", code, stdout)
	}
}

// Outside go generate a run says what it did in one line; under go
// generate it is quiet unless -v is given.
func TestSummaryLine(t *testing.T) {
	t.Setenv("GOFILE", "")
	t.Setenv("GOPACKAGE", "")
	out := filepath.Join(t.TempDir(), "ec2")
	first := mustRun(t, "-out", out)
	n := len(files(t, out))
	if n < 10 {
		t.Fatalf("%d files", n)
	}
	if want := out + ": " + strconv.Itoa(n) + " files, " + strconv.Itoa(n) + " written, 0 unchanged\n"; first != want {
		t.Errorf("first run: %q, want %q", first, want)
	}
	if want := out + ": " + strconv.Itoa(n) + " files, 0 written, " + strconv.Itoa(n) + " unchanged\n"; mustRun(t, "-out", out) != want {
		t.Errorf("second run: want %q", want)
	}
	t.Setenv("GOFILE", "gen.go")
	t.Setenv("GOPACKAGE", "downstream")
	if got := mustRun(t, "-out", out); got != "" {
		t.Errorf("under go generate: %q, want nothing", got)
	}
	if got := mustRun(t, "-out", out, "-v"); got != out+": "+strconv.Itoa(n)+" files, 0 written, "+strconv.Itoa(n)+" unchanged, 0 removed\n" {
		t.Errorf("under go generate with -v: %q", got)
	}
}

// Every unknown -operation is named, with the operation meant when one
// is close.
func TestUnknownOperations(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ec2")
	code, _, stderr := runCLI(t, "-out", out, "-operation", "Nope", "-operation", createOp,
		"-operation", strings.ToLower(updateOp), "-operation", "CreateInterruptibleCapacityReservationAllocaton")
	if code != exitError {
		t.Errorf("exit %d", code)
	}
	want := `service com.amazonaws.ec2#AmazonEC2 has no operations "Nope", "` + strings.ToLower(updateOp) +
		`" (did you mean "` + updateOp + `"?), "CreateInterruptibleCapacityReservationAllocaton" (did you mean "` + createOp + `"?)`
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks\n%s\n%s", want, stderr)
	}
}

// An AWS api-2.json, an OpenAPI document or other JSON gets one line
// saying what it is, not a problem per key.
func TestWrongModelFormat(t *testing.T) {
	dir := t.TempDir()
	c2j := filepath.Join(dir, "api-2.json")
	writeFile(t, c2j, `{"version": "2.0", "metadata": {"apiVersion": "2016-11-15", "protocol": "ec2"},
  "operations": {"A": {"name": "A"}}, "shapes": {"AInput": {"type": "structure", "members": {}}}}`)
	openapi := filepath.Join(dir, "openapi.json")
	writeFile(t, openapi, `{"openapi": "3.1.0", "paths": {}}`)
	for path, want := range map[string]string{c2j: "C2J format (api-2.json)", openapi: "OpenAPI"} {
		code, _, stderr := runCLI(t, "-model", path, "-out", filepath.Join(dir, "out"))
		if code != exitError || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, path+":1:1: ") || !strings.Contains(stderr, want) {
			t.Errorf("%s: exit %d, stderr %q", path, code, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("a failed run wrote its output")
	}
}
