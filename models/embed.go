// Package models holds the Smithy models that ship with smithy2go.
//
// The default model describes EC2's interruptible Capacity Reservation
// operations. Its shapes and traits match AWS's model; its documentation is
// our own.
package models

import _ "embed"

// EC2InterruptibleCapacityReservation is the Smithy 2.0 JSON AST of EC2's
// CreateInterruptibleCapacityReservationAllocation and
// UpdateInterruptibleCapacityReservationAllocation operations.
//
//go:embed ec2-interruptible-capacity-reservation.json
var EC2InterruptibleCapacityReservation []byte

// DefaultName is the file name of the embedded default model, for error messages and provenance.
const DefaultName = "ec2-interruptible-capacity-reservation.json"
