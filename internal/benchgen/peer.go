package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The peer is aws-sdk-go v1's own code generator, which reads the
// service's older JSON model format.
const (
	peerModule  = "github.com/aws/aws-sdk-go"
	peerVersion = "v1.55.8"
	peerCommand = peerModule + "/private/model/cli/gen-api"
	// peerModel is in the peer module; docs-2.json and the other files
	// beside it are read too.
	peerModel = "models/apis/sagemaker/2017-07-24/api-2.json"
	// peerEC2Version is the release of 2021-11-19, the day of the SDK v2
	// release made from our whole EC2 model (service/ec2 v1.23.0): its EC2
	// model has the same 473 operations. Only its model files are used; the
	// peer's generator is peerVersion's.
	peerEC2Version = "v1.42.9"
	peerEC2Model   = "models/apis/ec2/2016-11-15/api-2.json"
)

// modInfo is the part of "go mod download -json" output used here.
type modInfo struct {
	Path, Version, Dir, Error string
}

// parseModDownload reads "go mod download -json" output, which carries
// the reason in Error when the module could not be fetched.
func parseModDownload(out []byte) (modInfo, error) {
	var m modInfo
	if err := json.Unmarshal(out, &m); err != nil {
		return modInfo{}, fmt.Errorf("reading go mod download output: %v", err)
	}
	if m.Error != "" {
		return modInfo{}, fmt.Errorf("%s", m.Error)
	}
	if m.Dir == "" {
		return modInfo{}, fmt.Errorf("go mod download gave no module directory for %s@%s", m.Path, m.Version)
	}
	return m, nil
}

// downloadPeer fetches a version of the peer module through the Go module
// proxy (or finds it in the module cache) and returns its directory.
func downloadPeer(ctx context.Context, timeout time.Duration, dir string, env []string, version string) (string, error) {
	mod := peerModule + "@" + version
	out, err := goCmd(ctx, timeout, dir, env, "mod", "download", "-json", mod)
	m, perr := parseModDownload(out)
	if err == nil || perr != nil && len(bytes.TrimSpace(out)) > 0 {
		// The JSON's Error, when there is one, names the real cause.
		err = perr
	}
	if err != nil {
		return "", fmt.Errorf("fetching the peer %s through the Go module proxy (GOPROXY=%s): %v", mod, goProxy(ctx, dir, env), err)
	}
	return m.Dir, nil
}

// goProxy is the proxy setting the go command uses, for error messages.
func goProxy(ctx context.Context, dir string, env []string) string {
	out, err := goCmd(ctx, 10*time.Second, dir, env, "env", "GOPROXY")
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(out))
}

// buildPeer builds gen-api into bin from a scratch module in dir that
// requires the peer module; the module cache itself is read-only.
func buildPeer(ctx context.Context, timeout time.Duration, dir, bin string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	gomod := "module benchgen.peer\n\ngo 1.19\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		return err
	}
	// GOWORK=off keeps any go.work above the temp dir out of it.
	env := []string{"GOWORK=off"}
	if _, err := goCmd(ctx, timeout, dir, env, "get", peerModule+"@"+peerVersion); err != nil {
		return fmt.Errorf("adding the peer to a scratch module: %v", err)
	}
	if _, err := goCmd(ctx, timeout, dir, env, "build", "-tags", "codegen", "-o", bin, peerCommand); err != nil {
		return fmt.Errorf("building the peer: %v", err)
	}
	return nil
}
