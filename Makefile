# MeshBench's single entry point. `make report` is the main job, `make test` runs the tests.
# Both install the system packages they need first (scripts/install-deps.sh).
SHELL := bash
.SHELLFLAGS := -o pipefail -c
SWIFT ?= swift
RELEASE_BIN := .build/release

.PHONY: deps build test report
deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) test

report: build
	mkdir -p artifacts
	$(RELEASE_BIN)/bench --tier 1 | $(RELEASE_BIN)/analyze | $(RELEASE_BIN)/render --out artifacts

# ---- Local development (docs/development.md). Every target builds in release first. ----
# smoke, full and benchmarks run tiers 1, 2 and 3 through the whole pipe into $(ARTIFACTS).
ARTIFACTS ?= artifacts
BENCH := $(RELEASE_BIN)/bench
ANALYZE := $(RELEASE_BIN)/analyze
RENDER := $(RELEASE_BIN)/render
A ?=
B ?=
BASE ?=
ROUNDS ?= 10
DAYS ?= 30
TIER ?= 1

.PHONY: smoke full benchmarks compare trends debug watch profile check-workflow
smoke: build
	mkdir -p $(ARTIFACTS)
	$(BENCH) --tier 1 | $(ANALYZE) | $(RENDER) --out $(ARTIFACTS)

full: build
	mkdir -p $(ARTIFACTS)
	$(BENCH) --tier 2 | $(ANALYZE) | $(RENDER) --out $(ARTIFACTS)

benchmarks: build
	mkdir -p $(ARTIFACTS)
	$(BENCH) --tier 3 | $(ANALYZE) | $(RENDER) --out $(ARTIFACTS)

# Same-runner A/B (scripts/ab-compare.sh): ROUNDS interleaved ABBA rounds of TIER, judged by the
# paired test per round. Without arguments A is the merge-base of HEAD with main (or BASE=<rev>)
# and B this working tree; A=<rev> B=<rev> compares two revisions. Fails on FAIL.
compare: build
	mkdir -p $(ARTIFACTS)
	scripts/ab-compare.sh $(if $(A),--a "$(A)",$(if $(BASE),--a "$(BASE)")) $(if $(B),--b "$(B)") \
	  --rounds "$(ROUNDS)" --tier "$(TIER)" --out "$(ARTIFACTS)/ab"

trends: build
	mkdir -p $(ARTIFACTS)
	$(ANALYZE) trends --days $(DAYS) | $(RENDER) trends --out $(ARTIFACTS)

# Tier 1 with debug logs (level, label, metadata) on standard error; samples kept for a rerun of analyze.
debug: build
	mkdir -p $(ARTIFACTS)
	MESHBENCH_LOG=debug $(BENCH) --tier 1 --verbose --out $(ARTIFACTS)/debug-samples.jsonl
	$(ANALYZE) $(ARTIFACTS)/debug-samples.jsonl | $(RENDER) --out $(ARTIFACTS)

# Reruns tier 1 whenever a file under Sources/ changes (needs inotifywait: apt-get install inotify-tools).
watch: build
	@scripts/watch.sh

# CPU profile (perf, else callgrind) of tier 1 as folded stacks, drawn as a flame graph.
profile: build
	mkdir -p $(ARTIFACTS)/profile
	$(BENCH) --tier $(TIER) --profile --profile-out $(ARTIFACTS)/profile --out $(ARTIFACTS)/profile/samples.jsonl
	$(RENDER) flamegraph $(ARTIFACTS)/profile/bench.folded --out $(ARTIFACTS)/profile/flamegraph.png

check-workflow:
	scripts/check-workflow.sh
