/// Records of one input file, one at a time, whatever format it came in: `SamplesReader` for
/// MeshBench's own samples, `ImportedRun` for the other harnesses' files. `analyze` folds either
/// the same way, so baselines, A/B, history, trends and charts need not know the difference.
public protocol SampleRecordSource: AnyObject {
    /// Name used in messages (`<stdin>` for `-`).
    var fileName: String { get }
    /// The run header (first record).
    var run: RunRecord { get }
    /// Records returned so far, the `run` record included.
    var recordCount: Int { get }
    /// True when the input ended early and was accepted (`--allow-partial`).
    var isPartial: Bool { get }
    /// The next record after `run`; nil at the end.
    func next() throws -> SampleRecord?
}

extension SamplesReader: SampleRecordSource {}

/// A whole file of another harness, already converted and validated: the same records `bench`
/// would have written for it.
public final class ImportedRun: SampleRecordSource {
    public let fileName: String
    public let format: InputFormat
    public let run: RunRecord
    public private(set) var recordCount = 1
    public let isPartial: Bool
    private let records: [SampleRecord]

    init(fileName: String, format: InputFormat, run: RunRecord, records: [SampleRecord], isPartial: Bool) {
        self.isPartial = isPartial
        self.fileName = fileName
        self.format = format
        self.run = run
        self.records = records
    }

    /// Every record after `run`, for tests and tools that want them at once.
    public var allRecords: [SampleRecord] { records }

    public func next() -> SampleRecord? {
        guard recordCount - 1 < records.count else { return nil }
        defer { recordCount += 1 }
        return records[recordCount - 1]
    }
}
