// Package sdk344 holds differential tests of a package generated from our
// 2026-09 model against AWS's SDK service/ec2 v1.344.3, which matches it.
package sdk344

// The generator lives in the main module, so it runs from there (-C).
//go:generate go run -C ../.. ./cmd/smithy2go -model models/ec2-interruptible-capacity-reservation.2026-09.json -out interop/sdk344/ec2

// The paginator test's package: DescribeCapacityReservations from the whole
// 2021 EC2 model, in ../shared.
//go:generate go run -C ../.. ./cmd/smithy2go -model ../shared/models/ec2-full/ec2-2016-11-15.2021-11-18.json -operation DescribeCapacityReservations -out interop/sdk344/ec2full
