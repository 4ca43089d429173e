#!/usr/bin/env python3
"""Reference timing for `render`: draws the same chart set from one results file with
matplotlib (Agg backend, same 960x540 pages), so render's speed can be stated as a ratio to a
well-known plotting library on the same machine and input.

Development tool only: matplotlib is never used by MeshBench itself. Install it for this script
with `pip install matplotlib`.

    python3 scripts/bench/render_reference.py results.json --out /tmp/mpl [--repeat 5]

Prints the process start-up + import time and the drawing time (best of --repeat) in seconds.
"""
import argparse
import json
import math
import os
import time

T0 = time.perf_counter()
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

IMPORT_S = time.perf_counter() - T0
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]
DASHES = ["-", "--", ":", "-.", (0, (12, 4))]
MARKERS = ["o", "s", "^", "D", "v", "x", "+"]
VERDICT = {"fail": "#D55E00", "warn": "#E69F00", "improved": "#009E73", "noise": "#8C8C8C"}
TO_MS = {"ns": 1e-6, "us": 1e-3, "µs": 1e-3, "ms": 1, "s": 1e3}


def page(height=540):
    return plt.figure(figsize=(9.6, height / 100), dpi=100)


def save(fig, out, name):
    fig.savefig(os.path.join(out, name))
    plt.close(fig)


def style(i):
    return dict(color=OKABE_ITO[i % 8], linestyle=DASHES[i % 5], marker=MARKERS[i % 7])


def spectrum(doc, out):
    metrics = [m for m in doc["metrics"] if m["unit"] in TO_MS and len(m.get("spectrum", [])) >= 2
               and not m["metric"].startswith("phase.")]
    metrics = sorted(metrics, key=lambda m: -m["p99"])[:4]
    if not metrics:
        return
    fig = page()
    ax = fig.add_subplot()
    for i, m in enumerate(metrics):
        pts = [p for p in m["spectrum"] if p["p"] < 1]
        k = TO_MS[m["unit"]]
        ax.plot([1 / (1 - p["p"]) for p in pts], [p["value"] * k for p in pts], color=OKABE_ITO[i], label=f'{m["scenario"]} · {m["metric"]}')
        if m.get("baseline"):
            b = m["baseline"]
            ax.plot([2, 20, 100], [b["p50"] * k, b["p95"] * k, b["p99"] * k], color=OKABE_ITO[i], linestyle=(0, (6, 5)), marker="o")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xticks([1, 10, 100, 1000, 10000], ["0%", "90%", "99%", "99.9%", "99.99%"])
    ax.set_xlabel("Percentile")
    ax.set_ylabel("Latency (ms)")
    ax.set_title("Latency percentile spectrum", loc="left")
    ax.legend(loc="upper left")
    save(fig, out, "latency-spectrum.png")


def baseline_delta(doc, out):
    rows = []
    for m in doc["metrics"]:
        c = m.get("change")
        if not c or c.get("delta_pct") is None:
            continue
        sign = 1 if m["better"] == "lower" else -1
        ci = c.get("ci")
        rows.append((f'{m["scenario"]} · {m["metric"]}', sign * c["delta_pct"], ci and sorted([sign * ci[0], sign * ci[1]]), c["verdict"]))
    if not rows:
        return
    rows.sort(key=lambda r: -r[1])
    rows = rows[:20]
    fig = page()
    ax = fig.add_subplot()
    y = list(range(len(rows)))[::-1]
    ax.barh(y, [r[1] for r in rows], color=[VERDICT.get(r[3], "#8C8C8C") for r in rows], height=0.5)
    for yy, r in zip(y, rows):
        if r[2]:
            ax.errorbar(r[1], yy, xerr=[[r[1] - r[2][0]], [r[2][1] - r[1]]], color="#222222", capsize=4)
        ax.annotate(f"{r[1]:+.1f} %", (max(r[1], r[2][1] if r[2] else r[1]) if r[1] >= 0 else min(r[1], r[2][0] if r[2] else r[1]), yy),
                    xytext=(5 if r[1] >= 0 else -5, 0), textcoords="offset points", ha="left" if r[1] >= 0 else "right", va="center", fontsize=8)
    noise = (doc.get("comparison") or {}).get("noise_pct") or 5
    ax.axvspan(-noise, noise, color="#7F7F7F", alpha=0.16)
    ax.set_yticks(y, [r[0] for r in rows])
    ax.set_xlabel("Change in the worse direction (%)")
    ax.set_title("Change against the baseline", loc="left")
    fig.tight_layout()
    save(fig, out, "baseline-delta.png")


def mesh_size(doc, out):
    sized = [m for m in doc["metrics"] if m.get("mesh_size") and m["unit"] in TO_MS and m["metric"] == "latency"
             and "propagation" in m["scenario"]]
    if len(sized) < 2:
        return
    sized.sort(key=lambda m: m["mesh_size"])
    fig = page()
    ax = fig.add_subplot()
    n = [m["mesh_size"] for m in sized]
    for i, stat in enumerate(["p50", "p95", "p99"]):
        ax.plot(n, [m[stat] * TO_MS[m["unit"]] for m in sized], label=stat, **style(i))
    b, a = _fit([math.log(v) for v in n], [math.log(m["p95"]) for m in sized])
    xs = [n[0] * (n[-1] / n[0]) ** (k / 20) for k in range(21)]
    ax.plot(xs, [math.exp(a + b * math.log(x)) for x in xs], label=f"fit p95 ∝ n^{b:.2f}", color="#555555")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("Nodes in the mesh")
    ax.set_ylabel("Latency (ms)")
    ax.legend()
    ax.set_title("Latency by mesh size", loc="left")
    save(fig, out, "latency-by-mesh-size.png")


def _fit(x, y):
    mx, my = sum(x) / len(x), sum(y) / len(y)
    sxx = sum((a - mx) ** 2 for a in x)
    slope = sum((a - mx) * (b - my) for a, b in zip(x, y)) / sxx
    return slope, my - slope * mx


def by_hops(doc, out):
    def populated(m):
        return [b for b in m.get("by_hops") or [] if b["n"] >= max(20, m["n"] // 100)]

    candidates = [m for m in doc["metrics"] if len(populated(m)) >= 2]
    if not candidates:
        return
    best = max(candidates, key=lambda m: len(populated(m)))
    m = dict(best, by_hops=populated(best))
    fig = page()
    ax = fig.add_subplot()
    stats = [{"med": b["p50"], "q1": b["p25"], "q3": b["p75"], "whislo": b["p25"], "whishi": b["p95"], "label": str(b["hops"])} for b in m["by_hops"]]
    ax.bxp(stats, positions=[b["hops"] for b in m["by_hops"]], showfliers=False)
    slope, icpt = _fit([b["hops"] for b in m["by_hops"]], [b["p50"] for b in m["by_hops"]])
    ax.plot([1, len(stats)], [icpt + slope, icpt + slope * len(stats)], linestyle="--")
    ax.set_xlabel("Hops from the publisher")
    ax.set_ylabel("Latency (ms)")
    ax.set_title("Latency by hop count", loc="left")
    save(fig, out, "latency-by-hops.png")


def breakdown(doc, out):
    phases = [m for m in doc["metrics"] if m["metric"].startswith("phase.")]
    if not phases:
        return
    scenarios = list(dict.fromkeys(m["scenario"] for m in phases))
    order = ["decode", "verify", "store", "match", "forward"]
    names = sorted(dict.fromkeys(m["metric"][6:] for m in phases), key=lambda n: order.index(n) if n in order else len(order))
    fig = page()
    ax = fig.add_subplot()
    left = [0.0] * len(scenarios)
    for i, name in enumerate(names):
        vals = [next((m["mean"] * TO_MS[m["unit"]] for m in phases if m["scenario"] == s and m["metric"] == "phase." + name), 0)
                for s in scenarios]
        ax.barh(scenarios, vals, left=left, color=OKABE_ITO[i % 8], label=name)
        left = [a + b for a, b in zip(left, vals)]
    ax.set_xlabel("Mean time per event (ms)")
    ax.legend()
    ax.set_title("Latency breakdown by phase", loc="left")
    save(fig, out, "latency-breakdown.png")


def throughput(doc, out):
    rate = [s for s in doc["series"] if s["unit"] == "events/s" and "queue" not in s["metric"]]
    queue = {}
    for s in doc["series"]:
        if "queue" in s["metric"]:
            deepest = queue.setdefault((s["scenario"], s["metric"]), dict(s, values=list(s["values"])))
            deepest["values"] = [max(a, b) for a, b in zip(deepest["values"], s["values"])]
    queue = list(queue.values())
    if not rate:
        return
    fig = page(640)
    axes = fig.subplots(2 if queue else 1, 1, sharex=True, squeeze=False)[:, 0]
    for i, s in enumerate(rate):
        axes[0].plot(s["t"], s["values"], **style(i), markevery=10)
    cfg = doc["run"].get("config", {})
    if "burst_start_s" in cfg:
        for ax in axes:
            ax.axvspan(cfg["burst_start_s"], cfg["burst_start_s"] + cfg["burst_duration_s"], color="#7F7F7F", alpha=0.13)
    axes[0].set_ylabel("Throughput (events/s)")
    if queue:
        for s in queue:
            axes[1].step(s["t"], s["values"], where="post")
        axes[1].set_ylabel("Queue depth (events)")
    axes[-1].set_xlabel("Time since scenario start (s)")
    axes[0].set_title("Throughput over time", loc="left")
    save(fig, out, "throughput-timeline.png")


def resources(doc, out):
    mem = [s for s in doc["series"] if s["unit"] in ("B", "KB", "MB", "GB")]
    mem = [s for s in mem if "rss" in s["metric"]] or mem
    cpu = [s for s in doc["series"] if s["unit"] == "%" and "cpu" in s["metric"]]
    if not mem and not cpu:
        return
    fig = page(640)
    axes = fig.subplots(2, 1, sharex=True)
    for ax, group, label in [(axes[0], mem, "RSS (MB)"), (axes[1], cpu, "CPU (%)")]:
        for i, s in enumerate(group):
            ax.plot(s["t"], s["values"], label=f'node {s.get("node")}', **style(i), markevery=10)
        ax.set_ylabel(label)
        ax.legend(loc="upper right")
    axes[1].set_xlabel("Time since scenario start (s)")
    axes[0].set_title("Resources per node", loc="left")
    save(fig, out, "resources.png")


def topology(doc, out):
    t = doc.get("topology")
    if not t:
        return
    fig = plt.figure(figsize=(8, 7), dpi=100)
    ax = fig.add_subplot()
    n = t["nodes"]
    pos = [(math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)) for i in range(n)]
    for a, b in t["edges"]:
        ax.plot([pos[a][0], pos[b][0]], [pos[a][1], pos[b][1]], color="#BBBBBB", zorder=1)
    arrival = {a["node"]: a["ms"] for a in t["arrivals"]}
    sc = ax.scatter([p[0] for p in pos], [p[1] for p in pos], c=[arrival.get(i, float("nan")) for i in range(n)], s=300, zorder=2, cmap="viridis")
    for i, p in enumerate(pos):
        ax.annotate(str(i), p, ha="center", va="center", fontsize=8, color="white")
    fig.colorbar(sc, label="Arrival (ms)")
    ax.set_axis_off()
    ax.set_title("Mesh topology and propagation", loc="left")
    save(fig, out, "topology.png")


def flakes(doc, out):
    rows = sorted((f for f in doc.get("flakes", []) if f["flake_rate"] > 0 or f["quarantined"]), key=lambda f: -f["flake_rate"])
    if not rows:
        return
    fig = page()
    ax = fig.add_subplot()
    y = list(range(len(rows)))[::-1]
    ax.barh(y, [f["flake_rate"] * 100 for f in rows], color=["#D55E00" if f["flake_rate"] > 0.05 else "#009E73" for f in rows], height=0.5)
    ax.axvline(5, color="#D55E00", linestyle="-.")
    ax.set_yticks(y, [f["test"] for f in rows])
    ax.set_xlabel("Flake rate (%)")
    ax.set_title("Flake rate per test", loc="left")
    fig.tight_layout()
    save(fig, out, "flakes.png")


def trends(doc, out):
    ts = [t for t in doc.get("trends", []) if len(t["points"]) >= 2]
    if not ts:
        return
    latest = max(p["t"] for t in ts for p in t["points"])
    import datetime as dt

    def days(s):
        return (dt.datetime.fromisoformat(s.replace("Z", "+00:00")) - dt.datetime.fromisoformat(latest.replace("Z", "+00:00"))).total_seconds() / 86400

    fig = page()
    ax = fig.add_subplot()
    for i, t in enumerate(ts[:8]):
        first = t["points"][0]["value"]
        ax.plot([days(p["t"]) for p in t["points"]], [(p["value"] / first - 1) * 100 for p in t["points"]], label=t["metric"], **style(i))
    ax.set_xlabel("Days before the latest run")
    ax.set_ylabel("Change (%)")
    ax.legend()
    save(fig, out, "trends.png")
    for t in ts:
        x = [days(p["t"]) for p in t["points"]]
        y = [p["value"] for p in t["points"]]
        fig = page()
        ax = fig.add_subplot()
        ax.plot(x, y, marker="o")
        if t.get("slope_per_day") is not None and len(x) >= 3:
            slope, icpt = _fit(x, y)
            mx = sum(x) / len(x)
            sxx = sum((a - mx) ** 2 for a in x)
            s = math.sqrt(sum((b - icpt - slope * a) ** 2 for a, b in zip(x, y)) / (len(x) - 2))
            xs = [min(x) + (max(x) - min(x)) * k / 40 for k in range(41)]
            fit = [icpt + slope * a for a in xs]
            half = [2.2 * s * math.sqrt(1 / len(x) + (a - mx) ** 2 / sxx) for a in xs]
            ax.plot(xs, fit, linestyle="--")
            ax.fill_between(xs, [f - h for f, h in zip(fit, half)], [f + h for f, h in zip(fit, half)], alpha=0.18)
        for p, xx in zip(t["points"], x):
            if p.get("anomaly"):
                ax.scatter([xx], [p["value"]], s=120, facecolors="none", edgecolors="#D55E00")
        for c in t.get("change_points", []):
            ax.axvline(x[c], linestyle=":", color="#333333")
        ax.set_xlabel("Days before the latest run")
        ax.set_ylabel(f'{t["metric"]} ({t["unit"]})')
        save(fig, out, f'trend-{t["scenario"]}-{t["metric"]}.png')


def composite(out):
    names = ["latency-spectrum.png", "baseline-delta.png", "latency-by-mesh-size.png", "throughput-timeline.png", "resources.png", "trends.png"]
    present = [n for n in names if os.path.exists(os.path.join(out, n))]
    if not present:
        return
    rows = (len(present) + 1) // 2
    fig = plt.figure(figsize=(19.2, (540 * rows + 60) / 100), dpi=100)
    for i, n in enumerate(present):
        ax = fig.add_subplot(rows, 2, i + 1)
        ax.imshow(plt.imread(os.path.join(out, n)))
        ax.set_axis_off()
    save(fig, out, "benchmark-graphs.png")


def draw_all(doc, out):
    for chart in (spectrum, baseline_delta, mesh_size, by_hops, breakdown, throughput, resources, topology, flakes, trends):
        chart(doc, out)
    composite(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results")
    parser.add_argument("--out", default="/tmp/mpl-reference")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    with open(args.results) as f:
        doc = json.load(f)
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        draw_all(doc, args.out)
        times.append(time.perf_counter() - start)
    files = sorted(n for n in os.listdir(args.out) if n.endswith(".png"))
    print(f"matplotlib {matplotlib.__version__}: import {IMPORT_S:.3f} s, drawing best {min(times):.3f} s "
          f"(runs: {', '.join(f'{t:.3f}' for t in times)}), {len(files)} PNGs in {args.out}")


if __name__ == "__main__":
    main()
