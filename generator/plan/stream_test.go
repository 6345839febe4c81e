package plan

import (
	"strings"
	"testing"

	"github.com/smithy2go/smithy2go/generator/smithy"
)

const streamModel = `$version: "2"
namespace example.stream

use aws.protocols#restJson1

@restJson1
service Stream {
    version: "2024-01-01"
    operations: [Upload, Download, Watch]
}

@http(method: "PUT", uri: "/f")
operation Upload {
    input := { @httpPayload body: Data }
}

@http(method: "GET", uri: "/f")
operation Download {
    output := { @httpPayload body: Data }
}

@http(method: "GET", uri: "/w")
operation Watch {
    output := { @httpPayload events: Events }
}

@streaming
blob Data

@streaming
union Events { tick: Tick }

structure Tick { n: Integer }
`

// streamer is a protocol that carries streaming blobs.
type streamer struct{ Protocol }

func (streamer) Trait() smithy.ShapeID                  { return "aws.protocols#restJson1" }
func (streamer) Reserved() Reserved                     { return Reserved{} }
func (streamer) Supports(p *Plan, op *Operation) string { return "" }
func (streamer) StreamsBlobs() bool                     { return true }

type nonStreamer struct{ streamer }

func (nonStreamer) StreamsBlobs() bool { return false }

func TestStreamingBlobs(t *testing.T) {
	m, err := smithy.LoadSources(smithy.Source{Name: "stream.smithy", Data: []byte(streamModel)})
	if err != nil {
		t.Fatal(err)
	}
	svc, _ := FindService(m, "")
	for _, c := range []struct {
		proto   Protocol
		carried bool
	}{{streamer{}, true}, {nonStreamer{}, false}} {
		p, err := Build(m, svc, Options{Package: "stream", Protocols: []Protocol{c.proto}})
		if err != nil {
			t.Fatal(err)
		}
		for _, op := range p.Operations {
			why := op.Unsupported
			switch {
			case op.Name == "Watch":
				if !strings.Contains(why, "event stream") {
					t.Errorf("%T: Watch: %q, want an event stream refusal", c.proto, why)
				}
			case c.carried && why != "":
				t.Errorf("%T: %s: %q", c.proto, op.Name, why)
			case !c.carried && !strings.Contains(why, "streaming blob"):
				t.Errorf("%T: %s: %q, want a streaming blob refusal", c.proto, op.Name, why)
			}
		}
		if !c.carried {
			continue
		}
		in, out := structNamed(p, "UploadInput").Fields[0], structNamed(p, "DownloadOutput").Fields[0]
		if in.Type.Kind != StreamKind || in.ReadCloser || out.Type.Kind != StreamKind || !out.ReadCloser {
			t.Errorf("input %v ReadCloser %v, output %v ReadCloser %v", in.Type.Kind, in.ReadCloser, out.Type.Kind, out.ReadCloser)
		}
	}
}
