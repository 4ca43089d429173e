#!/usr/bin/env bash
# One CI tier as one pipe: bench | analyze | render, with the raw samples kept by `tee` so they
# can be uploaded and re-analysed later. The exit code is the pipe's (pipefail): 1 when a
# scenario failed twice or analyze's verdict reached --fail-on, 2 bad input, 3 internal error.
# Environment: TIER (1, 2 or 3), FAIL_ON (fail, warn or never; default fail), RECORD_FLAGS
# (`--record` on main), MESHBENCH_BIN (default .build/release), MESHBENCH_ARTIFACTS (default artifacts).
set -uo pipefail
tier="${TIER:?set TIER to 1, 2 or 3}"
bin="${MESHBENCH_BIN:-.build/release}"
out="${MESHBENCH_ARTIFACTS:-artifacts}"
mkdir -p "$out"
samples="$out/raw-samples-tier$tier.jsonl"

# shellcheck disable=SC2086 # RECORD_FLAGS is empty or one flag
"$bin/bench" --tier "$tier" \
  | tee "$samples" \
  | "$bin/analyze" --fail-on "${FAIL_ON:-fail}" ${RECORD_FLAGS:-} \
  | "$bin/render" --out "$out"
status=$?
# Keep the samples small for the 90-day artifact; analyze reads gzip as is.
if [ -s "$samples" ]; then gzip -f "$samples"; fi
echo "ci-pipeline: tier $tier finished with exit code $status (fail-on ${FAIL_ON:-fail}${RECORD_FLAGS:+, $RECORD_FLAGS})" >&2
exit "$status"
