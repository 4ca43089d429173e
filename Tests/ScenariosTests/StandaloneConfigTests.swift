import Foundation
import Mesh
import XCTest
@testable import Scenarios

/// The node server's flags and mesh file: what they resolve to, and every mistake named with
/// its place and fix.
final class StandaloneConfigTests: XCTestCase {
    func testHostPortForms() throws {
        XCTAssertEqual(try HostPort(parsing: "127.0.0.1:7000"), HostPort(host: "127.0.0.1", port: 7000))
        XCTAssertEqual(
            try HostPort(parsing: "node-3.mesh.default.svc:7000"), HostPort(host: "node-3.mesh.default.svc", port: 7000)
        )
        XCTAssertEqual(try HostPort(parsing: "[::1]:0"), HostPort(host: "::1", port: 0))
        XCTAssertEqual(HostPort(host: "::1", port: 7).description, "[::1]:7")
        XCTAssertTrue(HostPort(host: "127.0.0.2", port: 1).isLoopback)
        XCTAssertFalse(HostPort(host: "198.18.4.10", port: 1).isLoopback)
        for bad in ["7000", "host:", "host:65536", "::1:7000", ":7000", "a b:1", "[::1]7000", "h:-1"] {
            XCTAssertThrowsError(try HostPort(parsing: bad), bad) { error in
                XCTAssertTrue("\(error)".contains("HOST:PORT"), "\(bad): \(error)")
            }
        }
    }

    func testMeshFileRoundTripPeersAndTargets() throws {
        let topology = try Topology.line(nodes: 3)
        let addresses = (0..<3).map { HostPort(host: "198.18.7.\(10 + $0)", port: 7000) }
        let mesh = MeshFile(topology: topology, addresses: addresses, seed: 42)
        XCTAssertEqual(mesh.ttl, 2, "n − 1: every event reaches every node")
        let read = try MeshFile.parse(try mesh.json(), path: "mesh.json")
        XCTAssertEqual(read, mesh)
        XCTAssertEqual(
            read.peers(of: 1),
            [
                PeerAddress(index: 0, host: "198.18.7.10", port: 7000),
                PeerAddress(index: 2, host: "198.18.7.12", port: 7000),
            ])
        let targets = try JSONSerialization.jsonObject(with: try mesh.targetsJSON()) as? [String: Any]
        let relays = try XCTUnwrap(targets?["relays"] as? [[String: String]])
        XCTAssertEqual(
            relays.map { $0["url"] ?? "" },
            ["ws://198.18.7.10:7000/nostr", "ws://198.18.7.11:7000/nostr", "ws://198.18.7.12:7000/nostr"])
        XCTAssertEqual(targets?["links"] as? [[String]], [["node-0", "node-1"], ["node-1", "node-2"]])
    }

    func testMeshFileErrorsNameTheField() {
        let cases: [(String, String)] = [
            ("[1]", "m.json: not a JSON object"),
            (#"{"ttl": 2, "nodes": ["a:1", "b:1"], "links": []}"#, "m.json: seed: missing"),
            (
                #"{"seed": 1, "ttl": 0, "nodes": ["a:1", "b:1"], "links": []}"#,
                "m.json: ttl: missing or not a whole number ≥ 1"
            ),
            (#"{"seed": 1, "ttl": 1, "nodes": ["a:1"], "links": []}"#, "m.json: nodes: missing or fewer than 2"),
            (#"{"seed": 1, "ttl": 1, "nodes": ["a:1", "b"], "links": []}"#, "m.json: nodes[1]: b: no port"),
            (
                #"{"seed": 1, "ttl": 1, "nodes": ["a:1", "b:0"], "links": []}"#,
                "m.json: nodes[1]: port 0 cannot be dialled"
            ),
            (
                #"{"seed": 1, "ttl": 1, "nodes": ["a:1", "b:1"], "links": [[0, 2]]}"#,
                "m.json: links[0]: a link is two different node indices in 0..<2"
            ),
            (
                #"{"seed": 1, "ttl": 1, "nodes": ["a:1", "b:1"], "links": [[0, 1], [1, 0]]}"#,
                "m.json: links[1]: [0, 1] is listed twice"
            ),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try MeshFile.parse(Data(text.utf8), path: "m.json"), text) { error in
                XCTAssertTrue("\(error)".hasPrefix(expected), "\(text) → \(error)")
            }
        }
    }

    func testPlanFromFlagsAndFromAMeshFile() throws {
        var flags = NodeServerPlan.Flags()
        flags.index = 2
        flags.peers = ["4=node-4.mesh:7000", "0=198.18.1.10:7000"]
        flags.seed = 9
        let plan = try NodeServerPlan.resolve(flags)
        XCTAssertEqual(plan.listen, HostPort(host: "127.0.0.1", port: 0), "loopback by default")
        XCTAssertEqual(plan.peers.map(\.index), [0, 4])
        XCTAssertEqual(plan.dialled.map(\.index), [4], "the lower index of a link dials")
        XCTAssertEqual(plan.seed, 9)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("mesh.json").path
        let mesh = MeshFile(
            topology: try .ring(nodes: 4),
            addresses: (0..<4).map { HostPort(host: "meshbench-node-\($0).mesh", port: 7000) }, seed: 5)
        try mesh.json().write(to: URL(fileURLWithPath: path))
        var fromFile = NodeServerPlan.Flags()
        fromFile.meshPath = path
        fromFile.hostname = "meshbench-node-3"
        fromFile.listen = "0.0.0.0:7000"
        let pod = try NodeServerPlan.resolve(fromFile)
        XCTAssertEqual(pod.index, 3, "the StatefulSet ordinal")
        XCTAssertEqual(pod.peers.map(\.index), [0, 2])
        XCTAssertEqual(pod.dialled, [], "node 3 of a 4-ring is dialled by both its neighbours")
        XCTAssertEqual(pod.seed, 5)
        XCTAssertEqual(pod.ttl, 3)
        XCTAssertEqual(pod.listen, HostPort(host: "0.0.0.0", port: 7000))
        fromFile.injectedDelayMicros = 300
        XCTAssertEqual(
            try NodeServerPlan.resolve(fromFile).injectedDelayMicros, 300, "--inject-delay-us reaches the node server")
        fromFile.injectedDelayMicros = 60_000_001
        XCTAssertThrowsError(try NodeServerPlan.resolve(fromFile)) { error in
            XCTAssertEqual("\(error)", "--inject-delay-us 60000001: must be 0 to 60,000,000 (60 s)")
        }
        fromFile.injectedDelayMicros = 0
        fromFile.hostname = "meshbench-node-3.meshbench-node.default.svc.cluster.local"
        XCTAssertEqual(
            try NodeServerPlan.resolve(fromFile).index, 3, "a fully qualified pod name counts by its first label")
        fromFile.hostname = "meshbench-node-3"
        fromFile.listen = nil
        XCTAssertEqual(
            try NodeServerPlan.resolve(fromFile).listen, HostPort(host: "127.0.0.1", port: 7000),
            "loopback on the file's port")
    }

    func testPlanErrorsNameTheFlag() {
        func message(_ change: (inout NodeServerPlan.Flags) -> Void) -> String {
            var flags = NodeServerPlan.Flags()
            flags.index = 0
            flags.peers = ["1=127.0.0.1:7001"]
            change(&flags)
            do {
                _ = try NodeServerPlan.resolve(flags)
                return "no error"
            } catch {
                return error.description
            }
        }
        XCTAssertEqual(
            message { $0.index = nil }, "--index: give the node's index (--index N) or --index-from-hostname")
        XCTAssertEqual(
            message {
                $0.index = nil; $0.hostname = "relay"
            },
            "--index-from-hostname: the host name \"relay\" does not end in -<number> (a StatefulSet pod's ordinal)")
        XCTAssertEqual(
            message { $0.peers = [] },
            "--peer: give the node's peers (--peer INDEX=HOST:PORT, repeatable) or a mesh file (--mesh FILE)")
        XCTAssertEqual(
            message { $0.peers = ["x=a:1"] }, "--peer x=a:1: write INDEX=HOST:PORT, e.g. --peer 4=198.18.1.14:7000")
        XCTAssertEqual(message { $0.peers = ["0=a:1"] }, "--peer 0=a:1: a node does not link to itself (--index 0)")
        XCTAssertEqual(message { $0.peers = ["1=a:1", "1=b:1"] }, "--peer 1=b:1: peer 1 is given twice")
        XCTAssertEqual(
            message { $0.meshPath = "m.json" },
            "--mesh m.json: the mesh file gives the peers, seed and TTL; leave out --peer, --seed and --ttl")
        XCTAssertTrue(message { $0.listen = "0.0.0.0" }.hasPrefix("--listen 0.0.0.0: 0.0.0.0: no port"))
    }

    func testNamespaceNamesAreRecognisedOnlyInTheirOwnForm() {
        let names = NamespaceNames(owner: 4_194_304)
        XCTAssertEqual(names.namespace(239), "mbnx4194304n239")
        XCTAssertLessThanOrEqual(names.hostEnd(239).utf8.count, 15, "IFNAMSIZ − 1")
        for name in [names.bridge, names.namespace(0), names.hostEnd(12)] {
            XCTAssertEqual(NamespaceNames.owner(of: name), 4_194_304, name)
        }
        for name in [
            "eth0", "mbnx", "mbnxb", "mbnx12", "mbnx12x3", "mbnx12n", "mbnx12n3a", "xmbnx12b", "mbnx12bb", "docker0",
        ] {
            XCTAssertNil(NamespaceNames.owner(of: name), name)
        }
    }
}
