import BenchFormats
import Foundation
import Mesh

/// A capacity measurement on a running mesh, shared by the throughput and scalability scenarios:
/// the knee of an open-loop rate ramp (`RateRamp`, judged by `KneeRule`: every event delivered
/// to every node, a bounded backlog, p95 full propagation under the story's SLA for the mesh
/// size) beside the machine's ceiling for that size (`NodeEventFloor`, measured on the spot).
///
/// Records `throughput` (one sample: the knee, the figure the throughput SLAs judge),
/// `load_latency_at_knee` (full propagation at the knee step), `load_latency.r<rate>` for every
/// step (ms, to chart latency against offered load; `load_` marks latency measured under a
/// capacity load, which the scaling check leaves out), `node_event_verify` and
/// `node_event_insert` (µs), `ceiling` (events/s), `knee_efficiency` (% of the ceiling),
/// `cpu_per_event_at_knee` (µs of the mesh's CPU per event at the knee step, to set beside the
/// floor's (verify + insert) × nodes), per-step counters, `queue_depth` as the deepest send queue
/// up to the end of the knee step (beyond the knee an unthrottled mesh's queues may overflow: the
/// step fails, the run does not), and afterwards the exact work per event of every event offered,
/// once the mesh delivered all of them.
struct CapacityRamp {
    var publishers: [Int]
    var throughputSLAClass: String
    /// Seconds each step offers load.
    var stepSeconds: Double
    /// Seconds the mesh gets after a step to complete its events.
    var drainSeconds: Double = 5

    /// Steps per doubling of the rate: the knee is known within 2^(1/4) − 1 = 19 %.
    static let stepsPerDoubling = 4
    /// The first rate at `nodes` nodes: 250 events/s at 10 nodes, 100 at 25, 50 at 50, about
    /// half what a loaded 2-core machine kept up with (500, 238, 119), so the first step passes.
    static func firstRate(nodes: Int) -> Double { (2_500 / Double(max(1, nodes))).rounded() }
    /// The top of the default ramp: four doublings above the first rate.
    static func topRate(nodes: Int) -> Double { 16 * firstRate(nodes: nodes) }

    /// The story's full-propagation p95 SLA at this mesh size (story 11.6 AC 1, as in
    /// `.benchmarks/thresholds.json`, sla class `propagation`).
    static func slaP95MS(nodes: Int) -> Double {
        switch nodes {
        case ...10: 500
        case ...25: 1_000
        case ...50: 2_000
        default: 5_000
        }
    }

    struct Outcome {
        var published: Int
        var result: RampResult
        /// Deliveries to local subscribers at each node during the knee step (nil: no knee).
        var kneeStepDeliveries: [Int]?
    }

    func run(on network: MeshUnderTest, context: ScenarioContext) async throws -> Outcome {
        let settings = context.settings
        let recorder = context.recorder
        let size = network.nodeCount
        let floor = try NodeEventFloor.measure(directory: URL(fileURLWithPath: settings.workDirectory))
        let ceiling = floor.ceiling(nodes: size)
        recorder.declare(CapacityMetrics.nodeEventVerify, unit: "us", better: .lower, meshSize: size)
        recorder.declare(CapacityMetrics.nodeEventInsert, unit: "us", better: .lower, meshSize: size)
        recorder.declare("ceiling", unit: "events/s", better: .higher, meshSize: size)
        try recorder.sample(CapacityMetrics.nodeEventVerify, floor.verifyMicroseconds)
        try recorder.sample(CapacityMetrics.nodeEventInsert, floor.insertMicroseconds)
        try recorder.sample("ceiling", ceiling)
        try recorder.counter("cores", unit: "cores", value: Int64(floor.cores))

        // `--rate` below the first rate: a single step at that rate.
        let top = settings.rate(default: Self.topRate(nodes: size))
        let ramp = RateRamp(
            rates: RateRamp.geometric(
                from: min(Self.firstRate(nodes: size), top), to: top,
                stepsPerDoubling: Self.stepsPerDoubling),
            stepSeconds: stepSeconds, drainSeconds: settings.timeout(drainSeconds),
            rule: KneeRule(slaP95MS: Self.slaP95MS(nodes: size)))
        for rate in ramp.rates {
            recorder.declare(CapacityMetrics.stepLatency(rate: rate), unit: "ms", better: .lower, meshSize: size)
        }
        recorder.declare(CapacityMetrics.latencyAtKnee, unit: "ms", better: .lower, meshSize: size)
        recorder.declare("throughput", unit: "events/s", better: .higher, meshSize: size, slaClass: throughputSLAClass)
        recorder.declare("knee_efficiency", unit: "%", better: .higher, meshSize: size)
        recorder.declare(CapacityMetrics.cpuPerEventAtKnee, unit: "us", better: .lower, meshSize: size)

        let origin = await network.now()
        let completions = CompletionLatencies()
        let tracker = DeliveryTracker(
            recorder: recorder, targetsPerEvent: size - 1, origin: origin,
            metrics: { _ in [] }, onComplete: { completions.record(publishedAt: $0, completedAt: $1) })
        // Duplicates of earlier work may still be in flight: start counting from a quiet mesh.
        try await network.awaitIdle(timeoutNanoseconds: settings.timeoutNanoseconds(10))
        let before = try await WorkCounters.total(of: network)
        tracker.attach(to: network)
        defer { tracker.detach(from: network) }
        let sampler = ResourceSampler(
            network: network, context: context, origin: origin, inFlight: { tracker.inFlightCount })
        sampler.start()
        let generator = LoadGenerator(network: network, context: context, tracker: tracker, publishers: Set(publishers))
        let load = MeshRampLoad(
            network: network, generator: generator, tracker: tracker, completions: completions,
            publishers: publishers, cpuClock: MeshCPUClock(of: network))
        var deliveriesPerStep: [Double: [Int]] = [:]
        let result: RampResult
        let drained: Bool
        do {
            var lastDeliveries = try await Self.deliveries(of: network)
            result = try await ramp.run(load) { step in
                try Self.record(step, in: context)
                let now = try await Self.deliveries(of: network)
                deliveriesPerStep[step.rate] = zip(now, lastDeliveries).map { $0 - $1 }
                lastDeliveries = now
            }
            // A failed step's events may still be on their way: every offered event must arrive.
            drained = try await generator.drain(timeout: settings.timeout(10), deadline: settings.timeout(120))
        } catch {
            _ = try? await sampler.stop(judgeQueueDepth: false)
            throw error
        }
        // The queues are judged step by step (`KneeRule`): beyond the knee they may overflow.
        try await sampler.stop(judgeQueueDepth: false)
        try tracker.rethrow()

        let published = tracker.published, delivered = tracker.delivered, expected = published * (size - 1)
        try recorder.counter("events_published", unit: "events", value: Int64(published))
        try recorder.counter("events_expected", unit: "deliveries", value: Int64(expected))
        try recorder.counter("events_delivered", unit: "deliveries", value: Int64(delivered))
        context.check(
            "every event reaches every node", drained && delivered == expected,
            "\(delivered) of \(expected) deliveries arrived (\(expected - delivered) missing; e.g. events \(tracker.missing().joined(separator: ", ")))"
        )
        // Events completed per second over the whole ramp: its staircase, for the throughput chart.
        let perSecond = tracker.completionsPerSecond()
        try recorder.series(
            "throughput", unit: "events/s", t: perSecond.indices.map { Double($0) }, values: perSecond.map(Double.init))
        try recorder.counter("throughput_knee_is_lower_bound", unit: "bool", value: result.reachedTop ? 1 : 0)
        context.check(
            "the mesh keeps up with the lowest step", result.knee != nil,
            "at \(Int(ramp.rates.first ?? 0)) events/s: \(result.steps.first?.reason ?? "no step ran")")
        var kneeDeliveries: [Int]?
        if let knee = result.knee, let kneeStep = result.steps.last(where: { $0.rate == knee }) {
            try recorder.sample("throughput", knee)
            try recorder.sample("knee_efficiency", 100 * knee / ceiling)
            if let cpu = kneeStep.outcome.cpuMicrosecondsPerEvent {
                try recorder.sample(CapacityMetrics.cpuPerEventAtKnee, cpu)
            }
            for latency in kneeStep.outcome.latenciesMS { try recorder.sample(CapacityMetrics.latencyAtKnee, latency) }
            kneeDeliveries = deliveriesPerStep[knee]
            if let deepest = kneeStep.outcome.deepestQueue {
                try recorder.counter("queue_depth", unit: "frames", value: Int64(deepest))
            }
        }
        if drained {
            try await network.awaitIdle(timeoutNanoseconds: settings.timeoutNanoseconds(10))
            let work = try await WorkCounters.total(of: network).subtracting(before)
            TopologyWork(network.topology).check(work, events: published, in: context)
            try work.record(events: published, in: context, exactBytes: size <= 10)
        }
        return Outcome(published: published, result: result, kneeStepDeliveries: kneeDeliveries)
    }

    /// One step's full-propagation latencies and what became of its events.
    private static func record(_ step: RampStep, in context: ScenarioContext) throws {
        let recorder = context.recorder, label = "step.r\(Int(step.rate))"
        for latency in step.outcome.latenciesMS {
            try recorder.sample(CapacityMetrics.stepLatency(rate: step.rate), latency)
        }
        try recorder.counter("\(label).offered", unit: "events", value: Int64(step.outcome.offered))
        try recorder.counter("\(label).at_every_node", unit: "events", value: Int64(step.outcome.completed))
        try recorder.counter("\(label).backlog_at_end", unit: "events", value: Int64(step.outcome.backlogAtEnd))
        if let deepest = step.outcome.deepestQueue {
            try recorder.counter("\(label).queue_depth", unit: "frames", value: Int64(deepest))
        }
        if let cpu = step.outcome.cpuMicrosecondsPerEvent, let micros = Int64(exactly: cpu.rounded()) {
            try recorder.counter("\(label).cpu_per_event", unit: "us", value: micros)
        }
        try recorder.counter("\(label).passed", unit: "bool", value: step.passed ? 1 : 0)
        // Which rule conditions failed it, so a failed step says why (the reason's words are in
        // the scenario's check when the lowest step fails).
        for condition in step.failed {
            try recorder.counter("\(label).failed.\(condition.rawValue)", unit: "bool", value: 1)
        }
    }

    private static func deliveries(of network: MeshUnderTest) async throws -> [Int] {
        var counts: [Int] = []
        for node in 0..<network.nodeCount { counts.append(try await network.counters(of: node).deliveries) }
        return counts
    }
}
