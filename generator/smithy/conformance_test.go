package smithy

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestSmithyLoaderConformance runs Smithy's own model loader cases (in
// ../shared/smithy-idl, from the smithy repository) through our loader
// and prints the results per folder:
//
//   - loader/valid: every .smithy loads, and gives the same typed model as
//     the .json Smithy wrote for it and as its .flattened.smithy twin;
//   - loader/invalid: every file is rejected, and where the first-line
//     comment gives a syntax error's line and column, our first problem
//     is at that line and column;
//   - errorfiles/loader: a model whose .errors has an [ERROR] line is
//     rejected, any other loads.
func TestSmithyLoaderConformance(t *testing.T) {
	root := filepath.Join(sharedDir(t), "smithy-idl")
	t.Run("loader/valid", func(t *testing.T) { conformValid(t, filepath.Join(root, "loader", "valid")) })
	t.Run("loader/invalid", func(t *testing.T) { conformInvalid(t, filepath.Join(root, "loader", "invalid")) })
	t.Run("errorfiles/loader", func(t *testing.T) { conformErrorfiles(t, filepath.Join(root, "errorfiles", "loader")) })
}

func conformValid(t *testing.T, dir string) {
	shared := Source{"__shared.json", readFile(t, filepath.Join(dir, "__shared.json"))}
	files := walk(t, dir, func(p string) bool {
		return strings.HasSuffix(p, ".smithy") && !strings.HasSuffix(p, ".flattened.smithy")
	})
	var loaded, sameJSON, withJSON, sameFlat, withFlat int
	for _, path := range files {
		name := rel(dir, path)
		m, err := LoadSources(Source{path, readFile(t, path)}, shared)
		if err != nil {
			t.Errorf("%s does not load:\n%v", name, err)
			continue
		}
		loaded++
		base := strings.TrimSuffix(path, ".smithy")
		if data, err := os.ReadFile(base + ".json"); err == nil {
			withJSON++
			jm, err := LoadSources(Source{base + ".json", data}, shared)
			if err != nil {
				t.Errorf("%s.json does not load:\n%v", name, err)
				continue
			}
			if d := modelDiffs(m, jm); len(d) > 0 {
				t.Errorf("%s: the IDL and the JSON differ:\n%s", name, strings.Join(d, "\n"))
			} else {
				sameJSON++
			}
		}
		if data, err := os.ReadFile(base + ".flattened.smithy"); err == nil {
			withFlat++
			fm, err := LoadSources(Source{base + ".flattened.smithy", data}, shared)
			if err != nil {
				t.Errorf("%s.flattened.smithy does not load:\n%v", name, err)
				continue
			}
			// The flattened twin has the shapes that use mixins, without
			// them: compare those, mixins aside.
			enumValues(m)
			enumValues(fm)
			var d []string
			for _, s := range fm.Shapes() {
				if o := m.Shape(s.ID); o == nil {
					d = append(d, "missing "+string(s.ID))
				} else {
					for _, x := range shapeDiffs(o, s) {
						if !strings.HasPrefix(x, "mixins ") {
							d = append(d, string(s.ID)+": "+x)
						}
					}
				}
			}
			if len(d) > 0 {
				t.Errorf("%s and its flattened twin differ:\n%s", name, strings.Join(d, "\n"))
			} else {
				sameFlat++
			}
		}
	}
	t.Logf("loader/valid: %d of %d files load; %d of %d equal their .json; %d of %d equal their .flattened.smithy",
		loaded, len(files), sameJSON, withJSON, sameFlat, withFlat)
	if len(files) < 40 || withJSON < 35 {
		t.Errorf("found %d files, %d with a .json: the corpus is incomplete", len(files), withJSON)
	}
}

var syntaxPos = regexp.MustCompile(`line (\d+), column (\d+)`)

func conformInvalid(t *testing.T, dir string) {
	files := walk(t, dir, func(p string) bool { return strings.HasSuffix(p, ".smithy") || strings.HasSuffix(p, ".json") })
	var rejected, positioned, samePos int
	for _, path := range files {
		name := rel(dir, path)
		data := readFile(t, path)
		_, err := LoadSources(Source{path, data})
		var ps Problems
		if err == nil || !errors.As(err, &ps) {
			t.Errorf("%s loads; Smithy rejects it: %s", name, firstLine(data))
			continue
		}
		rejected++
		m := syntaxPos.FindStringSubmatch(firstLine(data))
		if m == nil {
			continue
		}
		positioned++
		want := m[1] + ":" + m[2]
		if got := fmt.Sprintf("%d:%d", ps[0].Pos.Line, ps[0].Pos.Col); got != want {
			t.Errorf("%s: first problem at %s, Smithy says %s:\n  ours:   %s\n  Smithy: %s", name, got, want, ps[0], firstLine(data))
			continue
		}
		samePos++
	}
	t.Logf("loader/invalid: %d of %d files rejected; %d of %d syntax errors at Smithy's line and column",
		rejected, len(files), samePos, positioned)
	if len(files) < 100 || positioned < 60 {
		t.Errorf("found %d files, %d with positions: the corpus is incomplete", len(files), positioned)
	}
}

// strictJSON are the error files we reject on purpose where Smithy only
// warns: a JSON AST property Smithy does not know. Our JSON loader has
// always rejected those, and its golden errors (testdata/bad/*unexpected
// property*) stay.
var strictJSON = []string{
	"members-warn-additional-properties.json",
	"shapes-warn-additional-properties.json",
	"structure-warns-additional-properties.json",
}

func conformErrorfiles(t *testing.T, dir string) {
	events := walk(t, dir, func(p string) bool { return strings.HasSuffix(p, ".errors") })
	var errCases, errRejected, okCases, okLoaded int
	var strict []string
	for _, path := range events {
		base := strings.TrimSuffix(path, ".errors")
		model := base + ".smithy"
		if _, err := os.Stat(model); err != nil {
			model = base + ".json"
		}
		name := rel(dir, model)
		_, err := LoadSources(Source{model, readFile(t, model)})
		wantErr := strings.Contains(string(readFile(t, path)), "[ERROR]")
		switch {
		case wantErr:
			errCases++
			if err == nil {
				t.Errorf("%s loads; Smithy reports:\n%s", name, readFile(t, path))
				continue
			}
			errRejected++
		default:
			okCases++
			if err == nil {
				okLoaded++
				continue
			}
			if slices.Contains(strictJSON, name) {
				strict = append(strict, name)
				continue
			}
			t.Errorf("%s does not load; Smithy only reports:\n%s\nours:\n%v", name, readFile(t, path), err)
		}
	}
	t.Logf("errorfiles/loader: %d of %d models with an [ERROR] rejected; %d of %d others load (%d rejected on purpose: %s)",
		errRejected, errCases, okLoaded, okCases, len(strict), strings.Join(strict, ", "))
	if !slices.Equal(strict, strictJSON) {
		t.Errorf("deliberately strict cases = %v, want %v", strict, strictJSON)
	}
	if errCases < 25 || okCases < 10 {
		t.Errorf("found %d error and %d other cases: the corpus is incomplete", errCases, okCases)
	}
}

// modelDiffs lists how two models differ: shapes only in one, shapes
// that differ (members in order, traits with their values, properties)
// and metadata. Smithy gives string enum members without a value the
// value of their name, in the JSON it writes; both sides get it here.
func modelDiffs(a, b *Model) []string {
	enumValues(a)
	enumValues(b)
	var out []string
	for _, s := range a.Shapes() {
		o := b.Shape(s.ID)
		if o == nil || o.Prelude {
			out = append(out, "only in the first: "+string(s.ID))
			continue
		}
		for _, d := range shapeDiffs(s, o) {
			out = append(out, string(s.ID)+": "+d)
		}
	}
	for _, s := range b.Shapes() {
		if o := a.Shape(s.ID); o == nil || o.Prelude {
			out = append(out, "only in the second: "+string(s.ID))
		}
	}
	if !nodeEqual(Node{Kind: ObjectNode, Fields: a.Metadata}, Node{Kind: ObjectNode, Fields: b.Metadata}) {
		out = append(out, "metadata differs")
	}
	return out
}

func enumValues(m *Model) {
	for _, s := range m.ShapesOf(Enum) {
		for _, mem := range s.Members {
			if !mem.Traits.Has(TraitEnumValue) {
				mem.Traits.set(TraitEnumValue, Node{Kind: StringNode, Str: mem.Name})
			}
		}
	}
}

func walk(t *testing.T, dir string, keep func(string) bool) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && keep(p) {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func rel(dir, path string) string {
	r, err := filepath.Rel(dir, path)
	if err != nil {
		return path
	}
	return filepath.ToSlash(r)
}

func firstLine(data []byte) string {
	line, _, _ := strings.Cut(string(data), "\n")
	return line
}
