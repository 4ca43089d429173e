import Foundation
import ProcFS
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
    /// The process's figures now, or nil when it has exited (its /proc entry is gone).
    static func snapshot(pid: Int32) -> ProcessSnapshot? {
        guard let cpu = ProcFS.cpuTime(pid: pid), let status = ProcFS.status(pid: pid) else { return nil }
        return ProcessSnapshot(
            rssBytes: (status.kilobytes("VmRSS") ?? 0) * 1024,
            anonymousBytes: (status.kilobytes("RssAnon") ?? 0) * 1024,
            userSeconds: cpu.userSeconds, systemSeconds: cpu.systemSeconds)
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
