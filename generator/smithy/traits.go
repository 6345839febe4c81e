package smithy

// Trait IDs the generator reads. Every other trait is kept too, by ID.
const (
	TraitRequired         ShapeID = "smithy.api#required"
	TraitClientOptional   ShapeID = "smithy.api#clientOptional"
	TraitDefault          ShapeID = "smithy.api#default"
	TraitDocumentation    ShapeID = "smithy.api#documentation"
	TraitDeprecated       ShapeID = "smithy.api#deprecated"
	TraitSensitive        ShapeID = "smithy.api#sensitive"
	TraitEnumValue        ShapeID = "smithy.api#enumValue"
	TraitEnum             ShapeID = "smithy.api#enum"
	TraitLength           ShapeID = "smithy.api#length"
	TraitRange            ShapeID = "smithy.api#range"
	TraitPattern          ShapeID = "smithy.api#pattern"
	TraitUniqueItems      ShapeID = "smithy.api#uniqueItems"
	TraitSparse           ShapeID = "smithy.api#sparse"
	TraitIdempotencyToken ShapeID = "smithy.api#idempotencyToken"
	TraitXMLName          ShapeID = "smithy.api#xmlName"
	TraitXMLFlattened     ShapeID = "smithy.api#xmlFlattened"
	TraitXMLAttribute     ShapeID = "smithy.api#xmlAttribute"
	TraitXMLNamespace     ShapeID = "smithy.api#xmlNamespace"
	TraitTimestampFormat  ShapeID = "smithy.api#timestampFormat"
	TraitInput            ShapeID = "smithy.api#input"
	TraitOutput           ShapeID = "smithy.api#output"
	TraitError            ShapeID = "smithy.api#error"
	TraitStreaming        ShapeID = "smithy.api#streaming"
	TraitMixin            ShapeID = "smithy.api#mixin"
	TraitUnitType         ShapeID = "smithy.api#unitType"
	TraitEndpoint         ShapeID = "smithy.api#endpoint"
	TraitHostLabel        ShapeID = "smithy.api#hostLabel"
	TraitRequestCompr     ShapeID = "smithy.api#requestCompression"
	TraitTitle            ShapeID = "smithy.api#title"
	TraitTrait            ShapeID = "smithy.api#trait"
	TraitHTTPRequestTests ShapeID = "smithy.test#httpRequestTests"
	TraitHTTPResponseTest ShapeID = "smithy.test#httpResponseTests"
	TraitEC2QueryName     ShapeID = "aws.protocols#ec2QueryName"
	TraitAWSQueryError    ShapeID = "aws.protocols#awsQueryError"
	TraitAWSQueryCompat   ShapeID = "aws.protocols#awsQueryCompatible"
)

// Protocol trait IDs, in the order the generator prefers them.
var ProtocolTraits = []ShapeID{
	"aws.protocols#ec2Query",
	"aws.protocols#awsQuery",
	"aws.protocols#awsJson1_0",
	"aws.protocols#awsJson1_1",
	"aws.protocols#restJson1",
	"aws.protocols#restXml",
	"smithy.protocols#rpcv2Cbor",
}

// Trait is one applied trait.
type Trait struct {
	ID    ShapeID
	Value Node
}

// Traits are the traits applied to a shape or member, in model order.
type Traits struct{ list []Trait }

// All returns every trait in model order.
func (t Traits) All() []Trait { return t.list }

// Get returns the value of trait id.
func (t Traits) Get(id ShapeID) (Node, bool) {
	for _, tr := range t.list {
		if tr.ID == id {
			return tr.Value, true
		}
	}
	return Node{}, false
}

// Has reports whether trait id is applied.
func (t Traits) Has(id ShapeID) bool {
	_, ok := t.Get(id)
	return ok
}

// set replaces or appends a trait; later applications win, as with apply.
func (t *Traits) set(id ShapeID, v Node) {
	for i := range t.list {
		if t.list[i].ID == id {
			t.list[i].Value = v
			return
		}
	}
	t.list = append(t.list, Trait{id, v})
}

// remove drops a trait, leaving any list it shares with other Traits alone.
func (t *Traits) remove(id ShapeID) {
	for i := range t.list {
		if t.list[i].ID == id {
			t.list = append(t.list[:i:i], t.list[i+1:]...)
			return
		}
	}
}

func (t Traits) str(id ShapeID) string {
	n, _ := t.Get(id)
	return n.String()
}

// Required reports the required trait.
func (t Traits) Required() bool { return t.Has(TraitRequired) }

// ClientOptional reports the clientOptional trait.
func (t Traits) ClientOptional() bool { return t.Has(TraitClientOptional) }

// Default returns the default trait's value.
func (t Traits) Default() (Node, bool) { return t.Get(TraitDefault) }

// Documentation returns the HTML documentation, or "".
func (t Traits) Documentation() string { return t.str(TraitDocumentation) }

// Deprecation is the value of the deprecated trait.
type Deprecation struct{ Message, Since string }

// Deprecated returns the deprecated trait.
func (t Traits) Deprecated() (Deprecation, bool) {
	n, ok := t.Get(TraitDeprecated)
	if !ok {
		return Deprecation{}, false
	}
	msg, _ := n.Get("message")
	since, _ := n.Get("since")
	return Deprecation{msg.String(), since.String()}, true
}

// Sensitive reports the sensitive trait.
func (t Traits) Sensitive() bool { return t.Has(TraitSensitive) }

// EnumValue returns the enumValue trait: a string for enum members, a
// number literal for intEnum members.
func (t Traits) EnumValue() (Node, bool) { return t.Get(TraitEnumValue) }

// Bounds is the value of the length or range trait. Min and Max keep the
// model's number text so decimal bounds are not rounded.
type Bounds struct {
	Min, Max       string
	HasMin, HasMax bool
}

func (t Traits) bounds(id ShapeID) (Bounds, bool) {
	n, ok := t.Get(id)
	if !ok {
		return Bounds{}, false
	}
	var b Bounds
	if v, ok := n.Get("min"); ok && v.Kind == NumberNode {
		b.Min, b.HasMin = v.Str, true
	}
	if v, ok := n.Get("max"); ok && v.Kind == NumberNode {
		b.Max, b.HasMax = v.Str, true
	}
	return b, true
}

// Length returns the length trait.
func (t Traits) Length() (Bounds, bool) { return t.bounds(TraitLength) }

// Range returns the range trait.
func (t Traits) Range() (Bounds, bool) { return t.bounds(TraitRange) }

// Pattern returns the pattern trait (an ECMA 262 regular expression).
func (t Traits) Pattern() (string, bool) {
	n, ok := t.Get(TraitPattern)
	return n.String(), ok
}

// UniqueItems reports the uniqueItems trait.
func (t Traits) UniqueItems() bool { return t.Has(TraitUniqueItems) }

// Sparse reports the sparse trait.
func (t Traits) Sparse() bool { return t.Has(TraitSparse) }

// IdempotencyToken reports the idempotencyToken trait.
func (t Traits) IdempotencyToken() bool { return t.Has(TraitIdempotencyToken) }

// XMLName returns the xmlName trait.
func (t Traits) XMLName() (string, bool) {
	n, ok := t.Get(TraitXMLName)
	return n.String(), ok
}

// XMLFlattened reports the xmlFlattened trait.
func (t Traits) XMLFlattened() bool { return t.Has(TraitXMLFlattened) }

// XMLAttribute reports the xmlAttribute trait.
func (t Traits) XMLAttribute() bool { return t.Has(TraitXMLAttribute) }

// XMLNamespace is the value of the xmlNamespace trait.
type XMLNamespace struct{ URI, Prefix string }

// XMLNamespace returns the xmlNamespace trait.
func (t Traits) XMLNamespace() (XMLNamespace, bool) {
	n, ok := t.Get(TraitXMLNamespace)
	if !ok {
		return XMLNamespace{}, false
	}
	uri, _ := n.Get("uri")
	prefix, _ := n.Get("prefix")
	return XMLNamespace{uri.String(), prefix.String()}, true
}

// EC2QueryName returns the aws.protocols#ec2QueryName trait.
func (t Traits) EC2QueryName() (string, bool) {
	n, ok := t.Get(TraitEC2QueryName)
	return n.String(), ok
}

// TimestampFormat returns the timestampFormat trait: "date-time",
// "http-date" or "epoch-seconds".
func (t Traits) TimestampFormat() (string, bool) {
	n, ok := t.Get(TraitTimestampFormat)
	return n.String(), ok
}

// Input reports the input trait.
func (t Traits) Input() bool { return t.Has(TraitInput) }

// Output reports the output trait.
func (t Traits) Output() bool { return t.Has(TraitOutput) }

// Error returns the error trait: "client" or "server".
func (t Traits) Error() (string, bool) {
	n, ok := t.Get(TraitError)
	return n.String(), ok
}

// Streaming reports the streaming trait.
func (t Traits) Streaming() bool { return t.Has(TraitStreaming) }

// HostPrefix returns the endpoint trait's hostPrefix.
func (t Traits) HostPrefix() (string, bool) {
	n, ok := t.Get(TraitEndpoint)
	if !ok {
		return "", false
	}
	p, _ := n.Get("hostPrefix")
	return p.String(), true
}

// HostLabel reports the hostLabel trait.
func (t Traits) HostLabel() bool { return t.Has(TraitHostLabel) }

// RequestCompression returns the encodings of the requestCompression trait.
func (t Traits) RequestCompression() ([]string, bool) {
	n, ok := t.Get(TraitRequestCompr)
	if !ok {
		return nil, false
	}
	enc, _ := n.Get("encodings")
	var out []string
	for _, e := range enc.Items {
		out = append(out, e.String())
	}
	return out, true
}

// AWSQueryError is the value of the aws.protocols#awsQueryError trait.
type AWSQueryError struct {
	Code   string
	Status int64
}

// AWSQueryError returns the awsQueryError trait.
func (t Traits) AWSQueryError() (AWSQueryError, bool) {
	n, ok := t.Get(TraitAWSQueryError)
	if !ok {
		return AWSQueryError{}, false
	}
	code, _ := n.Get("code")
	status, _ := n.Get("httpResponseCode")
	s, _ := status.Int()
	return AWSQueryError{code.String(), s}, true
}

// Protocol returns the first protocol trait applied, in ProtocolTraits order.
func (t Traits) Protocol() (ShapeID, bool) {
	for _, p := range ProtocolTraits {
		if t.Has(p) {
			return p, true
		}
	}
	return "", false
}
