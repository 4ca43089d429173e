/// Size limits from the ILPv4 ASN.1 module (InterledgerProtocol.asn), enforced on decode and by
/// `validate()` before encode.
public enum ILPLimits {
    /// `data OCTET STRING (SIZE (0..32767))` in Prepare, Fulfill and Reject.
    public static let maximumDataLength = 32_767
    /// `message UTF8String (SIZE (0..8191))` in Reject.
    public static let maximumRejectMessageLength = 8_191
    /// `executionCondition` and `fulfillment` are UInt256.
    public static let hashLength = 32
}
