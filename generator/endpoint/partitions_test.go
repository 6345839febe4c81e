package endpoint

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite templates/runtime_endpoint_partitions.go from templates/partitions/partitions.json")

// The runtime's partition table says what the carried partitions.json says.
func TestPartitionTable(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "templates", "partitions", "partitions.json"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := PartitionSource(data, "templates", "")
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join("..", "..", "templates", PartitionFile)
	if *update {
		if err := os.WriteFile(name, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run go test ./generator/endpoint -run TestPartitionTable -update", name)
	}
}

// The carried copy is the shared one, byte for byte.
func TestPartitionsCopy(t *testing.T) {
	shared, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "endpoints", "partitions.json"))
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("../shared/endpoints/partitions.json is missing; cannot compare the carried copy with it")
	}
	if err != nil {
		t.Fatal(err)
	}
	ours, err := os.ReadFile(filepath.Join("..", "..", "templates", "partitions", "partitions.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(shared, ours) {
		t.Error("templates/partitions/partitions.json differs from ../shared/endpoints/partitions.json")
	}
}
