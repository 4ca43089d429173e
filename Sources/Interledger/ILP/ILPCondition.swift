import Hashing

/// Conditions and fulfillments as MeshBench derives them (docs/protocol.md §1, like STREAM):
/// the receiver and sender share a per-peer secret, the fulfillment is
/// HMAC-SHA256(secret, packet data) and the condition is SHA-256(fulfillment). So the receiver can
/// recompute the fulfillment from the data it got, and anyone can check it against the condition.
public enum ILPCondition {
    /// HMAC-SHA256(sharedSecret, data): 32 bytes.
    public static func fulfillment(sharedSecret: [UInt8], data: [UInt8]) -> [UInt8] {
        ILPFulfillmentKey(sharedSecret: sharedSecret).fulfillment(data: data)
    }

    /// SHA-256(fulfillment): 32 bytes.
    public static func condition(for fulfillment: [UInt8]) -> [UInt8] {
        SHA256.hash(fulfillment).bytes
    }

    /// SHA-256(fulfillment) of a fulfillment held inline.
    public static func condition(for fulfillment: SHA256Digest) -> [UInt8] {
        fulfillment.withUnsafeBytes { SHA256.hash($0) }.bytes
    }

    /// True when `fulfillment` is the one the sender derived itself (compared in constant time).
    /// The sender of a Prepare knows its condition's preimage, so this equals checking that
    /// `fulfillment` hashes to the condition, without hashing it.
    public static func isFulfillment(_ fulfillment: [UInt8], equalTo expected: SHA256Digest) -> Bool {
        fulfillment.count == ILPLimits.hashLength && equalInConstantTime(expected, fulfillment)
    }

    /// True when `fulfillment` is 32 bytes and hashes to `condition` (compared in constant time).
    public static func isFulfilled(_ condition: [UInt8], by fulfillment: [UInt8]) -> Bool {
        guard fulfillment.count == ILPLimits.hashLength, condition.count == ILPLimits.hashLength else { return false }
        return equalInConstantTime(SHA256.hash(fulfillment), condition)
    }

    /// Compares in the digest's own storage (an array of it would be one more allocation for every
    /// answer a node checks), touching every byte whatever the first difference. `bytes` holds 32.
    private static func equalInConstantTime(_ digest: SHA256Digest, _ bytes: [UInt8]) -> Bool {
        digest.withUnsafeBytes { digest in
            var difference: UInt8 = 0
            for index in 0..<ILPLimits.hashLength { difference |= digest[index] ^ bytes[index] }
            return difference == 0
        }
    }
}
