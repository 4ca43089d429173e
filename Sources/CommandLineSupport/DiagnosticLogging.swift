import Foundation
import Logging
import NIOConcurrencyHelpers

/// Structured logs on standard error for debugging (`bench --verbose`, `MESHBENCH_LOG=debug`):
/// one line per message with time, level, label and metadata, e.g.
/// `12:01:02.345 debug meshbench.scenarios: attempt passed [attempt=1 scenario=tier1.propagation-3]`.
/// Standard output keeps carrying only data, so logging never corrupts a pipe.
public enum DiagnosticLogging {
    /// The level from `--verbose` (debug) or `MESHBENCH_LOG` (trace, debug, info, notice, warning,
    /// error, critical); warning otherwise. An unknown `MESHBENCH_LOG` value is a usage error.
    static func level(
        verbose: Bool, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(UnknownLogLevel) -> Logger.Level {
        if let name = environment["MESHBENCH_LOG"], !name.isEmpty {
            guard let level = Logger.Level(rawValue: name.lowercased()) else { throw UnknownLogLevel(name: name) }
            return verbose ? min(level, .debug) : level
        }
        return verbose ? .debug : .warning
    }

    /// Installs the standard-error handler once per process (later calls keep the first level).
    public static func bootstrap(verbose: Bool) throws(UnknownLogLevel) {
        let chosen = try level(verbose: verbose)
        once.withLockedValue { done in
            guard !done else { return }
            done = true
            LoggingSystem.bootstrap { label in StandardErrorLogHandler(label: label, logLevel: chosen) }
        }
    }

    /// `LoggingSystem.bootstrap` may run only once per process.
    private static let once = NIOLockedValueBox(false)
}

/// Writes `time level label: message [key=value …]` lines to standard error through `Console`
/// (one write each, so lines from event-loop threads do not interleave; a closed standard error
/// drops the line rather than trapping).
struct StandardErrorLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    init(label: String, logLevel: Logger.Level) {
        self.label = label
        self.logLevel = logLevel
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        if let error = event.error { merged["error"] = "\(error)" }
        Console.error(
            Self.format(time: Date(), level: event.level, label: label, message: "\(event.message)", metadata: merged))
    }

    static func format(
        time: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata
    ) -> String {
        let fields = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        return "\(clock(time)) \(level.rawValue) \(label): \(message)" + (fields.isEmpty ? "" : " [\(fields)]")
    }

    /// UTC `HH:mm:ss.SSS`: enough to order lines within a run without a date on every line.
    private static func clock(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        let day = seconds.truncatingRemainder(dividingBy: 86_400)
        let h = Int(day / 3600), m = Int(day.truncatingRemainder(dividingBy: 3600) / 60)
        let s = day.truncatingRemainder(dividingBy: 60)
        return String(format: "%02d:%02d:%06.3f", h, m, s)
    }
}

/// `MESHBENCH_LOG` names no log level (exit code 2).
public struct UnknownLogLevel: Error, CustomStringConvertible, Equatable {
    public let name: String

    public var description: String {
        let valid = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
        return "MESHBENCH_LOG=\(name) is not a log level; use one of \(valid)"
    }
}
