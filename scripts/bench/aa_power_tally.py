#!/usr/bin/env python3
"""Counts the verdicts of aa-power.sh's comparisons (A/A false alarms, power against injected
delays), or, in sweep mode, shows how much each injected delay slowed every latency metric.

usage: aa_power_tally.py tally RESULTS_DIR   # results/base-<group>-<i>.json, results/pair-*.json
       aa_power_tally.py sweep RAW_DIR       # raw/sweep-<delay>.jsonl.gz
"""
import collections
import glob
import gzip
import json
import os
import re
import sys

# The latency metrics the issue names: single hop, 5 hops, full propagation of a 10-node mesh.
KEY_METRICS = [
    "tier2.propagation-10/single_hop_latency",
    "tier2.propagation-10/latency",
    "tier2.propagation-10/propagation_time",
    "tier2.five-hop-10/five_hop_latency",
]


def metric_means(path):
    """Mean of every samples metric of a raw run, keyed scenario/metric."""
    sums = collections.defaultdict(lambda: [0.0, 0])
    units = {}
    with open(path, "rb") as raw:
        magic = raw.read(2)
    opener = gzip.open if magic == b"\x1f\x8b" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("type") != "samples":
                continue
            key = f'{rec["scenario"]}/{rec["metric"]}'
            sums[key][0] += sum(rec["values"])
            sums[key][1] += len(rec["values"])
            units[key] = rec.get("unit", "")
    return {k: s / n for k, (s, n) in sums.items() if n}, units


def sweep(raw_dir):
    runs = {}
    for path in glob.glob(os.path.join(raw_dir, "sweep-*.jsonl.gz")):
        delay = int(re.search(r"sweep-(\d+)", path).group(1))
        runs[delay] = metric_means(path)[0]
    if 0 not in runs:
        sys.exit("no sweep-0 run: the undelayed reference is missing")
    delays = sorted(d for d in runs if d)
    print("metric".ljust(45) + "".join(f"{d:>9}µs" for d in delays))
    for key in sorted(runs[0]):
        if not any(key == k for k in KEY_METRICS) and not key.endswith("latency"):
            continue
        row = "".join(f"{100 * (runs[d][key] / runs[0][key] - 1):>+10.1f}%" for d in delays if key in runs[d])
        print(key.ljust(45) + row)


def tally(results_dir):
    groups = collections.defaultdict(lambda: collections.Counter())       # group -> verdict counts
    per_metric = collections.defaultdict(lambda: collections.defaultdict(list))  # group -> metric -> [(verdict, delta)]
    counters = collections.defaultdict(collections.Counter)
    files = collections.Counter()
    for path in sorted(glob.glob(os.path.join(results_dir, "*.json"))):
        name = os.path.basename(path)[:-5]
        if name == "tally":
            continue
        if name.startswith("pair-"):
            group = "A/A pairs (analyze compare)"
        elif name.startswith("base-"):
            group = re.sub(r"-\d+$", "", name[5:])
            group = "A/A vs baseline" if group == "aa" else f"+{group[5:]} µs vs baseline"
        else:
            continue
        doc = json.load(open(path))
        files[group] += 1
        for m in doc.get("metrics", []):
            ch = m.get("change")
            if not ch:
                continue
            key = f'{m["scenario"]}/{m["metric"]}'
            groups[group][ch["verdict"]] += 1
            per_metric[group][key].append((ch["verdict"], ch.get("delta_pct")))
        for c in doc.get("counters", []):
            counters[group][c.get("verdict", "none")] += 1

    out = {}
    for group in sorted(groups):
        total = sum(groups[group].values())
        warn, fail = groups[group]["warn"], groups[group]["fail"]
        print(f"\n== {group}: {files[group]} comparisons, {total} metric verdicts: " +
              ", ".join(f"{v} {n}" for v, n in sorted(groups[group].items())) +
              f" → WARN {warn}/{total} = {100 * warn / total:.1f} %, FAIL {fail}/{total} = {100 * fail / total:.1f} %")
        print("   counters: " + ", ".join(f"{v} {n}" for v, n in sorted(counters[group].items())))
        for key in KEY_METRICS:
            rows = per_metric[group].get(key, [])
            if not rows:
                continue
            c = collections.Counter(v for v, _ in rows)
            deltas = sorted(d for _, d in rows if d is not None)
            caught = c["warn"] + c["fail"]
            print(f"   {key:45} n={len(rows):3}  warn {c['warn']:3}  fail {c['fail']:3}  ≥warn {caught}/{len(rows)}"
                  f"  Δ% min {deltas[0]:+.1f} median {deltas[len(deltas) // 2]:+.1f} max {deltas[-1]:+.1f}")
        noisy = {k: collections.Counter(v for v, _ in rows) for k, rows in per_metric[group].items()}
        alarms = {k: c["warn"] + c["fail"] for k, c in noisy.items() if c["warn"] + c["fail"]}
        if alarms and group.startswith("A/A"):
            print("   metrics with alarms: " + ", ".join(f"{k} ({n})" for k, n in sorted(alarms.items())))
        out[group] = {"comparisons": files[group], "verdicts": dict(groups[group]),
                      "key_metrics": {k: dict(collections.Counter(v for v, _ in per_metric[group].get(k, [])))
                                      for k in KEY_METRICS}}
    with open(os.path.join(results_dir, "tally.json"), "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("tally", "sweep"):
        sys.exit(__doc__)
    (tally if sys.argv[1] == "tally" else sweep)(sys.argv[2])
