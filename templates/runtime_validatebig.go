package templates

import "math/big"

// rangeBig checks a range trait on a bigInteger (converted exactly with
// new(big.Float).SetInt) or bigDecimal member. The bounds are the model's
// text, compared exactly rather than through float64.
func (v *validator) rangeBig(p *validationPath, field string, x *big.Float, lo, hi string, hasMin, hasMax bool) {
	below := hasMin && x.Cmp(bigBound(lo)) < 0
	above := hasMax && x.Cmp(bigBound(hi)) > 0
	if !below && !above {
		return
	}
	msg := "value " + x.Text('g', -1)
	switch {
	case hasMin && hasMax:
		msg += " must be between " + lo + " and " + hi
	case hasMin:
		msg += " must be >= " + lo
	default:
		msg += " must be <= " + hi
	}
	v.add(p, field, "range", msg)
}

// bigBound parses a bound the generator has already checked is a number.
func bigBound(s string) *big.Float {
	f, _, err := big.ParseFloat(s, 10, 512, big.ToNearestEven)
	if err != nil {
		return new(big.Float)
	}
	return f
}
