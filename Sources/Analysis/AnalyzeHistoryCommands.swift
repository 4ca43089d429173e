import BenchFormats
import Foundation

/// `analyze prune --keep-days N`: deletes history entries recorded more than N days ago
/// (default: `retention_days` of thresholds.json, 90).
public struct AnalyzePruneCommand {
    public var historyDir = BenchmarksLayout.history
    public var thresholdsPath = BenchmarksLayout.thresholds
    public var keepDays: Int?
    public var now = Date()

    public init() {}

    public func execute(log: (String) -> Void = { _ in }) throws -> Int32 {
        let days: Int
        if let keepDays {
            days = keepDays
        } else {
            days = try InputLoading.readThresholds(path: thresholdsPath).retentionDays
        }
        guard days >= 0 else { throw AnalysisError.usage("--keep-days must be 0 or more (got \(days))") }
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        let removed: [String]
        do {
            removed = try HistoryFolder.prune(historyDir, recordedBefore: cutoff)
        } catch {
            throw AnalysisError.badInput(
                file: historyDir, line: nil, problem: "cannot prune (\(error))", fix: "check the folder's permissions")
        }
        for path in removed { log("analyze prune: removed \(path)") }
        log("analyze prune: \(removed.count) entr\(removed.count == 1 ? "y" : "ies") older than \(days) days removed")
        return 0
    }
}

/// `analyze trends --days N`: trends of the recorded history as a results document (no run is
/// analysed: metrics are empty, the header is the latest recorded run's), so `render` can draw it.
public struct AnalyzeTrendsCommand {
    public var historyDir = BenchmarksLayout.history
    public var thresholdsPath = BenchmarksLayout.thresholds
    public var days: Int?
    public var out = "-"
    public var seed: UInt64 = 1
    public var now = Date()

    public init() {}

    public func execute(log: (String) -> Void = { _ in }) throws -> Int32 {
        let thresholds = try InputLoading.readThresholds(path: thresholdsPath)
        let window = days ?? thresholds.trendWindowDays
        guard window > 0 else { throw AnalysisError.usage("--days must be at least 1 (got \(window))") }
        let (entries, warnings) = HistoryFolder.readAll(from: historyDir)
        warnings.forEach { log("analyze trends: warning: \($0)") }
        let from = now.addingTimeInterval(-Double(window) * 86_400)
        let inWindow = entries.filter { $0.recordedAt >= from && $0.recordedAt <= now }
        guard let latest = inWindow.last else {
            throw AnalysisError.badInput(
                file: historyDir, line: nil,
                problem: "no readable history entry in the last \(window) days",
                fix: "record runs with `analyze --record`, or widen --days")
        }
        // Fitted on the latest run's machine class only (HistoryMachineClass).
        let (recent, leftOut) = HistoryMachineClass.keep(inWindow, of: latest.run.host.machineClass)
        var doc = ResultsDocument(
            run: latest.run, generatedAt: now, verdict: .pass,
            verdictReason: "trend report over \(window) days: no run was analysed, so no verdict on one",
            trends: TrendAnalysis.trends(recent, alpha: thresholds.alpha, seed: seed),
            notes: [
                "\(recent.count) recorded run(s) from \(ISO8601.format(recent.first!.recordedAt)) to \(ISO8601.format(latest.recordedAt))"
            ] + warnings)
        if let leftOut { doc.notes.append(leftOut) }
        let degrading = doc.trends.filter { $0.direction == .degrading }
        if !degrading.isEmpty {
            doc.notes.append(
                "degrading (significant slope): \(degrading.map(\.key.description).joined(separator: ", "))")
        }
        try OutputWriting.write(try OutputFormat.results.render(doc, outcomes: []), to: out, inputs: [thresholdsPath])
        return 0
    }
}
