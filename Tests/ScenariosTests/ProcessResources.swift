import Foundation

/// What a process holds that a scenario could leak: open file descriptors (with what they point
/// at: sockets, SQLite files, epoll instances, pipes) and threads (with their names), read from
/// /proc/self/fd and /proc/self/task.
struct ProcessResources: Equatable {
    /// fd number → readlink target, e.g. "socket:[123]", "/tmp/…/node-0.sqlite", "anon_inode:[eventpoll]".
    var descriptors: [Int: String]
    /// Thread names (`/proc/self/task/<tid>/comm`), e.g. "NIO-ELT-0-#1".
    var threadNames: [String]

    static func current() throws -> ProcessResources {
        let manager = FileManager.default
        var descriptors: [Int: String] = [:]
        for entry in try manager.contentsOfDirectory(atPath: "/proc/self/fd") {
            guard let fd = Int(entry),
                let target = try? manager.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(entry)")
            else { continue }
            descriptors[fd] = target
        }
        var names: [String] = []
        for task in try manager.contentsOfDirectory(atPath: "/proc/self/task") {
            let name = (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8)) ?? "?"
            names.append(name.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return ProcessResources(descriptors: descriptors, threadNames: names.sorted())
    }

    /// Descriptors of a kind a mesh opens (sockets, epoll/eventfd/timerfd, SQLite files), which
    /// must all be closed once a scenario ends; the directory listing itself is excluded.
    var meshDescriptors: [String] {
        descriptors.values.filter { target in
            target.hasPrefix("socket:") || target.hasPrefix("anon_inode:") || target.hasSuffix(".sqlite")
                || target.hasSuffix(".sqlite-wal") || target.hasSuffix(".sqlite-shm") || target.contains("meshbench")
        }.sorted()
    }

    /// Threads SwiftNIO starts for a mesh's event loops; shutdown joins them all.
    var eventLoopThreads: [String] { threadNames.filter { $0.hasPrefix("NIO-") } }
}
