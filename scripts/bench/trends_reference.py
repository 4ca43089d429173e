#!/usr/bin/env python3
"""The numpy + scipy equivalent of `analyze trends --days N`, for timing comparisons: read every
history file of the folder (gzip JSON), keep the window, and per metric (p95 for time units, the
mean otherwise) compute what TrendAnalysis computes — OLS slope per day with its 95 % CI, R² and p
(scipy.stats.linregress + Student t), robust z anomalies (median/MAD, |z| > 3.5), the mean ± 2σ
rule, and change points by binary segmentation with a 199-permutation test (minimum segment 5,
α 0.05), permutations vectorised in numpy. numpy's generator is not analyze's xoshiro256**, so
permutation p-values may differ in the last digit; the work done is the same.

usage: trends_reference.py HISTORY_DIR [--days 90]
Prints a per-metric summary count and the elapsed wall time (load + statistics) as JSON.
"""
import argparse
import datetime as dt
import gzip
import json
import os
import time

import numpy as np
from scipy import stats

TIME_UNITS = {"ns", "us", "µs", "ms", "s", "min", "h"}


def best_split(x, minimum):
    """D(k) = k(m−k)/m·(mean_left − mean_right)² for every row of x (shape r × m); best k per row."""
    m = x.shape[-1]
    k = np.arange(1, m)
    left = np.cumsum(x, axis=-1)[..., :-1]
    total = left[..., -1:] + x[..., -1:]
    gap = left / k - (total - left) / (m - k)
    d = k * (m - k) / m * gap * gap
    valid = (k >= minimum) & (m - k >= minimum)
    d = np.where(valid, d, -np.inf)
    return d.argmax(axis=-1) + 1, d.max(axis=-1)


def change_points(values, rng, alpha=0.05, permutations=199, minimum=5):
    found, pending = [], [(0, len(values))]
    while pending:
        lo, hi = pending.pop(0)
        if hi - lo < 2 * minimum:
            continue
        seg = values[lo:hi]
        k, observed = best_split(seg[None, :], minimum)
        if observed[0] <= 0:
            continue
        shuffled = rng.permuted(np.broadcast_to(seg, (permutations, seg.size)), axis=1)
        _, permuted = best_split(shuffled, minimum)
        p = (1 + np.count_nonzero(permuted >= observed[0])) / (1 + permutations)
        if p > alpha:
            continue
        split = lo + int(k[0])
        found.append(split)
        pending += [(lo, split), (split, hi)]
    return sorted(found)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("history")
    ap.add_argument("--days", type=int, default=90)
    args = ap.parse_args()
    start = time.perf_counter()
    entries = []
    for name in sorted(os.listdir(args.history)):
        if name.endswith(".json.gz"):
            with gzip.open(os.path.join(args.history, name), "rt", encoding="utf-8") as f:
                entries.append(json.load(f))
    now = dt.datetime.now(dt.timezone.utc)
    parse = lambda s: dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
    entries = [e for e in entries if parse(e["recorded_at"]) >= now - dt.timedelta(days=args.days)]
    entries.sort(key=lambda e: e["recorded_at"])
    series = {}
    for e in entries:
        t = parse(e["recorded_at"]).timestamp()
        for m in e["metrics"]:
            stat = "p95" if m["unit"] in TIME_UNITS else "mean"
            series.setdefault((m["scenario"], m["metric"]), []).append((t, m[stat]))
    rng = np.random.default_rng(1)
    summary = {"metrics": len(series), "runs": len(entries), "degrading_or_improving": 0, "anomalies": 0,
               "sigma_flags": 0, "change_points": 0}
    for key, pts in series.items():
        if len(pts) < 5:
            continue
        t = np.array([p[0] for p in pts])
        y = np.array([p[1] for p in pts])
        days = (t - t[0]) / 86400
        fit = stats.linregress(days, y)
        half = stats.t.ppf(0.975, len(y) - 2) * fit.stderr
        _ci = (fit.slope - half, fit.slope + half)
        summary["degrading_or_improving"] += int(fit.pvalue < 0.05)
        med = np.median(y)
        mad = np.median(np.abs(y - med))
        if mad > 0:
            summary["anomalies"] += int(np.count_nonzero(np.abs(y - med) / (1.4826 * mad) > 3.5))
        sd = y.std(ddof=1)
        if sd > 0:
            summary["sigma_flags"] += int(np.count_nonzero(np.abs(y - y.mean()) > 2 * sd))
        summary["change_points"] += len(change_points(y, rng))
    summary["seconds"] = time.perf_counter() - start
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
