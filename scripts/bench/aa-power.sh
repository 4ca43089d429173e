#!/usr/bin/env bash
# Measures how much `analyze`'s verdicts can be trusted on this machine (issue 5): the false-alarm
# rate on A/A runs of one build, and the power to catch a known regression injected with
# `bench --inject-delay-us`. Every comparison is made exactly as the CI job makes it: one candidate
# run (`bench ... | analyze`) against a baseline recorded by `analyze --update-baseline` from a
# run with 5 repetitions, whose noise floor comes from `analyze noise` on separate A/A runs
# (docs/ci-cd.md "Baseline management"). A/A runs are also compared pairwise with `analyze compare`.
# Figures only: nothing here asserts a rate.
#
# usage: scripts/bench/aa-power.sh sweep   WORK DELAY...   # one run per delay: what slowdown each gives
#        scripts/bench/aa-power.sh collect WORK DELAY...   # baseline, calibration, RUNS A/A and delayed runs
#        scripts/bench/aa-power.sh analyze WORK            # (re-)analyze the collected runs and tally verdicts
# Environment: RUNS (10), CALIBRATION_RUNS (3), SCENARIOS ("tier2.propagation-10 tier2.five-hop-10"),
# BIN (default: the release build's bin path), RESULTS (results folder under WORK, default
# "results"). Raw runs are kept, so `analyze` can be repeated after a change of method (or with
# another build, BIN=...) without re-running the mesh.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO="$PWD"
MODE="${1:?usage: aa-power.sh sweep|collect|analyze WORK [DELAY...]}"
WORK="${2:?give a work folder}"
shift 2
DELAYS=("$@")
RUNS="${RUNS:-10}"
CALIBRATION_RUNS="${CALIBRATION_RUNS:-3}"
SCENARIOS="${SCENARIOS:-tier2.propagation-10 tier2.five-hop-10}"
BIN="${BIN:-$(swift build -c release --show-bin-path)}"
mkdir -p "$WORK/raw" "$WORK/results" "$WORK/.benchmarks"
cp .benchmarks/thresholds.json "$WORK/.benchmarks/"

scenario_flags=()
for s in $SCENARIOS; do scenario_flags+=(--scenario "$s"); done

# One bench run into raw/NAME.jsonl.gz (kept if it already exists, so collect can resume), with
# the machine's load average before and after appended to load.log.
bench_run() {
    local name="$1"; shift
    local out="$WORK/raw/$name.jsonl.gz"
    [[ -s "$out" ]] && return 0
    echo "$(date -u +%FT%TZ) $name before: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$WORK/load.log"
    local start=$SECONDS
    local partial="$WORK/raw/$name.partial.jsonl.gz"   # .gz last, so bench compresses it
    if ! "$BIN/bench" "${scenario_flags[@]}" --quiet --out "$partial" "$@"; then
        echo "bench $name exited non-zero (a scenario failed twice); its samples are kept" >&2
    fi
    mv "$partial" "$out"
    echo "$(date -u +%FT%TZ) $name after: $(cut -d' ' -f1-3 /proc/loadavg) ($((SECONDS - start)) s)" >>"$WORK/load.log"
    echo "$name done in $((SECONDS - start)) s (load $(cut -d' ' -f1 /proc/loadavg))" >&2
}

case "$MODE" in
sweep)
    bench_run sweep-0
    for d in "${DELAYS[@]}"; do bench_run "sweep-$d" --inject-delay-us "$d"; done
    python3 "$REPO/scripts/bench/aa_power_tally.py" sweep "$WORK/raw"
    ;;
collect)
    bench_run baseline --repetitions 5
    for i in $(seq 1 "$CALIBRATION_RUNS"); do bench_run "calibration-$i"; done
    # Interleaved (A/A run, then each delayed run) so drifting load hits every group alike.
    for i in $(seq -w 1 "$RUNS"); do
        bench_run "aa-$i"
        for d in "${DELAYS[@]}"; do bench_run "delay$d-$i" --inject-delay-us "$d"; done
    done
    ;;
analyze)
    cd "$WORK"
    R="${RESULTS:-results}"
    mkdir -p "$R/.benchmarks"
    cp .benchmarks/thresholds.json "$R/.benchmarks/"
    rm -f "$R"/*.json "$R/.benchmarks/baseline.json"
    cd "$R"   # its own .benchmarks/, so analyses with different builds never share a baseline
    raw="$WORK/raw"
    "$BIN/analyze" --quiet "$raw/baseline.jsonl.gz" --update-baseline --out baseline-self.json
    calibration=("$raw"/calibration-*[0-9].jsonl.gz)
    "$BIN/analyze" noise --update-baseline --out noise.json "${calibration[@]}" 2>noise.log
    for f in "$raw"/aa-*[0-9].jsonl.gz "$raw"/delay*[0-9].jsonl.gz; do
        name="$(basename "$f" .jsonl.gz)"
        "$BIN/analyze" --quiet --fail-on never "$f" --out "base-$name.json"
    done
    aa=("$raw"/aa-*[0-9].jsonl.gz)
    for ((i = 0; i < ${#aa[@]}; i++)); do
        for ((j = i + 1; j < ${#aa[@]}; j++)); do
            a="$(basename "${aa[$i]}" .jsonl.gz)"; b="$(basename "${aa[$j]}" .jsonl.gz)"
            "$BIN/analyze" compare --fail-on never "${aa[$i]}" "${aa[$j]}" --out "pair-$a-$b.json" 2>/dev/null
        done
    done
    python3 "$REPO/scripts/bench/aa_power_tally.py" tally .
    ;;
*)
    echo "unknown mode $MODE: sweep, collect or analyze" >&2; exit 2 ;;
esac
