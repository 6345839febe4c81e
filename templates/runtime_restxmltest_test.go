package templates

import (
	"net/http"
	"testing"
)

// checkRESTXMLRequest compares a restXml request with the golden file
// testdata/file (see checkRestRequest): XML bodies as element trees
// (protocolXMLDiff), other bodies byte for byte.
func checkRESTXMLRequest(t *testing.T, file string, req *http.Request) {
	t.Helper()
	checkRestRequest(t, file, req, "application/xml", protocolXMLDiff)
}
