// Package templates holds the runtime helpers that generated packages carry
// with them. Each runtime_*.go file is standard-library-only Go that the
// generator copies into a generated package, with the package clause
// rewritten and a "Code generated" header added, when that package needs it.
package templates

import "embed"

// FS holds the runtime_*.go files (tests excluded).
//
//go:embed runtime_*.go
var FS embed.FS
