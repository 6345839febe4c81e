// Package httpbind writes what restJson1 and restXml share: the Smithy
// HTTP binding traits. For every operation it writes the three functions
// of the HTTP-level contract (the plan's RequestFunc, ResponseFunc and
// ErrorFunc): the method and path from @http, labels (greedy ones too),
// the query from @httpQuery, @httpQueryParams and the path pattern's
// literal query, headers from @httpHeader and @httpPrefixHeaders,
// @httpResponseCode, @httpPayload blobs and strings in memory, streaming
// blobs (an io.Reader sent as it is read; an io.ReadCloser handed to the
// caller unread), the @endpoint host prefix, @requestCompression,
// @httpChecksumRequired and idempotency tokens. It knows no body format:
// the protocol passes a Codec that writes and reads the document body and
// structure, union and document payloads.
//
// A protocol's Emit makes one Writer and hands it each wired operation:
//
//	codec := myCodec{...} // implements httpbind.Codec
//	w := httpbind.New(g, g.GoFile("serializers.go"), g.GoFile("deserializers.go"), codec,
//		httpbind.Options{RequestIDHeader: "X-Amzn-Requestid"})
//	for _, op := range g.Wired() {
//		w.Operation(op)
//	}
//
// Its Supports calls httpbind.Supports(op) for what the bindings need.
// Bind tells a codec which members are its: msg.Body, the unbound
// members, and msg.Payload.
//
// For golden tests the protocol's TestKit calls GoldenRequest and
// GoldenResponse with a BodyOracle, its independent body encoder:
//
//	g, err := httpbind.GoldenRequest(op, in, "https://example.com", oracle)
//	file := g.File(comment) // the golden request file
//	resp, err := httpbind.GoldenResponse(op, out, "X-Amzn-Requestid", sample.RequestID, oracle)
//
// and compares requests with checkRestRequest (templates/
// runtime_resttest_test.go), passing the format's body comparison.
//
// For
//
//	@http(method: "PUT", uri: "/widgets/{name}?tag", code: 201)
//	operation PutWidget {
//	    input := {
//	        @httpLabel @required name: String
//	        @httpQuery("count") count: Integer
//	        @httpHeader("X-Tags") tags: StringList
//	        inner: Inner // unbound: the codec's body
//	    }
//	}
//
// the request builder reads
//
//	func buildPutWidgetRequest(ctx context.Context, v *PutWidgetInput, endpoint string) (*http.Request, error) {
//		if v.Name == nil || *v.Name == "" {
//			return nil, &restLabelError{Member: "Name"}
//		}
//		var pbuf, qbuf [128]byte
//		p := append(pbuf[:0], "/widgets/"...)
//		p = restLabel(p, *v.Name, false)
//		q := append(qbuf[:0], "tag"...)
//		if v.Count != nil {
//			q = restQueryInt(q, "count", *v.Count)
//		}
//		var hw restHeaderWriter
//		if v.Tags != nil {
//			hw.setStrings("X-Tags", v.Tags)
//		}
//		req, parts, err := newRestBodyRequest(ctx, "PUT", endpoint, "", p, q, &hw, false)
//		if err != nil {
//			return nil, err
//		}
//		... the codec's statements, declaring body ...
//		if body != nil {
//			restSetBody(req, parts, body, "application/json")
//		}
//		return restSent(req, parts), nil
//	}
package httpbind
