package templates

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"
)

func withTokenSource(t *testing.T, r io.Reader) {
	old := idempotencyTokenSource
	idempotencyTokenSource = r
	t.Cleanup(func() { idempotencyTokenSource = old })
}

func TestIdempotencyTokenFixedInput(t *testing.T) {
	cases := []struct {
		in   []byte
		want string
	}{
		// Ec2ProtocolIdempotencyTokenAutoFill expects this for all-zero input.
		{make([]byte, 16), "00000000-0000-4000-8000-000000000000"},
		{bytes.Repeat([]byte{0xff}, 16), "ffffffff-ffff-4fff-bfff-ffffffffffff"},
		// Bytes 00..0f: byte 6 (0x06) keeps its low nibble under version 4,
		// byte 8 (0x08) keeps its low 6 bits under variant 10.
		{[]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, "00010203-0405-4607-8809-0a0b0c0d0e0f"},
	}
	for _, c := range cases {
		withTokenSource(t, bytes.NewReader(c.in))
		got, err := newIdempotencyToken()
		if err != nil || got != c.want {
			t.Errorf("%x: %q %v, want %q", c.in, got, err, c.want)
		}
	}
}

func TestIdempotencyTokenRandom(t *testing.T) {
	re := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		tok, err := newIdempotencyToken()
		if err != nil {
			t.Fatal(err)
		}
		if !re.MatchString(tok) {
			t.Fatalf("%q is not a lower-case v4 UUID", tok)
		}
		if seen[tok] {
			t.Fatalf("duplicate token %q", tok)
		}
		seen[tok] = true
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("no entropy") }

func TestIdempotencyTokenReaderErrors(t *testing.T) {
	withTokenSource(t, failingReader{})
	if tok, err := newIdempotencyToken(); err == nil || !strings.Contains(err.Error(), "no entropy") || tok != "" {
		t.Errorf("got %q %v", tok, err)
	}
	withTokenSource(t, bytes.NewReader(make([]byte, 15)))
	if tok, err := newIdempotencyToken(); !errors.Is(err, io.ErrUnexpectedEOF) || tok != "" {
		t.Errorf("short read: %q %v", tok, err)
	}
}
