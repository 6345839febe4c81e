package ec2

// Paginators: ours for DescribeCapacityReservations, generated from the
// whole 2021 EC2 model into ../ec2full, beside the SDK's, against the
// scripted server.

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/google/go-cmp/cmp"

	"github.com/smithy2go/smithy2go/interop/sdk344/ec2full"
)

// reservationPage is a DescribeCapacityReservations response.
func reservationPage(next string, ids ...string) string {
	var b strings.Builder
	b.WriteString(`<DescribeCapacityReservationsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>req</requestId>`)
	if next != "" {
		b.WriteString("<nextToken>" + next + "</nextToken>")
	}
	b.WriteString("<capacityReservationSet>")
	for i, id := range ids {
		fmt.Fprintf(&b, "<item><capacityReservationId>%s</capacityReservationId><instanceType>m5.large</instanceType><totalInstanceCount>%d</totalInstanceCount></item>", id, i+1)
	}
	b.WriteString("</capacityReservationSet></DescribeCapacityReservationsResponse>")
	return b.String()
}

// pageSeen is one page as a caller sees it, and what asked for it.
type pageSeen struct {
	NextToken, MaxResults string
	IDs                   []string
	Counts                []int32
}

func TestClientPaginatorMatchesSDK(t *testing.T) {
	pages := map[string]string{
		"":   reservationPage("p2", "cr-1", "cr-2"),
		"p2": reservationPage("p3", "cr-3", "cr-4"),
		"p3": reservationPage("", "cr-5"),
	}
	for _, c := range []struct {
		name   string
		script scenario
		start  *string
		stop   bool
		pages  int
	}{
		{name: "three pages", script: func(_ int, r *received) action { return action{status: 200, body: pages[r.Form.Get("NextToken")]} }, pages: 3},
		{name: "from a token", script: func(_ int, r *received) action { return action{status: 200, body: pages[r.Form.Get("NextToken")]} }, start: aws.String("p2"), pages: 2},
		{name: "duplicate token", script: always(action{status: 200, body: reservationPage("same", "cr-9")}), start: aws.String("same"), stop: true, pages: 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newEC2Server(t)
			theirs := sdkPages(t, s, c.script, c.start, c.stop)
			ours := ourPages(t, s, c.script, c.start, c.stop)
			if len(ours) != c.pages {
				t.Errorf("%d pages, want %d", len(ours), c.pages)
			}
			if diff := cmp.Diff(theirs, ours); diff != "" {
				t.Errorf("pages differ (-SDK +ours):\n%s", diff)
			}
		})
	}
}

// maxPages bounds a paginator that would not stop.
const maxPages = 10

func ourPages(t *testing.T, s *ec2Server, script scenario, start *string, stop bool) []pageSeen {
	s.start(script, 0)
	client := ec2full.New(ec2full.Options{Region: testRegion, Credentials: testCredentials(), BaseEndpoint: aws.String(s.URL), HTTPClient: s.Client()})
	p := ec2full.NewDescribeCapacityReservationsPaginator(client, &ec2full.DescribeCapacityReservationsInput{NextToken: start}, func(o *ec2full.DescribeCapacityReservationsPaginatorOptions) {
		o.Limit = 2
		o.StopOnDuplicateToken = stop
	})
	var out []pageSeen
	for p.HasMorePages() && len(out) < maxPages {
		page, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var seen pageSeen
		for _, r := range page.CapacityReservations {
			seen.IDs = append(seen.IDs, *r.CapacityReservationId)
			seen.Counts = append(seen.Counts, *r.TotalInstanceCount)
		}
		out = append(out, seen)
	}
	return withRequests(t, s, out)
}

func sdkPages(t *testing.T, s *ec2Server, script scenario, start *string, stop bool) []pageSeen {
	s.start(script, 0)
	client := newSDKTestClient(s)
	p := sdk.NewDescribeCapacityReservationsPaginator(client, &sdk.DescribeCapacityReservationsInput{NextToken: start}, func(o *sdk.DescribeCapacityReservationsPaginatorOptions) {
		o.Limit = 2
		o.StopOnDuplicateToken = stop
	})
	var out []pageSeen
	for p.HasMorePages() && len(out) < maxPages {
		page, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var seen pageSeen
		for _, r := range page.CapacityReservations {
			seen.IDs = append(seen.IDs, *r.CapacityReservationId)
			seen.Counts = append(seen.Counts, *r.TotalInstanceCount)
		}
		out = append(out, seen)
	}
	return withRequests(t, s, out)
}

// withRequests adds to each page the token and limit of its request, as
// the server received them (with a valid signature).
func withRequests(t *testing.T, s *ec2Server, pages []pageSeen) []pageSeen {
	got := s.received()
	if len(got) != len(pages) {
		t.Fatalf("%d requests for %d pages", len(got), len(pages))
	}
	for i, r := range got {
		if !r.SignatureOK || r.Form.Get("Action") != "DescribeCapacityReservations" {
			t.Fatalf("request %d: signature valid %v, action %q", i+1, r.SignatureOK, r.Form.Get("Action"))
		}
		pages[i].NextToken, pages[i].MaxResults = r.Form.Get("NextToken"), r.Form.Get("MaxResults")
	}
	return pages
}
