import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one way MeshBench writes its outputs: every file of one command is checked first
/// (`add` writes nothing), then all are committed together or not at all.
///
/// Commit: each file is written to a temporary file in its target's folder and fsynced; with more
/// than one change, a journal listing the renames is made durable (the commit point); then each
/// temporary file is renamed over its target and the journal removed. A process killed before the
/// journal exists leaves only temporary files, which the next commit in that folder deletes (their
/// lock is free); killed after, the next reader or writer of any of its folders finishes its renames
/// (`CommitRecovery`). Standard output and special files are written last, as streams.
///
/// Thread safety: one instance belongs to one thread.
public final class FileCommit {
    private struct Staged {
        let target: OutputTarget
        let bytes: [UInt8]
    }

    private var staged: [Staged] = []
    private var removals: [String] = []
    private let inputs: [(path: String, identity: FileIdentity)]

    /// `inputs` are the files the command read: an output that is one of them (same device and
    /// inode, however spelled) is refused.
    public init(inputs: [String] = []) {
        self.inputs = inputs.compactMap { path in FileIdentity(path: path).map { (path, $0) } }
    }

    /// Checks `path` as an output and keeps `bytes` for the commit; nothing is written yet.
    public func add(_ bytes: [UInt8], to path: String, createFolder: Bool = false) throws(FileCommitError) {
        let target = try Self.check(path, createFolder: createFolder, inputs: inputs)
        if target.kind != .standardOutput, staged.contains(where: { $0.target.path == target.path }) {
            throw FileCommitError(
                path: path, operation: "write it", message: "two outputs of this command name the same file")
        }
        staged.append(Staged(target: target, bytes: bytes))
    }

    /// Deletes `path` (absolute) as part of the commit, e.g. a file an earlier run wrote that this run replaces by nothing.
    public func remove(_ path: String) {
        removals.append(path)
    }

    /// Checks one output path without keeping anything: for commands that must refuse a bad
    /// output before they lock and read what the output depends on.
    public static func check(_ path: String, createFolder: Bool = false, inputs: [String]) throws(FileCommitError) {
        _ = try check(
            path, createFolder: createFolder,
            inputs: inputs.compactMap { p in FileIdentity(path: p).map { (p, $0) } })
    }

    private static func check(
        _ path: String, createFolder: Bool,
        inputs: [(path: String, identity: FileIdentity)]
    ) throws(FileCommitError) -> OutputTarget {
        if let identity = FileIdentity(path: path), let input = inputs.first(where: { $0.identity == identity }),
            !path.hasPrefix("/dev/"), !path.hasPrefix("/proc/")
        {
            throw FileCommitError(
                path: path, operation: "write it",
                message: "it is the input \(input.path) (the same file); write the output elsewhere")
        }
        return try OutputTarget.resolve(path, createFolder: createFolder)
    }

    /// Writes everything staged. On a failure before the commit point, nothing is changed and no
    /// temporary file or created folder is left.
    public func commit() throws(FileCommitError) {
        let files = staged.filter { $0.target.kind == .file }
        let created = try createFolders(files.flatMap(\.target.foldersToCreate))
        let folders = Set(files.map { Self.folder(of: $0.target.path) } + removals.map(Self.folder(of:))).sorted()
        // Each temporary file stays locked until the commit is over: a concurrent command's
        // recovery then knows it is not abandoned.
        var held: [TemporaryFile.Held] = []
        defer { for h in held { h.release() } }
        do throws(FileCommitError) {
            for folder in folders { CommitRecovery.recover(folder: folder) }
            for file in files { held.append(try TemporaryFile.write(file.bytes, beside: file.target.path)) }
        } catch {
            for h in held { unlink(h.path) }
            for folder in created.reversed() { rmdir(folder) }
            throw error
        }
        let temporaries = zip(held, files).map { (temporary: $0.path, target: $1.target.path) }
        if temporaries.count + removals.count > 1 {
            try CommitJournal(renames: temporaries, removals: removals).apply(in: folders)
        } else {
            try CommitJournal.applyWithoutJournal(renames: temporaries, removals: removals)
        }
        for stream in staged where stream.target.kind != .file {
            try Self.writeStream(stream.bytes, to: stream.target)
        }
        staged.removeAll()
        removals.removeAll()
    }

    /// Creates missing folders outermost first; returns the ones it created.
    private func createFolders(_ folders: [String]) throws(FileCommitError) -> [String] {
        var created: [String] = []
        for folder in folders where !created.contains(folder) {
            if mkdir(folder, 0o755) == 0 {
                created.append(folder)
            } else if Glibc.errno != EEXIST {
                let error = FileCommitError.errno(folder, "create the folder")
                for c in created.reversed() { rmdir(c) }
                throw error
            }
        }
        return created
    }

    private static func writeStream(_ bytes: [UInt8], to target: OutputTarget) throws(FileCommitError) {
        if target.kind == .standardOutput {
            try TemporaryFile.writeAll(STDOUT_FILENO, bytes, path: "standard output")
            return
        }
        let fd = open(target.path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw .errno(target.given, "open it for writing") }
        defer { close(fd) }
        try TemporaryFile.writeAll(fd, bytes, path: target.given)
    }

    static func folder(of path: String) -> String { (path as NSString).deletingLastPathComponent }
}
