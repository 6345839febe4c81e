package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestMain doubles as the child process measure runs in these tests.
func TestMain(m *testing.M) {
	switch os.Getenv("BENCHGEN_CHILD") {
	case "":
		os.Exit(m.Run())
	case "work":
		// Touch 64 MB so the peak RSS has something to show.
		b := make([]byte, 64<<20)
		for i := 0; i < len(b); i += 4096 {
			b[i] = 1
		}
		runtime.KeepAlive(b)
		os.Exit(0)
	case "fail":
		fmt.Fprintln(os.Stderr, "child: the model is broken")
		os.Exit(3)
	case "hang":
		time.Sleep(time.Hour)
	}
}

func child(t *testing.T, mode string) string {
	t.Setenv("BENCHGEN_CHILD", mode)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return exe
}

func TestMeasure(t *testing.T) {
	exe := child(t, "work")
	s, _, err := measure(context.Background(), time.Minute, t.TempDir(), exe)
	if err != nil {
		t.Fatal(err)
	}
	if s.Wall <= 0 || s.User+s.Sys <= 0 {
		t.Errorf("no time recorded: %+v", s)
	}
	if runtime.GOOS == "linux" && s.RSS < 64<<20 {
		t.Errorf("peak RSS %d, want at least the 64 MB the child touched", s.RSS)
	}
}

func TestMeasureFailure(t *testing.T) {
	exe := child(t, "fail")
	_, _, err := measure(context.Background(), time.Minute, t.TempDir(), exe, "-flag")
	if err == nil {
		t.Fatal("a failing command gave no error")
	}
	for _, want := range []string{exe + " -flag", "exit status 3", "child: the model is broken"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestMeasureTimeout(t *testing.T) {
	exe := child(t, "hang")
	start := time.Now()
	_, _, err := measure(context.Background(), time.Second, t.TempDir(), exe)
	if err == nil || !strings.Contains(err.Error(), "gave up after 1s") {
		t.Errorf("got %v, want a timeout", err)
	}
	if d := time.Since(start); d > time.Second+waitDelay+5*time.Second {
		t.Errorf("a 1s timeout took %s", d)
	}
}

func TestLastLines(t *testing.T) {
	if got := lastLines([]byte("a\nb\nc\n"), 2); got != "…\nb\nc" {
		t.Errorf("got %q", got)
	}
	if got := lastLines([]byte("  \n"), 2); got != "" {
		t.Errorf("got %q from blank output", got)
	}
}

func TestParseModDownload(t *testing.T) {
	ok := `{
	"Path": "github.com/aws/aws-sdk-go",
	"Version": "v1.55.8",
	"Dir": "/root/go/pkg/mod/github.com/aws/aws-sdk-go@v1.55.8",
	"Sum": "h1:JRmEUbU52aJQZ2AjX4q4Wu7t4uZjOu71uyNmaWlUkJQ="
}`
	m, err := parseModDownload([]byte(ok))
	if err != nil || m.Dir != "/root/go/pkg/mod/github.com/aws/aws-sdk-go@v1.55.8" {
		t.Errorf("got %+v, %v", m, err)
	}
	bad := `{"Path": "github.com/aws/aws-sdk-go", "Version": "v1.55.8", "Error": "connection refused"}`
	if _, err := parseModDownload([]byte(bad)); err == nil || err.Error() != "connection refused" {
		t.Errorf("got %v, want the Error field", err)
	}
	if _, err := parseModDownload([]byte(`{"Path": "x", "Version": "v1"}`)); err == nil {
		t.Error("no Dir gave no error")
	}
	if _, err := parseModDownload(nil); err == nil {
		t.Error("no output gave no error")
	}
}

// offlineEnv points the go command at proxy with an empty module cache,
// so nothing already downloaded can answer.
func offlineEnv(t *testing.T, proxy string) []string {
	return []string{"GOPROXY=" + proxy, "GOMODCACHE=" + t.TempDir(), "GOFLAGS=-modcacherw",
		"GOSUMDB=off", "GOTOOLCHAIN=local", "GOWORK=off"}
}

func TestDownloadPeerProxyRefused(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	proxy := "http://" + l.Addr().String()
	l.Close()
	_, err = downloadPeer(context.Background(), time.Minute, t.TempDir(), offlineEnv(t, proxy), peerVersion)
	if err == nil {
		t.Fatal("no error with the proxy down")
	}
	t.Log(err)
	for _, want := range []string{"fetching the peer github.com/aws/aws-sdk-go@v1.55.8", "GOPROXY=" + proxy, "connection refused"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

// TestDownloadPeerProxyHangs is a proxy that accepts connections and never
// answers: the fetch must give up, not hang.
func TestDownloadPeerProxyHangs(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		var conns []net.Conn // held open, unanswered
		defer func() {
			for _, c := range conns {
				c.Close()
			}
		}()
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			conns = append(conns, c)
		}
	}()
	start := time.Now()
	_, err = downloadPeer(context.Background(), 3*time.Second, t.TempDir(), offlineEnv(t, "http://"+l.Addr().String()), peerVersion)
	t.Log(err)
	if err == nil || !strings.Contains(err.Error(), "gave up after 3s") {
		t.Errorf("got %v, want a timeout", err)
	}
	if d := time.Since(start); d > 3*time.Second+waitDelay+15*time.Second {
		t.Errorf("a 3s timeout took %s", d)
	}
}

func TestRunSkipsWithoutShared(t *testing.T) {
	var stdout, stderr strings.Builder
	dir := t.TempDir()
	if code := run([]string{"-shared", dir, "-o", ""}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "skipped") || !strings.Contains(stdout.String(), dir) {
		t.Errorf("stdout %q does not say what is missing", stdout.String())
	}
}

func TestRunUsage(t *testing.T) {
	var stdout, stderr strings.Builder
	if code := run([]string{"-n", "0"}, &stdout, &stderr); code != 2 {
		t.Errorf("-n 0: exit %d, want 2", code)
	}
	if code := run([]string{"extra"}, &stdout, &stderr); code != 2 {
		t.Errorf("an argument: exit %d, want 2", code)
	}
}
