// Package smithy loads Smithy models, IDL (subpackage idl parses it) and
// JSON AST, into typed shapes.
//
// It is the generator's first stage: it owns the raw model text, so later
// stages work on Shapes, Members and Traits only. Several files merge into
// one model; Smithy 1.0 files are read with their 2.0 meaning. A model
// that loads has passed the checks in check.go; every problem found is
// reported at once, each with its file:line:col and shape ID.
package smithy
