package main

import (
	"cmp"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/tidwall/gjson"
)

// model is one model file of the sweep.
type model struct {
	Path     string
	File     string // base name, as shown in the table
	Size     int64
	Package  string
	Protocol string // short name such as "awsQuery"; "" when none is found
}

// findModels lists the *.json files of dir sorted by name, with their
// package names and protocols. ok is false when dir does not exist.
func findModels(dir string) (models []model, ok bool, err error) {
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return nil, false, nil
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, true, err
	}
	slices.Sort(paths)
	files := make([]string, len(paths))
	for i, p := range paths {
		files[i] = filepath.Base(p)
	}
	names := packageNames(files)
	for i, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, true, err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, true, err
		}
		models = append(models, model{
			Path:     p,
			File:     files[i],
			Size:     fi.Size(),
			Package:  names[i],
			Protocol: protocolOf(data),
		})
	}
	return models, true, nil
}

// addModel appends the model file at path to models as package pkg, for a
// model kept apart from the directory of AWS models. A missing file adds
// nothing; a package name another model has is an error.
func addModel(models []model, path, pkg string) ([]model, error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return models, nil
	}
	if err != nil {
		return nil, err
	}
	for _, m := range models {
		if m.Package == pkg {
			return nil, fmt.Errorf("%s and %s would both be package %s", m.Path, path, pkg)
		}
	}
	return append(models, model{
		Path:     path,
		File:     filepath.Base(path),
		Size:     int64(len(data)),
		Package:  pkg,
		Protocol: protocolOf(data),
	}), nil
}

// protocols are the protocol traits the table names, in the order they are
// looked for.
var protocols = []string{"ec2Query", "awsQuery", "awsJson1_0", "awsJson1_1", "restJson1", "restXml"}

// protocolOf finds the protocol trait of the model's service without
// loading the model, so a model that fails to load still gets one.
func protocolOf(data []byte) string {
	proto := ""
	gjson.GetBytes(data, "shapes").ForEach(func(_, s gjson.Result) bool {
		if s.Get("type").String() != "service" {
			return true
		}
		traits := s.Get("traits")
		for _, p := range protocols {
			if traits.Get(gjson.Escape("aws.protocols#" + p)).Exists() {
				proto = p
				return false
			}
		}
		return true
	})
	return proto
}

// dateSuffix is the API version AWS model files end their names with.
var dateSuffix = regexp.MustCompile(`-\d{4}-\d{2}-\d{2}$`)

// packageName derives a Go package name from a model file name the way the
// AWS SDK names its service packages: "acm-pca-2017-08-22.json" becomes
// "acmpca".
func packageName(file string) string {
	base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	base = dateSuffix.ReplaceAllString(base, "")
	var b strings.Builder
	for _, r := range strings.ToLower(base) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
		}
	}
	name := b.String()
	switch {
	case name == "":
		name = "model"
	case name[0] >= '0' && name[0] <= '9':
		name = "m" + name
	}
	// The go command gives these directory names meaning, and keywords and
	// "main" cannot name an importable package.
	if token.IsKeyword(name) || name == "main" || name == "testdata" || name == "vendor" || name == "internal" {
		name += "api"
	}
	return name
}

// packageNames names the package of each file, keeping them distinct: two
// versions of one service get their dates appended, in file order.
func packageNames(files []string) []string {
	names := make([]string, len(files))
	count := map[string]int{}
	for i, f := range files {
		names[i] = packageName(f)
		count[names[i]]++
	}
	used := map[string]bool{}
	for _, n := range names {
		if count[n] == 1 {
			used[n] = true
		}
	}
	for i, f := range files {
		if count[names[i]] == 1 {
			continue
		}
		base := names[i]
		date := strings.ReplaceAll(strings.TrimPrefix(dateSuffix.FindString(strings.TrimSuffix(f, filepath.Ext(f))), "-"), "-", "")
		name := base + date
		for n := 2; used[name]; n++ {
			name = fmt.Sprintf("%s%s_%d", base, date, n)
		}
		used[name] = true
		names[i] = name
	}
	return names
}

// ciLargest is how many of the largest model files the CI subset takes:
// SageMaker (awsJson1_1), QuickSight (restJson1) and S3 (restXml). More
// would not fit CI's 20 minutes beside the SDK modules; the full sweep
// (make sweep) takes them all.
const ciLargest = 3

// ciOthers are the models the CI subset adds to the largest and the
// awsQuery ones: small and mid-sized models across the other protocols,
// each chosen for something that breaks naive generators.
var ciOthers = []struct{ file, why string }{
	{"apigatewayv2-2018-11-29.json", "restJson1; a digit inside the package name"},
	{"backupsearch-2018-05-10.json", "restJson1; sparse lists, unions and @default"},
	{"bedrock-runtime-2023-09-30.json", "restJson1; documents, unions and event streams"},
	{"dynamodb-streams-2012-08-10.json", "awsJson1_0; the recursive AttributeValue union"},
	{"ec2-instance-connect-2018-04-02.json", "awsJson1_1; a hyphenated name with digits"},
	{"identitystore-2020-06-15.json", "awsJson1_1; a document inside a union"},
	{"kinesis-2013-12-02.json", "awsJson1_1; an event stream output (SubscribeToShard)"},
	{"lambda-2015-03-31.json", "restJson1; streaming blob payloads and event streams"},
	{"route-53-2013-04-01.json", "restXml other than s3: XML namespaces, no flattening"},
	{"sqs-2012-11-05.json", "awsJson1_0 with awsQueryCompatible and left-over XML traits"},
}

// ciSubset picks the CI models from all of them: the ciLargest largest
// files (ties go to the first name), every awsQuery model and ciOthers,
// sorted by file name whatever the order of models. A named model that is
// missing is an error, so the subset cannot shrink unnoticed.
func ciSubset(models []model) ([]model, error) {
	bySize := slices.Clone(models)
	slices.SortStableFunc(bySize, func(a, b model) int {
		if c := cmp.Compare(b.Size, a.Size); c != 0 {
			return c
		}
		return cmp.Compare(a.File, b.File)
	})
	pick := map[string]bool{}
	for i := 0; i < ciLargest && i < len(bySize); i++ {
		pick[bySize[i].File] = true
	}
	for _, m := range models {
		if m.Protocol == "awsQuery" {
			pick[m.File] = true
		}
	}
	have := map[string]bool{}
	for _, m := range models {
		have[m.File] = true
	}
	var missing []string
	for _, o := range ciOthers {
		if !have[o.file] {
			missing = append(missing, o.file)
		}
		pick[o.file] = true
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("CI subset models not found: %s", strings.Join(missing, ", "))
	}
	var out []model
	for _, m := range models {
		if pick[m.File] {
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b model) int { return cmp.Compare(a.File, b.File) })
	return out, nil
}
