#!/usr/bin/env bash
# Times `analyze` (release) on N gzip latency samples against a baseline, and the numpy/scipy
# equivalent (analyze_reference.py) on the same files, and prints the ratio. Figures only:
# nothing here asserts a time.  usage: scripts/bench/run_analyze_benchmark.sh [N] [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-10000000}"
WORK="${2:-$(mktemp -d)}"
mkdir -p "$WORK/.benchmarks"
cp .benchmarks/thresholds.json "$WORK/.benchmarks/"
swift build -c release --product analyze >&2
BIN="$(swift build -c release --show-bin-path)/analyze"

# Generated files are reused when a previous run left them in WORK (same N, same seeds).
if [[ ! -s "$WORK/current.jsonl.gz" || ! -s "$WORK/baseline.jsonl.gz" || "$(cat "$WORK/n" 2>/dev/null)" != "$N" ]]; then
    echo "generating $N samples (current, +10 %) and 1,000,000 (baseline) in $WORK" >&2
    python3 scripts/bench/generate_samples.py "$WORK/baseline.jsonl.gz" 1000000 --seed 2
    python3 scripts/bench/generate_samples.py "$WORK/current.jsonl.gz" "$N" --seed 1 --scale 1.1
    echo "$N" >"$WORK/n"
fi
(cd "$WORK" && "$BIN" --quiet --update-baseline --out /dev/null baseline.jsonl.gz)

cd "$WORK"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# Wall and CPU (user + system) seconds: on a shared runner the CPU time is what other jobs do not inflate.
/usr/bin/time -f "%e %U %S" -o time.txt "$BIN" --quiet --fail-on never --out results.json current.jsonl.gz
read -r swift_s user_s sys_s <time.txt
python3 - "$swift_s" "$N" "$user_s" "$sys_s" <<'PY'
import json, sys
s, n, user, system = float(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
m = json.load(open("results.json"))["metrics"][0]
print(json.dumps({"analyze_seconds": s, "analyze_cpu_seconds": user + system, "samples_per_second": n / s, "n": m["n"], "p50": m["p50"], "p99": m["p99"],
                  "welch_t": m["change"]["welch"]["t"], "verdict": m["change"]["verdict"]}, indent=1))
PY
# The reference compares with the baseline's full values (analyze compares with its stored summary
# and 2,000-value sample): it does at least as much work on the baseline side.
python3 "$OLDPWD/scripts/bench/analyze_reference.py" current.jsonl.gz baseline.jsonl.gz | tee reference.json
python3 -c "import json,sys; r=json.load(open('reference.json')); print('ratio numpy+scipy / analyze = %.2f' % (r['seconds'] / float(sys.argv[1])))" "$swift_s"
