package templates

import (
	"sort"
	"strconv"
	"testing"
)

// TestQueryIndexOrder checks the walk against sorting the decimal strings.
func TestQueryIndexOrder(t *testing.T) {
	for n := 0; n <= 1200; n++ {
		var want []string
		for i := 1; i <= n; i++ {
			want = append(want, strconv.Itoa(i))
		}
		sort.Strings(want)
		var got []string
		for k := queryIndexFirst(n); k != 0; k = queryIndexNext(k, n) {
			got = append(got, strconv.Itoa(k))
			if len(got) > n {
				t.Fatalf("n=%d: walk does not end", n)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("n=%d: got %d indexes, want %d", n, len(got), len(want))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("n=%d: index %d is %s, want %s", n, i, got[i], want[i])
			}
		}
	}
}

func TestQueryBody(t *testing.T) {
	got := queryBody(func(b []byte) []byte {
		b = appendQueryKey(b, nil, "Action")
		b = append(b, "Run"...)
		b = appendQueryKey(b, []byte("Tag.1."), "Key")
		return appendQueryEscape(b, "a b&c")
	})
	if want := "Action=Run&Tag.1.Key=a+b%26c"; string(got) != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	if got := queryBody(func(b []byte) []byte { return b }); len(got) != 0 {
		t.Fatalf("empty body: got %q", got)
	}
	allocs := testing.AllocsPerRun(100, func() {
		queryBody(func(b []byte) []byte { return appendQueryKey(b, nil, "Action") })
	})
	if allocs != 1 {
		t.Fatalf("queryBody allocates %v times, want 1", allocs)
	}
}
