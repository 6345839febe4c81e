package plan

import "testing"

// Cases from the AWS SDK's generated code (docs/facts.md §3.2): the SDK's
// constant names are the independent source.
func TestEnumLabel(t *testing.T) {
	for _, c := range []struct{ member, want string }{
		{"capacity_reservation", "CapacityReservation"},
		{"ipv4pool_ec2", "Ipv4poolEc2"},
		{"RETAIN", "Retain"},
		{"pending", "Pending"},
		{"ML_T3_2XLARGE", "MlT32xlarge"},
		{"CreationTime", "CreationTime"},
		{"resourcesAffected_s3Bucket_name", "ResourcesAffectedS3BucketName"},
		{"HYPERPARAMETER_TUNING", "HyperparameterTuning"},
		{"AWS_SES_EU_WEST_1", "AwsSesEuWest1"},
		{"iOS", "IOS"},
		{"BAD_REQUEST", "BadRequest"},
		{"t2.micro", "T2Micro"},
		{"*", ""},
		{"", ""},
	} {
		if got := enumLabel(c.member); got != c.want {
			t.Errorf("enumLabel(%q) = %q, want %q", c.member, got, c.want)
		}
	}
}

func TestSymbolLabel(t *testing.T) {
	for _, c := range []struct{ value, want string }{
		{"*", "Star"},
		{"-", "Dash"},
		{"", "Empty"},
		{"€", "U20AC"},
		{"*.*", "StarDotStar"},
	} {
		if got := symbolLabel(c.value); got != c.want {
			t.Errorf("symbolLabel(%q) = %q, want %q", c.value, got, c.want)
		}
	}
}

func TestExported(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"normalFormat", "NormalFormat"},
		{"type", "Type"},
		{"dnsStatus", "DnsStatus"},
		{"_foo", "Foo"},
		{"__", "X__"},
		{"AbpV1_0_x", "AbpV1_0_x"},
		{"éclair", "Éclair"},
	} {
		if got := exported(c.in); got != c.want {
			t.Errorf("exported(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNamesClaim(t *testing.T) {
	n := newNames("APIError")
	for _, c := range []struct {
		want string
		alts []string
		got  string
	}{
		{"Widget", nil, "Widget"},
		{"Widget", []string{"WidgetOther"}, "WidgetOther"},
		{"Widget", []string{"WidgetOther"}, "Widget2"},
		{"APIError", nil, "APIError2"},
	} {
		if got := n.claim(c.want, c.alts...); got != c.got {
			t.Errorf("claim(%q, %v) = %q, want %q", c.want, c.alts, got, c.got)
		}
	}
}
