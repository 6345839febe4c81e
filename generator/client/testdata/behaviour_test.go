package toy

// What the toy model's client must do, against an httptest server that
// speaks awsQuery. Copied into the generated package by TestBehaviour.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/auth/bearer"
)

type seen struct {
	form   url.Values
	header http.Header
}

// toyServer answers with answer and keeps what it received.
type toyServer struct {
	*httptest.Server
	mu     sync.Mutex
	got    []seen
	answer func(n int, form url.Values) (int, string)
}

func newToyServer(t *testing.T, answer func(n int, form url.Values) (int, string)) *toyServer {
	s := &toyServer{answer: answer}
	s.Server = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(b))
		s.mu.Lock()
		s.got = append(s.got, seen{form, r.Header.Clone()})
		n := len(s.got)
		s.mu.Unlock()
		status, body := s.answer(n, form)
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *toyServer) client(optFns ...func(*ClientOptions)) *APIClient {
	return New(ClientOptions{
		Region:       "us-west-2",
		BaseEndpoint: aws.String(s.URL),
		HTTPClient:   s.Client(),
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
		}),
	}, optFns...)
}

func page(token string, things ...string) string {
	var b strings.Builder
	b.WriteString(`<ListThingsResponse xmlns="https://toy.example.com/doc/2024-01-01/"><ListThingsResult><Page>`)
	if token != "" {
		b.WriteString("<NextToken>" + token + "</NextToken>")
	}
	b.WriteString("<Things>")
	for _, t := range things {
		b.WriteString("<member>" + t + "</member>")
	}
	b.WriteString("</Things></Page></ListThingsResult></ListThingsResponse>")
	return b.String()
}

func TestPaginator(t *testing.T) {
	pages := map[string]string{"": page("t2", "a", "b"), "t2": page("t3", "c"), "t3": page("", "d")}
	s := newToyServer(t, func(_ int, form url.Values) (int, string) { return 200, pages[form.Get("NextToken")] })
	p := NewListThingsPaginator(s.client(), &ListThingsInput{}, func(o *ListThingsPaginatorOptions) { o.Limit = 2 })
	var things []string
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		things = append(things, out.Page.Things...)
	}
	if strings.Join(things, ",") != "a,b,c,d" || len(s.got) != 3 {
		t.Errorf("things %v in %d calls; want a,b,c,d in 3", things, len(s.got))
	}
	for i, want := range []string{"", "t2", "t3"} {
		if s.got[i].form.Get("NextToken") != want || s.got[i].form.Get("MaxResults") != "2" {
			t.Errorf("call %d sent %v", i+1, s.got[i].form)
		}
	}
	if _, err := p.NextPage(context.Background()); err == nil {
		t.Error("NextPage after the last page did not fail")
	}

	t.Run("duplicate token", func(t *testing.T) {
		s := newToyServer(t, func(int, url.Values) (int, string) { return 200, page("same", "x") })
		p := NewListThingsPaginator(s.client(), &ListThingsInput{NextToken: aws.String("same")}, func(o *ListThingsPaginatorOptions) { o.StopOnDuplicateToken = true })
		for i := 0; p.HasMorePages() && i < 5; i++ {
			if _, err := p.NextPage(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		if len(s.got) != 1 {
			t.Errorf("%d calls; want 1: the service gave back the token that asked", len(s.got))
		}
	})
}

func TestAuthSchemes(t *testing.T) {
	ok := func(int, url.Values) (int, string) { return 200, page("", "x") }
	creds := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET"}, nil
	})
	token := bearer.StaticTokenProvider{Token: bearer.Token{Value: "tok"}}
	for _, c := range []struct {
		name   string
		optFns func(*ClientOptions)
		header string
		want   string
	}{
		{"API key first, as the auth trait orders", func(o *ClientOptions) { o.APIKey = "k"; o.Credentials = creds }, "X-Api-Key", "ApiKey k"},
		{"SigV4 without an API key", func(o *ClientOptions) { o.Credentials = creds; o.BearerAuthTokenProvider = token }, "Authorization", "AWS4-HMAC-SHA256 Credential=AKID/"},
		{"bearer", func(o *ClientOptions) { o.BearerAuthTokenProvider = token }, "Authorization", "Bearer tok"},
		{"preference", func(o *ClientOptions) {
			o.Credentials = creds
			o.BearerAuthTokenProvider = token
			o.AuthSchemePreference = []string{"httpBearerAuth"}
		}, "Authorization", "Bearer tok"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newToyServer(t, ok)
			if _, err := s.client(c.optFns).ListThings(context.Background(), nil); err != nil {
				t.Fatal(err)
			}
			if got := s.got[0].header.Get(c.header); !strings.HasPrefix(got, c.want) {
				t.Errorf("%s: %q, want %q", c.header, got, c.want)
			}
		})
	}
	t.Run("signing name from the sigv4 trait", func(t *testing.T) {
		s := newToyServer(t, ok)
		s.client(func(o *ClientOptions) { o.Credentials = creds }).ListThings(context.Background(), nil)
		if got := s.got[0].header.Get("Authorization"); !strings.Contains(got, "/us-west-2/toy/aws4_request") {
			t.Errorf("Authorization %q", got)
		}
	})
	t.Run("optional auth", func(t *testing.T) {
		s := newToyServer(t, func(int, url.Values) (int, string) {
			return 200, "<GetStatusResponse><GetStatusResult><Status>up</Status></GetStatusResult></GetStatusResponse>"
		})
		out, err := s.client().GetStatus(context.Background(), &GetStatusInput{Name: aws.String("x")})
		if err != nil || *out.Status != "up" || s.got[0].header.Get("Authorization") != "" {
			t.Errorf("%v, %+v, Authorization %q", err, out, s.got[0].header.Get("Authorization"))
		}
	})
	t.Run("no auth", func(t *testing.T) {
		s := newToyServer(t, func(int, url.Values) (int, string) { return 200, "<PutOptionsResponse/>" })
		_, err := s.client(func(o *ClientOptions) { o.Credentials = creds; o.APIKey = "k" }).PutOptions(context.Background(), &PutOptionsInput{})
		if err != nil || s.got[0].header.Get("Authorization") != "" || s.got[0].header.Get("X-Api-Key") != "" {
			t.Errorf("%v; headers %v: want none of the credentials sent", err, s.got[0].header)
		}
	})
}

func TestIdempotencyToken(t *testing.T) {
	s := newToyServer(t, func(n int, _ url.Values) (int, string) {
		if n == 1 {
			return 500, "<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>oops</Message></Error><RequestId>r1</RequestId></ErrorResponse>"
		}
		return 200, "<PutOptionsResponse/>"
	})
	if _, err := s.client().PutOptions(context.Background(), &PutOptionsInput{}); err != nil {
		t.Fatal(err)
	}
	if len(s.got) != 2 || s.got[0].form.Get("Token") == "" || s.got[0].form.Get("Token") != s.got[1].form.Get("Token") {
		t.Errorf("tokens %q and %q; want one token on both attempts", s.got[0].form.Get("Token"), s.got[1].form.Get("Token"))
	}
}

func TestValidation(t *testing.T) {
	s := newToyServer(t, func(int, url.Values) (int, string) { return 200, "<PutOptionsResponse/>" })
	c := s.client()
	_, err := c.GetStatus(context.Background(), &GetStatusInput{})
	var invalid smithy.InvalidParamsError
	if !errors.As(err, &invalid) || err.Error() != "operation error Toy Service: GetStatus, 1 validation error(s) found.\n- missing required field, GetStatusInput.Name.\n" {
		t.Errorf("%q", err)
	}
	// Only required members by default, as the SDK; every constraint
	// when asked.
	in := &PutOptionsInput{Options: &Options{Color: aws.String("x")}}
	if _, err := c.PutOptions(context.Background(), in); err != nil {
		t.Errorf("by default: %v", err)
	}
	_, err = c.PutOptions(context.Background(), in, func(o *ClientOptions) { o.ValidateConstraints = true })
	if !errors.As(err, &invalid) || !strings.Contains(err.Error(), "PutOptionsInput.Options.Color.") || len(s.got) != 1 {
		t.Errorf("with ValidateConstraints: %v after %d requests", err, len(s.got))
	}
}

func TestServiceError(t *testing.T) {
	s := newToyServer(t, func(n int, _ url.Values) (int, string) {
		return 400, fmt.Sprintf("<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchThing</Code><Message>gone</Message></Error><RequestId>r%d</RequestId></ErrorResponse>", n)
	})
	_, err := s.client().ListThings(context.Background(), nil)
	var api smithy.APIError
	var ours *APIError
	if !errors.As(err, &api) || !errors.As(err, &ours) || api.ErrorCode() != "NoSuchThing" || api.ErrorFault() != smithy.FaultClient || ours.RequestID != "r1" {
		t.Errorf("%v", err)
	}
	if want := "operation error Toy Service: ListThings, https response error StatusCode: 400, RequestID: r1, api error NoSuchThing: gone"; err.Error() != want {
		t.Errorf("message\n%q\nwant\n%q", err, want)
	}
}
