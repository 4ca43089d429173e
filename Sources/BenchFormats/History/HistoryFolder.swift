import Foundation

/// `.benchmarks/history/`: one gzip JSON file per recorded run, named
/// `YYYY-MM-DDTHHMMSSZ-<run_id>.json.gz` so a plain listing is in time order.
public enum HistoryFolder {
    /// The file name of an entry (from `recordedAt`, UTC; unsafe run-id characters become `_`).
    public static func fileName(for entry: HistoryEntry) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "UTC")!, from: entry.recordedAt)
        let stamp = String(
            format: "%04d-%02d-%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
        let safeID = String(
            entry.run.runID.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "_" })
        return "\(stamp)-\(safeID).json.gz"
    }

    /// Writes an entry atomically (creating the folder if needed); returns its path.
    @discardableResult
    public static func write(_ entry: HistoryEntry, to folder: String) throws(DocumentError) -> String {
        let (path, bytes) = try encoded(entry, in: folder)
        let commit = FileCommit()
        do {
            try commit.add(bytes, to: path, createFolder: true)
            try commit.commit()
        } catch {
            throw .output(error)
        }
        return path
    }

    /// The path and gzip bytes of an entry in `folder`, for a command that commits it with other files.
    public static func encoded(
        _ entry: HistoryEntry, in folder: String
    ) throws(DocumentError) -> (path: String, bytes: [UInt8]) {
        let path = (folder as NSString).appendingPathComponent(fileName(for: entry))
        let json = try entry.encoded(for: path)
        do {
            return (path, try Gzip.compress(json))
        } catch {
            throw DocumentFile.convert(error, file: path)
        }
    }

    /// Every readable entry, oldest first. A corrupt or foreign file is skipped with a warning
    /// naming it (one bad file must not hide 90 days of history). A missing folder is empty history;
    /// anything else there that cannot be listed is a warning, never taken silently for no history.
    public static func readAll(from folder: String) -> (entries: [HistoryEntry], warnings: [String]) {
        CommitRecovery.settle(folder: folder)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            guard FileManager.default.fileExists(atPath: folder) else { return ([], []) }
            return (
                [],
                ["\(folder): cannot list the history folder (\(listingFailure(folder, error))); no history was read"]
            )
        }
        var entries: [HistoryEntry] = []
        var warnings: [String] = []
        for name in names.sorted() where name.hasSuffix(".json.gz") || name.hasSuffix(".json") {
            let path = (folder as NSString).appendingPathComponent(name)
            do {
                entries.append(try HistoryEntry.read(from: path))
            } catch {
                warnings.append("skipped history entry: \(error)")
            }
        }
        entries.sort { $0.recordedAt < $1.recordedAt }
        return (entries, warnings)
    }

    /// Deletes entries recorded before `cutoff` (retention); returns the deleted paths. Files that
    /// cannot be read are left alone (readAll reports them). The folder is locked as `--record`
    /// locks it, and the deletions are one commit: all of them happen, or none.
    public static func prune(_ folder: String, recordedBefore cutoff: Date) throws(DocumentError) -> [String] {
        guard OutputTarget.isDirectory(folder) else { return [] }
        let lock: DirectoryLock
        do { lock = try DirectoryLock(folder: folder) } catch { throw .output(error) }
        defer { withExtendedLifetime(lock) {} }
        CommitRecovery.settle(folder: folder)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw .io(file: folder, operation: "list the history folder", message: listingFailure(folder, error))
        }
        let commit = FileCommit()
        var removed: [String] = []
        for name in names.sorted() where name.hasSuffix(".json.gz") || name.hasSuffix(".json") {
            let path = (folder as NSString).appendingPathComponent(name)
            // An unreadable file is left alone: readAll names it in a warning.
            guard let entry = try? HistoryEntry.read(from: path),
                entry.recordedAt < cutoff
            else { continue }
            commit.remove(OutputTarget.absolutePath(path))
            removed.append(path)
        }
        do { try commit.commit() } catch { throw .output(error) }
        return removed
    }

    /// Why a folder could not be listed, in words a user can act on.
    private static func listingFailure(_ folder: String, _ error: Error) -> String {
        OutputTarget.isDirectory(folder)
            ? "\(error.localizedDescription)" : "it is not a folder; remove it or make it one"
    }
}
