#!/usr/bin/env bash
# `make watch`: rebuilds and reruns tier 1 (bench | analyze | render) every time a Swift file
# under Sources/ is saved. Uses inotifywait (Debian package inotify-tools); stop with Ctrl-C.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
if ! command -v inotifywait >/dev/null 2>&1; then
  echo "watch: inotifywait is not installed; install it with: sudo apt-get install inotify-tools" >&2
  exit 2
fi
artifacts="${ARTIFACTS:-artifacts}"
mkdir -p "$artifacts"
run_once() {
  echo "watch: $(date +%H:%M:%S) building and running tier 1" >&2
  if swift build -c release >&2; then
    .build/release/bench --tier 1 | .build/release/analyze | .build/release/render --out "$artifacts"
    echo "watch: exit code $? — report in $artifacts/benchmark-report.md; waiting for changes under Sources/" >&2
  else
    echo "watch: build failed; waiting for changes under Sources/" >&2
  fi
}
run_once
# -r recursive, -q quiet, one event per save (editors write, move or create files).
while inotifywait -r -q -e close_write,moved_to,create,delete,attrib --include '\.swift$' Sources >/dev/null; do
  # Editors often write several files at once: let the burst settle before rebuilding.
  sleep 0.5
  run_once
done
