import CMalloc
import Foundation
import ProcFS

/// How much memory the process held during one scenario attempt: the peak resident set (Linux
/// `VmHWM`, reset at the start of the attempt through `/proc/self/clear_refs`) and glibc's
/// allocator totals over every arena (`malloc_info`; `mallinfo2` would count only the main
/// arena, and SwiftNIO's event-loop threads allocate in their own), so `bench --profile` can say
/// which scenario needed the memory and whether it was heap or something else (thread stacks,
/// SQLite page caches, code).
public struct MemoryFootprint: Equatable, Sendable {
    /// Peak resident set size since the last reset, bytes (`VmHWM`).
    public var peakRSSBytes: Int
    /// Resident set size now, bytes (`VmRSS`).
    public var rssBytes: Int
    /// Bytes handed out by malloc and not freed, over all arenas, mmapped blocks included.
    public var heapInUseBytes: Int
    /// Bytes malloc holds from the system: every arena plus the mmapped blocks.
    public var heapArenaBytes: Int

    /// Makes `VmHWM` start again from the current RSS (writing "5" to clear_refs, Linux ≥ 4.0).
    /// Returns false where that is not allowed; the peak then covers the whole process lifetime.
    @discardableResult
    public static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }  // the write's outcome is the answer; closing frees the descriptor
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }

    /// The figures now, or nil where `/proc/self/status` cannot be read (not Linux).
    public static func current() -> MemoryFootprint? {
        guard let status = ProcFS.status(), let peak = status.kilobytes("VmHWM"), let rss = status.kilobytes("VmRSS"),
            let heap = AllocatorTotals(mallocInfo: mallocInfoXML())
        else { return nil }
        return MemoryFootprint(
            peakRSSBytes: peak * 1024, rssBytes: rss * 1024,
            heapInUseBytes: heap.inUseBytes, heapArenaBytes: heap.systemBytes)
    }

    /// glibc's `malloc_info(0, …)` report, captured through an in-memory stream.
    static func mallocInfoXML() -> String {
        var buffer: UnsafeMutablePointer<CChar>?
        var size = 0
        guard let stream = open_memstream(&buffer, &size) else { return "" }
        let status = malloc_info(0, stream)
        fclose(stream)
        defer { free(buffer) }
        guard status == 0, let buffer else { return "" }
        return String(cString: buffer)
    }

    /// Writes the footprint as one-point `series` records in MB (10⁶ bytes), at `t` seconds after
    /// the attempt began: memory series feed analyze's OOM-risk check.
    func record(into recorder: Recorder, at t: Double) throws {
        let figures: [(String, Int)] = [
            ("peak_rss", peakRSSBytes), ("heap_in_use", heapInUseBytes), ("heap_arena", heapArenaBytes),
        ]
        for (metric, bytes) in figures {
            try recorder.series(metric, unit: "MB", t: [t], values: [Double(bytes) / 1e6])
        }
    }
}

/// The process-wide totals at the end of glibc's `malloc_info` XML (after the per-heap sections):
/// `system current` bytes held in arenas, free chunks (`total fast` and `total rest`) and
/// mmapped blocks (`total mmap`, always in use).
struct AllocatorTotals: Equatable {
    var inUseBytes: Int
    var systemBytes: Int

    init?(mallocInfo xml: String) {
        let totals = xml.range(of: "</heap>", options: .backwards).map { String(xml[$0.upperBound...]) } ?? xml
        guard let current = Self.size(of: "<system type=\"current\"", in: totals),
            let fast = Self.size(of: "<total type=\"fast\"", in: totals),
            let rest = Self.size(of: "<total type=\"rest\"", in: totals),
            let mmapped = Self.size(of: "<total type=\"mmap\"", in: totals)
        else { return nil }
        inUseBytes = current - fast - rest + mmapped
        systemBytes = current + mmapped
    }

    /// The `size="N"` attribute of the first element starting with `prefix`.
    static func size(of prefix: String, in xml: String) -> Int? {
        guard let element = xml.range(of: prefix),
            let attribute = xml.range(of: "size=\"", range: element.upperBound..<xml.endIndex),
            let close = xml[attribute.upperBound...].firstIndex(of: "\"")
        else { return nil }
        return Int(xml[attribute.upperBound..<close])
    }
}
