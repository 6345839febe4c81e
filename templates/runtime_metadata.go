package templates

// ResponseMetadata is what a response says about the request itself.
type ResponseMetadata struct {
	// RequestID is the service's ID for the request, for support cases.
	RequestID string
}
