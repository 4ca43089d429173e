#!/usr/bin/env bash
# Runs every fuzz target of `meshbench-fuzz` (release build) for RUNS inputs (default 1,000,000,
# issue 12) and prints one line per target: inputs, time, inputs per second, slowest input, and
# the resident set at start, after the warm-up and at the end with its peak (equal figures: no
# memory growth). Usage: scripts/bench/fuzz-all.sh [RUNS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-1000000}
seed=${2:-1}
swift build -c release --product meshbench-fuzz >&2
for target in $(.build/release/meshbench-fuzz --list | cut -d' ' -f1); do
  .build/release/meshbench-fuzz "$target" --runs "$runs" --seed "$seed"
done
