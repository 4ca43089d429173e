import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Temporary files of a commit: named `.meshbench-<pid>-XXXXXX.tmp` in the target's folder, so
/// a later commit can tell a dead writer's leftovers (`CommitRecovery`) from a live one's.
enum TemporaryFile {
    static let prefix = ".meshbench-"
    static let suffix = ".tmp"

    /// Writes `bytes` to a new, fsynced temporary file beside `target`; returns its path.
    static func write(_ bytes: [UInt8], beside target: String) throws(FileCommitError) -> String {
        let folder = FileCommit.folder(of: target)
        var template = Array("\(folder)/\(prefix)\(getpid())-XXXXXX\(suffix)".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, Int32(suffix.utf8.count)) }
        guard fd >= 0 else { throw .errno(target, "create a temporary file in \(folder)") }
        let temporary = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        do throws(FileCommitError) {
            defer { close(fd) }
            try writeAll(fd, bytes, path: target)
            guard fchmod(fd, 0o644) == 0 else { throw FileCommitError.errno(target, "set the permissions of its temporary file") }
            guard fsync(fd) == 0 else { throw FileCommitError.errno(target, "fsync its temporary file") }
        } catch {
            unlink(temporary)
            throw error
        }
        return temporary
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(FileCommitError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if Glibc.errno == EINTR { continue }
                throw .errno(path, "write it")
            }
            offset += n
        }
    }

    /// The writer's process id, from a name this type made; nil for any other name.
    static func writerPID(of name: String, suffix: String) -> pid_t? {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        return pid_t(name.dropFirst(prefix.count).prefix { $0.isNumber })
    }

    static func isAlive(_ pid: pid_t) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || Glibc.errno == EPERM
    }
}
