import Foundation
import Mesh

/// A sustained-load measurement on a running mesh, shared by the throughput, burst, scalability
/// and stress scenarios: publish on a schedule, stream every delivery into latency samples,
/// sample resources, wait for the backlog to drain, then record throughput per second, the
/// delivery counts that prove nothing was lost, and the exact work per event.
struct SustainedLoad {
    var phases: [LoadPhase]
    /// Latency metrics each delivery belongs to, by hop count (declared by the scenario).
    var latencyMetrics: DeliveryTracker.MetricChoice
    /// Throughput samples (events fully delivered per second): metric name and SLA class.
    var throughputMetric = "throughput"
    var throughputSLAClass: String?
    /// Seconds without any new delivery after which the drain gives up.
    var drainTimeout: Double = 10
    /// Seconds after the schedule ends after which the drain gives up even while deliveries
    /// still trickle in (a burst whose backlog outlasts the recovery limit); nil: no limit.
    var drainDeadline: Double?
    /// Sees every completed event (publish time, completion time).
    var onComplete: (@Sendable (_ publishedAt: UInt64, _ completedAt: UInt64) -> Void)?

    struct Outcome {
        var published: Int
        var delivered: Int
        /// Events fully delivered in each second since the load started.
        var completionsPerSecond: [Int]
        /// Seconds from the first publish to the last completing delivery.
        var elapsed: Double
        /// Worst lateness of the generator against its schedule (ms).
        var generatorLagMS: Double
        /// Events not yet delivered everywhere when the schedule ended: more than about a second
        /// of offered load means the mesh fell behind.
        var backlogAtEnd: Int
        var series: SeriesBuffer
        /// Network time the load started (t = 0 of samples and series).
        var origin: UInt64
    }

    func run(on network: MeshUnderTest, context: ScenarioContext) async throws -> Outcome {
        let targets = network.nodeCount - 1
        let origin = await network.now()
        let tracker = DeliveryTracker(
            recorder: context.recorder, targetsPerEvent: targets, origin: origin,
            metrics: latencyMetrics, onComplete: onComplete)
        // Duplicates of earlier work may still be in flight: start counting from a quiet mesh.
        try await network.awaitIdle(timeoutNanoseconds: context.settings.timeoutNanoseconds(10))
        let before = try await WorkCounters.total(of: network)
        tracker.attach(to: network)
        defer { tracker.detach(from: network) }
        let sampler = ResourceSampler(
            network: network, context: context, origin: origin,
            inFlight: { tracker.inFlightCount })
        sampler.start()
        var generator = LoadGenerator(
            network: network, context: context, tracker: tracker,
            publishers: Set(phases.flatMap(\.publishers)))
        var drained = false
        var backlog = 0
        do {
            try await generator.run(phases)
            backlog = tracker.inFlightCount
            drained = try await generator.drain(
                timeout: context.settings.timeout(drainTimeout),
                deadline: drainDeadline.map(context.settings.timeout))
        } catch {
            _ = try? await sampler.stop()
            throw error
        }
        let series = try await sampler.stop()
        try tracker.rethrow()

        let published = tracker.published, delivered = tracker.delivered
        let expected = published * targets
        try context.recorder.counter("events_published", unit: "events", value: Int64(published))
        try context.recorder.counter("events_expected", unit: "deliveries", value: Int64(expected))
        try context.recorder.counter("events_delivered", unit: "deliveries", value: Int64(delivered))
        context.check(
            "every event reaches every node", drained && delivered == expected,
            "\(delivered) of \(expected) deliveries arrived (\(expected - delivered) missing; e.g. events \(tracker.missing().joined(separator: ", ")))"
        )

        // One sample per whole second from the start until the last full second with deliveries:
        // the drain after the schedule ends counts too, so a mesh that falls behind shows a
        // lower rate over a longer time, never a flattering one. The final partial second is left out.
        let perSecond = tracker.completionsPerSecond()
        let loadSeconds = Int(phases.reduce(0) { $0 + $1.duration })
        context.recorder.declare(
            throughputMetric, unit: "events/s", better: .higher, meshSize: network.nodeCount,
            slaClass: throughputSLAClass)
        let lastFull = max(loadSeconds, perSecond.count - 1)
        for (second, count) in perSecond.enumerated() where second < max(1, lastFull) {
            try context.recorder.sample(throughputMetric, Double(count), t: Double(second))
        }
        try context.recorder.series(
            throughputMetric, unit: "events/s", t: perSecond.indices.map { Double($0) },
            values: perSecond.map(Double.init))

        let elapsed = Double(tracker.lastCompletion &- origin) / 1e9
        guard drained else {
            // Work per event is only defined once every event is done; the failed delivery check
            // above already says what is missing.
            return Outcome(
                published: published, delivered: delivered, completionsPerSecond: perSecond,
                elapsed: elapsed, generatorLagMS: Double(generator.maximumLag) / 1e6, backlogAtEnd: backlog,
                series: series, origin: origin)
        }
        try await network.awaitIdle(timeoutNanoseconds: UInt64(context.settings.timeout(10) * 1e9))
        let work = try await WorkCounters.total(of: network).subtracting(before)
        TopologyWork(network.topology).check(work, events: published, in: context)
        try work.record(events: published, in: context, exactBytes: network.nodeCount <= 10)
        try context.recorder.counter(
            "generator_lag_max", unit: "ms", value: Int64((Double(generator.maximumLag) / 1e6).rounded()))
        try context.recorder.counter("backlog_at_end", unit: "events", value: Int64(backlog))
        return Outcome(
            published: published, delivered: delivered, completionsPerSecond: perSecond,
            elapsed: elapsed, generatorLagMS: Double(generator.maximumLag) / 1e6, backlogAtEnd: backlog, series: series,
            origin: origin)
    }
}
