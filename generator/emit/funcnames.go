package emit

import (
	"strings"

	"github.com/smithy2go/smithy2go/generator/plan"
)

// FuncName returns the unexported package-level name for a per-shape
// function (prefix "validate", "serialize", ...) of t. Names are handed out
// on first request and kept, so every emitter agrees on them; a clash
// between two shapes with the same name gets a number.
func (g *Generator) FuncName(prefix string, t *plan.Type) string {
	key := prefix + "\x00" + string(t.Shape.ID)
	if t.Struct != nil {
		key += "\x00" + t.Struct.Name
	}
	return g.funcName(key, prefix+shapeGoName(t))
}

// StructFuncName is FuncName for a struct, input and output included.
func (g *Generator) StructFuncName(prefix string, st *plan.Struct) string {
	return g.funcName(prefix+"\x00"+string(st.Shape.ID)+"\x00"+st.Name, prefix+st.Name)
}

func (g *Generator) funcName(key, want string) string {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.funcNames == nil {
		g.funcNames = map[string]string{}
		g.takenFuncs = map[string]bool{}
	}
	if n, ok := g.funcNames[key]; ok {
		return n
	}
	name := want
	for i := 2; g.takenFuncs[name]; i++ {
		name = want + itoa(i)
	}
	g.takenFuncs[name] = true
	g.funcNames[key] = name
	return name
}

func shapeGoName(t *plan.Type) string {
	if t.Name != "" {
		return t.Name
	}
	n := t.Shape.ID.Name()
	return strings.ToUpper(n[:1]) + n[1:]
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}
