package smithy

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/tidwall/gjson"

	"github.com/smithy2go/smithy2go/generator/smithy/idl"
)

// Source is one model file: Smithy IDL when its name ends in .smithy, a
// JSON AST otherwise.
type Source struct {
	Name string
	Data []byte
}

// IsIDL reports whether the source is read as Smithy IDL.
func (s Source) IsIDL() bool { return strings.HasSuffix(s.Name, ".smithy") }

// LoadSources merges several model files into one model, as Smithy's
// model assembler does: JSON AST and IDL files can be mixed, shapes
// defined identically in two files are one shape, metadata lists are
// concatenated, apply statements reach across files, and the prelude is
// always there. Problems name the file they are in, and are sorted by
// file, then position.
func LoadSources(srcs ...Source) (*Model, error) {
	if len(srcs) == 0 {
		return nil, errors.New("no model files to load")
	}
	l := &loader{
		m:       &Model{File: srcs[0].Name, shapes: map[ShapeID]*Shape{}},
		refs:    map[ref]int{},
		defined: map[ShapeID]Type{},
		v1:      map[*Shape]bool{},
		bound:   map[*Shape]idRef{},
	}
	var units []*idlUnit
	for _, src := range srcs {
		l.base = l.m.files.add(src.Name, src.Data)
		if src.IsIDL() {
			u := &idlUnit{base: l.base, f: idl.Parse(src.Data)}
			if l.m.Smithy == "" {
				l.m.Smithy = u.f.Version
				if u.f.V1() {
					l.m.Smithy = "1.0"
				}
			}
			for _, e := range u.f.Errors {
				l.addAt(u.base+e.Offset, "", "%s", e.Msg)
			}
			units = append(units, u)
			continue
		}
		l.loadJSON(src.Data)
	}
	for _, u := range units {
		if len(u.f.Errors) > 0 {
			// The statements around a syntax error are missing: reading
			// further would report problems that are not there.
			return nil, l.dedupe(l.problems)
		}
	}
	l.assemble(units, len(srcs))
	if len(l.problems) > 0 {
		return nil, l.dedupe(l.problems)
	}
	l.m.Warnings = l.dedupe(l.warnings)
	return l.m, nil
}

// ReadSources reads model files. A directory stands for every .smithy and
// .json file under it, in lexical order of path; files there that are
// plainly not Smithy models (a README.json, a NOTICE.smithy) are left out
// and named in skipped, with why.
func ReadSources(paths ...string) (srcs []Source, skipped []string, err error) {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, nil, err
		}
		if !info.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return nil, nil, err
			}
			srcs = append(srcs, Source{p, data})
			continue
		}
		n := len(srcs)
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !(strings.HasSuffix(path, ".smithy") || strings.HasSuffix(path, ".json")) {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			src := Source{path, data}
			if why := NotAModel(src); why != "" {
				skipped = append(skipped, path+": "+why)
				return nil
			}
			srcs = append(srcs, src)
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		if len(srcs) == n {
			return nil, nil, fmt.Errorf("%s: no Smithy model files (.smithy or .json) in the directory", p)
		}
	}
	return srcs, skipped, nil
}

// NotAModel says why a file is plainly not a Smithy model, or "" when it
// may be one. Broken models are still models: only files that are
// something else altogether are named.
func NotAModel(src Source) string {
	if src.IsIDL() {
		if !startsLikeIDL(src.Data) {
			return "not Smithy IDL: it does not start with a control, metadata or namespace statement"
		}
		return ""
	}
	if !gjson.ValidBytes(src.Data) {
		return ""
	}
	return notJSONAST(gjson.ParseBytes(src.Data))
}

// notJSONAST recognises the JSON files people mistake for Smithy models,
// so that one line says what the file is instead of a problem per key.
func notJSONAST(root gjson.Result) string {
	if !root.IsObject() {
		return ""
	}
	has := func(k string) bool { return root.Get(gjson.Escape(k)).Exists() }
	switch {
	case has("smithy"):
		return ""
	case has("metadata") && has("operations") && root.Get("metadata.apiVersion").Exists():
		return "this is an AWS API model in the C2J format (api-2.json), not Smithy: use the service's Smithy JSON AST model, as published in github.com/aws/api-models-aws"
	case has("openapi") || has("swagger"):
		return "this is an OpenAPI (Swagger) document, not a Smithy model: smithy2go reads Smithy IDL (.smithy) and Smithy JSON AST models"
	case has("shapes"):
		return "" // a Smithy model without its version, which the loader reports
	}
	return `this JSON is not a Smithy JSON AST model: it has neither a "smithy" version nor "shapes"`
}

// startsLikeIDL reports whether the first statement of data, past
// comments, is one an IDL file can start with. An empty file is an
// empty model.
func startsLikeIDL(data []byte) bool {
	s := data
	for {
		s = bytes.TrimLeft(s, " \t\r\n,\ufeff")
		if !bytes.HasPrefix(s, []byte("//")) {
			break
		}
		i := bytes.IndexByte(s, '\n')
		if i < 0 {
			return true
		}
		s = s[i+1:]
	}
	if len(s) == 0 || s[0] == '$' {
		return true
	}
	for _, w := range []string{"metadata", "namespace"} {
		if rest, ok := bytes.CutPrefix(s, []byte(w)); ok && (len(rest) == 0 || rest[0] == ' ' || rest[0] == '\t') {
			return true
		}
	}
	return false
}

// looksLikeIDL reports whether bad JSON is in fact Smithy IDL.
func looksLikeIDL(data []byte) bool {
	s := bytes.TrimLeft(data, " \t\r\n")
	return len(s) > 0 && s[0] != '{' && s[0] != '[' && startsLikeIDL(data) && bytes.Contains(data, []byte("namespace "))
}
