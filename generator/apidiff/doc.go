// Package apidiff compares two versions of a Smithy model by the Go API
// smithy2go generates from them, not by their raw shapes: it plans both
// packages and reports what a user of the generated code would notice.
//
// Each change falls in one class:
//
//   - Breaking: code written against the old package may stop compiling.
//     An operation, struct, field, enum type, enum constant, union or
//     variant was removed; a field's Go type or pointer-ness changed; a Go
//     identifier was renamed (the same shape or member now has another Go
//     name, as after a collision); a named type changed kind.
//   - Behaviour: the code still compiles but does something else. A member
//     became required or stopped being required, or a length, range,
//     pattern or uniqueItems constraint changed (Validate changes); a wire
//     name changed (a query request key, or an XML name in responses); an
//     enum constant's wire value, an error code, the protocol or the API
//     version changed.
//   - Addition: a new operation, struct, field, enum type, enum value,
//     union or variant.
//
// Shapes are matched by shape ID (operations by name, enum values by wire
// value, members by name); what is left is matched by Go name, so a shape
// moved to another ID under the same Go name is not reported as removed and
// added. Documentation is ignored.
//
// # JSON
//
// [Report.JSON] writes an object with these fields, which are stable:
//
//	old, new     the model names compared
//	breaking     array of changes
//	behaviour    array of changes
//	additions    array of changes
//
// The arrays are always present, sorted as the text report is. A change
// has these fields; those marked optional are left out when empty:
//
//	element  what changed: service, operation, struct, field, enum,
//	         enum-value, union, variant
//	change   how: added, removed, renamed, kind, type, pointer, required,
//	         optional, constraint, request-key, response-name, wire-value,
//	         error-code, protocol, version
//	ident    the Go identifier, such as "Input.Field" or "EnumConst"; the new
//	         name, or the old one for a removal; for the service, which has
//	         no Go name, its shape name
//	shape    the Smithy shape or member ID (optional)
//	rule     for constraint: "length", "range", "pattern" or "uniqueItems",
//	         prefixed by "element ", "key " or "value " for what a
//	         collection holds (optional)
//	old, new the value before and after: Go names, Go types, constraint
//	         bounds, wire names (optional)
//	text     the line the text report shows after "ident: "
package apidiff
