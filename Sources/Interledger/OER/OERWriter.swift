import Foundation

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
        Self.withLengthDeterminant(length) { bytes.append(contentsOf: $0) }
    }

    /// Hands `body` the canonical OER length determinant of `length`: one octet up to 127, else
    /// 0x80 | n and n big-endian octets. At most five octets, built on the stack, so an envelope
    /// can insert its prefix without an array of its own.
    private static func withLengthDeterminant(_ length: Int, _ body: (UnsafeRawBufferPointer) -> Void) {
        precondition(length >= 0 && UInt64(length) <= UInt64(UInt32.max), "OER length \(length) out of range")
        var determinant = (UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0))
        withUnsafeMutableBytes(of: &determinant) { raw in
            guard length >= 0x80 else {
                raw[0] = UInt8(length)
                return body(UnsafeRawBufferPointer(rebasing: raw.prefix(1)))
            }
            let octets = minimalOctets(UInt64(length))
            raw[0] = 0x80 | UInt8(octets)
            for index in 0..<octets { raw[1 + index] = UInt8(truncatingIfNeeded: length >> (8 * (octets - 1 - index))) }
            body(UnsafeRawBufferPointer(rebasing: raw.prefix(1 + octets)))
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

    /// Writes a timestamp as its fixed-length ASCII spelling (`InterledgerTimestamp`), in place.
    public mutating func writeTimestamp(_ date: Date, format: InterledgerTimestamp.Format) {
        InterledgerTimestamp.append(date, format: format, to: &bytes)
    }

    /// Writes a length-prefixed envelope whose content is produced by `body`, without an
    /// intermediate buffer: the content is written in place and the prefix is inserted in front.
    public mutating func writeEnvelope(_ body: (inout OERWriter) -> Void) {
        let start = bytes.count
        body(&self)
        Self.withLengthDeterminant(bytes.count - start) { bytes.insert(contentsOf: $0, at: start) }
    }
}
