module example.com/downstream

go 1.26.8

tool github.com/smithy2go/smithy2go/cmd/smithy2go

require (
	github.com/aymanbagabas/go-udiff v0.4.1 // indirect
	github.com/dave/jennifer v1.7.1 // indirect
	github.com/smithy2go/smithy2go v0.0.0-00010101000000-000000000000 // indirect
	github.com/tidwall/gjson v1.20.2 // indirect
	github.com/tidwall/match v1.1.1 // indirect
	github.com/tidwall/pretty v1.3.0 // indirect
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/net v0.62.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
	golang.org/x/tools v0.52.0 // indirect
)

// The example builds the tool from this repository; a real module pins a
// release with "go get -tool github.com/smithy2go/smithy2go/cmd/smithy2go@vX".
replace github.com/smithy2go/smithy2go => ../..
