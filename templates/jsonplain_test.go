package templates

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// Every length and position the word-at-a-time check reads differently
// (short strings padded, long ones ending in an overlapping word), with
// each kind of byte that must not pass as plain, and every plain one.
func TestJSONStringEveryPosition(t *testing.T) {
	specials := []byte{'"', '\\', 0, '\n', 0x1f, 0x80, 0xe2, 0xff}
	for n := 0; n <= 24; n++ {
		plain := strings.Repeat("a~ Z", 7)[:n]
		jsonCheckStringRoundTrip(t, plain)
		for i := range n {
			for _, c := range specials {
				b := []byte(plain)
				b[i] = c
				jsonCheckStringRoundTrip(t, string(b))
			}
		}
	}
	for c := 0x20; c < 0x80; c++ {
		if c == '"' || c == '\\' {
			continue
		}
		for n := 1; n <= 9; n++ {
			s := strings.Repeat(string(rune(c)), n)
			if got := string(jsonString([]byte("x"), s)); got != `x"`+s+`"` {
				t.Errorf("jsonString(%q) = %s", s, got)
			}
		}
	}
}

// jsonString appends after what b holds, whether it must grow b or not,
// and leaves nothing of its word-sized stores in the result.
func TestJSONStringAppends(t *testing.T) {
	for _, s := range []string{"", "a", "abc", "abcd", "abcdefg", "abcdefgh", "abcdefghi", "0123456789abcdef0", "a\"b", "longer with a \"quote\" past the first words"} {
		want := "{\"k\":" + string(jsonString(nil, s))
		for _, room := range []int{0, 1, 8, 64} {
			b := append(make([]byte, 0, 5+room), `{"k":`...)
			if got := string(jsonString(b, s)); got != want {
				t.Errorf("room %d: %s, want %s", room, got, want)
			}
		}
	}
}

// jsonSpecial8 agrees with jsonPlain byte by byte: every byte value at
// every position among plain ones, and random words.
func TestJSONSpecial8(t *testing.T) {
	bytewise := func(x uint64) bool {
		for i := range 8 {
			if !jsonPlain[byte(x>>(8*i))] {
				return false
			}
		}
		return true
	}
	check := func(x uint64) {
		if got := jsonSpecial8(x) == 0; got != bytewise(x) {
			t.Fatalf("jsonSpecial8(%#016x) == 0 is %v", x, got)
		}
	}
	for _, fill := range []uint64{0x2020202020202020, 0x7e7e7e7e7e7e7e7e, 0x2323232323232323, 0x5d5d5d5d5d5d5d5d, 0x2121212121212121} {
		for i := range 8 {
			for c := range uint64(256) {
				check(fill&^(0xff<<(8*i)) | c<<(8*i))
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		x := r.Uint64()
		check(x)
		check(x & 0x7f7f7f7f7f7f7f7f)
		check(x&0x3f3f3f3f3f3f3f3f | 0x2020202020202020)
	}
}
