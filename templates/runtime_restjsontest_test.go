package templates

// Golden requests of restJson1: checkRestRequest with JSON bodies compared
// as values. Test-only.

import (
	"net/http"
	"testing"
)

// checkRestJSONRequest compares req with the golden file testdata/file
// (see checkRestRequest); JSON bodies are compared as JSON values.
func checkRestJSONRequest(t *testing.T, file string, req *http.Request) {
	t.Helper()
	checkRestRequest(t, file, req, "application/json", func(got, want []byte) string {
		if jsonTestSame(got, want) {
			return ""
		}
		return "JSON values differ"
	})
}
