package models

// Regenerates ../generated/ec2 from the embedded default model.
//go:generate go run ../cmd/smithy2go -out ../generated/ec2
