package uniondefault

import "testing"

// A variant is set even when its list is nil: the SDK sends it as an
// empty list (Redshift's ModifyRedshiftIdcApplication).
func TestVariantWithNilListIsSent(t *testing.T) {
	in := &ModifyApplicationInput{ServiceIntegrations: []ServiceIntegrationsUnion{
		&ServiceIntegrationsUnionMemberLakeFormation{Value: nil},
	}}
	body, err := in.MarshalQuery()
	if err != nil {
		t.Fatal(err)
	}
	const want = "Action=ModifyApplication&ServiceIntegrations.member.1.LakeFormation=&Version=2012-12-01"
	if string(body) != want {
		t.Errorf("body\n got %s\nwant %s", body, want)
	}
}

// A nil element of a list of unions is skipped and the rest numbered from
// 1, as the SDK does.
func TestNilUnionElementsAreSkipped(t *testing.T) {
	in := &ModifyApplicationInput{ServiceIntegrations: []ServiceIntegrationsUnion{
		nil, &ServiceIntegrationsUnionMemberName{Value: "a"}, nil, &ServiceIntegrationsUnionMemberName{Value: "b"},
	}}
	body, err := in.MarshalQuery()
	if err != nil {
		t.Fatal(err)
	}
	const want = "Action=ModifyApplication&ServiceIntegrations.member.1.Name=a&ServiceIntegrations.member.2.Name=b&Version=2012-12-01"
	if string(body) != want {
		t.Errorf("body\n got %s\nwant %s", body, want)
	}
	if in.ServiceIntegrations[0] != nil || len(in.ServiceIntegrations) != 4 {
		t.Error("the caller's list changed")
	}
}
