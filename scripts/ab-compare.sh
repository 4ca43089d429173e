#!/usr/bin/env bash
# Same-runner A/B performance test of two revisions (docs/ci-cd.md, "The pull-request gate"):
# builds A (default: the merge-base of HEAD with main) and B (default: this working tree, built
# by `swift build -c release`), runs their `bench` in interleaved rounds in ABBA order (round 1
# A then B, round 2 B then A, …, so slow drift of the machine hits both sides alike), then
# `analyze compare`, whose paired test per round decides each timed metric against the
# round-to-round noise of this very job, and `render` of the comparison. The raw samples of
# every round stay in the output folder (a-round001.jsonl.gz …) for a rerun of analyze compare.
# Exit code: analyze's (0 B is not worse, 1 B regressed past --fail-on, 2 bad input), or 2 when
# a revision does not build or run.
#
#   scripts/ab-compare.sh [--a REV] [--b REV] [--rounds 10] [--tier 1 | --scenario NAME ...]
#                         [--repetitions 1] [--seed 1] [--out artifacts/ab]
#                         [--a-bench FILE] [--b-bench FILE] [--fail-on fail] [--base-branch main]
#                         [--bench-args "ARGS"] [--a-bench-args "ARGS"] [--b-bench-args "ARGS"] [--no-render]
#
# Rounds: the default 10 rounds of tier 1 catch a +20 % change with 95 % power when the
# round-to-round sd of the change is ≤ 12 % (measured on the shared 2-core machine: docs/analyze.md);
# every verdict reason states the minimum detectable effect and, when it is above WARN, how many
# rounds would reach it (`PairedRepetitions.roundsNeeded`).
# Builds: each side is built in its own persistent source folder and scratch folder under
# .build/ab-compare/SIDE/ (git-ignored with the rest of .build; CI caches .build/ab-compare/a
# keyed on the base commit), so a later compare only recompiles what changed; delete the folder
# to start afresh.
# --a-bench/--b-bench use an already built bench for that side instead of building the revision
# (the revision then only names the side); the same binary on both sides is an A/A noise check.
# Without --b the working tree's .build/release/bench is side B (what `make compare` does).
# Both sides use this checkout's analyze and render (the revisions only provide bench; from
# MESHBENCH_BIN, default .build/release), so old revisions compare as long as their bench writes
# meshbench.samples/1.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
bin="${MESHBENCH_BIN:-.build/release}"

usage() { sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
a="" b="" rounds=10 tier=1 scenarios=() repetitions=1 seed=1 out="artifacts/ab" a_bench="" b_bench=""
render=1 fail_on=fail base_branch="${BASE_BRANCH:-main}" bench_args="" a_bench_args="" b_bench_args=""
while [ $# -gt 0 ]; do
  case "$1" in
    --a) a="$2"; shift 2 ;;
    --b) b="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --tier) tier="$2"; shift 2 ;;
    --scenario) scenarios+=(--scenario "$2"); shift 2 ;;
    --repetitions) repetitions="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --a-bench) a_bench="$(realpath "$2")"; shift 2 ;;
    --b-bench) b_bench="$(realpath "$2")"; shift 2 ;;
    --fail-on) fail_on="$2"; shift 2 ;;
    --base-branch) base_branch="$2"; shift 2 ;;
    --bench-args) bench_args="$2"; shift 2 ;;
    --a-bench-args) a_bench_args="$2"; shift 2 ;;
    --b-bench-args) b_bench_args="$2"; shift 2 ;;
    --no-render) render=0; shift ;;
    -h|--help) usage ;;
    *) echo "ab-compare: unknown argument $1" >&2; usage ;;
  esac
done
if ! [[ "$rounds" =~ ^[1-9][0-9]*$ ]] || [ "$rounds" -lt 2 ]; then echo "ab-compare: --rounds must be a whole number ≥ 2 (got $rounds): the paired test needs two rounds" >&2; exit 2; fi
if [ -z "$a" ]; then
  # The base: where this branch left the target branch (local name, else the remote's).
  for target in "$base_branch" "origin/$base_branch"; do
    if a="$(git merge-base HEAD "$target" 2>/dev/null)"; then break; fi
    a=""
  done
  [ -n "$a" ] || { echo "ab-compare: no merge-base of HEAD with $base_branch or origin/$base_branch; give --a REV (or BASE=REV to make compare)" >&2; exit 2; }
fi
if [ -z "$b" ]; then
  b=HEAD
  if [ -z "$b_bench" ]; then
    [ -x "$bin/bench" ] || { echo "ab-compare: $bin/bench is missing; run swift build -c release (make build) first" >&2; exit 2; }
    b_bench="$(realpath "$bin/bench")"
  fi
fi
for side in "$a" "$b"; do
  git rev-parse --verify --quiet "$side^{commit}" >/dev/null || { echo "ab-compare: '$side' is not a revision of this repository" >&2; exit 2; }
done
for tool in analyze render; do
  [ -x "$bin/$tool" ] || { echo "ab-compare: $bin/$tool is missing; run swift build -c release first" >&2; exit 2; }
done

declare -A revision=([a]="$a" [b]="$b")
declare -A prebuilt=([a]="$a_bench" [b]="$b_bench")
declare -A extra=([a]="$a_bench_args" [b]="$b_bench_args")
declare -A bench rundir
for side in a b; do
  commit="$(git rev-parse --short "${revision[$side]}^{commit}")"
  if [ -n "${prebuilt[$side]}" ]; then
    [ -x "${prebuilt[$side]}" ] || { echo "ab-compare: --$side-bench ${prebuilt[$side]} is not an executable" >&2; exit 2; }
    bench[$side]="${prebuilt[$side]}"
    # A prebuilt bench runs from this checkout, so its samples record this checkout's commit.
    rundir[$side]="$repo"
    echo "ab-compare: $side = ${revision[$side]} ($commit) uses the prebuilt ${bench[$side]}" >&2
    continue
  fi
  tree="$repo/.build/ab-compare/$side/src" scratch="$repo/.build/ab-compare/$side/scratch"
  echo "ab-compare: building $side = ${revision[$side]} ($commit) in $tree" >&2
  # A clone sharing this repository's objects (git clone --shared): self-contained, so CI can
  # cache the folder, and a checkout rewrites only the files that differ, which keeps the
  # incremental build of the cached scratch folder valid.
  # (GIT_DIR/GIT_WORK_TREE, when set for this checkout, must not leak into the clone.)
  if [ -d "$tree/.git" ]; then  # our clone from an earlier compare (never the main checkout)
    env -u GIT_DIR -u GIT_WORK_TREE git -C "$tree" checkout --quiet --force --detach "$commit"
  else
    rm -rf "$tree"
    mkdir -p "$(dirname "$tree")"
    env -u GIT_DIR -u GIT_WORK_TREE git clone --quiet --shared --no-checkout "$(git rev-parse --path-format=absolute --git-common-dir)" "$tree"
    env -u GIT_DIR -u GIT_WORK_TREE git -C "$tree" checkout --quiet --detach "$commit"
  fi
  started=$(date +%s)
  if ! swift build -c release --package-path "$tree" --scratch-path "$scratch" --product bench >&2; then
    echo "ab-compare: ${revision[$side]} does not build" >&2
    exit 2
  fi
  echo "ab-compare: built $side in $(( $(date +%s) - started )) s" >&2
  bench[$side]="$scratch/release/bench"
  # Run from the side's own worktree so the samples record its commit.
  rundir[$side]="$tree"
done

mkdir -p "$out"
out="$(realpath "$out")"
rm -f "$out"/a-round*.jsonl.gz "$out"/b-round*.jsonl.gz
what=(--tier "$tier")
[ ${#scenarios[@]} -gt 0 ] && what=("${scenarios[@]}")
started=$(date +%s)
for round in $(seq 1 "$rounds"); do
  order=(a b)
  [ $((round % 2)) -eq 0 ] && order=(b a)  # ABBA: alternate who goes first
  for side in "${order[@]}"; do
    file="$(printf '%s/%s-round%03d.jsonl.gz' "$out" "$side" "$round")"
    # A side built from its clone reads the clone's commit, so this checkout's GIT_DIR must not leak in.
    unset_git=()
    [ "${rundir[$side]}" != "$repo" ] && unset_git=(-u GIT_DIR -u GIT_WORK_TREE)
    # shellcheck disable=SC2086 # the extra bench arguments are meant to split into words
    if ! (cd "${rundir[$side]}" && env "${unset_git[@]}" "${bench[$side]}" "${what[@]}" --seed "$seed" --repetitions "$repetitions" \
          $bench_args ${extra[$side]} --quiet --out "$file"); then
      echo "ab-compare: bench of ${revision[$side]} failed in round $round" >&2
      exit 2
    fi
  done
done
echo "ab-compare: $rounds rounds (ABBA) in $(( $(date +%s) - started )) s" >&2

status=0
"$bin/analyze" compare --a "$out"/a-round*.jsonl.gz --b "$out"/b-round*.jsonl.gz \
  --fail-on "$fail_on" --out "$out/ab-results.json" || status=$?
if [ "$render" -eq 1 ] && [ -s "$out/ab-results.json" ]; then
  "$bin/render" "$out/ab-results.json" --out "$out"
fi
echo "ab-compare: A = $a, B = $b, $rounds interleaved rounds; analyze compare exit code $status; report in $out/benchmark-report.md" >&2
exit "$status"
