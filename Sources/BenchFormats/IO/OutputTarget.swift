import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where one output goes, decided (and checked) before anything is written: a regular file is
/// replaced by rename, standard output and special files (FIFOs, devices, sockets, anything under
/// /dev or /proc) are written as a stream and never renamed over, and a symbolic link is followed
/// so the link survives and the file it names is replaced.
struct OutputTarget: Equatable {
    enum Kind: Equatable {
        /// Replace `path` by renaming a temporary file over it.
        case file
        /// Write to standard output.
        case standardOutput
        /// Open and write the existing special file at `path`, no create, no truncate, no rename.
        case stream
    }

    let given: String
    let kind: Kind
    /// For `.file`: the absolute path to rename onto (symbolic links resolved).
    let path: String
    /// The folders to create (outermost first) before the file can be written.
    let foldersToCreate: [String]

    /// The longest file name Linux accepts in one path component (NAME_MAX).
    static let nameMax = 255

    static func resolve(_ given: String, createFolder: Bool) throws(FileCommitError) -> OutputTarget {
        if given == "-" { return OutputTarget(given: given, kind: .standardOutput, path: given, foldersToCreate: []) }
        guard !given.isEmpty else {
            throw FileCommitError(path: given, operation: "write", message: "the path is empty")
        }
        if given.hasPrefix("/dev/") || given.hasPrefix("/proc/") {
            return OutputTarget(given: given, kind: .stream, path: given, foldersToCreate: [])
        }
        var info = stat()
        if stat(given, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                throw FileCommitError(path: given, operation: "write", message: "it is a folder; name a file")
            case S_IFREG:
                let real = try realPath(given)
                try requireWritableFolder(of: real, given: given)
                return OutputTarget(given: given, kind: .file, path: real, foldersToCreate: [])
            default:
                return OutputTarget(given: given, kind: .stream, path: given, foldersToCreate: [])
            }
        }
        guard Glibc.errno == ENOENT else { throw .errno(given, "inspect it") }
        var lstatInfo = stat()
        if lstat(given, &lstatInfo) == 0 {
            throw FileCommitError(
                path: given, operation: "write",
                message: "it is a symbolic link to a missing file; remove the link or create its target")
        }
        let absolute = absolutePath(given)
        let name = (absolute as NSString).lastPathComponent
        guard name.utf8.count <= nameMax else {
            throw FileCommitError(
                path: given, operation: "create it",
                message:
                    "its name is \(name.utf8.count) bytes long and the file system allows at most \(nameMax) (NAME_MAX); choose a shorter name"
            )
        }
        let folder = (absolute as NSString).deletingLastPathComponent
        var missing: [String] = []
        var existing = folder
        while !isDirectory(existing) {
            if fileExists(existing) {
                throw FileCommitError(path: given, operation: "create it", message: "\(existing) is not a folder")
            }
            missing.insert(existing, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        if !missing.isEmpty && !createFolder {
            throw FileCommitError(
                path: given, operation: "create it", message: "its folder \(folder) does not exist; create it first")
        }
        for component in missing where (component as NSString).lastPathComponent.utf8.count > nameMax {
            throw FileCommitError(
                path: given, operation: "create its folder",
                message: "the folder name \(component) is longer than \(nameMax) bytes (NAME_MAX)")
        }
        guard access(existing, W_OK | X_OK) == 0 else { throw .errno(given, "create files in \(existing)") }
        return OutputTarget(given: given, kind: .file, path: absolute, foldersToCreate: missing)
    }

    private static func requireWritableFolder(of path: String, given: String) throws(FileCommitError) {
        let folder = (path as NSString).deletingLastPathComponent
        guard access(folder, W_OK | X_OK) == 0 else {
            throw .errno(given, "replace it (its folder \(folder) must be writable)")
        }
    }

    static func realPath(_ path: String) throws(FileCommitError) -> String {
        guard let resolved = realpath(path, nil) else { throw .errno(path, "resolve its path") }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func absolutePath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (absolute as NSString).standardizingPath
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    static func fileExists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}

/// A file's identity (device and inode): two spellings of one file, or a hard link, compare equal.
public struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64

    /// nil when `path` does not exist (or is `-`).
    public init?(path: String) {
        guard path != "-" else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
