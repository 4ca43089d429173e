import BenchFormats
import NIOPosix
import NostrClient

/// Before anything is measured or written: every target must answer a WebSocket upgrade (else
/// `RelayConnectError`, exit 2, naming the URL and what was tried), and its NIP-11 document is
/// read for the run header, so results say which software and version were measured.
public enum RelayPreflight {
    public struct Identity: Sendable, Equatable {
        public let label: String
        public let url: String
        public let information: RelayInformation?
        /// Why there is no NIP-11 document, when there is none.
        public let missingInformation: String?
    }

    public static func identify(_ targets: RelayTargets, timeout: Double) async throws -> [Identity] {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        var identities: [Identity] = []
        do {
            for relay in targets.relays {
                let connection = try await RelayConnection.open(relay.url, on: group, timeout: timeout)
                await connection.close()
                let (information, missing) = await RelayInformation.fetch(relay.url, on: group, timeout: timeout)
                identities.append(
                    Identity(
                        label: relay.label, url: relay.url.description, information: information,
                        missingInformation: missing))
            }
        } catch {
            try? await group.shutdownGracefully()  // best effort: the preflight's error is the one reported
            throw error
        }
        try? await group.shutdownGracefully()  // the answers are in; nothing waits on these threads
        return identities
    }

    /// `run.config.targets`: one object per relay (label, url, and the NIP-11 fields it served).
    public static func configuration(_ identities: [Identity], links: [[Int]]?) -> [String: JSONValue] {
        let relays: [JSONValue] = identities.map { identity in
            var object: [String: JSONValue] = ["label": .string(identity.label), "url": .string(identity.url)]
            if let info = identity.information {
                var nip11: [String: JSONValue] = [:]
                if let name = info.name { nip11["name"] = .string(name) }
                if let software = info.software { nip11["software"] = .string(software) }
                if let version = info.version { nip11["version"] = .string(version) }
                if let nips = info.supportedNIPs { nip11["supported_nips"] = .array(nips.map { .number(Double($0)) }) }
                object["nip11"] = .object(nip11)
            } else if let missing = identity.missingInformation {
                object["nip11_missing"] = .string(missing)
            }
            return .object(object)
        }
        var config: [String: JSONValue] = [
            "targets": .array(relays),
            "transport": .string("NIP-01 over WebSocket to the relays given (external)"),
            "process_model": .string("external"),
        ]
        if let links { config["target_links"] = .array(links.map { .array($0.map { .number(Double($0)) }) }) }
        return config
    }
}
