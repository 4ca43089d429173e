import Foundation
import NIOConcurrencyHelpers
import XCTest
@testable import BenchFormats
import ExecutableTesting

final class DocumentTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = try Fixtures.temporaryDirectory()
    }

    static let fullResults: ResultsDocument = {
        let metric = MetricResult(
            scenario: "latency", metric: "single_hop", unit: "ms", better: .lower, n: 1000, runs: 5, mean: 12.5,
            sd: 3.25,
            min: 4, p50: 12, p90: 16, p95: 18, p99: 25, p999: 31, max: 40,
            ci: MetricCIs(
                mean: Interval(low: 12.3, high: 12.7), p50: Interval(low: 11.8, high: 12.2), p95: nil, p99: nil),
            spectrum: [SpectrumPoint(p: 0.5, value: 12), SpectrumPoint(p: 0.999, value: 31)],
            byHops: [HopBucket(hops: 1, n: 500, p25: 10, p50: 12, p75: 14, p95: 18)], meshSize: 10,
            slaClass: "single_hop",
            baseline: MetricSummary(n: 900, runs: 5, mean: 11, sd: nil, p50: 11, p95: 17, p99: 24, max: 39),
            change: Change(
                deltaPct: 9.1, ci: Interval(low: 2, high: 16), welch: WelchTest(t: 2.5, df: 7.8, p: 0.038),
                mannWhitney: MannWhitneyTest(u: 3, p: 0.056), q: 0.076, verdict: .noise,
                reason: "q 0.076 > alpha 0.05", testLevel: .runs),
            sla: [SLAResult(stat: .p50, op: .below, limit: 50, measured: 12, ok: true, source: "story 11.6 AC 2")])
        return ResultsDocument(
            run: Fixtures.header, generatedAt: Date(timeIntervalSince1970: 1_735_736_400), verdict: .warn,
            verdictReason: "one WARN",
            metrics: [metric],
            counters: [
                CounterResult(
                    scenario: "latency", metric: "frames_out", unit: "frames", value: 1200, baselineValue: 1100,
                    verdict: .warn)
            ],
            checks: [
                CheckResult(
                    name: "hop_linearity", scenario: "latency", status: .pass, measured: 0.98, limit: 0.9, unit: "R²",
                    detail: "linear")
            ],
            series: [
                Series(scenario: "resources", metric: "rss", unit: "MB", node: 0, t: [0, 1], values: [100, 101])
            ],
            outcomes: [OutcomeSummary(test: "dedup", tier: 1, attempts: 2, status: .pass, flaky: true)],
            trends: [
                TrendResult(
                    scenario: "latency", metric: "single_hop", stat: .p95, unit: "ms", better: .lower,
                    points: [
                        TrendPoint(
                            t: Date(timeIntervalSince1970: 1_735_000_000), value: 17, runID: "r1", anomaly: false)
                    ],
                    slopePerDay: 0.1, slopeCI: Interval(low: -0.1, high: 0.3), r2: 0.2, p: 0.3,
                    direction: .stable, changePoints: [], anomalyRule: "robust z > 3.5")
            ],
            flakes: [
                FlakeResult(
                    test: "dedup", tier: 1, runs: 40, failures: 0, passesAfterRetry: 3, flakeRate: 0.075,
                    quarantined: true)
            ],
            topology: TopologyResult(
                nodes: 3, kind: "line", edges: [Edge(0, 1), Edge(1, 2)], diameter: 2, publisher: 0,
                arrivals: [Arrival(node: 2, ms: 8.5, hops: 2)]),
            notes: ["baseline recorded on another host: not compared"],
            comparison: ComparisonInfo(baselineRunID: "run-1", baselineHost: "fp-1", comparable: true))
    }()

    func testResultsRoundTripThroughFileAndStableBytes() throws {
        let path = dir.appendingPathComponent("results.json").path
        try Self.fullResults.write(to: path)
        XCTAssertEqual(try ResultsDocument.read(from: path), Self.fullResults)
        let first = try Data(contentsOf: URL(fileURLWithPath: path))
        try ResultsDocument.read(from: path).write(to: path)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), first, "re-encoding must give identical bytes")
        let text = String(decoding: first, as: UTF8.self)
        XCTAssertTrue(text.contains("\"generated_at\" : \"2025-01-01T13:00:00Z\""))
        XCTAssertTrue(text.contains("\"mann_whitney\""))
    }

    func testMinimalResultsDecodeWithEveryOptionalSectionAbsent() throws {
        let header = String(decoding: try FormatsJSON.encoder(pretty: false).encode(Fixtures.header), as: UTF8.self)
        let json =
            #"{"schema":"meshbench.results/1","run":\#(header),"generated_at":"2025-01-01T00:00:00Z","verdict":"pass"}"#
        let path = dir.appendingPathComponent("min.json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        let doc = try ResultsDocument.read(from: path)
        XCTAssertEqual(doc.metrics, [])
        XCTAssertEqual(doc.trends, [])
        XCTAssertNil(doc.topology)
        XCTAssertNil(doc.comparison)
        XCTAssertEqual(doc.verdictReason, "")
    }

    func testWrongDocumentKindsAreNamed() throws {
        let samples = try Fixtures.writeSamples(gzip: true, in: dir)
        XCTAssertThrowsError(try ResultsDocument.read(from: samples)) { error in
            XCTAssertEqual(
                error as? DocumentError,
                .wrongSchema(
                    file: samples, found: "meshbench.samples/1", expected: "meshbench.results/1",
                    hint: "this is a samples file; give it to analyze"))
        }
        let garbage = dir.appendingPathComponent("garbage.json").path
        try Data("not json".utf8).write(to: URL(fileURLWithPath: garbage))
        XCTAssertThrowsError(try ResultsDocument.read(from: garbage)) { error in
            guard case .invalid(let file, let detail)? = error as? DocumentError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, garbage)
            XCTAssertTrue(detail.hasPrefix("not a JSON object"), detail)
        }
        let results = dir.appendingPathComponent("results.json").path
        try Self.fullResults.write(to: results)
        XCTAssertThrowsError(try Baseline.read(from: results)) { error in
            XCTAssertEqual(
                error as? DocumentError,
                .wrongSchema(
                    file: results, found: "meshbench.results/1", expected: "meshbench.baseline/1",
                    hint: "this is a results file; give it to render"))
        }
        let future = dir.appendingPathComponent("future.json").path
        try Data(#"{"schema":"meshbench.results/2"}"#.utf8).write(to: URL(fileURLWithPath: future))
        XCTAssertThrowsError(try ResultsDocument.read(from: future)) { error in
            XCTAssertTrue("\(error)".contains("this version reads \"meshbench.results/1\""), "\(error)")
        }
    }

    func testBaselineRoundTripAndStratifiedSample() throws {
        let sorted = (0..<10_000).map(Double.init)
        let sample = Baseline.stratifiedSample(sorted: sorted)
        XCTAssertEqual(sample.count, 2000)
        // Stratum k of 5 values each: its middle element, index 5k + 2 (⌊(2k + 1)·10000 / 4000⌋).
        XCTAssertEqual(Array(sample.prefix(3)), [2, 7, 12])
        XCTAssertEqual(sample.last, 9997)
        XCTAssertEqual(Baseline.stratifiedSample(sorted: [3, 1]), [3, 1], "small inputs are kept whole")

        let baseline = Baseline(
            recordedAt: Date(timeIntervalSince1970: 1_735_732_800), run: Fixtures.header,
            metrics: [
                BaselineMetric(
                    scenario: "latency", metric: "single_hop", unit: "ms", better: .lower,
                    summary: MetricSummary(
                        n: 10_000, runs: 5, mean: 4999.5, sd: 2886.9, p50: 4999.5, p95: 9499.05, p99: 9899.01, max: 9999
                    ),
                    sample: sample, perRun: PerRunStats(mean: [1, 2], p50: [1, 2], p95: [3, 4]), noiseFloorPct: 2.5)
            ],
            counters: [BaselineCounter(scenario: "latency", metric: "frames_out", unit: "frames", value: 1100)])
        let path = dir.appendingPathComponent("baseline.json").path
        try baseline.write(to: path)
        let back = try Baseline.read(from: path)
        XCTAssertEqual(back, baseline)
        XCTAssertEqual(back.metric(MetricKey(scenario: "latency", metric: "single_hop"))?.noiseFloorPct, 2.5)
    }

    func testCommittedThresholdsFileLoadsAndAnswersLookups() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".benchmarks/thresholds.json").path
        let t = try Thresholds.read(from: path)
        XCTAssertEqual(t.noisePct, 5)
        XCTAssertEqual(t.alpha, 0.05)
        XCTAssertEqual(t.limits(for: .latency), RegressionLimits(warnPct: 20, failPct: 50))
        XCTAssertEqual(t.limits(for: .throughput), RegressionLimits(warnPct: 20, failPct: 50))
        XCTAssertEqual(t.limits(for: .memory), RegressionLimits(warnPct: 30, failPct: nil))
        XCTAssertEqual(t.flakes, FlakePolicy(maxRatePct: 5, minRuns: 20, retries: 1))
        XCTAssertEqual(t.retentionDays, 90)
        XCTAssertEqual(t.trendWindowDays, 30)
        XCTAssertEqual(t.checks.burstRecoveryS, 60)
        XCTAssertEqual(t.checks.queueDepthMax, 1000)

        func limits(_ subject: SLASubject) -> [String] {
            t.slas(for: subject).map { "\($0.stat.rawValue)\($0.op.rawValue)\(Int($0.limit))" }.sorted()
        }
        XCTAssertEqual(
            limits(SLASubject(scenario: "x", metric: "y", unit: "ms", meshSize: 10, slaClass: "single_hop")),
            ["max<500", "p50<50", "p95<100", "p99<200"])
        XCTAssertEqual(
            limits(SLASubject(scenario: "x", metric: "y", unit: "ms", meshSize: 10, slaClass: "five_hop")),
            ["max<2000", "p50<250", "p95<500", "p99<1000"])
        XCTAssertEqual(
            limits(SLASubject(scenario: "x", metric: "y", unit: "ms", meshSize: 10, slaClass: "full_propagation")),
            ["max<5000", "p50<1000", "p95<2000", "p99<3000"])
        XCTAssertEqual(
            limits(SLASubject(scenario: "x", metric: "y", unit: "ms", meshSize: 100, slaClass: "propagation")),
            ["p95<5000"])
        XCTAssertEqual(
            limits(SLASubject(scenario: "x", metric: "y", unit: "events/s", meshSize: 10, slaClass: "network_wide")),
            ["mean>1000"])
        XCTAssertEqual(
            limits(SLASubject(scenario: "x", metric: "y", unit: "events/s", meshSize: 25, slaClass: "network_wide")),
            ["mean>250"])
        XCTAssertEqual(
            limits(SLASubject(scenario: "x", metric: "rss", unit: "MB", meshSize: 50, slaClass: "per_node")),
            ["max<1024"])
        XCTAssertEqual(
            limits(SLASubject(scenario: "x", metric: "cpu", unit: "%", meshSize: 10, slaClass: "per_node")), ["mean<50"]
        )
        // A metric in another unit never matches (no silent conversion), nor one without a class.
        XCTAssertEqual(
            limits(SLASubject(scenario: "x", metric: "y", unit: "s", meshSize: 10, slaClass: "single_hop")), [])
        XCTAssertEqual(limits(SLASubject(scenario: "x", metric: "y", unit: "ms", meshSize: 10)), [])

        // Encoding the loaded file reproduces it byte for byte (it is kept in the encoder's format).
        let copy = dir.appendingPathComponent("thresholds.json").path
        try t.write(to: copy)
        XCTAssertEqual(try Thresholds.read(from: copy), t)
        XCTAssertEqual(
            try Data(contentsOf: URL(fileURLWithPath: copy)), try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func testSLAExactEntryIsMostSpecific() {
        let t = Thresholds(
            noisePct: 5, alpha: 0.05, regression: [:],
            slas: [
                SLAEntry(
                    meshSize: 10, slaClass: "single_hop", stat: .p95, op: .below, limit: 100, unit: "ms",
                    source: "family"),
                SLAEntry(
                    scenario: "hop1", metric: "latency", meshSize: 10, slaClass: "single_hop", stat: .p95, op: .below,
                    limit: 80, unit: "ms", source: "exact"),
            ],
            checks: CheckLimits(
                burstRecoveryS: 60, burstRateEventsPerS: 500, burstDurationS: 30, queueDepthMax: 1000,
                leakGrowthPct: 10,
                leakWindowS: 600, cpuSaturationPct: 80, cpuSaturationWindowS: 60, oomRiskPct: 90, stragglerMS: 10_000,
                maxDiameterHops: [:], packetLossPct: 0),
            flakes: FlakePolicy(maxRatePct: 5, minRuns: 20, retries: 1), retentionDays: 90, trendWindowDays: 30)
        let found = t.slas(
            for: SLASubject(scenario: "hop1", metric: "latency", unit: "ms", meshSize: 10, slaClass: "single_hop"))
        XCTAssertEqual(found.map(\.source), ["exact", "family"])
        XCTAssertEqual(MetricClass.classify(unit: "events/s"), .throughput)
        XCTAssertEqual(MetricClass.classify(unit: "MiB"), .memory)
        XCTAssertEqual(MetricClass.classify(unit: "frames"), .counter)
        // The spellings analyze and render once disagreed on: one vocabulary (Units) now decides.
        for unit in ["min", "h", "sec", "\u{00B5}s", "\u{03BC}s", "us"] {
            XCTAssertEqual(MetricClass.classify(unit: unit), .latency, unit)
            XCTAssertTrue(MetricClass.isTime(unit), unit)
        }
        for unit in ["KiB", "MiB", "GiB", "bytes", "kB", "B"] {
            XCTAssertEqual(MetricClass.classify(unit: unit), .memory, unit)
            XCTAssertFalse(MetricClass.isTime(unit), unit)
        }
        XCTAssertTrue(LimitOperator.below.holds(49.9, 50))
        XCTAssertFalse(LimitOperator.below.holds(50, 50))
        XCTAssertTrue(LimitOperator.atLeast.holds(50, 50))
    }

    func testHistoryWriteReadSkipCorruptAndPrune() throws {
        let folder = dir.appendingPathComponent("history").path
        func entry(_ day: Int, _ id: String) -> HistoryEntry {
            var h = Fixtures.header
            h.runID = id
            return HistoryEntry(
                recordedAt: Date(timeIntervalSince1970: 1_735_732_800 + Double(day) * 86_400), run: h,
                metrics: [
                    HistoryMetric(
                        scenario: "latency", metric: "single_hop", unit: "ms", better: .lower,
                        n: 100, mean: 12, p50: 11, p95: 18, p99: 25)
                ])
        }
        let newer = try HistoryFolder.write(entry(10, "run/b"), to: folder)
        let older = try HistoryFolder.write(entry(0, "run-a"), to: folder)
        XCTAssertEqual((older as NSString).lastPathComponent, "2025-01-01T120000Z-run-a.json.gz")
        XCTAssertEqual((newer as NSString).lastPathComponent, "2025-01-11T120000Z-run_b.json.gz")
        XCTAssertEqual(try BuiltExecutable(program: "/usr/bin/gzip").run(["-t", older]).status, 0)

        let corrupt = (folder as NSString).appendingPathComponent("2025-01-05T000000Z-bad.json.gz")
        try Data([0x1f, 0x8b, 0x08, 0x00, 0x01]).write(to: URL(fileURLWithPath: corrupt))
        let (entries, warnings) = HistoryFolder.readAll(from: folder)
        XCTAssertEqual(entries.map(\.run.runID), ["run-a", "run/b"])
        XCTAssertEqual(entries.first, entry(0, "run-a"))
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings[0].contains(corrupt), warnings[0])

        let removed = try HistoryFolder.prune(
            folder, recordedBefore: Date(timeIntervalSince1970: 1_735_732_800 + 86_400))
        XCTAssertEqual(removed, [older])
        XCTAssertEqual(HistoryFolder.readAll(from: folder).entries.map(\.run.runID), ["run/b"])
        XCTAssertTrue(HistoryFolder.readAll(from: dir.appendingPathComponent("none").path).entries.isEmpty)
    }

    /// A history path that exists but cannot be listed is said, not read silently as no history.
    func testAHistoryPathThatIsNotAFolderIsAWarning() throws {
        let notAFolder = dir.appendingPathComponent("history").path
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: notAFolder))
        let (entries, warnings) = HistoryFolder.readAll(from: notAFolder)
        XCTAssertEqual(entries, [])
        XCTAssertEqual(
            warnings,
            [
                "\(notAFolder): cannot list the history folder (it is not a folder; remove it or make it one); no history was read"
            ])
    }

    /// `analyze prune` is one commit under the history folder's lock, as `--record` takes it:
    /// it waits for a holder, removes every old entry together and leaves nothing behind.
    func testPruneWaitsForTheHistoryLockAndRemovesAllOldEntriesTogether() throws {
        let folder = dir.appendingPathComponent("history").path
        func entry(_ day: Double, _ id: String) -> HistoryEntry {
            var h = Fixtures.header
            h.runID = id
            return HistoryEntry(
                recordedAt: Date(timeIntervalSince1970: 1_735_732_800 + day * 86_400), run: h, metrics: [])
        }
        for (day, id) in [(0.0, "a"), (1, "b"), (10, "c")] { try HistoryFolder.write(entry(day, id), to: folder) }
        var lock: DirectoryLock? = try DirectoryLock(folder: folder)
        let done = DispatchSemaphore(value: 0)
        let result = NIOLockedValueBox<[String]?>(nil)
        DispatchQueue.global().async {
            let removed = try? HistoryFolder.prune(
                folder, recordedBefore: Date(timeIntervalSince1970: 1_735_732_800 + 5 * 86_400))
            result.withLockedValue { $0 = removed }
            done.signal()
        }
        XCTAssertEqual(done.wait(timeout: .now() + 0.3), .timedOut, "prune must wait for the lock")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).count, 3)
        lock = nil
        done.wait()
        XCTAssertEqual(result.withLockedValue { $0 }?.count, 2)
        XCTAssertEqual(HistoryFolder.readAll(from: folder).entries.map(\.run.runID), ["c"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }, [])
        _ = lock
        // A missing folder has nothing to prune and is not created.
        let missing = dir.appendingPathComponent("none").path
        XCTAssertEqual(try HistoryFolder.prune(missing, recordedBefore: Date()), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
    }

    func testFlakeHistoryRoundTrip() throws {
        let history = FlakeHistory(
            updatedAt: Date(timeIntervalSince1970: 1_735_732_800),
            tests: [
                FlakeTestHistory(
                    test: "dedup", tier: 1, runs: 40, failures: 1, passesAfterRetry: 3,
                    lastSeen: Date(timeIntervalSince1970: 1_735_732_800), recent: [.pass, .fail, .pass])
            ])
        let path = dir.appendingPathComponent("flake-history.json").path
        try history.write(to: path)
        XCTAssertEqual(try FlakeHistory.read(from: path), history)
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).contains("\"passes_after_retry\" : 3"))
    }

    func testDatesKeepMillisecondsAndAcceptOffsets() {
        XCTAssertEqual(ISO8601.format(Date(timeIntervalSince1970: 1_735_732_800.25)), "2025-01-01T12:00:00.250Z")
        XCTAssertEqual(ISO8601.format(Date(timeIntervalSince1970: 1_735_732_800)), "2025-01-01T12:00:00Z")
        // 1_735_732_799.75 s after the epoch is 2025-01-01 11:59:59.750 UTC: the basic form drops the fraction.
        XCTAssertEqual(ISO8601.basicSeconds(Date(timeIntervalSince1970: 1_735_732_799.75)), "20250101T115959Z")
        XCTAssertEqual(ISO8601.day(Date(timeIntervalSince1970: 1_735_732_799.75)), "2025-01-01")
        XCTAssertEqual(ISO8601.parse("2025-01-01T13:00:00+01:00"), Date(timeIntervalSince1970: 1_735_732_800))
        XCTAssertEqual(ISO8601.parse("2025-01-01T12:00:00.250Z"), Date(timeIntervalSince1970: 1_735_732_800.25))
        XCTAssertNil(ISO8601.parse("yesterday"))
    }
}
