import Mesh

/// Sums the exact work counters of every node after a workload and records them per event, the
/// noise-free figures a CI gate can compare exactly (frames, bytes, verifications, store writes).
struct WorkCounters {
    var framesOut = 0
    var bytesOut = 0
    var verifications = 0
    var storeWrites = 0
    var duplicatesDropped = 0
    var deliveries = 0

    static func total(of network: MeshUnderTest) async throws -> WorkCounters {
        var total = WorkCounters()
        for node in 0..<network.nodeCount {
            let c = try await network.counters(of: node)
            total.framesOut += c.framesOut
            total.bytesOut += c.bytesOut
            total.verifications += c.verifications
            total.storeWrites += c.storeWrites
            total.duplicatesDropped += c.duplicatesDropped
            total.deliveries += c.deliveries
        }
        return total
    }

    /// The work done since `baseline` (link set-up frames are not part of any event's cost).
    func subtracting(_ baseline: WorkCounters) -> WorkCounters {
        WorkCounters(
            framesOut: framesOut - baseline.framesOut, bytesOut: bytesOut - baseline.bytesOut,
            verifications: verifications - baseline.verifications,
            storeWrites: storeWrites - baseline.storeWrites,
            duplicatesDropped: duplicatesDropped - baseline.duplicatesDropped,
            deliveries: deliveries - baseline.deliveries)
    }

    /// Writes `<name>_per_event` counters. The workload is deterministic, so each total divides
    /// evenly by the event count; a remainder means the mesh did uneven work and fails the check.
    ///
    /// `exactBytes` false: bytes depend on timing, so `bytes_per_event` is the rounded mean and is
    /// not checked. That is the case beyond 10 nodes, where node addresses (`test.meshbench.n7`,
    /// `…n42`) differ in length and a forward's bytes depend on which peer sent the first copy.
    func record(events: Int, in context: ScenarioContext, exactBytes: Bool = true) throws {
        let figures: [(String, String, Int)] = [
            ("frames_per_event", "frames", framesOut),
            ("bytes_per_event", "bytes", bytesOut),
            ("verifications_per_event", "verifications", verifications),
            ("store_writes_per_event", "writes", storeWrites),
            ("duplicates_per_event", "frames", duplicatesDropped),
        ]
        for (metric, unit, total) in figures {
            if metric == "bytes_per_event", !exactBytes, events > 0 {
                try context.recorder.counter(
                    metric, unit: unit, value: Int64((Double(total) / Double(events)).rounded()))
                continue
            }
            let even = context.check(
                "\(metric) is whole", events > 0 && total % events == 0,
                "\(total) \(unit) over \(events) events is not a whole number per event")
            if even { try context.recorder.counter(metric, unit: unit, value: Int64(total / events)) }
        }
    }
}
