package templates

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
	{name: "aws", dnsSuffix: "amazonaws.com", dualStackDNSSuffix: "api.aws", implicitGlobalRegion: "us-east-1", supportsFIPS: true, supportsDualStack: true},
	{name: "aws-us-gov", dnsSuffix: "amazonaws.com", dualStackDNSSuffix: "api.aws", implicitGlobalRegion: "us-gov-west-1", supportsFIPS: true, supportsDualStack: true},
	{name: "aws-cn", dnsSuffix: "amazonaws.com.cn", dualStackDNSSuffix: "api.amazonwebservices.com.cn", implicitGlobalRegion: "cn-northwest-1", supportsFIPS: true, supportsDualStack: true},
	{name: "aws-iso", dnsSuffix: "c2s.ic.gov", dualStackDNSSuffix: "api.aws.ic.gov", implicitGlobalRegion: "us-iso-east-1", supportsFIPS: true, supportsDualStack: true},
	{name: "aws-iso-b", dnsSuffix: "sc2s.sgov.gov", dualStackDNSSuffix: "api.aws.scloud", implicitGlobalRegion: "us-isob-east-1", supportsFIPS: true, supportsDualStack: true},
	{name: "aws-iso-e", dnsSuffix: "cloud.adc-e.uk", dualStackDNSSuffix: "api.cloud-aws.adc-e.uk", implicitGlobalRegion: "eu-isoe-west-1", supportsFIPS: true, supportsDualStack: true},
	{name: "aws-iso-f", dnsSuffix: "csp.hci.ic.gov", dualStackDNSSuffix: "api.aws.hci.ic.gov", implicitGlobalRegion: "us-isof-south-1", supportsFIPS: true, supportsDualStack: true},
	{name: "aws-eusc", dnsSuffix: "amazonaws.eu", dualStackDNSSuffix: "api.amazonwebservices.eu", implicitGlobalRegion: "eusc-de-east-1", supportsFIPS: true, supportsDualStack: true},
}

// endpointRegionPatterns are the partitions' region patterns.
var endpointRegionPatterns = [...]string{
	`^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$`,
	`^us\-gov\-\w+\-\d+$`,
	`^cn\-\w+\-\d+$`,
	`^us\-iso\-\w+\-\d+$`,
	`^us\-isob\-\w+\-\d+$`,
	`^eu\-isoe\-\w+\-\d+$`,
	`^us\-isof\-\w+\-\d+$`,
	`^eusc\-(de)\-\w+\-\d+$`,
}

// epPartition is the rules' aws.partition: the partition that lists the
// region, else the first whose pattern matches it, else aws.
func epPartition(region string) *endpointPartition {
	switch region {
	case "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "aws-global", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2":
		return &endpointPartitions[0]
	case "aws-us-gov-global", "us-gov-east-1", "us-gov-west-1":
		return &endpointPartitions[1]
	case "aws-cn-global", "cn-north-1", "cn-northwest-1":
		return &endpointPartitions[2]
	case "aws-iso-global", "us-iso-east-1", "us-iso-west-1":
		return &endpointPartitions[3]
	case "aws-iso-b-global", "us-isob-east-1":
		return &endpointPartitions[4]
	case "aws-iso-f-global", "us-isof-east-1", "us-isof-south-1":
		return &endpointPartitions[6]
	case "eusc-de-east-1":
		return &endpointPartitions[7]
	}
	for i, re := range epRegionPatterns() {
		if re.MatchString(region) {
			return &endpointPartitions[i]
		}
	}
	return &endpointPartitions[0]
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
