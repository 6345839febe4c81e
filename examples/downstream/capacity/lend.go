package capacity

// Hand-written: starting a loan through the generated client, which
// signs, retries and reports errors as the AWS SDK's EC2 client does.

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/smithy-go"
)

// ErrOutOfCapacity is returned when EC2 has no capacity to lend now.
var ErrOutOfCapacity = errors.New("capacity: EC2 has no capacity to lend now")

// Lend starts the loan and reads what EC2 made of it.
func (l Loan) Lend(ctx context.Context, c *Client) (Allocation, error) {
	if l.Instances <= 0 {
		return Allocation{}, fmt.Errorf("loan from %q: %d instances; lend at least one", l.Source, l.Instances)
	}
	out, err := c.CreateInterruptibleCapacityReservationAllocation(ctx, l.Input())
	var apiErr smithy.APIError
	switch {
	case errors.As(err, &apiErr) && apiErr.ErrorCode() == "InsufficientCapacity":
		return Allocation{}, fmt.Errorf("%w: %v", ErrOutOfCapacity, err)
	case err != nil:
		return Allocation{}, fmt.Errorf("loan from %q: %w", l.Source, err)
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
