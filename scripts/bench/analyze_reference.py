#!/usr/bin/env python3
"""The numpy + scipy equivalent of `analyze CURRENT --baseline` for timing comparisons: load the
samples file (gzip or plain JSONL), compute the same summary (mean, sd, min, p50, p90, p95, p99,
p99.9, max with numpy's default linear quantiles) and Welch's t-test against the baseline's values.

usage: analyze_reference.py CURRENT BASELINE_SAMPLES
Prints the figures and the elapsed wall time (load + statistics) as JSON.
"""
import gzip
import json
import sys
import time

import numpy as np
from scipy import stats


def load(path):
    with open(path, "rb") as raw:
        magic = raw.read(2)
    opener = gzip.open if magic == b"\x1f\x8b" else open
    chunks = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("type") == "samples" and rec.get("metric") == "latency":
                chunks.append(np.asarray(rec["values"], dtype=np.float64))
    return np.concatenate(chunks)


def main():
    start = time.perf_counter()
    current = load(sys.argv[1])
    baseline = load(sys.argv[2])
    qs = np.quantile(current, [0.5, 0.9, 0.95, 0.99, 0.999])
    welch = stats.ttest_ind(current, baseline, equal_var=False)
    elapsed = time.perf_counter() - start
    print(json.dumps({
        "n": int(current.size), "mean": float(current.mean()), "sd": float(current.std(ddof=1)),
        "min": float(current.min()), "p50": float(qs[0]), "p90": float(qs[1]), "p95": float(qs[2]),
        "p99": float(qs[3]), "p999": float(qs[4]), "max": float(current.max()),
        "welch_t": float(welch.statistic), "welch_p": float(welch.pvalue),
        "seconds": elapsed, "samples_per_second": current.size / elapsed,
    }, indent=1))


if __name__ == "__main__":
    main()
