package templates

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"math/rand"
	"net/http"
	"strings"
	"testing"
)

// treeHash is the Glacier tree hash written another way: split the leaves
// at the largest power of two below their count, hash each side.
func treeHash(leaves [][]byte) []byte {
	if len(leaves) == 1 {
		return leaves[0]
	}
	k := 1
	for k*2 < len(leaves) {
		k *= 2
	}
	sum := sha256.Sum256(append(treeHash(leaves[:k]), treeHash(leaves[k:])...))
	return sum[:]
}

func TestGlacierChecksums(t *testing.T) {
	// GlacierChecksums and GlacierMultipartChecksums: "hello world".
	h := http.Header{}
	r := strings.NewReader("hello world")
	if err := glacierChecksums(h, r); err != nil {
		t.Fatal(err)
	}
	const hello = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"
	if h.Get("X-Amz-Sha256-Tree-Hash") != hello || h.Get("X-Amz-Content-Sha256") != hello {
		t.Errorf("headers %v", h)
	}
	if b, _ := io.ReadAll(r); string(b) != "hello world" {
		t.Errorf("the body was consumed: %q left", b)
	}
	for _, n := range []int{0, 1 << 20, 1<<20 + 1, 3<<20 + 12345, 6 << 20} {
		data := make([]byte, n)
		rand.New(rand.NewSource(int64(n))).Read(data)
		var leaves [][]byte
		for i := 0; i < n || i == 0; i += 1 << 20 {
			sum := sha256.Sum256(data[i:min(i+1<<20, n)])
			leaves = append(leaves, sum[:])
		}
		linear := sha256.Sum256(data)
		h := http.Header{}
		r := bytes.NewReader(data)
		if err := glacierChecksums(h, r); err != nil {
			t.Fatal(err)
		}
		if got, want := h.Get("X-Amz-Sha256-Tree-Hash"), hex.EncodeToString(treeHash(leaves)); got != want {
			t.Errorf("%d bytes: tree hash %s, want %s", n, got, want)
		}
		if got, want := h.Get("X-Amz-Content-Sha256"), hex.EncodeToString(linear[:]); got != want {
			t.Errorf("%d bytes: sha256 %s, want %s", n, got, want)
		}
		if r.Len() != n {
			t.Errorf("%d bytes: %d left to read", n, r.Len())
		}
	}
	// The caller's tree hash stays; a stream that cannot seek is left alone.
	h = http.Header{"X-Amz-Sha256-Tree-Hash": {"given"}}
	glacierChecksums(h, strings.NewReader("x"))
	if h.Get("X-Amz-Sha256-Tree-Hash") != "given" || h.Get("X-Amz-Content-Sha256") == "" {
		t.Errorf("given tree hash: %v", h)
	}
	h = http.Header{}
	glacierChecksums(h, onlyReader{strings.NewReader("x")})
	if len(h) != 0 {
		t.Errorf("unseekable body: %v", h)
	}
}
