// Package sdkmods reads which versions of the modules generated clients
// import (aws-sdk-go-v2's core and smithy-go) smithy2go itself requires, so
// scratch modules that build generated packages use the same ones.
package sdkmods

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
)

// Requirements returns the require lines ("\tpath version\n") for the
// client's modules in root's go.mod, and root's go.sum, which holds their
// hashes.
func Requirements(root string) (requires string, sum []byte, err error) {
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", nil, err
	}
	var b strings.Builder
	for _, line := range strings.Split(string(mod), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && (f[0] == "github.com/aws/aws-sdk-go-v2" || f[0] == "github.com/aws/smithy-go") {
			b.WriteString("\t" + f[0] + " " + f[1] + "\n")
		}
	}
	if b.Len() == 0 {
		return "", nil, errors.New(filepath.Join(root, "go.mod") + " requires neither github.com/aws/aws-sdk-go-v2 nor github.com/aws/smithy-go")
	}
	sum, err = os.ReadFile(filepath.Join(root, "go.sum"))
	return b.String(), sum, err
}
