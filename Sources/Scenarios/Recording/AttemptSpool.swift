import BenchFormats
import Foundation
import NIOConcurrencyHelpers

/// Holds the records of one scenario attempt on disk until the attempt ends: a passing attempt's
/// records are forwarded to the output, a failed one's are dropped so a retry never mixes its
/// numbers with a broken run's. On disk rather than in memory so long runs stay bounded.
///
/// Thread safety: `append` may be called from several threads at once (the recorder's output);
/// a lock keeps each record's line whole and the count exact.
final class AttemptSpool: Sendable {
    private let url: URL
    private let handle: FileHandle
    private let appended = NIOLockedValueBox(0)

    /// Records appended so far.
    var count: Int { appended.withLockedValue { $0 } }

    init(directory: URL) throws {
        url = directory.appendingPathComponent("attempt-\(UUID().uuidString).jsonl")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forUpdating: url)
    }

    /// Called on the nodes' threads while the mesh is measured (a full block of delivery samples
    /// is thousands of numbers): `RecordEncoder` writes it in a fraction of JSONEncoder's time.
    func append(_ record: SampleRecord) throws {
        var line: [UInt8] = []
        try RecordEncoder().append(record, to: &line)
        try appended.withLockedValue { count in
            try handle.write(contentsOf: line)
            count += 1
        }
    }

    /// Replays every spooled record, in order, into `sink`, then deletes the spool.
    func forward(to sink: RecordSink) throws {
        try handle.seek(toOffset: 0)
        let decoder = FormatsJSON.decoder()
        var pending = Data()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending.append(chunk)
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = pending[pending.startIndex..<newline]
                try sink.write(try decoder.decode(SampleRecord.self, from: line))
                pending.removeSubrange(pending.startIndex...newline)
            }
        }
        discard()
    }

    /// Best effort: our own spool file of an attempt being thrown away; a leftover costs disk only.
    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(at: url)
    }
}
