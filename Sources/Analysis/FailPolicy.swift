import BenchFormats

/// Which verdict makes `analyze` exit 1 (`--fail-on`): CI can gate on warnings, on failures
/// (the default), or only report.
public enum FailPolicy: String, CaseIterable, Sendable {
    case warn, fail, never

    public func exitCode(for verdict: Verdict) -> Int32 {
        switch (self, verdict) {
        case (.never, _), (_, .pass): return 0
        case (.warn, _): return 1
        case (.fail, .fail): return 1
        case (.fail, .warn): return 0
        }
    }
}
