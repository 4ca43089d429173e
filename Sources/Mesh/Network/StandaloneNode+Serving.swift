import Foundation
import NIOCore
import NIOHTTP1

/// A standalone node as a server (`bench node-server`): it binds the address it is given, serves
/// its status pages (`NodeStatus`) beside `/btp` and `/nostr`, and keeps dialling its peers.
extension StandaloneNode {
    /// Binds `host:port` with the status pages on; returns the port bound (the kernel's choice
    /// for port 0).
    public func serve(host address: String, port: Int) async throws -> Int {
        let host = host
        let id = id
        let expected = peers.sorted()
        return try await host.loop.flatSubmit {
            host.statusPage = { [unowned host] path in
                StandaloneNode.statusPage(path, node: id, host: host, expected: expected)
            }
            return host.listen(host: address, port: port)
        }.get()
    }

    /// Starts dialling `peers` every `interval` until their links are up, and again whenever
    /// one drops, until `shutdown`.
    public func keepDialling(_ peers: [PeerAddress], interval: TimeAmount = .milliseconds(250)) async throws {
        let host = host
        try await host.loop.submit {
            let dialler = PeerDialler(host: host, peers: peers)
            host.dialler = dialler
            dialler.start(interval: interval)
        }.get()
    }

    /// This node's status now (what `/counters` serves).
    public func status() async throws -> NodeStatus {
        let host = host
        let expected = peers.sorted()
        let id = id
        return try await host.loop.submit {
            let ready = host.node.readyPeers(of: expected)
            return NodeStatus(
                node: id, ready: ready.count == expected.count, linksReady: ready, linksExpected: expected,
                counters: host.node.counterSnapshot(queue: host.queueDepth))
        }.get()
    }

    /// `/healthz` 200 while serving; `/readyz` 200 when every link is ready, else 503;
    /// `/counters` 200 with the counters. The body is the `NodeStatus` JSON.
    static func statusPage(
        _ path: String, node: Int, host: LoopbackNodeHost, expected: [Int]
    ) -> (status: HTTPResponseStatus, body: [UInt8]) {
        let ready = host.node.readyPeers(of: expected)
        var status = NodeStatus(
            node: node, ready: ready.count == expected.count, linksReady: ready, linksExpected: expected)
        var code = HTTPResponseStatus.ok
        if path == "/readyz" && !status.ready { code = .serviceUnavailable }
        if path == "/counters" { status.counters = host.node.counterSnapshot(queue: host.queueDepth) }
        do {
            return (code, Array(try NodeStatus.makeEncoder().encode(status)))
        } catch {
            return (.internalServerError, Array(#"{"error":"cannot encode the node status"}"#.utf8))
        }
    }
}
