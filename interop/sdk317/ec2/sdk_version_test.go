package ec2

// What differs between the two interop modules: this one pairs our 2026-07
// model with the SDK's service/ec2 v1.317.1.

// peerBodyFile is the SDK's body for peerInput, captured in ../shared/peer.
const peerBodyFile = "sdk-body.2026-07.txt"

// peerInput is the sample input of ../shared/peer/RESULTS.md.
func peerInput() *CreateInterruptibleCapacityReservationAllocationInput {
	return &CreateInterruptibleCapacityReservationAllocationInput{
		CapacityReservationId: ref("cr-1234567890abcdef0"),
		InstanceCount:         ref(int32(3)),
		ClientToken:           ref("token-1"),
		DryRun:                ref(true),
		TagSpecifications: []TagSpecification{{
			ResourceType: ResourceTypeCapacityReservation,
			Tags: []Tag{
				{Key: ref("team"), Value: ref("ml")},
				{Key: ref("env"), Value: ref("prod")},
			},
		}},
	}
}
