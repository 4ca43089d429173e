import Foundation
import Mesh
import NIOCore
import NIOPosix
import NostrClient

/// Reads a standalone node's status pages (`/readyz`, `/counters`) from the host and port of its
/// NIP-01 address, with network access only: what a driver of a mesh on other machines (network
/// namespaces, Kubernetes) uses to wait for readiness and to read the exact work counters.
public enum NodeStatusReader {
    /// Largest status document read.
    public static let maximumBytes = 65_536

    /// The node's status from `page` (`/readyz` answers 503 while links are missing, with the
    /// same document). Throws when the node cannot be reached or the answer is not a status.
    public static func fetch(
        _ url: RelayURL, page: String, on group: EventLoopGroup, timeout: Double
    ) async throws -> NodeStatus {
        let (status, body) = try await HTTPGet.fetch(
            url, path: page, accept: "application/json", maximumBytes: maximumBytes,
            what: "node status (\(page))", on: group, timeout: timeout)
        guard status == .ok || status == .serviceUnavailable else {
            throw RelayFailure.malformed(
                url: url.description,
                detail: "GET \(page) answered HTTP \(status.code); is this a MeshBench node server?")
        }
        do {
            return try NodeStatus.makeDecoder().decode(NodeStatus.self, from: Data(body))
        } catch {
            throw RelayFailure.malformed(
                url: url.description, detail: "GET \(page) did not answer a node status: \(error)")
        }
    }
}
