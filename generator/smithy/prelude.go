package smithy

import "strings"

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

// preludeTraits are the trait shapes of smithy.api, by name, with their
// types: IDL files name them without a namespace, and an annotation
// (@sensitive, @tags) takes the empty value of its trait's type. The list
// follows the Smithy 2.0 prelude, the 1.0 box trait included.
var preludeTraits = func() map[string]Type {
	m := map[string]Type{}
	for t, names := range map[Type]string{
		Structure: `trait deprecated box protocolDefinition authDefinition httpBasicAuth httpDigestAuth
			httpBearerAuth httpApiKeyAuth addedDefault clientOptional optionalAuth retryable readonly
			idempotent idempotencyToken internal xmlAttribute xmlFlattened xmlNamespace noReplace private
			sensitive streaming requiresLength length range required property notProperty nestedProperties
			recommended sparse uniqueItems unstable paginated http httpLabel httpQueryParams httpPayload
			httpResponseCode cors eventPayload eventHeader idRef endpoint hostLabel httpChecksumRequired
			input output unitType mixin requestCompression enumDefault`,
		String: `documentation jsonName xmlName mediaType resourceIdentifier since title pattern httpQuery
			httpHeader httpPrefixHeaders`,
		List:     `auth examples references tags enum suppress`,
		Map:      `externalDocumentation`,
		Enum:     `error timestampFormat`,
		Document: `default enumValue`,
		Integer:  `httpError`,
	} {
		for _, n := range strings.Fields(names) {
			m[n] = t
		}
	}
	return m
}()

// preludeName reports whether name is a shape of smithy.api that IDL files
// can name without its namespace: a simple type, Unit, or a trait.
func preludeName(name string) bool {
	if _, ok := prelude[ShapeID("smithy.api#"+name)]; ok {
		return true
	}
	_, ok := preludeTraits[name]
	return ok
}
