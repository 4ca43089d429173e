import Foundation
import NIOConcurrencyHelpers

/// Newline-delimited messages over a pair of file descriptors: a reader thread that hands each
/// complete line to `onLine` (and `onEnd` at end of file), and a locked writer. Used at both
/// ends of the `bench node` control channel.
final class LineChannel: Sendable {
    private let input: FileHandle
    private let output: FileHandle
    private let writeLock = NIOLock()

    init(input: FileHandle, output: FileHandle) {
        self.input = input
        self.output = output
    }

    /// Starts reading on a thread of its own; blocking reads never occupy the concurrency pool.
    func start(onLine: @escaping @Sendable (Data) -> Void, onEnd: @escaping @Sendable () -> Void) {
        let input = input
        let thread = Thread {
            var pending = Data()
            while true {
                let chunk = input.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                var start = pending.startIndex
                while let newline = pending[start...].firstIndex(of: 0x0A) {
                    if newline > start { onLine(pending.subdata(in: start..<newline)) }
                    start = pending.index(after: newline)
                }
                pending.removeSubrange(pending.startIndex..<start)
            }
            onEnd()
        }
        thread.name = "meshbench-line-channel"
        thread.start()
    }

    /// Writes one line; false when the other end is gone.
    @discardableResult
    func send(_ line: Data) -> Bool {
        var framed = line
        framed.append(0x0A)
        return writeLock.withLock {
            do {
                try output.write(contentsOf: framed)
                return true
            } catch {
                return false
            }
        }
    }
}
