package templates

// Amazon S3 Glacier's request checksums. Every upload carries the SHA-256
// tree hash of its body (X-Amz-Sha256-Tree-Hash) and its plain SHA-256
// (X-Amz-Content-Sha256), as the AWS SDKs add them.
//
// API for emitters: glacierChecksums(req.Header, v.Body) after the body is
// set, for operations whose payload is a streaming blob.

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
)

// glacierChecksums sets the two checksum headers from body, unless the
// caller set them, and leaves body where it was. A body that cannot seek
// is left alone: hashing it would consume it, and the caller who sends
// one passes the tree hash (the checksum member) itself.
func glacierChecksums(h http.Header, body io.Reader) error {
	rs, ok := body.(io.ReadSeeker)
	if !ok || h.Get("X-Amz-Sha256-Tree-Hash") != "" && h.Get("X-Amz-Content-Sha256") != "" {
		return nil
	}
	start, err := rs.Seek(0, io.SeekCurrent)
	if err != nil {
		return nil // not seekable after all
	}
	linear := sha256.New()
	var leaves [][sha256.Size]byte
	chunk := make([]byte, 1<<20)
	for {
		n, err := io.ReadFull(rs, chunk)
		if n > 0 || len(leaves) == 0 {
			linear.Write(chunk[:n])
			leaves = append(leaves, sha256.Sum256(chunk[:n]))
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return err
		}
	}
	if _, err := rs.Seek(start, io.SeekStart); err != nil {
		return err
	}
	// Pairs of hashes are hashed together, level by level; an odd one
	// out goes up unchanged.
	for len(leaves) > 1 {
		var next [][sha256.Size]byte
		for i := 0; i < len(leaves); i += 2 {
			if i+1 == len(leaves) {
				next = append(next, leaves[i])
				continue
			}
			next = append(next, sha256.Sum256(append(leaves[i][:], leaves[i+1][:]...)))
		}
		leaves = next
	}
	if h.Get("X-Amz-Sha256-Tree-Hash") == "" {
		h["X-Amz-Sha256-Tree-Hash"] = []string{hex.EncodeToString(leaves[0][:])}
	}
	if h.Get("X-Amz-Content-Sha256") == "" {
		h["X-Amz-Content-Sha256"] = []string{hex.EncodeToString(linear.Sum(nil))}
	}
	return nil
}
