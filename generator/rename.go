package generator

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"regexp"
)

// rename renames package-level identifiers of a runtime file: those that
// yielded to a model shape of the same name. Field, method and selector
// names are left alone, so a method such as ErrorFault keeps its name
// when the type ErrorFault is renamed.
func rename(name string, src []byte, renamed map[string]string) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	skip := map[*ast.Ident]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			skip[n.Sel] = true
		case *ast.FuncDecl:
			if n.Recv != nil {
				skip[n.Name] = true
			}
		case *ast.Field:
			// Struct fields and interface methods; parameters too, which
			// never carry these names.
			for _, id := range n.Names {
				skip[id] = true
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				skip[id] = true
			}
		}
		return true
	})
	ast.Inspect(f, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && !skip[id] {
			if to, ok := renamed[id.Name]; ok {
				id.Name = to
			}
		}
		return true
	})
	// Doc comments name the type they document; they follow it.
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			for from, to := range renamed {
				c.Text = regexp.MustCompile(`\b`+regexp.QuoteMeta(from)+`\b`).ReplaceAllLiteralString(c.Text, to)
			}
		}
	}
	var b bytes.Buffer
	if err := format.Node(&b, fset, f); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
