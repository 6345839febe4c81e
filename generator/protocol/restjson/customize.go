package restjson

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/protocol/httpbind"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// What the AWS SDKs add to the requests of two restJson1 services, and
// the AWS customization suites check.
const (
	glacierService    = "com.amazonaws.glacier#Glacier"
	apiGatewayService = "com.amazonaws.apigateway#BackplaneControlService"
)

// customizations are the service's SDK customizations.
type customizations struct {
	// glacier: every request names the API version in
	// X-Amz-Glacier-Version, an unset account ID is "-" (the caller's
	// account), and uploads carry their checksums.
	glacier bool
	version string
	// apiGateway: every request accepts application/json.
	apiGateway bool
}

func service(svc *smithy.Shape, version string) customizations {
	return customizations{
		glacier:    svc.ID == glacierService,
		version:    version,
		apiGateway: svc.ID == apiGatewayService,
	}
}

// accountID is Glacier's account ID label member, if op has one.
func accountID(op *plan.Operation) *plan.Field {
	for _, b := range httpbind.Bind(op.Input).Of(httpbind.Label) {
		if b.Name == "accountId" && b.Field.Pointer && b.Field.Type.Kind == plan.StringKind {
			return b.Field
		}
	}
	return nil
}

// prepare fills in Glacier's account ID.
func (c customizations) prepare(op *plan.Operation) []jen.Code {
	f := accountID(op)
	if !c.glacier || f == nil {
		return nil
	}
	v := jen.Id("v").Dot(f.Name)
	return []jen.Code{jen.If(v.Clone().Op("==").Nil().Op("||").Op("*").Add(v.Clone()).Op("==").Lit("")).Block(
		jen.Comment(`"-" is the account the request is signed for, as the AWS SDK fills it in.`),
		jen.Id("account").Op(":=").Lit("-"),
		v.Clone().Op("=").Op("&").Id("account"),
	)}
}

// customize adds the services' headers.
func (c customizations) customize(op *plan.Operation, inMemory bool) []jen.Code {
	var out []jen.Code
	if c.apiGateway {
		out = append(out, jen.Id("req").Dot("Header").Index(jen.Lit("Accept")).Op("=").Index().String().Values(jen.Lit("application/json")))
	}
	if c.glacier {
		out = append(out, jen.Id("req").Dot("Header").Index(jen.Lit("X-Amz-Glacier-Version")).Op("=").Index().String().Values(jen.Lit(c.version)))
		if p := httpbind.Bind(op.Input).Payload; p != nil && p.Type.Kind == plan.StreamKind {
			out = append(out, jen.If(jen.Id("v").Dot(p.Name).Op("!=").Nil()).Block(
				jen.If(jen.Err().Op("=").Id("glacierChecksums").Call(jen.Id("req").Dot("Header"), jen.Id("v").Dot(p.Name)), jen.Err().Op("!=").Nil()).Block(
					jen.Return(jen.Nil(), jen.Err())),
			))
		}
	}
	return out
}

// golden adds the customizations to a golden request.
func (c customizations) golden(op *plan.Operation, g *httpbind.Golden) {
	if c.apiGateway {
		g.Set("Accept", "application/json")
	}
	if c.glacier {
		g.Set("X-Amz-Glacier-Version", c.version)
	}
}
