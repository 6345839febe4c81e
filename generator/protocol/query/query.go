// Package query writes the wire code of the AWS query protocols: ec2Query
// and its sibling awsQuery. Requests are form-encoded bodies, responses and
// errors are XML. The two differ in a few rules, which Dialect holds.
package query

import (
	"strings"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Dialect holds the rules where ec2Query and awsQuery differ.
type Dialect struct {
	Name string
	// EC2 selects ec2Query's rules: keys from ec2QueryName or capitalised
	// xmlName, lists always flattened and omitted when empty, members at
	// the root of responses, and <Response><Errors><Error> errors.
	EC2 bool
}

// The two dialects.
var (
	EC2Query = Dialect{Name: "ec2Query", EC2: true}
	AWSQuery = Dialect{Name: "awsQuery"}
)

// Protocol is the plug-in for one dialect.
type Protocol struct{ D Dialect }

// Emit writes serializers.go, deserializers.go and requests.go.
func (p Protocol) Emit(g *emit.Generator) error {
	g.UseRuntime("runtime_query.go", "runtime_querybody.go", "runtime_time.go", "runtime_xml.go",
		"runtime_errors.go", "runtime_http.go", "runtime_uuid.go", "runtime_queryerror.go", "runtime_metadata.go")
	if usesBigNumbers(g.Plan) {
		g.UseRuntime("runtime_xmlbig.go")
	}
	w := &writer{g: g, d: p.D}
	w.serializers()
	w.deserializers()
	w.requests()
	return nil
}

// Tests tells generated tests how to drive the wire code.
func (p Protocol) Tests() emit.ProtocolTests {
	return emit.ProtocolTests{
		MarshalMethod:   "MarshalQuery",
		UnmarshalMethod: "UnmarshalResponse",
		EncodeRequest:   p.D.encodeRequest,
		EncodeResponse:  p.D.encodeResponse,
	}
}

// usesBigNumbers reports whether any structure has a bigInteger or
// bigDecimal member, whose decoding needs math/big.
func usesBigNumbers(p *plan.Plan) bool {
	big := func(t *plan.Type) bool {
		for ; t != nil; t = t.Elem {
			if t.Kind == plan.BigIntKind || t.Kind == plan.BigDecimalKind {
				return true
			}
		}
		return false
	}
	for _, st := range p.Structs {
		for _, f := range st.Fields {
			if big(f.Type) {
				return true
			}
		}
	}
	for _, u := range p.Unions {
		for _, v := range u.Variants {
			if big(v.Field.Type) {
				return true
			}
		}
	}
	return false
}

type writer struct {
	g *emit.Generator
	d Dialect
}

// Supported reports whether the dialect can carry an operation, and why not.
func (d Dialect) Supported(p *plan.Plan, op *plan.Operation) string {
	if op.Unsupported != "" {
		return op.Unsupported
	}
	seen := map[*plan.Type]bool{}
	var bad func(t *plan.Type, input bool) string
	bad = func(t *plan.Type, input bool) string {
		if seen[t] {
			return ""
		}
		seen[t] = true
		switch t.Kind {
		case plan.DocumentKind:
			return "documents are not defined for " + d.Name
		case plan.MapKind:
			if d.EC2 && input {
				return "maps in requests are not defined for ec2Query"
			}
		}
		var fields []*plan.Field
		switch {
		case t.Struct != nil:
			fields = t.Struct.Fields
		case t.Union != nil:
			for _, v := range t.Union.Variants {
				fields = append(fields, v.Field)
			}
		case t.Elem != nil:
			return bad(t.Elem, input)
		}
		for _, f := range fields {
			if why := bad(f.Type, input); why != "" {
				return why
			}
		}
		return ""
	}
	for _, f := range op.Input.Fields {
		if why := bad(f.Type, true); why != "" {
			return "input member " + f.Name + ": " + why
		}
	}
	seen = map[*plan.Type]bool{}
	for _, f := range op.Output.Fields {
		if why := bad(f.Type, false); why != "" {
			return "output member " + f.Name + ": " + why
		}
	}
	return ""
}

// requestKey is a member's key segment in a request body.
func (d Dialect) requestKey(m *smithy.Member) string {
	if d.EC2 {
		if n, ok := m.Traits.EC2QueryName(); ok {
			return n
		}
		if n, ok := m.Traits.XMLName(); ok {
			return capitalize(n)
		}
		return capitalize(m.Name)
	}
	if n, ok := m.Traits.XMLName(); ok {
		return n
	}
	return m.Name
}

// flattened reports whether a list or map member of a structure is written
// without its wrapper: always in ec2Query, with xmlFlattened in awsQuery.
func (d Dialect) flattened(m *smithy.Member) bool {
	return d.EC2 || m.Traits.XMLFlattened()
}

// listItemName is the element segment of a wrapped list ("member" unless
// the list's member has an xmlName).
func listItemName(t *plan.Type) string {
	if n, ok := t.Member.Traits.XMLName(); ok {
		return n
	}
	return "member"
}

// mapKeyName and mapValueName name a map entry's parts.
func mapKeyName(t *plan.Type) string {
	if n, ok := t.KeyMember.Traits.XMLName(); ok {
		return n
	}
	return "key"
}

func mapValueName(t *plan.Type) string {
	if n, ok := t.Member.Traits.XMLName(); ok {
		return n
	}
	return "value"
}

// xmlName is a member's element name in responses.
func xmlName(m *smithy.Member) string {
	if n, ok := m.Traits.XMLName(); ok {
		return n
	}
	return m.Name
}

// timestampFormat is the runtime constant for a member's timestamp format.
func timestampFormat(m *smithy.Member, target *smithy.Shape) string {
	f, ok := m.Traits.TimestampFormat()
	if !ok {
		f, _ = target.Traits.TimestampFormat()
	}
	switch f {
	case "http-date":
		return "timeHTTPDate"
	case "epoch-seconds":
		return "timeEpochSeconds"
	}
	return "timeDateTime"
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
