import BenchFormats
import Foundation

/// A run id that sorts by time and is unique per run: `20261128T233546Z-1a2b3c`.
enum RunIdentifier {
    static func make(now: Date = Date()) -> String {
        let suffix = UUID().uuidString.prefix(6).lowercased()
        return "\(ISO8601.basicSeconds(now))-\(suffix)"
    }
}
