import BenchFormats
import Units

/// Story 11.6 AC 1: the network diameter at 25 nodes is at most 5 hops (limit per mesh size in
/// `checks.max_diameter_hops`).
enum DiameterCheck {
    static let name = "diameter"

    static func run(_ c: CheckContext) -> [CheckResult] {
        let counters = c.run.counters.filter { $0.metric == "diameter" }
        guard !counters.isEmpty else { return [CheckContext.skipped(name, "no `diameter` counter in the run")] }
        return counters.map { d in
            guard let size = c.meshSize(of: d.scenario) else {
                return CheckResult(
                    name: name, scenario: d.scenario, status: .skipped, measured: Double(d.value), unit: "hops",
                    detail: "diameter \(d.value) hops, but the scenario's samples give no mesh_size to look up a limit")
            }
            guard let limit = c.limits.maxDiameterHops[String(size)] else {
                return CheckResult(
                    name: name, scenario: d.scenario, status: .skipped, measured: Double(d.value), unit: "hops",
                    detail: "diameter \(d.value) hops at \(size) nodes; thresholds.json sets no limit for \(size) nodes"
                )
            }
            let ok = d.value <= limit
            return CheckResult(
                name: name, scenario: d.scenario, status: ok ? .pass : .fail, measured: Double(d.value),
                limit: Double(limit), unit: "hops",
                detail: "diameter \(d.value) hops at \(size) nodes (limit ≤ \(limit))")
        }
    }
}

/// Story 11.6 AC 3: every event reaches every subscriber (100 % delivery).
enum DeliveryCheck {
    static let name = "delivery"

    static func run(_ c: CheckContext) -> [CheckResult] {
        let expected = c.run.counters.filter { $0.metric == "events_expected" }
        guard !expected.isEmpty else {
            return [CheckContext.skipped(name, "no `events_expected` / `events_delivered` counters in the run")]
        }
        return expected.map { e in
            guard let d = c.counter(e.scenario, "events_delivered") else {
                return CheckResult(
                    name: name, scenario: e.scenario, status: .skipped,
                    detail: "`events_expected` without `events_delivered`")
            }
            let pct = e.value > 0 ? 100 * Double(d.value) / Double(e.value) : 100
            return CheckResult(
                name: name, scenario: e.scenario, status: d.value >= e.value ? .pass : .fail,
                measured: pct, limit: 100, unit: "%",
                detail: "\(d.value) of \(e.value) expected deliveries (\(NumberText.short(pct)) %)"
                    + (d.value < e.value ? "; \(e.value - d.value) lost" : ""))
        }
    }
}

/// Story 11.6 AC 3: no backpressure — queue depth stays below 1,000 events.
enum QueueDepthCheck {
    static let name = "queue_depth"

    static func run(_ c: CheckContext) -> [CheckResult] {
        var maxima: [(scenario: String, value: Double, source: String)] = []
        for s in c.run.series where s.metric == "queue_depth" {
            if let m = s.values.max() {
                maxima.append((s.scenario, m, "series" + (s.node.map { " of node \($0)" } ?? "")))
            }
        }
        for k in c.run.counters where k.metric == "queue_depth" {
            maxima.append((k.scenario, Double(k.value), "counter"))
        }
        guard !maxima.isEmpty else {
            return [CheckContext.skipped(name, "no `queue_depth` series or counter in the run")]
        }
        var worst: [String: (value: Double, source: String)] = [:]
        for m in maxima where m.value > (worst[m.scenario]?.value ?? -.infinity) {
            worst[m.scenario] = (m.value, m.source)
        }
        let limit = c.limits.queueDepthMax
        return worst.keys.sorted().map { scenario in
            let w = worst[scenario]!
            return CheckResult(
                name: name, scenario: scenario, status: w.value < limit ? .pass : .fail, measured: w.value,
                limit: limit, unit: "events",
                detail:
                    "maximum queue depth \(NumberText.short(w.value)) (\(w.source)); limit < \(NumberText.short(limit))"
            )
        }
    }
}

/// Story 11.6 AC 3: back to steady state within 60 s after a burst (measured by the scenario).
enum BurstRecoveryCheck {
    static let name = "burst_recovery"

    static func run(_ c: CheckContext) -> [CheckResult] {
        var found: [(scenario: String, seconds: Double)] = []
        for k in c.run.counters where k.metric == "burst_recovery" {
            if let s = seconds(Double(k.value), k.unit) { found.append((k.scenario, s)) }
        }
        for m in c.metrics where m.metric == "burst_recovery" {
            if let s = seconds(m.max, m.unit) { found.append((m.scenario, s)) }
        }
        guard !found.isEmpty else {
            return [CheckContext.skipped(name, "no `burst_recovery` measurement (s or ms) in the run")]
        }
        let limit = c.limits.burstRecoveryS
        return found.map { f in
            CheckResult(
                name: name, scenario: f.scenario, status: f.seconds <= limit ? .pass : .fail, measured: f.seconds,
                limit: limit, unit: "s",
                detail:
                    "recovered to steady state \(NumberText.short(f.seconds)) s after the burst (limit ≤ \(NumberText.short(limit)) s)"
            )
        }
    }

    static func seconds(_ v: Double, _ unit: String) -> Double? {
        switch unit {
        case "s": v
        case "ms": v / 1000
        default: nil
        }
    }
}
