import Foundation
import NIOConcurrencyHelpers

/// Resumes once SIGINT or SIGTERM arrives (their default actions are turned off, so a server
/// the tools run until stopped can shut down cleanly); one task waits. Dispatch arms the
/// sources moments after `init`: a signal in that window is ignored. `@unchecked Sendable`
/// because Dispatch's signal sources do not say they are. Invariant: `sources` is written only in `init`; `continuation` and `stopped`, touched
/// by the awaiting task and the signal queue, are under `lock`.
public final class StopSignal: @unchecked Sendable {
    private let lock = NIOLock()
    private var sources: [DispatchSourceSignal] = []
    private var continuation: CheckedContinuation<Void, Never>?
    private var stopped = false

    /// `signals`: SIGINT and SIGTERM for a server; a test uses a signal nothing else sends.
    public init(signals: [Int32] = [SIGINT, SIGTERM]) {
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.fire() }
            source.resume()
            sources.append(source)
        }
    }

    public func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = lock.withLock { () -> Bool in
                if stopped { return true }
                self.continuation = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    private func fire() {
        let waiting = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            stopped = true
            defer { continuation = nil }
            return continuation
        }
        waiting?.resume()
    }
}
