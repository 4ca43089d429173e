import Analysis
import BenchFormats
import Foundation
import XCTest

/// Each structural check on constructed data on both sides of its limit, and `skipped` without data.
final class MeshChecksTests: XCTestCase {
    func checks(_ records: [SampleRecord]) throws -> [CheckResult] {
        try Fixture.analyze(records, baseline: nil).checks
    }

    func only(_ name: String, _ records: [SampleRecord]) throws -> [CheckResult] {
        try checks(records).filter { $0.name == name }
    }

    func series(_ metric: String, unit: String, t: [Double], values: [Double]) -> SampleRecord {
        .series(Series(scenario: "tier3.soak", metric: metric, unit: unit, node: 0, t: t, values: values))
    }

    func counter(
        _ metric: String, _ value: Int64, unit: String = "events", scenario: String = "tier3.mesh-25"
    ) -> SampleRecord {
        .counter(CounterRecord(scenario: scenario, metric: metric, unit: unit, value: value))
    }

    func testEveryCheckIsSkippedWithAReasonWhenItsDataIsAbsent() throws {
        let results = try checks([Fixture.latency([1, 2, 3])])
        XCTAssertEqual(
            Set(results.map(\.name)),
            [
                "hop_linearity", "scaling", "diameter", "delivery", "queue_depth",
                "burst_recovery", "leak", "cpu_saturation", "oom_risk",
            ])
        for r in results {
            XCTAssertEqual(r.status, .skipped, r.name)
            XCTAssertFalse(r.detail.isEmpty)
        }
    }

    func testLinearHopLatencyPassesAndExponentialWarns() throws {
        let hops = (1...5).flatMap { Array(repeating: $0, count: 9) }
        let linear = hops.enumerated().map { 10.0 * Double($1) + Double($0 % 3) }
        let pass = try only("hop_linearity", [Fixture.latency(linear, hops: hops)])
        XCTAssertEqual(pass.first?.status, .pass, pass.first?.detail ?? "")
        XCTAssertTrue(pass.first!.detail.contains("linear growth is not rejected"), pass.first!.detail)
        // Per-hop medians 16, 46, 136, 406, 1216: J-test θ = 1.019, p = 5.3e-6 (numpy lstsq on
        // [1, h, exp fit], 2 df): the exponential's bend is far outside the scatter.
        let exponential = hops.enumerated().map { 5 * pow(3.0, Double($1)) + Double($0 % 3) }
        let warn = try only("hop_linearity", [Fixture.latency(exponential, hops: hops)])
        XCTAssertEqual(warn.first?.status, .warn, warn.first?.detail ?? "")
        XCTAssertTrue(warn.first!.detail.contains("grows faster than linearly"), warn.first!.detail)
    }

    /// Issue 10: a 10-node mesh with `--process-per-node` had per-hop p50 0.47 / 0.95 / 1.26 /
    /// 1.95 ms, plainly linear, and was warned "exponential". J-test against the exponential:
    /// θ = 0.5249, p = 0.4866 with 1 df (numpy lstsq on [1, h, exp fit]): not significant.
    func testIssueTenHopMediansAreNotCalledExponential() throws {
        let medians = [0.47, 0.95, 1.26, 1.95]
        let hops = (1...4).flatMap { Array(repeating: $0, count: 5) }
        let values = hops.map { medians[$0 - 1] }
        let check = try XCTUnwrap(try only("hop_linearity", [Fixture.latency(values, hops: hops)]).first)
        XCTAssertEqual(check.status, .pass, check.detail)
        XCTAssertTrue(check.detail.contains("p = 0.4866"), check.detail)
        XCTAssertTrue(check.detail.contains("linear growth is not rejected"), check.detail)
    }

    func mesh(_ size: Int, _ p: Double) -> SampleRecord {
        .samples(
            SamplesBlock(
                scenario: "tier3.mesh-\(size)", metric: "latency", unit: "ms", better: .lower,
                values: Array(repeating: p, count: 20), meshSize: size))
    }

    func testExponentialGrowthWithMeshSizeWarnsButNeverFails() throws {
        let linear = try only("scaling", [10, 25, 50, 100].map { mesh($0, 40 + 9 * Double($0)) })
        XCTAssertEqual(linear.first?.status, .pass, linear.first?.detail ?? "")
        XCTAssertTrue(linear.first!.detail.contains("scaling exponent"))
        // 20·e^{N/15} at 10, 25, 50, 100 nodes: J-test p = 4.5e-6 (1 df), and p95 grew ×403 for ×10 nodes.
        let blowUp = try only("scaling", [10, 25, 50, 100].map { mesh($0, 20 * exp(Double($0) / 15)) })
        XCTAssertEqual(blowUp.first?.status, .warn, blowUp.first?.detail ?? "")
        XCTAssertTrue(blowUp.first!.detail.contains("possible blow-up"), blowUp.first!.detail)
        // Measured on tier 3 (2026-11-29): an exponential curve fits both of these a little
        // better than a straight line; three sizes cannot decide a shape, so neither is flagged.
        for (name, values) in [("under load", [346.2, 469.6, 910.0]), ("phase", [23.65, 22.2, 21.77])] {
            let slow = try only("scaling", zip([25, 50, 100], values).map { mesh($0, $1) }).first
            XCTAssertEqual(slow?.status, .pass, "\(name): \(slow?.detail ?? "")")
            XCTAssertTrue(slow!.detail.contains("cannot be told apart"), slow!.detail)
        }
    }

    /// Issue 10: 4.4 / 8.1 / 34.4 ms at 25 / 50 / 100 nodes on a saturated 2-core machine was
    /// called an "exponential blow-up" and failed. Three sizes leave no degree of freedom to
    /// judge a bend, so the check passes and says so, with the exponent it measured.
    func testIssueTenSaturatedMeshIsNotAnExponentialFailure() throws {
        let check = try XCTUnwrap(
            try only("scaling", zip([25, 50, 100], [4.4, 8.1, 34.4]).map { mesh($0, $1) }).first)
        XCTAssertEqual(check.status, .pass, check.detail)
        XCTAssertTrue(check.detail.contains("cannot be told apart"), check.detail)
        // Power law on log–log: k = slope of log p95 on log N (numpy.polyfit) = 1.48341657.
        XCTAssertEqual(try XCTUnwrap(check.measured), 1.48341657, accuracy: 1e-7)
    }

    /// Latency under a capacity load (`load_…`) is the machine's, not the mesh's: not judged.
    /// With the machine's floor measured, the detail gives each size's floor and p95 as a
    /// multiple of it: 25 × (40 + 30) µs ÷ 2 cores = 0.875 ms, 50: 1.75 ms, 100: 3.5 ms, and
    /// 4.4 / 0.875 = ×5.029, 8.1 / 1.75 = ×4.629, 34.4 / 3.5 = ×9.829. The floor's own metrics
    /// are the machine's and not judged either.
    func testScalingLeavesLatencyUnderLoadOutAndStatesTheMachinesFloor() throws {
        var records: [SampleRecord] = []
        for (size, p95) in zip([25, 50, 100], [4.4, 8.1, 34.4]) {
            let scenario = "tier3.mesh-\(size)"
            records.append(mesh(size, p95))
            records.append(
                .samples(
                    SamplesBlock(
                        scenario: scenario, metric: "load_latency_at_knee", unit: "ms", better: .lower,
                        values: Array(repeating: 400 * Double(size), count: 20), meshSize: size)))
            for (metric, value) in [("node_event_verify", 40.0), ("node_event_insert", 30.0)] {
                records.append(
                    .samples(
                        SamplesBlock(
                            scenario: scenario, metric: metric, unit: "us", better: .lower,
                            values: [value], meshSize: size)))
            }
            records.append(counter("cores", 2, unit: "cores", scenario: scenario))
        }
        let results = try only("scaling", records)
        XCTAssertEqual(results.count, 1, "only the light-load latency: \(results.map(\.detail))")
        let check = try XCTUnwrap(results.first)
        XCTAssertTrue(check.detail.hasPrefix("latency p95 by mesh size"), check.detail)
        XCTAssertTrue(
            check.detail.hasSuffix(
                "; the machine's floor for one event's work (nodes × (verification + store insert) ÷ cores) "
                    + "25: 0.875 ms, 50: 1.75 ms, 100: 3.5 ms, p95 25: ×5.029, 50: ×4.629, 100: ×9.829 of it"),
            check.detail)
    }

    func testDiameterAt25NodesMustBeAtMostFive() throws {
        let samples = SampleRecord.samples(
            SamplesBlock(
                scenario: "tier3.mesh-25", metric: "latency", unit: "ms", better: .lower,
                values: [1, 2], meshSize: 25))
        XCTAssertEqual(try only("diameter", [samples, counter("diameter", 5, unit: "hops")]).first?.status, .pass)
        let six = try only("diameter", [samples, counter("diameter", 6, unit: "hops")]).first
        XCTAssertEqual(six?.status, .fail)
        XCTAssertEqual(six?.limit, 5)
    }

    func testDeliveryMustBeComplete() throws {
        XCTAssertEqual(
            try only("delivery", [counter("events_expected", 100), counter("events_delivered", 100)]).first?.status,
            .pass)
        let lost = try only("delivery", [counter("events_expected", 100), counter("events_delivered", 99)]).first
        XCTAssertEqual(lost?.status, .fail)
        XCTAssertTrue(lost!.detail.contains("1 lost"))
    }

    func testQueueDepthMustStayBelowLimit() throws {
        let t = (0..<10).map(Double.init)
        XCTAssertEqual(
            try only("queue_depth", [series("queue_depth", unit: "events", t: t, values: t.map { $0 * 99 })]).first?
                .status, .pass)
        XCTAssertEqual(
            try only("queue_depth", [series("queue_depth", unit: "events", t: t, values: t.map { $0 * 120 })]).first?
                .status, .fail)
    }

    /// A capacity scenario's queue series include the overload beyond its knee: its counter
    /// (the deepest queue up to the knee) is judged instead.
    func testACapacityScenarioIsJudgedOnItsQueueUpToTheKnee() throws {
        let t = [0.0, 1, 2]
        let overload = SampleRecord.series(
            Series(
                scenario: "tier2.cap", metric: "queue_depth", unit: "frames", node: 3, t: t,
                values: [0, 10, 2_400]))
        let ceiling = SampleRecord.samples(
            SamplesBlock(
                scenario: "tier2.cap", metric: "ceiling", unit: "events/s",
                better: .higher, values: [2_000], meshSize: 10))
        let check = try XCTUnwrap(
            try only(
                "queue_depth", [overload, ceiling, counter("queue_depth", 12, unit: "frames", scenario: "tier2.cap")]
            ).first)
        XCTAssertEqual(check.status, .pass, check.detail)
        XCTAssertEqual(check.detail, "maximum queue depth 12 (counter); limit < 1000")
        let plain = try XCTUnwrap(
            try only("queue_depth", [overload, counter("queue_depth", 12, unit: "frames", scenario: "tier2.cap")]).first
        )
        XCTAssertEqual(plain.status, .fail, "without a ceiling the series counts: \(plain.detail)")
    }

    func testBurstRecoveryWithinSixtySeconds() throws {
        XCTAssertEqual(try only("burst_recovery", [counter("burst_recovery", 45, unit: "s")]).first?.status, .pass)
        XCTAssertEqual(try only("burst_recovery", [counter("burst_recovery", 70_000, unit: "ms")]).first?.status, .fail)
    }

    func testLeakIsGrowthAboveTenPercentPerTenMinutes() throws {
        let t = (0..<121).map { Double($0) * 5 }
        // 100 MB + 0.02 MB/s → 12 MB per 600 s = 12 % of the start value (with a small wobble).
        let leaking: [Double] = t.enumerated().map { (i: Int, time: Double) -> Double in
            let wobble: Double = i % 2 == 0 ? 0.05 : -0.05
            return 100 + 0.02 * time + wobble
        }
        let leak = try only("leak", [series("rss", unit: "MB", t: t, values: leaking)]).first
        XCTAssertEqual(leak?.status, .fail, leak?.detail ?? "")
        // The fit starts after the warm-up (the first 20 %, t = 120 s), where the value is
        // 100 + 0.02 · 120 = 102.4 MB: 0.02 MB/s · 600 s / 102.4 MB = 11.71875 %.
        XCTAssertEqual(leak!.measured!, 11.71875, accuracy: 0.05)
        XCTAssertTrue(leak!.detail.contains("95 % CI"))
        let flat: [Double] = t.indices.map { i -> Double in i % 2 == 0 ? 100.5 : 99.5 }
        XCTAssertEqual(try only("leak", [series("rss", unit: "MB", t: t, values: flat)]).first?.status, .pass)
    }

    /// With a process per node the nodes' memory is judged; the driving bench's `process_…`
    /// series (its memory holds the run's measurements) are fitted and shown, not judged.
    func testWithAProcessPerNodeTheNodesAreJudgedNotTheDriver() throws {
        let t = (0..<121).map { Double($0) * 5 }
        let leaking = t.map { 100 + 0.02 * $0 }
        let flat: [Double] = t.indices.map { i -> Double in i % 2 == 0 ? 45.5 : 44.5 }
        let results = try only(
            "leak",
            [
                series("process_rss", unit: "MB", t: t, values: leaking),
                series("node_rss", unit: "MB", t: t, values: flat),
            ])
        let driver = try XCTUnwrap(results.first { $0.detail.contains("process_rss") })
        XCTAssertEqual(driver.status, .skipped, driver.detail)
        XCTAssertTrue(driver.detail.hasPrefix("not judged (the driving bench, not a node"), driver.detail)
        // Still fitted: 0.02 MB/s · 600 s / 102.4 MB = 11.71875 %, exact for a straight line.
        XCTAssertEqual(try XCTUnwrap(driver.measured), 11.71875, accuracy: 1e-9)
        XCTAssertEqual(results.first { $0.detail.contains("node_rss") }?.status, .pass)
        // Without node series (every node in bench's process) bench's memory is the mesh's: judged.
        let inProcess = try only("leak", [series("process_rss", unit: "MB", t: t, values: leaking)]).first
        XCTAssertEqual(inProcess?.status, .fail, inProcess?.detail ?? "")
    }

    /// A bounded cache that fills for 270 s (the soak's dedup window) and is level afterwards:
    /// with the 20 % warm-up (120 s) its filling reads as a leak; declared as the scenario's
    /// `memory_warm_up`, the fit starts at 270 s and sees the level part only.
    func testADeclaredWarmUpLeavesABoundedCachesFillingOut() throws {
        let t = (0..<601).map(Double.init)
        // 8 MB + 3 MB filling linearly over 270 s, then level (± 0.01 MB): fitted from 120 s, +15.3 %.
        let filling: [Double] = t.map {
            8 + 3 * min($0, 270) / 270 + ($0.truncatingRemainder(dividingBy: 2) == 0 ? 0.01 : -0.01)
        }
        let plain = try only("leak", [series("node_heap", unit: "MB", t: t, values: filling)]).first
        XCTAssertEqual(plain?.status, .fail, plain?.detail ?? "")
        XCTAssertEqual(try XCTUnwrap(plain?.measured), 15.314, accuracy: 0.001)  // OLS in Python
        let declared = try only(
            "leak",
            [
                series("node_heap", unit: "MB", t: t, values: filling),
                .counter(CounterRecord(scenario: "tier3.soak", metric: "memory_warm_up", unit: "s", value: 270)),
            ]
        ).first
        XCTAssertEqual(declared?.status, .pass, declared?.detail ?? "")
        XCTAssertEqual(try XCTUnwrap(declared?.measured), 0, accuracy: 0.05)
        XCTAssertTrue(declared!.detail.contains("from 330 s after the warm-up"), declared!.detail)
        // Too little left after a declared warm-up: not judged, and the detail says why.
        let short = Array(t.prefix(401))
        let skipped = try only(
            "leak",
            [
                series("node_heap", unit: "MB", t: short, values: Array(filling.prefix(401))),
                .counter(CounterRecord(scenario: "tier3.soak", metric: "memory_warm_up", unit: "s", value: 270)),
            ]
        ).first
        XCTAssertEqual(skipped?.status, .skipped, skipped?.detail ?? "")
        XCTAssertTrue(skipped!.detail.contains("the scenario's 270 s for its bounded caches to fill"), skipped!.detail)
    }

    func testAMinuteOfWarmUpGrowthIsNotJudgedAsALeak() throws {
        // A 59 s run whose RSS climbs from 30 to 60 MB while caches fill: extrapolated to ten
        // minutes it would be hundreds of percent, so it is not judged, and the detail says how
        // to get a verdict.
        let t = (0..<60).map(Double.init)
        let warmingUp = t.map { 60 - 30 * exp(-$0 / 20) }
        let leak = try only("leak", [series("rss", unit: "MB", t: t, values: warmingUp)]).first
        XCTAssertEqual(leak?.status, .skipped, leak?.detail ?? "")
        XCTAssertTrue(leak!.detail.contains("--duration 10m"), leak!.detail)
        // The same climb followed by a flat plateau over ten minutes passes: the warm-up is left out.
        let long = (0..<121).map { Double($0) * 5 }
        let settled = long.map { 60 - 30 * exp(-$0 / 20) }
        XCTAssertEqual(try only("leak", [series("rss", unit: "MB", t: long, values: settled)]).first?.status, .pass)
    }

    func testTheDatabaseGrowingWithStoredEventsIsNeitherALeakNorMemory() throws {
        // store_size doubles in 600 s (a node storing events, by design): judged as RSS it would
        // fail both the leak and the OOM check; as on-disk data it is not judged at all.
        let t = (0..<121).map { Double($0) * 5 }
        let growing = t.map { 12_000 + 20 * $0 }
        let checks = try checks([
            series("store_size", unit: "MB", t: t, values: growing),
            series("rss", unit: "MB", t: t, values: t.map { _ in 100 }),
        ])
        XCTAssertEqual(checks.filter { $0.name == "leak" }.map(\.detail).count, 1)
        XCTAssertEqual(checks.first { $0.name == "leak" }?.status, .pass)
        XCTAssertFalse(checks.contains { $0.detail.contains("store_size") }, "\(checks.map(\.detail))")
        let grownRSS = try only("leak", [series("rss", unit: "MB", t: t, values: growing)]).first
        XCTAssertEqual(grownRSS?.status, .fail, "the same numbers as process memory are a leak")
    }

    func testCPUSaturationNeedsAMinuteAboveEightyPercent() throws {
        let t = (0..<100).map(Double.init)
        let long = t.map { $0 >= 10 && $0 <= 80 ? 95.0 : 30 }
        XCTAssertEqual(try only("cpu_saturation", [series("cpu", unit: "%", t: t, values: long)]).first?.status, .fail)
        let short = t.map { $0 >= 10 && $0 <= 40 ? 95.0 : 30 }
        XCTAssertEqual(try only("cpu_saturation", [series("cpu", unit: "%", t: t, values: short)]).first?.status, .pass)
    }

    /// A capacity scenario (it records the machine's `ceiling`) is meant to saturate the CPU.
    func testACapacityScenarioSaturatingTheCPUIsExpectedNotFailed() throws {
        let t = (0..<100).map(Double.init)
        let saturated = t.map { $0 >= 10 && $0 <= 80 ? 95.0 : 30 }
        let ceiling = SampleRecord.samples(
            SamplesBlock(
                scenario: "tier3.soak", metric: "ceiling", unit: "events/s",
                better: .higher, values: [2_000], meshSize: 10))
        let check = try XCTUnwrap(
            try only("cpu_saturation", [series("cpu", unit: "%", t: t, values: saturated), ceiling]).first)
        XCTAssertEqual(check.status, .pass, check.detail)
        XCTAssertEqual(
            check.detail,
            "cpu of node 0: longest stretch above 80 % lasted 70 s (saturation at ≥ 60 s): "
                + "expected, a capacity scenario ramps the load until the machine or the mesh gives out")
        let calm = t.map { _ in 30.0 }
        let unsaturated = try XCTUnwrap(
            try only("cpu_saturation", [series("cpu", unit: "%", t: t, values: calm), ceiling]).first)
        XCTAssertEqual(
            unsaturated.detail, "cpu of node 0: longest stretch above 80 % lasted 0 s (saturation at ≥ 60 s)")
    }

    func testOOMRiskAboveNinetyPercentOfHostMemory() throws {
        // The fixture host has 24,576 MB: 23,000 MB is 93.6 %.
        let t = [0.0, 1, 2]
        let risky = try only("oom_risk", [series("rss", unit: "MB", t: t, values: [20_000, 23_000, 21_000])]).first
        XCTAssertEqual(risky?.status, .fail)
        XCTAssertEqual(risky!.measured!, 100 * 23_000 / 24_576, accuracy: 1e-9)
        XCTAssertEqual(
            try only("oom_risk", [series("rss", unit: "GiB", t: t, values: [1, 2, 3])]).first?.status, .pass)
    }

    func testAFailedCheckFailsTheRun() throws {
        let doc = try Fixture.analyze([counter("events_expected", 10), counter("events_delivered", 9)], baseline: nil)
        XCTAssertEqual(doc.verdict, .fail)
        XCTAssertTrue(doc.verdictReason.contains("check delivery"), doc.verdictReason)
    }
}
