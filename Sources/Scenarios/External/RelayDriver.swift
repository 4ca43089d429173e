import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Nostr
import NostrClient

/// What an external scenario uses to talk to the relays it was given: NIP-01 connections, fresh
/// authors, uniquely signed events and the bounded waits for `OK`, `EOSE` and deliveries. It only
/// ever connects to the addresses in `settings.targets`. One per attempt; `with` closes every
/// connection and the event loops however the attempt ends.
final class RelayDriver: Sendable {
    let targets: RelayTargets
    let context: ScenarioContext
    /// Longest wait for anything the relay owes us (s): past it the scenario fails with `silence`.
    let silence: Double
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    /// The driver's event loop, for other requests to the same relays (status pages).
    var eventLoops: EventLoopGroup { group }
    /// Makes this attempt's event contents unique, whatever the relay already stores.
    private let nonce = UUID().uuidString.prefix(8).lowercased()
    /// The connections this driver opened and not yet closed.
    private let connections = NIOLockedValueBox<[RelayConnection]>([])
    /// Numbers the events this driver signs.
    private let sequence = NIOLockedValueBox(0)
    let clock = ContinuousClock()

    private init(targets: RelayTargets, context: ScenarioContext) {
        self.targets = targets
        self.context = context
        self.silence = context.settings.timeout(10)
    }

    static func with(_ context: ScenarioContext, _ body: (RelayDriver) async throws -> Void) async throws {
        guard let targets = context.settings.targets else {
            throw ExternalScenarioError.noTargets(context.recorder.scenario)
        }
        let driver = RelayDriver(targets: targets, context: context)
        do {
            try await body(driver)
        } catch {
            await driver.shutdown()
            throw error
        }
        await driver.shutdown()
    }

    /// Opens `count` connections to relay `index`.
    func connect(_ index: Int, count: Int = 1) async throws -> [RelayConnection] {
        var opened: [RelayConnection] = []
        for _ in 0..<count {
            let connection = try await RelayConnection.open(
                targets.relays[index].url, on: group, timeout: context.settings.timeout(5))
            connections.withLockedValue { $0.append(connection) }
            opened.append(connection)
        }
        return opened
    }

    func connect(_ index: Int) async throws -> RelayConnection {
        try await connect(index, count: 1)[0]
    }

    /// A new identity with a random secret key, so filters by author see this attempt's events only.
    func newAuthor() -> NostrKeyPair {
        var generator = SystemRandomNumberGenerator()
        while true {
            let secret = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            if let key = try? NostrKeyPair(secretKey: secret) { return key }  // out of range (p ≈ 2⁻¹²⁸): draw again
        }
    }

    /// Signs a kind-`kind` event with unique content and the current `created_at`.
    func sign(_ author: NostrKeyPair, kind: Int = 1, tags: [[String]] = []) -> NostrEvent {
        let number = sequence.withLockedValue { sequence -> Int in
            sequence += 1
            return sequence
        }
        let content = "meshbench \(context.recorder.scenario) \(nonce) event \(number)"
        let event = author.sign(
            kind: kind, content: content, tags: tags, createdAt: Int64(Date().timeIntervalSince1970))
        context.published(event)
        return event
    }

    /// A subscription id unique within this attempt.
    func subscriptionID(_ name: String) -> String { "mb-\(nonce)-\(name)" }

    /// Sends `REQ` and waits for `EOSE`; returns the time from sending to `EOSE`.
    @discardableResult
    func subscribe(_ connection: RelayConnection, id: String, filters: [NostrFilter]) async throws -> Duration {
        let sent = clock.now
        connection.send(.request(subscriptionID: id, filters: filters))
        let url = connection.url.description
        let eose = try await connection.inbox.wait(for: "EOSE for subscription \(id)", timeout: silence) { state in
            if let reason = state.closed[id] { throw RelayFailure.closed(url: url, subscription: id, reason: reason) }
            return state.endOfStored[id]
        }
        return eose - sent
    }

    /// Sends one event; returns the time just before it was handed to the socket.
    func publish(_ event: NostrEvent, on connection: RelayConnection) -> ContinuousClock.Instant {
        let sent = clock.now
        connection.send(.event(event))
        return sent
    }

    /// Waits for the relay's `OK`; `OK false` fails with the relay's reason.
    func awaitOK(_ event: NostrEvent, on connection: RelayConnection) async throws -> OKReceipt {
        let url = connection.url.description
        let id = event.id
        return try await connection.inbox.wait(for: "OK for event \(id.prefix(12))…", timeout: silence) { state in
            guard let ok = state.oks[id] else { return nil }
            guard ok.accepted else { throw RelayFailure.refused(url: url, eventID: id, reason: ok.message) }
            return ok
        }
    }

    /// Waits until subscription `id` on `connection` has received `event`; returns its arrival.
    func awaitDelivery(
        of event: NostrEvent, subscription id: String, on connection: RelayConnection
    ) async throws -> ContinuousClock.Instant {
        let url = connection.url.description
        let eventID = event.id
        return try await connection.inbox.wait(
            for: "event \(eventID.prefix(12))… on subscription \(id)", timeout: silence
        ) { state in
            if let reason = state.closed[id] { throw RelayFailure.closed(url: url, subscription: id, reason: reason) }
            return state.deliveries[id]?[eventID]
        }
    }

    /// Closes connections opened by this driver (all, or the given ones).
    func close(_ some: [RelayConnection]) async {
        let ids = Set(some.map { ObjectIdentifier($0) })
        connections.withLockedValue { list in list.removeAll { ids.contains(ObjectIdentifier($0)) } }
        await withTaskGroup(of: Void.self) { tasks in
            for connection in some { tasks.addTask { await connection.close() } }
        }
    }

    private func shutdown() async {
        await close(connections.withLockedValue { $0 })
        try? await group.shutdownGracefully()  // the run's figures are in; nothing waits on these threads
    }
}

/// Why an external scenario could not run at all.
enum ExternalScenarioError: Error, CustomStringConvertible {
    case noTargets(String)
    case tooFewTargets(String, needed: Int, given: Int)

    var description: String {
        switch self {
        case .noTargets(let scenario):
            return "\(scenario) measures relays from outside: give them with --target ws://HOST:PORT or --targets FILE"
        case let .tooFewTargets(scenario, needed, given):
            return
                "\(scenario) needs at least \(needed) relays; \(given) given (--target is repeatable, or use --targets FILE)"
        }
    }
}
