package client

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithy2go/smithy2go/generator/emit"
	"github.com/smithy2go/smithy2go/generator/plan"
)

// clientFile writes client.go: the constants, Client, Options and its
// interfaces, New and NewFromConfig.
func (w *writer) clientFile() {
	f := w.file("client.go")
	n := w.n
	f.Add(emit.Text(n.ServiceID + " is the service's SDK ID, which errors name."))
	f.Const().Id(n.ServiceID).Op("=").Lit(w.c.ServiceID)
	f.Line()
	f.Add(emit.Text(n.ServiceAPIVersion + " is the version of the API the package was generated from."))
	f.Const().Id(n.ServiceAPIVersion).Op("=").Lit(w.g.Plan.Version)
	f.Line()

	f.Add(emit.Text(n.Client + " calls " + w.title() + ". Its API is the AWS SDK for Go v2's, for the operations generated: " +
		n.New + ", " + n.NewFromConfig + " and one method per operation. It signs, retries and reads credentials with the SDK's core modules. A " + n.Client + " is safe for concurrent use."))
	f.Type().Id(n.Client).Struct(
		jen.Id("options").Id(n.Options),
		jen.Id("config").Id("clientConfig"),
		jen.Comment("timeOffset is the clock skew the service's responses show, shared by calls."),
		jen.Id("timeOffset").Op("*").Qual("sync/atomic", "Int64"),
	)
	f.Line()

	w.interfaces(f)
	w.options(f)
	w.newFunc(f)
	w.newFromConfig(f)
	w.config(f)
}

// title names the service: its title trait, else its shape name.
func (w *writer) title() string {
	if t, ok := w.g.Plan.Service.Traits.Get("smithy.api#title"); ok && t.String() != "" {
		return t.String()
	}
	return w.g.Plan.Service.ID.Name()
}

func (w *writer) interfaces(f *jen.File) {
	n := w.n
	f.Add(emit.Text(n.HTTPClient + " sends HTTP requests; *http.Client is one."))
	f.Type().Id(n.HTTPClient).Interface(
		jen.Id("Do").Params(jen.Op("*").Qual("net/http", "Request")).Params(jen.Op("*").Qual("net/http", "Response"), jen.Error()),
	)
	f.Line()
	f.Add(emit.Text(n.HTTPSignerV4 + " signs requests with AWS Signature Version 4; the SDK's v4.Signer is one."))
	f.Type().Id(n.HTTPSignerV4).Interface(
		jen.Id("SignHTTP").Params(
			jen.Id("ctx").Qual("context", "Context"),
			jen.Id("credentials").Qual(pkgAWS, "Credentials"),
			jen.Id("r").Op("*").Qual("net/http", "Request"),
			jen.Id("payloadHash").String(),
			jen.Id("service").String(),
			jen.Id("region").String(),
			jen.Id("signingTime").Qual("time", "Time"),
			jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Qual(pkgV4, "SignerOptions")),
		).Error(),
	)
	f.Line()
	f.Add(emit.Text(n.IdempotencyTokenProvider + " supplies the idempotency tokens of inputs that leave theirs unset."))
	f.Type().Id(n.IdempotencyTokenProvider).Interface(
		jen.Id("GetIdempotencyToken").Params().Params(jen.String(), jen.Error()),
	)
	f.Line()
	f.Add(emit.Text(n.EndpointResolverOptions + " choose among the service's endpoints."))
	f.Type().Id(n.EndpointResolverOptions).Struct(
		jen.Comment("UseDualStackEndpoint asks for an endpoint that takes IPv6 and IPv4."),
		jen.Id("UseDualStackEndpoint").Qual(pkgAWS, "DualStackEndpointState"),
		jen.Line().Comment("UseFIPSEndpoint asks for an endpoint with FIPS 140 validated cryptography."),
		jen.Id("UseFIPSEndpoint").Qual(pkgAWS, "FIPSEndpointState"),
	)
	f.Line()
}

// flagDocs document the flags the SDK's clients have, by name.
var flagDocs = map[string]string{
	"UsePathStyle":                   "UsePathStyle puts the bucket in the path (https://s3.us-west-2.amazonaws.com/BUCKET/KEY) rather than in the host name (https://BUCKET.s3.us-west-2.amazonaws.com/KEY), which is the default wherever the bucket's name allows it.",
	"UseAccelerate":                  "UseAccelerate sends calls to S3 Transfer Acceleration endpoints. The bucket must have acceleration turned on and a name that can be a host name.",
	"UseARNRegion":                   "UseARNRegion lets an ARN given as a bucket or resource name send the call to its own region, and sign for it, when that is not the client's Region; without it such a call fails.",
	"DisableMultiRegionAccessPoints": "DisableMultiRegionAccessPoints makes calls to Multi-Region Access Point ARNs fail.",
}

// flagDoc documents f, and where NewFromConfig takes it from.
func flagDoc(f *plan.FlagOption) string {
	doc, ok := flagDocs[f.Name]
	if !ok {
		doc = f.Name + " sets the endpoint parameter " + strings.Join(f.Params, " and ") + "."
	}
	if f.Source != "" {
		doc += " " + "NewFromConfig takes it from the aws.Config's sources (the shared config file and the environment), as the SDK's does."
	}
	return doc
}

// option is one field of Options.
type option struct {
	name string
	typ  jen.Code
	doc  string
}

func (w *writer) optionFields() []option {
	n := w.n
	fields := []option{
		{"AppID", jen.String(), "AppID is an application identifier appended to the User-Agent header."},
		{"AuthSchemePreference", jen.Index().String(), "AuthSchemePreference lists auth scheme names (such as \"sigv4\") to try before the others the service accepts."},
		{"BaseEndpoint", jen.Op("*").String(), "BaseEndpoint is the endpoint to send requests to, given to " + n.EndpointResolverV2 + " as the Endpoint parameter."},
		{"ClientLogMode", jen.Qual(pkgAWS, "ClientLogMode"), "ClientLogMode says what to write to Logger: retries, requests, responses, signing."},
		{"Credentials", jen.Qual(pkgAWS, "CredentialsProvider"), "Credentials sign requests with SigV4; New caches them with aws.CredentialsCache. Nil or aws.AnonymousCredentials sends requests unsigned."},
		{"DisableClockSkewCorrection", jen.Bool(), "DisableClockSkewCorrection keeps the signing clock from following the service's."},
		{"EndpointOptions", jen.Id(n.EndpointResolverOptions), "EndpointOptions choose FIPS and dual-stack endpoints."},
		{"EndpointResolverV2", jen.Id(n.EndpointResolverV2), "EndpointResolverV2 resolves the endpoint of each call; " + n.NewDefaultEndpointResolverV2 + " by default."},
		{"HTTPClient", jen.Id(n.HTTPClient), "HTTPClient sends requests; the SDK's awshttp.BuildableClient by default."},
		{"HTTPSignerV4", jen.Id(n.HTTPSignerV4), "HTTPSignerV4 signs requests; the SDK's v4.Signer by default."},
		{"IdempotencyTokenProvider", jen.Id(n.IdempotencyTokenProvider), "IdempotencyTokenProvider fills idempotency tokens the input leaves unset; a random UUID by default. A retry sends the same token."},
		{"Logger", jen.Qual(pkgLogging, "Logger"), "Logger receives what ClientLogMode asks for."},
		{"Region", jen.String(), "Region is the region to send requests to and sign for."},
		{"RetryMaxAttempts", jen.Int(), "RetryMaxAttempts is the most attempts a call makes; 0 keeps the retryer's."},
		{"RetryMode", jen.Qual(pkgAWS, "RetryMode"), "RetryMode picks the default retryer, standard or adaptive, when Retryer is nil."},
		{"Retryer", jen.Qual(pkgAWS, "Retryer"), "Retryer decides which failures are retried and how long to wait; retry.NewStandard() by default."},
		{"ValidateConstraints", jen.Bool(), "ValidateConstraints rejects inputs that break any constraint of the model (what Validate checks), not only those that lack a required member, before anything is sent."},
	}
	for _, f := range w.c.Flags {
		fields = append(fields, option{f.Name, jen.Bool(), flagDoc(f)})
	}
	if w.c.AccountIDMode {
		fields = append(fields, option{"AccountIDEndpointMode", jen.Qual(pkgAWS, "AccountIDEndpointMode"),
			"AccountIDEndpointMode says whether calls go to endpoints of the account of the credentials (their AccountID): preferred (as when unset) where the credentials carry one, required, or disabled. NewFromConfig takes aws.Config's."})
	}
	slices.SortFunc(fields, func(a, b option) int { return strings.Compare(a.name, b.name) })
	if w.has(string(plan.AuthBearer)) {
		fields = append(fields, option{"BearerAuthTokenProvider", jen.Qual(pkgBearer, "TokenProvider"), "BearerAuthTokenProvider supplies the token of the service's bearer authentication."})
	}
	if _, ok := w.apiKey(); ok {
		fields = append(fields, option{"APIKey", jen.String(), "APIKey is the key of the service's API key authentication."})
	}
	if w.has(string(plan.AuthBasic)) {
		fields = append(fields,
			option{"BasicAuthUsername", jen.String(), "BasicAuthUsername is the user name of the service's basic authentication."},
			option{"BasicAuthPassword", jen.String(), "BasicAuthPassword is the password of the service's basic authentication."})
	}
	return fields
}

func (w *writer) options(f *jen.File) {
	n := w.n
	var fields []jen.Code
	for i, o := range w.optionFields() {
		if i > 0 {
			fields = append(fields, jen.Line())
		}
		fields = append(fields, emit.Text(o.doc), jen.Id(o.name).Add(o.typ))
	}
	fields = append(fields, jen.Line(), emit.Text("apiOptions counts the aws.Config.APIOptions NewFromConfig was given: middleware for a stack this client does not have, which its calls refuse rather than ignore."),
		jen.Id("apiOptions").Int())
	f.Add(emit.Text(n.Options + " configure the " + n.Client + ", as the SDK's client Options do."))
	f.Type().Id(n.Options).Struct(fields...)
	f.Line()
	f.Add(emit.Text("Copy returns a copy of o whose slices can change apart from o's."))
	f.Func().Params(jen.Id("o").Id(n.Options)).Id("Copy").Params().Id(n.Options).Block(
		jen.Id("to").Op(":=").Id("o"),
		jen.Id("to").Dot("AuthSchemePreference").Op("=").Qual("slices", "Clone").Call(jen.Id("o").Dot("AuthSchemePreference")),
		jen.Return(jen.Id("to")),
	)
	f.Line()
	f.Add(emit.Text(n.WithEndpointResolverV2 + " sets Options.EndpointResolverV2, for a call or a client."))
	f.Func().Id(n.WithEndpointResolverV2).Params(jen.Id("v").Id(n.EndpointResolverV2)).Func().Params(jen.Op("*").Id(n.Options)).Block(
		jen.Return(jen.Func().Params(jen.Id("o").Op("*").Id(n.Options)).Block(jen.Id("o").Dot("EndpointResolverV2").Op("=").Id("v"))),
	)
	f.Line()
	if n.OptionsMethod != "" {
		f.Add(emit.Text(n.OptionsMethod + " returns a copy of the client's options."))
		f.Func().Params(jen.Id("c").Op("*").Id(n.Client)).Id(n.OptionsMethod).Params().Id(n.Options).Block(
			jen.Return(jen.Id("c").Dot("options").Dot("Copy").Call()),
		)
		f.Line()
	}
}

// newFunc writes New, which fills in the SDK's defaults in the SDK's
// order: before optFns the defaults, after them what depends on the
// final options.
func (w *writer) newFunc(f *jen.File) {
	n := w.n
	o := jen.Id("options")
	f.Add(emit.Text(n.New + " returns a client configured by options and then optFns, with the SDK's defaults for what they leave unset."))
	f.Func().Id(n.New).Params(o.Clone().Id(n.Options), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id(n.Options))).Op("*").Id(n.Client).Block(
		o.Clone().Op("=").Add(o.Clone()).Dot("Copy").Call(),
		jen.If(o.Clone().Dot("Logger").Op("==").Nil()).Block(o.Clone().Dot("Logger").Op("=").Qual(pkgLogging, "Nop").Values()),
		jen.If(o.Clone().Dot("Retryer").Op("==").Nil()).Block(
			o.Clone().Dot("Retryer").Op("=").Id("clientDefaultRetryer").Call(o.Clone().Dot("RetryMode"), o.Clone().Dot("RetryMaxAttempts")),
		),
		jen.If(o.Clone().Dot("HTTPClient").Op("==").Nil()).Block(
			o.Clone().Dot("HTTPClient").Op("=").Qual(pkgAWSHTTP, "NewBuildableClient").Call(),
		),
		jen.If(o.Clone().Dot("HTTPSignerV4").Op("==").Nil()).Block(
			o.Clone().Dot("HTTPSignerV4").Op("=").Id("clientDefaultSigner").Call(o.Clone().Dot("Logger"), o.Clone().Dot("ClientLogMode")),
		),
		jen.If(o.Clone().Dot("EndpointResolverV2").Op("==").Nil()).Block(
			o.Clone().Dot("EndpointResolverV2").Op("=").Id(n.NewDefaultEndpointResolverV2).Call(),
		),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Op("&").Add(o.Clone()))),
		jen.If(o.Clone().Dot("RetryMaxAttempts").Op("!=").Lit(0)).Block(
			o.Clone().Dot("Retryer").Op("=").Qual(pkgRetry, "AddWithMaxAttempts").Call(o.Clone().Dot("Retryer"), o.Clone().Dot("RetryMaxAttempts")),
		),
		o.Clone().Dot("Credentials").Op("=").Id("clientCredentials").Call(o.Clone().Dot("Credentials")),
		jen.Id("c").Op(":=").Op("&").Id(n.Client).Add(values(
			kv("options", o.Clone()),
			kv("timeOffset", jen.New(jen.Qual("sync/atomic", "Int64"))),
		)),
		jen.Id("c").Dot("config").Op("=").Id("c").Dot("options").Dot("config").Call(jen.Id("c").Dot("timeOffset")),
		jen.Return(jen.Id("c")),
	)
	f.Line()
}

// newFromConfig writes NewFromConfig, which takes what the SDK's takes
// from an aws.Config.
func (w *writer) newFromConfig(f *jen.File) {
	n := w.n
	cfg := jen.Id("cfg")
	fields := []jen.Code{
		kv("Region", cfg.Clone().Dot("Region")),
		kv("HTTPClient", cfg.Clone().Dot("HTTPClient")),
		kv("Credentials", cfg.Clone().Dot("Credentials")),
		kv("Logger", cfg.Clone().Dot("Logger")),
		kv("ClientLogMode", cfg.Clone().Dot("ClientLogMode")),
		kv("AppID", cfg.Clone().Dot("AppID")),
		kv("DisableClockSkewCorrection", cfg.Clone().Dot("DisableClockSkewCorrection")),
		kv("AuthSchemePreference", cfg.Clone().Dot("AuthSchemePreference")),
		kv("RetryMaxAttempts", cfg.Clone().Dot("RetryMaxAttempts")),
		kv("RetryMode", cfg.Clone().Dot("RetryMode")),
	}
	if w.c.AccountIDMode {
		fields = append(fields, kv("AccountIDEndpointMode", cfg.Clone().Dot("AccountIDEndpointMode")))
	}
	fields = append(fields, kv("apiOptions", jen.Len(cfg.Clone().Dot("APIOptions"))))
	body := []jen.Code{
		jen.Id("o").Op(":=").Id(n.Options).Add(values(fields...)),
		jen.If(cfg.Clone().Dot("Retryer").Op("!=").Nil()).Block(jen.Id("o").Dot("Retryer").Op("=").Add(cfg.Clone()).Dot("Retryer").Call()),
		jen.List(jen.Id("o").Dot("BaseEndpoint"), jen.Id("o").Dot("EndpointOptions").Dot("UseFIPSEndpoint"), jen.Id("o").Dot("EndpointOptions").Dot("UseDualStackEndpoint")).Op("=").
			Id("clientConfigSources").Call(cfg.Clone(), jen.Id(n.ServiceID)),
	}
	for _, fl := range w.c.Flags {
		if fl.Source == "" {
			continue
		}
		w.g.UseRuntime(runtimeBuiltIns)
		f.Add(emit.Text(fl.SourceType + " is an aws.Config source that holds the setting of " + fl.Name + "."))
		f.Type().Id(fl.SourceType).Interface(jen.Id(fl.Source).Params(jen.Qual("context", "Context")).Params(jen.Bool(), jen.Bool(), jen.Error()))
		f.Line()
		source := jen.Id(fl.SourceType).Dot(fl.Source)
		body = append(body, jen.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Id("clientSourceFlag").Call(cfg.Clone().Dot("ConfigSources"), source), jen.Id("ok")).Block(
			jen.Id("o").Dot(fl.Name).Op("=").Id("v"),
		))
	}
	f.Add(emit.Text(n.NewFromConfig + " returns a client configured from cfg, such as config.LoadDefaultConfig gives, and then optFns."))
	f.Func().Id(n.NewFromConfig).Params(cfg.Clone().Qual(pkgAWS, "Config"), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id(n.Options))).Op("*").Id(n.Client).Block(append(body,
		jen.Return(jen.Id(n.New).Call(jen.Id("o"), jen.Func().Params(jen.Id("o").Op("*").Id(n.Options)).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Add(cfg.Clone()).Dot("ServiceOptions")).Block(jen.Id("fn").Call(jen.Id(n.ServiceID), jen.Id("o"))),
			jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Id("o"))),
		))))...,
	)
	f.Line()
}

// config writes what the call loop takes from Options, and the per-call
// options of a call with optFns.
func (w *writer) config(f *jen.File) {
	n := w.n
	o := jen.Id("o")
	auth := []jen.Code{
		kv("schemes", jen.Id("clientPreferred").Call(schemes(w.c.Auth), o.Clone().Dot("AuthSchemePreference"))),
		kv("credentials", o.Clone().Dot("Credentials")),
		kv("signer", o.Clone().Dot("HTTPSignerV4")),
		kv("signingName", jen.Lit(w.c.SigningName)),
		kv("region", o.Clone().Dot("Region")),
	}
	if w.has(string(plan.AuthBearer)) {
		auth = append(auth, kv("bearer", o.Clone().Dot("BearerAuthTokenProvider")))
	}
	if a, ok := w.apiKey(); ok {
		auth = append(auth,
			kv("apiKey", o.Clone().Dot("APIKey")),
			kv("apiKeyName", jen.Lit(a.Name)),
			kv("apiKeyIn", jen.Lit(a.In)),
			kv("apiKeyPrefix", jen.Lit(a.Scheme)))
	}
	if w.has(string(plan.AuthBasic)) {
		auth = append(auth,
			kv("basicUser", o.Clone().Dot("BasicAuthUsername")),
			kv("basicPassword", o.Clone().Dot("BasicAuthPassword")))
	}
	f.Add(emit.Text("config is what the call loop needs of o."))
	f.Func().Params(o.Clone().Op("*").Id(n.Options)).Id("config").Params(jen.Id("skew").Op("*").Qual("sync/atomic", "Int64")).Id("clientConfig").Block(
		jen.Return(jen.Id("clientPrepared").Call(jen.Id("clientConfig").Add(values(
			kv("serviceID", jen.Id(n.ServiceID)),
			kv("httpClient", o.Clone().Dot("HTTPClient")),
			kv("retryer", jen.Id("clientRetryerV2").Call(o.Clone().Dot("Retryer"))),
			kv("auth", jen.Id("clientAuthConfig").Add(values(auth...))),
			kv("logger", o.Clone().Dot("Logger")),
			kv("logMode", o.Clone().Dot("ClientLogMode")),
			kv("userAgent", w.userAgent(o)),
			kv("skew", jen.Id("skew")),
			kv("noSkewCorrection", o.Clone().Dot("DisableClockSkewCorrection")),
			kv("validateAll", o.Clone().Dot("ValidateConstraints")),
			kv("refuse", jen.Id("clientAPIOptions").Call(o.Clone().Dot("apiOptions"))),
		)))),
	)
	f.Line()
	f.Add(emit.Text("operation returns the options of a call: the client's, or, with optFns, a copy they change."))
	f.Func().Params(jen.Id("c").Op("*").Id(n.Client)).Id("operation").Params(jen.Id("optFns").Index().Func().Params(jen.Op("*").Id(n.Options))).Params(jen.Op("*").Id(n.Options), jen.Op("*").Id("clientConfig")).Block(
		jen.If(jen.Len(jen.Id("optFns")).Op("==").Lit(0)).Block(
			jen.Return(jen.Op("&").Id("c").Dot("options"), jen.Op("&").Id("c").Dot("config")),
		),
		o.Clone().Op(":=").Id("c").Dot("options").Dot("Copy").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Op("&").Add(o.Clone()))),
		jen.If(o.Clone().Dot("RetryMaxAttempts").Op("!=").Lit(0).Op("&&").Add(o.Clone()).Dot("RetryMaxAttempts").Op("!=").Id("c").Dot("options").Dot("RetryMaxAttempts")).Block(
			o.Clone().Dot("Retryer").Op("=").Qual(pkgRetry, "AddWithMaxAttempts").Call(o.Clone().Dot("Retryer"), o.Clone().Dot("RetryMaxAttempts")),
		),
		jen.If(o.Clone().Dot("Credentials").Op("!=").Id("c").Dot("options").Dot("Credentials")).Block(
			o.Clone().Dot("Credentials").Op("=").Id("clientCredentials").Call(o.Clone().Dot("Credentials")),
		),
		jen.Id("cfg").Op(":=").Add(o.Clone()).Dot("config").Call(jen.Id("c").Dot("timeOffset")),
		jen.Return(jen.Op("&").Add(o.Clone()), jen.Op("&").Id("cfg")),
	)
	f.Line()
}

// userAgent builds the User-Agent with the features the SDK's client adds
// for its options.
func (w *writer) userAgent(o *jen.Statement) *jen.Statement {
	args := []jen.Code{jen.Lit(w.c.APIName), o.Clone().Dot("AppID"), o.Clone().Dot("Retryer")}
	if w.c.AccountIDMode {
		w.g.UseRuntime(runtimeBuiltIns)
		args = append(args, jen.Id("clientAccountIDModeFeature").Call(o.Clone().Dot("AccountIDEndpointMode")))
	}
	return jen.Id("clientUserAgent").Call(args...)
}
