/// A bounds-checked cursor over OER-encoded bytes.
///
/// Every read checks the remaining input first, so hostile input can only produce an
/// `OERDecodingError`, never a trap, and no read allocates more than the bytes that are really
/// there (declared lengths are compared with the remaining input before any copy). Offsets in
/// errors are relative to the start of the buffer handed to `init`, also inside nested envelopes.
public struct OERReader {
    /// Longest length prefix accepted: 4 length octets (lengths up to 2^32 − 1).
    public static let maximumLengthOctets = 4

    @usableFromInline let bytes: [UInt8]
    /// Position of the next byte to read.
    public private(set) var offset: Int
    /// One past the last byte this reader may read (narrower than `bytes.count` inside an envelope).
    public let end: Int

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.offset = 0
        self.end = bytes.count
    }

    private init(bytes: [UInt8], offset: Int, end: Int) {
        self.bytes = bytes
        self.offset = offset
        self.end = end
    }

    /// Bytes left before `end`.
    @inlinable public var remaining: Int { end - offset }

    private func require(_ count: Int, _ field: String) throws(OERDecodingError) {
        guard count <= end - offset else {
            throw OERDecodingError(
                field: field, offset: offset,
                problem: .truncated(needed: count, available: end - offset))
        }
    }

    public mutating func readUInt8(_ field: String) throws(OERDecodingError) -> UInt8 {
        try require(1, field)
        defer { offset += 1 }
        return bytes[offset]
    }

    public mutating func readUInt16(_ field: String) throws(OERDecodingError) -> UInt16 {
        UInt16(truncatingIfNeeded: try readBigEndian(2, field))
    }

    public mutating func readUInt32(_ field: String) throws(OERDecodingError) -> UInt32 {
        UInt32(truncatingIfNeeded: try readBigEndian(4, field))
    }

    public mutating func readUInt64(_ field: String) throws(OERDecodingError) -> UInt64 {
        try readBigEndian(8, field)
    }

    /// Reads `count` (≤ 8) bytes as a big-endian unsigned integer.
    private mutating func readBigEndian(_ count: Int, _ field: String) throws(OERDecodingError) -> UInt64 {
        try require(count, field)
        var value: UInt64 = 0
        for index in offset..<(offset + count) {
            value = value << 8 | UInt64(bytes[index])
        }
        offset += count
        return value
    }

    /// Reads exactly `count` bytes (a fixed-length octet string).
    public mutating func readOctets(_ count: Int, _ field: String) throws(OERDecodingError) -> [UInt8] {
        Array(try readSlice(count, field))
    }

    /// Reads exactly `count` bytes as a view into the input, for fields that are parsed further
    /// rather than kept (no copy).
    public mutating func readSlice(_ count: Int, _ field: String) throws(OERDecodingError) -> ArraySlice<UInt8> {
        try require(count, field)
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    /// Reads an OER length determinant: one byte below 0x80, or 0x80|n followed by n big-endian
    /// length octets. Non-canonical encodings and more than `maximumLengthOctets` are rejected.
    public mutating func readLength(_ field: String) throws(OERDecodingError) -> Int {
        let start = offset
        let first = try readUInt8(field)
        if first < 0x80 { return Int(first) }
        let octets = Int(first & 0x7F)
        guard octets != 0 else {
            throw OERDecodingError(field: field, offset: start, problem: .indefiniteLength)
        }
        guard octets <= Self.maximumLengthOctets else {
            throw OERDecodingError(
                field: field, offset: start,
                problem: .lengthOfLengthTooLarge(octets: octets, maximum: Self.maximumLengthOctets))
        }
        guard octets <= remaining else {
            throw OERDecodingError(
                field: field, offset: offset,
                problem: .truncated(needed: octets, available: remaining))
        }
        let length = Int(try readBigEndian(octets, field))
        // Canonical: the first length octet is non-zero and the long form is needed at all.
        guard bytes[start + 1] != 0, length >= 0x80 else {
            throw OERDecodingError(field: field, offset: start, problem: .nonCanonicalLength)
        }
        return length
    }

    /// Reads a length prefix and checks it against `limit` and the remaining input before returning.
    public mutating func readBoundedLength(_ field: String, limit: Int = .max) throws(OERDecodingError) -> Int {
        let start = offset
        let length = try readLength(field)
        guard length <= limit else {
            throw OERDecodingError(
                field: field, offset: start, problem: .lengthAboveLimit(length: length, limit: limit))
        }
        guard length <= remaining else {
            throw OERDecodingError(
                field: field, offset: offset, problem: .truncated(needed: length, available: remaining))
        }
        return length
    }

    /// Reads a variable-length octet string (length prefix + bytes).
    public mutating func readVarOctetString(_ field: String, limit: Int = .max) throws(OERDecodingError) -> [UInt8] {
        let length = try readBoundedLength(field, limit: limit)
        return try readOctets(length, field)
    }

    /// Reads a length-prefixed 7-bit ASCII string.
    public mutating func readVarIA5String(_ field: String, limit: Int = .max) throws(OERDecodingError) -> String {
        let length = try readBoundedLength(field, limit: limit)
        return try readIA5String(length, field)
    }

    /// Reads a fixed-length 7-bit ASCII string.
    public mutating func readIA5String(_ count: Int, _ field: String) throws(OERDecodingError) -> String {
        try require(count, field)
        for index in offset..<(offset + count) where bytes[index] >= 0x80 {
            throw OERDecodingError(field: field, offset: index, problem: .notIA5(byte: bytes[index]))
        }
        defer { offset += count }
        return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
    }

    /// Reads a length-prefixed UTF-8 string, rejecting invalid UTF-8 instead of repairing it.
    public mutating func readVarUTF8String(_ field: String, limit: Int = .max) throws(OERDecodingError) -> String {
        let length = try readBoundedLength(field, limit: limit)
        let start = offset
        guard let string = String(validating: bytes[start..<(start + length)], as: UTF8.self) else {
            throw OERDecodingError(field: field, offset: start, problem: .invalidUTF8)
        }
        offset += length
        return string
    }

    /// Reads an OER variable-length unsigned integer: a length prefix, then 1–8 big-endian octets
    /// in minimal form (no leading zero octet unless the value is a single 0x00).
    public mutating func readVarUInt(_ field: String) throws(OERDecodingError) -> UInt64 {
        let start = offset
        let length = try readBoundedLength(field)
        guard (1...8).contains(length) else {
            throw OERDecodingError(
                field: field, offset: start,
                problem: .invalidInteger("\(length) octets; a UInt64 takes 1 to 8"))
        }
        guard length == 1 || bytes[offset] != 0 else {
            throw OERDecodingError(field: field, offset: offset, problem: .invalidInteger("leading zero octet"))
        }
        return try readBigEndian(length, field)
    }

    /// Reads a SEQUENCE OF quantity as btp-packet encodes it: one byte giving the number of count
    /// octets (1–4), then the count, minimal. `minimumElementSize` bounds the count by the remaining
    /// input so a hostile count cannot make the caller reserve memory for elements that are not there.
    public mutating func readSequenceCount(_ field: String, minimumElementSize: Int) throws(OERDecodingError) -> Int {
        let start = offset
        let octets = Int(try readUInt8(field))
        guard (1...4).contains(octets) else {
            throw OERDecodingError(
                field: field, offset: start,
                problem: .invalidInteger("count takes \(octets) octets; expected 1 to 4"))
        }
        try require(octets, field)
        guard octets == 1 || bytes[offset] != 0 else {
            throw OERDecodingError(
                field: field, offset: offset, problem: .invalidInteger("leading zero octet in count"))
        }
        let count = Int(try readBigEndian(octets, field))
        guard count <= remaining / max(1, minimumElementSize) else {
            throw OERDecodingError(
                field: field, offset: start,
                problem: .truncated(needed: count * max(1, minimumElementSize), available: remaining))
        }
        return count
    }

    /// Reads a length-prefixed envelope and returns a reader confined to its content; `self`
    /// moves past it. Offsets reported by the nested reader stay relative to the whole buffer.
    public mutating func readEnvelope(_ field: String, limit: Int = .max) throws(OERDecodingError) -> OERReader {
        let length = try readBoundedLength(field, limit: limit)
        let nested = OERReader(bytes: bytes, offset: offset, end: offset + length)
        offset += length
        return nested
    }

    /// Throws unless every byte up to `end` was consumed.
    public func expectEnd(_ field: String) throws(OERDecodingError) {
        guard offset == end else {
            throw OERDecodingError(field: field, offset: offset, problem: .trailingBytes(count: end - offset))
        }
    }
}
