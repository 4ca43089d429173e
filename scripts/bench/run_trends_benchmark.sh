#!/usr/bin/env bash
# Times `analyze trends --days 90` (release) over 90 days of generated history and the numpy/scipy
# equivalent (trends_reference.py) over the same folder, and prints the ratio. Figures only:
# nothing here asserts a time.
#
# usage: scripts/bench/run_trends_benchmark.sh TEMPLATE_RESULTS [PER_DAY] [WORK]
#   TEMPLATE_RESULTS: a results document of a real run (`analyze RUN --no-baseline --out r.json`);
#   its metrics, units and values seed the history (generate_history.py). PER_DAY: runs recorded
#   per day (default 4). Each side runs 5 times; the median wall time and the median CPU time
#   (user + system, which other jobs on a loaded runner do not inflate) are reported.
set -euo pipefail
cd "$(dirname "$0")/../.."
TEMPLATE="$(realpath "${1:?give a results document to seed the history}")"
PER_DAY="${2:-4}"
WORK="${3:-$(mktemp -d)}"
BIN="${BIN:-$(swift build -c release --show-bin-path)}"
REPO="$PWD"
mkdir -p "$WORK/.benchmarks"
cp .benchmarks/thresholds.json "$WORK/.benchmarks/"
rm -rf "$WORK/.benchmarks/history"
python3 scripts/bench/generate_history.py "$TEMPLATE" "$WORK/.benchmarks/history" --days 90 --per-day "$PER_DAY" >&2
cd "$WORK"

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
# "wall cpu" seconds of one command (GNU time), its output discarded.
timed() { /usr/bin/time -f "%e %U %S" -o time.txt "$@" >/dev/null; awk '{print $1, $2 + $3}' time.txt; }
runs() { for _ in 1 2 3 4 5; do timed "$@"; done >times.txt; echo "$(cut -d' ' -f1 times.txt | median) $(cut -d' ' -f2 times.txt | median)"; }

read -r swift_s swift_cpu < <(runs "$BIN/analyze" trends --days 90 --out trends.json)
read -r py_process_s py_cpu < <(runs python3 "$REPO/scripts/bench/trends_reference.py" .benchmarks/history --days 90)
python3 "$REPO/scripts/bench/trends_reference.py" .benchmarks/history --days 90 >reference.json
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$swift_s" "$py_process_s" "$swift_cpu" "$py_cpu" <<'PY'
import json, sys
swift_s, py_s, swift_cpu, py_cpu = map(float, sys.argv[1:5])
doc, ref = json.load(open("trends.json")), json.load(open("reference.json"))
trends = doc["trends"]
print(json.dumps({
    "history_runs": ref["runs"], "metrics": len(trends),
    "analyze_trends_seconds_median_of_5": round(swift_s, 4),
    "numpy_scipy_process_seconds_median_of_5": round(py_s, 4),
    "numpy_scipy_in_process_seconds": round(ref["seconds"], 4),
    "analyze_trends_cpu_seconds_median_of_5": round(swift_cpu, 4),
    "numpy_scipy_process_cpu_seconds_median_of_5": round(py_cpu, 4),
    "ratio_process": round(py_s / swift_s, 2), "ratio_cpu": round(py_cpu / swift_cpu, 2), "ratio_in_process_vs_analyze_process": round(ref["seconds"] / swift_s, 2),
    "analyze_change_points": sum(len(t.get("change_points", [])) for t in trends),
    "reference_change_points": ref["change_points"],
    "analyze_significant_slopes": sum(t["direction"] in ("improving", "degrading") for t in trends),
    "reference_significant_slopes": ref["degrading_or_improving"],
}, indent=1))
PY
