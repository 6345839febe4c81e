package plan

import (
	"testing"

	"github.com/smithy2go/smithy2go/generator/smithy"
)

// A union member may target Unit: its variant holds no value (struct{}).
func TestUnitVariant(t *testing.T) {
	const model = `$version: "2"
namespace example.game

service Game { version: "1", operations: [Act] }

operation Act { input := { action: Action } }

union Action {
    quit: Unit
    say: String
}
`
	m, err := smithy.LoadSources(smithy.Source{Name: "game.smithy", Data: []byte(model)})
	if err != nil {
		t.Fatal(err)
	}
	svc, _ := FindService(m, "")
	p, err := Build(m, svc, Options{Package: "game"})
	if err != nil {
		t.Fatal(err)
	}
	u := p.Unions[0]
	if quit := u.Variants[0]; quit.Name != "ActionMemberQuit" || quit.Field.Type.Kind != UnitKind || quit.Field.Pointer {
		t.Errorf("quit variant %s: kind %v pointer %v", quit.Name, quit.Field.Type.Kind, quit.Field.Pointer)
	}
	if say := u.Variants[1]; say.Field.Type.Kind != StringKind {
		t.Errorf("say variant kind %v", say.Field.Type.Kind)
	}
}
