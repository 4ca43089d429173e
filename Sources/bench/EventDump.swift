import Foundation
import NIOConcurrencyHelpers
import Nostr

/// `--dump-events`: every published event as one NIP-01 JSON line, so any other Nostr
/// implementation can check its id and signature.
final class EventDump: Sendable {
    private let handle: FileHandle
    private let lock = NIOLock()

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw UsageError("cannot create --dump-events file \(path): check that its folder exists and is writable")
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }

    func append(_ event: NostrEvent) {
        var line = event.jsonBytes()
        line.append(0x0A)
        lock.withLock { handle.write(Data(line)) }
    }

    func close() { try? handle.close() }
}
