package ruleset

import (
	"fmt"
	"strconv"
	"strings"
)

// Functions of the standard library and of AWS's extension that rule sets
// may call.
const (
	FnIsSet         = "isSet"
	FnNot           = "not"
	FnBooleanEquals = "booleanEquals"
	FnStringEquals  = "stringEquals"
	FnGetAttr       = "getAttr"
	FnSubstring     = "substring"
	FnIsValidHost   = "isValidHostLabel"
	FnParseURL      = "parseURL"
	FnURIEncode     = "uriEncode"
	FnCoalesce      = "coalesce"
	FnIte           = "ite"
	FnSplit         = "split"
	FnPartition     = "aws.partition"
	FnParseArn      = "aws.parseArn"
	FnVirtualHostS3 = "aws.isVirtualHostableS3Bucket"
)

// anyType is a signature argument of any type.
const anyType Type = 0

// signature is a function's argument and result types. Functions with
// generic types (coalesce, ite) are checked apart.
type signature struct {
	args []Type
	ret  Type
	// optional marks functions that may give no value (an empty optional).
	optional bool
	// since is the rules-engine version that introduced the function.
	since string
}

var signatures = map[string]signature{
	FnIsSet:         {args: []Type{anyType}, ret: Bool},
	FnNot:           {args: []Type{Bool}, ret: Bool},
	FnBooleanEquals: {args: []Type{Bool, Bool}, ret: Bool},
	FnStringEquals:  {args: []Type{String, String}, ret: Bool},
	FnSubstring:     {args: []Type{String, Int, Int, Bool}, ret: String, optional: true},
	FnIsValidHost:   {args: []Type{String, Bool}, ret: Bool},
	FnParseURL:      {args: []Type{String}, ret: URL, optional: true},
	FnURIEncode:     {args: []Type{String}, ret: String},
	FnSplit:         {args: []Type{String, String, Int}, ret: StringArray, since: "1.1"},
	FnPartition:     {args: []Type{String}, ret: Partition, optional: true},
	FnParseArn:      {args: []Type{String}, ret: ARN, optional: true},
	FnVirtualHostS3: {args: []Type{String, Bool}, ret: Bool},
}

// attrs are the attributes getAttr reads from each structured type.
var attrs = map[Type]map[string]Type{
	URL: {"scheme": String, "authority": String, "path": String, "normalizedPath": String, "isIp": Bool},
	ARN: {"partition": String, "service": String, "region": String, "accountId": String, "resourceId": StringArray},
	Partition: {"name": String, "dnsSuffix": String, "dualStackDnsSuffix": String,
		"supportsFIPS": Bool, "supportsDualStack": Bool, "implicitGlobalRegion": String},
}

// parsePath splits a getAttr path such as "resourceId[2]" or "name" into
// steps, and returns the type it reads from a value of type t. An index
// may only end a path.
func parsePath(t Type, path string) ([]PathStep, Type, error) {
	if path == "" {
		return nil, 0, fmt.Errorf("the getAttr path is empty")
	}
	var steps []PathStep
	for _, part := range strings.Split(path, ".") {
		key, index, hasIndex := part, "", false
		if i := strings.IndexByte(part, '['); i >= 0 {
			if !strings.HasSuffix(part, "]") {
				return nil, 0, fmt.Errorf("getAttr path %q: %q lacks its closing ]", path, part)
			}
			key, index, hasIndex = part[:i], part[i+1:len(part)-1], true
		}
		if key != "" {
			steps = append(steps, PathStep{Key: key})
		}
		if hasIndex {
			n, err := strconv.Atoi(index)
			if err != nil {
				return nil, 0, fmt.Errorf("getAttr path %q: index %q is not an integer", path, index)
			}
			steps = append(steps, PathStep{Index: n, IsIndex: true})
		}
		if key == "" && !hasIndex {
			return nil, 0, fmt.Errorf("getAttr path %q has an empty part", path)
		}
	}
	for i, s := range steps {
		switch {
		case s.IsIndex && i != len(steps)-1:
			return nil, 0, fmt.Errorf("getAttr path %q: an index may only end the path", path)
		case s.IsIndex && t != StringArray:
			return nil, 0, fmt.Errorf("getAttr path %q indexes a %s, not a list", path, t)
		case s.IsIndex:
			t = String
		default:
			at, ok := attrs[t][s.Key]
			if !ok {
				return nil, 0, fmt.Errorf("getAttr path %q: a %s has no attribute %q%s", path, t, s.Key, attrList(t))
			}
			t = at
		}
	}
	return steps, t, nil
}

func attrList(t Type) string {
	names := make([]string, 0, len(attrs[t]))
	for n := range attrs[t] {
		names = append(names, n)
	}
	if len(names) == 0 {
		return ""
	}
	sortStrings(names)
	return " (it has " + strings.Join(names, ", ") + ")"
}

// EndsInIndex reports whether a getAttr path reads a list element, which
// may be missing.
func EndsInIndex(path []PathStep) bool {
	return len(path) > 0 && path[len(path)-1].IsIndex
}

// versionAtLeast compares rules-engine versions such as "1.0" and "1.1".
func versionAtLeast(v, min string) bool {
	if min == "" {
		return true
	}
	vp, mp := strings.Split(v, "."), strings.Split(min, ".")
	for i := 0; i < len(mp); i++ {
		var a, b int
		if i < len(vp) {
			a, _ = strconv.Atoi(vp[i])
		}
		b, _ = strconv.Atoi(mp[i])
		if a != b {
			return a > b
		}
	}
	return true
}
