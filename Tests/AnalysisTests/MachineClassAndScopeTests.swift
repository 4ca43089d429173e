import Analysis
import BenchFormats
import Foundation
import SeededRandom
import Statistics
import XCTest

/// Machine classes, counters compared on any machine, `missing` metrics and verdicts that say
/// what they checked (issue 10, items 3–5).
final class MachineClassAndScopeTests: XCTestCase {
    func host(
        cpu: String = "AMD EPYC", memoryMB: Int = 24_105,
        os: String = "Debian GNU/Linux 12 (bookworm), kernel 6.18.44-fc-v782", swift: String = "6.3"
    ) -> HostInfo {
        HostInfo(fingerprint: "fp-\(cpu)-\(os)", cpuModel: cpu, cpus: 2, memoryMB: memoryMB, os: os, swift: swift)
    }

    func testClassKeepsWhatTimingsDependOnAndLeavesTheKernelOut() {
        let debian = host().machineClass
        XCTAssertEqual(debian.os, "Debian GNU/Linux 12")
        XCTAssertEqual(debian.memoryGiB, 24, "24,105 MiB rounds to 24 GiB")
        XCTAssertEqual(debian.description, "AMD EPYC, 2 CPUs, 24 GiB, Debian GNU/Linux 12, Swift 6.3")
        XCTAssertEqual(host().kernel, "6.18.44-fc-v782")
        XCTAssertEqual(
            host(os: "Debian GNU/Linux 12 (bookworm), kernel 6.18.44-fc-v1272").machineClass, debian,
            "a new kernel build is the same class")
        XCTAssertEqual(MachineClass(host(os: "Ubuntu 24.04.1 LTS, kernel 6.8.0-1017-azure")).os, "Ubuntu 24")
        XCTAssertEqual(MachineClass(host(swift: "6.3.1")).swift, "6.3")
        XCTAssertEqual(MachineClass(host(memoryMB: 24_576 + 511)).memoryGiB, 24)
        XCTAssertEqual(MachineClass(host(memoryMB: 24_576 + 512)).memoryGiB, 25)
        XCTAssertNotEqual(host(cpu: "Intel Xeon").machineClass, debian)
        XCTAssertNotEqual(host(os: "Debian GNU/Linux 13 (trixie), kernel 6.12.0").machineClass, debian)
        XCTAssertNil(
            HostInfo(fingerprint: "x", cpuModel: "c", cpus: 1, memoryMB: 1024, os: "linux", swift: "6.3").kernel)
    }

    func analyze(
        current: [SampleRecord], baseline: [SampleRecord], runHost: HostInfo, baselineHost: HostInfo,
        thresholds: Thresholds = Fixture.thresholds, requireTimings: Bool = false,
        scenarios: [String]? = nil
    ) throws -> ResultsDocument {
        func run(_ records: [SampleRecord], _ host: HostInfo) throws -> RunSamples {
            var header = Fixture.header()
            header.host = host
            if let scenarios { header.config["scenarios"] = .array(scenarios.map(JSONValue.string)) }
            var b = RunSamplesBuilder()
            b.beginFile("fixture.jsonl")
            try b.add(.run(RunRecord(header: header)), record: 1)
            for (i, r) in records.enumerated() { try b.add(r, record: i + 2) }
            return try b.build()
        }
        let stored = try Fixture.baseline(from: try run(baseline, baselineHost))
        var options = AnalysisOptions()
        options.requireTimings = requireTimings
        return try Fixture.analyze(try run(current, runHost), against: stored, thresholds: thresholds, options: options)
    }

    let slower = Fixture.normal(n: 200, mean: 160, cv: 0.1, seed: 2)
    let reference = Fixture.normal(n: 200, mean: 100, cv: 0.1, seed: 1)

    func counter(_ value: Int64) -> SampleRecord {
        .counter(
            CounterRecord(scenario: "tier1.propagation-3", metric: "frames_per_event", unit: "frames", value: value))
    }

    func testAnotherKernelOfTheSameClassIsComparedAndNoted() throws {
        let doc = try analyze(
            current: [Fixture.latency(slower)], baseline: [Fixture.latency(reference)],
            runHost: host(os: "Debian GNU/Linux 12 (bookworm), kernel 6.18.44-fc-v1272"), baselineHost: host())
        XCTAssertEqual(doc.metrics[0].change?.verdict, .fail)
        XCTAssertEqual(doc.verdict, .fail)
        XCTAssertTrue(doc.verdictReason.contains("tier1.propagation-3/latency regressed"), doc.verdictReason)
        XCTAssertTrue(
            doc.notes.contains { $0.contains("kernel differs") && $0.contains("not blocking") }, "\(doc.notes)")
    }

    func testAnotherClassComparesCountersButNeverSaysNoRegression() throws {
        var gated = Fixture.thresholds
        gated.regression[.counter] = RegressionLimits(warnPct: 0, failPct: 10)
        let same = try analyze(
            current: [Fixture.latency(slower), counter(6)], baseline: [Fixture.latency(reference), counter(6)],
            runHost: host(cpu: "Intel Xeon"), baselineHost: host(), thresholds: gated)
        XCTAssertEqual(same.metrics[0].change?.verdict, .notComparable, "a +60 % shift on another class is not judged")
        XCTAssertEqual(same.counters[0].verdict, .noise, "exact counters are compared on any machine")
        XCTAssertEqual(same.verdict, .pass)
        XCTAssertFalse(same.verdictReason.lowercased().contains("no regression"), same.verdictReason)
        XCTAssertTrue(
            same.verdictReason.contains("timings not compared: baseline from another machine class"), same.verdictReason
        )
        XCTAssertTrue(same.verdictReason.contains("make compare"), same.verdictReason)
        XCTAssertEqual(same.scope?.timings, 0)
        XCTAssertEqual(same.scope?.counters, 1)

        let more = try analyze(
            current: [Fixture.latency(slower), counter(8)], baseline: [Fixture.latency(reference), counter(6)],
            runHost: host(cpu: "Intel Xeon"), baselineHost: host(), thresholds: gated)
        XCTAssertEqual(more.counters[0].verdict, .fail)
        XCTAssertEqual(more.verdict, .fail)
        XCTAssertTrue(more.verdictReason.contains("(timings not compared"), more.verdictReason)
    }

    func testRequireTimingsFailsWhenNoTimingWasCompared() throws {
        let doc = try analyze(
            current: [Fixture.latency(reference)], baseline: [Fixture.latency(reference)],
            runHost: host(cpu: "Intel Xeon"), baselineHost: host(), requireTimings: true)
        XCTAssertEqual(doc.verdict, .fail)
        XCTAssertTrue(doc.verdictReason.contains("--require-timings"), doc.verdictReason)
        // The failure already says timings were not compared: no second "(timings not compared …)".
        XCTAssertEqual(doc.verdictReason.components(separatedBy: "timings not compared").count, 2, doc.verdictReason)
        let compared = try analyze(
            current: [Fixture.latency(reference)], baseline: [Fixture.latency(reference)],
            runHost: host(), baselineHost: host(), requireTimings: true)
        XCTAssertEqual(compared.verdict, .pass, compared.verdictReason)
        // Nothing but the timing was judged, so the reason claims no SLA, check or counter.
        XCTAssertEqual(compared.verdictReason, "PASS: no regression beyond noise in 1 timed metric")
    }

    func testAMetricMissingFromAScenarioThatRanWarnsButOtherScenariosDoNot() throws {
        let baseline = [
            Fixture.latency(reference), Fixture.latency(reference, metric: "phase.decode"),
            Fixture.latency(reference, scenario: "tier1.dedup-3"),
        ]
        let doc = try analyze(
            current: [Fixture.latency(reference)], baseline: baseline, runHost: host(), baselineHost: host(),
            scenarios: ["tier1.propagation-3"])
        XCTAssertEqual(doc.missing.map(\.key.description), ["tier1.propagation-3/phase.decode"])
        XCTAssertEqual(doc.verdict, .warn)
        XCTAssertTrue(doc.verdictReason.contains("phase.decode missing"), doc.verdictReason)

        // A tier 2 run against the tier 1 baseline: nothing of tier 1 is missing, and it says timings were not compared.
        let tier2 = try analyze(
            current: [Fixture.latency(reference, scenario: "tier2.five-hop-10")], baseline: baseline,
            runHost: host(), baselineHost: host(), scenarios: ["tier2.five-hop-10"])
        XCTAssertTrue(tier2.missing.isEmpty)
        XCTAssertEqual(tier2.verdict, .pass)
        XCTAssertTrue(
            tier2.verdictReason.contains("the baseline has no timed metric of the scenarios that ran"),
            tier2.verdictReason)
    }

    /// Reference (numpy/scipy): a = [10, 12.5, 9.8, 11, 10.4, 13.1], b = [12.1, 14.9, 11.2, 13.6, 12.2, 15.8];
    /// ttest_rel(log b, log a) → t = 15.844727212441466, p = 1.8218895690188116e-05; 100·expm1 of the
    /// mean log ratio = 19.303178145478512, its 95 % t interval 15.935466322585231 … 22.768715795806667,
    /// 100·expm1(sd) = 2.7661041660784083, 100·expm1((t.ppf(.975, 5) + t.ppf(.8, 5))·sd/√6) = 3.9642860414141072.
    func testPairedRoundsMatchScipyOnLogRatios() throws {
        let a = [10, 12.5, 9.8, 11, 10.4, 13.1]
        let b = [12.1, 14.9, 11.2, 13.6, 12.2, 15.8]
        let r = try XCTUnwrap(PairedRepetitions.compareRounds(reference: a, candidate: b, alpha: 0.05))
        XCTAssertEqual(r.test.t, 15.844727212441466, accuracy: 1e-9)
        XCTAssertEqual(r.test.p, 1.8218895690188116e-05, accuracy: 1e-14)
        XCTAssertEqual(r.deltaPct, 19.303178145478512, accuracy: 1e-10)
        XCTAssertEqual(r.ci.low, 15.935466322585231, accuracy: 1e-8)
        XCTAssertEqual(r.ci.high, 22.768715795806667, accuracy: 1e-8)
        XCTAssertEqual(r.roundNoisePct, 2.7661041660784083, accuracy: 1e-10)
        XCTAssertEqual(r.mdePct, 3.9642860414141072, accuracy: 1e-8)
        XCTAssertNil(
            try PairedRepetitions.compareRounds(reference: [1, 2], candidate: [1, -2], alpha: 0.05),
            "no ratio of a mean ≤ 0")
    }

    /// The rounds asked for are the fewest whose detectable effect reaches the wanted change: the
    /// detectable effect of one round fewer is larger than the change.
    func testRoundsNeededIsTheFewestThatReachTheWantedEffect() throws {
        for noise in [3.0, 8.0, 15.0] {
            let k = try PairedRepetitions.roundsNeeded(noisePct: noise, effectPct: 20, alpha: 0.05, power: 0.95)
            // scipy: the same (t.ppf(.975, k−1) + t.ppf(.95, k−1))·ln(1 + noise)/√k ≤ ln 1.2 bracket.
            func mde(_ k: Int) throws -> Double {
                let df = Double(k - 1)
                return
                    (try StudentT.quantile(0.975, degreesOfFreedom: df) + StudentT.quantile(0.95, degreesOfFreedom: df))
                    * log1p(noise / 100) / Double(k).squareRoot()
            }
            XCTAssertLessThanOrEqual(try mde(k), log(1.2), "noise \(noise) %: \(k) rounds")
            if k > 3 { XCTAssertGreaterThan(try mde(k - 1), log(1.2), "noise \(noise) %: \(k - 1) rounds would do") }
        }
        XCTAssertEqual(
            try PairedRepetitions.roundsNeeded(noisePct: 15, effectPct: 20, alpha: 0.05, power: 0.95),
            // scipy: smallest k with (t.ppf(.975,k-1)+t.ppf(.95,k-1))*log(1.15)/sqrt(k) <= log(1.2) → 10
            10)
    }

    /// A/A by simulation: 2,000 sets of 10 rounds whose runs share a drifting machine state and
    /// differ only by noise; the paired test's false-positive rate at α = 0.05 must be 5 % within
    /// binomial error (sd 0.49 %): [3.5 %, 6.5 %] is about ±3 sd.
    func testPairedTestHoldsItsLevelOnSimulatedAAWithDrift() throws {
        var g = SplitMix64(seed: 10)
        func gauss() -> Double {
            let u1 = (Double(g.next() >> 11) + 1) / 9_007_199_254_740_992
            let u2 = Double(g.next() >> 11) / 9_007_199_254_740_992
            return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
        }
        var rejected = 0
        let trials = 2000
        for _ in 0..<trials {
            var a: [Double] = []
            var b: [Double] = []
            for round in 0..<10 {
                let machine = 100 * (1 + 0.03 * Double(round)) * exp(0.2 * gauss())  // drift + load shared by the round
                a.append(machine * exp(0.08 * gauss()))
                b.append(machine * exp(0.08 * gauss()))
            }
            if try XCTUnwrap(PairedRepetitions.compareRounds(reference: a, candidate: b, alpha: 0.05)).test.p < 0.05 {
                rejected += 1
            }
        }
        let rate = Double(rejected) / Double(trials)
        XCTAssertGreaterThan(rate, 0.035)
        XCTAssertLessThan(rate, 0.065)
    }
}
