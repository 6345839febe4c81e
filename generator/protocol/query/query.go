// Package query writes the wire code of the AWS query protocols: ec2Query
// and its sibling awsQuery. Requests are form-encoded bodies, responses and
// errors are XML. The two differ in a few rules, which Dialect holds.
package query

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol/xmlbody"
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
type Protocol struct{ Dialect }

// The plug-ins, checked against the interface at compile time.
var (
	EC2 emit.Protocol = Protocol{EC2Query}
	AWS emit.Protocol = Protocol{AWSQuery}
)

// Trait is the protocol trait of the dialect.
func (p Protocol) Trait() smithy.ShapeID { return smithy.ShapeID("aws.protocols#" + p.Name) }

// ErrorCode is the awsQueryError code an error shape declares, else its
// name.
func (Protocol) ErrorCode(_, errShape *smithy.Shape) string {
	if q, ok := errShape.Traits.AWSQueryError(); ok && q.Code != "" {
		return q.Code
	}
	return errShape.ID.Name()
}

// ec2Service is EC2, whose model marks numbers and booleans as having a
// zero default where the service needs them unset: the AWS SDKs treat
// every EC2 member as optional (aws-sdk-go-v2 v1.23.0, generated from the
// 1.0 model, has MaxCount *int32 and DryRun *bool), and so do we.
const ec2Service smithy.ShapeID = "com.amazonaws.ec2#AmazonEC2"

// AllMembersOptional holds for EC2 (see ec2Service).
func (p Protocol) AllMembersOptional(svc *smithy.Shape) bool {
	return p.EC2 && svc.ID == ec2Service
}

var (
	_ plan.ErrorCoder      = Protocol{}
	_ plan.OptionalMembers = Protocol{}
)

// Reserved names what the wire code declares beside the model's shapes.
func (p Protocol) Reserved() plan.Reserved {
	return plan.Reserved{
		Package: []string{"UnmarshalError"},
		Input:   []string{"MarshalQuery"},
		Output:  []string{"UnmarshalResponse"},
	}
}

// Emit writes serializers.go and deserializers.go: MarshalQuery,
// UnmarshalResponse and UnmarshalError, and the HTTP-level functions the
// plan names for each operation.
func (p Protocol) Emit(g *emit.Generator) error {
	g.UseRuntime("runtime_query.go", "runtime_querybody.go", "runtime_queryerror.go", "runtime_http.go", "runtime_metadata.go")
	if usesBigNumbers(g.Plan) {
		g.UseRuntime("runtime_xmlbig.go")
	}
	w := &writer{g: g, d: p.Dialect}
	w.serializers()
	w.deserializers()
	return nil
}

// TestKit tells generated tests how to check the wire code: request
// bodies as key/value pairs, responses as XML documents, both written by
// the oracle in oracle.go.
func (p Protocol) TestKit() emit.TestKit {
	seed := "<ErrorResponse><Error><Type>Sender</Type><Code>X</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>"
	if p.EC2 {
		seed = "<Response><Errors><Error><Code>X</Code><Message>m</Message></Error></Errors><RequestID>r</RequestID></Response>"
	}
	return emit.TestKit{
		Request:      p.Dialect.goldenRequest,
		RequestExt:   ".form",
		CheckRequest: "checkFormRequest",
		Response:     p.Dialect.goldenResponse,
		ResponseExt:  ".xml",
		ErrorSeeds:   []emit.Response{{Status: 400, Body: []byte(seed)}},
		Runtime:      []string{"runtime_querytest_test.go"},
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

// Supports reports whether the dialect can carry an operation, and why not.
func (p Protocol) Supports(pl *plan.Plan, op *plan.Operation) string {
	d := p.Dialect
	// bad says why a member's type, in a request or not, cannot be carried.
	bad := func(t *plan.Type, input bool) string {
		found := plan.Find(t, func(t *plan.Type) bool {
			return t.Kind == plan.DocumentKind || d.EC2 && input && t.Kind == plan.MapKind
		})
		switch {
		case found == nil:
			return ""
		case found.Kind == plan.DocumentKind:
			return "documents are not defined for " + d.Name
		}
		return "maps in requests are not defined for ec2Query"
	}
	for _, f := range op.Input.Fields {
		if why := bad(f.Type, true); why != "" {
			return "input member " + f.Name + ": " + why
		}
	}
	for _, f := range op.Output.Fields {
		if why := bad(f.Type, false); why != "" {
			return "output member " + f.Name + ": " + why
		}
	}
	for _, e := range op.Errors {
		for _, f := range e.Fields {
			if why := bad(f.Type, false); why != "" {
				return "error " + e.Name + " member " + f.Name + ": " + why
			}
		}
	}
	return ""
}

// RequestKey is where a member's value goes in a form-encoded request,
// relative to its container: "Name", or for collections the path to the
// first item, such as "Name.member.1" or "Name.entry.1.{key,value}".
func (d Dialect) RequestKey(f *plan.Field) string {
	key := d.requestKey(f.Member)
	flat := d.flattened(f.Member)
	switch f.Type.Kind {
	case plan.ListKind:
		if !flat {
			key += "." + xmlbody.ListItemName(f.Type)
		}
		key += ".1"
	case plan.MapKind:
		if !flat {
			key += ".entry"
		}
		key += ".1.{" + xmlbody.MapKeyName(f.Type) + "," + xmlbody.MapValueName(f.Type) + "}"
	}
	return key
}

// ResponseName is a member's name in responses: "@name" for an
// attribute, and for collections the path to an item, such as
// "names/member" or, flattened, "name".
func (d Dialect) ResponseName(f *plan.Field) string {
	m := f.Member
	name := xmlbody.Name(m)
	if m.Traits.XMLAttribute() {
		return "@" + name
	}
	flat := m.Traits.XMLFlattened()
	switch f.Type.Kind {
	case plan.ListKind:
		if !flat {
			name += "/" + xmlbody.ListItemName(f.Type)
		}
	case plan.MapKind:
		if !flat {
			name += "/entry"
		}
		name += "/{" + xmlbody.MapKeyName(f.Type) + "," + xmlbody.MapValueName(f.Type) + "}"
	}
	return name
}

// WireNames says where a member goes on the wire, for reports.
func (p Protocol) WireNames(f *plan.Field) (request, response string) {
	return p.RequestKey(f), p.ResponseName(f)
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

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func textf(format string, args ...any) jen.Code { return emit.Text(fmt.Sprintf(format, args...)) }
