package capacity

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/smithy-go/middleware"
)

// fakeEC2 answers CreateInterruptibleCapacityReservationAllocation as EC2
// does, and turns away requests that are not signed for EC2.
func fakeEC2(t *testing.T, status int, body string) (*httptest.Server, *url.Values) {
	var got url.Values
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got, _ = url.ParseQuery(string(b))
		if !strings.Contains(r.Header.Get("Authorization"), "/us-west-2/ec2/aws4_request") {
			w.WriteHeader(401)
			io.WriteString(w, `<Response><Errors><Error><Code>AuthFailure</Code><Message>unsigned</Message></Error></Errors></Response>`)
			return
		}
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(s.Close)
	return s, &got
}

const created = `<CreateInterruptibleCapacityReservationAllocationResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>req-1</requestId>
  <sourceCapacityReservationId>cr-1234567890abcdef0</sourceCapacityReservationId>
  <targetInstanceCount>3</targetInstanceCount>
  <status>pending</status>
</CreateInterruptibleCapacityReservationAllocationResponse>`

// newTestClient is configured as a program would be, from the
// environment through config.LoadDefaultConfig, with the endpoint of
// server as AWS_ENDPOINT_URL_EC2.
func newTestClient(t *testing.T, server *httptest.Server) *Client {
	// Nothing of the machine's own AWS setup may leak in.
	for _, env := range os.Environ() {
		if name, _, _ := strings.Cut(env, "="); strings.HasPrefix(name, "AWS_") {
			t.Setenv(name, "")
			os.Unsetenv(name)
		}
	}
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "secret")
	t.Setenv("AWS_REGION", "us-west-2")
	t.Setenv("AWS_ENDPOINT_URL_EC2", server.URL)
	t.Setenv("AWS_CONFIG_FILE", "/nonexistent")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithHTTPClient(server.Client()))
	if err != nil {
		t.Fatal(err)
	}
	return NewFromConfig(cfg, func(o *Options) { o.RetryMaxAttempts = 1 })
}

func TestLend(t *testing.T) {
	server, got := fakeEC2(t, 200, created)
	c := newTestClient(t, server)
	a, err := Loan{Source: "cr-1234567890abcdef0", Instances: 3, Token: "t-1"}.Lend(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	if a != (Allocation{Source: "cr-1234567890abcdef0", Instances: 3, Phase: Starting, Status: "pending"}) {
		t.Errorf("got %+v", a)
	}
	if got.Get("Action") != "CreateInterruptibleCapacityReservationAllocation" || got.Get("ClientToken") != "t-1" || got.Get("InstanceCount") != "3" {
		t.Errorf("sent %v", *got)
	}
}

func TestLendOutOfCapacity(t *testing.T) {
	server, _ := fakeEC2(t, 500, `<Response><Errors><Error><Code>InsufficientCapacity</Code><Message>none left</Message></Error></Errors><RequestID>req-2</RequestID></Response>`)
	_, err := Loan{Source: "cr-1234567890abcdef0", Instances: 3}.Lend(context.Background(), newTestClient(t, server))
	if !errors.Is(err, ErrOutOfCapacity) || !strings.Contains(err.Error(), "RequestID: req-2") {
		t.Errorf("got %v; want ErrOutOfCapacity with EC2's request ID", err)
	}
}

func TestLendWithoutSource(t *testing.T) {
	server, got := fakeEC2(t, 200, created)
	_, err := Loan{Instances: 3}.Lend(context.Background(), newTestClient(t, server))
	if err == nil || !strings.Contains(err.Error(), "missing required field, CreateInterruptibleCapacityReservationAllocationInput.CapacityReservationId") || *got != nil {
		t.Errorf("got %v, sent %v; want the SDK's validation error and nothing sent", err, *got)
	}
}

// TestLendRefusesMiddleware: middleware in the aws.Config needs the SDK's
// middleware stack, which the generated client does not have; calls say
// so instead of quietly leaving it out.
func TestLendRefusesMiddleware(t *testing.T) {
	server, got := fakeEC2(t, 200, created)
	newTestClient(t, server) // the environment
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithHTTPClient(server.Client()),
		config.WithAPIOptions([]func(*middleware.Stack) error{func(*middleware.Stack) error { return nil }}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Loan{Source: "cr-1234567890abcdef0", Instances: 3}.Lend(context.Background(), NewFromConfig(cfg))
	if err == nil || !strings.Contains(err.Error(), "APIOptions") || *got != nil {
		t.Errorf("got %v, sent %v; want an error about APIOptions and nothing sent", err, *got)
	}
}
