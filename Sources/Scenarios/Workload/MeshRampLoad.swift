import Foundation
import Mesh
import Nostr
import NIOConcurrencyHelpers

/// The ramp's load on a mesh this bench runs (in process, or a process per node): a step's
/// events are signed before its clock starts, handed to their publishers in turn when due
/// (`LoadGenerator.publish`, without waiting for the nodes to send them), and followed by the
/// `DeliveryTracker` to every node. An event is complete when its last node has it; its latency
/// is the time to that node (full propagation). A step reports the deepest send queue any node
/// reached so far (the nodes keep a running maximum) and the CPU the mesh's processes used from
/// the step's first offer to the end of its drain (`MeshCPUClock`).
///
/// Thread safety: the ramp calls it from one task at a time; completions arrive on the nodes'
/// threads through `CompletionLatencies`, which has its own lock.
final class MeshRampLoad: RampLoad {
    private var generator: LoadGenerator
    private let tracker: DeliveryTracker
    private let completions: CompletionLatencies
    private let publishers: [Int]
    private var batch: [(event: NostrEvent, node: Int)] = []
    private var offered = 0
    private var nextPublisher = 0
    private let network: MeshUnderTest
    private let cpuClock: MeshCPUClock
    /// The CPU clock when the step's offers began (after its events were signed).
    private var cpuAtStepStart: Double?

    init(
        network: MeshUnderTest, generator: LoadGenerator, tracker: DeliveryTracker, completions: CompletionLatencies,
        publishers: [Int], cpuClock: MeshCPUClock
    ) {
        self.network = network
        self.cpuClock = cpuClock
        self.generator = generator
        self.tracker = tracker
        self.completions = completions
        self.publishers = publishers
    }

    func prepareStep(rate: Double, count: Int) async throws {
        let who = (0..<count).map { publishers[(nextPublisher + $0) % publishers.count] }
        nextPublisher = (nextPublisher + count) % publishers.count
        batch = generator.signed(who)
        offered = 0
        completions.reset()
        cpuAtStepStart = cpuClock.seconds()
    }

    func offer(_ indices: Range<Int>) async throws {
        try await generator.publish(Array(batch[indices]))
        offered = max(offered, indices.upperBound)
        try tracker.rethrow()
    }

    func finishStep(drainSeconds: Double) async throws -> RampStepOutcome {
        let backlog = tracker.inFlightCount
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(drainSeconds)
        while tracker.inFlightCount > 0, clock.now < deadline {
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        try tracker.rethrow()
        var deepest = 0
        for node in 0..<network.nodeCount { deepest = max(deepest, try await network.counters(of: node).queueDepthMax) }
        let latencies = completions.reset()
        var cpu: Double?
        if let start = cpuAtStepStart, let end = cpuClock.seconds() { cpu = max(0, end - start) }
        return RampStepOutcome(
            offered: offered, accepted: offered, completed: latencies.count, latenciesMS: latencies,
            backlogAtEnd: backlog, deepestQueue: deepest, cpuSeconds: cpu)
    }
}

/// Full-propagation latencies (ms) of the events completed since the last `reset`, fed by the
/// tracker's completion callback on the nodes' threads.
final class CompletionLatencies: Sendable {
    private let latencies = NIOLockedValueBox<[Double]>([])

    func record(publishedAt: UInt64, completedAt: UInt64) {
        let ms = Double(completedAt &- publishedAt) / 1e6
        latencies.withLockedValue { $0.append(ms) }
    }

    /// Returns the latencies recorded so far and starts anew.
    @discardableResult
    func reset() -> [Double] {
        latencies.withLockedValue { latencies in
            defer { latencies = [] }
            return latencies
        }
    }
}
