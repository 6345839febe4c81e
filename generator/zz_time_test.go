package generator

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestZZFormatCost(t *testing.T) {
	data, err := os.ReadFile("../../shared/models/aws/sagemaker-2017-07-24.json")
	if err != nil {
		t.Skip()
	}
	res, err := Generate(Options{ModelName: "s.json", Model: data, Package: "sagemaker", Client: true})
	if err != nil {
		t.Fatal(err)
	}
	cat := map[string]time.Duration{}
	lines := map[string]int{}
	var total time.Duration
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Name, ".go") {
			continue
		}
		start := time.Now()
		for i := 0; i < 3; i++ {
			format.Source(f.Data)
		}
		d := time.Since(start) / 3
		total += d
		k := f.Name
		for _, p := range []string{"golden_", "samples_", "runtime_"} {
			if strings.HasPrefix(k, p) {
				k = p
			}
		}
		cat[k] += d
		lines[k] += bytes.Count(f.Data, []byte("\n"))
	}
	var ks []string
	for k := range cat {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return cat[ks[i]] > cat[ks[j]] })
	for _, k := range ks {
		fmt.Printf("%-30s %7d lines %8v %.2fus/line\n", k, lines[k], cat[k], float64(cat[k].Microseconds())/float64(lines[k]))
	}
	fmt.Println("total", total)
}
