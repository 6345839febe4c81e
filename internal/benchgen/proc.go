package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// sample is what one whole-process run cost.
type sample struct {
	Wall, User, Sys time.Duration
	RSS             int64 // peak resident set in bytes; 0 when unknown
}

// waitDelay bounds how long a killed command may hold its output pipes,
// so a timeout can never turn into a hang.
const waitDelay = 5 * time.Second

// measure runs bin as a whole process in dir and returns its combined
// output too.
func measure(ctx context.Context, timeout time.Duration, dir, bin string, args ...string) (sample, []byte, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	cmd.WaitDelay = waitDelay
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, nil, commandError(ctx, timeout, cmd, err, out.Bytes())
	}
	s := sample{Wall: wall, User: cmd.ProcessState.UserTime(), Sys: cmd.ProcessState.SystemTime()}
	s.RSS, _ = peakRSS(cmd.ProcessState)
	return s, out.Bytes(), nil
}

// goCmd runs the go command in dir with extra environment settings and
// returns its standard output; on failure the error carries stderr.
func goCmd(ctx context.Context, timeout time.Duration, dir string, env []string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.WaitDelay = waitDelay
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.Bytes(), commandError(ctx, timeout, cmd, err, stderr.Bytes())
	}
	return stdout.Bytes(), nil
}

// commandError says which command failed and how, with the end of its
// output.
func commandError(ctx context.Context, timeout time.Duration, cmd *exec.Cmd, err error, output []byte) error {
	line := strings.Join(cmd.Args, " ")
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%s: gave up after %s", line, timeout)
	}
	if ctx.Err() != nil {
		return fmt.Errorf("%s: %v", line, ctx.Err())
	}
	if tail := lastLines(output, 20); tail != "" {
		return fmt.Errorf("%s: %v\n%s", line, err, tail)
	}
	return fmt.Errorf("%s: %v", line, err)
}

// lastLines is the end of a command's output, trimmed.
func lastLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > n {
		lines = append([]string{"…"}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "\n")
}
