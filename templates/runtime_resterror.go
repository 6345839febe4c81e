package templates

// Error responses of restXml.
//
// API for emitters:
//
//	restXMLError(body, noWrapping) (*APIError, error)       code, message, request ID
//	restXMLErrorDecoder(body, noWrapping) (xmlDecoder, error)  positioned inside <Error>
//
// Most services wrap the error: <ErrorResponse><Error><Type/><Code/>
// <Message/>...</Error><RequestId/></ErrorResponse>. Services with the
// restXml noErrorWrapping setting (S3) send <Error><Code/><Message/>...
// <RequestId/></Error>. An emitter writes
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
// on the root element's name; a body that is not XML gives "UnknownError".
func restXMLError(body []byte, noWrapping bool) (*APIError, error) {
	if !noWrapping {
		return parseQueryError(body, false)
	}
	e := &APIError{}
	d := newXMLDecoder(body)
	if _, err := d.root(); err == nil {
		for {
			name, ok, err := d.next()
			if err != nil {
				return nil, err
			}
			if !ok {
				break
			}
			switch string(name) {
			case "Code":
				e.Code, err = d.string()
			case "Message":
				e.Message, err = d.string()
			case "RequestId":
				e.RequestID, err = d.string()
			default:
				err = d.skip()
			}
			if err != nil {
				return nil, err
			}
		}
	}
	if e.Code == "" {
		e.Code = "UnknownError"
	}
	if e.Message == "" {
		e.Message = "UnknownError"
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
