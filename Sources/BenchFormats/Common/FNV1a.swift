/// FNV-1a, 64-bit: a fast, stable, dependency-free hash for identities that must not change
/// between runs or machines (bootstrap seeds, imported run ids and host fingerprints). Not for
/// anything an adversary could exploit.
public struct FNV1a {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
    }

    public static func hash(_ text: String) -> UInt64 {
        var h = FNV1a()
        h.add(text.utf8)
        return h.value
    }

    /// The hash as 16 lowercase hexadecimal digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
