import Foundation

/// Stacks and their sample counts, merged by identical stack: the "a;b;c count" folded format that
/// flame graph tools (and `render flamegraph`) read. Frames are root first.
public struct FoldedProfile: Equatable, Sendable {
    public private(set) var counts: [[String]: Int] = [:]

    public init() {}

    /// Adds `count` samples of a stack given root first; empty stacks and zero counts are ignored.
    public mutating func add(rootFirst frames: [String], count: Int = 1) {
        guard !frames.isEmpty, count > 0 else { return }
        counts[frames.map(FoldedProfile.cleanFrame), default: 0] += count
    }

    public var totalSamples: Int { counts.values.reduce(0, +) }

    /// One "frame;frame;frame count" line per stack, sorted by stack so equal profiles give equal files.
    public func foldedText() -> String {
        counts.sorted { $0.key.lexicographicallyPrecedes($1.key) }
            .map { $0.key.joined(separator: ";") + " \($0.value)\n" }
            .joined()
    }

    /// Frames with the most samples at the top of the stack (where the time is spent), largest first.
    public func topSelfFrames(_ limit: Int) -> [(frame: String, samples: Int)] {
        var selfCounts: [String: Int] = [:]
        for (stack, count) in counts { selfCounts[stack.last!, default: 0] += count }
        return selfCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit).map { ($0.key, $0.value) }
    }

    /// The folded format reserves ";" (frame separator) and a trailing " count"; a frame must not
    /// be empty either. Swift demangled names contain neither ";" nor newlines, C++ ones may.
    static func cleanFrame(_ frame: String) -> String {
        let cleaned = frame.replacingOccurrences(of: ";", with: ":").replacingOccurrences(of: "\n", with: " ")
        return cleaned.isEmpty ? "[unknown]" : cleaned
    }
}
