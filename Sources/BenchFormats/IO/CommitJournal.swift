import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The commit point of a multi-file commit: a durable list of renames (temporary → target) and
/// removals. Once the journal file exists, the commit happens, by this process or, if it is
/// killed, by the next commit in that folder (`CommitRecovery`).
struct CommitJournal {
    static let suffix = ".journal"

    let renames: [(temporary: String, target: String)]
    let removals: [String]

    func apply(in folder: String) throws(FileCommitError) {
        let text = renames.map { "R\t\($0.temporary)\t\($0.target)\n" }.joined() + removals.map { "D\t\($0)\n" }.joined()
        let written = try TemporaryFile.write(Array(text.utf8), beside: folder + "/journal")
        let journal = String(written.dropLast(TemporaryFile.suffix.count)) + Self.suffix
        guard rename(written, journal) == 0 else {
            let error = FileCommitError.errno(folder, "record the commit journal")
            unlink(written)
            for r in renames { unlink(r.temporary) }
            throw error
        }
        try Self.syncFolder(folder)
        try Self.applyWithoutJournal(renames: renames, removals: removals)
        unlink(journal)
        try Self.syncFolder(folder)
    }

    /// The renames and removals themselves; each folder touched is fsynced so they are durable.
    static func applyWithoutJournal(renames: [(temporary: String, target: String)], removals: [String]) throws(FileCommitError) {
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

    /// Reads a journal a dead process left; nil if it is not one of ours.
    static func read(_ path: String) -> CommitJournal? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var renames: [(String, String)] = []
        var removals: [String] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if fields.count == 3, fields[0] == "R" { renames.append((fields[1], fields[2])) }
            else if fields.count == 2, fields[0] == "D" { removals.append(fields[1]) }
            else { return nil }
        }
        return CommitJournal(renames: renames, removals: removals)
    }
}

/// Finishes what a killed commit left in a folder: a journal's renames are completed (the commit
/// had reached its commit point), then temporary files of dead writers are deleted.
enum CommitRecovery {
    static func recover(folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() {
            guard let pid = TemporaryFile.writerPID(of: name, suffix: CommitJournal.suffix), !TemporaryFile.isAlive(pid) else { continue }
            let path = folder + "/" + name
            if let journal = CommitJournal.read(path) {
                for r in journal.renames where OutputTarget.fileExists(r.temporary) { rename(r.temporary, r.target) }
                for path in journal.removals { unlink(path) }
            }
            unlink(path)
        }
        for name in names {
            guard let pid = TemporaryFile.writerPID(of: name, suffix: TemporaryFile.suffix), !TemporaryFile.isAlive(pid) else { continue }
            unlink(folder + "/" + name)
        }
    }
}
