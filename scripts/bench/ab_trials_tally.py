#!/usr/bin/env python3
"""Tally of scripts/bench/ab-trials.sh: per trial type (A/A, each delay) how many trials ended
WARN or FAIL, and per timed metric the mean change the delay caused (the calibration).

usage: ab_trials_tally.py WORK DELAY...
"""
import json
import statistics
import sys
from pathlib import Path

work = Path(sys.argv[1])
groups = [("aa", "A/A")] + [(f"d{d}", f"+{d} µs") for d in sys.argv[2:]]
walls = {}
for line in (work / "trials.log").read_text().splitlines():
    fields = dict(f.split("=", 1) for f in line.split()[1:])
    walls[line.split()[0]] = (float(fields["wall_s"]), float(fields["load"]))
for prefix, label in groups:
    docs = []
    for results in sorted(work.glob(f"{prefix}-*/ab-results.json")):
        docs.append((results.parent.name, json.loads(results.read_text())))
    if not docs:
        continue
    verdicts = [d["verdict"] for _, d in docs]
    changes = {}
    metric_verdicts = {}
    for _, d in docs:
        for m in d.get("metrics", []):
            c = m.get("change") or {}
            if c.get("delta_pct") is None:
                continue
            key = f'{m["scenario"]}/{m["metric"]}'
            changes.setdefault(key, []).append(c["delta_pct"])
            metric_verdicts.setdefault(key, []).append(c["verdict"])
    wall = [walls[n][0] for n, _ in docs if n in walls]
    load = [walls[n][1] for n, _ in docs if n in walls]
    print(f"{label}: {len(docs)} trials: FAIL {verdicts.count('fail')}, WARN {verdicts.count('warn')}, "
          f"caught (WARN or FAIL) {verdicts.count('fail') + verdicts.count('warn')}, PASS {verdicts.count('pass')}")
    if wall:
        print(f"  wall time per trial: median {statistics.median(wall):.1f} s (min {min(wall):.1f}, max {max(wall):.1f}); "
              f"load average {min(load):.1f}–{max(load):.1f} (median {statistics.median(load):.1f})")
    for key in sorted(changes):
        v = changes[key]
        mv = metric_verdicts[key]
        print(f"  {key}: mean change {statistics.mean(v):+.1f} % (median {statistics.median(v):+.1f} %), "
              f"FAIL {mv.count('fail')}, WARN {mv.count('warn')}, improved {mv.count('improved')}")
