import BenchFormats
import ExecutableTesting
import Foundation
import Mesh
import NIOPosix
import NostrClient
import XCTest
@testable import Scenarios

/// Nodes in network namespaces (root only; skipped with the reason otherwise): each node has its
/// own address on the run's bridge, links never use loopback, the mesh is measured by address,
/// and nothing is left behind — not after a run, not after a killed one.
final class NamespaceMeshTests: XCTestCase {
    private var folder: URL!
    private let ip = IPTool.locate()

    override func setUpWithError() throws {
        do { try NamespaceMesh.checkPrivileges() } catch { throw XCTSkip("\(error)") }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("netns-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// Namespaces and links of this process that still exist.
    private func ours() throws -> [String] {
        let ip = try XCTUnwrap(ip)
        let prefix = NamespaceNames(owner: getpid()).prefix
        let namespaces = try ip.run(["netns", "list"]).split(separator: "\n").compactMap {
            $0.split(separator: " ").first.map(String.init)
        }
        let links = try ip.run(["-o", "link", "show"]).split(separator: "\n").compactMap { line in
            line.split(separator: ":", maxSplits: 2).dropFirst().first.map {
                String($0.trimmingCharacters(in: .whitespaces).split(separator: "@").first ?? "")
            }
        }
        return (namespaces + links).filter {
            NamespaceNames.owner(of: $0) != nil && $0.hasPrefix(prefix)
                && ($0.dropFirst(prefix.count).first.map { !$0.isNumber } ?? false)
        }
    }

    func testNodesLinkOverTheBridgeOnlyAndTearDownLeavesNothing() async throws {
        let ip = try XCTUnwrap(ip)
        let mesh = try await NamespaceMesh.start(
            topology: try .line(nodes: 3), seed: 5, executable: try benchExecutable(),
            storage: folder, readyTimeout: 60)
        let targets = try mesh.targets()
        XCTAssertEqual(targets.placement, "netns")
        XCTAssertEqual(targets.relays.map(\.url.host), (0..<3).map { "198.18.\(mesh.subnet.third).\(10 + $0)" })
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            for (index, relay) in targets.relays.enumerated() {
                let status = try await NodeStatusReader.fetch(relay.url, page: "/readyz", on: group, timeout: 10)
                XCTAssertEqual(status.node, index)
                XCTAssertTrue(status.ready, "node \(index) read over the bridge: \(status)")
            }
            // Each node's established TCP connections run between bridge addresses, none over loopback.
            for node in 0..<3 {
                let sockets = try ip.run([
                    "netns", "exec", mesh.names.namespace(node), "ss", "-tnH", "state", "established",
                ])
                let lines = sockets.split(separator: "\n")
                XCTAssertEqual(lines.count, node == 1 ? 2 : 1, "node \(node)'s peer links: \(sockets)")
                XCTAssertFalse(sockets.contains("127.0.0.1") || sockets.contains("[::1]"), sockets)
                XCTAssertTrue(
                    lines.allSatisfy { $0.components(separatedBy: "198.18.\(mesh.subnet.third).").count == 3 }, sockets)
            }
        } catch {
            mesh.tearDown()
            try? await group.shutdownGracefully()
            throw error
        }
        try await group.shutdownGracefully()
        let pids = try ip.run(["netns", "pids", mesh.names.namespace(0)])
        XCTAssertFalse(pids.isEmpty, "the node server runs inside its namespace")
        mesh.tearDown()
        XCTAssertEqual(try ours(), [], "namespaces, veth pairs and the bridge are gone")
        for pid in pids.split(separator: "\n").compactMap({ Int32($0) }) {
            XCTAssertFalse(NamespaceLeftovers.isAlive(pid), "node process \(pid) is gone")
        }
        XCTAssertEqual(mesh.tearDown(), 0, accuracy: 0.5, "a second tear-down does nothing")
    }

    func testLeftoversOfADeadRunAreRemovedAndALiveRunsAreKept() throws {
        let ip = try XCTUnwrap(ip)
        // 3,999,999 stands for a run that was killed; `isAlive` is the test's, so no real process
        // is asked about.
        let dead = NamespaceNames(owner: 3_999_999), live = NamespaceNames(owner: getpid())
        try ip.run(["netns", "add", dead.namespace(0)])
        try ip.run(["link", "add", dead.bridge, "type", "bridge"])
        try ip.run(["netns", "add", live.namespace(7)])
        defer { _ = try? ip.run(["netns", "delete", live.namespace(7)]) }
        let removed = try NamespaceLeftovers.remove(ip: ip, isAlive: { $0 != dead.owner })
        XCTAssertEqual(Set(removed), [dead.namespace(0), dead.bridge])
        let namespaces = try ip.run(["netns", "list"])
        XCTAssertFalse(namespaces.contains(dead.namespace(0)))
        XCTAssertTrue(namespaces.contains(live.namespace(7)), "a live run's namespace is not touched")
    }

    func testTheNamespaceScenarioMeasuresByAddressWithTheSameMetricNames() async throws {
        let overrides = ScenarioOverrides(nodes: 4, duration: 1, rate: 100, events: 10, topology: .ring)
        let settings = BenchSettings(
            seed: 7, overrides: overrides, nodeExecutable: try benchExecutable(), workDirectory: folder.path)
        let sink = CollectingSink()
        // Run directly (not through the runner, which drops a failed attempt's samples): whether
        // a debug build on a loaded machine keeps up with the ramp's lowest step is not this
        // test's question; what is measured, by address and under which names, is.
        let context = ScenarioContext(
            settings: settings, recorder: Recorder(scenario: "tier3.netns-10") { try sink.write($0) }, onPublish: nil)
        try await NamespaceMeshScenario().run(context)
        try context.recorder.flush()
        let failedChecks = context.checks.filter { !$0.passed }.map(\.name)
        XCTAssertTrue(
            Set(failedChecks).isSubset(of: ["external.mesh-ingest: the mesh keeps up with the lowest step"]),
            "\(context.checks.filter { !$0.passed })")
        XCTAssertEqual(sink.values("relay_latency").count, 10 * 3, "every event at every other relay")
        XCTAssertEqual(sink.values("full_propagation_time").count, 10)
        XCTAssertEqual(
            Set(sink.samples("relay_latency").flatMap { $0.hops ?? [] }), [1, 2], "hops over the ring's links")
        XCTAssertEqual(sink.counter("node_counters_read"), 1, "counters read from every node's /counters")
        XCTAssertEqual(sink.values("namespace_setup_time").count, 1)
        XCTAssertEqual(sink.values("namespace_teardown_time").count, 1)
        XCTAssertNotNil(sink.counter("step.r50.at_every_relay"), "the ramp ran its first step")
        let stored = try XCTUnwrap(sink.counter("store_writes")),
            accepted = (sink.counter("step.r50.accepted") ?? 0) + (sink.counter("step.r100.accepted") ?? 0)
        XCTAssertEqual(stored, accepted * 4, "every node stored each accepted event once, as read from /counters")
        XCTAssertEqual(settings.placement(of: [NamespaceMeshScenario()]), "netns")
        XCTAssertEqual(
            settings.placement(of: [NamespaceMeshScenario(), PropagationScenario()]), "mixed",
            "--tier 3 as root: the run header says mixed, and each scenario its own")
        XCTAssertEqual(settings.placement(of: PropagationScenario()), "in-process")
        XCTAssertEqual(try ours(), [])
    }

    func testWithoutRootBenchSaysSoAndExitsTwo() throws {
        let bench = try benchExecutable()
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            throw XCTSkip("no setpriv (util-linux) to drop root")
        }
        let run = try BuiltExecutable(program: "/usr/bin/setpriv").run([
            "--reuid=65534", "--regid=65534", "--clear-groups", bench, "--scenario", "tier3.netns-10", "--quiet",
        ])
        let message = run.stderr
        if run.status != 2 && message.contains("Permission denied") {
            throw XCTSkip("user nobody cannot run \(bench) (its folder is private): \(message)")
        }
        XCTAssertEqual(run.status, 2, message)
        XCTAssertTrue(message.contains("tier3.netns-10: network-namespace placement needs root"), message)
    }
}
