#!/usr/bin/env bash
# Runs every fuzz target of `meshbench-fuzz` (release build) for RUNS inputs (default 1,000,000,
# issue 12) and prints one line per target: inputs, time, slowest input, RSS after a tenth and at
# the end (equal figures: no memory growth). Usage: scripts/bench/fuzz-all.sh [RUNS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-1000000}
seed=${2:-1}
swift build -c release --product meshbench-fuzz >&2
for target in samples results render-results baseline thresholds history btp ilp-oer btp-nips nip01; do
  .build/release/meshbench-fuzz "$target" --runs "$runs" --seed "$seed"
done
