package templates

// restXml bodies and errors, inside the HTTP messages runtime_restreq.go
// and runtime_rest.go build and read.
//
// API for emitters. Responses (d is a restXMLDecoder: an xmlDecoder whose
// optional members take their pointers from shared chunks, see restSlab):
//
//	d := restXMLDecoder{xmlDecoder: newXMLDecoder(body)}
//	if ok, err := d.start(); !ok { return err }   // a blank body has no members
//	ok, err := d.startError(noWrapping)            // inside an error body's <Error>
//	xmlEnum(&d.xmlDecoder, known)                  // a string enum, known values unallocated
//
// Errors:
//
//	restXMLResponseError(resp, body, noWrapping, s3) (*APIError, error)
//
// S3, whose endpoints carry the bucket:
//
//	restDropBucket(req.URL, bucket)   the path without its leading bucket segment
//	restFlexibleChecksum(req, body, algorithm, required)   x-amz-checksum-* (httpChecksum)
//	restS3Error200(resp, body, decodeError)   an <Error> document in a 200 answer
//
// This file uses runtime_errors.go, runtime_rest.go, runtime_resterror.go,
// runtime_restnum.go and runtime_xml.go.

import (
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"hash/crc64"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// restXMLDecoder reads a response document. Its chunks hand out the
// pointers of the many optional members of a large response (each a
// *string, *int64, ...) for one allocation per chunk instead of one each.
type restXMLDecoder struct {
	xmlDecoder
	strs  restSlab[string]
	bools restSlab[bool]
	i8s   restSlab[int8]
	i16s  restSlab[int16]
	i32s  restSlab[int32]
	i64s  restSlab[int64]
	f32s  restSlab[float32]
	f64s  restSlab[float64]
	times restSlab[time.Time]
}

// start enters the root element. A body of nothing but white space, or
// of an XML declaration and comments, holds no members, as the AWS SDK
// reads it: start returns false and no error.
func (d *restXMLDecoder) start() (bool, error) {
	if len(bytes.TrimSpace(d.data)) == 0 {
		return false, nil
	}
	if _, err := d.root(); err != nil {
		if d.pos >= len(d.data) {
			return false, nil // the prolog, then nothing
		}
		return false, err
	}
	return true, nil
}

// startError enters the <Error> element of an error body (with noWrapping
// the root, else <ErrorResponse>'s child). A blank body (an S3 HEAD's)
// returns false and no error: the error has no members to read.
func (d *restXMLDecoder) startError(noWrapping bool) (bool, error) {
	if len(bytes.TrimSpace(d.data)) == 0 {
		return false, nil
	}
	x, err := restXMLErrorDecoder(d.data, noWrapping)
	if err != nil {
		return false, err
	}
	d.xmlDecoder = x
	return true, nil
}

// xmlEnum reads a string enum. A value among known (the enum's values, a
// package-level slice) is returned without allocating; others are kept as
// sent, since enums are open.
func xmlEnum[E ~string](d *xmlDecoder, known []E) (E, error) {
	b, err := d.text()
	if err != nil {
		return "", err
	}
	for _, v := range known {
		if string(v) == string(b) {
			return v, nil
		}
	}
	return E(b), nil
}

// restXMLResponseError reads an error response's code, message and request
// ID as the AWS SDK does: from the body (<ErrorResponse><Error>…, or with
// noWrapping <Error>…), the request ID from the x-amzn-RequestId header
// (S3's x-amz-request-id with s3) or else the body. S3 errors
// without a code or message (the body of a HEAD is empty) take them from
// the status: 404 is "NotFound", "Not Found".
func restXMLResponseError(resp *http.Response, body []byte, noWrapping, s3 bool) (*APIError, error) {
	e, err := restXMLError(body, noWrapping)
	if err != nil {
		return nil, err
	}
	e.StatusCode = resp.StatusCode
	// The header wins, as in the SDK, whose request ID middleware runs
	// after the error is read.
	name := "X-Amzn-Requestid"
	if s3 {
		name = "X-Amz-Request-Id"
	}
	if id := resp.Header.Get(name); id != "" {
		e.RequestID = id
	}
	if s3 && e.Code == "" && e.Message == "" {
		text := http.StatusText(resp.StatusCode)
		e.Code, e.Message = strings.ReplaceAll(text, " ", ""), text
	}
	if e.Code == "" {
		e.Code = "UnknownError"
	}
	// A message the body lacks stays empty: a modeled error has none then,
	// and the decoder of a plain *APIError says "UnknownError".
	return e, nil
}

// restS3Error200 reads the body of a 200 answer to S3's CopyObject,
// UploadPartCopy and CompleteMultipartUpload, which can fail after S3 has
// sent the status: an <Error> document is the operation's error, read by
// decodeError as that of a 500 (as the AWS SDK reads it), and an empty
// body is an error too, the result being missing. It returns nil for a
// result document.
func restS3Error200(resp *http.Response, body []byte, decodeError func(*http.Response) error) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return errors.New("S3 answered 200 OK with an empty body: the operation's result is missing")
	}
	d := newXMLDecoder(body)
	name, err := d.root()
	if err != nil || !strings.EqualFold(string(name), "Error") {
		return nil // a result, or not XML: decoding it says which
	}
	failed := *resp
	failed.StatusCode = http.StatusInternalServerError
	failed.Body = io.NopCloser(bytes.NewReader(body))
	failed.ContentLength = int64(len(body))
	return decodeError(&failed)
}

// restDropBucket takes S3's {Bucket} label out of a request path: S3's
// endpoints carry the bucket (in the host name, or for path-style
// addressing as the endpoint's path), as the AWS SDK's endpoint rules
// resolve them, so the path the bindings wrote (the endpoint's path, then
// /{Bucket}/{Key+}) has it once too many. The first segment that is the
// escaped bucket goes; an endpoint's own path that is the bucket is the
// same segment, so which of the two goes does not matter. It is the first
// segment but behind a custom endpoint's path, and then the path is a
// slice of the one before: nothing is allocated.
func restDropBucket(u *url.URL, bucket string) {
	var buf [72]byte
	seg := restEscape(append(buf[:0], '/'), bucket, false)
	raw := u.RawPath
	if raw == "" {
		raw = u.EscapedPath()
	}
	for i := 0; i+len(seg) <= len(raw); i++ {
		if raw[i] != '/' || raw[i:i+len(seg)] != string(seg) {
			continue
		}
		j := i + len(seg)
		if j < len(raw) && raw[j] != '/' {
			continue
		}
		if i == 0 && len(u.Path) > len(bucket) && u.Path[0] == '/' && u.Path[1:1+len(bucket)] == bucket {
			// The path's own bucket segment ends where the raw one does,
			// both being followed by '/' or nothing.
			u.RawPath, u.Path = raw[j:], u.Path[1+len(bucket):]
		} else if path, err := url.PathUnescape(raw[:i] + raw[j:]); err == nil {
			u.RawPath, u.Path = raw[:i]+raw[j:], path
		}
		if u.RawPath == "" {
			u.RawPath, u.Path = "/", "/"
		}
		return
	}
}

// restFlexibleChecksum sets the x-amz-checksum-* header of a body held in
// memory, as the aws.protocols#httpChecksum trait asks: in the algorithm
// the request names (its requestAlgorithmMember: CRC32, CRC32C,
// CRC64NVME, SHA1, SHA256), else CRC32 when the operation requires a
// checksum (S3 refuses such requests without one). A checksum header the
// caller set already stands. The value is the base64 of the big-endian
// digest, as the AWS SDK sends it.
func restFlexibleChecksum(req *http.Request, body []byte, algorithm string, required bool) error {
	for name := range req.Header {
		if len(name) > len("X-Amz-Checksum-") && strings.EqualFold(name[:len("X-Amz-Checksum-")], "X-Amz-Checksum-") {
			return nil
		}
	}
	if algorithm == "" {
		if !required {
			return nil
		}
		algorithm = "CRC32"
	}
	var sum []byte
	switch strings.ToUpper(algorithm) {
	case "CRC32":
		sum = binary.BigEndian.AppendUint32(nil, crc32.ChecksumIEEE(body))
	case "CRC32C":
		sum = binary.BigEndian.AppendUint32(nil, crc32.Checksum(body, crc32.MakeTable(crc32.Castagnoli)))
	case "CRC64NVME":
		sum = binary.BigEndian.AppendUint64(nil, crc64.Checksum(body, crc64.MakeTable(0x9a6c9329ac4bc9b5)))
	case "SHA1":
		s := sha1.Sum(body)
		sum = s[:]
	case "SHA256":
		s := sha256.Sum256(body)
		sum = s[:]
	default:
		return errors.New("unsupported checksum algorithm " + strconv.Quote(algorithm))
	}
	name := "X-Amz-Checksum-" + strings.ToUpper(algorithm[:1]) + strings.ToLower(algorithm[1:])
	req.Header[name] = []string{base64.StdEncoding.EncodeToString(sum)}
	return nil
}
