#if canImport(Glibc)
import Glibc
#endif

/// MeshBench's one reader of Linux's `/proc`: a process's memory fields (`status`), its CPU
/// time (`stat`) and the CPU model (`cpuinfo`). Every read is nil where the file is missing
/// (another OS, an exited process), so callers say "not measured" instead of failing a run.
public enum ProcFS {
    /// The most read of one `/proc` file. `status`, `stat` and `cpuinfo` of a 2-core machine are
    /// a few KiB; a 256-core machine's `cpuinfo` is about 300 KiB.
    public static let maxBytes = 1 << 20

    /// The text of a `/proc` file, at most `maxBytes` of it (the rest is dropped: callers read
    /// fields near the top), or nil when it cannot be opened.
    public static func read(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while bytes.count < maxBytes {
            let count = chunk.withUnsafeMutableBytes {
                Glibc.read(descriptor, $0.baseAddress, min($0.count, maxBytes - bytes.count))
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `/proc/<pid>/status` of `pid`, or of this process when nil.
    public static func status(pid: Int32? = nil) -> ProcStatus? {
        read("/proc/\(pid.map(String.init) ?? "self")/status").map(ProcStatus.init(text:))
    }

    /// User and kernel CPU time of `pid` (this process when nil) from `/proc/<pid>/stat`.
    public static func cpuTime(pid: Int32? = nil) -> ProcCPUTime? {
        read("/proc/\(pid.map(String.init) ?? "self")/stat").flatMap(ProcCPUTime.init(statLine:))
    }

    /// The first `model name` of `/proc/cpuinfo`.
    public static func cpuModel() -> String? {
        guard let text = read("/proc/cpuinfo") else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return line[line.index(after: colon)...].trimmingSpaces()
        }
        return nil
    }
}

/// The `Name:   value` lines of `/proc/<pid>/status`.
public struct ProcStatus: Sendable, Equatable {
    public let text: String

    public init(text: String) {
        self.text = text
    }

    /// A `Name:   1234 kB` field in kB; nil when absent or not in kB.
    public func kilobytes(_ field: String) -> Int? {
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 3, parts[2] == "kB" else { return nil }
            return Int(parts[1])
        }
        return nil
    }
}

/// CPU time of a process from its `/proc/<pid>/stat` line, in seconds.
public struct ProcCPUTime: Sendable, Equatable {
    /// Clock ticks per second of the utime/stime fields (`sysconf(_SC_CLK_TCK)`, 100 on Linux).
    public static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    public var userSeconds: Double
    public var systemSeconds: Double
    /// User plus system: the CPU the process used.
    public var totalSeconds: Double { userSeconds + systemSeconds }

    /// Reads utime (field 14) and stime (field 15). Field 2 (comm) may contain spaces and
    /// parentheses, so fields are counted after the last ')'.
    public init?(statLine stat: String) {
        guard let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After comm: state is field 3, so utime (14) and stime (15) are at offsets 11 and 12.
        guard fields.count > 12, let utime = Double(fields[11]), let stime = Double(fields[12]) else { return nil }
        userSeconds = utime / Self.ticksPerSecond
        systemSeconds = stime / Self.ticksPerSecond
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        var view = self
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
