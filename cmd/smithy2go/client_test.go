package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestClientFlag: the client is on by default and -client=false leaves it,
// and the SDK with it, out.
func TestClientFlag(t *testing.T) {
	for _, c := range []struct {
		args   []string
		client bool
	}{{nil, true}, {[]string{"-client=false"}, false}} {
		dir := t.TempDir()
		mustRun(t, append([]string{"-out", dir, "-package", "ec2"}, c.args...)...)
		for _, name := range []string{"client.go", "client_operations.go", "runtime_client.go"} {
			if _, err := os.Stat(filepath.Join(dir, name)); (err == nil) != c.client {
				t.Errorf("flags %v: %s exists %v, want %v", c.args, name, err == nil, c.client)
			}
		}
	}
}
