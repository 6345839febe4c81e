package generator

import (
	"encoding/binary"

	"github.com/smithy2go/smithy2go/generator/smithy"
)

// modelBytes is what the header's digest covers: the model file, or the
// contents of several in order, each after its length so that no two
// sets of files give the same bytes. Names are left out: they depend on
// where the tool runs.
func modelBytes(srcs []smithy.Source) []byte {
	if len(srcs) == 1 {
		return srcs[0].Data
	}
	var out []byte
	for _, s := range srcs {
		out = binary.BigEndian.AppendUint64(out, uint64(len(s.Data)))
		out = append(out, s.Data...)
	}
	return out
}
