import BenchFormats

/// The repository files render reads besides results: `.benchmarks/baseline.json` and
/// `.benchmarks/thresholds.json`. Any failure becomes a message that names the file and the fix.
enum ConfigFiles {
    static func baseline(_ path: String) throws(ReportError) -> Baseline {
        do {
            return try Baseline.read(from: path)
        } catch {
            throw .baselineUnreadable(path: path, reason: "\(error)")
        }
    }

    static func thresholds(_ path: String) throws(ReportError) -> Thresholds {
        do {
            return try Thresholds.read(from: path)
        } catch {
            throw .thresholdsUnreadable(path: path, reason: "\(error)")
        }
    }
}
