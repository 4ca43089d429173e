import Foundation
import Mesh
import NostrClient
import XCTest
@testable import Scenarios

/// The manifests of `bench deploy kubernetes`: the mesh and targets files they carry read back
/// as the node servers and the driver read them, the same options give the same bytes, and bad
/// options are refused with the flag and the fix. (Schema validation: `.ci/run`; the CLI's whole
/// output: `CommandLineGoldenTests`.)
final class KubernetesManifestsTests: XCTestCase {
    func testConfigMapCarriesTheMeshAndTheTargetsByDNSName() throws {
        let topology = try Topology.randomRegular(nodes: 100, degree: 4, seed: 3)
        let manifests = try KubernetesManifests(
            topology: topology, seed: 3, image: "registry.example.com/meshbench:1.0")
        let mesh = try MeshFile.parse(try manifests.meshFile.json(), path: "mesh.json")
        XCTAssertEqual(mesh.nodes.count, 100)
        XCTAssertEqual(mesh.nodes[42], HostPort(host: "meshbench-node-42.meshbench-node", port: 7000))
        XCTAssertEqual(Set(mesh.links), Set(topology.edges))
        XCTAssertEqual(mesh.ttl, 99, "n − 1: every event reaches every node")

        let text = try manifests.files().first { $0.name == "mesh.yaml" }?.text ?? ""
        let targets = try RelayTargets.parse(
            Data(try Self.blockScalar("targets.json", in: text).utf8), path: "targets.json")
        XCTAssertEqual(targets.placement, "kubernetes")
        XCTAssertEqual(targets.relays.count, 100)
        XCTAssertEqual(targets.relays[7].url.description, "ws://meshbench-node-7.meshbench-node:7000/nostr")
        XCTAssertEqual(targets.links?.count, 200)
        XCTAssertEqual(
            try MeshFile.parse(Data(try Self.blockScalar("mesh.json", in: text).utf8), path: "mesh.json"), mesh,
            "the ConfigMap's block scalar is the mesh file, byte for byte once unindented")
        var settings = BenchSettings(workDirectory: NSTemporaryDirectory())
        settings.targets = targets
        XCTAssertEqual(
            settings.placement(of: [MeshIngestScenario()]), "kubernetes", "the Job's runs say where the nodes ran")
        XCTAssertTrue(text.contains("replicas: 100\n"))
        XCTAssertTrue(text.contains("publishNotReadyAddresses: true\n"))
        XCTAssertTrue(text.contains("podManagementPolicy: Parallel\n"))
    }

    func testSameOptionsSameBytes() throws {
        let make = {
            try KubernetesManifests(
                topology: try .smallWorld(nodes: 12, degree: 4, rewiring: 0.2, seed: 9), seed: 9,
                image: "meshbench:latest"
            ).files()
        }
        let first = try make(), second = try make()
        XCTAssertEqual(first.map(\.name), ["mesh.yaml", "bench-job.yaml"])
        XCTAssertEqual(first.map(\.text), second.map(\.text))
    }

    func testBadOptionsNameTheFlag() throws {
        let line = try Topology.line(nodes: 3)
        for image in ["", "meshbench latest", "\"x\"", "-x"] {
            XCTAssertThrowsError(try KubernetesManifests(topology: line, seed: 1, image: image)) { error in
                XCTAssertTrue("\(error)".hasPrefix("--image \(image): not an image reference"), "\(error)")
            }
        }
        XCTAssertThrowsError(try KubernetesManifests(topology: try .line(nodes: 1_001), seed: 1, image: "m")) { error in
            XCTAssertEqual("\(error)", "--nodes 1001: at most 1000 nodes per mesh")
        }
    }

    /// The lines of the block scalar `key: |` in `yaml`, with the block's indentation removed.
    static func blockScalar(_ key: String, in yaml: String) throws -> String {
        let lines = yaml.components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex(of: "  \(key): |")) + 1
        let block = lines[start...].prefix { $0.hasPrefix("    ") }
        return block.map { String($0.dropFirst(4)) }.joined(separator: "\n")
    }
}
