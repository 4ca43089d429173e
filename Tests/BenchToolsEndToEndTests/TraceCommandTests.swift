import ExecutableTesting
import Foundation
import XCTest

/// `bench trace` on real loopback meshes: the path, the payments and the phases it reports.
final class TraceCommandTests: XCTestCase {
    /// A 4-node line with the default price 100 msat, fee 10 msat and TTL 5: the publisher pays
    /// 100 + 4 × 10 = 140 msat; each hop keeps 10 and forwards the rest, the end node keeps 120.
    func testLineTraceReportsHopsPaymentsAndPhases() throws {
        let run = try BuiltExecutable("bench").run([
            "trace", "--nodes", "4", "--topology", "line", "--json", "--warmup", "1",
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        let trace = try XCTUnwrap(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        XCTAssertEqual(trace["published_msat"] as? Int, 140)
        XCTAssertEqual(trace["ledger_sum_msat"] as? Int, 0, "ledgers net to zero across the mesh")
        let arrivals = try XCTUnwrap(trace["arrivals"] as? [[String: Any]])
        XCTAssertEqual(arrivals.map { $0["node"] as? Int }, [0, 1, 2, 3], "a line is reached in order")
        XCTAssertEqual(arrivals.map { $0["hops"] as? Int }, [0, 1, 2, 3])
        XCTAssertEqual(arrivals.compactMap { $0["from"] as? Int }, [0, 1, 2])
        XCTAssertEqual(arrivals.compactMap { $0["paid_msat"] as? Int }, [140, 130, 120])
        XCTAssertEqual(arrivals.compactMap { $0["kept_msat"] as? Int }, [10, 10, 120])
        XCTAssertEqual(arrivals.map { $0["forwards"] as? Int }, [1, 1, 1, 0])
        XCTAssertEqual(arrivals.map { $0["net_msat"] as? Int }, [-140, 10, 10, 120])
        XCTAssertEqual(arrivals.last?["path"] as? [Int], [0, 1, 2, 3])
        let times = arrivals.compactMap { $0["arrived_us"] as? Double }
        XCTAssertEqual(times, times.sorted(), "rows are in arrival order")
        XCTAssertNil(arrivals[0]["phases"], "the publisher does not decode or verify its own event")
        for hop in arrivals.dropFirst() {
            let phases = try XCTUnwrap(
                hop["phases"] as? [String: Double], "node \(hop["node"] ?? "?") has no phase record")
            XCTAssertEqual(Set(phases.keys), ["decode", "verify", "store", "match", "forward"])
            XCTAssertGreaterThan(phases["verify"] ?? 0, 0, "a BIP-340 verification takes time")
        }
    }

    func testNodesBeyondTheTTLAreReportedAsMissed() throws {
        let run = try BuiltExecutable("bench").run([
            "trace", "--nodes", "5", "--topology", "line", "--ttl", "2", "--warmup", "0",
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = run.stdoutText
        XCTAssertTrue(text.contains("not reached: node 3 — 3 hops away, beyond TTL 2 (raise --ttl)"), text)
        XCTAssertTrue(text.contains("not reached: node 4 — 4 hops away, beyond TTL 2 (raise --ttl)"), text)
        XCTAssertTrue(text.contains("reached 3/5 nodes"), text)
        XCTAssertTrue(text.contains("(balanced)"), text)
    }

    func testPictureIsAPNG() throws {
        let folder = try ScratchFolder("trace-png")
        defer { folder.remove() }
        let path = folder.path("trace.png")
        let run = try BuiltExecutable("bench").run(["trace", "--nodes", "6", "--topology", "ring", "--png", path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG signature")
    }

    func testUsageErrorsExitTwo() throws {
        let bench = try BuiltExecutable("bench")
        let badPublisher = try bench.run(["trace", "--nodes", "3", "--topology", "line", "--publisher", "7"])
        XCTAssertEqual(badPublisher.status, 2)
        XCTAssertTrue(badPublisher.stderr.contains("nodes are 0…2"), badPublisher.stderr)
        let badTopology = try bench.run(["trace", "--topology", "torus"])
        XCTAssertEqual(badTopology.status, 2)
        XCTAssertTrue(badTopology.stderr.contains("valid topologies"), badTopology.stderr)
        let badLevel = try bench.run(
            ["trace", "--nodes", "3", "--topology", "line"], environment: ["MESHBENCH_LOG": "chatty"])
        XCTAssertEqual(badLevel.status, 2)
        XCTAssertTrue(badLevel.stderr.contains("trace, debug, info, notice, warning, error, critical"), badLevel.stderr)
    }

    func testVerboseLogsGoToStandardErrorWithLevelLabelAndMetadata() throws {
        let run = try BuiltExecutable("bench").run([
            "trace", "--nodes", "3", "--topology", "line", "--json", "--verbose",
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: run.stdout), "logs must not reach standard output")
        XCTAssertTrue(run.stderr.contains(" debug meshbench.trace: published traced event [id="), run.stderr)
    }
}
