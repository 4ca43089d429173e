import Foundation
import NIOConcurrencyHelpers
import Nostr
import NostrClient

/// `external.ingest`: ingest capacity of one relay as an open-loop rate ramp (`RateRamp`):
/// 100, 200, 400, … events/s (up to `--rate`, default 3,200), each step `--duration` long
/// (default 5 s), spread over 4 publisher connections, with one subscriber. Reports the knee —
/// the highest rate at which every event was accepted and delivered with p95 publish → delivery
/// under 500 ms — and the latency of every step.
public struct IngestScenario: ExternalScenario {
    public let name = "external.ingest"
    public let tier = 2
    public let summary =
        "one relay: open-loop ramp 100, 200, 400, … events/s (--rate top, default 3200; --duration per step, default 5 s); knee where all are accepted and delivered with p95 < 500 ms, latency per step"
    public static let slaP95MS = 500.0
    let publishers = 4

    public init() {}

    public func run(_ context: ScenarioContext) async throws {
        let settings = context.settings
        let ramp = RateRamp(
            rates: RateRamp.doubling(from: 100, to: settings.rate(default: 3_200)),
            stepSeconds: settings.duration(default: 5), drainSeconds: settings.timeout(10),
            rule: KneeRule(slaP95MS: Self.slaP95MS))
        let recorder = context.recorder
        for rate in ramp.rates { recorder.declare("ingest_latency.r\(Int(rate))", unit: "ms", better: .lower) }
        recorder.declare("ingest_knee", unit: "events/s", better: .higher)
        try await RelayDriver.with(context) { driver in
            let senders = try await driver.connect(0, count: publishers)
            let subscriber = try await driver.connect(0)
            let author = driver.newAuthor()
            let subscription = driver.subscriptionID("ingest")
            try await driver.subscribe(
                subscriber, id: subscription, filters: [NostrFilter(authors: [author.publicKeyHex])])
            let load = RelayRampLoad(
                driver: driver, author: author, senders: senders, subscribers: [subscriber], subscription: subscription)
            let result = try await ramp.run(load) { step in
                let label = "r\(Int(step.rate))"
                for latency in step.outcome.latenciesMS { try recorder.sample("ingest_latency.\(label)", latency) }
                try recorder.counter("step.\(label).offered", unit: "events", value: Int64(step.outcome.offered))
                try recorder.counter("step.\(label).accepted", unit: "events", value: Int64(step.outcome.accepted))
                try recorder.counter("step.\(label).delivered", unit: "events", value: Int64(step.outcome.completed))
            }
            if let knee = result.knee { try recorder.sample("ingest_knee", knee) }
            let dropped = ([subscriber] + senders).compactMap { $0.inbox.snapshot.failure }
            context.check("connections stay open", dropped.isEmpty, dropped.first.map { "\($0)" } ?? "")
            let lowest = ramp.rates.first ?? 0
            context.check(
                "the relay keeps up with the lowest step", result.knee != nil,
                "at \(Int(lowest)) events/s: \(result.steps.first?.reason ?? "no step ran")")
            try recorder.counter("ingest_knee_is_lower_bound", unit: "bool", value: result.reachedTop ? 1 : 0)
        }
    }
}

/// The ramp's load on a relay or a mesh of relays: a step's events are signed before its clock
/// starts, sent when due on the publishers in turn (on one relay, or on every relay of a mesh),
/// and tracked from the inboxes as `OK`s and deliveries arrive. An event is complete when every
/// subscriber (one per relay) has it; its latency is the time to the last of them.
final class RelayRampLoad: RampLoad, Sendable {
    private let driver: RelayDriver
    private let author: NostrKeyPair
    private let senders: [RelayConnection]
    private let subscription: String
    private let subscriberCount: Int
    /// The current step, guarded by one lock (inboxes report on their connections' loops).
    private struct Step {
        var events: [NostrEvent] = []
        var index: [String: Int] = [:]
        var sentAt: [ContinuousClock.Instant?] = []
        var accepted = 0
        var delivered: [Double] = []
        /// Per event, the subscribers that have it.
        var heardBy: [Set<Int>] = []
        var refused = 0
        var firstFailure: String?
        var offered = 0
    }
    private let lock = NIOLockedValueBox(Step())

    init(
        driver: RelayDriver, author: NostrKeyPair, senders: [RelayConnection], subscribers: [RelayConnection],
        subscription: String
    ) {
        self.driver = driver
        self.author = author
        self.senders = senders
        self.subscription = subscription
        subscriberCount = subscribers.count
        for sender in senders where !subscribers.contains(where: { $0 === sender }) {
            let url = sender.url.description
            sender.inbox.setObserver { [weak self] message, at in
                self?.heard(message, at: at, url: url, subscriber: nil)
            }
        }
        for (number, subscriber) in subscribers.enumerated() {
            let url = subscriber.url.description
            subscriber.inbox.setObserver { [weak self] message, at in
                self?.heard(message, at: at, url: url, subscriber: number)
            }
        }
    }

    func prepareStep(rate: Double, count: Int) async throws {
        let signed = (0..<count).map { _ in driver.sign(author) }
        lock.withLockedValue { step in
            step.events = signed
            step.index = Dictionary(uniqueKeysWithValues: signed.enumerated().map { ($1.id, $0) })
            step.sentAt = Array(repeating: nil, count: count)
            step.accepted = 0
            step.refused = 0
            step.delivered = []
            step.heardBy = Array(repeating: [], count: count)
            step.firstFailure = nil
            step.offered = 0
        }
    }

    func offer(_ indices: Range<Int>) {
        let now = driver.clock.now
        let batch: [NostrEvent] = lock.withLockedValue { step in
            for i in indices { step.sentAt[i] = now }
            step.offered = max(step.offered, indices.upperBound)
            return Array(step.events[indices])
        }
        var perSender = [[NostrMessage]](repeating: [], count: senders.count)
        for (offset, event) in zip(indices, batch) { perSender[offset % senders.count].append(.event(event)) }
        for (sender, messages) in zip(senders, perSender) where !messages.isEmpty { sender.send(messages) }
    }

    func finishStep(drainSeconds: Double) async throws -> RampStepOutcome {
        let deadline = driver.clock.now + .seconds(drainSeconds)
        while driver.clock.now < deadline {
            let done = lock.withLockedValue { step in
                step.delivered.count + step.refused >= step.offered && step.accepted + step.refused >= step.offered
            }
            if done || senders.contains(where: { $0.inbox.snapshot.failure != nil }) { break }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        for sender in senders { sender.inbox.forgetOKs() }
        return lock.withLockedValue { step in
            RampStepOutcome(
                offered: step.offered, accepted: step.accepted, completed: step.delivered.count,
                latenciesMS: step.delivered,
                firstFailure: step.firstFailure)
        }
    }

    private func heard(_ message: NostrMessage, at: ContinuousClock.Instant, url: String, subscriber: Int?) {
        lock.withLockedValue { step in
            switch message {
            case let .ok(id, ok, text):
                guard step.index[id] != nil else { return }
                if ok {
                    step.accepted += 1
                } else {
                    step.refused += 1
                    if step.firstFailure == nil {
                        step.firstFailure = "\(RelayFailure.refused(url: url, eventID: id, reason: text))"
                    }
                }
            case let .subscriptionEvent(sub, event):
                guard sub == subscription, let subscriber, let i = step.index[event.id], let sent = step.sentAt[i],
                    step.heardBy[i].insert(subscriber).inserted, step.heardBy[i].count == subscriberCount
                else { return }
                step.delivered.append((at - sent).milliseconds)
            case let .notice(text):
                if step.firstFailure == nil { step.firstFailure = "\(RelayFailure.notice(url: url, text: text))" }
            case let .closed(_, text):
                if step.firstFailure == nil {
                    step.firstFailure = "\(RelayFailure.closed(url: url, subscription: subscription, reason: text))"
                }
            default:
                break
            }
        }
    }
}
