package requireddefault

import "testing"

// A required member is always sent, its zero included: without
// DkimEnabled=false there is no way to turn DKIM off (SES's
// SetIdentityDkimEnabled; the SDK sends it). An optional zero stays out.
func TestRequiredZeroIsSent(t *testing.T) {
	body, err := (&SetIdentityDkimEnabledInput{Identity: ptr("example.com")}).MarshalQuery()
	if err != nil {
		t.Fatal(err)
	}
	const want = "Action=SetIdentityDkimEnabled&DkimEnabled=false&Identity=example.com&Retries=0&Version=2010-12-01"
	if string(body) != want {
		t.Errorf("body\n got %s\nwant %s", body, want)
	}
}

// The same inside a structure (ELB's AccessLog.Enabled).
func TestNestedRequiredZeroIsSent(t *testing.T) {
	body, err := (&ModifyAttributesInput{AccessLog: &AccessLog{}}).MarshalQuery()
	if err != nil {
		t.Fatal(err)
	}
	const want = "AccessLog.Enabled=false&Action=ModifyAttributes&Version=2010-12-01"
	if string(body) != want {
		t.Errorf("body\n got %s\nwant %s", body, want)
	}
}
