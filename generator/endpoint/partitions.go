package endpoint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// PartitionFile is the name of the runtime file holding the partition
// facts of aws.partition.
const PartitionFile = runtimePartitionsFile

// partitionsFile is the shape of a partitions.json file.
type partitionsFile struct {
	Version    string `json:"version"`
	Partitions []struct {
		ID          string                     `json:"id"`
		RegionRegex string                     `json:"regionRegex"`
		Regions     map[string]partitionFields `json:"regions"`
		Outputs     partitionFields            `json:"outputs"`
	} `json:"partitions"`
}

// partitionFields are a partition's outputs, or a region's overrides of
// them: unset fields keep the partition's.
type partitionFields struct {
	Name                 *string `json:"name"`
	DNSSuffix            *string `json:"dnsSuffix"`
	DualStackDNSSuffix   *string `json:"dualStackDnsSuffix"`
	SupportsFIPS         *bool   `json:"supportsFIPS"`
	SupportsDualStack    *bool   `json:"supportsDualStack"`
	ImplicitGlobalRegion *string `json:"implicitGlobalRegion"`
	// Description names a region for people; the rules do not read it.
	Description *string `json:"description"`
}

func (o partitionFields) merge(over partitionFields) partitionFields {
	if over.Name != nil {
		o.Name = over.Name
	}
	if over.DNSSuffix != nil {
		o.DNSSuffix = over.DNSSuffix
	}
	if over.DualStackDNSSuffix != nil {
		o.DualStackDNSSuffix = over.DualStackDNSSuffix
	}
	if over.SupportsFIPS != nil {
		o.SupportsFIPS = over.SupportsFIPS
	}
	if over.SupportsDualStack != nil {
		o.SupportsDualStack = over.SupportsDualStack
	}
	if over.ImplicitGlobalRegion != nil {
		o.ImplicitGlobalRegion = over.ImplicitGlobalRegion
	}
	return o
}

func (o partitionFields) literal() string {
	s := func(p *string) string {
		if p == nil {
			return `""`
		}
		return strconv.Quote(*p)
	}
	b := func(p *bool) bool { return p != nil && *p }
	return fmt.Sprintf("{name: %s, dnsSuffix: %s, dualStackDNSSuffix: %s, implicitGlobalRegion: %s, supportsFIPS: %t, supportsDualStack: %t}",
		s(o.Name), s(o.DNSSuffix), s(o.DualStackDNSSuffix), s(o.ImplicitGlobalRegion), b(o.SupportsFIPS), b(o.SupportsDualStack))
}

// PartitionSource writes the runtime file of aws.partition's facts from a
// partitions.json: a table of the partitions (then an entry for each
// region that overrides its partition's facts), a switch over the regions
// they list, and their region patterns. pkg is the package clause's name;
// header, if any, is the first comment line.
func PartitionSource(partitionsJSON []byte, pkg, header string) ([]byte, error) {
	var f partitionsFile
	dec := json.NewDecoder(bytes.NewReader(partitionsJSON))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("partitions: %v", err)
	}
	var table, patterns []string
	regionsOf := map[int][]string{} // table index -> regions
	awsIndex := -1
	for i, p := range f.Partitions {
		if _, err := regexp.Compile(p.RegionRegex); err != nil {
			return nil, fmt.Errorf("partitions: partition %s: region regex: %v", p.ID, err)
		}
		table = append(table, p.Outputs.literal())
		if strings.Contains(p.RegionRegex, "`") {
			patterns = append(patterns, strconv.Quote(p.RegionRegex))
		} else {
			patterns = append(patterns, "`"+p.RegionRegex+"`")
		}
		if p.ID == "aws" {
			awsIndex = i
		}
	}
	if awsIndex < 0 {
		return nil, fmt.Errorf("partitions: no partition has the id aws")
	}
	seen := map[string]bool{}
	for i, p := range f.Partitions {
		names := make([]string, 0, len(p.Regions))
		for name := range p.Regions {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			if seen[name] {
				continue // the first partition to list a region has it
			}
			seen[name] = true
			over := p.Regions[name]
			over.Description = nil
			if over == (partitionFields{}) {
				regionsOf[i] = append(regionsOf[i], name)
				continue
			}
			table = append(table, p.Outputs.merge(over).literal())
			regionsOf[len(table)-1] = []string{name}
		}
	}
	var b strings.Builder
	if header != "" {
		b.WriteString("// " + header + "\n\n")
	}
	b.WriteString("package " + pkg + `

// The facts of the rules' aws.partition function, written from a
// partitions.json (smithy-lang/smithy, Apache-2.0) by smithy2go's
// generator/endpoint.PartitionSource.

import (
	"regexp"
	"sync"
)

// endpointPartition is what aws.partition gives for a region.
type endpointPartition struct {
	name, dnsSuffix, dualStackDNSSuffix, implicitGlobalRegion string
	supportsFIPS, supportsDualStack                           bool
}

// endpointPartitions are the partitions, in the order their region
// patterns are tried, then regions whose facts differ from their
// partition's.
var endpointPartitions = [...]endpointPartition{
`)
	for _, e := range table {
		b.WriteString("\t" + e + ",\n")
	}
	b.WriteString("}\n\n// endpointRegionPatterns are the partitions' region patterns.\nvar endpointRegionPatterns = [...]string{\n")
	for _, p := range patterns {
		b.WriteString("\t" + p + ",\n")
	}
	b.WriteString(`}

// epPartition is the rules' aws.partition: the partition that lists the
// region, else the first whose pattern matches it, else aws.
func epPartition(region string) *endpointPartition {
	switch region {
`)
	for i := range table {
		if len(regionsOf[i]) == 0 {
			continue
		}
		q := make([]string, len(regionsOf[i]))
		for j, r := range regionsOf[i] {
			q[j] = strconv.Quote(r)
		}
		fmt.Fprintf(&b, "\tcase %s:\n\t\treturn &endpointPartitions[%d]\n", strings.Join(q, ", "), i)
	}
	fmt.Fprintf(&b, `	}
	for i, re := range epRegionPatterns() {
		if re.MatchString(region) {
			return &endpointPartitions[i]
		}
	}
	return &endpointPartitions[%d]
}

// epRegionPatterns compiles the region patterns on first use: most
// programs only ever resolve regions the switch knows.
var epRegionPatterns = sync.OnceValue(func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(endpointRegionPatterns))
	for i, p := range endpointRegionPatterns {
		out[i] = regexp.MustCompile(p)
	}
	return out
})
`, awsIndex)
	return format.Source([]byte(b.String()))
}
