/// Load and save for each whole-document format. Paths may be `-` (standard input/output);
/// files are replaced atomically. Results, baseline and thresholds are pretty-printed for review.
extension ResultsDocument {
    public static func read(from path: String) throws(DocumentError) -> ResultsDocument {
        try DocumentFile.read(ResultsDocument.self, from: path, schema: SchemaName.results)
    }

    public func write(to path: String) throws(DocumentError) {
        try DocumentFile.write(try encoded(for: path), to: path)
    }

    /// The bytes `write(to:)` writes, for a command that commits several files together.
    public func encoded(for path: String) throws(DocumentError) -> [UInt8] {
        try DocumentFile.encode(self, pretty: true, file: path)
    }
}

extension Baseline {
    public static func read(from path: String) throws(DocumentError) -> Baseline {
        try DocumentFile.read(Baseline.self, from: path, schema: SchemaName.baseline)
    }

    public func write(to path: String) throws(DocumentError) {
        try DocumentFile.write(try encoded(for: path), to: path)
    }

    /// The bytes `write(to:)` writes, for a command that commits several files together.
    public func encoded(for path: String) throws(DocumentError) -> [UInt8] {
        try DocumentFile.encode(self, pretty: true, file: path)
    }
}

extension Thresholds {
    /// Reads and range-checks every field (`outOfRange`).
    public static func read(from path: String) throws(DocumentError) -> Thresholds {
        let thresholds = try DocumentFile.read(Thresholds.self, from: path, schema: SchemaName.thresholds)
        if let problem = thresholds.outOfRange() { throw .invalid(file: path, detail: problem) }
        return thresholds
    }

    public func write(to path: String) throws(DocumentError) {
        try DocumentFile.write(try encoded(for: path), to: path)
    }

    /// The bytes `write(to:)` writes, for a command that commits several files together.
    public func encoded(for path: String) throws(DocumentError) -> [UInt8] {
        try DocumentFile.encode(self, pretty: true, file: path)
    }
}

extension FlakeHistory {
    public static func read(from path: String) throws(DocumentError) -> FlakeHistory {
        try DocumentFile.read(FlakeHistory.self, from: path, schema: SchemaName.flakes)
    }

    public func write(to path: String) throws(DocumentError) {
        try DocumentFile.write(try encoded(for: path), to: path)
    }

    /// The bytes `write(to:)` writes, for a command that commits several files together.
    public func encoded(for path: String) throws(DocumentError) -> [UInt8] {
        try DocumentFile.encode(self, pretty: true, file: path)
    }
}

extension HistoryEntry {
    /// One file of `.benchmarks/history/` (gzip or plain JSON).
    public static func read(from path: String) throws(DocumentError) -> HistoryEntry {
        try DocumentFile.read(HistoryEntry.self, from: path, schema: SchemaName.history)
    }

    /// The plain JSON of an entry (`HistoryFolder` writes it gzip-compressed).
    public func encoded(for path: String) throws(DocumentError) -> [UInt8] {
        try DocumentFile.encode(self, pretty: false, file: path)
    }
}
