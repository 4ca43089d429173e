import Foundation
import Interledger
import Nostr

/// The codecs a peer's bytes meet first (BTP, ILP OER, BTP-NIPs, NIP-01) as fuzz targets: one
/// input is decoded and, when accepted, encoded again. A thrown error is a refusal, the wanted
/// outcome; a trap or a hang is a finding. `meshbench-fuzz` runs them on seeded mutations,
/// `fuzz-codecs` under libFuzzer; both start from `seeds`, made with the codecs' own encoders.
public struct CodecFuzzTarget: Sendable {
    public let name: String
    public let seeds: [[UInt8]]
    public let run: @Sendable ([UInt8]) -> Void

    public static let all = [btp, ilp, btpNIPs, nip01]

    public static func named(_ name: String) -> CodecFuzzTarget? { all.first { $0.name == name } }

    public static let btp = CodecFuzzTarget(
        name: "btp",
        seeds: [
            BTPPacket.message(
                requestId: 7,
                protocolData: [
                    BTPProtocolData(
                        protocolName: "ilp", contentType: BTPContentType(rawValue: 0),
                        data: ilpPrepare)
                ]
            ).serialize(),
            BTPPacket.response(requestId: 8, protocolData: []).serialize(),
        ]
    ) { bytes in
        if let packet = try? BTPPacket(bytes: bytes) { _ = packet.serialize() }
    }

    public static let ilp = CodecFuzzTarget(name: "ilp-oer", seeds: [ilpPrepare]) { bytes in
        if let packet = try? ILPPacket(bytes: bytes) { _ = packet.serialize() }
    }

    public static let btpNIPs = CodecFuzzTarget(
        name: "btp-nips",
        seeds: [
            (try? BTPNIPsPacket(
                type: .event, payment: BTPNIPsPayment(msat: 1000, purpose: "relay"), nostr: nostrEvent,
                metadata: BTPNIPsMetadata(timestamp: 1_767_225_600, sender: "g.mesh.node1", ttl: 5)
            ).serialize()) ?? []
        ]
    ) { bytes in
        if let packet = try? BTPNIPsPacket(bytes: bytes) { _ = try? packet.serialize() }
    }

    public static let nip01 = CodecFuzzTarget(
        name: "nip01",
        seeds: [
            nostrEvent,
            NostrMessage.request(subscriptionID: "s", filters: []).jsonBytes(),
            NostrMessage.ok(eventID: event.id, accepted: true, message: "").jsonBytes(),
            Array(##"["REQ","sub",{"kinds":[1],"authors":["ab"],"since":1,"limit":10,"#p":["x"]}]"##.utf8),
        ]
    ) { bytes in
        if let message = try? NostrMessage(json: bytes) { _ = message.jsonBytes() }
    }

    private static let ilpPrepare = ILPPrepare(
        amount: 1000, expiresAt: Date(timeIntervalSince1970: 1_767_225_600),
        executionCondition: [UInt8](repeating: 7, count: 32),
        destination: "g.mesh.node1", data: Array("hello".utf8)
    ).serialize()

    private static let event: NostrEvent = {
        guard let key = try? NostrKeyPair(secretKey: [UInt8](repeating: 1, count: 32)) else {
            fatalError("a fixed secret key is valid")
        }
        return key.sign(
            kind: 1, content: "hello", tags: [["p", String(repeating: "a", count: 64)]], createdAt: 1_767_225_600)
    }()

    private static let nostrEvent = NostrMessage.event(event).jsonBytes()
}
