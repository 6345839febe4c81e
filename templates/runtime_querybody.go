package templates

import "sync"

// queryBodies recycles body buffers: a request body is built in a pooled
// buffer and copied out once, so marshaling costs one allocation whatever
// the body's size.
var queryBodies = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// queryBody runs build on a pooled buffer and returns a copy of the body
// it wrote, without the '&' that starts every pair.
func queryBody(build func(b []byte) []byte) []byte {
	bp := queryBodies.Get().(*[]byte)
	b := build((*bp)[:0])
	out := make([]byte, len(b)-min(len(b), 1))
	copy(out, b[min(len(b), 1):])
	if cap(b) <= 64<<10 {
		*bp = b
		queryBodies.Put(bp)
	}
	return out
}

// appendQueryKey starts a pair: '&', the key prefix, the name and '='.
// Prefixes and names are written escaped by the generator.
func appendQueryKey(b, prefix []byte, name string) []byte {
	b = append(b, '&')
	b = append(b, prefix...)
	b = append(b, name...)
	return append(b, '=')
}

// The AWS SDK sorts body keys as strings, so list elements go out in the
// order 1, 10, 11, ..., 2, 20, .... queryIndexFirst and queryIndexNext
// walk 1..n in that order without allocating, so bodies match the SDK's
// byte for byte.
func queryIndexFirst(n int) int {
	if n <= 0 {
		return 0
	}
	return 1
}

func queryIndexNext(k, n int) int {
	if k*10 <= n {
		return k * 10
	}
	for k%10 == 9 || k+1 > n {
		k /= 10
		if k == 0 {
			return 0
		}
	}
	return k + 1
}

// queryNonNil returns v without its nil elements (union variants or
// sparse pointers): the SDK skips them and numbers the rest from 1. It
// copies only when there is one to drop.
func queryNonNil[T comparable](v []T) []T {
	var zero T
	for i, e := range v {
		if e != zero {
			continue
		}
		out := append(make([]T, 0, len(v)-1), v[:i]...)
		for _, e := range v[i+1:] {
			if e != zero {
				out = append(out, e)
			}
		}
		return out
	}
	return v
}
