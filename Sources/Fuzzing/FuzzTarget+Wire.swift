import Foundation
import Interledger
import Mesh
import Nostr

/// What a peer's bytes meet: the codecs, then a node's whole listener pipeline. A decoded ILP or
/// BTP packet must encode back to the input's exact bytes (both accept only canonical OER), and a
/// decoded BTP-NIPs packet must survive a round trip: anything else is a `FuzzFinding`.
extension FuzzTarget {
    static let btp = FuzzTarget(
        name: "btp", summary: "a BTP packet, re-encoded when accepted", seeds: { WireSeeds.btp }
    ) { bytes in
        guard let packet = try? BTPPacket(bytes: bytes) else { return "refused" }
        return try canonical(packet.serialize(), bytes)
    }

    static let ilpOER = FuzzTarget(
        name: "ilp-oer", summary: "an ILP packet (OER), re-encoded when accepted", seeds: { WireSeeds.ilp }
    ) { bytes in
        guard let packet = try? ILPPacket(bytes: bytes) else { return "refused" }
        return try canonical(packet.serialize(), bytes)
    }

    static let btpNIPs = FuzzTarget(
        name: "btp-nips", summary: "a BTP-NIPs packet, round-tripped when accepted", seeds: { WireSeeds.btpNIPs }
    ) { bytes in
        guard let packet = try? BTPNIPsPacket(bytes: bytes) else { return "refused" }
        guard let again = try? packet.serialize() else { return "decoded, not re-encodable" }
        guard (try? BTPNIPsPacket(bytes: again)) == packet else {
            throw FuzzFinding(description: "a decoded BTP-NIPs packet does not survive a round trip: \(packet)")
        }
        return "decoded"
    }

    static let nip01 = FuzzTarget(
        name: "nip01", summary: "a NIP-01 message, re-encoded when accepted", seeds: { WireSeeds.nip01 }
    ) { bytes in
        guard let message = try? NostrMessage(json: bytes) else { return "refused" }
        _ = message.jsonBytes()
        return "decoded"
    }

    /// A node's listener pipeline on an `EmbeddedChannel` (`NodeWireFuzzer`): one input is one
    /// connection; the node's invariants after its auth deadline are checked by the fuzzer.
    static let nodeWire = FuzzTarget(
        name: "node-wire", summary: "one connection to a node's listener pipeline (HTTP, upgrade, frames, auth, BTP)"
    ) { scratch in
        let fuzzer = try NodeWireFuzzer(storePath: (scratch as NSString).appendingPathComponent("node-wire.sqlite"))
        return FuzzHarness(seeds: try fuzzer.seeds(), run: fuzzer.run)
    }

    private static func canonical(_ encoded: [UInt8], _ input: [UInt8]) throws -> String {
        guard encoded == input else {
            throw FuzzFinding(description: "a decoded packet encodes to other bytes: accepted non-canonical OER")
        }
        return "decoded"
    }
}

/// Valid packets of each codec, made with the codecs' own encoders.
enum WireSeeds {
    static var btp: [[UInt8]] {
        [
            BTPPacket.message(requestId: 7, protocolData: [.ilp(ilpPrepare)]).serialize(),
            BTPPacket.response(requestId: 8, protocolData: []).serialize(),
            BTPAuth.request(requestId: 1, token: "token").serialize(),
            BTPPacket.error(requestId: 5, BTPErrorInfo(.F01_invalidFields, triggeredAt: expiry, data: [9])).serialize(),
            BTPPacket(requestId: 2, body: .transfer(amount: 5, protocolData: [])).serialize(),
        ]
    }

    static var ilp: [[UInt8]] {
        [
            ilpPrepare,
            ILPFulfill(fulfillment: condition, data: [1, 2, 3]).serialize(),
            ILPReject(code: .T04_insufficientLiquidity, triggeredBy: "g.mesh.n2", message: "no liquidity", data: [])
                .serialize(),
        ]
    }

    static var btpNIPs: [[UInt8]] {
        [(BTPNIPsMessageType.event, nostrEvent), (.req, Array(##"["REQ","s",{"kinds":[1],"#e":["\"}"]}]"##.utf8))]
            .compactMap { type, nostr in
                try? BTPNIPsPacket(  // fixed fields that always serialise; FuzzTargetTests runs every seed
                    type: type, payment: BTPNIPsPayment(msat: 1000, purpose: "relay"), nostr: nostr,
                    metadata: BTPNIPsMetadata(timestamp: 1_767_225_600, sender: "g.mesh.node1", ttl: 5)
                ).serialize()
            }
    }

    static var nip01: [[UInt8]] {
        [
            nostrEvent,
            NostrMessage.request(subscriptionID: "s", filters: []).jsonBytes(),
            NostrMessage.ok(eventID: eventID, accepted: true, message: "").jsonBytes(),
            Array(##"["REQ","sub",{"kinds":[1],"authors":["ab"],"since":1,"limit":10,"#p":["x"]}]"##.utf8),
        ]
    }

    private static let expiry = Date(timeIntervalSince1970: 1_767_225_600)
    private static let condition = [UInt8](repeating: 7, count: 32)
    private static let ilpPrepare = ILPPrepare(
        amount: 1000, expiresAt: expiry, executionCondition: condition,
        destination: "g.mesh.node1", data: Array("hello".utf8)
    ).serialize()

    /// A signed kind-1 event, kept as bytes: signing draws fresh BIP-340 aux randomness, so a
    /// seed signed here would differ from run to run, and so would every input made from it.
    private static let nostrEvent = Array(
        #"["EVENT",{"id":"e402c5ef16f43757c5c917ecd16256199860bb46d3569e435a71420f7e651db4","pubkey":"1b84c5567b126440995d3ed5aaba0565d71e1834604819ff9c17f5e9d5dd078f","created_at":1767225600,"kind":1,"tags":[["p","aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]],"content":"hello","sig":"0005fae945f4fa03473e27361b6ada39ba18d31dbfb646eaeb651c6380521c1af1dbd49aa33ec21315af190095e56d675920d90828aba6a220284c886109a74c"}]"#
            .utf8)
    private static let eventID = "e402c5ef16f43757c5c917ecd16256199860bb46d3569e435a71420f7e651db4"
}
