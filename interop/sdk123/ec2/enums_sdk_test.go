package ec2

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	sdk "github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/google/go-cmp/cmp"
)

// TestEnumsMatchSDK holds every enum to the SDK's of the same name: its
// Values() in the same order, found by walking each operation's types
// beside the SDK's, and its constants, read from both enums.go files.
func TestEnumsMatchSDK(t *testing.T) {
	pairs := map[reflect.Type]reflect.Type{}
	var walk func(ours, theirs reflect.Type)
	walk = func(ours, theirs reflect.Type) {
		for ours.Kind() == reflect.Pointer || ours.Kind() == reflect.Slice {
			ours = ours.Elem()
		}
		for theirs.Kind() == reflect.Pointer || theirs.Kind() == reflect.Slice {
			theirs = theirs.Elem()
		}
		if _, seen := pairs[ours]; seen {
			return
		}
		switch ours.Kind() {
		case reflect.String:
			if enumOf(ours) != nil {
				pairs[ours] = theirs
			}
		case reflect.Struct:
			pairs[ours] = theirs
			for _, name := range fieldNames(ours) {
				a, _ := ours.FieldByName(name)
				b, ok := theirs.FieldByName(name)
				if !ok {
					t.Fatalf("%s.%s: no such field in the SDK", ours.Name(), name)
				}
				walk(a.Type, b.Type)
			}
		}
	}
	client := reflect.TypeFor[*sdk.Client]()
	for _, op := range operations {
		m, ok := client.MethodByName(op.name)
		if !ok {
			t.Fatalf("the SDK client has no method %s", op.name)
		}
		walk(op.in, m.Type.In(2))
		walk(op.out, m.Type.Out(0))
	}
	types := 0
	for ours, theirs := range pairs {
		if ours.Kind() != reflect.String {
			continue
		}
		types++
		want := enumOf(theirs)
		if want == nil {
			t.Errorf("%s is an enum here, not in the SDK", ours.Name())
			continue
		}
		if diff := cmp.Diff(want.values, enumOf(ours).values); diff != "" {
			t.Errorf("%s.Values() differ from the SDK's (-SDK +ours):\n%s", ours.Name(), diff)
		}
	}

	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/aws/aws-sdk-go-v2/service/ec2").Output()
	if err != nil {
		t.Fatalf("finding the SDK's source: %v", err)
	}
	sdkConsts := enumConstants(t, filepath.Join(strings.TrimSpace(string(out)), "types", "enums.go"))
	ourConsts := enumConstants(t, "enums.go")
	for name, v := range ourConsts {
		if typ, _, _ := strings.Cut(name, " "); unnamedEnums[typ] {
			sdkConsts[name] = v
		}
	}
	if diff := cmp.Diff(sdkConsts, ourConsts); diff != "" {
		t.Errorf("enum constants differ from the SDK's (-SDK +ours):\n%s", diff)
	}
	t.Logf("%d enum types reached from the operations, %d constants", types, len(ourConsts))
	if types < 200 || len(ourConsts) < 1000 {
		t.Errorf("only %d enum types and %d constants: the walk or the parse missed some", types, len(ourConsts))
	}
}

// unnamedEnums are the enums whose 1.0 enum trait names no values: the SDK
// of 2021 gives them no constants, where this package derives their names
// from the values, as the SDK does since its models were upgraded to 2.0
// (the README says more).
var unnamedEnums = map[string]bool{"RIProductDescription": true}

// enumConstants reads a file's typed string constants as "Type Name" →
// value.
func enumConstants(t *testing.T, file string) map[string]string {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			typ, ok := vs.Type.(*ast.Ident)
			if !ok || len(vs.Names) != 1 || len(vs.Values) != 1 {
				continue
			}
			lit, ok := vs.Values[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				continue
			}
			v, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			out[typ.Name+" "+vs.Names[0].Name] = v
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s: no enum constants", file)
	}
	return out
}
