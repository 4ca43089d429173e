import Foundation
@testable import Interledger

/// Bytes from a hex string (whitespace ignored); traps on malformed hex, which is a test bug.
func hex(_ text: String) -> [UInt8] {
    let digits = Array(text.filter { !$0.isWhitespace }.utf8)
    precondition(digits.count % 2 == 0, "odd hex length")
    return stride(from: 0, to: digits.count, by: 2).map {
        UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)!
    }
}

func hexString(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}

/// Fixtures from interledger/interledger-rs, crates/interledger-packet/src/fixtures.rs
/// (commit 01f193c68105fa562f20e805a5ef66ee2a528d2c): the same 257 data bytes ride in all three packets.
enum RustFixtures {
    static let data = hex(
        "6c99f6a969473028ef46e09b471581c915b6d5496329c1e3a1c2748d7422a7bdcc798e286cabe3197cccfc213e930b8dba57c7abdf2d1f3b2511689de4f0eff441f53da0feffd23249a355b26c3bd0256d5122e7ccdf159fd6cb083dd73cb29397967871becd04890492119c5e3e6b024be35de26466f60c16d90a21054fb13800120cfb85b0df76e50aacd68526fd043026d3d02010c671987a1f6501b5085f0d7d5897624be5862f98c01df65792970181a87d0f3c586a0ca6bd89dc372c45eef5b38a6307b16f1d7d31e8d92e5982c9dd2986eaad581f212d43da9c5cb7b948fc18914be90219709d0c26d3b5f4ad879d8494bb3aebfe612ec54041e4a380f0"
    )
    static let executionCondition = hex("117b434f1a54e9044f4f54923b2cff9e4a6d420ae281d5025d7bb040c4b4c04a")
    /// 2018-06-07T20:48:42.483Z; python3: int(datetime(2018,6,7,20,48,42,483000,tzinfo=timezone.utc).timestamp()*1000)
    static let expiresAtMilliseconds: Int64 = 1_528_404_522_483

    /// PREPARE_BYTES: type 0x0c, length 0x82 0x01 0x4b (331), amount 107, expiry "20180607204842483",
    /// condition, destination "example.alice", data (0x82 0x01 0x01 = 257 bytes).
    static let prepareBytes =
        hex(
            """
            0c82014b000000000000006b3230313830363037323034383432343833117b434f1a54e9044f4f54923b2cff9e
            4a6d420ae281d5025d7bb040c4b4c04a0d6578616d706c652e616c696365820101
            """) + data
    /// FULFILL_BYTES: type 0x0d, length 292, fulfillment (same 32 bytes as the condition above), data.
    static let fulfillBytes =
        hex("0d820124117b434f1a54e9044f4f54923b2cff9e4a6d420ae281d5025d7bb040c4b4c04a820101") + data
    /// REJECT_BYTES: type 0x0e, length 292, "F99", triggeredBy "example.connector", message "Some error", data.
    static let rejectBytes =
        hex("0e82012446393911" + "6578616d706c652e636f6e6e6563746f72" + "0a536f6d65206572726f72" + "820101") + data
}

/// A typical BTP-NIPs EVENT packet: a signed-looking Nostr event of about `contentLength` characters.
func sampleNostrEvent(contentLength: Int = 200) -> [UInt8] {
    let content = String(repeating: "a", count: max(0, contentLength - 20)) + " \"quoted\" {brace}"
    let id = String(repeating: "1f", count: 32)
    let pubkey = String(repeating: "ab", count: 32)
    let sig = String(repeating: "cd", count: 64)
    var json = #"["EVENT",{"id":"\#(id)","pubkey":"\#(pubkey)","created_at":1700000000,"kind":1,"#
    json += #""tags":[["t","bench"],["p","\#(pubkey)"]],"content":"#
    json += "\"" + content.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    json += #","sig":"\#(sig)"}]"#
    return Array(json.utf8)
}

func samplePacket(type: BTPNIPsMessageType = .event, nostr: [UInt8] = sampleNostrEvent()) -> BTPNIPsPacket {
    BTPNIPsPacket(
        type: type, payment: BTPNIPsPayment(msat: 1_000, purpose: "relay"), nostr: nostr,
        metadata: BTPNIPsMetadata(timestamp: 1_700_000_000_123, sender: "g.mesh.node-3", ttl: 5))
}
