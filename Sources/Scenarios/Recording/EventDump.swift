import Foundation
import NIOConcurrencyHelpers
import Nostr

/// `--dump-events`: every published event as one NIP-01 JSON line, so any other Nostr
/// implementation can check its id and signature. Events arrive from the nodes' threads; a
/// write error is kept and thrown by `finish`, so a short file never passes for a whole one.
final class EventDump: Sendable {
    private struct State {
        var handle: FileHandle?
        var firstError: String?
    }

    private let path: String
    private let state: NIOLockedValueBox<State>

    init(path: String) throws(RunSetupError) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw .dumpNotCreatable(path: path)
        }
        self.path = path
        state = NIOLockedValueBox(State(handle: handle))
    }

    func append(_ event: NostrEvent) {
        var line = event.jsonBytes()
        line.append(0x0A)
        state.withLockedValue { state in
            guard let handle = state.handle, state.firstError == nil else { return }
            do {
                try handle.write(contentsOf: line)
            } catch {
                state.firstError = error.localizedDescription
            }
        }
    }

    /// Closes the file; throws the first write or close error.
    func finish() throws(RunSetupError) {
        let failure: String? = state.withLockedValue { state in
            defer { state.handle = nil }
            do {
                try state.handle?.close()
            } catch {
                state.firstError = state.firstError ?? error.localizedDescription
            }
            return state.firstError
        }
        if let failure { throw .dumpNotWritten(path: path, reason: failure) }
    }
}
