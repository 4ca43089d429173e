import Foundation
import Mesh
@testable import Scenarios
import XCTest

/// The control channel carries a node's counters whole: a `--process-per-node` run reports every
/// counter an in-process mesh does (issue 15: the back-pressure counters were missing).
final class NodeControlProtocolTests: XCTestCase {
    /// Every counter set to its own value, found from the counters' own encoding rather than a list
    /// kept here, so a counter added later is covered too.
    func everyCounterSet() throws -> NodeCounters {
        let empty = try JSONSerialization.jsonObject(with: JSONEncoder().encode(NodeCounters())) as? [String: Any]
        var fields = try XCTUnwrap(empty)
        for (offset, key) in fields.keys.sorted().enumerated() {
            fields[key] = fields[key] is [String: Any] ? ["F0\(offset % 10)": offset + 1] : offset + 1
        }
        return try JSONDecoder().decode(NodeCounters.self, from: JSONSerialization.data(withJSONObject: fields))
    }

    func testEveryCounterCrossesTheProcessBoundary() throws {
        let counters = try everyCounterSet()
        XCTAssertNotEqual(counters.eventsHeld, 0)
        XCTAssertNotEqual(counters.eventsHeldMax, counters.eventsHeld)
        XCTAssertNotEqual(counters.eventsRefusedBusy, 0)
        XCTAssertNotEqual(counters.dedupIds, 0)
        var reply = NodeReply(seq: 7, op: "ok")
        reply.counters = counters
        let line = try JSONEncoder().encode(reply)
        let decoded = try JSONDecoder().decode(NodeReply.self, from: line)
        XCTAssertEqual(decoded.seq, 7)
        XCTAssertEqual(decoded.counters, counters)
    }

    func testMemoryReplyKeepsItsWireNames() throws {
        var reply = NodeReply(seq: 3, op: "ok")
        reply.heapInUse = 12_345_678
        reply.sqliteInUse = 2_097_152
        let line = try JSONEncoder().encode(reply)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: line) as? [String: Any])
        XCTAssertEqual(object["heap_in_use"] as? Int, 12_345_678)
        XCTAssertEqual(object["sqlite_in_use"] as? Int, 2_097_152)
        let decoded = try JSONDecoder().decode(NodeReply.self, from: line)
        XCTAssertEqual(decoded.heapInUse, 12_345_678)
        XCTAssertEqual(decoded.sqliteInUse, 2_097_152)
    }
}
