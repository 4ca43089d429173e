import BenchFormats
import Foundation

/// `analyze [FILES]`: everything the command does, so the executable stays a thin parser.
/// Nothing is written until the analysis has succeeded and every output path has been checked;
/// then the results and, when asked, the baseline, the history entry and the flake history are
/// committed together (`FileCommit`), so nothing changes when the command fails.
public struct AnalyzeRunCommand {
    public var inputs: [String] = ["-"]
    public var out = "-"
    public var baselinePath = BenchmarksLayout.baseline
    /// `--baseline` was given explicitly: a missing file is then an error, not "no baseline yet".
    public var baselineExplicit = false
    public var noBaseline = false
    public var thresholdsPath = BenchmarksLayout.thresholds
    public var allowPartial = false
    /// `--input-format`: the inputs' format when detection by content cannot decide.
    public var inputFormat = InputFormat.auto
    public var updateBaseline = false
    public var failOn = FailPolicy.fail
    public var options = AnalysisOptions()
    /// `--record`: keep this run in the history folder and count its outcomes in the flake history.
    public var record = false
    /// When the run is recorded (`--recorded-at`); defaults to the analysis time.
    public var recordedAt: Date?
    public var historyDir = BenchmarksLayout.history
    public var flakeHistoryPath = BenchmarksLayout.flakeHistory
    public var format = OutputFormat.results

    public init() {}

    /// Runs the analysis and returns the exit code (0 or 1 by `failOn`); throws on bad input.
    public func execute(log: (String) -> Void = { _ in }) throws -> Int32 {
        if noBaseline && baselineExplicit {
            throw AnalysisError.usage("--baseline and --no-baseline contradict each other; give one")
        }
        let thresholds = try InputLoading.readThresholds(path: thresholdsPath)
        let existingBaseline =
            noBaseline && !updateBaseline
            ? nil
            : try InputLoading.readBaseline(path: baselinePath, required: baselineExplicit && !updateBaseline)
        let run = try InputLoading.readRun(paths: inputs, allowPartial: allowPartial, format: inputFormat)
        let analyzed = try RunAnalyzer.analyze(
            run, baseline: noBaseline ? nil : existingBaseline,
            thresholds: thresholds, options: options)
        var doc = analyzed.document
        if updateBaseline {
            doc.notes.append("baseline \(baselinePath) re-recorded from this run")
        }
        let when = recordedAt ?? options.generatedAt
        let entry = HistoryRecording.entry(for: doc, recordedAt: when)
        let entryFile = try record ? HistoryFolder.encoded(entry, in: historyDir) : nil
        try checkOutputs(entryPath: entryFile?.path)
        // The read-modify-write of the history and flake history is one critical section, so two
        // concurrent `--record` runs both count.
        let locks = try lockedFolders().map { folder in
            do throws(FileCommitError) { return try DirectoryLock(folder: folder) } catch {
                throw AnalysisError.output(error)
            }
        }
        defer { _ = locks }
        doc.trends = try trends(including: entry, thresholds: thresholds, doc: &doc, log: log)
        let flakes = try flakeHistory(doc: &doc, at: when, thresholds: thresholds, log: log)
        var outputs = [OutputWriting.Output(bytes: try format.render(doc, outcomes: run.outcomes), path: out)]
        if updateBaseline {
            let baseline = BaselineBuilder.build(
                run: run, summarized: analyzed.summarized, previous: existingBaseline,
                recordedAt: options.generatedAt)
            outputs.append(OutputWriting.Output(bytes: try baseline.encoded(for: baselinePath), path: baselinePath))
        }
        if let entryFile {
            outputs.append(OutputWriting.Output(bytes: entryFile.bytes, path: entryFile.path, createFolder: true))
            if let flakes, !doc.outcomes.isEmpty {
                outputs.append(
                    OutputWriting.Output(
                        bytes: try flakes.encoded(for: flakeHistoryPath), path: flakeHistoryPath, createFolder: true))
            }
        }
        try OutputWriting.commit(outputs, inputs: inputs + [thresholdsPath])
        if updateBaseline { log("analyze: baseline written to \(baselinePath)") }
        if let entryFile { log("analyze: recorded in \(entryFile.path)") }
        log("analyze: verdict \(doc.verdictReason)")
        return failOn.exitCode(for: doc.verdict)
    }

    /// Every output path is refused now, before a lock is taken or a file written: `--out` that
    /// is an input or the baseline, a missing folder, a history file name longer than NAME_MAX.
    private func checkOutputs(entryPath: String?) throws {
        try OutputWriting.check(out, inputs: inputs + [thresholdsPath] + (noBaseline ? [] : [baselinePath]))
        if updateBaseline { try OutputWriting.check(baselinePath, inputs: inputs + [thresholdsPath]) }
        if let entryPath {
            try OutputWriting.check(entryPath, createFolder: true, inputs: inputs)
            try OutputWriting.check(flakeHistoryPath, createFolder: true, inputs: inputs + [thresholdsPath])
        }
    }

    /// The folders whose files this run reads and rewrites: locked, in a fixed order, for the whole update.
    private func lockedFolders() -> [String] {
        var folders: Set<String> = []
        if record {
            folders.insert(Self.folder(of: flakeHistoryPath))
            // `analyze prune` locks the history folder; a missing one has nothing to prune.
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: historyDir, isDirectory: &isFolder), isFolder.boolValue {
                folders.insert(historyDir)
            }
        }
        if updateBaseline { folders.insert(Self.folder(of: baselinePath)) }
        return folders.sorted()
    }

    private static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Trends over the thresholds' window, from the history folder plus this run. Unreadable
    /// history files are skipped with a warning naming them.
    func trends(
        including entry: HistoryEntry, thresholds: Thresholds, doc: inout ResultsDocument,
        log: (String) -> Void
    ) throws -> [TrendResult] {
        let (entries, warnings) = HistoryFolder.readAll(from: historyDir)
        for w in warnings {
            log("analyze: warning: \(w)")
            doc.notes.append(w)
        }
        let from = entry.recordedAt.addingTimeInterval(-Double(thresholds.trendWindowDays) * 86_400)
        let window = entries.filter {
            $0.recordedAt >= from && $0.recordedAt <= entry.recordedAt && $0.run.runID != entry.run.runID
        }
        let (sameClass, leftOut) = HistoryMachineClass.keep(window, of: entry.run.host.machineClass)
        if let leftOut { doc.notes.append(leftOut) }
        return TrendAnalysis.trends(sameClass + [entry], alpha: thresholds.alpha, seed: options.seed)
    }

    /// Flake statistics with this run's outcomes counted; returns the history to write with
    /// `--record` (nil when the existing file is unreadable: it is then left untouched).
    func flakeHistory(
        doc: inout ResultsDocument, at date: Date, thresholds: Thresholds,
        log: (String) -> Void
    ) throws -> FlakeHistory? {
        var existing: FlakeHistory?
        var readable = true
        if FileManager.default.fileExists(atPath: flakeHistoryPath) {
            do {
                existing = try FlakeHistory.read(from: flakeHistoryPath)
            } catch {
                readable = false
                let warning =
                    "skipped flake history \(flakeHistoryPath) (\(error)); it is left untouched and not updated"
                log("analyze: warning: \(warning)")
                doc.notes.append(warning)
            }
        }
        guard existing != nil || !doc.outcomes.isEmpty else { return nil }
        let updated = FlakeTracking.update(existing, with: doc.outcomes, at: date)
        doc.flakes = FlakeTracking.results(updated, policy: thresholds.flakes)
        for f in doc.flakes
        where 100 * f.flakeRate > thresholds.flakes.maxRatePct && f.runs >= thresholds.flakes.minRuns {
            doc.notes.append(
                f.quarantined
                    ? "\(f.test) quarantined: flake rate \(ChangeRule.formatPct(100 * f.flakeRate, signed: false)) over \(f.runs) runs (limit \(ChangeRule.formatPct(thresholds.flakes.maxRatePct, signed: false)))"
                    : "\(f.test) flakes at \(ChangeRule.formatPct(100 * f.flakeRate, signed: false)) over \(f.runs) runs, but tier 1 is never quarantined: fix it"
            )
        }
        return readable ? updated : nil
    }
}
