#!/usr/bin/env python3
"""kill -9 during `analyze --update-baseline` and `analyze --record` (issue 12): N kills each at
random moments of a run, then checks what a reader would find.

After every kill, before anything else runs, it checks that
  - every file under the workspace parses (no half-written JSON, no broken gzip),
  - the files of one command agree: --update-baseline: results.json and baseline.json come from
    the same run or are both the previous one; --record: the results' trend, the history folder
    and the flake history count the same runs,
  and counts the commit's leftovers (temporary files, a journal awaiting the next commit).
When a journal is pending, a reader (analyze reading the baseline, analyze trends reading the
history) runs first: it must finish the commit before reading, so the check then sees it whole.
At the end, one more command runs in the workspace and the leftovers must be gone (the next
commit finishes or discards them).

usage: kill9_commit.py [--kills 100] [--bin .build/release] [--seed 1] [--mode update-baseline|record]...
"""
import argparse
import glob
import gzip
import json
import os
import random
import shutil
import signal
import subprocess
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def samples_file(path, host, values=200_000):
    rng = random.Random(host)
    lines = [
        {"type": "run", "schema": "meshbench.samples/1", "run_id": f"run-{host}", "started_at": "2026-01-01T00:00:00Z",
         "tier": 1, "seed": 7, "git": {"commit": "abc", "branch": "main", "dirty": False},
         "host": {"fingerprint": "kill9", "cpu_model": "t", "cpus": 2, "memory_mb": 1024, "os": "linux", "swift": "6"},
         "mode": "simulated", "config": {}},
        {"type": "samples", "scenario": "tier1.propagation-3", "metric": "latency", "unit": "ms", "better": "lower",
         "values": [round(rng.lognormvariate(0, 0.3), 4) for _ in range(values)]},
        {"type": "outcome", "test": "t", "tier": 1, "attempt": 1, "status": "pass", "duration_ms": 1, "message": ""},
    ]
    lines.append({"type": "end", "finished_at": "2026-01-01T00:01:00Z", "records": len(lines)})
    with open(path, "w") as f:
        for line in lines:
            f.write(json.dumps(line, separators=(",", ":")) + "\n")


def parse_all(work):
    """Every JSON file and history entry must parse; returns the parsed documents by path."""
    docs = {}
    for path in glob.glob(os.path.join(work, "*.json")) + glob.glob(os.path.join(work, ".benchmarks", "*.json")):
        with open(path) as f:
            docs[path] = json.load(f)
    for path in glob.glob(os.path.join(work, ".benchmarks", "history", "*.json.gz")):
        with gzip.open(path, "rt") as f:
            docs[path] = json.load(f)
    return docs


def leftovers(work):
    names = []
    for folder in [work, os.path.join(work, ".benchmarks"), os.path.join(work, ".benchmarks", "history")]:
        if os.path.isdir(folder):
            names += [n for n in os.listdir(folder) if n.startswith(".meshbench-")]
    return names


def consistent(mode, work, docs):
    results = docs.get(os.path.join(work, "results.json"))
    if mode == "update-baseline":
        baseline = docs.get(os.path.join(work, ".benchmarks", "baseline.json"))
        if results is None:
            return baseline.get("recorded_at") == "2000-01-01T00:00:00Z"
        return results["generated_at"] == baseline["recorded_at"]
    # Every run is recorded with its own --recorded-at, so each commit adds one history entry,
    # one flake-history run and rewrites results.json: the three must move together.
    history = [p for p in docs if p.endswith(".json.gz")]
    flakes = docs.get(os.path.join(work, ".benchmarks", "flake-history.json"))
    runs = 0 if flakes is None else sum(t.get("runs", 0) for t in flakes.get("tests", []))
    return len(history) == runs and (results is not None) == (runs > 0)


# Commands that only read what a kill left (the baseline; the history folder): run when a
# journal is pending, they must finish it first, and the files must then agree.
READERS = {"update-baseline": None, "record": None}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kills", type=int, default=100)
    ap.add_argument("--bin", default=os.path.join(REPO, ".build", "release"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--mode", choices=["update-baseline", "record"], action="append")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    analyze = os.path.join(args.bin, "analyze")
    READERS["update-baseline"] = [analyze, "run.jsonl", "--out", "/dev/null"]
    READERS["record"] = [analyze, "trends", "--days", "36500"]
    for mode in args.mode or ["update-baseline", "record"]:
        work = tempfile.mkdtemp(prefix=f"kill9-{mode}-")
        os.makedirs(os.path.join(work, ".benchmarks"))
        shutil.copy(os.path.join(REPO, ".benchmarks", "thresholds.json"), os.path.join(work, ".benchmarks"))
        samples_file(os.path.join(work, "run.jsonl"), "a")
        flags = ["--update-baseline"] if mode == "update-baseline" else ["--record", "--no-baseline"]
        if mode == "update-baseline":
            subprocess.run([analyze, "run.jsonl", "--no-baseline", "--update-baseline", "--out", "/dev/null"], cwd=work, check=True,
                           stderr=subprocess.DEVNULL)
        # The kill moments are drawn over the length of the very command that is killed (the
        # median of three timed runs), so that they fall all along it on a machine of any load.
        timings = []
        for n in range(3):
            when = ["--recorded-at", f"2025-12-31T00:00:0{n}Z"] if mode == "record" else []
            start = time.monotonic()
            subprocess.run([analyze, "run.jsonl", "--out", "results.json"] + when + flags, cwd=work, check=True,
                           stderr=subprocess.DEVNULL)
            timings.append(time.monotonic() - start)
        duration = sorted(timings)[1]
        if mode == "update-baseline":
            path = os.path.join(work, ".benchmarks", "baseline.json")
            with open(path) as f:
                doc = json.load(f)
            doc["recorded_at"] = "2000-01-01T00:00:00Z"
            with open(path, "w") as f:
                json.dump(doc, f)
            os.remove(os.path.join(work, "results.json"))
        tally = {"runs started": 0, "killed": 0, "finished before the kill": 0, "old state": 0, "new state": 0, "inconsistent": 0,
                 "unparsable": 0, "with temporary files": 0, "with a pending journal": 0, "journal left after a reader": 0}
        i = -1
        # Until `kills` runs were killed mid-way (a run that finished first does not count).
        while tally["killed"] < args.kills and tally["runs started"] < 5 * args.kills:
            i += 1
            tally["runs started"] += 1
            stamp = f"2026-01-01T{i // 60:02d}:{i % 60:02d}:00Z"
            before = {p: os.path.getmtime(p) for p in glob.glob(os.path.join(work, "**", "*"), recursive=True)}
            when = ["--recorded-at", stamp] if mode == "record" else []
            child = subprocess.Popen([analyze, "run.jsonl", "--out", "results.json"] + when + flags,
                                     cwd=work, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.0, 1.0) * duration)
            if child.poll() is None:
                child.send_signal(signal.SIGKILL)
                tally["killed"] += 1
            else:
                tally["finished before the kill"] += 1
            child.wait()
            try:
                docs = parse_all(work)
            except Exception:
                tally["unparsable"] += 1
                continue
            left = leftovers(work)
            if any(n.endswith(".tmp") for n in left):
                tally["with temporary files"] += 1
            if any(n.endswith(".journal") for n in left):
                # The commit point was passed: a reader must finish the commit before it reads.
                tally["with a pending journal"] += 1
                subprocess.run(READERS[mode], cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                docs = parse_all(work)
                if any(n.endswith(".journal") for n in leftovers(work)):
                    tally["journal left after a reader"] += 1
            if not consistent(mode, work, docs):
                tally["inconsistent"] += 1
            after = {p: os.path.getmtime(p) for p in glob.glob(os.path.join(work, "**", "*"), recursive=True)}
            tally["new state" if after != before else "old state"] += 1
        # One more full run: it must finish whatever the last kill left.
        when = ["--recorded-at", "2026-01-02T00:00:00Z"] if mode == "record" else []
        last = subprocess.run([analyze, "run.jsonl", "--out", "results.json"] + when + flags,
                              cwd=work, stderr=subprocess.PIPE, text=True)
        if last.returncode != 0:
            raise SystemExit(f"{mode}: the run after the kills exited {last.returncode}: {last.stderr}")
        docs = parse_all(work)
        final = {"leftovers after the next run": len(leftovers(work)), "consistent after the next run": consistent(mode, work, docs)}
        print(json.dumps({"mode": mode, "kills": args.kills, "run_seconds": round(duration, 3), **tally, **final}))
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
