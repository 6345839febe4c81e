package emptymap

import "testing"

// An empty map element decodes to an empty, non-nil map, as in the SDK
// and the compliance cases QueryXmlEmptyMaps and QueryXmlEmptySelfClosedMaps.
func TestEmptyMapIsNotNil(t *testing.T) {
	for _, doc := range []string{
		`<ListDomainNamesResponse><ListDomainNamesResult><DomainNames/></ListDomainNamesResult></ListDomainNamesResponse>`,
		`<ListDomainNamesResponse><ListDomainNamesResult><DomainNames></DomainNames></ListDomainNamesResult></ListDomainNamesResponse>`,
	} {
		var out ListDomainNamesOutput
		if err := out.UnmarshalResponse([]byte(doc)); err != nil {
			t.Fatal(err)
		}
		if out.DomainNames == nil || len(out.DomainNames) != 0 {
			t.Errorf("%s: DomainNames = %#v, want an empty map", doc, out.DomainNames)
		}
		if out.Flat != nil {
			t.Errorf("%s: Flat = %#v, want nil: no element was sent", doc, out.Flat)
		}
	}
}
