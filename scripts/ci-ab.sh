#!/usr/bin/env bash
# The pull-request gate's A/B stage (docs/ci-cd.md, "The pull-request gate"): on the runner that
# just built and ran the head, builds the base (BASE_SHA, the merge-base with the target branch;
# its build folder .build/ab-compare/a is cached by the workflow) and runs base and head in
# AB_ROUNDS interleaved ABBA rounds (scripts/ab-compare.sh), judged by the paired test per round.
# Tier 1 A/Bs the whole tier; tier 2 A/Bs the scenarios that fit AB_BUDGET_S seconds on this
# runner, measured from the head's own run (scripts/ab-plan.sh); the head's run still decides
# the SLAs and checks. Writes artifacts/ab/ (report, pr-comment.md, results, raw samples).
# Environment: TIER, BASE_SHA, AB_ROUNDS (default 10), AB_BUDGET_S (tier 2; default 420),
# FAIL_ON (default fail), MESHBENCH_BIN, MESHBENCH_ARTIFACTS.
set -euo pipefail
cd "$(dirname "$0")/.."
tier="${TIER:?set TIER to 1 or 2}"
base="${BASE_SHA:?set BASE_SHA to the merge-base with the target branch}"
rounds="${AB_ROUNDS:-10}"
bin="${MESHBENCH_BIN:-.build/release}"
out="${MESHBENCH_ARTIFACTS:-artifacts}"
what=(--tier "$tier")
if [ "$tier" != 1 ]; then
  samples="$out/raw-samples-tier$tier.jsonl.gz"
  [ -s "$samples" ] || samples="$out/raw-samples-tier$tier.jsonl"
  mapfile -t planned < <(scripts/ab-plan.sh "$samples" "${AB_BUDGET_S:-420}" "$rounds")
  if [ ${#planned[@]} -eq 0 ]; then
    mkdir -p "$out/ab"
    echo "No tier $tier scenario fits the A/B budget of ${AB_BUDGET_S:-420} s on this runner: timings of this tier were not compared with the base (the tier 1 job compares tier 1)." > "$out/ab/not-compared.md"
    echo "ci-ab: nothing to A/B within the budget" >&2
    exit 0
  fi
  # shellcheck disable=SC2206 # each planned line is "--scenario NAME", meant to split into two words
  what=(${planned[*]})
fi
scripts/ab-compare.sh --a "$base" --b HEAD --b-bench "$bin/bench" --rounds "$rounds" "${what[@]}" \
  --fail-on "${FAIL_ON:-fail}" --out "$out/ab"
