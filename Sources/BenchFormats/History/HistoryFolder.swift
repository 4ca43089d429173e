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
        let json = try DocumentFile.encode(entry, pretty: false, file: path)
        do {
            return (path, try Gzip.compress(json))
        } catch {
            throw DocumentFile.convert(error, file: path)
        }
    }

    /// Every readable entry, oldest first. A corrupt or foreign file is skipped with a warning
    /// naming it (one bad file must not hide 90 days of history). A missing folder is empty history.
    public static func readAll(from folder: String) -> (entries: [HistoryEntry], warnings: [String]) {
        CommitRecovery.settle(folder: folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return ([], []) }
        var entries: [HistoryEntry] = []
        var warnings: [String] = []
        for name in names.sorted() where name.hasSuffix(".json.gz") || name.hasSuffix(".json") {
            let path = (folder as NSString).appendingPathComponent(name)
            do {
                entries.append(try DocumentFile.read(HistoryEntry.self, from: path, schema: SchemaName.history))
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
        defer { _ = lock }
        CommitRecovery.settle(folder: folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        let commit = FileCommit()
        var removed: [String] = []
        for name in names.sorted() where name.hasSuffix(".json.gz") || name.hasSuffix(".json") {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let entry = try? DocumentFile.read(HistoryEntry.self, from: path, schema: SchemaName.history),
                entry.recordedAt < cutoff
            else { continue }
            commit.remove(OutputTarget.absolutePath(path))
            removed.append(path)
        }
        do { try commit.commit() } catch { throw .output(error) }
        return removed
    }
}
