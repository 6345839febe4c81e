// Package protocol lists smithy2go's wire protocol plug-ins, one package
// each below this one. Adding a protocol is adding it here.
package protocol

import (
	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol/awsjson"
	"github.com/smithy2go/smithy2go/generator/protocol/query"
	"github.com/smithy2go/smithy2go/generator/protocol/restjson"
	"github.com/smithy2go/smithy2go/generator/protocol/restxml"
)

// All are the plug-ins, in no particular order: a service speaks the one
// whose trait it carries.
var All = []emit.Protocol{query.EC2, query.AWS, awsjson.AWSJSON10, awsjson.AWSJSON11, restjson.RestJSON1, restxml.RestXML}

// Planned are the plug-ins as planning sees them.
func Planned() []plan.Protocol {
	out := make([]plan.Protocol, len(All))
	for i, p := range All {
		out[i] = p
	}
	return out
}
