package output

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	udiff "github.com/aymanbagabas/go-udiff"
)

// Diff returns a unified diff from the files in dir to the generated ones,
// or "" when they are the same.
func Diff(dir string, files []File) (string, error) {
	p, err := Compare(dir, files)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, f := range p.Write {
		name := filepath.Join(dir, filepath.FromSlash(f.Name))
		old, err := os.ReadFile(name)
		if err != nil && !os.IsNotExist(err) {
			return "", err
		}
		from := name
		if os.IsNotExist(err) {
			from = "/dev/null"
		}
		b.WriteString(unified(from, name, string(old), string(f.Data)))
	}
	for _, n := range p.Remove {
		name := filepath.Join(dir, filepath.FromSlash(n))
		old, err := os.ReadFile(name)
		if err != nil {
			return "", err
		}
		b.WriteString(unified(name, "/dev/null", string(old), ""))
	}
	return b.String(), nil
}

func unified(from, to, old, new string) string {
	d := udiff.Unified("a/"+strings.TrimPrefix(from, "/"), "b/"+strings.TrimPrefix(to, "/"), old, new)
	if from == "/dev/null" || to == "/dev/null" {
		d = strings.Replace(d, "a/dev/null", "/dev/null", 1)
		d = strings.Replace(d, "b/dev/null", "/dev/null", 1)
	}
	if d == "" {
		return fmt.Sprintf("Files %s and %s differ\n", from, to)
	}
	return d
}
