#!/usr/bin/env python3
"""Writes DAYS days of `.benchmarks/history/` (meshbench.history/1, one gzip JSON file per run,
named as HistoryFolder names them) for timing `analyze trends` (see run_trends_benchmark.sh).

The metric set and the starting values come from a real results document (`analyze RUN --out
results.json`), so the history has the metrics, units and magnitudes of a real tier. Each later
run multiplies every statistic by run-to-run noise (log-normal, `--noise` CV), a slow drift on a
few metrics, a +15 % step on others from day 60, and an occasional spike (1 run in 50), so the
trend fits, change-point searches and anomaly rules all have real work to do.

usage: generate_history.py RESULTS_JSON OUT_DIR [--days 90] [--per-day 4] [--noise 0.05] [--seed 1]
                           [--end ISO8601 (default: now)]
"""
import argparse
import copy
import datetime as dt
import gzip
import json
import os
import re

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("out")
    ap.add_argument("--days", type=int, default=90)
    ap.add_argument("--per-day", type=int, default=4)
    ap.add_argument("--noise", type=float, default=0.05)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--end", default=None)
    args = ap.parse_args()

    template = json.load(open(args.results))
    metrics = [m for m in template["metrics"] if all(k in m for k in ("mean", "p50", "p95", "p99"))]
    if not metrics:
        raise SystemExit(f"{args.results}: no metric with mean, p50, p95 and p99; give an `analyze` results document")
    end = (dt.datetime.fromisoformat(args.end.replace("Z", "+00:00")) if args.end
           else dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
    rng = np.random.default_rng(args.seed)
    runs = args.days * args.per_day
    step = dt.timedelta(days=args.days) / runs
    # Which metrics drift (+0.2 %/day), which step up by 15 % at day 60, the rest are flat.
    kinds = rng.choice(["flat", "drift", "step"], size=len(metrics), p=[0.6, 0.2, 0.2])
    os.makedirs(args.out, exist_ok=True)
    for r in range(runs):
        at = end - step * (runs - 1 - r)
        day = (at - (end - dt.timedelta(days=args.days))).total_seconds() / 86400
        run = copy.deepcopy(template["run"])
        run["run_id"] = f"hist-{args.seed}-{r:05d}"
        run["started_at"] = at.strftime("%Y-%m-%dT%H:%M:%SZ")
        entry_metrics = []
        for m, kind in zip(metrics, kinds):
            factor = rng.lognormal(0.0, args.noise)
            if kind == "drift":
                factor *= 1 + 0.002 * day
            elif kind == "step" and day >= 60:
                factor *= 1.15
            if rng.random() < 0.02:
                factor *= 1.6
            entry_metrics.append({k: m[k] for k in ("scenario", "metric", "unit", "better")} |
                                 {"n": m["n"], **{s: m[s] * factor for s in ("mean", "p50", "p95", "p99")}})
        entry = {"schema": "meshbench.history/1", "recorded_at": at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                 "run": run, "metrics": entry_metrics}
        safe = re.sub(r"[^A-Za-z0-9._-]", "_", run["run_id"])
        name = at.strftime("%Y-%m-%dT%H%M%SZ") + f"-{safe}.json.gz"
        with gzip.open(os.path.join(args.out, name), "wt", encoding="utf-8") as f:
            json.dump(entry, f, separators=(",", ":"))
    print(f"{runs} history entries of {len(metrics)} metrics from {(end - step * (runs - 1)).isoformat()} to {end.isoformat()} in {args.out}")


if __name__ == "__main__":
    main()
