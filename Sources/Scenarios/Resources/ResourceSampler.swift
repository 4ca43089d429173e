import Foundation
import Mesh
import NIOConcurrencyHelpers

/// Samples resource use every `interval` seconds while a workload runs (AC 6): memory and CPU
/// of the process(es), and per node bytes in/out, open connections, send-queue depth, store size
/// and store write latency. With in-process nodes one process hosts every node, so memory and
/// CPU are recorded as `process_*` (the whole process), never divided into a made-up per-node
/// figure; with `--process-per-node` each node's own process is read from /proc/<pid> as
/// `node_*` (SLA class `per_node`), and `process_*` is then the driving `bench` process alone.
final class ResourceSampler: Sendable {
    private let network: MeshUnderTest
    private let context: ScenarioContext
    private let origin: UInt64
    private let interval: Double
    private let meshSize: Int
    private let inFlight: (@Sendable () -> Int)?
    private let task = NIOLockedValueBox<Task<SeriesBuffer, Error>?>(nil)

    /// `origin`: network time of t = 0. `inFlight`: the workload's events not yet delivered everywhere.
    init(network: MeshUnderTest, context: ScenarioContext, origin: UInt64, inFlight: (@Sendable () -> Int)? = nil) {
        self.network = network
        self.context = context
        self.origin = origin
        self.interval = context.settings.sampleInterval
        self.meshSize = network.nodeCount
        self.inFlight = inFlight
        context.recorder.declare("process_rss", unit: "MB", better: .lower, meshSize: meshSize)
        context.recorder.declare("process_cpu", unit: "%", better: .lower, meshSize: meshSize)
        if network.nodeProcessIDs != nil {
            context.recorder.declare("node_rss", unit: "MB", better: .lower, meshSize: meshSize, slaClass: "per_node")
            context.recorder.declare("node_cpu", unit: "%", better: .lower, meshSize: meshSize, slaClass: "per_node")
        }
    }

    func start() {
        let network = network, context = context, origin = origin, interval = interval, inFlight = inFlight
        let sampling = Task {
            var buffer = SeriesBuffer()
            var previous = try await NodeReadings.read(network)
            var previousProcess = ProcessStats.current
            var previousWall = Date()
            let pids = network.nodeProcessIDs ?? []
            var previousNodes = pids.map { ProcessStats.snapshot(pid: $0) }
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(interval * 1e9))  // cancelled: the loop ends
                let now = await network.now()
                let t = Double(now &- origin) / 1e9
                let wall = Date()
                if let process = ProcessStats.current {
                    buffer.append("process_rss", unit: "MB", t: t, value: Double(process.rssBytes) / 1_048_576)
                    buffer.append("process_heap", unit: "MB", t: t, value: Double(process.anonymousBytes) / 1_048_576)
                    if let allocator = MemoryFootprint.current() {
                        buffer.append(
                            "process_heap_in_use", unit: "MB", t: t,
                            value: Double(allocator.heapInUseBytes) / 1_048_576)
                    }
                    try context.recorder.sample("process_rss", Double(process.rssBytes) / 1_048_576, t: t)
                    if let before = previousProcess {
                        let share = CPUShare(
                            from: before, to: process, wallSeconds: wall.timeIntervalSince(previousWall))
                        buffer.append("process_cpu_user", unit: "%", t: t, value: share.userPercent)
                        buffer.append("process_cpu_system", unit: "%", t: t, value: share.systemPercent)
                        try context.recorder.sample("process_cpu", share.userPercent + share.systemPercent, t: t)
                    }
                    previousProcess = process
                }
                for (node, pid) in pids.enumerated() {
                    guard let now = ProcessStats.snapshot(pid: pid) else { continue }
                    let mb = Double(now.rssBytes) / 1_048_576
                    buffer.append("node_rss", unit: "MB", node: node, t: t, value: mb)
                    buffer.append(
                        "node_heap", unit: "MB", node: node, t: t, value: Double(now.anonymousBytes) / 1_048_576)
                    try context.recorder.sample("node_rss", mb, node: node, t: t)
                    if let before = previousNodes[node] {
                        let share = CPUShare(from: before, to: now, wallSeconds: wall.timeIntervalSince(previousWall))
                        buffer.append("node_cpu_user", unit: "%", node: node, t: t, value: share.userPercent)
                        buffer.append("node_cpu_system", unit: "%", node: node, t: t, value: share.systemPercent)
                        try context.recorder.sample(
                            "node_cpu", share.userPercent + share.systemPercent, node: node, t: t)
                    }
                    previousNodes[node] = now
                }
                let readings = try await NodeReadings.read(network)
                readings.append(to: &buffer, since: previous, seconds: wall.timeIntervalSince(previousWall), t: t)
                if let inFlight { buffer.append("in_flight_events", unit: "events", t: t, value: Double(inFlight())) }
                previous = readings
                previousWall = wall
            }
            return buffer
        }
        task.withLockedValue { $0 = sampling }
    }

    /// Stops sampling and writes the series; also, unless `judgeQueueDepth` is false (a capacity
    /// ramp judges the queues step by step instead), the largest send-queue depth any node
    /// reached as the `queue_depth` counter (the story bounds it below 1,000). Returns the series
    /// so a scenario can judge them (burst recovery reads `in_flight_events`).
    @discardableResult
    func stop(judgeQueueDepth: Bool = true) async throws -> SeriesBuffer {
        guard let task = task.withLockedValue({ $0 }) else { return SeriesBuffer() }
        task.cancel()
        let buffer = try await task.value
        try buffer.write(to: context.recorder)
        guard judgeQueueDepth else { return buffer }
        var deepest = 0
        for node in 0..<network.nodeCount {
            deepest = max(deepest, try await network.counters(of: node).queueDepthMax)
        }
        try context.recorder.counter("queue_depth", unit: "frames", value: Int64(deepest))
        context.check(
            "send queues stay below 1,000 frames", deepest < 1_000,
            "a node's send queue reached \(deepest) frames")
        return buffer
    }
}

/// One reading of every node's counters and store, to turn totals into per-interval rates.
struct NodeReadings {
    var counters: [NodeCounters] = []
    var storeNanos: [UInt64] = []
    var storeCounts: [Int] = []
    var storeBytes: [Int] = []
    /// Each node's own heap (process-per-node), nil where nodes share this process's allocator.
    var heaps: [NodeHeap?] = []

    /// Asks every node at once: under load each answer waits for its node's event loop, and
    /// asking one node after another made a tick of a 100-node mesh take many seconds.
    static func read(_ network: MeshUnderTest) async throws -> NodeReadings {
        let count = network.nodeCount
        let answers = try await withThrowingTaskGroup(of: (Int, NodeCounters, PhaseTiming, Int, NodeHeap?).self) {
            group in
            for node in 0..<count {
                group.addTask {
                    let totals = try await network.phaseTotals(of: node)
                    let counters = try await network.counters(of: node)
                    return (node, counters, totals.totals, totals.count, try await network.heap(of: node))
                }
            }
            var answers: [(Int, NodeCounters, PhaseTiming, Int, NodeHeap?)] = []
            for try await answer in group { answers.append(answer) }
            return answers.sorted { $0.0 < $1.0 }
        }
        var readings = NodeReadings()
        for (node, counters, totals, events, heap) in answers {
            readings.heaps.append(heap)
            readings.counters.append(counters)
            readings.storeNanos.append(totals.store)
            readings.storeCounts.append(events)
            readings.storeBytes.append(network.storeBytes(of: node))
        }
        return readings
    }

    func append(to buffer: inout SeriesBuffer, since previous: NodeReadings, seconds: Double, t: Double) {
        for node in counters.indices {
            let c = counters[node]
            if previous.counters.indices.contains(node) {
                let p = previous.counters[node]
                buffer.append("bytes_in", unit: "B/s", node: node, t: t, value: Double(c.bytesIn - p.bytesIn) / seconds)
                buffer.append(
                    "bytes_out", unit: "B/s", node: node, t: t, value: Double(c.bytesOut - p.bytesOut) / seconds)
                let writes = storeCounts[node] - previous.storeCounts[node]
                if writes > 0 {
                    let nanos = storeNanos[node] - previous.storeNanos[node]
                    buffer.append(
                        "store_write_latency", unit: "us", node: node, t: t, value: Double(nanos) / Double(writes) / 1e3
                    )
                }
            }
            buffer.append("open_connections", unit: "connections", node: node, t: t, value: Double(c.openConnections))
            buffer.append("queue_depth", unit: "frames", node: node, t: t, value: Double(c.queueDepth))
            buffer.append("store_size", unit: "MB", node: node, t: t, value: Double(storeBytes[node]) / 1_048_576)
            buffer.append("dedup_ids", unit: "events", node: node, t: t, value: Double(c.dedupIds))
            if let heap = heaps[node] {
                buffer.append(
                    "node_heap_in_use", unit: "MB", node: node, t: t, value: Double(heap.inUseBytes) / 1_048_576)
                if let sqlite = heap.sqliteBytes {
                    buffer.append("node_sqlite_heap", unit: "MB", node: node, t: t, value: Double(sqlite) / 1_048_576)
                }
            }
        }
    }
}
