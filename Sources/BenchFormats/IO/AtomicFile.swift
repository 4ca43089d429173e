import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why an atomic write failed. The target was left exactly as it was.
public struct AtomicFileError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let operation: String
    public let message: String

    public var description: String {
        "\(path): cannot \(operation): \(message). The previous file (if any) is unchanged; "
            + "check that the folder exists, is writable and has free space."
    }
}

/// Replaces a file so that readers (and a crash at any point) see either the old content or the
/// new, never a mixture: write a temporary file in the same folder, fsync it, rename it over the
/// target (atomic within one file system), then fsync the folder so the rename itself is durable.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(AtomicFileError) {
        try write(bytes, to: path, beforeRename: {})
    }

    /// `beforeRename` lets tests fail the write at the last moment and prove the target survives.
    static func write(_ bytes: [UInt8], to path: String, beforeRename: () throws -> Void) throws(AtomicFileError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var template = Array((folder + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(path, "create a temporary file in \(folder)") }
        let temporary = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        do {
            defer { close(fd) }
            try writeAll(fd, bytes, path: path)
            guard fchmod(fd, 0o644) == 0 else { throw failure(path, "set permissions") }
            guard fsync(fd) == 0 else { throw failure(path, "fsync the temporary file") }
        }
        do {
            try beforeRename()
        } catch {
            throw AtomicFileError(path: path, operation: "finish the write", message: "\(error)")
        }
        guard rename(temporary, path) == 0 else { throw failure(path, "rename the temporary file over it") }
        renamed = true
        let dirFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dirFD >= 0 else { throw failure(path, "open its folder to fsync it") }
        defer { close(dirFD) }
        guard fsync(dirFD) == 0 else { throw failure(path, "fsync its folder") }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(AtomicFileError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(path, "write the temporary file")
            }
            offset += n
        }
    }

    private static func failure(_ path: String, _ operation: String) -> AtomicFileError {
        AtomicFileError(path: path, operation: operation, message: String(cString: strerror(errno)))
    }
}
