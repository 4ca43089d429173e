#!/usr/bin/env bash
# Picks which scenarios of a run a same-runner A/B can afford within a time budget (the tier 2
# pull-request job, docs/ci-cd.md): reads the `outcome` records of the head's raw samples (each
# scenario's duration on this runner), and prints the scenarios, shortest first, whose A/B cost
# (2 sides × ROUNDS runs × duration, plus 10 % for start-up) still fits BUDGET_S seconds, one
# `--scenario NAME` pair a line, ready for scripts/ab-compare.sh. Scenarios left out are named on
# standard error, so the job log says what was not A/B'd.
#
#   scripts/ab-plan.sh SAMPLES(.jsonl or .jsonl.gz) BUDGET_S ROUNDS
set -euo pipefail
[ $# -eq 3 ] || { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
samples="$1" budget="$2" rounds="$3"
[ -r "$samples" ] || { echo "ab-plan: cannot read $samples" >&2; exit 2; }
[[ "$budget" =~ ^[0-9]+$ ]] || { echo "ab-plan: BUDGET_S must be whole seconds (got $budget)" >&2; exit 2; }
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "ab-plan: ROUNDS must be a positive whole number (got $rounds)" >&2; exit 2; }
decompress=(cat)
case "$samples" in *.gz) decompress=(gzip -dc) ;; esac
# Field order in a record is not fixed, so each field is matched on its own.
"${decompress[@]}" "$samples" \
  | awk -v budget="$budget" -v rounds="$rounds" '
      /"type":"outcome"/ && /"attempt":1[,}]/ {
        if (!match($0, /"test":"[^"\/]*/)) next
        name = substr($0, RSTART + 8, RLENGTH - 8)
        if (!match($0, /"duration_ms":[0-9.eE+-]+/)) next
        d = substr($0, RSTART + 14, RLENGTH - 14) + 0
        if (!(name in ms) || d > ms[name]) ms[name] = d
      }
      END {
        n = 0
        for (s in ms) { names[++n] = s }
        for (i = 2; i <= n; i++) {           # insertion sort by duration: shortest first
          k = names[i]; j = i - 1
          while (j > 0 && ms[names[j]] > ms[k]) { names[j + 1] = names[j]; j-- }
          names[j + 1] = k
        }
        used = 0
        for (i = 1; i <= n; i++) {
          cost = 2 * rounds * ms[names[i]] / 1000 * 1.1
          if (used + cost <= budget) { used += cost; print "--scenario " names[i] }
          else printf "ab-plan: %s left out of the A/B (%.0f s for %d rounds; %.0f of %d s used)\n", names[i], cost, rounds, used, budget > "/dev/stderr"
        }
      }'
