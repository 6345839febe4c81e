package templates

import (
	"bytes"
	"encoding/json"
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

// jsonCount is the number of members or elements of any valid object or
// array (encoding/json's tokens are the oracle), and on any text no more
// than a valid collection of that length could hold.
func FuzzJSONCount(f *testing.F) {
	for _, s := range jsonSeedCorpus {
		f.Add([]byte(s))
	}
	for _, s := range []string{`{"a":"}\"]","b":[1,{"c":","}]}`, `[[],{},"",0]`, ` [ 1 , 2 ] `, `{"\\":"\\\\"}`, `[,,]`, `{"é":"ü"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d := jsonDecoder{data: data}
		got := jsonCount(&d)
		if d.pos != 0 {
			t.Fatalf("jsonCount moved the decoder to %d", d.pos)
		}
		if got < 0 || got > (len(data)+1)/2 {
			t.Fatalf("%q: count %d for %d bytes", data, got, len(data))
		}
		if !json.Valid(data) {
			return
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		tok, _ := dec.Token()
		open, ok := tok.(json.Delim)
		if !ok {
			if got != 0 {
				t.Fatalf("%q: count %d for a scalar", data, got)
			}
			return
		}
		want := 0
		for dec.More() {
			if open == '{' {
				dec.Token() // the name
			}
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				t.Fatal(err)
			}
			want++
		}
		if got != want {
			t.Fatalf("%q: count %d, want %d", data, got, want)
		}
	})
}
