import ExecutableTesting
import Foundation
import XCTest

/// `bench topology` as a user runs it: the built binary, its output and its exit codes.
final class TopologyCommandTests: XCTestCase {
    func testLinePrintsExactHopDistancesAndDiameter() throws {
        let run = try BuiltExecutable("bench").run(["topology", "--nodes", "5", "--topology", "line", "--from", "0"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdoutText.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "topology  line(n=5)")
        XCTAssertTrue(lines.contains("diameter  4 hops"), run.stdoutText)
        XCTAssertTrue(lines.contains("links     4"), run.stdoutText)
        // node, degree, hops from 0, neighbours
        let rows = lines.filter { $0.first == " " && $0.split(separator: " ").count >= 4 }
            .map { $0.split(separator: " ").map(String.init) }
        XCTAssertEqual(rows.map { $0[0] }, ["0", "1", "2", "3", "4"])
        XCTAssertEqual(rows.map { $0[1] }, ["1", "2", "2", "2", "1"], "degrees of a line")
        XCTAssertEqual(rows.map { $0[2] }, ["0", "1", "2", "3", "4"], "hops from node 0")
        XCTAssertEqual(lines.last, "links: 0–1 1–2 2–3 3–4")
    }

    func testJSONOfASeededRegularMeshIsReproducibleAndRegular() throws {
        let bench = try BuiltExecutable("bench")
        let arguments = [
            "topology", "--nodes", "12", "--topology", "regular", "--degree", "4", "--seed", "9", "--json",
        ]
        let first = try bench.run(arguments), second = try bench.run(arguments)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout, second.stdout, "same seed, same mesh")
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: first.stdout) as? [String: Any])
        XCTAssertEqual(object["nodes"] as? Int, 12)
        XCTAssertEqual(object["links"] as? Int, 24, "12 nodes × degree 4 / 2")
        XCTAssertEqual(object["degree_min"] as? Int, 4)
        XCTAssertEqual(object["degree_max"] as? Int, 4)
        let perNode = try XCTUnwrap(object["per_node"] as? [[String: Any]])
        XCTAssertEqual(perNode.count, 12)
        XCTAssertTrue(perNode.allSatisfy { ($0["hops"] as? Int) != nil }, "a random regular mesh is connected")
        let other = try bench.run([
            "topology", "--nodes", "12", "--topology", "regular", "--degree", "4", "--seed", "10", "--json",
        ])
        XCTAssertNotEqual(other.stdout, first.stdout, "another seed, another mesh")
    }

    func testInvalidParametersExitTwoNamingTheValidChoices() throws {
        let bench = try BuiltExecutable("bench")
        let unknown = try bench.run(["topology", "--topology", "hypercube"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("full, line, ring, star, regular, small-world"), unknown.stderr)

        let oddStubs = try bench.run(["topology", "--nodes", "5", "--topology", "regular", "--degree", "3"])
        XCTAssertEqual(oddStubs.status, 2)
        XCTAssertTrue(oddStubs.stderr.contains("make n or k even"), oddStubs.stderr)

        let tooFew = try bench.run(["topology", "--nodes", "2", "--topology", "ring"])
        XCTAssertEqual(tooFew.status, 2)
        XCTAssertTrue(tooFew.stderr.contains("use n ≥ 3"), tooFew.stderr)

        let oddDegree = try bench.run(["topology", "--nodes", "10", "--topology", "small-world", "--degree", "3"])
        XCTAssertEqual(oddDegree.status, 2)
        XCTAssertTrue(oddDegree.stderr.contains("must be even"), oddDegree.stderr)

        let badFrom = try bench.run(["topology", "--nodes", "4", "--topology", "star", "--from", "4"])
        XCTAssertEqual(badFrom.status, 2)
        XCTAssertTrue(badFrom.stderr.contains("nodes are 0…3"), badFrom.stderr)
        XCTAssertTrue(unknown.stdout.isEmpty && oddStubs.stdout.isEmpty, "nothing on standard output on a usage error")
    }
}
