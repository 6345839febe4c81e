package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/smithy2go/smithy2go/generator"
	"github.com/smithy2go/smithy2go/generator/output"
)

// program is one of the measured programs: a main package of the scratch
// module.
type program struct {
	dir, name, what string
	main            string
}

// The model the programs call, and its operation; service/ec2 at the
// version interop/sdk344 pins matches it.
const (
	model     = "models/ec2-interruptible-capacity-reservation.2026-09.json"
	operation = "CreateInterruptibleCapacityReservationAllocation"
)

var programs = []program{
	{dir: "floor", name: "floor (standard library)", what: "our package generated with `-client=false`: `NewRequest`, `http.DefaultClient.Do`, `UnmarshalResponse`", main: `package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"

	"benchbuild.local/ec2plain"
)

func main() {
	n, id := int32(1), "cr-1234567890abcdef0"
	in := &ec2plain.CreateInterruptibleCapacityReservationAllocationInput{CapacityReservationId: &id, InstanceCount: &n}
	req, err := in.NewRequest(context.Background(), "https://ec2.us-east-1.amazonaws.com")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 {
		fmt.Fprintln(os.Stderr, resp.Status, ec2plain.UnmarshalError(body))
		os.Exit(1)
	}
	var out ec2plain.CreateInterruptibleCapacityReservationAllocationOutput
	fmt.Println(out.UnmarshalResponse(body), out.Status)
}
`},
	{dir: "static", name: "ours, static credentials", what: "our client, `New` with a credentials function (the SDK's core modules only)", main: `package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"

	"benchbuild.local/ec2client"
)

func main() {
	c := ec2client.New(ec2client.Options{
		Region: "us-east-1",
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: os.Getenv("AWS_ACCESS_KEY_ID"), SecretAccessKey: os.Getenv("AWS_SECRET_ACCESS_KEY")}, nil
		}),
	})
	out, err := c.CreateInterruptibleCapacityReservationAllocation(context.Background(), &ec2client.CreateInterruptibleCapacityReservationAllocationInput{
		CapacityReservationId: aws.String("cr-1234567890abcdef0"),
		InstanceCount:         aws.Int32(1),
	})
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		fmt.Fprintln(os.Stderr, apiErr.ErrorCode(), apiErr.ErrorMessage())
		os.Exit(1)
	}
	fmt.Println(out, err)
}
`},
	{dir: "config", name: "ours, LoadDefaultConfig", what: "our client, `config.LoadDefaultConfig` and `NewFromConfig`", main: `package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/smithy-go"

	"benchbuild.local/ec2client"
)

func main() {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	c := ec2client.NewFromConfig(cfg)
	out, err := c.CreateInterruptibleCapacityReservationAllocation(ctx, &ec2client.CreateInterruptibleCapacityReservationAllocationInput{
		CapacityReservationId: aws.String("cr-1234567890abcdef0"),
		InstanceCount:         aws.Int32(1),
	})
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		fmt.Fprintln(os.Stderr, apiErr.ErrorCode(), apiErr.ErrorMessage())
		os.Exit(1)
	}
	fmt.Println(out, err)
}
`},
	{dir: "sdk", name: "SDK", what: "the SDK's `service/ec2` client, `config.LoadDefaultConfig` and `NewFromConfig`", main: `package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/smithy-go"
)

func main() {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	c := ec2.NewFromConfig(cfg)
	out, err := c.CreateInterruptibleCapacityReservationAllocation(ctx, &ec2.CreateInterruptibleCapacityReservationAllocationInput{
		CapacityReservationId: aws.String("cr-1234567890abcdef0"),
		InstanceCount:         aws.Int32(1),
	})
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		fmt.Fprintln(os.Stderr, apiErr.ErrorCode(), apiErr.ErrorMessage())
		os.Exit(1)
	}
	fmt.Println(out, err)
}
`},
}

// prepare writes the scratch module: the two generated packages, the
// programs, and a go.mod that pins the SDK where this repository's
// modules do, tidied (downloads, if any, are not timed).
func (c *config) prepare(ctx context.Context, dir string, res *results) error {
	data, err := os.ReadFile(filepath.Join(c.root, model))
	if err != nil {
		return err
	}
	for pkg, client := range map[string]bool{"ec2client": true, "ec2plain": false} {
		gen, err := generator.Generate(generator.Options{ModelName: model, Model: data, Package: pkg, Operations: []string{operation}, Client: client})
		if err != nil {
			return err
		}
		var files []output.File
		for _, f := range gen.Files {
			if !strings.HasSuffix(f.Name, "_test.go") && !strings.HasPrefix(f.Name, "testdata/") {
				files = append(files, f)
			}
		}
		if _, err := output.Write(filepath.Join(dir, pkg), files); err != nil {
			return err
		}
	}
	for _, p := range programs {
		if err := os.MkdirAll(filepath.Join(dir, p.dir), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, p.dir, "main.go"), []byte(p.main), 0o644); err != nil {
			return err
		}
	}
	// The SDK's versions: interop/sdk344's for the service and core,
	// examples/downstream's for config.
	reqs := map[string]string{}
	var sums []string
	for _, m := range []string{"interop/sdk344", "examples/downstream", "."} {
		if err := readRequires(filepath.Join(c.root, m, "go.mod"), reqs); err != nil {
			return err
		}
		b, err := os.ReadFile(filepath.Join(c.root, m, "go.sum"))
		if err != nil {
			return err
		}
		sums = append(sums, strings.Split(strings.TrimSpace(string(b)), "\n")...)
	}
	mod := "module benchbuild.local\n\ngo 1.26.8\n\nrequire (\n"
	for _, path := range []string{"github.com/aws/aws-sdk-go-v2", "github.com/aws/aws-sdk-go-v2/config", "github.com/aws/aws-sdk-go-v2/service/ec2", "github.com/aws/smithy-go"} {
		if reqs[path] == "" {
			return fmt.Errorf("no module of this repository requires %s", path)
		}
		mod += "\t" + path + " " + reqs[path] + "\n"
		res.versions = append(res.versions, path+" "+reqs[path])
	}
	mod += ")\n"
	slices.Sort(sums)
	sums = slices.Compact(sums)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), []byte(strings.Join(sums, "\n")+"\n"), 0o644); err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, "go", "mod", "tidy")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go mod tidy in the scratch module: %v\n%s", err, out)
	}
	// Fill the module cache, untimed.
	cmd = exec.CommandContext(ctx, "go", "mod", "download")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go mod download in the scratch module: %v\n%s", err, out)
	}
	return nil
}

// readRequires adds the requirements of a go.mod to reqs; a version
// already there stays.
func readRequires(path string, reqs map[string]string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(strings.TrimPrefix(strings.TrimSpace(sc.Text()), "require "))
		if len(fields) >= 2 && strings.HasPrefix(fields[0], "github.com/aws/") && strings.HasPrefix(fields[1], "v") {
			if _, ok := reqs[fields[0]]; !ok {
				reqs[fields[0]] = fields[1]
			}
		}
	}
	return sc.Err()
}
