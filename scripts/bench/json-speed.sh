#!/usr/bin/env bash
# JSON decode speed of MeshBench's readers against Foundation's JSONDecoder (docs/design-notes.md):
# a 1,000,000-value samples file (10 records of 100,000 values, seed 1) and 100,000 per-hop EVENT
# decodes, best of 5, with a release build. usage: scripts/bench/json-speed.sh [BUILD_DIR]
set -euo pipefail
build=${1:-.build/release}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$(dirname "$0")/generate_samples.py" "$work/samples.jsonl" 1000000 --seed 1
uptime
"$build/json-speed" samples "$work/samples.jsonl"
"$build/json-speed" hop --count 100000
uptime
