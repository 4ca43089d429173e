import BenchFormats
import Foundation

/// The summary of a run that `--record` keeps in `.benchmarks/history/` for 30-day trends.
public enum HistoryRecording {
    public static func entry(for doc: ResultsDocument, recordedAt: Date) -> HistoryEntry {
        HistoryEntry(
            recordedAt: recordedAt, run: doc.run,
            metrics: doc.metrics.map {
                HistoryMetric(
                    scenario: $0.scenario, metric: $0.metric, unit: $0.unit, better: $0.better, n: $0.n,
                    mean: $0.mean, p50: $0.p50, p95: $0.p95, p99: $0.p99)
            })
    }
}
