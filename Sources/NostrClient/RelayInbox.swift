import Foundation
import NIOConcurrencyHelpers
import NIOCore
import Nostr

/// What one connection has heard from its relay, every message stamped on arrival (on the
/// connection's event loop, before anyone is woken, so a waiter's own scheduling never enters a
/// measured latency).
public struct RelayInboxState: Sendable {
    /// `OK` answers by event id.
    public var oks: [String: OKReceipt] = [:]
    /// First arrival of each event per subscription id.
    public var deliveries: [String: [String: ContinuousClock.Instant]] = [:]
    /// Copies of an event a subscription received after its first one (the exactly-once check).
    public var duplicates: [String: Int] = [:]
    /// When `EOSE` arrived, per subscription id.
    public var endOfStored: [String: ContinuousClock.Instant] = [:]
    /// `CLOSED` reasons per subscription id.
    public var closed: [String: String] = [:]
    public var notices: [String] = []
    /// Set once the connection broke or the relay spoke something that is not NIP-01.
    public var failure: RelayFailure?
}

public struct OKReceipt: Sendable, Equatable {
    public let accepted: Bool
    public let message: String
    public let at: ContinuousClock.Instant
}

/// The inbox of one connection and the tasks waiting on it. A waiter gives a check that is run
/// on every change until it yields a value; a dropped connection, a `NOTICE` or the bounded wait
/// running out fail it with the reason. Thread safety: one locked box holds state and waiters; checks
/// run under its lock and must be quick.
public final class RelayInbox: Sendable {
    /// Everything the lock guards.
    private struct Guarded {
        var state = RelayInboxState()
        var waiters: [UInt64: @Sendable (RelayInboxState) -> Bool] = [:]
        var nextWaiter: UInt64 = 0
        /// Sees every decoded message as it arrives (streaming consumers such as the rate ramp).
        var observer: (@Sendable (NostrMessage, ContinuousClock.Instant) -> Void)?

        /// Runs every waiter's check against the new state.
        mutating func wakeWaiters() {
            guard !waiters.isEmpty else { return }
            for (id, evaluate) in waiters where evaluate(state) { waiters[id] = nil }
        }
    }

    private let url: String
    private let loop: EventLoop
    private let guarded = NIOLockedValueBox(Guarded())

    init(url: String, loop: EventLoop) {
        self.url = url
        self.loop = loop
    }

    /// A copy of everything heard so far.
    public var snapshot: RelayInboxState { guarded.withLockedValue { $0.state } }

    public func setObserver(_ observer: (@Sendable (NostrMessage, ContinuousClock.Instant) -> Void)?) {
        guarded.withLockedValue { $0.observer = observer }
    }

    /// Forgets a finished subscription's deliveries, so long runs stay bounded.
    public func forget(subscription: String) {
        guarded.withLockedValue {
            $0.state.deliveries[subscription] = nil
            $0.state.duplicates[subscription] = nil
            $0.state.endOfStored[subscription] = nil
            $0.state.closed[subscription] = nil
        }
    }

    /// Forgets the `OK` answers received so far.
    public func forgetOKs() {
        guarded.withLockedValue { $0.state.oks.removeAll(keepingCapacity: true) }
    }

    /// Waits until `check` returns a value, or fails with the connection's failure, a `NOTICE`,
    /// or `RelayFailure.silence` after `timeout` seconds. `awaiting` names what is awaited.
    public func wait<T: Sendable>(
        for awaiting: String, timeout: Double,
        _ check: @escaping @Sendable (RelayInboxState) throws -> T?
    ) async throws -> T {
        let url = url
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
            let evaluate: @Sendable (RelayInboxState) -> Bool = { state in
                if let failure = state.failure { continuation.resume(throwing: failure); return true }
                if let notice = state.notices.first {
                    continuation.resume(throwing: RelayFailure.notice(url: url, text: notice)); return true
                }
                do {
                    guard let value = try check(state) else { return false }
                    continuation.resume(returning: value)
                } catch {
                    continuation.resume(throwing: error)
                }
                return true
            }
            let id: UInt64? = guarded.withLockedValue {
                if evaluate($0.state) { return nil }
                $0.nextWaiter += 1
                $0.waiters[$0.nextWaiter] = evaluate
                return $0.nextWaiter
            }
            guard let id else { return }
            loop.scheduleTask(in: .nanoseconds(Int64(timeout * 1e9))) { [weak self] in
                guard let self, self.guarded.withLockedValue({ $0.waiters.removeValue(forKey: id) }) != nil else {
                    return
                }
                continuation.resume(throwing: RelayFailure.silence(url: url, awaiting: awaiting, seconds: timeout))
            }
        }
    }

    // MARK: Fed by the connection (on its event loop)

    func received(_ message: NostrMessage, at time: ContinuousClock.Instant) {
        let observer: (@Sendable (NostrMessage, ContinuousClock.Instant) -> Void)? = guarded.withLockedValue {
            switch message {
            case let .ok(eventID, accepted, text):
                $0.state.oks[eventID] = OKReceipt(accepted: accepted, message: text, at: time)
            case let .subscriptionEvent(subscription, event):
                if $0.state.deliveries[subscription, default: [:]][event.id] == nil {
                    $0.state.deliveries[subscription, default: [:]][event.id] = time
                } else {
                    $0.state.duplicates[subscription, default: 0] += 1
                }
            case let .endOfStoredEvents(subscription):
                $0.state.endOfStored[subscription] = time
            case let .closed(subscription, text):
                $0.state.closed[subscription] = text
            case let .notice(text):
                $0.state.notices.append(text)
            case .event, .request, .close, .authChallenge, .authResponse:
                break
            }
            $0.wakeWaiters()
            return $0.observer
        }
        observer?(message, time)
    }

    func failed(_ failure: RelayFailure) {
        guarded.withLockedValue {
            if $0.state.failure == nil { $0.state.failure = failure }
            $0.wakeWaiters()
        }
    }
}
