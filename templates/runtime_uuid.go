package templates

import (
	"crypto/rand"
	"io"
)

// idempotencyTokenSource supplies the random bytes of idempotency tokens.
var idempotencyTokenSource io.Reader = rand.Reader

// newIdempotencyToken returns a random (version 4) UUID in lower-case hex,
// as the SDK fills in for members with the idempotencyToken trait.
func newIdempotencyToken() (string, error) {
	var u [16]byte
	if _, err := io.ReadFull(idempotencyTokenSource, u[:]); err != nil {
		return "", err
	}
	u[6] = u[6]&0x0f | 0x40 // version 4 (RFC 9562 section 5.4)
	u[8] = u[8]&0x3f | 0x80 // variant 10xx
	const hex = "0123456789abcdef"
	var s [36]byte
	j := 0
	for i, c := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			s[j] = '-'
			j++
		}
		s[j], s[j+1] = hex[c>>4], hex[c&15]
		j += 2
	}
	return string(s[:]), nil
}
