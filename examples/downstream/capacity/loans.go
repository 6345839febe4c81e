package capacity

// Hand-written: how this module lends spare reserved capacity, built on the
// generated types. smithy2go leaves files without its header alone.

import (
	"errors"
	"fmt"
)

// Label is one tag for a new interruptible Capacity Reservation.
type Label struct{ Key, Value string }

// Loan is capacity lent from a Capacity Reservation to a new interruptible
// one.
type Loan struct {
	Source    string // the source Capacity Reservation, such as "cr-1234567890abcdef0"
	Instances int32
	Labels    []Label
	// Token makes retries safe: EC2 treats requests with the same token as
	// one. Empty lets the generated code pick one.
	Token  string
	DryRun bool
}

// Input is the request that starts the loan.
func (l Loan) Input() *CreateInterruptibleCapacityReservationAllocationInput {
	in := &CreateInterruptibleCapacityReservationAllocationInput{InstanceCount: new(l.Instances)}
	// Left nil when empty, so Validate reports it missing.
	if l.Source != "" {
		in.CapacityReservationId = new(l.Source)
	}
	if l.Token != "" {
		in.ClientToken = new(l.Token)
	}
	if l.DryRun {
		in.DryRun = new(true)
	}
	if len(l.Labels) > 0 {
		spec := TagSpecification{ResourceType: ResourceTypeCapacityReservation}
		for _, lb := range l.Labels {
			spec.Tags = append(spec.Tags, Tag{Key: new(lb.Key), Value: new(lb.Value)})
		}
		in.TagSpecifications = []TagSpecification{spec}
	}
	return in
}

// Body checks the loan against the model and encodes it as the form body
// EC2 expects.
func (l Loan) Body() ([]byte, error) {
	if l.Instances <= 0 {
		return nil, fmt.Errorf("loan from %q: %d instances; lend at least one", l.Source, l.Instances)
	}
	in := l.Input()
	if err := in.Validate(); err != nil {
		return nil, fmt.Errorf("loan from %q: %w", l.Source, err)
	}
	return in.MarshalQuery()
}

// ResizeBody is the request that changes how many instances an existing
// loan lends; zero takes them all back.
func ResizeBody(source string, instances int32) ([]byte, error) {
	if instances < 0 {
		return nil, fmt.Errorf("resize %q: negative instance count %d", source, instances)
	}
	in := &UpdateInterruptibleCapacityReservationAllocationInput{
		CapacityReservationId: new(source),
		TargetInstanceCount:   new(instances),
	}
	if err := in.Validate(); err != nil {
		return nil, fmt.Errorf("resize %q: %w", source, err)
	}
	return in.MarshalQuery()
}

// Phase is what the scheduler makes of an allocation's status.
type Phase int

// The phases.
const (
	Starting Phase = iota // not usable yet
	Ready
	Resizing
	Ended
	Unrecognised // a status this package does not know yet
)

var phaseNames = [...]string{"starting", "ready", "resizing", "ended", "unrecognised"}

func (p Phase) String() string {
	if p < 0 || int(p) >= len(phaseNames) {
		return fmt.Sprintf("Phase(%d)", int(p))
	}
	return phaseNames[p]
}

// PhaseOf maps a status to a phase. Statuses are an open set: one EC2
// adds later is Unrecognised until the model is updated.
func PhaseOf(s InterruptibleCapacityReservationAllocationStatus) Phase {
	switch s {
	case InterruptibleCapacityReservationAllocationStatusPending:
		return Starting
	case InterruptibleCapacityReservationAllocationStatusActive:
		return Ready
	case InterruptibleCapacityReservationAllocationStatusUpdating:
		return Resizing
	case InterruptibleCapacityReservationAllocationStatusCanceling,
		InterruptibleCapacityReservationAllocationStatusCanceled,
		InterruptibleCapacityReservationAllocationStatusFailed:
		return Ended
	}
	return Unrecognised
}

// Allocation is what the scheduler keeps of a create response.
type Allocation struct {
	Source    string
	Instances int32
	Phase     Phase
	Status    string // as EC2 sent it, for logs
}

// ErrIncomplete reports a response without the source or the instance count.
var ErrIncomplete = errors.New("capacity: response lacks the source reservation or instance count")

// ParseCreated reads the response to a Loan's request.
func ParseCreated(body []byte) (Allocation, error) {
	var out CreateInterruptibleCapacityReservationAllocationOutput
	if err := out.UnmarshalResponse(body); err != nil {
		return Allocation{}, err
	}
	if out.SourceCapacityReservationId == nil || out.TargetInstanceCount == nil {
		return Allocation{}, ErrIncomplete
	}
	return Allocation{
		Source:    *out.SourceCapacityReservationId,
		Instances: *out.TargetInstanceCount,
		Phase:     PhaseOf(out.Status),
		Status:    string(out.Status),
	}, nil
}

// Retryable reports whether an error response is worth retrying later:
// EC2 is short of capacity or throttling the caller.
func Retryable(body []byte) bool {
	var apiErr *APIError
	if !errors.As(UnmarshalError(body), &apiErr) {
		return false
	}
	switch apiErr.ErrorCode() {
	case "InsufficientCapacity", "InsufficientInstanceCapacity", "RequestLimitExceeded":
		return true
	}
	return false
}
