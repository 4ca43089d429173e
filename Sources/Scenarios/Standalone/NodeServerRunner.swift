import Foundation
import Mesh

/// Runs one standalone node server (`bench node-server`) until `stop` returns: binds the plan's
/// address, keeps dialling its peers, says on `announce` (standard output) `listening HOST:PORT`
/// once bound and `ready` once every link is up, and writes what it does for people on `log`
/// (standard error), an address other than loopback included.
public enum NodeServerRunner {
    public static func run(
        _ plan: NodeServerPlan, announce: @escaping @Sendable (String) -> Void,
        log: @escaping @Sendable (String) -> Void, until stop: @Sendable () async -> Void
    ) async throws {
        var config = NodeConfig()
        config.ttl = plan.ttl
        config.forwardDelayMicroseconds = UInt64(plan.injectedDelayMicros)
        let temporaryStore = plan.storePath == nil
        let storePath =
            plan.storePath
            ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("meshbench-node-\(plan.index)-\(ProcessInfo.processInfo.processIdentifier).sqlite")
            .path
        defer {
            if temporaryStore {
                // Our own temporary store; a leftover costs disk only.
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }
            }
        }
        let node = try StandaloneNode(
            id: plan.index, peers: plan.peers.map(\.index), config: config, seed: plan.seed, storePath: storePath)
        let port: Int
        do {
            port = try await node.serve(host: plan.listen.host, port: plan.listen.port)
        } catch {
            try? await node.shutdown()  // best effort: the listen error below is the one to report
            throw StandaloneConfigError.invalid(
                place: "--listen \(plan.listen)",
                reason: "cannot bind: \(error). Is the address on this host and the port free?")
        }
        let bound = HostPort(host: plan.listen.host, port: port)
        log(
            "node \(plan.index): listening on \(bound): BTP-NIPs peers on /btp, NIP-01 clients on /nostr, status on /healthz /readyz /counters"
        )
        if !bound.isLoopback {
            log(
                "node \(plan.index): bound to \(bound.host), not loopback: anyone who can reach that address can connect"
            )
        }
        log(
            "node \(plan.index): peers \(plan.peers.map { "\($0.index)@\(HostPort(host: $0.host, port: $0.port))" }.joined(separator: ", ")); dialling \(plan.dialled.isEmpty ? "none (its peers dial it)" : plan.dialled.map { String($0.index) }.joined(separator: ", "))"
        )
        announce("listening \(bound)")
        try await node.keepDialling(plan.dialled)
        let readiness = Task {
            while !Task.isCancelled {
                // Polled until ready: a status that cannot be read yet is asked again.
                if let status = try? await node.status(), status.ready {
                    log(
                        "node \(plan.index): ready, links up to \(status.linksReady.map(String.init).joined(separator: ", "))"
                    )
                    announce("ready")
                    return
                }
                try? await Task.sleep(nanoseconds: 50_000_000)  // cancelled: the loop ends
            }
        }
        await stop()
        readiness.cancel()
        try await node.shutdown()
        log("node \(plan.index): stopped")
    }
}
