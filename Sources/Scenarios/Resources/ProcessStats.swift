import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Memory and CPU time of one OS process, read from `/proc/<pid>/stat` and `/proc/<pid>/status`.
struct ProcessSnapshot: Sendable, Equatable {
    /// Resident set size (VmRSS), bytes.
    var rssBytes: Int
    /// Resident anonymous memory (RssAnon), bytes: the malloc heap and its arenas plus thread
    /// stacks, without mapped files — the "heap in use" figure that other processes can read too
    /// (glibc's `mallinfo2` is not reachable from Swift).
    var anonymousBytes: Int
    /// CPU time in user and kernel mode, seconds.
    var userSeconds: Double
    var systemSeconds: Double
}

enum ProcessStats {
    /// Clock ticks per second of the utime/stime fields (`sysconf(_SC_CLK_TCK)`, 100 on Linux).
    static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// The process's figures now, or nil when it has exited (its /proc entry is gone).
    static func snapshot(pid: Int32) -> ProcessSnapshot? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        // Field 2 (comm) may contain spaces and parentheses: fields are counted after the last ')'.
        guard let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After comm: state is field 3, so utime (14) and stime (15) are at offsets 11 and 12.
        guard fields.count > 12, let utime = Double(fields[11]), let stime = Double(fields[12]) else { return nil }
        var rssKB = 0, anonKB = 0
        for line in status.split(separator: "\n") {
            let value = { Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0 }
            if line.hasPrefix("VmRSS:") { rssKB = value() }
            if line.hasPrefix("RssAnon:") { anonKB = value() }
        }
        return ProcessSnapshot(rssBytes: rssKB * 1024, anonymousBytes: anonKB * 1024, userSeconds: utime / ticksPerSecond,
                               systemSeconds: stime / ticksPerSecond)
    }

    static var current: ProcessSnapshot? { snapshot(pid: getpid()) }
}

/// CPU use between two snapshots as a percentage of one core (100 % = one core busy all the time).
struct CPUShare: Equatable {
    var userPercent: Double
    var systemPercent: Double

    init(from a: ProcessSnapshot, to b: ProcessSnapshot, wallSeconds: Double) {
        let wall = max(wallSeconds, 1e-9)
        userPercent = max(0, b.userSeconds - a.userSeconds) / wall * 100
        systemPercent = max(0, b.systemSeconds - a.systemSeconds) / wall * 100
    }
}
