import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Temporary files of a commit: named `.meshbench-<pid>-XXXXXX.tmp` in the target's folder and
/// held under an exclusive `flock` by their writer until its commit is over, so a later command
/// can tell a dead writer's leftovers (`CommitRecovery`) from a live one's: the kernel drops the
/// lock when the writer dies, whatever its pid namespace.
enum TemporaryFile {
    static let prefix = ".meshbench-"
    static let suffix = ".tmp"
    /// A file whose lock is free is a leftover once its writer's pid is gone, or, since a pid can
    /// be reused or belong to another pid namespace, once it is this old.
    static let abandonedAfterSeconds: Double = 60

    /// An open, locked file of ours; `release()` closes it and so drops the lock.
    struct Held {
        let path: String
        let fd: Int32

        func release() { close(fd) }
    }

    /// Writes `bytes` to a new, fsynced temporary file beside `target`; it stays locked until released.
    static func write(_ bytes: [UInt8], beside target: String) throws(FileCommitError) -> Held {
        let held = try create(beside: target)
        do throws(FileCommitError) {
            try fill(held, with: bytes, for: target)
        } catch {
            unlink(held.path)
            held.release()
            throw error
        }
        return held
    }

    /// A new empty temporary file beside `target`, locked from before anyone could find it
    /// unlocked for long (the name carries this pid, which is alive).
    static func create(beside target: String) throws(FileCommitError) -> Held {
        let folder = FileCommit.folder(of: target)
        var template = Array("\(folder)/\(prefix)\(getpid())-XXXXXX\(suffix)".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, Int32(suffix.utf8.count)) }
        guard fd >= 0 else { throw .errno(target, "create a temporary file in \(folder)") }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        guard flock(fd, LOCK_EX) == 0 else {
            let error = FileCommitError.errno(target, "lock its temporary file")
            unlink(path)
            close(fd)
            throw error
        }
        return Held(path: path, fd: fd)
    }

    /// Writes, sets the mode and fsyncs `held`.
    static func fill(_ held: Held, with bytes: [UInt8], for target: String) throws(FileCommitError) {
        try writeAll(held.fd, bytes, path: target)
        guard fchmod(held.fd, 0o644) == 0 else {
            throw FileCommitError.errno(target, "set the permissions of its temporary file")
        }
        guard fsync(held.fd) == 0 else { throw FileCommitError.errno(target, "fsync its temporary file") }
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
        let digits = name.dropFirst(prefix.count).prefix { $0.isNumber }
        guard name.dropFirst(prefix.count + digits.count).first == "-" else { return nil }
        return pid_t(digits)
    }

    static func isAlive(_ pid: pid_t) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || Glibc.errno == EPERM
    }

    /// Opens `path` for locking only if it is a regular file (never follows a link, never blocks
    /// on a FIFO); nil otherwise.
    static func openRegular(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            return nil
        }
        return fd
    }

    /// A temporary file named `name` in `folder` that no live writer holds: ours by name, a
    /// regular file, its lock free, and its writer dead or the file older than
    /// `abandonedAfterSeconds`.
    static func isAbandoned(_ name: String, in folder: String, suffix: String = suffix) -> Bool {
        guard let pid = writerPID(of: name, suffix: suffix), pid != getpid(),
            let fd = openRegular(folder + "/" + name)
        else { return false }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return false }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return false }
        let age = Date().timeIntervalSince1970 - (Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
        return !isAlive(pid) || age > abandonedAfterSeconds
    }
}
