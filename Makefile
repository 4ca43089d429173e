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
