#!/usr/bin/env bash
# A/B performance test of two revisions on this machine (story 11.6 AC 10): builds A and B
# (see below), runs their `bench` interleaved
# (A B A B …, so drift of the machine hits both sides alike), then `analyze compare` with A as
# the reference and `render` of the comparison. Exit code: analyze's (0 B is not worse, 1 B
# regressed past FAIL, 2 bad input), or 2 when a revision does not build or run.
#
#   scripts/ab-compare.sh --a main --b HEAD [--rounds 3] [--tier 1 | --scenario NAME]
#                         [--repetitions 1] [--seed 1] [--out artifacts/ab] [--keep]
#                         [--a-bench FILE] [--b-bench FILE]
#
# Both revisions are built one after the other in one persistent worktree and scratch folder,
# .build/ab-compare/ (git-ignored with the rest of .build), so the second build and every later
# compare only recompile what changed; remove it with `git worktree remove --force
# .build/ab-compare/src`. Each side then runs from its own throw-away worktree so its samples
# record its commit.
# --a-bench/--b-bench use an already built bench for that side instead of building the revision
# (the revision then only names the side); the same binary on both sides is an A/A noise check.
# Both sides use this checkout's analyze and render (the revisions only provide bench), so old
# revisions compare as long as their bench writes meshbench.samples/1.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"

usage() { sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
a="" b="" rounds=3 tier=1 scenario="" repetitions=1 seed=1 out="artifacts/ab" keep=0 a_bench="" b_bench=""
while [ $# -gt 0 ]; do
  case "$1" in
    --a) a="$2"; shift 2 ;;
    --b) b="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --tier) tier="$2"; shift 2 ;;
    --scenario) scenario="$2"; shift 2 ;;
    --repetitions) repetitions="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --a-bench) a_bench="$(realpath "$2")"; shift 2 ;;
    --b-bench) b_bench="$(realpath "$2")"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "ab-compare: unknown argument $1" >&2; usage ;;
  esac
done
if [ -z "$a" ] || [ -z "$b" ]; then
  echo "ab-compare: give both --a REV and --b REV (e.g. make compare A=main B=HEAD)" >&2
  exit 2
fi
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "ab-compare: --rounds must be a positive whole number (got $rounds)" >&2; exit 2; }
for side in "$a" "$b"; do
  git rev-parse --verify --quiet "$side^{commit}" >/dev/null || { echo "ab-compare: '$side' is not a revision of this repository" >&2; exit 2; }
done
for tool in analyze render; do
  [ -x ".build/release/$tool" ] || { echo "ab-compare: .build/release/$tool is missing; run swift build -c release first" >&2; exit 2; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/meshbench-ab-XXXXXX")"
build_tree="$repo/.build/ab-compare/src" build_scratch="$repo/.build/ab-compare/scratch"
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  for side in a b; do
    if [ -d "$work/$side/.git" ] || [ -f "$work/$side/.git" ]; then git -C "$repo" worktree remove --force "$work/$side" >/dev/null 2>&1 || true; fi
  done
  if [ "$keep" -eq 1 ]; then echo "ab-compare: kept the run worktrees and samples in $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

declare -A revision=([a]="$a" [b]="$b")
declare -A prebuilt=([a]="$a_bench" [b]="$b_bench")
declare -A bench
for side in a b; do
  commit="$(git rev-parse --short "${revision[$side]}^{commit}")"
  if [ -n "${prebuilt[$side]}" ]; then
    [ -x "${prebuilt[$side]}" ] || { echo "ab-compare: --$side-bench ${prebuilt[$side]} is not an executable" >&2; exit 2; }
    bench[$side]="${prebuilt[$side]}"
    mkdir -p "$work/$side"
    echo "ab-compare: $side = ${revision[$side]} ($commit) uses the prebuilt ${bench[$side]}" >&2
    continue
  fi
  echo "ab-compare: building $side = ${revision[$side]} ($commit) in $build_tree" >&2
  if [ -f "$build_tree/.git" ]; then  # our worktree from an earlier compare (never the main checkout)
    git -C "$build_tree" checkout --quiet --force --detach "$commit"
  else
    git worktree prune
    mkdir -p "$(dirname "$build_tree")"
    git worktree add --detach --quiet "$build_tree" "$commit"
  fi
  if ! swift build -c release --package-path "$build_tree" --scratch-path "$build_scratch" --product bench >&2; then
    echo "ab-compare: ${revision[$side]} does not build" >&2
    exit 2
  fi
  git worktree add --detach --quiet "$work/$side" "$commit"
  cp "$build_scratch/release/bench" "$work/$side-bench"
  bench[$side]="$work/$side-bench"
done

mkdir -p "$out"
rm -f "$out"/a-round*.jsonl.gz "$out"/b-round*.jsonl.gz
what=(--tier "$tier")
[ -n "$scenario" ] && what=(--scenario "$scenario")
for round in $(seq 1 "$rounds"); do
  for side in a b; do
    echo "ab-compare: round $round/$rounds, $side (${revision[$side]})" >&2
    # Run from the side's own worktree so the samples record its commit.
    if ! (cd "$work/$side" && "${bench[$side]}" "${what[@]}" --seed "$seed" --repetitions "$repetitions" \
          --quiet --out "$repo/$out/$side-round$round.jsonl.gz"); then
      echo "ab-compare: bench of ${revision[$side]} failed in round $round" >&2
      exit 2
    fi
  done
done

status=0
.build/release/analyze compare --a "$out"/a-round*.jsonl.gz --b "$out"/b-round*.jsonl.gz --out "$out/ab-results.json" || status=$?
if [ -s "$out/ab-results.json" ]; then
  .build/release/render "$out/ab-results.json" --out "$out"
fi
echo "ab-compare: A = $a, B = $b, $rounds interleaved rounds; analyze compare exit code $status; report in $out/benchmark-report.md" >&2
exit "$status"
