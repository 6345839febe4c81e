package xmlbody

import (
	"strings"

	"github.com/smithy2go/smithy2go/generator/plan"
)

// ErrorCodes maps error codes, folded to lower case as the SDK compares
// them, to the errors that send them, codes in the order of errs. An
// operation's own errors come before its service's; where two share a
// code, the first keeps it.
func ErrorCodes(errs []*plan.Struct) (codes []string, byCode map[string]*plan.Struct) {
	byCode = map[string]*plan.Struct{}
	for _, st := range errs {
		k := strings.ToLower(st.Code)
		if _, ok := byCode[k]; !ok {
			byCode[k] = st
			codes = append(codes, k)
		}
	}
	return codes, byCode
}
