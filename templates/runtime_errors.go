package templates

// ErrorFault says whether an error was the caller's or the service's fault.
type ErrorFault int

// ErrorFault values, in the same order as smithy-go's.
const (
	FaultUnknown ErrorFault = iota
	FaultServer
	FaultClient
)

func (f ErrorFault) String() string {
	switch f {
	case FaultServer:
		return "server"
	case FaultClient:
		return "client"
	default:
		return "unknown"
	}
}

// APIError is an error response returned by the service.
type APIError struct {
	Code      string
	Message   string
	RequestID string
	Fault     ErrorFault
	// StatusCode is the response's HTTP status, when known.
	StatusCode int
	// Err is the modeled error the code names, when the package has one;
	// errors.As reaches it through Unwrap.
	Err error
}

func (e *APIError) Error() string {
	s := "api error " + e.Code
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.RequestID != "" {
		s += " (request ID " + e.RequestID + ")"
	}
	return s
}

// ErrorCode returns the service's error code, such as "InvalidParameterValue".
func (e *APIError) ErrorCode() string { return e.Code }

// ErrorMessage returns the service's error message.
func (e *APIError) ErrorMessage() string { return e.Message }

// ErrorFault returns who is at fault; FaultUnknown when the response did not say.
func (e *APIError) ErrorFault() ErrorFault { return e.Fault }

// Unwrap returns the modeled error, if any.
func (e *APIError) Unwrap() error { return e.Err }
