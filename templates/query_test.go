package templates

import (
	"encoding/base64"
	"errors"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// net/url's QueryEscape is what the SDK's url.Values.Encode applies.
func TestAppendQueryEscapeMatchesURL(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		s := rapid.OneOf(rapid.String(), rapid.StringOf(rapid.RuneFrom([]rune(" +/=&?%~-_.*!'()aZ9\x00\x7fé"))), rapid.StringN(0, 20, -1)).Draw(rt, "s")
		raw := string(rapid.SliceOf(rapid.Byte()).Draw(rt, "raw"))
		for _, in := range []string{s, raw} {
			want := url.QueryEscape(in)
			if got := string(appendQueryEscape([]byte("k="), in)); got != "k="+want {
				rt.Fatalf("appendQueryEscape(%q) = %q, want %q", in, got, "k="+want)
			}
			if got := string(appendQueryBytesEscape(nil, []byte(in))); got != want {
				rt.Fatalf("appendQueryBytesEscape(%q) = %q, want %q", in, got, want)
			}
		}
	})
	// Every byte value once.
	var all [256]byte
	for i := range all {
		all[i] = byte(i)
	}
	if got, want := string(appendQueryEscape(nil, string(all[:]))), url.QueryEscape(string(all[:])); got != want {
		t.Fatalf("all bytes:\n%q\nwant\n%q", got, want)
	}
	for in, want := range map[string]string{"a b": "a+b", "a+b": "a%2Bb", "é": "%C3%A9", "-_.~": "-_.~", "a=b&c": "a%3Db%26c", "*": "%2A", "": ""} {
		if got := string(appendQueryEscape(nil, in)); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

func FuzzAppendQueryEscape(f *testing.F) {
	f.Add("cr-1234567890abcdef0")
	f.Add("a b+c/d=e&f~g\x00\xff")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendQueryEscape(nil, s)), url.QueryEscape(s); got != want {
			t.Fatalf("%q: %q, want %q", s, got, want)
		}
		if got, want := string(appendQueryBlob([]byte("x"), []byte(s))), "x"+url.QueryEscape(base64.StdEncoding.EncodeToString([]byte(s))); got != want {
			t.Fatalf("blob %q: %q, want %q", s, got, want)
		}
	})
}

func TestAppendQueryFloat(t *testing.T) {
	cases := []struct {
		v    float64
		bits int
		want string
	}{
		{10.8, 64, "10.8"},                               // Ec2SimpleInputParamsFloat
		{math.NaN(), 64, "NaN"}, {math.NaN(), 32, "NaN"}, // Ec2QuerySupportsNaNFloatInputs
		{math.Inf(1), 64, "Infinity"}, {math.Inf(-1), 32, "-Infinity"},
		{float64(float32(0.1)), 32, "0.1"}, {float64(float32(0.1)), 64, "0.10000000149011612"},
		{1e21, 64, "1000000000000000000000"}, {1e-7, 64, "0.0000001"}, {-2.5, 64, "-2.5"}, {0, 64, "0"}, {3, 32, "3"},
	}
	for _, c := range cases {
		if got := string(appendQueryFloat(nil, c.v, c.bits)); got != c.want {
			t.Errorf("appendQueryFloat(%v, %d) = %q, want %q", c.v, c.bits, got, c.want)
		}
		// None of these need escaping.
		if url.QueryEscape(c.want) != c.want {
			t.Errorf("%q needs escaping", c.want)
		}
	}
}

func TestAppendQueryBlob(t *testing.T) {
	// Ec2SimpleInputParamsBlob: "value" is sent as dmFsdWU%3D.
	if got := string(appendQueryBlob([]byte("Qux="), []byte("value"))); got != "Qux=dmFsdWU%3D" {
		t.Fatalf("got %q", got)
	}
	rapid.Check(t, func(rt *rapid.T) {
		v := rapid.SliceOf(rapid.Byte()).Draw(rt, "v")
		prefix := rapid.SliceOfN(rapid.Byte(), 0, 8).Draw(rt, "prefix")
		spare := rapid.IntRange(0, 40).Draw(rt, "spare")
		b := append(make([]byte, 0, len(prefix)+spare), prefix...)
		want := string(prefix) + url.QueryEscape(base64.StdEncoding.EncodeToString(v))
		if got := string(appendQueryBlob(b, v)); got != want {
			rt.Fatalf("%x: %q, want %q", v, got, want)
		}
	})
	if got := appendQueryBlob(nil, nil); len(got) != 0 {
		t.Fatalf("empty blob gave %q", got)
	}
}

func TestAppendQueryTime(t *testing.T) {
	tm := time.Unix(1422172800, 0)
	// Ec2TimestampsInput
	if got := string(appendQueryTime(nil, tm, timeDateTime)); got != "2015-01-25T08%3A00%3A00Z" {
		t.Errorf("date-time %q", got)
	}
	if got := string(appendQueryTime(nil, tm, timeEpochSeconds)); got != "1422172800" {
		t.Errorf("epoch-seconds %q", got)
	}
	if got, want := string(appendQueryTime(nil, tm, timeHTTPDate)), url.QueryEscape("Sun, 25 Jan 2015 08:00:00 GMT"); got != want {
		t.Errorf("http-date %q, want %q", got, want)
	}
}

func TestQueryAppendNoAllocs(t *testing.T) {
	buf := make([]byte, 0, 512)
	tm := time.Unix(1422172800, 5e8)
	blob := []byte("some blob bytes ~~~ ???")
	n := testing.AllocsPerRun(100, func() {
		b := appendQueryEscape(buf[:0], "TagSpecification.1.Tag.1.Value")
		b = appendQueryEscape(b, "a b/c=d")
		b = appendQueryFloat(b, 10.8, 64)
		b = appendQueryBlob(b, blob)
		b = appendQueryTime(b, tm, timeDateTime)
		b = appendQueryTime(b, tm, timeHTTPDate)
		_ = appendQueryTime(b, tm, timeEpochSeconds)
	})
	if n != 0 {
		t.Fatalf("%v allocations, want 0", n)
	}
}

// sdkBody is /work/shared/peer/sdk-body.2026-09.txt: the SDK's body for the
// sample input.
const sdkBody = "Action=CreateInterruptibleCapacityReservationAllocation&CapacityReservationId=cr-1234567890abcdef0&ClientToken=token-1&DryRun=true&InstanceCount=3&TagSpecification.1.ResourceType=capacity-reservation&TagSpecification.1.Tag.1.Key=team&TagSpecification.1.Tag.1.Value=ml&TagSpecification.1.Tag.2.Key=env&TagSpecification.1.Tag.2.Value=prod&Version=2016-11-15&ZeroSizePreference=retain"

// A body built pair by pair with these helpers matches the SDK's bytes.
func TestQueryBodyMatchesSDK(t *testing.T) {
	if b, err := os.ReadFile(filepath.Join("..", "..", "shared", "peer", "sdk-body.2026-09.txt")); err == nil {
		if string(b) != sdkBody {
			t.Fatalf("sdkBody differs from shared/peer/sdk-body.2026-09.txt")
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	body := buildSampleBody(nil)
	if string(body) != sdkBody {
		t.Fatalf("got\n%s\nwant\n%s", body, sdkBody)
	}
}

func buildSampleBody(b []byte) []byte {
	pair := func(b []byte, k, v string) []byte {
		if len(b) > 0 {
			b = append(b, '&')
		}
		b = appendQueryEscape(b, k)
		b = append(b, '=')
		return appendQueryEscape(b, v)
	}
	b = pair(b, "Action", "CreateInterruptibleCapacityReservationAllocation")
	b = pair(b, "CapacityReservationId", "cr-1234567890abcdef0")
	b = pair(b, "ClientToken", "token-1")
	b = pair(b, "DryRun", "true")
	b = pair(b, "InstanceCount", "3")
	b = pair(b, "TagSpecification.1.ResourceType", "capacity-reservation")
	b = pair(b, "TagSpecification.1.Tag.1.Key", "team")
	b = pair(b, "TagSpecification.1.Tag.1.Value", "ml")
	b = pair(b, "TagSpecification.1.Tag.2.Key", "env")
	b = pair(b, "TagSpecification.1.Tag.2.Value", "prod")
	b = pair(b, "Version", "2016-11-15")
	return pair(b, "ZeroSizePreference", "retain")
}

func BenchmarkQueryEscape(b *testing.B) {
	buf := make([]byte, 0, 512)
	b.ReportAllocs()
	for b.Loop() {
		buf = buildSampleBody(buf[:0])
	}
}
