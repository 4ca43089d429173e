/// Load and save for each whole-document format. Paths may be `-` (standard input/output);
/// files are replaced atomically. Results, baseline and thresholds are pretty-printed for review.
extension ResultsDocument {
    public static func read(from path: String) throws(DocumentError) -> ResultsDocument {
        try DocumentFile.read(ResultsDocument.self, from: path, schema: SchemaName.results)
    }

    public func write(to path: String) throws(DocumentError) {
        try DocumentFile.write(try DocumentFile.encode(self, pretty: true, file: path), to: path)
    }
}

extension Baseline {
    public static func read(from path: String) throws(DocumentError) -> Baseline {
        try DocumentFile.read(Baseline.self, from: path, schema: SchemaName.baseline)
    }

    public func write(to path: String) throws(DocumentError) {
        try DocumentFile.write(try DocumentFile.encode(self, pretty: true, file: path), to: path)
    }
}

extension Thresholds {
    public static func read(from path: String) throws(DocumentError) -> Thresholds {
        try DocumentFile.read(Thresholds.self, from: path, schema: SchemaName.thresholds)
    }

    public func write(to path: String) throws(DocumentError) {
        try DocumentFile.write(try DocumentFile.encode(self, pretty: true, file: path), to: path)
    }
}

extension FlakeHistory {
    public static func read(from path: String) throws(DocumentError) -> FlakeHistory {
        try DocumentFile.read(FlakeHistory.self, from: path, schema: SchemaName.flakes)
    }

    public func write(to path: String) throws(DocumentError) {
        try DocumentFile.write(try DocumentFile.encode(self, pretty: true, file: path), to: path)
    }
}
