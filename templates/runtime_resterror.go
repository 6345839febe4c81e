package templates

// Error responses of restXml.
//
// API for emitters:
//
//	restXMLError(body, noWrapping) (*APIError, error)       code, message, request ID, fault
//	restXMLErrorDecoder(body, noWrapping) (xmlDecoder, error)  positioned inside <Error>
//
// Most services wrap the error: <ErrorResponse><Error><Type/><Code/>
// <Message/>...</Error><RequestId/></ErrorResponse>. Services with the
// restXml noErrorWrapping setting (S3) send <Error><Code/><Message/>...
// <RequestId/></Error>. restXMLError leaves what the body lacks empty, for
// the caller's defaults (restXMLResponseError in runtime_restxml.go). An
// emitter writes
//
//	e, err := restXMLError(body, false)
//	if err != nil { ... }
//	switch e.Code {
//	case "FooError":
//		d, err := restXMLErrorDecoder(body, false)
//		... read FooError's members from d as from any structure ...
//	}
//
// It uses runtime_xml.go, runtime_queryerror.go (the wrapped form is the
// awsQuery error document) and runtime_errors.go.

// restXMLError reads a restXml error body. Like the SDK it does not insist
// on the root element's name; a body that is not XML has no fields.
func restXMLError(body []byte, noWrapping bool) (*APIError, error) {
	e := &APIError{}
	d := newXMLDecoder(body)
	if _, err := d.root(); err != nil {
		return e, nil
	}
	if !noWrapping {
		if err := queryErrorDocument(&d, e, false); err != nil {
			return nil, err
		}
		return e, nil
	}
	if err := queryErrorFields(&d, e, true); err != nil {
		return nil, err
	}
	return e, nil
}

// restXMLErrorDecoder returns a decoder that has entered the <Error>
// element, so a modeled error's members can be read from its children.
func restXMLErrorDecoder(body []byte, noWrapping bool) (xmlDecoder, error) {
	if !noWrapping {
		return queryErrorDecoder(body, false)
	}
	d := newXMLDecoder(body)
	_, err := d.root()
	return d, err
}
