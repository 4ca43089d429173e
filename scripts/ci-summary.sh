#!/usr/bin/env bash
# Writes the job summary ($GITHUB_STEP_SUMMARY) from the report render wrote. The summary page
# cannot show the report's PNGs (they are run artifacts), so it says where they are.
set -euo pipefail
out="${MESHBENCH_ARTIFACTS:-artifacts}"
summary="${GITHUB_STEP_SUMMARY:-/dev/stdout}"
{
  # On pull requests the A/B stage compared base and head on this runner: its report comes first.
  if [ -f "$out/ab/benchmark-report.md" ]; then
    cat "$out/ab/benchmark-report.md"
    echo
  elif [ -f "$out/ab/not-compared.md" ]; then
    cat "$out/ab/not-compared.md"
    echo
  fi
  if [ -f "$out/benchmark-report.md" ]; then
    cat "$out/benchmark-report.md"
  else
    echo "## MeshBench tier ${TIER:-?}: no report"
    echo
    echo "render wrote no report: the build or the bench | analyze | render step failed before it (see that step's log)."
  fi
  echo
  if [ "${FAIL_ON:-fail}" = "never" ]; then
    echo "> Gate off for this pull request: the \`${OVERRIDE_LABEL:-perf-regression-accepted}\` label accepts regressions."
    echo
  fi
  echo "Charts, results JSON and raw samples are in this run's artifacts (kept 90 days)."
} >> "$summary"
