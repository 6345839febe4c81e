// Package xmlbody writes the code that reads and writes XML bodies, for
// every protocol that carries them: the awsQuery and ec2Query responses
// and errors, and restXml's requests, responses and errors. Decoders walk
// a document with the runtime's pull decoder (templates/runtime_xml.go),
// matching element names case-insensitively as the AWS SDK does; encoders
// append to a byte slice with templates/runtime_xmlwrite.go.
package xmlbody

import (
	"github.com/smithy2go/smithy2go/generator/plan"
	"github.com/smithy2go/smithy2go/generator/smithy"
)

// Name is a member's element (or attribute) name: its xmlName, else the
// member name.
func Name(m *smithy.Member) string {
	if n, ok := m.Traits.XMLName(); ok {
		return n
	}
	return m.Name
}

// ListItemName is the element of a wrapped list's items ("member" unless
// the list's member has an xmlName).
func ListItemName(t *plan.Type) string {
	if n, ok := t.Member.Traits.XMLName(); ok {
		return n
	}
	return "member"
}

// MapKeyName and MapValueName name a map entry's parts.
func MapKeyName(t *plan.Type) string {
	if n, ok := t.KeyMember.Traits.XMLName(); ok {
		return n
	}
	return "key"
}

func MapValueName(t *plan.Type) string {
	if n, ok := t.Member.Traits.XMLName(); ok {
		return n
	}
	return "value"
}

// TimestampFormat is the runtime constant for a member's timestamp
// format; date-time, XML's default, when neither the member nor its
// target says.
func TimestampFormat(m *smithy.Member, target *smithy.Shape) string {
	f, ok := m.Traits.TimestampFormat()
	if !ok {
		f, _ = target.Traits.TimestampFormat()
	}
	switch f {
	case "http-date":
		return "timeHTTPDate"
	case "epoch-seconds":
		return "timeEpochSeconds"
	}
	return "timeDateTime"
}

// queue holds the types whose functions a file still has to write, each
// once, in the order first asked for.
type queue struct {
	done  map[string]bool
	types []*plan.Type
}

func newQueue() queue { return queue{done: map[string]bool{}} }

// Once reports whether key is new, and records it: for code a file must
// hold once, such as a helper function.
func (q *queue) Once(key string) bool {
	if q.done[key] {
		return false
	}
	q.done[key] = true
	return true
}

// ask names the function that does prefix for t, queueing t the first
// time.
func (q *queue) ask(p *plan.Plan, prefix string, t *plan.Type) string {
	name := p.Func(prefix, t)
	if q.Once(name) {
		q.types = append(q.types, t)
	}
	return name
}

// next takes the next type to write, or nil.
func (q *queue) next() *plan.Type {
	if len(q.types) == 0 {
		return nil
	}
	t := q.types[0]
	q.types = q.types[1:]
	return t
}
