import BenchFormats

/// Which size series the leak and OOM checks judge: memory a process holds (`rss`, `heap`), not
/// the data a node keeps on disk by design (`store_size`, `disk…`, `db…`), which grows with every
/// stored event and is neither a leak nor RAM.
enum MemorySeries {
    static let storageNames = ["store", "disk", "db"]

    static func isProcessMemory(_ series: Series) -> Bool {
        guard MemoryUnit.megabytes(1, unit: series.unit) != nil else { return false }
        let metric = series.metric.lowercased()
        return !storageNames.contains { metric.hasPrefix($0) || metric.contains("_\($0)") }
    }
}
