import Analysis
import BenchFormats
import Foundation
import SeededRandom
import Statistics

/// Builders for constructed runs and baselines: every verdict rule is tested on data whose
/// answer is known by construction.
enum Fixture {
    static func header(host: String = "host-a", runID: String = "run-1") -> RunHeader {
        RunHeader(
            runID: runID, startedAt: Date(timeIntervalSince1970: 1_735_689_600), tier: 1, seed: 7,
            git: GitInfo(commit: "abc123", branch: "main", dirty: false),
            host: HostInfo(
                fingerprint: host, cpuModel: "cpu of \(host)", cpus: 2, memoryMB: 24_576, os: "linux", swift: "6.3"),
            mode: .simulated)
    }

    /// `n` normal values with the given mean and relative sd, from a seeded generator.
    static func normal(n: Int, mean: Double, cv: Double, seed: UInt64) -> [Double] {
        var g = SplitMix64(seed: seed)
        return (0..<n).map { _ in
            // Box–Muller on two uniforms in (0, 1].
            let u1 = (Double(g.next() >> 11) + 1) / 9_007_199_254_740_992
            let u2 = Double(g.next() >> 11) / 9_007_199_254_740_992
            return mean * (1 + cv * (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2))
        }
    }

    static func latency(
        _ values: [Double], scenario: String = "tier1.propagation-3", metric: String = "latency",
        rep: [Int]? = nil, hops: [Int]? = nil
    ) -> SampleRecord {
        .samples(
            SamplesBlock(
                scenario: scenario, metric: metric, unit: "ms", better: .lower, values: values,
                hops: hops, rep: rep, meshSize: 3))
    }

    static func throughput(_ values: [Double], scenario: String = "tier1.propagation-3") -> SampleRecord {
        .samples(
            SamplesBlock(scenario: scenario, metric: "throughput", unit: "events/s", better: .higher, values: values))
    }

    static func run(_ records: [SampleRecord], host: String = "host-a") throws -> RunSamples {
        var b = RunSamplesBuilder()
        b.beginFile("fixture.jsonl")
        try b.add(.run(RunRecord(header: header(host: host))), record: 1)
        for (i, r) in records.enumerated() { try b.add(r, record: i + 2) }
        return try b.build()
    }

    /// A baseline recorded from `records` (as `--update-baseline` would).
    static func baseline(_ records: [SampleRecord], host: String = "host-a") throws -> Baseline {
        try baseline(from: try run(records, host: host))
    }

    /// A baseline recorded from a run the test assembled itself.
    static func baseline(from run: RunSamples) throws -> Baseline {
        let summarized = try run.metrics.map { try MetricSummarizer.summarize($0) }
        return BaselineBuilder.build(
            run: run, summarized: summarized, previous: nil, recordedAt: Date(timeIntervalSince1970: 0))
    }

    /// The repository's committed thresholds (story 11.6), so tests check the configuration CI uses.
    static let thresholds: Thresholds = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try! Thresholds.read(from: root.appendingPathComponent(".benchmarks/thresholds.json").path)
    }()

    static func analyze(
        _ current: [SampleRecord], baseline: [SampleRecord]?, host: String = "host-a",
        baselineHost: String = "host-a", ignoreHost: Bool = false,
        thresholds: Thresholds = Fixture.thresholds
    ) throws -> ResultsDocument {
        var options = AnalysisOptions()
        options.ignoreHost = ignoreHost
        return try analyze(
            try run(current, host: host), against: try baseline.map { try Fixture.baseline($0, host: baselineHost) },
            thresholds: thresholds, options: options)
    }

    /// `analyze run` on a run and a baseline the test built or adjusted (a noise floor, another
    /// machine), with a fixed generation time so documents compare.
    static func analyze(
        _ current: RunSamples, against baseline: Baseline?, thresholds: Thresholds = Fixture.thresholds,
        options: AnalysisOptions = AnalysisOptions()
    ) throws -> ResultsDocument {
        var options = options
        options.generatedAt = Date(timeIntervalSince1970: 1_735_689_600)
        return try RunAnalyzer.analyze(current, baseline: baseline, thresholds: thresholds, options: options).document
    }
}
