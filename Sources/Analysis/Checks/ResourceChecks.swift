import BenchFormats
import Statistics
import Units

/// Story 11.6 AC 6: a memory leak is growth above 10 % per 10 minutes. The growth rate is the
/// OLS slope of the full (not downsampled) series after its warm-up, expressed over
/// `leak_window_s` relative to the fitted value where the fit starts, with the slope's 95 % CI.
/// FAIL when above the limit and the slope is significant; WARN when above the limit but not
/// significant. Allocator pools and database caches fill during the first minutes of any run, so
/// the first `warmUpFraction` of the series is left out, and a series that covers less than half
/// the window afterwards is not judged: a minute of warm-up growth extrapolated to ten minutes
/// is not a leak (a 59 s run read as +654 % per 10 min).
///
/// With a process per node (`node_…` memory series in the scenario) the mesh's memory is the
/// nodes'; the `process_…` series are then the driving `bench`, whose memory holds the run's own
/// measurements (every per-second resource series until the scenario ends: about 2 KB/s for 10
/// nodes), so they are fitted and shown, not judged.
///
/// A scenario whose nodes hold bounded caches that take longer than that to fill declares their
/// fill time as the counter `memory_warm_up` (s); the warm-up is then the longer of the two. The
/// soak's nodes remember event ids for their dedup window (ttl × Prepare expiry, 270 s for its
/// 10 nodes): until it is full, the set grows by design, and afterwards it is level.
enum LeakCheck {
    static let name = "leak"
    static let warmUpFraction = 0.2
    static let warmUpCounter = "memory_warm_up"
    static let driverNote =
        "not judged (the driving bench, not a node: with a process per node the mesh's memory is judged on the node_… series): "

    static func run(_ c: CheckContext) -> [CheckResult] {
        let series = c.run.series.filter { MemorySeries.isProcessMemory($0) && $0.values.count >= 3 }
        guard !series.isEmpty else {
            return [CheckContext.skipped(name, "no memory series (e.g. `rss` in MB) with 3 or more points")]
        }
        let window = c.limits.leakWindowS
        let limit = c.limits.leakGrowthPct
        let perNodeProcesses = Set(series.filter { $0.metric.hasPrefix("node_") }.map(\.scenario))
        return series.map { s in
            let who = "\(s.metric)" + (s.node.map { " of node \($0)" } ?? "")
            let driver = s.metric.hasPrefix("process_") && perNodeProcesses.contains(s.scenario)
            let first = s.t.min()!, last = s.t.max()!
            let declared = c.counter(s.scenario, warmUpCounter).map { Double($0.value) } ?? 0
            let warmUpEnd = first + max(warmUpFraction * (last - first), declared)
            let warmUpText =
                declared > warmUpFraction * (last - first)
                ? "the scenario's \(NumberText.short(declared)) s for its bounded caches to fill"
                : "first \(NumberText.short(100 * warmUpFraction)) %"
            let kept = zip(s.t, s.values).filter { $0.0 >= warmUpEnd }
            let span = last - warmUpEnd
            guard span >= window / 2 else {
                return CheckResult(
                    name: name, scenario: s.scenario, status: .skipped,
                    detail:
                        "\(who): \(NumberText.short(last - first)) s of data, \(NumberText.short(span)) s after the warm-up "
                        + "(\(warmUpText)); a leak verdict needs at least "
                        + "\(NumberText.short(window / 2)) s: run the long scenario (bench --duration 10m)")
            }
            guard kept.count >= 3, let fit = try? LinearRegression(x: kept.map(\.0), y: kept.map(\.1)) else {
                return CheckResult(
                    name: name, scenario: s.scenario, status: .skipped,
                    detail: "\(who): too few samples after the warm-up")
            }
            let start = fit.predict(warmUpEnd)
            guard start > 0 else {
                return CheckResult(
                    name: name, scenario: s.scenario, status: .skipped,
                    detail: "\(who): fitted start value is not positive")
            }
            let pct = { (slope: Double) in 100 * slope * window / start }
            let growth = pct(fit.slope)
            let significant = fit.slopePValue < c.thresholds.alpha
            let status: CheckStatus = driver ? .skipped : growth > limit ? (significant ? .fail : .warn) : .pass
            let detail =
                (driver ? driverNote : "")
                + "\(who): \(NumberText.short(growth)) % per \(NumberText.short(window / 60)) min "
                + "(95 % CI \(NumberText.short(pct(fit.slopeInterval.lower)))…\(NumberText.short(pct(fit.slopeInterval.upper))) %, "
                + "slope p = \(ChangeRule.formatP(fit.slopePValue)), R² = \(NumberText.short(fit.rSquared))) from \(NumberText.short(span)) s after the warm-up"
                + (span < window ? ", extrapolated to the window" : "") + "; limit \(NumberText.short(limit)) %"
            return CheckResult(
                name: name, scenario: s.scenario, status: status, measured: growth, limit: limit,
                unit: "%/\(NumberText.short(window)) s", detail: detail)
        }
    }
}

/// Story 11.6 AC 6: CPU saturation is usage above 80 % sustained for a minute: the longest
/// stretch of consecutive points above the limit, from its first to its last point. A capacity
/// scenario (one that records the machine's `ceiling`: it ramps the load until the mesh no longer
/// keeps up) is meant to saturate the machine: its saturation is reported, never failed.
enum CPUSaturationCheck {
    static let name = "cpu_saturation"

    static func run(_ c: CheckContext) -> [CheckResult] {
        let series = c.run.series.filter {
            $0.unit == "%" && $0.metric.lowercased().contains("cpu") && !$0.values.isEmpty
        }
        guard !series.isEmpty else { return [CheckContext.skipped(name, "no CPU series (unit %) in the run")] }
        let level = c.limits.cpuSaturationPct
        let window = c.limits.cpuSaturationWindowS
        return series.map { s in
            var longest = 0.0
            var start: Double?
            for (t, v) in zip(s.t, s.values) {
                if v > level {
                    if start == nil { start = t }
                    longest = max(longest, t - start!)
                } else {
                    start = nil
                }
            }
            let who = "\(s.metric)" + (s.node.map { " of node \($0)" } ?? "")
            let saturated = longest >= window
            let capacity = c.isCapacityScenario(s.scenario)
            let expected =
                saturated && capacity
                ? ": expected, a capacity scenario ramps the load until the machine or the mesh gives out" : ""
            return CheckResult(
                name: name, scenario: s.scenario, status: saturated && !capacity ? .fail : .pass, measured: longest,
                limit: window, unit: "s",
                detail:
                    "\(who): longest stretch above \(NumberText.short(level)) % lasted \(NumberText.short(longest)) s (saturation at ≥ \(NumberText.short(window)) s)"
                    + expected)
        }
    }
}

/// Story 11.6 AC 6: OOM risk is memory above 90 % of what the host has (`host.memory_mb`).
enum OOMRiskCheck {
    static let name = "oom_risk"

    static func run(_ c: CheckContext) -> [CheckResult] {
        let available = Double(c.run.header.host.memoryMB)
        let series = c.run.series.filter { MemorySeries.isProcessMemory($0) && !$0.values.isEmpty }
        guard !series.isEmpty, available > 0 else {
            return [
                CheckContext.skipped(
                    name, available > 0 ? "no memory series in the run" : "the run header gives no host memory")
            ]
        }
        let limit = c.limits.oomRiskPct
        return series.map { s in
            let peak = MemoryUnit.megabytes(s.values.max()!, unit: s.unit)!
            let pct = 100 * peak / available
            let who = "\(s.metric)" + (s.node.map { " of node \($0)" } ?? "")
            return CheckResult(
                name: name, scenario: s.scenario, status: pct > limit ? .fail : .pass, measured: pct, limit: limit,
                unit: "%",
                detail:
                    "\(who): peak \(NumberText.short(peak)) MB = \(NumberText.short(pct)) % of the host's \(NumberText.short(available)) MB (risk above \(NumberText.short(limit)) %)"
            )
        }
    }
}
