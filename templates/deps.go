package templates

import "slices"

// Requires lists, for each runtime file, the runtime files whose
// declarations it uses. The generator adds them along with the file;
// TestRequires checks the list against the code.
var Requires = map[string][]string{
	"runtime_awsjson.go":             {"runtime_body.go", "runtime_errors.go", "runtime_http.go", "runtime_json.go", "runtime_jsonbody.go", "runtime_jsonerror.go", "runtime_metadata.go"},
	"runtime_body.go":                nil,
	"runtime_client.go":              {"runtime_client_auth.go", "runtime_client_errors.go", "runtime_errors.go", "runtime_http.go"},
	"runtime_client_auth.go":         nil,
	"runtime_client_builtins.go":     nil,
	"runtime_client_config.go":       {"runtime_client.go", "runtime_client_auth.go"},
	"runtime_client_errors.go":       {"runtime_errors.go", "runtime_validate.go"},
	"runtime_client_rules.go":        {"runtime_client.go", "runtime_endpoint.go"},
	"runtime_endpoint.go":            nil,
	"runtime_endpoint_partitions.go": nil,
	"runtime_endpoint_test.go":       {"runtime_endpoint.go"},
	"runtime_equal.go":               nil,
	"runtime_errors.go":              nil,
	"runtime_glacier.go":             nil,
	"runtime_http.go":                nil,
	"runtime_json.go":                {"runtime_jsonwrite.go", "runtime_restnum.go", "runtime_time.go"},
	"runtime_jsonbody.go":            {"runtime_json.go", "runtime_jsonwrite.go"},
	"runtime_jsonerror.go":           {"runtime_errors.go", "runtime_json.go"},
	"runtime_jsontest_test.go":       nil,
	"runtime_jsonwrite.go":           {"runtime_json.go", "runtime_restnum.go", "runtime_time.go"},
	"runtime_metadata.go":            nil,
	"runtime_protocol_test.go":       nil,
	"runtime_query.go":               {"runtime_time.go"},
	"runtime_querybody.go":           nil,
	"runtime_queryerror.go":          {"runtime_errors.go", "runtime_xml.go"},
	"runtime_querytest_test.go":      nil,
	"runtime_rest.go":                {"runtime_query.go", "runtime_restnum.go", "runtime_time.go"},
	"runtime_resterror.go":           {"runtime_errors.go", "runtime_queryerror.go", "runtime_xml.go"},
	"runtime_restjsontest_test.go":   {"runtime_jsontest_test.go", "runtime_resttest_test.go"},
	"runtime_restnum.go":             nil,
	"runtime_restreq.go":             {"runtime_http.go", "runtime_rest.go"},
	"runtime_resttest_test.go":       nil,
	"runtime_restxml.go":             {"runtime_errors.go", "runtime_rest.go", "runtime_resterror.go", "runtime_restnum.go", "runtime_xml.go"},
	"runtime_restxmltest_test.go":    {"runtime_protocol_test.go", "runtime_resttest_test.go"},
	"runtime_time.go":                nil,
	"runtime_uuid.go":                nil,
	"runtime_validate.go":            nil,
	"runtime_validatebig.go":         {"runtime_validate.go"},
	"runtime_xml.go":                 {"runtime_time.go"},
	"runtime_xmlbig.go":              {"runtime_xml.go"},
	"runtime_xmlwrite.go":            {"runtime_restnum.go", "runtime_time.go"},
}

// Closure returns names with every file they require, sorted.
func Closure(names []string) []string {
	seen := map[string]bool{}
	var visit func(n string)
	visit = func(n string) {
		if seen[n] {
			return
		}
		seen[n] = true
		for _, r := range Requires[n] {
			visit(r)
		}
	}
	for _, n := range names {
		visit(n)
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}
