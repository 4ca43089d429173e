#!/usr/bin/env python3
"""Tally of the results written by power-repetitions.sh: per injected delay, every metric verdict,
and per latency metric (phase timings left out) the mean change and how often it was caught."""
import glob
import json
import statistics
import sys

folder, delays = sys.argv[1], [int(d) for d in sys.argv[2].split(",")]
for delay in delays:
    files = sorted(glob.glob(f"{folder}/d{delay}-*.json"))
    verdicts, per_metric = [], {}
    for path in files:
        with open(path) as f:
            results = json.load(f)
        for m in results["metrics"]:
            verdicts.append(m["change"]["verdict"])
            if not m["metric"].startswith("phase."):
                per_metric.setdefault(f"{m['scenario']}/{m['metric']}", []).append(
                    (m["change"]["delta_pct"], m["change"]["verdict"]))
    counts = {v: verdicts.count(v) for v in sorted(set(verdicts))}
    print(f"+{delay} µs: {len(files)} runs; all metric verdicts: {counts}")
    for key, rows in per_metric.items():
        caught = sum(1 for _, v in rows if v in ("warn", "fail"))
        failed = sum(1 for _, v in rows if v == "fail")
        mean = statistics.mean(d for d, _ in rows)
        print(f"  {key:34s} mean change {mean:+6.1f} %   WARN or FAIL {caught}/{len(rows)}   FAIL {failed}/{len(rows)}")
