package dynamodb

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/google/go-cmp/cmp"
)

// pageServer answers Query with pages whose LastEvaluatedKey is keys[i]
// ("" for none, which ends the listing), and records each request's
// ExclusiveStartKey.
type pageServer struct {
	keys  []string
	asked []string
}

func (s *pageServer) RoundTrip(r *http.Request) (*http.Response, error) {
	var in struct{ ExclusiveStartKey map[string]map[string]string }
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		return nil, err
	}
	s.asked = append(s.asked, in.ExclusiveStartKey["id"]["S"])
	body := `{"Count":0,"Items":[]}`
	if i := len(s.asked) - 1; i < len(s.keys) && s.keys[i] != "" {
		body = `{"Count":0,"Items":[],"LastEvaluatedKey":{"id":{"S":"` + s.keys[i] + `"}}}`
	}
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/x-amz-json-1.0"}},
		Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
}

// TestQueryPaginatorMatchesSDK: DynamoDB's tokens are maps (the paginated
// trait allows them beside strings). Both paginators pass each page's
// LastEvaluatedKey on, stop when a page has none, and do not stop on a key
// seen before: the SDK compares string tokens only, and map tokens have no
// StopOnDuplicateToken option.
func TestQueryPaginatorMatchesSDK(t *testing.T) {
	creds := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET"}, nil
	})
	for _, keys := range [][]string{{""}, {"a", "b", ""}, {"a", "a", ""}} {
		ours, theirs := &pageServer{keys: keys}, &pageServer{keys: keys}
		c := New(Options{Region: "us-east-1", Credentials: creds, HTTPClient: &http.Client{Transport: ours}, Retryer: aws.NopRetryer{}})
		sc := sdk.New(sdk.Options{Region: "us-east-1", Credentials: creds, HTTPClient: &http.Client{Transport: theirs}, Retryer: aws.NopRetryer{}})
		p := NewQueryPaginator(c, &QueryInput{TableName: aws.String("t")})
		for p.HasMorePages() {
			if _, err := p.NextPage(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		sp := sdk.NewQueryPaginator(sc, &sdk.QueryInput{TableName: aws.String("t")})
		for sp.HasMorePages() {
			if _, err := sp.NextPage(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		if diff := cmp.Diff(theirs.asked, ours.asked); diff != "" {
			t.Errorf("pages %q: start keys asked (-SDK +ours):\n%s", keys, diff)
		}
		if len(ours.asked) != len(keys) {
			t.Errorf("pages %q: %d requests, want %d", keys, len(ours.asked), len(keys))
		}
	}
}
