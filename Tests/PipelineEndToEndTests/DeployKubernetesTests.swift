import ExecutableTesting
import Foundation
import XCTest

/// `bench deploy kubernetes` as users run it: the manifests of a 3-node line, whole, against
/// golden files under `Golden/kubernetes/` (`MESHBENCH_UPDATE_GOLDEN=1` re-records), and bad
/// options ending with exit 2, the flag named, and nothing written.
final class DeployKubernetesTests: XCTestCase {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Golden/kubernetes")

    var scratch: ScratchFolder!

    override func setUpWithError() throws { scratch = try ScratchFolder("deploy-kubernetes") }
    override func tearDown() { scratch.remove() }

    func testManifestsOfAThreeNodeLine() throws {
        let run = try BuiltExecutable("bench").run([
            "deploy", "kubernetes", "--nodes", "3", "--topology", "line", "--seed", "7",
            "--image", "registry.example.com/meshbench:1.0", "--out", scratch.path("k8s"),
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdoutText, "\(scratch.path("k8s/mesh.yaml"))\n\(scratch.path("k8s/bench-job.yaml"))\n")
        for name in ["mesh.yaml", "bench-job.yaml"] {
            let text = try String(contentsOfFile: scratch.path("k8s/\(name)"), encoding: .utf8)
            GoldenFile.assertMatches(text, Self.goldenFolder.appendingPathComponent(name))
        }
    }

    func testBadOptionsExitTwoAndWriteNothing() throws {
        let cases: [([String], String)] = [
            (["--nodes", "5", "--topology", "regular", "--degree", "3"], "--degree 3"),
            (["--nodes", "1", "--topology", "line"], "--nodes 1"),
            (["--nodes", "6", "--image", "bad image"], "--image bad image: not an image reference"),
            (["--nodes", "1001", "--topology", "ring"], "--nodes 1001: at most 1000 nodes per mesh"),
        ]
        for (arguments, expected) in cases {
            let run = try BuiltExecutable("bench").run(
                ["deploy", "kubernetes"] + arguments + ["--out", scratch.path("k8s")])
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(expected), "\(arguments): \(run.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("k8s")), "\(arguments) wrote something")
        }
    }
}
