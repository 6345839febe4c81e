// Package smithy loads Smithy 2.0 JSON AST models into typed shapes.
//
// It is the generator's first stage: it owns the raw JSON, so later stages
// work on Shapes, Members and Traits only. A model that loads has passed the
// checks in check.go; every problem found is reported at once, each with its
// file:line:col and shape ID.
package smithy
