// Command benchbuild measures what it costs to build, from cold, a program
// that makes one EC2 call (CreateInterruptibleCapacityReservationAllocation),
// four ways, in one run:
//
//   - floor: our generated package without its client, and net/http: the
//     standard library only;
//   - ours, static credentials: our generated client with a credentials
//     function, which needs only the SDK's core modules;
//   - ours, LoadDefaultConfig: our client configured by the SDK's config
//     module, as most programs will;
//   - SDK: the SDK's service/ec2 client configured by config.
//
// Every build starts from an empty GOCACHE (the module cache is warm:
// downloads are not timed), and the four are interleaved round by round,
// in an order that rotates. It prints the medians and writes
// docs/bench-build.md.
//
//	go run ./internal/benchbuild          # or: make bench-build
//	go run ./internal/benchbuild -n 5 -o ''
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type config struct {
	root, out string
	runs      int
	timeout   time.Duration
	keep      bool
	strict    bool
	progress  io.Writer
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("benchbuild", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.IntVar(&c.runs, "n", 3, "rounds; each builds every program once")
	fs.StringVar(&c.out, "o", filepath.Join("docs", "bench-build.md"), "results `file`, relative to the module root; empty writes none")
	fs.DurationVar(&c.timeout, "timeout", 15*time.Minute, "limit for each build")
	fs.BoolVar(&c.keep, "keep", false, "keep the scratch module and print where it is")
	fs.BoolVar(&c.strict, "strict", false, "exit 1 when a target is missed")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || c.runs < 1 {
		fmt.Fprintln(stderr, "benchbuild: usage: benchbuild [-n rounds] [-o file] [flags]; -n must be at least 1")
		return 2
	}
	c.progress = stderr
	root, err := moduleRoot()
	if err != nil {
		fmt.Fprintf(stderr, "benchbuild: %v\n", err)
		return 1
	}
	c.root = root
	res, err := c.measure(context.Background())
	if err != nil {
		fmt.Fprintf(stderr, "benchbuild: %v\n", err)
		return 1
	}
	report := res.markdown()
	fmt.Fprint(stdout, res.table())
	if c.out != "" {
		if err := os.WriteFile(filepath.Join(root, c.out), []byte(report), 0o644); err != nil {
			fmt.Fprintf(stderr, "benchbuild: %v\n", err)
			return 1
		}
		fmt.Fprintf(stderr, "benchbuild: wrote %s\n", c.out)
	}
	if c.strict && !res.met() {
		return 1
	}
	return 0
}

// moduleRoot finds smithy2go's module root from the working directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && strings.HasPrefix(string(b), "module github.com/smithy2go/smithy2go\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("run me inside the smithy2go module")
		}
		dir = parent
	}
}

// sample is what one cold build cost.
type sample struct {
	Wall, CPU time.Duration
	RSS       int64 // the peak resident set of any process of the build
}

// build builds pkg in mod from an empty build cache.
func (c *config) build(ctx context.Context, mod, pkg string) (sample, error) {
	cache, err := os.MkdirTemp("", "benchbuild-cache-")
	if err != nil {
		return sample{}, err
	}
	defer os.RemoveAll(cache)
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "build", "-o", os.DevNull, "./"+pkg)
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOCACHE="+cache, "GOFLAGS=-mod=readonly", "GOWORK=off", "GOPROXY=off")
	cmd.WaitDelay = 5 * time.Second
	out := &strings.Builder{}
	cmd.Stdout, cmd.Stderr = out, out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return sample{}, fmt.Errorf("go build ./%s: %v\n%s", pkg, err, out)
	}
	// The go command waits for the compiler and linker it starts, so
	// its usage counts theirs, and its peak resident set is the largest
	// of theirs (Linux's wait4).
	s := sample{Wall: time.Since(start), CPU: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	s.RSS, _ = peakRSS(cmd.ProcessState)
	return s, nil
}

// measure prepares the scratch module and builds every program in every
// round.
func (c *config) measure(ctx context.Context) (*results, error) {
	scratch, err := os.MkdirTemp("", "benchbuild-")
	if err != nil {
		return nil, err
	}
	if c.keep {
		fmt.Fprintln(c.progress, "benchbuild: scratch module in", scratch)
	} else {
		defer os.RemoveAll(scratch)
	}
	res := &results{started: time.Now(), load: loadAverage(), samples: map[string][]sample{}}
	if err := c.prepare(ctx, scratch, res); err != nil {
		return nil, err
	}
	for round := 0; round < c.runs; round++ {
		for i := range programs {
			p := programs[(i+round)%len(programs)]
			s, err := c.build(ctx, scratch, p.dir)
			if err != nil {
				return nil, err
			}
			fmt.Fprintf(c.progress, "  round %d/%d: %-28s cpu %6.1fs  wall %6.1fs  peak %5.0f MB\n",
				round+1, c.runs, p.name, s.CPU.Seconds(), s.Wall.Seconds(), float64(s.RSS)/1e6)
			res.samples[p.dir] = append(res.samples[p.dir], s)
		}
	}
	res.ended = time.Now()
	res.endLoad = loadAverage()
	res.cpus = runtime.NumCPU()
	return res, nil
}
