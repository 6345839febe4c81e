package plan

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Client is the Go view of a package's client, whose API is aws-sdk-go-v2's:
// the names it declares, and what it must know of the service to sign,
// address and page through calls.
type Client struct {
	Names ClientNames
	// ServiceID is the SDK's ServiceID: the aws.api#service sdkId, else
	// the service shape's name.
	ServiceID string
	// APIName names the service in the User-Agent, as the SDK's module
	// name does ("ec2").
	APIName string
	// SigningName is the aws.auth#sigv4 trait's name; "" without one.
	SigningName string
	// Auth are the service's auth schemes the client supports, in the
	// order it tries them.
	Auth       []AuthScheme
	Operations []*ClientOperation
	Paginators []*Paginator
	// EndpointRules says the package has a resolver generated from the
	// service's endpoint rules; without it the client needs BaseEndpoint.
	EndpointRules bool
	// EndpointBuiltIns are the EndpointParameters fields the client fills,
	// by built-in parameter (BuiltInRegion, ...): from its Options, or the
	// account ID from the credentials.
	EndpointBuiltIns map[string]string
	// Flags are the bool Options fields that set built-in parameters, as
	// the SDK names them (S3's UsePathStyle, ...), sorted by name.
	Flags []*FlagOption
	// AccountIDMode says Options has AccountIDEndpointMode: the rules take
	// the account ID of the credentials, or the mode itself.
	AccountIDMode bool
	// RulesDefaults are the EndpointParameters fields of built-ins the SDK
	// sets from nothing, so that the rules' defaults apply (S3's and STS's
	// UseGlobalEndpoint), sorted.
	RulesDefaults []string
	// Warnings are things the client does not do that the model asks for.
	Warnings smithy.Problems
}

// ClientEndpoints is what the client needs of a package's endpoint code.
type ClientEndpoints struct {
	// BuiltIns are the EndpointParameters fields of the rule set's
	// built-in parameters, by built-in, such as "AWS::Region": "Region".
	BuiltIns map[string]string
	// Types are the types of those parameters in the rules language
	// ("string", "boolean", "stringArray"), by built-in.
	Types map[string]string
	// Bound are the operations whose inputs bind parameters of their own
	// with BindEndpointParameters.
	Bound map[*Operation]bool
	// Declared are the package-level names the endpoint code declares.
	Declared []string
}

// FlagOption is a bool field of Options that sets built-in endpoint
// parameters, such as S3's UsePathStyle.
type FlagOption struct {
	Name string
	// Params are the EndpointParameters fields it sets.
	Params []string
	// Source is the method of aws.Config's sources (the shared config and
	// environment that config.LoadDefaultConfig reads) NewFromConfig takes
	// the setting from, as the SDK's does; "" for none.
	Source string
	// SourceType is the unexported interface of the sources with the
	// method, which the client declares.
	SourceType string
}

// The built-in endpoint parameters the client sets from its Options, or
// from its credentials.
const (
	BuiltInRegion        = "AWS::Region"
	BuiltInUseFIPS       = "AWS::UseFIPS"
	BuiltInDualStack     = "AWS::UseDualStack"
	BuiltInEndpoint      = "SDK::Endpoint"
	BuiltInAccountID     = "AWS::Auth::AccountId"
	BuiltInAccountIDMode = "AWS::Auth::AccountIdEndpointMode"
)

// builtIn is what aws-sdk-go-v2's clients (the releases of 2025-04, on
// core v1.48.0) do with a built-in endpoint parameter.
type builtIn struct {
	// typ is the parameter type the binding needs.
	typ string
	// flag names the bool Options field that sets the parameter, and
	// source the aws.Config source method NewFromConfig reads it from.
	flag, source string
	// rulesDefault: the SDK sets nothing and the rules' default applies.
	rulesDefault bool
}

var sdkBuiltIns = map[string]builtIn{
	BuiltInRegion:        {typ: "string"},
	BuiltInUseFIPS:       {typ: "boolean"},
	BuiltInDualStack:     {typ: "boolean"},
	BuiltInEndpoint:      {typ: "string"},
	BuiltInAccountID:     {typ: "string"},
	BuiltInAccountIDMode: {typ: "string"},
	// S3's client options, and the shared config keys its NewFromConfig
	// reads (s3_use_arn_region, s3_disable_multiregion_access_points).
	"AWS::S3::ForcePathStyle":                 {typ: "boolean", flag: "UsePathStyle"},
	"AWS::S3::Accelerate":                     {typ: "boolean", flag: "UseAccelerate"},
	"AWS::S3::DisableMultiRegionAccessPoints": {typ: "boolean", flag: "DisableMultiRegionAccessPoints", source: "GetS3DisableMultiRegionAccessPoints"},
	"AWS::S3::UseArnRegion":                   {typ: "boolean", flag: "UseARNRegion", source: "GetS3UseARNRegion"},
	"AWS::S3Control::UseArnRegion":            {typ: "boolean", flag: "UseARNRegion", source: "GetS3UseARNRegion"},
	// The SDK has no option for the legacy global endpoints: its S3 and
	// STS clients send us-east-1 calls to the regional endpoint.
	"AWS::S3::UseGlobalEndpoint":  {typ: "boolean", rulesDefault: true},
	"AWS::STS::UseGlobalEndpoint": {typ: "boolean", rulesDefault: true},
}

// ownBuiltIns are the fields of the EndpointParameters a client declares
// itself, for a service without endpoint rules: the SDK's names.
var ownBuiltIns = map[string]string{BuiltInRegion: "Region", BuiltInUseFIPS: "UseFIPS", BuiltInDualStack: "UseDualStack", BuiltInEndpoint: "Endpoint"}

// bindBuiltIns decides how the client sets each built-in parameter of the
// rule set, as the SDK does; what it cannot set is a warning, and the
// rules' default applies.
func (c *Client) bindBuiltIns(p *Plan, endpoints *ClientEndpoints) smithy.Problems {
	var warnings smithy.Problems
	warn := func(format string, args ...any) {
		warnings = append(warnings, smithy.Problem{Pos: p.Model.Position(p.Service.Offset), Shape: p.Service.ID, Message: fmt.Sprintf(format, args...)})
	}
	flags := map[string]*FlagOption{}
	for _, b := range slices.Sorted(maps.Keys(endpoints.BuiltIns)) {
		field := endpoints.BuiltIns[b]
		fact, known := sdkBuiltIns[b]
		switch {
		case !known:
			warn("client: the endpoint parameter %s (built-in %s) is left to the rules' default: aws-sdk-go-v2 has no option for it that smithy2go knows of", field, b)
			continue
		case endpoints.Types[b] != fact.typ:
			warn("client: the endpoint parameter %s (built-in %s) is a %s, not a %s: it is left to the rules' default", field, b, endpoints.Types[b], fact.typ)
			continue
		case fact.rulesDefault:
			c.RulesDefaults = append(c.RulesDefaults, field)
			continue
		}
		c.EndpointBuiltIns[b] = field
		if b == BuiltInAccountID || b == BuiltInAccountIDMode {
			c.AccountIDMode = true
		}
		if fact.flag == "" {
			continue
		}
		f := flags[fact.flag]
		if f == nil {
			f = &FlagOption{Name: fact.flag, Source: fact.source}
			flags[fact.flag] = f
			c.Flags = append(c.Flags, f)
		}
		f.Params = append(f.Params, field)
	}
	slices.SortFunc(c.Flags, func(a, b *FlagOption) int { return strings.Compare(a.Name, b.Name) })
	slices.Sort(c.RulesDefaults)
	return warnings
}

// ClientNames are the package-level names the client declares. Exported
// names are the SDK's unless a model shape took them: model names win.
type ClientNames struct {
	Client, Options, New, NewFromConfig                string
	HTTPClient, HTTPSignerV4, IdempotencyTokenProvider string
	EndpointResolverV2, NewDefaultEndpointResolverV2   string
	EndpointResolverOptions, EndpointParameters        string
	WithEndpointResolverV2                             string
	ServiceID, ServiceAPIVersion                       string
	// DefaultEndpointResolver is the unexported type behind
	// NewDefaultEndpointResolverV2.
	DefaultEndpointResolver string
	// EndpointBuiltIns is the unexported type that holds the values of a
	// call's built-in endpoint parameters.
	EndpointBuiltIns string
	// OptionsMethod is the Client method that returns its Options; ""
	// when an operation takes the name.
	OptionsMethod string
}

// AuthScheme is one way the service authenticates requests.
type AuthScheme struct {
	// ID is the scheme's trait, such as aws.auth#sigv4 or smithy.api#noAuth.
	ID smithy.ShapeID
	// In, Name and Scheme place an httpApiKeyAuth key: "header" or
	// "query", the header or parameter name, and the header value's
	// prefix.
	In, Name, Scheme string
}

// The auth schemes clients support.
const (
	AuthSigV4  smithy.ShapeID = "aws.auth#sigv4"
	AuthBearer smithy.ShapeID = "smithy.api#httpBearerAuth"
	AuthAPIKey smithy.ShapeID = "smithy.api#httpApiKeyAuth"
	AuthBasic  smithy.ShapeID = "smithy.api#httpBasicAuth"
	AuthNone   smithy.ShapeID = "smithy.api#noAuth"
)

var supportedAuth = []smithy.ShapeID{AuthSigV4, AuthBearer, AuthAPIKey, AuthBasic}

// ClientOperation is an operation the client has a method for.
type ClientOperation struct {
	Op *Operation
	// Auth are the schemes the operation accepts, when they differ from
	// the service's.
	Auth []AuthScheme
	// Token is the input's idempotency token member, if any.
	Token     *Field
	Paginator *Paginator
	// BindsEndpoint says the input has BindEndpointParameters.
	BindsEndpoint bool
}

// Paginator is a paginated operation's paginator, as the SDK has it.
type Paginator struct {
	Op *Operation
	// Type, Options, New and APIClient are <Op>Paginator,
	// <Op>PaginatorOptions, New<Op>Paginator and <Op>APIClient.
	Type, Options, New, APIClient string
	// InputToken is the input member that takes the token.
	InputToken *Field
	// OutputToken is the path from the output to the next token.
	OutputToken []*Field
	// PageSize is the input member that limits a page; nil without one.
	PageSize *Field
	// MapToken is set when the tokens are maps (DynamoDB's keys), which
	// the paginated trait allows beside strings. As in the SDK, a page
	// follows while the token is not nil, and duplicates are not checked.
	MapToken bool
}

// Traits the client reads.
const (
	traitService      smithy.ShapeID = "aws.api#service"
	traitAuth         smithy.ShapeID = "smithy.api#auth"
	traitOptionalAuth smithy.ShapeID = "smithy.api#optionalAuth"
	traitPaginated    smithy.ShapeID = "smithy.api#paginated"
)

// BuildClient plans the client of p's operations that have wire code.
// endpoints describes the endpoint code generated from the service's
// rules, with its EndpointParameters; nil when there is none, and then
// the client declares the SDK's built-in parameters itself. It returns
// nil when no operation has wire code: there is nothing to call.
func BuildClient(p *Plan, endpoints *ClientEndpoints) (*Client, error) {
	var ops []*Operation
	for _, op := range p.Operations {
		if op.Unsupported == "" && op.RequestFunc != "" {
			ops = append(ops, op)
		}
	}
	if p.Protocol == nil || len(ops) == 0 {
		return nil, nil
	}
	rules := endpoints != nil
	c := &Client{ServiceID: p.Service.ID.Name(), EndpointRules: rules, EndpointBuiltIns: map[string]string{}}
	if rules {
		c.Warnings = c.bindBuiltIns(p, endpoints)
	} else {
		c.EndpointBuiltIns = ownBuiltIns
	}
	if svc, ok := p.Service.Traits.Get(traitService); ok {
		if id, ok := svc.Get("sdkId"); ok && id.String() != "" {
			c.ServiceID = id.String()
		}
	}
	c.APIName = strings.ToLower(strings.ReplaceAll(c.ServiceID, " ", ""))
	if n, ok := p.Service.Traits.Get(AuthSigV4); ok {
		name, _ := n.Get("name")
		c.SigningName = name.String()
	}
	c.Auth = serviceAuth(p.Service)
	taken := takenNames(p)
	if rules {
		for _, name := range endpoints.Declared {
			taken[name] = true
		}
	}
	claim := func(want string, alternatives ...string) string {
		for _, n := range append([]string{want}, alternatives...) {
			if !taken[n] {
				taken[n] = true
				return n
			}
		}
		for i := 2; ; i++ {
			if n := fmt.Sprintf("%s%d", want, i); !taken[n] {
				taken[n] = true
				return n
			}
		}
	}
	n := &c.Names
	n.Client = claim("Client", "APIClient")
	n.Options = claim("Options", "ClientOptions")
	n.New = claim("New", "NewClient")
	n.NewFromConfig = claim("NewFromConfig", "NewClientFromConfig")
	n.HTTPClient = claim("HTTPClient")
	n.HTTPSignerV4 = claim("HTTPSignerV4")
	n.IdempotencyTokenProvider = claim("IdempotencyTokenProvider")
	n.EndpointResolverV2 = claim("EndpointResolverV2")
	n.NewDefaultEndpointResolverV2 = claim("NewDefaultEndpointResolverV2")
	n.EndpointResolverOptions = claim("EndpointResolverOptions")
	if rules {
		n.EndpointParameters = "EndpointParameters"
	} else {
		n.EndpointParameters = claim("EndpointParameters")
	}
	n.WithEndpointResolverV2 = claim("WithEndpointResolverV2")
	n.ServiceID = claim("ServiceID")
	n.ServiceAPIVersion = claim("ServiceAPIVersion")
	n.DefaultEndpointResolver = claim("defaultEndpointResolver")
	n.EndpointBuiltIns = claim("endpointBuiltIns")
	for _, f := range c.Flags {
		if f.Source != "" {
			name := strings.TrimPrefix(f.Source, "Get")
			f.SourceType = claim(strings.ToLower(name[:1]) + name[1:] + "Source")
		}
	}
	n.OptionsMethod = "Options"
	var problems smithy.Problems
	for _, op := range ops {
		if op.Name == "Options" {
			n.OptionsMethod = ""
		}
		co := &ClientOperation{Op: op, BindsEndpoint: rules && endpoints.Bound[op]}
		if auth, ok := operationAuth(p.Service, op.Shape); ok {
			co.Auth = auth
		}
		for _, f := range op.Input.Fields {
			if f.Member.Traits.IdempotencyToken() && f.Type.Kind == StringKind {
				co.Token = f
			}
		}
		pg, problem := paginator(p, op, claim)
		if problem != "" {
			problems = append(problems, smithy.Problem{Pos: p.Model.Position(op.Shape.Offset), Shape: op.Shape.ID, Message: problem})
		}
		if pg != nil {
			co.Paginator = pg
			c.Paginators = append(c.Paginators, pg)
		}
		c.Operations = append(c.Operations, co)
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return c, nil
}

// takenNames are the package-level names the rest of the package
// declares: model shapes, enum constants, union variants and the names
// the runtime and protocol add.
func takenNames(p *Plan) map[string]bool {
	taken := map[string]bool{}
	for _, st := range p.Structs {
		taken[st.Name] = true
	}
	for _, e := range p.Enums {
		taken[e.Name] = true
		for _, v := range e.Values {
			taken[v.Const] = true
		}
	}
	for _, u := range p.Unions {
		taken[u.Name] = true
		for _, v := range u.Variants {
			taken[v.Name] = true
		}
	}
	for _, v := range p.idents {
		taken[v] = true
	}
	return taken
}

// serviceAuth lists the schemes the service's traits apply, in the order
// of its auth trait, else by shape ID as Smithy says; the client supports
// those of supportedAuth.
func serviceAuth(svc *smithy.Shape) []AuthScheme {
	var ids []smithy.ShapeID
	if list, ok := svc.Traits.Get(traitAuth); ok {
		for _, item := range list.Items {
			ids = append(ids, smithy.ShapeID(item.String()))
		}
	} else {
		for _, t := range svc.Traits.All() {
			if slices.Contains(supportedAuth, t.ID) {
				ids = append(ids, t.ID)
			}
		}
		slices.Sort(ids)
	}
	var out []AuthScheme
	for _, id := range ids {
		if a, ok := authScheme(svc, id); ok {
			out = append(out, a)
		}
	}
	return out
}

// operationAuth is the operation's own list of schemes, when its auth or
// optionalAuth trait changes the service's.
func operationAuth(svc, op *smithy.Shape) ([]AuthScheme, bool) {
	list, own := op.Traits.Get(traitAuth)
	optional := op.Traits.Has(traitOptionalAuth)
	if !own && !optional {
		return nil, false
	}
	var out []AuthScheme
	if own {
		for _, item := range list.Items {
			if a, ok := authScheme(svc, smithy.ShapeID(item.String())); ok {
				out = append(out, a)
			}
		}
	} else {
		out = serviceAuth(svc)
	}
	if optional || len(list.Items) == 0 && own {
		out = append(out, AuthScheme{ID: AuthNone})
	}
	return out, true
}

func authScheme(svc *smithy.Shape, id smithy.ShapeID) (AuthScheme, bool) {
	if !slices.Contains(supportedAuth, id) {
		return AuthScheme{}, false
	}
	a := AuthScheme{ID: id}
	if id == AuthAPIKey {
		n, _ := svc.Traits.Get(AuthAPIKey)
		name, _ := n.Get("name")
		in, _ := n.Get("in")
		scheme, _ := n.Get("scheme")
		a.Name, a.In, a.Scheme = name.String(), in.String(), scheme.String()
	}
	return a, true
}

// paginator plans op's paginator from its paginated trait, completed by
// the service's; a trait the client cannot follow is a problem.
func paginator(p *Plan, op *Operation, claim func(string, ...string) string) (*Paginator, string) {
	own, ok := op.Shape.Traits.Get(traitPaginated)
	if !ok {
		return nil, ""
	}
	svc, _ := p.Service.Traits.Get(traitPaginated)
	get := func(key string) string {
		if v, ok := own.Get(key); ok {
			return v.String()
		}
		v, _ := svc.Get(key)
		return v.String()
	}
	in, out, size := get("inputToken"), get("outputToken"), get("pageSize")
	if in == "" || out == "" {
		return nil, ""
	}
	pg := &Paginator{Op: op}
	pg.InputToken = memberField(op.Input, in)
	if pg.InputToken == nil || !tokenField(pg.InputToken) {
		return nil, fmt.Sprintf("paginated inputToken %q is not a string or map member of the input", in)
	}
	pg.MapToken = pg.InputToken.Type.Kind == MapKind
	st := op.Output
	path := strings.Split(out, ".")
	for i, name := range path {
		f := memberField(st, name)
		if f == nil {
			return nil, fmt.Sprintf("paginated outputToken %q: %s has no member %q", out, st.Name, name)
		}
		pg.OutputToken = append(pg.OutputToken, f)
		if i < len(path)-1 {
			if f.Type.Struct == nil {
				return nil, fmt.Sprintf("paginated outputToken %q goes through %q, which is not a structure", out, name)
			}
			st = f.Type.Struct
		}
	}
	if last := pg.OutputToken[len(pg.OutputToken)-1]; !tokenField(last) || last.Type.Kind != pg.InputToken.Type.Kind ||
		pg.MapToken && last.Type.Shape != pg.InputToken.Type.Shape {
		return nil, fmt.Sprintf("paginated outputToken %q is not a member of the inputToken's type", out)
	}
	if size != "" {
		pg.PageSize = memberField(op.Input, size)
		if pg.PageSize == nil || !pg.PageSize.Type.IsInteger() || pg.PageSize.Type.Kind == IntEnumKind {
			return nil, fmt.Sprintf("paginated pageSize %q is not an integer member of the input", size)
		}
	}
	pg.APIClient = claim(op.Name + "APIClient")
	pg.Options = claim(op.Name + "PaginatorOptions")
	pg.Type = claim(op.Name + "Paginator")
	pg.New = claim("New" + op.Name + "Paginator")
	return pg, ""
}

// tokenField reports whether f can hold a continuation token: an optional
// string, or a map.
func tokenField(f *Field) bool {
	return f.Type.Kind == StringKind && f.Pointer || f.Type.Kind == MapKind
}

func memberField(st *Struct, member string) *Field {
	for _, f := range st.Fields {
		if f.Member.Name == member {
			return f
		}
	}
	return nil
}
