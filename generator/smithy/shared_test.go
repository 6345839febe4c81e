package smithy

import (
	"os"
	"path/filepath"
	"testing"
)

// moduleRoot finds the directory holding go.mod, walking up from the
// package directory.
func moduleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the package directory")
		}
		dir = parent
	}
}

// sharedDir returns ../shared next to the module, or skips the test.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(moduleRoot(t), "..", "shared")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s is missing: the shared models are not checked out next to the module", dir)
	}
	return dir
}

// sharedPath returns ../shared next to the module, if it is there.
func sharedPath() (string, bool) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "..", "shared"))
	if err != nil {
		return "", false
	}
	_, err = os.Stat(dir)
	return dir, err == nil
}

// TestLoadSharedModels loads every real model we have: AWS's service
// models, the EC2 cut-downs and the ec2Query protocol tests.
func TestLoadSharedModels(t *testing.T) {
	shared := sharedDir(t)
	var files []string
	for _, glob := range []string{"models/aws/*.json", "models/ec2/*.json", "protocol-tests/ec2query/*.json"} {
		matches, err := filepath.Glob(filepath.Join(shared, glob))
		if err != nil {
			t.Fatal(err)
		}
		if len(matches) == 0 {
			t.Errorf("no files match %s", glob)
		}
		files = append(files, matches...)
	}
	if len(files) < 300 {
		t.Errorf("found %d models, want over 300", len(files))
	}
	shapes := 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(shared, path)
		m, err := Load(rel, data)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if len(m.Shapes()) == 0 {
			t.Errorf("%s: no shapes", rel)
		}
		shapes += len(m.Shapes())
		for _, svc := range m.Services() {
			m.Closure(svc, m.ServiceOperations(svc))
		}
	}
	t.Logf("%d models, %d shapes", len(files), shapes)
}

func BenchmarkLoadSagemaker(b *testing.B) {
	path := filepath.Join(sharedDir(b), "models", "aws", "sagemaker-2017-07-24.json")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("%v", err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load("sagemaker-2017-07-24.json", data); err != nil {
			b.Fatal(err)
		}
	}
}
