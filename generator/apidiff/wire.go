package apidiff

import (
	"strings"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// dialect is the wire protocol whose names the report compares. These are
// the naming rules of generator/protocol/query, which keeps them
// unexported; the tests check both agree on the samples they encode.
type dialect int

const (
	noWire dialect = iota
	ec2Query
	awsQuery
)

func dialectOf(protocol smithy.ShapeID) dialect {
	switch protocol {
	case "aws.protocols#ec2Query":
		return ec2Query
	case "aws.protocols#awsQuery":
		return awsQuery
	}
	return noWire
}

// requestKey is where a member's value goes in a form-encoded request,
// relative to its container: "Name", or for collections the path to the
// first item, such as "Name.member.1" or "Name.entry.1.{key,value}".
func (d dialect) requestKey(f *plan.Field) string {
	m := f.Member
	var key string
	switch {
	case d == ec2Query:
		if n, ok := m.Traits.EC2QueryName(); ok {
			key = n
		} else if n, ok := m.Traits.XMLName(); ok {
			key = upperFirst(n)
		} else {
			key = upperFirst(m.Name)
		}
	default:
		key = m.Name
		if n, ok := m.Traits.XMLName(); ok {
			key = n
		}
	}
	flat := d == ec2Query || m.Traits.XMLFlattened()
	switch f.Type.Kind {
	case plan.ListKind:
		if !flat {
			key += "." + itemName(f.Type.Member, "member")
		}
		key += ".1"
	case plan.MapKind:
		if !flat {
			key += ".entry"
		}
		key += ".1.{" + itemName(f.Type.KeyMember, "key") + "," + itemName(f.Type.Member, "value") + "}"
	}
	return key
}

// responseName is a member's XML name in responses: "@name" for an
// attribute, and for collections the path to an item, such as
// "names/item" or, flattened, "name".
func (d dialect) responseName(f *plan.Field) string {
	m := f.Member
	name := m.Name
	if n, ok := m.Traits.XMLName(); ok {
		name = n
	}
	if m.Traits.XMLAttribute() {
		return "@" + name
	}
	flat := m.Traits.XMLFlattened()
	switch f.Type.Kind {
	case plan.ListKind:
		if !flat {
			name += "/" + itemName(f.Type.Member, "member")
		}
	case plan.MapKind:
		if !flat {
			name += "/entry"
		}
		name += "/{" + itemName(f.Type.KeyMember, "key") + "," + itemName(f.Type.Member, "value") + "}"
	}
	return name
}

func itemName(m *smithy.Member, def string) string {
	if m != nil {
		if n, ok := m.Traits.XMLName(); ok {
			return n
		}
	}
	return def
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
