#!/usr/bin/env bash
# A/A false alarms and power of `analyze` when the CI run has several repetitions (issue 5):
# ROUNDS rounds of one A/A run and one run per injected delay, interleaved, each
# `bench --repetitions REPS | analyze` against a baseline that carries A/A noise floors, then a
# tally per delay of every metric verdict and, per latency metric, the mean change and how often
# it was caught. Figures only: nothing here asserts a rate.
#
# usage: scripts/bench/power-repetitions.sh WORK BASELINE DELAY...
# Environment: REPS (3), ROUNDS (10), SCENARIOS (the tier 1 scenarios), BIN (release bin path).
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK="${1:?give a work folder}"; BASELINE="${2:?give a baseline with noise floors}"; shift 2
[ $# -gt 0 ] || { echo "give at least one delay in µs" >&2; exit 2; }
REPS="${REPS:-3}" ROUNDS="${ROUNDS:-10}"
SCENARIOS="${SCENARIOS:-tier1.propagation-3 tier1.payment-3 tier1.dedup-3}"
BIN="${BIN:-$(swift build -c release --show-bin-path)}"
scenario_flags=()
for s in $SCENARIOS; do scenario_flags+=(--scenario "$s"); done
mkdir -p "$WORK"
for round in $(seq "$ROUNDS"); do
  for delay in 0 "$@"; do
    "$BIN/bench" "${scenario_flags[@]}" --repetitions "$REPS" --seed "$((1000 + round))" --inject-delay-us "$delay" --quiet \
      | "$BIN/analyze" --quiet --baseline "$BASELINE" --thresholds .benchmarks/thresholds.json >"$WORK/d$delay-$round.json" || true
  done
  echo "round $round/$ROUNDS done (load $(cut -d' ' -f1 /proc/loadavg))" >&2
done
python3 scripts/bench/power_tally.py "$WORK" "0,$(IFS=,; echo "$*")"
