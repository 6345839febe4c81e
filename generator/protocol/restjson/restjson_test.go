package restjson

import (
	"testing"

	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

const game = `$version: "2"
namespace example.game

use aws.protocols#restJson1

@restJson1
service Game {
    version: "1"
    operations: [Act, Look, Upload]
}

@http(method: "POST", uri: "/act")
operation Act { input := { action: Action } }

@http(method: "GET", uri: "/look/{where}")
operation Look { input := { @httpLabel @required where: String } }

@http(method: "PUT", uri: "/upload")
operation Upload { input := { @httpPayload data: Data } }

@streaming
blob Data

union Action {
    quit: Unit
    say: String
}
`

func TestSupports(t *testing.T) {
	m, err := smithy.LoadSources(smithy.Source{Name: "game.smithy", Data: []byte(game)})
	if err != nil {
		t.Fatal(err)
	}
	svc, _ := plan.FindService(m, "")
	p, err := plan.Build(m, svc, plan.Options{Package: "game", Protocols: []plan.Protocol{Protocol{}}})
	if err != nil {
		t.Fatal(err)
	}
	// A label, a streaming payload and a union with a Unit variant are
	// carried.
	for _, op := range p.Operations {
		if op.Unsupported != "" {
			t.Errorf("%s: %q", op.Name, op.Unsupported)
		}
	}
}

func TestCustomizations(t *testing.T) {
	c := service(&smithy.Shape{ID: glacierService}, "2012-06-01")
	if !c.glacier || c.apiGateway || c.version != "2012-06-01" {
		t.Errorf("Glacier: %+v", c)
	}
	if c := service(&smithy.Shape{ID: apiGatewayService}, "2015-07-09"); !c.apiGateway || c.glacier {
		t.Errorf("API Gateway: %+v", c)
	}
	if c := service(&smithy.Shape{ID: "example.game#Game"}, "1"); c.apiGateway || c.glacier {
		t.Errorf("another service: %+v", c)
	}
}

// TestErrorCodesAreShapeNames: restJson1 names errors by their shapes, as
// the SDK matches them, even where the model adds an awsQueryError code
// (application-signals, backup, connect and four more AWS models do).
func TestErrorCodesAreShapeNames(t *testing.T) {
	const src = `$version: "2"
namespace example.denied

use aws.protocols#restJson1
use aws.protocols#awsQueryError

@restJson1
service Denied {
    version: "1"
    operations: [Try]
}

@http(method: "POST", uri: "/try")
operation Try { errors: [AccessDeniedException] }

@error("client")
@awsQueryError(code: "AccessDenied", httpResponseCode: 403)
structure AccessDeniedException { message: String }
`
	m, err := smithy.LoadSources(smithy.Source{Name: "denied.smithy", Data: []byte(src)})
	if err != nil {
		t.Fatal(err)
	}
	svc, _ := plan.FindService(m, "")
	p, err := plan.Build(m, svc, plan.Options{Package: "denied", Protocols: []plan.Protocol{Protocol{}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range p.Structs {
		if st.Role == plan.Error && st.Code != "AccessDeniedException" {
			t.Errorf("%s: code %q, want AccessDeniedException", st.Name, st.Code)
		}
	}
}
