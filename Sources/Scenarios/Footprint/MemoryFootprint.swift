import CMalloc
import Foundation

/// How much memory the process held during one scenario attempt: the peak resident set (Linux
/// `VmHWM`, reset at the start of the attempt through `/proc/self/clear_refs`) and glibc's
/// allocator statistics (`mallinfo2`), so `bench --profile` can say which scenario needed the
/// memory and whether it was heap or something else (thread stacks, SQLite page caches, code).
public struct MemoryFootprint: Equatable, Sendable {
    /// Peak resident set size since the last reset, bytes (`VmHWM`).
    public var peakRSSBytes: Int
    /// Resident set size now, bytes (`VmRSS`).
    public var rssBytes: Int
    /// Bytes handed out by malloc and not freed: small blocks (`uordblks`) plus mmapped blocks (`hblkhd`).
    public var heapInUseBytes: Int
    /// Bytes malloc holds from the system: the main arena (`arena`) plus mmapped blocks (`hblkhd`).
    public var heapArenaBytes: Int

    /// Makes `VmHWM` start again from the current RSS (writing "5" to clear_refs, Linux ≥ 4.0).
    /// Returns false where that is not allowed; the peak then covers the whole process lifetime.
    @discardableResult
    public static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }

    /// The figures now, or nil where `/proc/self/status` cannot be read (not Linux).
    public static func current() -> MemoryFootprint? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        guard let peak = kilobytes("VmHWM", in: status), let rss = kilobytes("VmRSS", in: status) else { return nil }
        let info = mallinfo2()
        return MemoryFootprint(peakRSSBytes: peak * 1024, rssBytes: rss * 1024,
                               heapInUseBytes: Int(info.uordblks) + Int(info.hblkhd),
                               heapArenaBytes: Int(info.arena) + Int(info.hblkhd))
    }

    /// `Name:   1234 kB` → 1234.
    static func kilobytes(_ field: String, in status: String) -> Int? {
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 2, parts.last == "kB" else { return nil }
            return Int(parts[1])
        }
        return nil
    }

    /// Writes the footprint as one-point `series` records in MB (10⁶ bytes), at `t` seconds after
    /// the attempt began: memory series feed analyze's OOM-risk check.
    func record(into recorder: Recorder, at t: Double) throws {
        let figures: [(String, Int)] = [("peak_rss", peakRSSBytes), ("heap_in_use", heapInUseBytes), ("heap_arena", heapArenaBytes)]
        for (metric, bytes) in figures {
            try recorder.series(metric, unit: "MB", t: [t], values: [Double(bytes) / 1e6])
        }
    }
}
