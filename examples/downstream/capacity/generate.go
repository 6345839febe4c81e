package capacity

// The rest of this package, but for allocations.go and its test, is
// generated from the model this module keeps in ../models. After
// updating the model, review what changes with
//
//	go tool smithy2go diff old.json ../models/ec2-interruptible-capacity-reservation.json
//
// then regenerate with "go generate ./...".

//go:generate go tool smithy2go -model ../models/ec2-interruptible-capacity-reservation.json -out . -package capacity
