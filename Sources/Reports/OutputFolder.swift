import BenchFormats
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folder `render` writes into, written as one commit. It is checked first (a folder, or one
/// that can be created, and writable), so a bad `--out` fails with exit 2 before seconds of
/// drawing; files are then kept in memory and `commit` writes them all together (`FileCommit`)
/// under a lock on the folder. With a `family` ("report", "trends"), the commit also removes the
/// files of that family an earlier render left and this one does not write, and records the new
/// list in `.render-<family>.files`: the folder ends with exactly one run's files, and two renders
/// into one folder never mix. Files render does not own (raw samples beside the report) are never touched.
///
/// Thread safety: one instance belongs to one thread.
public final class OutputFolder {
    public let url: URL
    private let family: Family?
    private var files: [(name: String, bytes: [UInt8])] = []

    /// The files one kind of render owns in a folder.
    public struct Family: Sendable {
        public let name: String
        /// True for a file name this family writes (so an older run's copy may be removed).
        public let owns: @Sendable (String) -> Bool

        public init(name: String, owns: @escaping @Sendable (String) -> Bool) {
            self.name = name
            self.owns = owns
        }

        var listFile: String { ".render-\(name).files" }
    }

    /// Checks that `path` is, or can be created as, a writable folder; creates nothing.
    public init(path: String, family: Family? = nil) throws(ReportError) {
        let url = URL(fileURLWithPath: path, isDirectory: true)
        var existing = url.standardizedFileURL.path
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: existing, isDirectory: &isDirectory) {
            existing = (existing as NSString).deletingLastPathComponent
        }
        guard isDirectory.boolValue else {
            let what =
                existing == url.standardizedFileURL.path
                ? "it is a file, not a folder" : "\(existing) is a file, not a folder"
            throw .outputNotWritable(path: path, reason: what)
        }
        guard access(existing, W_OK | X_OK) == 0 else {
            throw .outputNotWritable(
                path: path,
                reason: existing == url.standardizedFileURL.path
                    ? "cannot create files in it" : "cannot create it in \(existing)")
        }
        self.url = url
        self.family = family
    }

    /// The path of a file inside the folder.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Keeps `bytes` as the content of `name`, written by `commit`.
    public func write(_ bytes: [UInt8], to name: String) {
        files.removeAll { $0.name == name }
        files.append((name, bytes))
    }

    public func write(_ data: Data, to name: String) { write([UInt8](data), to: name) }

    public func write(_ text: String, to name: String) { write(Array(text.utf8), to: name) }

    /// Writes every kept file together (and removes the family's stale files), or nothing.
    public func commit() throws(ReportError) {
        let commit = FileCommit()
        do {
            let lock = try family.map { _ throws(FileCommitError) in try DirectoryLock(folder: url.path) }
            defer { withExtendedLifetime(lock) {} }
            let folder = url.standardizedFileURL.path
            for file in files { try commit.add(file.bytes, to: folder + "/" + file.name, createFolder: true) }
            if let family {
                let written = Set(files.map(\.name))
                for stale in staleFiles(of: family, in: folder) where !written.contains(stale) {
                    commit.remove(folder + "/" + stale)
                }
                try commit.add(Array(files.map { $0.name + "\n" }.joined().utf8), to: folder + "/" + family.listFile)
            }
            try commit.commit()
            files.removeAll()
        } catch {
            throw .output(error)
        }
    }

    /// What an earlier render of `family` left: its list, and (for folders written before lists
    /// existed) any file whose name the family owns. Only plain names inside the folder.
    private func staleFiles(of family: Family, in folder: String) -> Set<String> {
        // A folder without a list (a first render) or one we cannot list has no stale files we
        // know of; a folder we cannot write is reported by the commit that follows.
        var names = Set<String>()
        if let list = try? String(contentsOfFile: folder + "/" + family.listFile, encoding: .utf8) {
            names.formUnion(list.split(separator: "\n").map(String.init))
        }
        if let present = try? FileManager.default.contentsOfDirectory(atPath: folder) {
            names.formUnion(present.filter(family.owns))
        }
        let present = Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        return names.filter { !$0.contains("/") && $0 != "." && $0 != ".." && present.contains($0) }
    }
}
