package templates

import (
	"errors"
	"math/big"
)

// bigInt reads the element's text as an arbitrary-precision integer.
func (d *xmlDecoder) bigInt() (*big.Int, error) {
	b, err := d.text()
	if err != nil {
		return nil, err
	}
	n, ok := new(big.Int).SetString(string(b), 10)
	if !ok {
		return nil, errors.New("xml: invalid integer " + string(b))
	}
	return n, nil
}

// bigFloat reads the element's text as an arbitrary-precision decimal.
func (d *xmlDecoder) bigFloat() (*big.Float, error) {
	b, err := d.text()
	if err != nil {
		return nil, err
	}
	f, ok := new(big.Float).SetString(string(b))
	if !ok {
		return nil, errors.New("xml: invalid decimal " + string(b))
	}
	return f, nil
}
