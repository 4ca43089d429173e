import BenchFormats
import Mesh
@testable import Scenarios
import XCTest

/// Tier 3 scenarios shrunk to a few nodes and a second of load.
final class Tier3ScenarioTests: XCTestCase {
    func testScalabilityRecordsDiameterTraceAndThroughput() async throws {
        let overrides = ScenarioOverrides(nodes: 8, duration: 2, rate: 5, events: 8, degree: 3)
        let scenario = ScalabilityScenario.size(25, events: 200, stepSeconds: 3)
        let (sink, failed) = try await runScenarios([scenario], overrides: overrides)
        XCTAssertEqual(failed, [], failureMessages(sink))
        let topology = try Topology.randomRegular(nodes: 8, degree: 3, seed: 7)
        XCTAssertEqual(sink.counter("diameter"), Int64(topology.diameter!))
        XCTAssertEqual(sink.counter("links"), 12)
        XCTAssertEqual(sink.values("latency").count, 8 * 7)
        XCTAssertEqual(sink.samples("latency").first?.slaClass, "propagation")
        XCTAssertEqual(sink.samples("latency").first?.meshSize, 8)
        XCTAssertEqual(sink.series("trace.arrival").first?.values.count, 8)
        XCTAssertEqual(sink.series("topology.edges").first?.values.count, 12)
        XCTAssertEqual(sink.samples("throughput").first?.slaClass, "network_wide")
        XCTAssertEqual(sink.values("throughput"), [5], "the knee of a one-step ramp at 5 events/s")
        XCTAssertEqual(
            sink.samples("load_latency_at_knee").first?.slaClass, nil,
            "latency under load is not judged by the light-load SLA")
        XCTAssertEqual(sink.counter("events_delivered"), sink.counter("events_expected"))
    }

    func testStressChecksStability() async throws {
        let overrides = ScenarioOverrides(nodes: 6, duration: 1, rate: 30)
        let (sink, failed) = try await runScenarios([StressScenario()], overrides: overrides)
        XCTAssertEqual(failed, [], failureMessages(sink))
        let names = Set(sink.outcomes.map(\.test))
        XCTAssertTrue(names.contains("tier3.stress-100/no node disconnects, drops, times out or rejects"))
        XCTAssertTrue(names.contains("tier3.stress-100/the mesh keeps pace with the offered rate to the end"))
    }

    func testSoakSamplesEveryResourceSeries() async throws {
        let overrides = ScenarioOverrides(nodes: 4, duration: 1, rate: 20, sampleInterval: 0.2)
        let (sink, failed) = try await runScenarios([ResourceSoakScenario()], overrides: overrides)
        XCTAssertEqual(failed, [], failureMessages(sink))
        for metric in [
            "process_rss", "process_heap", "process_cpu_user", "process_cpu_system", "bytes_in", "bytes_out",
            "open_connections", "queue_depth", "store_size", "in_flight_events", "dedup_ids", "process_heap_in_use",
        ] {
            XCTAssertFalse(sink.series(metric).isEmpty, "no \(metric) series")
        }
        XCTAssertTrue(sink.series("dedup_ids").contains { $0.values.contains { $0 > 0 } }, "no node remembered an id")
        // Every node keeps its 3 links open (4 nodes, random 3-regular = full mesh).
        XCTAssertTrue(sink.series("open_connections").allSatisfy { $0.values.allSatisfy { $0 == 3 } })
    }
}
