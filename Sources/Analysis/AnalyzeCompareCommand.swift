import BenchFormats
import Foundation

/// `analyze compare A B` (or `--a F... --b F...`): compares two sets of raw samples directly,
/// A as the reference and B as the candidate. A becomes an in-memory baseline that keeps every
/// value (no 2,000-value cap), so the tests use the full samples of both sides. With the same
/// number of files per side (interleaved repetitions), a paired test is added to the notes.
/// The A/A noise floors stored in the repository's baseline (`analyze noise --update-baseline`)
/// are used when it was recorded on A's host, so one run per side is judged against the
/// run-to-run noise of this runner rather than as if whole runs never moved.
public struct AnalyzeCompareCommand {
    public var a: [String] = []
    public var b: [String] = []
    public var out = "-"
    public var thresholdsPath = ".benchmarks/thresholds.json"
    /// Where the A/A noise floors come from (a baseline file); absent → none are used.
    public var noiseFloorsPath = ".benchmarks/baseline.json"
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
        var baseline = try Self.fullBaseline(from: reference)
        let floorsNote = try Self.adoptNoiseFloors(into: &baseline, from: noiseFloorsPath)
        var doc = try RunAnalyzer.analyze(candidate, baseline: baseline, thresholds: thresholds, options: options).document
        doc.notes.insert("compare: A = \(a.joined(separator: ", ")) (reference), B = \(b.joined(separator: ", ")) (candidate)", at: 0)
        doc.notes.insert(floorsNote, at: 1)
        if a.count >= 2 && a.count == b.count {
            doc.notes += try PairedRepetitions.notes(reference: reference, candidate: candidate)
        }
        try OutputWriting.write(try OutputFormat.results.render(doc, outcomes: candidate.outcomes), to: out,
                                inputs: a + b + [thresholdsPath, noiseFloorsPath])
        log("analyze compare: verdict \(doc.verdict.rawValue.uppercased()) — \(doc.verdictReason)")
        return failOn.exitCode(for: doc.verdict)
    }

    /// Copies each metric's A/A noise floor (and its run count) from the baseline at `path` when it
    /// was recorded on the reference's host; returns the note saying what was used.
    public static func adoptNoiseFloors(into baseline: inout Baseline, from path: String) throws -> String {
        guard let stored = try InputLoading.readBaseline(path: path, required: false) else {
            return "no A/A noise floors (\(path) absent): one run per side is compared on its pooled samples only"
        }
        guard stored.run.host.fingerprint == baseline.run.host.fingerprint else {
            return "A/A noise floors of \(path) not used: measured on host \(stored.run.host.fingerprint), A ran on \(baseline.run.host.fingerprint)"
        }
        var adopted = 0
        for i in baseline.metrics.indices {
            guard let m = stored.metric(baseline.metrics[i].key), let floor = m.noiseFloorPct else { continue }
            baseline.metrics[i].noiseFloorPct = floor
            baseline.metrics[i].noiseFloorRuns = m.noiseFloorRuns
            adopted += 1
        }
        return "A/A noise floors of \(adopted) of \(baseline.metrics.count) metric(s) taken from \(path)"
    }

    /// A baseline that keeps every sorted value of the reference run.
    static func fullBaseline(from run: RunSamples) throws -> Baseline {
        let summarized = try run.metrics.map { try MetricSummarizer.summarize($0) }
        var baseline = BaselineBuilder.build(run: run, summarized: summarized, previous: nil, recordedAt: run.header.startedAt)
        for (i, s) in summarized.enumerated() { baseline.metrics[i].sample = s.sorted }
        return baseline
    }
}
