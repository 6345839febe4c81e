// Package sdk317 holds differential tests of a package generated from our
// 2026-07 model against AWS's SDK service/ec2 v1.317.1, which matches it.
package sdk317

// The generator lives in the main module, so it runs from there (-C).
//go:generate go run -C ../.. ./cmd/smithy2go -model models/ec2-interruptible-capacity-reservation.json -out interop/sdk317/ec2
