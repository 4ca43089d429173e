/// Appends OER encodings to a byte array. Writers never fail: callers validate values first
/// (every packet type has a `validate()` that mirrors what its decoder enforces).
public struct OERWriter {
    public private(set) var bytes: [UInt8]

    public init(reservingCapacity capacity: Int = 64) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public mutating func writeUInt8(_ value: UInt8) { bytes.append(value) }

    public mutating func writeUInt16(_ value: UInt16) { writeBigEndian(UInt64(value), octets: 2) }

    public mutating func writeUInt32(_ value: UInt32) { writeBigEndian(UInt64(value), octets: 4) }

    public mutating func writeUInt64(_ value: UInt64) { writeBigEndian(value, octets: 8) }

    private mutating func writeBigEndian(_ value: UInt64, octets: Int) {
        var shift = (octets - 1) * 8
        while shift >= 0 {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
            shift -= 8
        }
    }

    /// Fewest octets (at least one) that hold `value` big-endian.
    static func minimalOctets(_ value: UInt64) -> Int {
        max(1, (64 - value.leadingZeroBitCount + 7) / 8)
    }

    /// Writes a canonical OER length determinant.
    public mutating func writeLength(_ length: Int) {
        precondition(length >= 0 && UInt64(length) <= UInt64(UInt32.max), "OER length \(length) out of range")
        if length < 0x80 {
            bytes.append(UInt8(length))
        } else {
            let octets = Self.minimalOctets(UInt64(length))
            bytes.append(0x80 | UInt8(octets))
            writeBigEndian(UInt64(length), octets: octets)
        }
    }

    /// Writes bytes as they are (a fixed-length octet string).
    public mutating func writeOctets<Bytes: Collection>(_ octets: Bytes) where Bytes.Element == UInt8 {
        bytes.append(contentsOf: octets)
    }

    /// Writes a length prefix followed by the bytes.
    public mutating func writeVarOctetString<Bytes: Collection>(_ octets: Bytes) where Bytes.Element == UInt8 {
        writeLength(octets.count)
        bytes.append(contentsOf: octets)
    }

    /// Writes a length-prefixed string as its UTF-8 bytes (also used for IA5 strings, whose
    /// ASCII bytes are identical).
    public mutating func writeVarString(_ string: String) {
        writeVarOctetString(string.utf8)
    }

    /// Writes an OER variable-length unsigned integer in minimal form.
    public mutating func writeVarUInt(_ value: UInt64) {
        let octets = Self.minimalOctets(value)
        writeLength(octets)
        writeBigEndian(value, octets: octets)
    }

    /// Writes a SEQUENCE OF count as btp-packet does: number of count octets, then the count.
    public mutating func writeSequenceCount(_ count: Int) {
        let octets = Self.minimalOctets(UInt64(count))
        writeUInt8(UInt8(octets))
        writeBigEndian(UInt64(count), octets: octets)
    }

    /// Writes a length-prefixed envelope whose content is produced by `body`, without an
    /// intermediate buffer: the content is written in place and the prefix is inserted in front.
    public mutating func writeEnvelope(_ body: (inout OERWriter) -> Void) {
        let start = bytes.count
        body(&self)
        let length = bytes.count - start
        // The prefix (at most five octets) is built in a tuple on the stack, not in an array of
        // its own: every BTP and ILP packet has an envelope.
        precondition(UInt64(length) <= UInt64(UInt32.max), "OER length \(length) out of range")
        guard length >= 0x80 else { return bytes.insert(UInt8(length), at: start) }
        let octets = Self.minimalOctets(UInt64(length))
        var prefix = (UInt8(0x80 | octets), UInt8(0), UInt8(0), UInt8(0), UInt8(0))
        withUnsafeMutableBytes(of: &prefix) { raw in
            for index in 0..<octets { raw[1 + index] = UInt8(truncatingIfNeeded: length >> (8 * (octets - 1 - index))) }
            bytes.insert(contentsOf: raw.prefix(1 + octets), at: start)
        }
    }
}
