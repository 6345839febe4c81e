package smithy

// prelude holds the smithy.api shapes every model can target.
var prelude = func() map[ShapeID]*Shape {
	m := map[ShapeID]*Shape{}
	add := func(name string, t Type, traits ...Trait) {
		id := ShapeID("smithy.api#" + name)
		m[id] = &Shape{ID: id, Type: t, Traits: Traits{traits}, Prelude: true}
	}
	zero := func(kind Kind, lit string) Trait {
		return Trait{TraitDefault, Node{Kind: kind, Str: lit, Bool: false}}
	}
	add("String", String)
	add("Blob", Blob)
	add("BigInteger", BigInteger)
	add("BigDecimal", BigDecimal)
	add("Timestamp", Timestamp)
	add("Document", Document)
	add("Boolean", Boolean)
	add("PrimitiveBoolean", Boolean, zero(BoolNode, ""))
	for _, t := range []Type{Byte, Short, Integer, Long, Float, Double} {
		name := string(t[0]-'a'+'A') + string(t[1:])
		add(name, t)
		add("Primitive"+name, t, zero(NumberNode, "0"))
	}
	add("Unit", Structure, Trait{TraitUnitType, Node{Kind: ObjectNode}})
	return m
}()

// UnitID is the prelude's Unit shape: "no input", "no output", an enum member's target.
const UnitID ShapeID = "smithy.api#Unit"

// IsUnit reports whether id is smithy.api#Unit.
func IsUnit(id ShapeID) bool { return id == UnitID }
