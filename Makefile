# Shortcuts; each target is one plain Go command, so nothing here is needed
# to build or test smithy2go.

.PHONY: generate test check bench fuzz

generate: ## regenerate every committed generated package (those from ../shared when it is there)
	go run ./internal/testall -generate

test: ## every check CI runs
	go run ./internal/testall

check: ## fail if generated/ is stale
	go run ./cmd/smithy2go -check

bench: ## generated code against the SDK peer's figures
	go test -run '^$$' -bench . -benchmem ./generated/ec2

.PHONY: bench-gen
bench-gen: ## the generator's own speed on SageMaker and the whole 2021 EC2 model against aws-sdk-go v1's; writes docs/bench-gen.md
	go run ./internal/benchgen

FUZZTIME ?= 30s
fuzz: ## run every fuzz target for FUZZTIME each
	go run ./internal/testall -fuzz-only -fuzztime $(FUZZTIME)

.PHONY: bench-build
bench-build: ## cold builds of a one-call program: stdlib floor, ours, the SDK's; writes docs/bench-build.md
	go run ./internal/benchbuild

.PHONY: sweep sweep-ci
sweep: ## every real AWS model and the whole 2021 EC2 model: generate, compile, vet, test; rewrites docs/sweep.md
	go run ./internal/sweep -subset all -table docs/sweep.md

sweep-ci: ## the CI subset of the sweep
	go run ./internal/sweep -subset ci
