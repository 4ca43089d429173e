#!/usr/bin/env python3
"""Concurrent `analyze --record` ×2 and `render` ×2 into one folder (issue 12), N pairs each.

--record: both runs of every pair must be counted: after N pairs the history folder holds 2N
entries and the flake history counts 2N runs of the test (lost updates: 2N minus that).
render: after every pair the folder must hold exactly one run's files: the file list render
recorded, every file in it present, no other render file, and benchmark-results.json from the
same run as the report.

usage: concurrent_commits.py [--pairs 20] [--bin .build/release]
"""
import argparse
import json
import os
import shutil
import subprocess
import tempfile

from kill9_commit import REPO, samples_file


def record_pairs(analyze, pairs):
    work = tempfile.mkdtemp(prefix="concurrent-record-")
    os.makedirs(os.path.join(work, ".benchmarks"))
    shutil.copy(os.path.join(REPO, ".benchmarks", "thresholds.json"), os.path.join(work, ".benchmarks"))
    for side in ("a", "b"):
        samples_file(os.path.join(work, f"{side}.jsonl"), side, values=20_000)
    for i in range(pairs):
        children = [subprocess.Popen([analyze, f"{side}.jsonl", "--no-baseline", "--record", "--out", "/dev/null",
                                      "--recorded-at", f"2026-01-01T{i // 60:02d}:{i % 60:02d}:0{n}Z"],
                                     cwd=work, stderr=subprocess.DEVNULL) for n, side in enumerate(("a", "b"))]
        for child in children:
            if child.wait() != 0:
                raise SystemExit(f"pair {i}: analyze exited {child.returncode}")
    with open(os.path.join(work, ".benchmarks", "flake-history.json")) as f:
        runs = sum(t["runs"] for t in json.load(f)["tests"])
    entries = len(os.listdir(os.path.join(work, ".benchmarks", "history")))
    shutil.rmtree(work)
    return {"pairs": pairs, "expected": 2 * pairs, "history entries": entries, "flake runs counted": runs,
            "lost updates": 2 * pairs - runs}


def render_pairs(analyze, render, pairs):
    work = tempfile.mkdtemp(prefix="concurrent-render-")
    os.makedirs(os.path.join(work, ".benchmarks"))
    shutil.copy(os.path.join(REPO, ".benchmarks", "thresholds.json"), os.path.join(work, ".benchmarks"))
    for side in ("a", "b"):
        samples_file(os.path.join(work, f"{side}.jsonl"), side, values=20_000)
        subprocess.run([analyze, f"{side}.jsonl", "--no-baseline", "--out", f"{side}.json"], cwd=work, check=True,
                       stderr=subprocess.DEVNULL)
    mixed = 0
    for i in range(pairs):
        children = [subprocess.Popen([render, f"{side}.json", "--out", "out", "--quiet"], cwd=work) for side in ("a", "b")]
        for child in children:
            if child.wait() != 0:
                raise SystemExit(f"pair {i}: render exited {child.returncode}")
        out = os.path.join(work, "out")
        with open(os.path.join(out, ".render-report.files")) as f:
            listed = set(f.read().split())
        present = {n for n in os.listdir(out) if not n.startswith(".")}
        with open(os.path.join(out, "benchmark-results.json")) as f:
            run_id = json.load(f)["run"]["run_id"]
        with open(os.path.join(out, "benchmark-report.md")) as f:
            report_from_same_run = run_id in f.read()
        if present != listed or not report_from_same_run:
            mixed += 1
    shutil.rmtree(work)
    return {"pairs": pairs, "mixed folders": mixed}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=20)
    ap.add_argument("--bin", default=os.path.join(REPO, ".build", "release"))
    args = ap.parse_args()
    analyze, render = os.path.join(args.bin, "analyze"), os.path.join(args.bin, "render")
    print(json.dumps({"record ×2": record_pairs(analyze, args.pairs)}))
    print(json.dumps({"render ×2": render_pairs(analyze, render, args.pairs)}))


if __name__ == "__main__":
    main()
