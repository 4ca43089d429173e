#!/usr/bin/env bash
# Error rates of the same-runner A/B stage (issue 10): TRIALS_AA A/A trials and TRIALS trials per
# injected delay, each one whole `scripts/ab-compare.sh` of ROUNDS interleaved ABBA rounds with
# the same release bench on both sides, side B run with `--inject-delay-us DELAY` (0 = A/A).
# Trial types are interleaved (A/A, delay 1, A/A, delay 2, …) so drifting load hits them alike.
# Then scripts/bench/ab_trials_tally.py counts each trial's verdict (WARN/FAIL caught) and the
# change each delay caused. Figures only: nothing here asserts a rate.
#
# usage: scripts/bench/ab-trials.sh WORK DELAY...        e.g. scripts/bench/ab-trials.sh /tmp/ab 60 150
# Environment: ROUNDS (10), TRIALS (40 per delay), TRIALS_AA (100), TIER (1), BIN (release bin path).
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${1:?give a work folder}"; shift
[ $# -gt 0 ] || { echo "ab-trials: give at least one delay in µs" >&2; exit 2; }
rounds="${ROUNDS:-10}" trials="${TRIALS:-40}" trials_aa="${TRIALS_AA:-100}" tier="${TIER:-1}"
bin="${BIN:-.build/release}"
mkdir -p "$work"
trial() {  # trial NAME DELAY
  local dir="$work/$1" started status=0
  [ -f "$dir/ab-results.json" ] && return 0  # rerunning the script resumes
  started=$(date +%s.%N)
  MESHBENCH_BIN="$bin" scripts/ab-compare.sh --a HEAD --b HEAD --a-bench "$bin/bench" --b-bench "$bin/bench" \
    --b-bench-args "--inject-delay-us $2" --rounds "$rounds" --tier "$tier" --out "$dir" --no-render \
    >/dev/null 2>"$work/$1.log" || status=$?
  echo "$1 exit=$status wall_s=$(awk -v now="$(date +%s.%N)" -v t0="$started" 'BEGIN { printf "%.1f", now - t0 }') load=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$work/trials.log" >&2
}
aa=0
for t in $(seq "$trials"); do
  for delay in "$@"; do
    if [ "$aa" -lt "$trials_aa" ]; then aa=$((aa + 1)); trial "aa-$aa" 0; fi
    trial "d$delay-$t" "$delay"
  done
done
while [ "$aa" -lt "$trials_aa" ]; do aa=$((aa + 1)); trial "aa-$aa" 0; done
python3 scripts/bench/ab_trials_tally.py "$work" "$@"
