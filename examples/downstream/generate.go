// Package downstream is a module that uses smithy2go: its capacity package
// is generated from the model in models/, next to hand-written code that
// uses it.
package downstream

// After updating the model, review what changes with
//
//	go tool smithy2go diff old.json models/ec2-interruptible-capacity-reservation.json
//
// then regenerate with "go generate ./...". The directive sits here, not in
// capacity/: smithy2go removes files it no longer generates, and go generate
// fails if a file of the package it is scanning disappears under it.

//go:generate go tool smithy2go -model models/ec2-interruptible-capacity-reservation.json -out capacity
