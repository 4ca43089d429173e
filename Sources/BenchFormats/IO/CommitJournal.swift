import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The commit point of a multi-file commit: a durable list of renames (temporary → target) and
/// removals, with one copy in every folder the commit touches, so whoever next reads or writes
/// any of those folders finds it (`CommitRecovery`). The writer holds every copy under `flock`
/// until it has applied the commit and removed the copies; once one copy exists, the commit
/// happens, by this process or, if it is killed, by the next reader or writer of a folder.
///
/// Lines: `R<TAB>temporary<TAB>target`, `D<TAB>path<TAB>device inode ctime-s ctime-ns` (removed
/// only while it is still that file, so a late recovery never deletes a newer one), `J<TAB>copy`.
struct CommitJournal {
    static let suffix = ".journal"

    /// A file to remove, pinned to its device, inode and status-change time (ns): an inode
    /// number freed and reused by a newer file does not match.
    struct Removal: Equatable {
        let path: String
        let version: [UInt64]

        init(path: String, version: [UInt64]) {
            self.path = path
            self.version = version
        }

        init?(path: String) {
            guard let version = Self.version(of: path) else { return nil }
            self.init(path: path, version: version)
        }

        static func version(of path: String) -> [UInt64]? {
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            return [
                UInt64(info.st_dev), UInt64(info.st_ino), UInt64(bitPattern: Int64(info.st_ctim.tv_sec)),
                UInt64(info.st_ctim.tv_nsec),
            ]
        }
    }

    let renames: [(temporary: String, target: String)]
    let removals: [Removal]
    var copies: [String] = []

    init(renames: [(temporary: String, target: String)], removals: [String]) {
        self.renames = renames
        // A path already gone needs no removal; the identity pins the file this commit meant.
        self.removals = removals.compactMap(Removal.init(path:))
    }

    private init(renames: [(temporary: String, target: String)], removals: [Removal], copies: [String]) {
        self.renames = renames
        self.removals = removals
        self.copies = copies
    }

    var text: String {
        renames.map { "R\t\($0.temporary)\t\($0.target)\n" }.joined()
            + removals.map { "D\t\($0.path)\t\($0.version.map(String.init).joined(separator: " "))\n" }.joined()
            + copies.map { "J\t\($0)\n" }.joined()
    }

    /// Makes the journal durable in every folder, applies it, removes it.
    func apply(in folders: [String]) throws(FileCommitError) {
        var held: [TemporaryFile.Held] = []
        defer { for h in held { h.release() } }
        var journal = self
        do throws(FileCommitError) {
            for folder in folders { held.append(try TemporaryFile.create(beside: folder + "/journal")) }
            journal.copies = held.map { String($0.path.dropLast(TemporaryFile.suffix.count)) + Self.suffix }
            let bytes = Array(journal.text.utf8)
            for h in held { try TemporaryFile.fill(h, with: bytes, for: FileCommit.folder(of: h.path)) }
        } catch {
            for h in held { unlink(h.path) }
            for r in renames { unlink(r.temporary) }
            throw error
        }
        // The commit point: the first copy's rename, made durable by the folder's fsync.
        for (h, copy) in zip(held, journal.copies) {
            guard rename(h.path, copy) == 0 else {
                let error = FileCommitError.errno(FileCommit.folder(of: copy), "record the commit journal")
                if copy == journal.copies[0] {
                    for h in held { unlink(h.path) }
                    for r in renames { unlink(r.temporary) }
                    throw error
                }
                continue
            }
            try Self.syncFolder(FileCommit.folder(of: copy))
        }
        try journal.perform()
        for copy in journal.copies { unlink(copy) }
        for h in held { unlink(h.path) }  // a copy whose rename failed
        for folder in folders { try Self.syncFolder(folder) }
    }

    /// The renames and removals; idempotent, so a second recovery of the same journal changes nothing.
    func perform() throws(FileCommitError) {
        for r in renames where OutputTarget.fileExists(r.temporary) && rename(r.temporary, r.target) != 0 {
            throw .errno(r.target, "rename its temporary file over it")
        }
        for removal in removals where Removal.version(of: removal.path) == removal.version {
            guard unlink(removal.path) == 0 || Glibc.errno == ENOENT else { throw .errno(removal.path, "remove it") }
        }
        for folder in Set(
            renames.map { FileCommit.folder(of: $0.target) } + removals.map { FileCommit.folder(of: $0.path) })
        {
            try Self.syncFolder(folder)
        }
    }

    /// One rename or removal needs no journal: it is atomic by itself.
    static func applyWithoutJournal(
        renames: [(temporary: String, target: String)], removals: [String]
    ) throws(FileCommitError) {
        for r in renames where rename(r.temporary, r.target) != 0 {
            let error = FileCommitError.errno(r.target, "rename its temporary file over it")
            unlink(r.temporary)
            throw error
        }
        for path in removals where unlink(path) != 0 && Glibc.errno != ENOENT {
            throw .errno(path, "remove it")
        }
        for folder in Set(renames.map { FileCommit.folder(of: $0.target) } + removals.map(FileCommit.folder(of:))) {
            try syncFolder(folder)
        }
    }

    static func syncFolder(_ folder: String) throws(FileCommitError) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .errno(folder, "open the folder to fsync it") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .errno(folder, "fsync the folder") }
    }

    /// Parses a journal's text; nil if it is not one of ours.
    static func parse(_ text: String) -> CommitJournal? {
        var renames: [(String, String)] = []
        var removals: [Removal] = []
        var copies: [String] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch (fields.first, fields.count) {
            case ("R", 3): renames.append((fields[1], fields[2]))
            case ("D", 3):
                let version = fields[2].split(separator: " ").compactMap { UInt64($0) }
                guard version.count == 4 else { return nil }
                removals.append(Removal(path: fields[1], version: version))
            case ("J", 2): copies.append(fields[1])
            default: return nil
            }
        }
        return CommitJournal(renames: renames, removals: removals, copies: copies)
    }
}

/// Finishes what a killed commit left in a folder. Readers call `settle` before they read, so
/// a file is never read while a journal naming it is half applied; writers call `recover`,
/// which also deletes abandoned temporary files.
enum CommitRecovery {
    /// Applies every journal in `folder`: a live writer's after it finishes (its lock is
    /// waited for; it removes its journal itself), a dead writer's now. Best effort: a folder
    /// this process cannot change is left as it is.
    static func settle(folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() where TemporaryFile.writerPID(of: name, suffix: CommitJournal.suffix) != nil {
            guard let fd = TemporaryFile.openRegular(folder + "/" + name) else { continue }
            defer { close(fd) }
            while flock(fd, LOCK_EX) != 0 && Glibc.errno == EINTR {}
            var info = stat()
            // Unlinked meanwhile: its writer (or another recovery) finished it.
            guard fstat(fd, &info) == 0, info.st_nlink > 0,
                let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8),
                // Unfinished (a folder we cannot change): the journal stays for the next recovery.
                let journal = CommitJournal.parse(text), (try? journal.perform()) != nil
            else { continue }
            for copy in Set(journal.copies + [folder + "/" + name]) { unlink(copy) }
        }
    }

    /// `settle` for the folder of a file about to be read (`-` and special paths have none).
    static func settle(beforeReading path: String) {
        guard path != "-", !path.hasPrefix("/dev/"), !path.hasPrefix("/proc/") else { return }
        let folder = FileCommit.folder(of: path)
        settle(folder: folder.isEmpty ? "." : folder)
    }

    /// Before a commit writes in `folder`: journals settled, abandoned temporary files deleted.
    static func recover(folder: String) {
        settle(folder: folder)
        // Best effort, as settle: the commit that follows reports a folder it cannot use.
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where TemporaryFile.isAbandoned(name, in: folder) {
            unlink(folder + "/" + name)
        }
    }
}
