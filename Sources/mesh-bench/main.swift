// mesh-bench: quick performance figures of the Mesh module on the real loopback transport
// (release build: `swift build -c release --product mesh-bench && .build/release/mesh-bench`).
// Reports figures; asserts nothing. The full benchmark suite is the `bench` executable.
import Foundation
import Mesh
import Nostr

func percentile(_ values: [Double], _ p: Double) -> Double {
    // numpy's default (linear interpolation, "type 7").
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let h = Double(sorted.count - 1) * p
    let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
    return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
}

func ms(_ ns: Double) -> String { String(format: "%.3f ms", ns / 1e6) }

func residentKilobytes() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
    return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
}

func phaseBreakdown(_ network: MeshNetwork) async throws -> String {
    var totals = PhaseTiming(), count = 0, commits = 0, commitNs: UInt64 = 0
    for node in 0..<network.nodeCount {
        let log = try await network.timings(of: node)
        count += log.count
        commits += log.commits
        commitNs += log.commitNanoseconds
        totals.decode += log.totals.decode
        totals.verify += log.totals.verify
        totals.store += log.totals.store
        totals.match += log.totals.match
        totals.forward += log.totals.forward
    }
    guard count > 0 else { return "no events" }
    func us(_ v: UInt64) -> String { String(format: "%.1f µs", Double(v) / Double(count) / 1e3) }
    return "per accepted event (\(count)): decode \(us(totals.decode)), verify \(us(totals.verify)), store \(us(totals.store)), match \(us(totals.match)), forward \(us(totals.forward)), total \(us(totals.total)); then \(commits) group commits of \(String(format: "%.1f", Double(commitNs) / Double(max(commits, 1)) / 1e3)) µs each, after the frames are sent"
}

/// Publishes one event at a time and waits for it everywhere: latency at light load.
func sequentialLatencies(_ network: MeshNetwork, events: Int, publisher: (Int) -> Int) async throws -> [Double] {
    var latencies: [Double] = []
    for i in 0..<events {
        let from = publisher(i)
        let event = try await network.publish(from: from)
        let arrivals = try await network.awaitPropagation(of: event.id)
        let start = arrivals[from]!.time
        latencies.append(Double(arrivals.values.map(\.time).max()! - start))
        await network.forgetArrivals(of: event.id)
        try await network.awaitIdle()
    }
    return latencies
}

setvbuf(stdout, nil, _IOLBF, 0)
let args = CommandLine.arguments
let quick = args.contains("--quick")
/// `--only hop|propagation|rate|match|memory` runs one section; `--events N` sets the measured event
/// count of the hop and propagation sections. Both exist for profiling (e.g. under callgrind, where
/// two runs differing only in `--events` give the instructions per event by difference).
func option(_ name: String) -> String? {
    args.firstIndex(of: name).flatMap { args.index(after: $0) < args.endIndex ? args[args.index(after: $0)] : nil }
}
let only = option("--only")
let eventsOverride = option("--events").flatMap { Int($0) }
func runs(_ section: String) -> Bool { only == nil || only == section }
print("mesh-bench (mode real: loopback WebSocket, \(ProcessInfo.processInfo.activeProcessorCount) cores)\(quick ? " --quick" : "")")

// 1. Single hop.
if runs("hop") {
    let network = try await MeshNetwork.start(MeshConfig(topology: try .line(nodes: 2)))
    _ = try await sequentialLatencies(network, events: 200, publisher: { _ in 0 }) // warm-up
    let latencies = try await sequentialLatencies(network, events: eventsOverride ?? (quick ? 500 : 3_000), publisher: { _ in 0 })
    print("single hop (2 nodes), \(latencies.count) events one at a time: p50 \(ms(percentile(latencies, 0.5))), p95 \(ms(percentile(latencies, 0.95))), p99 \(ms(percentile(latencies, 0.99)))  [aim p50 ≤ 0.3 ms]")
    print("  " + (try await phaseBreakdown(network)))
    try await network.shutdown()
}

// 2. Ten-node random 4-regular, full propagation at light load.
let mesh10 = try Topology.randomRegular(nodes: 10, degree: 4, seed: 1)
if runs("propagation") {
    let network = try await MeshNetwork.start(MeshConfig(topology: mesh10))
    _ = try await sequentialLatencies(network, events: 100, publisher: { $0 % 10 })
    let latencies = try await sequentialLatencies(network, events: eventsOverride ?? (quick ? 300 : 2_000), publisher: { $0 % 10 })
    print("full propagation, \(mesh10.name) (diameter \(mesh10.diameter!)), \(latencies.count) events: p50 \(ms(percentile(latencies, 0.5))), p95 \(ms(percentile(latencies, 0.95))), p99 \(ms(percentile(latencies, 0.99)))  [aim p95 ≤ 2 ms]")
    print("  " + (try await phaseBreakdown(network)))
    try await network.shutdown()
}

// 3. Sustained rate on the same mesh: the highest offered rate at which every node stores every event.
if runs("rate") {
    let seconds = quick ? 1.0 : 3.0
    var best: (rate: Int, achieved: Double)?
    for rate in [500, 1_000, 1_500, 2_000, 2_500, 3_000, 3_500, 4_000, 5_000, 6_000] {
        let network = try await MeshNetwork.start(MeshConfig(topology: mesh10, node: NodeConfig(dedupCapacity: 1_000_000)))
        let count = Int(Double(rate) * seconds)
        let events = (0..<count).map { i in
            network.keyPair(of: i % 10).sign(kind: 1, content: "load \(rate) #\(i)", createdAt: 1_700_000_000 + Int64(i))
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let interval = 1e9 / Double(rate)
        func due(_ i: Int) -> UInt64 { start + UInt64(Double(i) * interval) }
        // Every event due when the publisher wakes goes out in one hand-over (never early) that
        // does not wait for the nodes, so the publisher's round trips do not cap the offered rate.
        var next = 0, worstLag: UInt64 = 0
        while next < count {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now >= due(next) else { try await Task.sleep(nanoseconds: due(next) - now); continue }
            var last = next
            while last + 1 < count, due(last + 1) <= now { last += 1 }
            worstLag = max(worstLag, now - due(next))
            try await network.publish((next...last).map { (event: events[$0], node: $0 % 10) }, waitUntilSent: false)
            next = last + 1
        }
        let offeredSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // A call on every node's loop runs after the publishes queued there: only then can idle
        // (no Prepare in flight) mean that everything was sent and answered.
        for node in 0..<10 { _ = try await network.counters(of: node) }
        var complete = true
        do { try await network.awaitIdle(timeoutNanoseconds: 30_000_000_000) } catch { complete = false }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var minStored = Int.max, maxQueue = 0, drops = 0
        for node in 0..<10 {
            let c = try await network.counters(of: node)
            minStored = min(minStored, c.storeWrites)
            maxQueue = max(maxQueue, c.queueDepthMax)
            drops += c.sendQueueDrops
        }
        complete = complete && minStored == count
        let achieved = Double(count) / elapsed
        print(String(format: "  offered %5d ev/s for %.1f s (publishing took %.2f s, worst lag %.1f ms): drained in %.2f s → %.0f ev/s delivered to all, min stored %d/%d, max queue %d, drops %d%@",
                     rate, seconds, offeredSeconds, Double(worstLag) / 1e6, elapsed, achieved, minStored, count, maxQueue, drops, complete ? "" : "  INCOMPLETE"))
        try await network.shutdown()
        // Sustained means the mesh kept up: everything delivered and drained within 10 % of the offer time.
        guard complete, elapsed <= seconds * 1.1 + 0.05 else { break }
        best = (rate, achieved)
    }
    if let best {
        print("highest sustained rate on \(mesh10.name): \(best.rate) ev/s network-wide with every node storing every event  [aim ≥ 2,500 ev/s]")
    } else {
        print("highest sustained rate: below 500 ev/s")
    }
}

// 4. Matching against 10,000 local subscriptions.
if runs("match") {
    let network = try await MeshNetwork.start(MeshConfig(topology: try .line(nodes: 2)))
    let authors = (0..<200).map { network.keyPair(of: 1_000 + $0).publicKeyHex }
    var subscriptions: [(id: Int, filters: [NostrFilter])] = []
    for i in 0..<10_000 {
        switch i % 4 {
        case 0: subscriptions.append((i, [NostrFilter(authors: [authors[i % authors.count]])]))
        case 1: subscriptions.append((i, [NostrFilter(kinds: [10_000 + i % 500])]))
        case 2: subscriptions.append((i, [NostrFilter(tags: ["t": ["topic\(i % 1_000)"]])]))
        default: subscriptions.append((i, [NostrFilter(kinds: [1], tags: ["p": [authors[i % authors.count]]])]))
        }
    }
    try await network.addLocalSubscriptions(node: 1, subscriptions)
    let events = quick ? 300 : 2_000
    for i in 0..<events {
        let event = try await network.publish(from: 0, kind: 1, tags: [["t", "topic\(i % 1_000)"], ["p", authors[i % authors.count]]])
        _ = try await network.awaitPropagation(of: event.id)
        await network.forgetArrivals(of: event.id)
    }
    try await network.awaitIdle()
    let log = try await network.timings(of: 1)
    let matches = log.records.map { Double($0.match) }
    let deliveries = try await network.counters(of: 1).deliveries
    print(String(format: "matching with 10,000 subscriptions (node 1, %d events, %.1f deliveries/event): match phase p50 %.1f µs, p95 %.1f µs (incl. the peer matcher)",
                 log.count, Double(deliveries) / Double(log.count), percentile(matches, 0.5) / 1e3, percentile(matches, 0.95) / 1e3))
    try await network.shutdown()
}

// 5. Memory: 100 nodes in one process.
if runs("memory") {
    let before = residentKilobytes()
    let topology = try Topology.randomRegular(nodes: 100, degree: 4, seed: 3)
    // TTL = n: a first copy that came the long way still has hops left (see docs/protocol.md §3).
    let network = try await MeshNetwork.start(MeshConfig(topology: topology, node: NodeConfig(ttl: topology.nodeCount)))
    for i in 0..<(quick ? 20 : 100) {
        let event = try await network.publish(from: i % 100)
        _ = try await network.awaitPropagation(of: event.id)
        await network.forgetArrivals(of: event.id)
    }
    try await network.awaitIdle()
    let after = residentKilobytes()
    print(String(format: "RSS, %@: %.1f MB total growth, %.2f MB per node  [aim ≤ 15 MB]",
                 topology.name, Double(after - before) / 1024, Double(after - before) / 1024 / 100))
    try await network.shutdown()
}
