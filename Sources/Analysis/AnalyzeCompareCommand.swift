import BenchFormats
import Foundation
import Statistics

/// `analyze compare A B` (or `--a F... --b F...`): compares two sets of raw samples directly,
/// A as the reference and B as the candidate. A becomes an in-memory baseline that keeps every
/// value (no 2,000-value cap), so the tests use the full samples of both sides.
///
/// With the same number of runs per side (≥ 2, files given in round order as `ab-compare.sh`
/// writes them) the runs are rounds of a same-runner A/B and the paired test of
/// `PairedRepetitions` decides every timed metric, judged against the round-to-round noise of
/// this very job. Otherwise the unpaired tests decide, with the A/A noise floors stored in the
/// repository's baseline (`analyze noise --update-baseline`) when it was recorded on A's host.
public struct AnalyzeCompareCommand {
    public var a: [String] = []
    public var b: [String] = []
    public var out = "-"
    public var thresholdsPath = BenchmarksLayout.thresholds
    /// Where the A/A noise floors of an unpaired comparison come from (a baseline file); absent → none are used.
    public var noiseFloorsPath = BenchmarksLayout.baseline
    public var allowPartial = false
    /// `--input-format`: both sides' format when detection by content cannot decide.
    public var inputFormat = InputFormat.auto
    public var failOn = FailPolicy.fail
    public var options = AnalysisOptions()

    public init() {}

    public func execute(log: (String) -> Void = { _ in }) throws -> Int32 {
        guard !a.isEmpty, !b.isEmpty else {
            throw AnalysisError.usage(
                "compare needs both sides: `analyze compare A B` or `analyze compare --a F... --b F...`")
        }
        if a.contains("-") && b.contains("-") {
            throw AnalysisError.usage("standard input (`-`) can feed only one side")
        }
        let thresholds = try InputLoading.readThresholds(path: thresholdsPath)
        let reference = try InputLoading.readRun(paths: a, allowPartial: allowPartial, format: inputFormat)
        let candidate = try InputLoading.readRun(paths: b, allowPartial: allowPartial, format: inputFormat)
        var baseline = try Self.fullBaseline(from: reference)
        let rounds = Self.rounds(reference: reference, candidate: candidate)
        let floorsNote =
            rounds >= 2
            ? "paired rounds: the noise is the spread of this job's \(rounds) round ratios; no stored A/A noise floor is used"
            : try Self.adoptNoiseFloors(into: &baseline, from: noiseFloorsPath)
        var doc = try RunAnalyzer.analyze(candidate, baseline: baseline, thresholds: thresholds, options: options)
            .document
        if rounds >= 2 {
            try Self.decidePaired(
                &doc, reference: reference, candidate: candidate, thresholds: thresholds, options: options)
        }
        let commit = { (run: RunSamples) in
            String(run.header.git.commit.prefix(7)) + (run.header.git.dirty ? " (uncommitted changes)" : "")
        }
        doc.comparison?.reference =
            "A \(commit(reference)) against B \(commit(candidate))"
            + (rounds >= 2 ? ", \(rounds) interleaved rounds on this runner" : "")
        doc.notes.insert("compare: A = \(Self.describe(a)) (reference), B = \(Self.describe(b)) (candidate)", at: 0)
        doc.notes.insert(floorsNote, at: 1)
        try OutputWriting.write(
            try OutputFormat.results.render(doc, outcomes: candidate.outcomes), to: out,
            inputs: a + b + [thresholdsPath, noiseFloorsPath])
        log("analyze compare: verdict \(doc.verdictReason)")
        return failOn.exitCode(for: doc.verdict)
    }

    /// Names a side's files for the notes: up to three by path; more as their count and folder with the
    /// first and last name, so that 20 rounds stay one readable line in a pull-request comment.
    public static func describe(_ paths: [String]) -> String {
        guard paths.count > 3, let first = paths.first, let last = paths.last else {
            return paths.joined(separator: ", ")
        }
        let folders = Set(paths.map { ($0 as NSString).deletingLastPathComponent })
        let name = { (path: String) in (path as NSString).lastPathComponent }
        let place = folders.count == 1 ? folders.first.map { $0.isEmpty ? "" : " in \($0)/" } ?? "" : ""
        return "\(paths.count) files\(place) (\(name(first)) … \(name(last)))"
    }

    /// The number of rounds when both sides have the same number of runs of every metric (≥ 2), else 0.
    static func rounds(reference: RunSamples, candidate: RunSamples) -> Int {
        let counts = Set(
            reference.metrics.map { $0.valuesByRepetition().count }
                + candidate.metrics.map { $0.valuesByRepetition().count })
        guard counts.count == 1, let k = counts.first, k >= 2 else { return 0 }
        return k
    }

    /// Replaces the unpaired verdict of every compared timed metric with the paired test's,
    /// Benjamini–Hochberg across them, and decides the run again.
    static func decidePaired(
        _ doc: inout ResultsDocument, reference: RunSamples, candidate: RunSamples,
        thresholds: Thresholds, options: AnalysisOptions
    ) throws {
        let judged: Set<ChangeVerdict> = [.noise, .improved, .warn, .fail]
        var paired: [(index: Int, comparison: PairedRepetitions.RoundComparison)] = []
        for (i, m) in doc.metrics.enumerated() {
            guard let change = m.change, judged.contains(change.verdict),
                let r = reference.metric(m.key), let c = candidate.metric(m.key)
            else { continue }
            let means = { (s: MetricSamples) in try s.valuesByRepetition().map { try Descriptive.mean($0) } }
            guard
                let comparison = try PairedRepetitions.compareRounds(
                    reference: try means(r), candidate: try means(c),
                    alpha: thresholds.alpha)
            else { continue }
            paired.append((i, comparison))
        }
        // A p-value outside [0, 1] is a bug in a test, not a verdict: it stops the comparison (exit 3).
        let qs = try BenjaminiHochberg.adjust(paired.map(\.comparison.test.p))
        for (k, p) in paired.enumerated() {
            let m = doc.metrics[p.index]
            let c = p.comparison
            let limits = ChangeRule(
                thresholds: thresholds,
                metricClass: thresholds.metricClass(scenario: m.scenario, metric: m.metric, unit: m.unit))
            var (verdict, reason) = limits.decide(
                deltaPct: c.deltaPct, q: qs[k], better: m.better, ci: c.ci,
                runToRunNoiseKnown: true)
            reason += "; " + c.describe(alpha: thresholds.alpha, warnPct: limits.warnPct)
            var change = m.change ?? Change(verdict: verdict, reason: reason)
            change.deltaPct = c.deltaPct
            change.ci = c.ci
            change.p = c.test.p
            change.q = qs[k]
            change.verdict = verdict
            change.reason = reason
            change.testLevel = .pairedRounds
            doc.metrics[p.index].change = change
        }
        var scope = OverallVerdict.scope(of: doc, baseline: nil)
        scope.timingsNotCompared = scope.timings == 0 ? "no timed metric present on both sides" : nil
        scope.compareCommand = nil
        doc.scope = scope
        (doc.verdict, doc.verdictReason) = OverallVerdict.decide(doc, requireTimings: options.requireTimings)
    }

    /// Copies each metric's A/A noise floor (and its run count) from the baseline at `path` when it
    /// was recorded on the reference's host; returns the note saying what was used.
    public static func adoptNoiseFloors(into baseline: inout Baseline, from path: String) throws -> String {
        guard let stored = try InputLoading.readBaseline(path: path, required: false) else {
            return "no A/A noise floors (\(path) absent): one run per side is compared on its pooled samples only"
        }
        guard stored.run.host.fingerprint == baseline.run.host.fingerprint else {
            return
                "A/A noise floors of \(path) not used: measured on host \(stored.run.host.fingerprint), A ran on \(baseline.run.host.fingerprint)"
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
        var baseline = BaselineBuilder.build(
            run: run, summarized: summarized, previous: nil, recordedAt: run.header.startedAt)
        for (i, s) in summarized.enumerated() { baseline.metrics[i].sample = s.sorted }
        return baseline
    }
}
