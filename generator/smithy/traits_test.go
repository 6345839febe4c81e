package smithy

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// traitsOf loads a string shape with the given traits JSON (or, when
// target is set, a member of that target) and returns its traits.
func traitsOf(t *testing.T, target, traits string) Traits {
	t.Helper()
	if target == "" || target == "structure" {
		typ := "string"
		if target != "" {
			typ = target
		}
		m := mustLoad(t, model(`"com.example#S": {"type": "`+typ+`", "traits": `+traits+`}`))
		return mustShape(t, m, "com.example#S").Traits
	}
	m := mustLoad(t, model(`"com.example#W": {"type": "structure", "members": {
		"M": {"target": "`+target+`", "traits": `+traits+`}}},
		"com.example#L": {"type": "list", "member": {"target": "smithy.api#String"}}`))
	return mustShape(t, m, "com.example#W").Member("M").Traits
}

func TestTraitAccessorsAbsent(t *testing.T) {
	tr := traitsOf(t, "", `{}`)
	bools := map[string]bool{
		"Required": tr.Required(), "ClientOptional": tr.ClientOptional(), "Sensitive": tr.Sensitive(),
		"UniqueItems": tr.UniqueItems(), "Sparse": tr.Sparse(), "IdempotencyToken": tr.IdempotencyToken(),
		"XMLFlattened": tr.XMLFlattened(), "XMLAttribute": tr.XMLAttribute(), "Input": tr.Input(),
		"Output": tr.Output(), "Streaming": tr.Streaming(), "HostLabel": tr.HostLabel(),
	}
	for name, got := range bools {
		if got {
			t.Errorf("%s() = true without the trait", name)
		}
	}
	oks := map[string]bool{}
	_, oks["Default"] = tr.Default()
	_, oks["Deprecated"] = tr.Deprecated()
	_, oks["EnumValue"] = tr.EnumValue()
	_, oks["Length"] = tr.Length()
	_, oks["Range"] = tr.Range()
	_, oks["Pattern"] = tr.Pattern()
	_, oks["XMLName"] = tr.XMLName()
	_, oks["XMLNamespace"] = tr.XMLNamespace()
	_, oks["EC2QueryName"] = tr.EC2QueryName()
	_, oks["TimestampFormat"] = tr.TimestampFormat()
	_, oks["Error"] = tr.Error()
	_, oks["HostPrefix"] = tr.HostPrefix()
	_, oks["RequestCompression"] = tr.RequestCompression()
	_, oks["AWSQueryError"] = tr.AWSQueryError()
	_, oks["Protocol"] = tr.Protocol()
	for name, ok := range oks {
		if ok {
			t.Errorf("%s() reports a trait that is not there", name)
		}
	}
	if tr.Documentation() != "" || len(tr.All()) != 0 || tr.Has(TraitRequired) {
		t.Errorf("empty traits: %+v", tr.All())
	}
}

func TestAnnotationTraits(t *testing.T) {
	tests := []struct {
		id     ShapeID
		target string
		get    func(Traits) bool
	}{
		{TraitRequired, "smithy.api#String", Traits.Required},
		{TraitClientOptional, "smithy.api#String", Traits.ClientOptional},
		{TraitSensitive, "", Traits.Sensitive},
		{TraitUniqueItems, "com.example#L", Traits.UniqueItems},
		{TraitSparse, "com.example#L", Traits.Sparse},
		{TraitIdempotencyToken, "smithy.api#String", Traits.IdempotencyToken},
		{TraitXMLFlattened, "com.example#L", Traits.XMLFlattened},
		{TraitXMLAttribute, "smithy.api#String", Traits.XMLAttribute},
		{TraitInput, "structure", Traits.Input},
		{TraitOutput, "structure", Traits.Output},
		{TraitStreaming, "", Traits.Streaming},
		{TraitHostLabel, "smithy.api#String", Traits.HostLabel},
	}
	for _, tt := range tests {
		t.Run(tt.id.Name(), func(t *testing.T) {
			for _, v := range []string{"{}", "true"} { // true is the Smithy 1.0 spelling
				tr := traitsOf(t, tt.target, `{"`+string(tt.id)+`": `+v+`}`)
				if !tt.get(tr) || !tr.Has(tt.id) {
					t.Errorf("value %s: accessor = false", v)
				}
			}
			mustFail(t, model(`"com.example#S": {"type": "string", "traits": {"`+string(tt.id)+`": "yes"}}`))
		})
	}
}

func TestValueTraits(t *testing.T) {
	tr := traitsOf(t, "", `{
		"smithy.api#documentation": "<p>Docs</p>",
		"smithy.api#deprecated": {"message": "Use Other.", "since": "2024"},
		"smithy.api#length": {"min": 1, "max": 64},
		"smithy.api#pattern": "^[a-z]+$",
		"smithy.api#xmlName": "Thing",
		"smithy.api#xmlNamespace": {"uri": "https://example.com/", "prefix": "ex"},
		"aws.protocols#ec2QueryName": "ThingName",
		"smithy.api#default": "x"
	}`)
	if got := tr.Documentation(); got != "<p>Docs</p>" {
		t.Errorf("Documentation() = %q", got)
	}
	if d, ok := tr.Deprecated(); !ok || d != (Deprecation{"Use Other.", "2024"}) {
		t.Errorf("Deprecated() = %+v, %v", d, ok)
	}
	if b, ok := tr.Length(); !ok || b != (Bounds{Min: "1", Max: "64", HasMin: true, HasMax: true}) {
		t.Errorf("Length() = %+v, %v", b, ok)
	}
	if p, ok := tr.Pattern(); !ok || p != "^[a-z]+$" {
		t.Errorf("Pattern() = %q, %v", p, ok)
	}
	if n, ok := tr.XMLName(); !ok || n != "Thing" {
		t.Errorf("XMLName() = %q, %v", n, ok)
	}
	if ns, ok := tr.XMLNamespace(); !ok || ns != (XMLNamespace{"https://example.com/", "ex"}) {
		t.Errorf("XMLNamespace() = %+v, %v", ns, ok)
	}
	if n, ok := tr.EC2QueryName(); !ok || n != "ThingName" {
		t.Errorf("EC2QueryName() = %q, %v", n, ok)
	}
	if d, ok := tr.Default(); !ok || d.String() != "x" {
		t.Errorf("Default() = %+v, %v", d, ok)
	}
	var ids []ShapeID
	for _, x := range tr.All() {
		ids = append(ids, x.ID)
	}
	wantIDs := []ShapeID{TraitDocumentation, TraitDeprecated, TraitLength, TraitPattern, TraitXMLName,
		TraitXMLNamespace, TraitEC2QueryName, TraitDefault}
	if diff := cmp.Diff(wantIDs, ids); diff != "" {
		t.Errorf("All() not in model order (-want +got):\n%s", diff)
	}

	// Optional parts left out.
	tr = traitsOf(t, "", `{"smithy.api#deprecated": {}, "smithy.api#length": {"max": 3},
		"smithy.api#xmlNamespace": {"uri": "u"}}`)
	if d, ok := tr.Deprecated(); !ok || d != (Deprecation{}) {
		t.Errorf("Deprecated() = %+v, %v", d, ok)
	}
	if b, ok := tr.Length(); !ok || b != (Bounds{Max: "3", HasMax: true}) {
		t.Errorf("Length() = %+v, %v", b, ok)
	}
	if ns, ok := tr.XMLNamespace(); !ok || ns != (XMLNamespace{URI: "u"}) {
		t.Errorf("XMLNamespace() = %+v, %v", ns, ok)
	}
}

func TestRangeAndTimestampTraits(t *testing.T) {
	m := mustLoad(t, model(`
		"com.example#N": {"type": "double", "traits": {"smithy.api#range": {"min": -0.5, "max": 1e3}}},
		"com.example#T": {"type": "timestamp", "traits": {"smithy.api#timestampFormat": "epoch-seconds"}}`))
	if b, ok := mustShape(t, m, "com.example#N").Traits.Range(); !ok ||
		b != (Bounds{Min: "-0.5", Max: "1e3", HasMin: true, HasMax: true}) {
		t.Errorf("Range() = %+v, %v; want the model's number text", b, ok)
	}
	for _, f := range []string{"date-time", "http-date", "epoch-seconds"} {
		tr := traitsOf(t, "smithy.api#Timestamp", `{"smithy.api#timestampFormat": "`+f+`"}`)
		if got, ok := tr.TimestampFormat(); !ok || got != f {
			t.Errorf("TimestampFormat() = %q, %v", got, ok)
		}
	}
}

func TestOperationTraits(t *testing.T) {
	m := mustLoad(t, model(`
		"com.example#Op": {"type": "operation", "traits": {
			"smithy.api#endpoint": {"hostPrefix": "{Bucket}.data-"},
			"smithy.api#requestCompression": {"encodings": ["gzip", "br"]}
		}},
		"com.example#Op2": {"type": "operation", "traits": {"smithy.api#requestCompression": {"encodings": []}}},
		"com.example#Client": {"type": "structure", "members": {}, "traits": {
			"smithy.api#error": "client",
			"aws.protocols#awsQueryError": {"code": "InvalidThing", "httpResponseCode": 400}
		}},
		"com.example#Server": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "server"}}`))
	op := mustShape(t, m, "com.example#Op").Traits
	if p, ok := op.HostPrefix(); !ok || p != "{Bucket}.data-" {
		t.Errorf("HostPrefix() = %q, %v", p, ok)
	}
	if enc, ok := op.RequestCompression(); !ok || !cmp.Equal(enc, []string{"gzip", "br"}) {
		t.Errorf("RequestCompression() = %v, %v", enc, ok)
	}
	if enc, ok := mustShape(t, m, "com.example#Op2").Traits.RequestCompression(); !ok || len(enc) != 0 {
		t.Errorf("empty RequestCompression() = %v, %v", enc, ok)
	}
	client := mustShape(t, m, "com.example#Client").Traits
	if e, ok := client.Error(); !ok || e != "client" {
		t.Errorf("Error() = %q, %v", e, ok)
	}
	if q, ok := client.AWSQueryError(); !ok || q != (AWSQueryError{"InvalidThing", 400}) {
		t.Errorf("AWSQueryError() = %+v, %v", q, ok)
	}
	if e, ok := mustShape(t, m, "com.example#Server").Traits.Error(); !ok || e != "server" {
		t.Errorf("Error() = %q, %v", e, ok)
	}
}

func TestProtocol(t *testing.T) {
	tests := []struct {
		traits string
		want   ShapeID
	}{
		{`{"aws.protocols#awsJson1_0": {}}`, "aws.protocols#awsJson1_0"},
		{`{"aws.protocols#restJson1": {}, "aws.protocols#ec2Query": {}}`, "aws.protocols#ec2Query"},
		{`{"aws.protocols#restXml": {}, "aws.protocols#awsQuery": {}}`, "aws.protocols#awsQuery"},
		{`{"smithy.protocols#rpcv2Cbor": {}, "aws.protocols#awsJson1_1": {}}`, "aws.protocols#awsJson1_1"},
		{`{"smithy.protocols#rpcv2Cbor": {}}`, "smithy.protocols#rpcv2Cbor"},
		{`{"aws.protocols#unknownProtocol": {}}`, ""},
	}
	for _, tt := range tests {
		m := mustLoad(t, model(`"com.example#Svc": {"type": "service", "traits": `+tt.traits+`}`))
		got, ok := mustShape(t, m, "com.example#Svc").Traits.Protocol()
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s: Protocol() = %q, %v; want %q", tt.traits, got, ok, tt.want)
		}
	}
}

func TestUnknownTraitsKept(t *testing.T) {
	tr := traitsOf(t, "", `{"com.example#custom": {"nested": [1, {"a": "b"}]}, "smithy.api#tags": ["x"]}`)
	v, ok := tr.Get("com.example#custom")
	if !ok || v.Kind != ObjectNode {
		t.Fatalf("custom trait = %+v, %v", v, ok)
	}
	nested, _ := v.Get("nested")
	if len(nested.Items) != 2 || nested.Items[0].Str != "1" || nested.Items[1].Fields[0].Value.Str != "b" {
		t.Errorf("nested = %+v", nested)
	}
}
