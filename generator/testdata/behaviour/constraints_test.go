package constraints

import (
	"errors"
	"math/big"
	"testing"
)

func rejects(t *testing.T, in *PutWidgetInput, path, constraint string) {
	t.Helper()
	var ve *InvalidParamsError
	if err := in.Validate(); !errors.As(err, &ve) {
		t.Fatalf("Validate() = %v, want a violation of %s at %s", err, constraint, path)
	}
	for _, v := range ve.Violations {
		if v.Path == path && v.Constraint == constraint {
			return
		}
	}
	t.Errorf("violations %+v lack %s at %s", ve.Violations, constraint, path)
}

func valid() *PutWidgetInput {
	name := "gear-1"
	size := int32(5)
	return &PutWidgetInput{Name: &name, Size: &size}
}

// uniqueItems holds for structures too: two equal parts break it.
func TestUniqueStructures(t *testing.T) {
	in := valid()
	in.Stock = []Part{{Id: ptr("a")}, {Id: ptr("b")}}
	if err := in.Validate(); err != nil {
		t.Fatalf("distinct parts: %v", err)
	}
	in.Stock = append(in.Stock, Part{Id: ptr("a")})
	rejects(t, in, "Stock", "uniqueItems")
}

// range holds for bigInteger and bigDecimal, bounds compared exactly.
func TestBigRanges(t *testing.T) {
	in := valid()
	in.Serial, _ = new(big.Int).SetString("99999999999999999999", 10)
	in.Tolerance = big.NewFloat(0.5)
	if err := in.Validate(); err != nil {
		t.Fatalf("at the bounds: %v", err)
	}
	in.Serial, _ = new(big.Int).SetString("100000000000000000000", 10)
	rejects(t, in, "Serial", "range")
	in = valid()
	in.Tolerance = big.NewFloat(0.0009)
	rejects(t, in, "Tolerance", "range")
}
