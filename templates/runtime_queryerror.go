package templates

import "errors"

// parseQueryError reads an error document: ec2Query's
// <Response><Errors><Error>…</Error></Errors><RequestID>, or awsQuery's
// <ErrorResponse><Error>…</Error><RequestId>. Like the AWS SDK it does not
// insist on the root's name, and a body that is not XML at all (empty, or
// a proxy's text or HTML page) is an error of unknown cause; a missing
// code or message reads "UnknownError". Only XML that breaks after its
// root is a decoding error.
func parseQueryError(body []byte, ec2 bool) (*APIError, error) {
	e := &APIError{}
	d := newXMLDecoder(body)
	if _, err := d.root(); err == nil {
		if err := queryErrorDocument(&d, e, ec2); err != nil {
			return nil, err
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

func queryErrorDocument(d *xmlDecoder, e *APIError, ec2 bool) error {
	for {
		name, ok, err := d.next()
		if err != nil || !ok {
			return err
		}
		switch {
		case string(name) == "Errors" && ec2:
			err = queryErrorsList(d, e)
		case string(name) == "Error" && !ec2:
			err = queryErrorFields(d, e, false)
		case string(name) == "RequestID" || string(name) == "RequestId":
			e.RequestID, err = d.string()
		default:
			err = d.skip()
		}
		if err != nil {
			return err
		}
	}
}

// queryErrorsList reads the first <Error> of ec2Query's <Errors>.
func queryErrorsList(d *xmlDecoder, e *APIError) error {
	seen := false
	for {
		name, ok, err := d.next()
		if err != nil || !ok {
			return err
		}
		if string(name) == "Error" && !seen {
			seen = true
			err = queryErrorFields(d, e, false)
		} else {
			err = d.skip()
		}
		if err != nil {
			return err
		}
	}
}

// queryErrorFields reads the fields of an <Error>; its <RequestId> too
// when requestID is set (S3's unwrapped errors hold it there).
func queryErrorFields(d *xmlDecoder, e *APIError, requestID bool) error {
	for {
		name, ok, err := d.next()
		if err != nil || !ok {
			return err
		}
		switch string(name) {
		case "Code":
			e.Code, err = d.string()
		case "Message":
			e.Message, err = d.string()
		case "RequestId":
			if requestID {
				e.RequestID, err = d.string()
			} else {
				err = d.skip()
			}
		case "Type":
			var t string
			t, err = d.string()
			switch t {
			case "Sender":
				e.Fault = FaultClient
			case "Receiver":
				e.Fault = FaultServer
			}
		default:
			err = d.skip()
		}
		if err != nil {
			return err
		}
	}
}

// queryErrorDecoder returns a decoder that has entered the (first) <Error>
// element, so a modeled error's members can be read from its children.
func queryErrorDecoder(body []byte, ec2 bool) (xmlDecoder, error) {
	d := newXMLDecoder(body)
	if _, err := d.root(); err != nil {
		return d, err
	}
	path := []string{"Error"}
	if ec2 {
		path = []string{"Errors", "Error"}
	}
	for _, want := range path {
		for {
			name, ok, err := d.next()
			if err != nil {
				return d, err
			}
			if !ok {
				return d, errors.New("error document has no <" + want + ">")
			}
			if string(name) == want {
				break
			}
			if err := d.skip(); err != nil {
				return d, err
			}
		}
	}
	return d, nil
}
