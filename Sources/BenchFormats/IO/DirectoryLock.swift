import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on a folder, held for a read-modify-write of files in it (flake history
/// and history recording, a render folder's file set). Locking the folder itself, not a lock
/// file, leaves nothing behind. Released when the value is deinitialised, or by the kernel when
/// the process dies. Hold it with `defer { withExtendedLifetime(lock) {} }`: an optimised build
/// may deinitialise a value it sees no further use of (`_ = lock` is none) before its scope ends,
/// which lost 4 of 40 concurrent `--record` updates.
public final class DirectoryLock {
    private let fd: Int32

    /// Creates `folder` (and its parents) if needed, then waits for the lock.
    public init(folder: String) throws(FileCommitError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw FileCommitError(path: folder, operation: "create the folder", message: error.localizedDescription)
        }
        fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .errno(folder, "open the folder to lock it") }
        while flock(fd, LOCK_EX) != 0 {
            if Glibc.errno == EINTR { continue }
            let error = FileCommitError.errno(folder, "lock the folder")
            close(fd)
            throw error
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
