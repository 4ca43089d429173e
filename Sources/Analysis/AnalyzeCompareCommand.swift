import BenchFormats
import Foundation

/// `analyze compare A B` (or `--a F... --b F...`): compares two sets of raw samples directly,
/// A as the reference and B as the candidate. A becomes an in-memory baseline that keeps every
/// value (no 2,000-value cap), so the tests use the full samples of both sides. With the same
/// number of files per side (interleaved repetitions), a paired test is added to the notes.
public struct AnalyzeCompareCommand {
    public var a: [String] = []
    public var b: [String] = []
    public var out = "-"
    public var thresholdsPath = ".benchmarks/thresholds.json"
    public var allowPartial = false
    public var failOn = FailPolicy.fail
    public var options = AnalysisOptions()

    public init() {}

    public func execute(log: (String) -> Void = { _ in }) throws -> Int32 {
        guard !a.isEmpty, !b.isEmpty else {
            throw AnalysisError.usage("compare needs both sides: `analyze compare A B` or `analyze compare --a F... --b F...`")
        }
        if a.contains("-") && b.contains("-") {
            throw AnalysisError.usage("standard input (`-`) can feed only one side")
        }
        let thresholds = try InputLoading.readThresholds(path: thresholdsPath)
        let reference = try InputLoading.readRun(paths: a, allowPartial: allowPartial)
        let candidate = try InputLoading.readRun(paths: b, allowPartial: allowPartial)
        let baseline = try Self.fullBaseline(from: reference)
        var doc = try RunAnalyzer.analyze(candidate, baseline: baseline, thresholds: thresholds, options: options).document
        doc.notes.insert("compare: A = \(a.joined(separator: ", ")) (reference), B = \(b.joined(separator: ", ")) (candidate)", at: 0)
        if a.count >= 2 && a.count == b.count {
            doc.notes += try PairedRepetitions.notes(reference: reference, candidate: candidate)
        }
        try OutputWriting.write(try OutputFormat.results.render(doc, outcomes: candidate.outcomes), to: out)
        log("analyze compare: verdict \(doc.verdict.rawValue.uppercased()) — \(doc.verdictReason)")
        return failOn.exitCode(for: doc.verdict)
    }

    /// A baseline that keeps every sorted value of the reference run.
    static func fullBaseline(from run: RunSamples) throws -> Baseline {
        let summarized = try run.metrics.map { try MetricSummarizer.summarize($0) }
        var baseline = BaselineBuilder.build(run: run, summarized: summarized, previous: nil, recordedAt: run.header.startedAt)
        for (i, s) in summarized.enumerated() { baseline.metrics[i].sample = s.sorted }
        return baseline
    }
}
