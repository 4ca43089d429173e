import BenchFormats
import Foundation
import Statistics

/// Settings of one analysis that are not in `thresholds.json`.
public struct AnalysisOptions: Sendable {
    /// Compare timings with a baseline recorded on another machine class (marked in every reason).
    public var ignoreHost = false
    /// Compare external relays with a baseline of other relay software or version.
    public var compareAnyRelay = false
    /// Fail the run when no timed metric was compared (`--require-timings`), for pipelines that
    /// expect a timing comparison and must not pass on counters and SLAs alone.
    public var requireTimings = false
    /// Seed of every bootstrap (mixed with each metric's name).
    public var seed: UInt64 = 1
    /// Time stamp written into the results.
    public var generatedAt = Date()
    /// Cap on the points of each series in the results (charts need no more).
    public var maxSeriesPoints = 500

    public init() {}
}

/// A finished analysis: the results document and the per-metric summaries it was built from
/// (kept for `--update-baseline`, which needs the sorted values).
public struct AnalyzedRun: Sendable {
    public var document: ResultsDocument
    public var summarized: [SummarizedMetric]
}

/// Turns one run's samples (and an optional baseline) into a results document: summaries, SLAs,
/// comparisons with Benjamini–Hochberg across every compared metric, counters, checks, series,
/// the traced topology, outcomes and the overall verdict.
public enum RunAnalyzer {
    public static func analyze(
        _ run: RunSamples, baseline: Baseline?, thresholds: Thresholds,
        options: AnalysisOptions = AnalysisOptions()
    ) throws -> AnalyzedRun {
        var notes: [String] = []
        if !run.complete {
            notes.append("input is partial (no `end` record; accepted with --allow-partial): the run did not finish")
        }
        var summarized: [SummarizedMetric] = []
        for m in run.metrics {
            var s = try MetricSummarizer.summarize(m)
            let sla = SLAEvaluation.evaluate(s.result, thresholds: thresholds)
            s.result.sla = sla.isEmpty ? nil : sla
            summarized.append(s)
        }
        var doc = ResultsDocument(
            run: run.header, generatedAt: options.generatedAt, verdict: .pass, verdictReason: "",
            metrics: summarized.map(\.result))
        if let baseline {
            notes += try compareWithBaseline(
                &doc, summarized: summarized, baseline: baseline, run: run,
                thresholds: thresholds, options: options)
            doc.missing = MissingMetrics.find(in: run, baseline: baseline)
        } else {
            notes.append("no baseline: nothing was compared (record one with --update-baseline)")
        }
        // Exact counters count work, not time: they are compared on any machine.
        doc.counters = run.counters.map { c in
            let (result, note) = CounterComparison.compare(
                c, baseline: baseline.flatMap { b in b.counters.first { $0.key == c.key } }, thresholds: thresholds)
            if let note { notes.append(note) }
            return result
        }
        doc.checks = MeshChecks.run(CheckContext(run: run, metrics: doc.metrics, thresholds: thresholds))
        let traced = TopologyReconstruction.rebuild(run)
        doc.topology = traced.topology
        notes += traced.notes
        doc.series = run.series.filter { !TopologyReconstruction.traceMetrics.contains($0.metric) }.map { s in
            let d = SeriesDownsampling.lttb(t: s.t, values: s.values, maxPoints: options.maxSeriesPoints)
            return Series(scenario: s.scenario, metric: s.metric, unit: s.unit, node: s.node, t: d.t, values: d.values)
        }
        doc.outcomes = OutcomeClassification.summarize(run.outcomes)
        let flaky = doc.outcomes.filter(\.flaky).map(\.test)
        if !flaky.isEmpty {
            notes.append("flaky (failed, then passed on retry): \(flaky.joined(separator: ", "))")
        }
        doc.notes = notes
        doc.scope = OverallVerdict.scope(of: doc, baseline: baseline)
        (doc.verdict, doc.verdictReason) = OverallVerdict.decide(doc, requireTimings: options.requireTimings)
        return AnalyzedRun(document: doc, summarized: summarized)
    }

    /// Fills `change` and `baseline` of every metric and returns the notes to add.
    static func compareWithBaseline(
        _ doc: inout ResultsDocument, summarized: [SummarizedMetric], baseline: Baseline,
        run: RunSamples, thresholds: Thresholds, options: AnalysisOptions
    ) throws -> [String] {
        let machines = MachineComparability(baseline: baseline.run.host, run: run.header.host)
        let sameClass = machines.sameClass
        let relayMismatch =
            options.compareAnyRelay
            ? nil
            : RelaySoftwareComparability.mismatch(run: run.header, baseline: baseline.run)
        let comparable = (sameClass || options.ignoreHost) && relayMismatch == nil
        var notes = machines.notes(ignoreHost: options.ignoreHost)
        if let relayMismatch {
            notes.append(
                "baseline not compared: \(relayMismatch). Record a baseline of this relay with --update-baseline, or pass --compare-any-relay to compare anyway"
            )
        }
        // The limits the verdicts use travel with the results, so render draws the noise band and
        // the WARN/FAIL lines without reading thresholds.json.
        doc.comparison = ComparisonInfo(
            baselineRunID: baseline.run.runID, baselineHost: baseline.run.host.fingerprint,
            comparable: comparable, noisePct: thresholds.noisePct,
            regression: thresholds.regression,
            baselineClass: machines.baseline.description)

        var tested: [(index: Int, comparison: MetricComparison, rule: ChangeRule)] = []
        var placedDifferently: [String] = []
        // A lone change among the metrics compared must reach α / (their count) to pass
        // Benjamini–Hochberg; a test that cannot get that low must not veto.
        let rankTestReach =
            thresholds.alpha / Double(max(1, summarized.filter { baseline.metric($0.result.key) != nil }.count))
        for (i, s) in summarized.enumerated() {
            let m = s.result
            guard let b = baseline.metric(m.key) else {
                doc.metrics[i].change = Change(verdict: .new, reason: "no baseline for this metric")
                continue
            }
            doc.metrics[i].baseline = b.summary
            if let relayMismatch {
                doc.metrics[i].change = Change(
                    verdict: .notComparable, reason: "\(relayMismatch); use --compare-any-relay to compare")
                continue
            }
            if !options.compareAnyRelay,
                let placed = PlacementComparability.mismatch(
                    run: run.header, baseline: baseline.run, scenario: m.scenario)
            {
                doc.metrics[i].change = Change(
                    verdict: .notComparable, reason: "\(placed); use --compare-any-relay to compare")
                if !placedDifferently.contains(m.scenario) { placedDifferently.append(m.scenario) }
                continue
            }
            guard comparable else {
                doc.metrics[i].change = Change(
                    verdict: .notComparable,
                    reason:
                        "timings not compared: baseline from another machine class (\(machines.baseline)); compare on this machine with `\(OverallVerdict.compareCommand)`"
                )
                continue
            }
            guard b.unit == m.unit, b.better == m.better else {
                doc.metrics[i].change = Change(
                    verdict: .notComparable,
                    reason:
                        "the baseline records \(b.unit) (better \(b.better.rawValue)), this run \(m.unit) (better \(m.better.rawValue))"
                )
                continue
            }
            do {
                let c = try BaselineComparison.compare(
                    s, baseline: b, seed: StableSeed.forMetric(m.key, seed: options.seed),
                    alpha: thresholds.alpha, rankTestReach: rankTestReach)
                let cls = thresholds.metricClass(scenario: m.scenario, metric: m.metric, unit: m.unit)
                tested.append(
                    (i, c, ChangeRule(thresholds: thresholds, metricClass: cls, noiseFloorPct: b.noiseFloorPct)))
            } catch {
                doc.metrics[i].change = Change(verdict: .notComparable, reason: "not comparable: \(error)")
            }
        }
        // Benjamini–Hochberg over every metric tested in this run: q controls the false discovery rate.
        // A p-value outside [0, 1] is a bug in a test, not a verdict: it stops the analysis (exit 3).
        let qs = try BenjaminiHochberg.adjust(tested.map(\.comparison.p))
        for (k, t) in tested.enumerated() {
            let c = t.comparison
            let m = doc.metrics[t.index]
            var (verdict, reason) = t.rule.decide(
                deltaPct: c.deltaPct, q: qs[k], better: m.better, ci: c.ci,
                runToRunNoiseKnown: c.runToRunNoiseKnown)
            reason += "; decided by \(c.decidedBy)"
            if let limitation = c.limitation { reason += "; \(limitation)" }
            if let mde = c.minimumDetectablePct {
                reason += "; " + MinimumDetectableChange.describe(percent: mde, alpha: thresholds.alpha)
            }
            if !sameClass { reason += " (compared across machine classes: --ignore-host)" }
            doc.metrics[t.index].change = Change(
                deltaPct: c.deltaPct, ci: c.ci, welch: c.welch, mannWhitney: c.mannWhitney,
                p: c.p, q: qs[k], verdict: verdict, reason: reason, testLevel: c.testLevel)
        }
        if !placedDifferently.isEmpty {
            notes.append(
                "baseline not compared for \(placedDifferently.joined(separator: ", ")): the baseline placed their nodes differently (run.config.placement). Record a baseline of this placement with --update-baseline, or pass --compare-any-relay to compare anyway"
            )
        }
        return notes
    }
}
