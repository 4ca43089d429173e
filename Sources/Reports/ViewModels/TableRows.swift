import Foundation
import BenchFormats

/// Rows of the report's tables, every untrusted string escaped, every number through `ValueText`.
public struct SLARow: Sendable {
    public let scenario, metric, limit, measured, status: String
    let ok: Bool
}

/// A capacity scenario's knee beside the machine's ceiling for its mesh size, and the CPU its mesh
/// spent per event at the knee beside the floor's (what every node must spend on an event).
public struct CapacityRow: Sendable {
    public let scenario, nodes, knee, ceiling, efficiency, cpuPerEvent, floorPerEvent: String
}

public struct LatencyRow: Sendable {
    public let scenario, metric, n, p50, p90, p95, p99, p999, max: String
}

/// One phase of one scenario's relay pipeline (`phase.<name>` metrics), as drawn in
/// latency-breakdown.png: its mean and its share of the scenario's summed phase means.
public struct PhaseRow: Sendable {
    public let scenario, phase, n, mean, share, p50, p95, p99: String
}

public struct OtherMetricRow: Sendable {
    public let scenario, metric, n, mean, p50, p95, max: String
}

public struct CheckRow: Sendable {
    public let name, scenario, status, detail: String
}

public struct OutcomeRow: Sendable {
    public let test, attempts, failures, flakeRate, status: String
}

public struct ImageView: Sendable {
    public let file, title, alt: String
}

public struct MissingChartView: Sendable {
    public let file, reason: String
}

enum TableRows {
    /// A missed limit that lies above the machine's ceiling for the scenario's mesh size (the
    /// capacity scenarios measure it) says so with the figure: no mesh could meet it here.
    static func sla(_ results: LoadedResults) -> [SLARow] {
        let text = ValueText(markdown: true)
        return results.metrics.flatMap { metric in
            (metric.sla ?? []).map { sla in
                var status = sla.ok ? "✅ met" : "❌ missed"
                if !sla.ok, sla.op == .above || sla.op == .atLeast,
                    let ceiling = ceiling(of: metric.scenario, in: results), sla.limit > ceiling
                {
                    status += ": above this machine's ceiling of \(text.value(ceiling, unit: metric.unit))"
                }
                return SLARow(
                    scenario: MarkdownEscaping.text(metric.scenario), metric: MarkdownEscaping.text(metric.metric),
                    limit: MarkdownEscaping.text(
                        "\(sla.stat.rawValue) \(sla.op.rawValue) \(text.value(sla.limit, unit: metric.unit))"),
                    measured: text.value(sla.measured, unit: metric.unit), status: status, ok: sla.ok)
            }
        }.sorted { ($0.ok ? 1 : 0, $0.scenario, $0.metric) < ($1.ok ? 1 : 0, $1.scenario, $1.metric) }
    }

    static func latency(_ results: LoadedResults) -> [LatencyRow] {
        let text = ValueText(markdown: true)
        return results.metrics.filter { ValueText.isDuration($0.unit) && !LatencyBreakdownChart.isPhase($0) }.map { m in
            // The CI shares the row's display unit, so "1.85 ms (1.67 ms – 2.23 ms)" never mixes µs and ms.
            let ci = m.ci.p95.map { [$0.low, $0.high] } ?? []
            var cells = text.values([m.p50, m.p90, m.p95, m.p99, m.p999, m.max] + ci, unit: m.unit)
            if ci.count == 2 { cells[2] += " (\(cells[6]) – \(cells[7]))" }
            return LatencyRow(
                scenario: MarkdownEscaping.text(m.scenario), metric: MarkdownEscaping.text(m.metric),
                n: text.count(m.n), p50: cells[0], p90: cells[1], p95: cells[2],
                p99: cells[3], p999: cells[4], max: cells[5])
        }
    }

    /// Phase timings in pipeline order per scenario (the chart's order).
    static func phases(_ results: LoadedResults) -> [PhaseRow] {
        let text = ValueText(markdown: true)
        let phases = results.metrics.filter(LatencyBreakdownChart.isPhase)
        var scenarios: [String] = []
        for m in phases where !scenarios.contains(m.scenario) { scenarios.append(m.scenario) }
        return scenarios.flatMap { scenario -> [PhaseRow] in
            let own = phases.filter { $0.scenario == scenario }.sorted {
                let order = LatencyBreakdownChart.pipelineOrder
                return (order.firstIndex(of: LatencyBreakdownChart.phaseName($0)) ?? order.count)
                    < (order.firstIndex(of: LatencyBreakdownChart.phaseName($1)) ?? order.count)
            }
            let total = own.reduce(0) { $0 + $1.mean * LatencySpectrumChart.toBase($1.unit) }
            return own.map { m in
                // Each cell in its own best unit: phases span µs to ms, and "0.0767 ms" reads worse than "76.7 µs".
                let cells = [m.mean, m.p50, m.p95, m.p99].map { text.value($0, unit: m.unit) }
                let share = total > 0 ? 100 * m.mean * LatencySpectrumChart.toBase(m.unit) / total : 0
                return PhaseRow(
                    scenario: MarkdownEscaping.text(scenario),
                    phase: MarkdownEscaping.text(LatencyBreakdownChart.phaseName(m)),
                    n: text.count(m.n), mean: cells[0], share: String(format: "%.0f %%", share),
                    p50: cells[1], p95: cells[2], p99: cells[3])
            }
        }
    }

    static func other(_ results: LoadedResults) -> [OtherMetricRow] {
        let text = ValueText(markdown: true)
        return results.metrics.filter { !ValueText.isDuration($0.unit) }.map { m in
            let cells = text.values([m.mean, m.p50, m.p95, m.max], unit: m.unit)
            return OtherMetricRow(
                scenario: MarkdownEscaping.text(m.scenario), metric: MarkdownEscaping.text(m.metric),
                n: text.count(m.n), mean: cells[0], p50: cells[1], p95: cells[2], max: cells[3])
        }
    }

    static func checks(_ results: LoadedResults) -> [CheckRow] {
        results.checks.map { check in
            let status: String
            switch check.status {
            case .pass: status = "✅ pass"
            case .warn: status = "⚠️ warn"
            case .fail: status = "❌ fail"
            case .skipped: status = "skipped"
            }
            return CheckRow(
                name: MarkdownEscaping.text(check.name), scenario: MarkdownEscaping.text(check.scenario),
                status: status, detail: MarkdownEscaping.text(check.detail))
        }
    }

    /// This run's attempts joined with the flake history, by test name.
    static func outcomes(_ results: LoadedResults) -> [OutcomeRow] {
        let flakes = Dictionary(results.flakes.map { ($0.test, $0) }, uniquingKeysWith: { first, _ in first })
        let text = ValueText(markdown: true)
        var rows: [OutcomeRow] = []
        var seen: Set<String> = []
        for outcome in results.outcomes.sorted(by: { $0.test < $1.test }) {
            seen.insert(outcome.test)
            let flake = flakes[outcome.test]
            let status = outcome.status == .fail ? "❌ failed" : (outcome.flaky ? "⚠️ passed on retry" : "✅ passed")
            rows.append(
                OutcomeRow(
                    test: MarkdownEscaping.text(outcome.test), attempts: "\(outcome.attempts)",
                    failures: "\(outcome.attempts - (outcome.status == .pass ? 1 : 0))",
                    flakeRate: flake.map { text.value($0.flakeRate * 100, unit: "%") } ?? "–",
                    status: status + (flake?.quarantined == true ? ", quarantined" : "")))
        }
        for flake in results.flakes.sorted(by: { $0.test < $1.test }) where !seen.contains(flake.test) {
            rows.append(
                OutcomeRow(
                    test: MarkdownEscaping.text(flake.test), attempts: "–",
                    failures: "\(flake.failures) in \(flake.runs) runs",
                    flakeRate: text.value(flake.flakeRate * 100, unit: "%"),
                    status: flake.quarantined ? "quarantined (not run)" : "not run"))
        }
        return rows
    }

    static func outcomeSummary(_ results: LoadedResults) -> String {
        let total = results.outcomes.count
        let failed = results.outcomes.filter { $0.status == .fail }.count
        let flaky = results.outcomes.filter { $0.flaky && $0.status == .pass }.count
        let over = results.flakes.filter { $0.flakeRate > 0.05 }.count
        var text =
            "\(total) tests: \(total - failed - flaky) passed first time, \(flaky) passed on retry (flaky), \(failed) failed."
        if !results.flakes.isEmpty {
            text +=
                " Over the flake history, \(VerdictView.plural(over, "test is", "tests are")) above the 5 % flake-rate limit."
        }
        return text
    }

    /// Every scenario that measured the machine's ceiling, with its knee (`throughput`), the
    /// knee's share of the ceiling, the mesh's CPU per event at the knee and the floor's
    /// ((verify + insert) × nodes); "–" where the ramp found no knee or a figure is missing.
    static func capacity(_ results: LoadedResults) -> [CapacityRow] {
        let text = ValueText(markdown: true)
        return results.metrics.filter { $0.metric == "ceiling" }.map { ceiling in
            func mean(_ metric: String) -> Double? {
                results.metrics.first { $0.scenario == ceiling.scenario && $0.metric == metric }?.mean
            }
            let knee = mean("throughput")
            var floor: Double?
            if let verify = mean(CapacityMetrics.nodeEventVerify), let insert = mean(CapacityMetrics.nodeEventInsert),
                let nodes = ceiling.meshSize
            {
                floor = (verify + insert) * Double(nodes)
            }
            // One display unit for the pair, so the gap reads at a glance.
            let cpu = mean(CapacityMetrics.cpuPerEventAtKnee)
            let perEvent = text.values([cpu, floor].compactMap { $0 }, unit: "us")
            return CapacityRow(
                scenario: MarkdownEscaping.text(ceiling.scenario), nodes: ceiling.meshSize.map(String.init) ?? "–",
                knee: knee.map { text.value($0, unit: "events/s") } ?? "–",
                ceiling: text.value(ceiling.mean, unit: "events/s"),
                efficiency: knee.map { String(format: "%.0f %%", 100 * $0 / ceiling.mean) } ?? "–",
                cpuPerEvent: cpu == nil ? "–" : perEvent[0],
                floorPerEvent: floor == nil ? "–" : perEvent[perEvent.count - 1])
        }
    }

    /// The machine's ceiling (events/s) a capacity scenario measured for its mesh size.
    static func ceiling(of scenario: String, in results: LoadedResults) -> Double? {
        results.metrics.first { $0.scenario == scenario && $0.metric == "ceiling" }?.mean
    }
}
