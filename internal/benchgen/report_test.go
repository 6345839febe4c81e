package main

import (
	"strings"
	"testing"
	"time"
)

func TestMachineParsers(t *testing.T) {
	cpuinfo := "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\ncpu MHz\t\t: 2450.000\n\n" +
		"processor\t: 1\nmodel name\t: AMD EPYC 7B13\n"
	if got := cpuModel(cpuinfo); got != "AMD EPYC 7B13" {
		t.Errorf("cpuModel = %q", got)
	}
	if got := cpuModel("processor\t: 0\n"); got != "unknown" {
		t.Errorf("cpuModel without a model name = %q", got)
	}
	// 24641536 kB is 23.5 GiB.
	if got := memTotal("MemTotal:       24641536 kB\nMemFree:         1000 kB\n"); got != "23.5 GiB" {
		t.Errorf("memTotal = %q", got)
	}
	if got := memTotal("MemFree: 1 kB\n"); got != "unknown" {
		t.Errorf("memTotal without MemTotal = %q", got)
	}
	if got := loadAverage("4.29 6.16 7.21 3/109 10989\n"); got != "4.29 6.16 7.21" {
		t.Errorf("loadAverage = %q", got)
	}
	for flag, want := range map[string]string{"1\n": "on", "0\n": "off", "": "unknown"} {
		if got := autogroup(flag); got != want {
			t.Errorf("autogroup(%q) = %q, want %q", flag, got, want)
		}
	}
	if got := loadAverage(""); got != "unknown" {
		t.Errorf("loadAverage of nothing = %q", got)
	}
}

func ms(n float64) time.Duration { return time.Duration(n * float64(time.Millisecond)) }

// fixture has round numbers, so every verdict below can be worked out by
// hand: medians 100 ms, 1 s and 2 s; the load 50 ms; EC2 3 s against 4 s.
func fixture() *results {
	s := func(wallMs float64, rss int64) sample {
		return sample{Wall: ms(wallMs), User: ms(wallMs / 2), RSS: rss}
	}
	return &results{
		Load:    []map[string]float64{{"ns/op": 40e6}, {"ns/op": 50e6}, {"ns/op": 70e6}},
		OneOp:   []sample{s(90, 40e6), s(100, 40e6), s(300, 40e6)},
		Whole:   []sample{s(1000, 200e6), s(900, 310e6), s(1200, 250e6)},
		Peer:    []sample{s(2000, 100e6), s(2500, 100e6), s(1800, 100e6)},
		EC2:     []sample{s(3000, 250e6), s(2900, 250e6), s(3100, 260e6)},
		PeerEC2: []sample{s(4000, 150e6), s(4100, 150e6), s(3900, 150e6)},
	}
}

func TestTargets(t *testing.T) {
	got := map[string]target{}
	for _, tg := range fixture().targets() {
		got[tg.What] = tg
	}
	for what, want := range map[string]struct {
		got float64
		met bool
	}{
		"ours, load (in process), median":                          {50e6, true},
		"ours, one operation, wall median":                         {100e6, true},
		"ours, whole service, wall median":                         {1e9, true},
		"ours, whole service, peak RSS (worst run)":                {310e6, false},
		"SageMaker, ours whole / peer whole, wall medians":         {0.5, true},
		"SageMaker, ours one operation / peer whole, wall medians": {0.05, true},
		"whole EC2, ours / peer, wall medians":                     {0.75, true},
	} {
		tg, ok := got[what]
		if !ok {
			t.Errorf("no target %q", what)
			continue
		}
		if d := tg.Got - want.got; d > 1e-9*want.got || d < -1e-9*want.got {
			t.Errorf("%s = %v, want %v", what, tg.Got, want.got)
		}
		if tg.met() != want.met {
			t.Errorf("%s: met = %v, want %v", what, tg.met(), want.met)
		}
	}
	if len(got) != 7 {
		t.Errorf("%d targets, want 7", len(got))
	}

	// Slower than the peer misses the ratio target.
	r := fixture()
	r.Whole = append(r.Whole, sample{Wall: ms(5000)}, sample{Wall: ms(5000)}, sample{Wall: ms(5000)}, sample{Wall: ms(5000)})
	for _, tg := range r.targets() {
		if tg.What == "SageMaker, ours whole / peer whole, wall medians" && (tg.met() || tg.Got != 2.5) {
			t.Errorf("ratio %v met=%v, want 2.5 and missed", tg.Got, tg.met())
		}
	}
	r = fixture()
	r.EC2 = []sample{{Wall: ms(5000)}}
	for _, tg := range r.targets() {
		if tg.What == "whole EC2, ours / peer, wall medians" && (tg.met() || tg.Got != 1.25) {
			t.Errorf("EC2 ratio %v met=%v, want 1.25 and missed", tg.Got, tg.met())
		}
	}
}

func TestFormats(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{dur(1.5e9), "1.50 s"},
		{dur(999.6e6), "1.00 s"},
		{dur(999.4e6), "999 ms"},
		{dur(120e6), "120 ms"},
		{dur(9.44e6), "9.4 ms"},
		{mb(300e6), "300 MB"},
		{mb(0), "n/a"},
		{times(0.2), "0.20"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// TestRender checks the document's tables are well formed and agree with
// the verdicts.
func TestRender(t *testing.T) {
	r := fixture()
	r.Machine.Autogroup = "on"
	r.Machine.Scratch = "/dev/shm (tmpfs)"
	r.WholeLines = lineCount{Files: 22, Lines: 127278, TestLines: 58418, AllFiles: 1141}
	doc := render(r)
	var cols int
	for i, line := range strings.Split(doc, "\n") {
		if !strings.HasPrefix(line, "|") {
			cols = 0
			continue
		}
		n := strings.Count(line, "|")
		if cols == 0 {
			cols = n
		} else if n != cols {
			t.Errorf("line %d has %d cells, its table %d: %s", i+1, n-1, cols-1, line)
		}
	}
	if n := strings.Count(doc, "| **no** |"); n != 1 {
		t.Errorf("%d targets marked missed, want 1 (memory)", n)
	}
	for _, want := range []string{
		"| ours, whole service | 3 | 1.00 s | 900 ms |",
		"| peer, whole service | 3 | 2.00 s | 1.80 s |",
		"| ours, whole EC2 | 3 | 3.00 s | 2.90 s |",
		"| peer, whole EC2 | 3 | 4.00 s | 3.90 s |",
		"| whole EC2, ours / peer, wall medians | 0.75 | ≤ 1.00 | yes |",
		"In CPU time (user+sys medians) they are 0.50 (whole), 0.05 (one operation) and 0.75 (whole EC2)",
		"| ours, whole service | 1141 | 22 | 127278 | 58418 |",
		"1 of 7 targets missed",
		"- scheduler autogroup: on",
		"each writing\ninto a fresh directory under /dev/shm (tmpfs);",
		"Both keep the disk out of the figures",
		"wall time follows CPU time",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document lacks %q:\n%s", want, doc)
		}
	}
	if strings.Contains(doc, "wire code") || !strings.Contains(doc, "For SageMaker ours also writes awsJson1_1 serializers") {
		t.Error("the document mentions skipped wire code though none was reported, or not the wire code written")
	}
}

func TestWireSkipped(t *testing.T) {
	// Our CLI's stderr on SageMaker, verbatim.
	out := "smithy2go: warning: com.amazonaws.sagemaker#AlarmName: pattern \"^(?!\\\\s*$).+$\" is not checked: lookaround (?!: Go's regexp cannot express this pattern\n" +
		"smithy2go: warning: com.amazonaws.sagemaker#SageMaker: wire code skipped: smithy2go does not support aws.protocols#awsJson1_1 yet\n"
	want := "com.amazonaws.sagemaker#SageMaker: wire code skipped: smithy2go does not support aws.protocols#awsJson1_1 yet"
	if got := wireSkipped([]byte(out)); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := wireSkipped([]byte("smithy2go: warning: something else\n")); got != "" {
		t.Errorf("got %q from no such warning", got)
	}
}
