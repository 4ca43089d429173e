/// The allowed range of every field of thresholds.json, checked when the file is read so an
/// out-of-range value (`alpha 7`, `noise_pct -5`, `retention_days -1`) is refused with the field
/// and its range named, instead of silently changing every verdict. docs/formats.md lists them.
extension Thresholds {
    /// The first field out of its range, as "field is value; allowed: range", or nil.
    public func outOfRange() -> String? {
        var problems = RangeCheck()
        problems.within("noise_pct", noisePct, 0, 100, "0 ≤ noise_pct < 100 (percent)", upperOpen: true)
        problems.within("alpha", alpha, 0, 1, "0 < alpha < 1", lowerOpen: true, upperOpen: true)
        for (cls, limits) in regression.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let path = "regression.\(cls.rawValue)"
            if let w = limits.warnPct {
                problems.within("\(path).warn_pct", w, 0, 1e6, "0 < warn_pct ≤ 1,000,000 (percent)", lowerOpen: true)
            }
            if let f = limits.failPct {
                problems.within("\(path).fail_pct", f, 0, 1e6, "0 < fail_pct ≤ 1,000,000 (percent)", lowerOpen: true)
            }
            if let w = limits.warnPct, let f = limits.failPct, w > f {
                problems.add("\(path): warn_pct \(w) is above fail_pct \(f); allowed: warn_pct ≤ fail_pct")
            }
        }
        for (index, sla) in slas.enumerated() {
            problems.within("slas[\(index)].limit", sla.limit, -1e300, 1e300, "a finite number")
            if let size = sla.meshSize, size < 1 {
                problems.add("slas[\(index)].mesh_size is \(size); allowed: mesh_size ≥ 1")
            }
            if sla.unit.isEmpty { problems.add("slas[\(index)].unit is empty; allowed: a unit such as \"ms\"") }
        }
        let c = checks
        problems.within(
            "checks.burst_recovery_s", c.burstRecoveryS, 0, 1e9, "0 < burst_recovery_s ≤ 1e9 (seconds)", lowerOpen: true
        )
        problems.within(
            "checks.burst_rate_events_per_s", c.burstRateEventsPerS, 0, 1e12, "0 < burst_rate_events_per_s ≤ 1e12",
            lowerOpen: true)
        problems.within(
            "checks.burst_duration_s", c.burstDurationS, 0, 1e9, "0 < burst_duration_s ≤ 1e9 (seconds)", lowerOpen: true
        )
        problems.within(
            "checks.queue_depth_max", c.queueDepthMax, 0, 9_007_199_254_740_992, "0 ≤ queue_depth_max ≤ 2^53 (events)")
        problems.within(
            "checks.leak_growth_pct", c.leakGrowthPct, 0, 1e6, "0 < leak_growth_pct ≤ 1,000,000 (percent)",
            lowerOpen: true)
        problems.within(
            "checks.leak_window_s", c.leakWindowS, 0, 1e9, "0 < leak_window_s ≤ 1e9 (seconds)", lowerOpen: true)
        problems.within(
            "checks.cpu_saturation_pct", c.cpuSaturationPct, 0, 100, "0 < cpu_saturation_pct ≤ 100 (percent)",
            lowerOpen: true)
        problems.within(
            "checks.cpu_saturation_window_s", c.cpuSaturationWindowS, 0, 1e9,
            "0 < cpu_saturation_window_s ≤ 1e9 (seconds)", lowerOpen: true)
        problems.within(
            "checks.oom_risk_pct", c.oomRiskPct, 0, 100, "0 < oom_risk_pct ≤ 100 (percent)", lowerOpen: true)
        problems.within("checks.straggler_ms", c.stragglerMS, 0, 1e12, "0 < straggler_ms ≤ 1e12", lowerOpen: true)
        problems.within("checks.packet_loss_pct", c.packetLossPct, 0, 100, "0 ≤ packet_loss_pct ≤ 100 (percent)")
        for (size, hops) in c.maxDiameterHops.sorted(by: { $0.key < $1.key }) {
            if Int(size).map({ $0 < 1 }) ?? true {
                problems.add("checks.max_diameter_hops key \"\(size)\" is not a mesh size; allowed: whole numbers ≥ 1")
            }
            if hops < 0 { problems.add("checks.max_diameter_hops[\"\(size)\"] is \(hops); allowed: ≥ 0 hops") }
        }
        problems.within("flakes.max_rate_pct", flakes.maxRatePct, 0, 100, "0 ≤ max_rate_pct ≤ 100 (percent)")
        if flakes.minRuns < 1 { problems.add("flakes.min_runs is \(flakes.minRuns); allowed: min_runs ≥ 1") }
        if !(0...10).contains(flakes.retries) {
            problems.add("flakes.retries is \(flakes.retries); allowed: 0 ≤ retries ≤ 10")
        }
        if !(1...36_500).contains(retentionDays) {
            problems.add("retention_days is \(retentionDays); allowed: 1 ≤ retention_days ≤ 36,500")
        }
        if !(1...36_500).contains(trendWindowDays) {
            problems.add("trend_window_days is \(trendWindowDays); allowed: 1 ≤ trend_window_days ≤ 36,500")
        }
        return problems.first
    }
}

/// Collects the first out-of-range field.
private struct RangeCheck {
    private(set) var first: String?

    mutating func add(_ problem: String) {
        if first == nil { first = problem }
    }

    /// `value` must be finite and within `low…high` (each end open or closed).
    mutating func within(
        _ field: String, _ value: Double, _ low: Double, _ high: Double, _ allowed: String,
        lowerOpen: Bool = false, upperOpen: Bool = false
    ) {
        let aboveLow = lowerOpen ? value > low : value >= low
        let belowHigh = upperOpen ? value < high : value <= high
        guard !(value.isFinite && aboveLow && belowHigh) else { return }
        add("\(field) is \(value); allowed: \(allowed)")
    }
}
