// Package client writes a generated package's client, whose API is
// aws-sdk-go-v2's: Options, New, NewFromConfig, one method per operation
// and paginators. The calls run on the runtime's call loop
// (templates/runtime_client*.go) with the SDK's signer, retryer and
// credentials. plan.BuildClient makes every decision; this package only
// prints: client.go, client_endpoints.go, client_operations.go and
// client_paginators.go.
package client

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
)

// Import paths of the SDK's core modules and smithy-go.
const (
	pkgAWS       = "github.com/aws/aws-sdk-go-v2/aws"
	pkgRetry     = "github.com/aws/aws-sdk-go-v2/aws/retry"
	pkgV4        = "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	pkgAWSHTTP   = "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	pkgLogging   = "github.com/aws/smithy-go/logging"
	pkgEndpoints = "github.com/aws/smithy-go/endpoints"
	pkgBearer    = "github.com/aws/smithy-go/auth/bearer"
	pkgSmithy    = "github.com/aws/smithy-go"
)

// Runtime are the runtime files the client needs; the files they need
// come along (templates.Requires).
var Runtime = []string{"runtime_client.go", "runtime_client_config.go"}

// runtimeBuiltIns binds the built-in endpoint parameters beyond the four
// every client has.
const runtimeBuiltIns = "runtime_client_builtins.go"

// Emit writes the client of c into g's package.
func Emit(g *emit.Generator, c *plan.Client) {
	g.UseRuntime(Runtime...)
	w := &writer{g: g, c: c, n: &c.Names}
	w.clientFile()
	w.endpointsFile()
	w.operationsFile()
	if len(c.Paginators) > 0 {
		w.paginatorsFile()
	}
}

type writer struct {
	g *emit.Generator
	c *plan.Client
	n *plan.ClientNames
}

// file starts a Go file with the SDK's packages under the names its own
// clients import them as.
func (w *writer) file(name string) *jen.File {
	f := w.g.GoFile(name)
	f.ImportAlias(pkgV4, "v4")
	f.ImportAlias(pkgAWSHTTP, "awshttp")
	f.ImportAlias(pkgEndpoints, "smithyendpoints")
	f.ImportAlias(pkgSmithy, "smithy")
	return f
}

// kv is one key: value of a composite literal written by values.
func kv(key string, value jen.Code) jen.Code {
	return jen.Line().Id(key).Op(":").Add(value)
}

// values is a composite literal with one key per line, in the order given
// (jen.Dict would sort them).
func values(items ...jen.Code) *jen.Statement {
	return jen.Values(append(items, jen.Line())...)
}

// has reports whether the service accepts the auth scheme id, for the
// Options field that holds its identity.
func (w *writer) has(id string) bool {
	for _, a := range w.c.Auth {
		if string(a.ID) == id {
			return true
		}
	}
	for _, op := range w.c.Operations {
		for _, a := range op.Auth {
			if string(a.ID) == id {
				return true
			}
		}
	}
	return false
}

// schemes is the []string of scheme IDs the runtime tries, in order.
func schemes(auth []plan.AuthScheme) *jen.Statement {
	var ids []jen.Code
	for _, a := range auth {
		ids = append(ids, jen.Lit(string(a.ID)))
	}
	return jen.Index().String().Values(ids...)
}

// apiKey is the service's httpApiKeyAuth scheme, if it has one.
func (w *writer) apiKey() (plan.AuthScheme, bool) {
	for _, a := range w.c.Auth {
		if a.ID == plan.AuthAPIKey {
			return a, true
		}
	}
	for _, op := range w.c.Operations {
		for _, a := range op.Auth {
			if a.ID == plan.AuthAPIKey {
				return a, true
			}
		}
	}
	return plan.AuthScheme{}, false
}
