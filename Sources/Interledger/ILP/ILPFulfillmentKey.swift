import Hashing

/// A link's shared secret keyed for HMAC-SHA256 once: each packet's fulfillment then hashes only
/// its own data and the inner digest (`HMACSHA256`).
public struct ILPFulfillmentKey: Sendable {
    private let hmac: HMACSHA256

    public init(sharedSecret: [UInt8]) {
        hmac = HMACSHA256(key: sharedSecret)
    }

    /// HMAC-SHA256(secret, data): the same 32 bytes as `ILPCondition.fulfillment(sharedSecret:data:)`.
    public func fulfillment(data: [UInt8]) -> [UInt8] {
        fulfillmentDigest(data: data).bytes
    }

    /// The same fulfillment held inline (no array): what the sender of a Prepare keeps to check
    /// the answer against.
    public func fulfillmentDigest(data: [UInt8]) -> SHA256Digest {
        hmac.authenticationCode(for: data)
    }
}
