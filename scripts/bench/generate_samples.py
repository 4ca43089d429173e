#!/usr/bin/env python3
"""Writes a meshbench.samples/1 file of N log-normal latency samples (gzip when the name ends
in .gz), in blocks of 100,000 values, for timing `analyze` (see run_analyze_benchmark.sh).

usage: generate_samples.py OUT N [--seed S] [--scale F] [--host H]
"""
import argparse
import gzip
import json

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0, help="multiplies every latency (a known regression)")
    ap.add_argument("--host", default="bench-host")
    args = ap.parse_args()

    rng = np.random.default_rng(args.seed)
    opener = gzip.open if args.out.endswith(".gz") else open
    records = 0
    with opener(args.out, "wt", encoding="utf-8") as f:
        def write(rec):
            nonlocal records
            f.write(json.dumps(rec, separators=(",", ":")) + "\n")
            records += 1

        write({"type": "run", "schema": "meshbench.samples/1", "run_id": f"perf-{args.seed}",
               "started_at": "2025-01-01T00:00:00Z", "tier": 3, "seed": args.seed,
               "git": {"commit": "0000000", "branch": "perf", "dirty": False},
               "host": {"fingerprint": args.host, "cpu_model": "perf", "cpus": 2, "memory_mb": 24576,
                        "os": "linux", "swift": "6.3"},
               "mode": "simulated", "config": {}})
        block = 100_000
        done = 0
        while done < args.n:
            k = min(block, args.n - done)
            values = np.round(rng.lognormal(mean=3.0, sigma=0.4, size=k) * args.scale, 4)
            # repr-style shortest floats, as bench writes them
            f.write('{"type":"samples","scenario":"tier3.propagation-50","metric":"latency","unit":"ms",'
                    '"better":"lower","values":[' + ",".join(map(repr, values.tolist())) + "]}\n")
            records += 1
            done += k
        write({"type": "end", "finished_at": "2025-01-01T00:10:00Z", "records": records})


if __name__ == "__main__":
    main()
