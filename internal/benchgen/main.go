// Command benchgen times smithy2go on the largest AWS model and on AWS's
// whole EC2 model of 2021 against a peer, aws-sdk-go v1's own generator, on
// the same machine in one run: load in process, then one operation, the
// whole service and the peer's whole service as whole processes,
// interleaved. It prints the results and writes docs/bench-gen.md.
//
//	go run ./internal/benchgen          # or: make bench-gen
//	go run ./internal/benchgen -n 9 -o ''
//
// The peer is fetched through the Go module proxy; with no proxy the
// command fails within -timeout. Without ../shared it skips.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const (
	sagemaker = "sagemaker-2017-07-24.json"
	// ec2Full is AWS's whole EC2 model of 2021, in its own directory of
	// the shared data.
	ec2Full = "ec2-2016-11-15.2021-11-18.json"
)

type config struct {
	root, shared, out string
	scratch           string // where the generators write
	runs              int
	timeout, runLimit time.Duration
	keep, strict      bool
	progress          io.Writer
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("benchgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.IntVar(&c.runs, "n", 5, "timed runs of each measurement")
	fs.StringVar(&c.shared, "shared", "", "the shared data `directory` (default: ../shared beside the module)")
	fs.StringVar(&c.out, "o", filepath.Join("docs", "bench-gen.md"), "results `file`, relative to the module root; empty writes none")
	fs.DurationVar(&c.timeout, "timeout", 3*time.Minute, "limit for each fetch or build step")
	fs.DurationVar(&c.runLimit, "run-timeout", 5*time.Minute, "limit for each measured run")
	fs.StringVar(&c.scratch, "scratch", defaultScratch(), "the `directory` to hold the scratch directory and the generators' output")
	fs.BoolVar(&c.keep, "keep", false, "keep the scratch directory")
	fs.BoolVar(&c.strict, "strict", false, "exit 1 when a target is missed")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || c.runs < 1 {
		fmt.Fprintln(stderr, "benchgen: usage: benchgen [-n runs] [-o file] [flags]; -n must be at least 1")
		return 2
	}
	c.progress = stderr
	root, err := moduleRoot()
	if err != nil {
		fmt.Fprintf(stderr, "benchgen: %v\n", err)
		return 1
	}
	c.root = root
	if c.shared == "" {
		c.shared = filepath.Join(root, "..", "shared")
	}
	model := filepath.Join(c.shared, "models", "aws", sagemaker)
	ec2Model := filepath.Join(c.shared, "models", "ec2-full", ec2Full)
	for _, m := range []string{model, ec2Model} {
		if _, err := os.Stat(m); err != nil {
			fmt.Fprintf(stdout, "benchgen: skipped: %s is missing\n", m)
			return 0
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	r, err := bench(ctx, c, model, ec2Model)
	if err != nil {
		fmt.Fprintf(stderr, "benchgen: %v\n", err)
		return 1
	}
	doc := render(r)
	fmt.Fprint(stdout, doc)
	if c.out != "" {
		path := c.out
		if !filepath.IsAbs(path) {
			path = filepath.Join(root, path)
		}
		if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
			fmt.Fprintf(stderr, "benchgen: %v\n", err)
			return 1
		}
		fmt.Fprintf(stderr, "benchgen: wrote %s\n", path)
	}
	for _, t := range r.targets() {
		if c.strict && !t.met() {
			fmt.Fprintf(stderr, "benchgen: target missed: %s: %s > %s\n", t.What, t.Format(t.Got), t.Format(t.Limit))
			return 1
		}
	}
	return 0
}

// bench builds both generators and measures them.
func bench(ctx context.Context, c config, model, ec2Model string) (*results, error) {
	r := &results{}
	r.Machine = machineInfo(ctx, c.root)
	tmp, err := os.MkdirTemp(c.scratch, "benchgen-")
	if err != nil {
		return nil, err
	}
	r.Machine.Scratch = filepath.Dir(tmp)
	if isTmpfs(tmp) {
		r.Machine.Scratch += " (tmpfs)"
	}
	if c.keep {
		fmt.Fprintf(c.progress, "benchgen: scratch directory %s\n", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}

	fmt.Fprintln(c.progress, "benchgen: building smithy2go")
	ours := filepath.Join(tmp, "smithy2go")
	if _, err := goCmd(ctx, c.timeout, c.root, nil, "build", "-o", ours, "./cmd/smithy2go"); err != nil {
		return nil, fmt.Errorf("building smithy2go: %v", err)
	}
	fmt.Fprintf(c.progress, "benchgen: fetching and building the peer, %s@%s\n", peerModule, peerVersion)
	modDir, err := downloadPeer(ctx, c.timeout, tmp, nil, peerVersion)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(c.progress, "benchgen: fetching the peer's EC2 model of 2021, %s@%s\n", peerModule, peerEC2Version)
	ec2ModDir, err := downloadPeer(ctx, c.timeout, tmp, nil, peerEC2Version)
	if err != nil {
		return nil, err
	}
	peer := filepath.Join(tmp, "gen-api")
	if err := buildPeer(ctx, c.timeout, filepath.Join(tmp, "peermod"), peer); err != nil {
		return nil, err
	}
	peerInput := filepath.Join(modDir, filepath.FromSlash(peerModel))
	peerEC2Input := filepath.Join(ec2ModDir, filepath.FromSlash(peerEC2Model))
	r.Machine.OurModel = sizedName(model)
	r.Machine.PeerModel = sizedName(peerInput) + " with " + sizedName(filepath.Join(filepath.Dir(peerInput), "docs-2.json"))
	r.Machine.OurEC2Model = sizedName(ec2Model)
	r.Machine.PeerEC2Model = sizedName(peerEC2Input) + " with " + sizedName(filepath.Join(filepath.Dir(peerEC2Input), "docs-2.json"))

	fmt.Fprintln(c.progress, "benchgen: timing the load in process")
	out, err := goCmd(ctx, c.runLimit*time.Duration(c.runs), c.root, nil, "test", "-run", "^$",
		"-bench", "^BenchmarkLoadSagemaker$", "-benchtime", "20x", "-count", strconv.Itoa(c.runs), "./generator/smithy")
	if err != nil {
		return nil, fmt.Errorf("load benchmark: %v", err)
	}
	if r.Load, err = parseBench(out, "BenchmarkLoadSagemaker"); err != nil {
		return nil, fmt.Errorf("load benchmark: %v", err)
	}

	type job struct {
		name    string
		bin     string
		args    func(out string) []string
		samples *[]sample
		lines   *lineCount
	}
	jobs := []job{
		{"ours, one operation", ours, func(out string) []string {
			return []string{"-model", model, "-out", filepath.Join(out, "sagemaker"), "-operation", "CreateTrainingJob"}
		}, &r.OneOp, &r.OneOpLines},
		{"ours, whole service", ours, func(out string) []string {
			return []string{"-model", model, "-out", filepath.Join(out, "sagemaker")}
		}, &r.Whole, &r.WholeLines},
		{"peer, whole service", peer, func(out string) []string {
			return []string{"-path", out, peerInput}
		}, &r.Peer, &r.PeerLines},
		{"ours, whole EC2", ours, func(out string) []string {
			return []string{"-model", ec2Model, "-out", filepath.Join(out, "ec2")}
		}, &r.EC2, &r.EC2Lines},
		{"peer, whole EC2", peer, func(out string) []string {
			return []string{"-path", out, peerEC2Input}
		}, &r.PeerEC2, &r.PeerEC2Lines},
	}
	// Round 0 warms the page cache and is not timed; its output is the
	// one counted.
	for round := 0; round <= c.runs; round++ {
		var line []string
		for k := range jobs {
			j := jobs[(k+round)%len(jobs)]
			dir := filepath.Join(tmp, "out", fmt.Sprintf("%d-%d", round, k))
			s, output, err := measure(ctx, c.runLimit, tmp, j.bin, j.args(dir)...)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", j.name, err)
			}
			if round == 0 {
				if *j.lines, err = countGoLines(dir); err != nil {
					return nil, err
				}
				if j.bin == ours && r.WireSkipped == "" {
					r.WireSkipped = wireSkipped(output)
				}
			} else {
				*j.samples = append(*j.samples, s)
			}
			// Outputs stay until the end, with the scratch directory:
			// on ext4, creating a thousand files just after a thousand
			// were removed from the same place costs a large share of a
			// second of system time (the inode allocator steps over each
			// recently freed inode), a cost of this harness and not of
			// the generator.
			line = append(line, fmt.Sprintf("%s %s", j.name, dur(float64(s.Wall))))
		}
		what := fmt.Sprintf("round %d/%d", round, c.runs)
		if round == 0 {
			what = "warm-up"
		}
		fmt.Fprintf(c.progress, "benchgen: %s: %s\n", what, strings.Join(line, ", "))
	}
	r.Machine.LoadEnd = readLoad()
	return r, nil
}

var wireWarning = regexp.MustCompile(`(?m)^smithy2go: warning: (.*wire code skipped.*)$`)

// wireSkipped is our CLI's warning that the model's protocol got no wire
// code, or "".
func wireSkipped(output []byte) string {
	if m := wireWarning.FindSubmatch(output); m != nil {
		return string(m[1])
	}
	return ""
}

func machineInfo(ctx context.Context, root string) machine {
	m := machine{When: time.Now(), NProc: runtime.NumCPU(), CPU: "unknown", Memory: "unknown", Go: "unknown"}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		m.CPU = cpuModel(string(b))
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		m.Memory = memTotal(string(b))
	}
	if out, err := goCmd(ctx, time.Minute, root, nil, "env", "GOVERSION"); err == nil {
		m.Go = strings.TrimSpace(string(out))
	}
	m.Autogroup = "unknown"
	if b, err := os.ReadFile("/proc/sys/kernel/sched_autogroup_enabled"); err == nil {
		m.Autogroup = autogroup(string(b))
	}
	m.LoadStart = readLoad()
	return m
}

func readLoad() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return loadAverage(string(b))
}

// sizedName is a file's base name with its size.
func sizedName(path string) string {
	name := filepath.Base(path)
	fi, err := os.Stat(path)
	if err != nil {
		return name
	}
	return fmt.Sprintf("%s (%.1f MB)", name, float64(fi.Size())/1e6)
}

// defaultScratch is /dev/shm when it is a tmpfs, else the temporary
// directory. Our output is over a thousand files, the peer's six: on a
// disk, creating a file can cost from tens of microseconds to a
// millisecond of system time depending on what other jobs just removed
// (ext4 without a journal steps over recently freed inodes one by one),
// so the ratio would measure the disk's recent history more than the
// generators.
func defaultScratch() string {
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() && isTmpfs("/dev/shm") {
		return "/dev/shm"
	}
	return os.TempDir()
}

// moduleRoot is the directory holding go.mod, at or above the working
// directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("run benchgen inside the smithy2go module: no go.mod above the working directory")
		}
		dir = parent
	}
}
