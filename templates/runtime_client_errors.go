package templates

// Errors as aws-sdk-go-v2's clients give them: smithy-go's types, with
// this package's own errors reachable through errors.As.

import (
	"errors"
	"strings"

	"github.com/aws/smithy-go"
)

// clientAPIError adapts an error the service sent to smithy-go's API
// error interface. A modeled error keeps its message and unwraps to its
// own type; any other is a *smithy.GenericAPIError, as with the SDK (its
// retryer treats the two differently), that unwraps to the *APIError.
func clientAPIError(e *APIError) error {
	if e.Err != nil {
		return &clientModeledError{api: e}
	}
	return &clientServiceError{
		generic: &smithy.GenericAPIError{Code: e.Code, Message: e.Message, Fault: smithy.ErrorFault(e.Fault)},
		api:     e,
	}
}

// clientModeledError is a modeled error seen through smithy.APIError.
type clientModeledError struct{ api *APIError }

func (e *clientModeledError) Error() string { return e.api.Err.Error() }

func (e *clientModeledError) ErrorCode() string {
	if c, ok := e.api.Err.(interface{ ErrorCode() string }); ok {
		return c.ErrorCode()
	}
	return e.api.Code
}

func (e *clientModeledError) ErrorMessage() string {
	if m, ok := e.api.Err.(interface{ ErrorMessage() string }); ok {
		return m.ErrorMessage()
	}
	return e.api.Message
}

func (e *clientModeledError) ErrorFault() smithy.ErrorFault { return smithy.ErrorFault(e.api.Fault) }

// Unwrap reaches the modeled error and the *APIError that carried it.
func (e *clientModeledError) Unwrap() []error { return []error{e.api.Err, e.api} }

// clientServiceError is an error the package has no type for: the
// *smithy.GenericAPIError the SDK gives, and the *APIError.
type clientServiceError struct {
	generic *smithy.GenericAPIError
	api     *APIError
}

func (e *clientServiceError) Error() string   { return e.generic.Error() }
func (e *clientServiceError) Unwrap() []error { return []error{e.generic, e.api} }

// clientValidate turns what Validate found into the SDK's error: a
// smithy.InvalidParamsError naming the required members that are
// missing, or, with all, every violation.
func clientValidate(operation string, err error, all bool) error {
	if err == nil {
		return nil
	}
	var found *InvalidParamsError
	if !errors.As(err, &found) {
		return err
	}
	out := smithy.InvalidParamsError{Context: operation + "Input"}
	for _, v := range found.Violations {
		nested, field := "", v.Path
		if i := strings.LastIndexByte(v.Path, '.'); i >= 0 {
			nested, field = v.Path[:i], v.Path[i+1:]
		}
		var pe smithy.InvalidParamError
		switch {
		case v.Constraint == "required":
			pe = smithy.NewErrParamRequired(field)
		case all:
			pe = &clientParamError{field: field, reason: v.Constraint + " constraint not met (" + v.Message + ")"}
		default:
			continue
		}
		if nested != "" {
			pe.AddNestedContext(nested)
		}
		out.Add(pe)
	}
	if out.Len() == 0 {
		return nil
	}
	return out
}

// clientParamError is a constraint the SDK does not check, in the form of
// its own parameter errors.
type clientParamError struct {
	context, nested, field, reason string
}

func (e *clientParamError) Error() string { return e.reason + ", " + e.Field() + "." }

func (e *clientParamError) Field() string {
	s := e.context
	if e.nested != "" {
		if s != "" && e.nested[0] != '[' {
			s += "."
		}
		s += e.nested + "."
	} else if s != "" {
		s += "."
	}
	return s + e.field
}

func (e *clientParamError) SetContext(ctx string) { e.context = ctx }

func (e *clientParamError) AddNestedContext(ctx string) {
	switch {
	case e.nested == "":
		e.nested = ctx
	case e.nested[0] == '[':
		e.nested = ctx + e.nested
	default:
		e.nested = ctx + "." + e.nested
	}
}
