import XCTest
@testable import Interledger

/// OER primitives: canonical length determinants (X.696 §8.6), fixed-width integers, var-uints.
final class OERCodecTests: XCTestCase {
    private func encodedLength(_ length: Int) -> [UInt8] {
        var writer = OERWriter()
        writer.writeLength(length)
        return writer.bytes
    }

    func testLengthPrefixShortAndLongForms() throws {
        // Short form below 128, then 0x80|n with the fewest big-endian octets (X.696 §8.6.4/5).
        XCTAssertEqual(encodedLength(0), [0x00])
        XCTAssertEqual(encodedLength(127), [0x7F])
        XCTAssertEqual(encodedLength(128), [0x81, 0x80])
        XCTAssertEqual(encodedLength(255), [0x81, 0xFF])
        XCTAssertEqual(encodedLength(256), [0x82, 0x01, 0x00])
        XCTAssertEqual(encodedLength(32_767), [0x82, 0x7F, 0xFF])
        XCTAssertEqual(encodedLength(65_536), [0x83, 0x01, 0x00, 0x00])
        for length in [0, 1, 127, 128, 255, 256, 65_535, 65_536, 16_777_216] {
            var reader = OERReader(encodedLength(length))
            XCTAssertEqual(try reader.readLength("len"), length)
            XCTAssertEqual(reader.remaining, 0)
        }
    }

    func testNonCanonicalAndOversizedLengthPrefixesAreRejected() {
        let cases: [([UInt8], OERDecodingError.Problem)] = [
            ([0x81, 0x05], .nonCanonicalLength),  // long form for a short length
            ([0x82, 0x00, 0x80], .nonCanonicalLength),  // leading zero length octet
            ([0x80], .indefiniteLength),
            ([0x85, 1, 0, 0, 0, 0], .lengthOfLengthTooLarge(octets: 5, maximum: 4)),
            ([0x82, 0x01], .truncated(needed: 2, available: 1)),
        ]
        for (bytes, problem) in cases {
            var reader = OERReader(bytes)
            XCTAssertThrowsError(try reader.readLength("len")) { error in
                XCTAssertEqual((error as? OERDecodingError)?.problem, problem, "\(bytes)")
                XCTAssertEqual((error as? OERDecodingError)?.offset, bytes.count == 2 && bytes[0] == 0x82 ? 1 : 0)
            }
        }
    }

    func testHugeDeclaredLengthFailsBeforeAllocating() {
        // Declares 4 GiB − 1 bytes with 3 bytes present: must fail on the comparison with the input.
        var reader = OERReader([0x84, 0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3])
        XCTAssertThrowsError(try reader.readVarOctetString("blob")) { error in
            XCTAssertEqual((error as? OERDecodingError)?.problem, .truncated(needed: 4_294_967_295, available: 3))
            XCTAssertEqual((error as? OERDecodingError)?.offset, 5)
            XCTAssertTrue("\(error)".contains("blob at byte 5"), "\(error)")
        }
        var limited = OERReader([0x82, 0x80, 0x00] + [UInt8](repeating: 0, count: 4))
        XCTAssertThrowsError(try limited.readVarOctetString("data", limit: 32_767)) { error in
            XCTAssertEqual((error as? OERDecodingError)?.problem, .lengthAboveLimit(length: 32_768, limit: 32_767))
        }
    }

    func testFixedWidthIntegersAreBigEndian() throws {
        var writer = OERWriter()
        writer.writeUInt8(0xAB)
        writer.writeUInt16(0x0102)
        writer.writeUInt32(0x0304_0506)
        writer.writeUInt64(0x0708_090A_0B0C_0D0E)
        XCTAssertEqual(writer.bytes, [0xAB, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])
        var reader = OERReader(writer.bytes)
        XCTAssertEqual(try reader.readUInt8("a"), 0xAB)
        XCTAssertEqual(try reader.readUInt16("b"), 0x0102)
        XCTAssertEqual(try reader.readUInt32("c"), 0x0304_0506)
        XCTAssertEqual(try reader.readUInt64("d"), 0x0708_090A_0B0C_0D0E)
        XCTAssertThrowsError(try reader.readUInt8("e"))
    }

    func testVarUIntIsMinimal() throws {
        // Expected bytes: length octet count, then the value in the fewest octets.
        let cases: [(UInt64, [UInt8])] = [
            (0, [1, 0]), (255, [1, 0xFF]), (256, [2, 1, 0]),
            (UInt64.max, [8, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]),
        ]
        for (value, bytes) in cases {
            var writer = OERWriter()
            writer.writeVarUInt(value)
            XCTAssertEqual(writer.bytes, bytes)
            var reader = OERReader(bytes)
            XCTAssertEqual(try reader.readVarUInt("n"), value)
        }
        for bad: [UInt8] in [[2, 0, 5], [0], [9, 1, 1, 1, 1, 1, 1, 1, 1, 1]] {
            var reader = OERReader(bad)
            XCTAssertThrowsError(try reader.readVarUInt("n"), "\(bad)")
        }
    }

    func testStringsRejectWrongAlphabet() {
        var ia5 = OERReader([2, 0x41, 0xC3])
        XCTAssertThrowsError(try ia5.readVarIA5String("name")) { error in
            XCTAssertEqual((error as? OERDecodingError)?.problem, .notIA5(byte: 0xC3))
            XCTAssertEqual((error as? OERDecodingError)?.offset, 2)
        }
        var utf8 = OERReader([2, 0xC3, 0x28])
        XCTAssertThrowsError(try utf8.readVarUTF8String("message")) { error in
            XCTAssertEqual((error as? OERDecodingError)?.problem, .invalidUTF8)
        }
        var good = OERReader([2, 0xC3, 0xA9])
        XCTAssertEqual(try good.readVarUTF8String("message"), "é")
    }

    func testEnvelopeConfinesReadsAndReportsAbsoluteOffsets() throws {
        var reader = OERReader([0x07, 0x02, 0xAA, 0xBB, 0xCC])
        _ = try reader.readUInt8("type")
        var content = try reader.readEnvelope("content")
        XCTAssertEqual(try content.readUInt8("x"), 0xAA)
        XCTAssertEqual(try content.readUInt8("y"), 0xBB)
        XCTAssertThrowsError(try content.readUInt8("z")) { error in
            XCTAssertEqual((error as? OERDecodingError)?.offset, 4)
        }
        XCTAssertThrowsError(try reader.expectEnd("frame")) { error in
            XCTAssertEqual((error as? OERDecodingError)?.problem, .trailingBytes(count: 1))
            XCTAssertEqual((error as? OERDecodingError)?.offset, 4)
        }
    }

    func testWriterEnvelopeInsertsCanonicalPrefix() {
        var writer = OERWriter()
        writer.writeUInt8(9)
        writer.writeEnvelope { $0.writeOctets([UInt8](repeating: 0x55, count: 200)) }
        XCTAssertEqual(Array(writer.bytes.prefix(3)), [9, 0x81, 200])
        XCTAssertEqual(writer.bytes.count, 203)
    }

    /// The short form (one octet, up to 127) and a two-octet long form (X.696 §8.6.5), each
    /// checked against the prefix `writeLength` gives on its own, and the content left intact.
    func testWriterEnvelopePrefixMatchesWriteLengthAtEveryForm() {
        for count in [0, 1, 127, 128, 255, 256, 300, 65_535, 65_536] {
            let content = (0..<count).map { UInt8(truncatingIfNeeded: $0 * 7) }
            var writer = OERWriter()
            writer.writeUInt8(9)
            writer.writeEnvelope { $0.writeOctets(content) }
            var expected = OERWriter()
            expected.writeUInt8(9)
            expected.writeLength(count)
            expected.writeOctets(content)
            XCTAssertEqual(writer.bytes, expected.bytes, "\(count) octets")
        }
        var twoOctets = OERWriter()
        twoOctets.writeEnvelope { $0.writeOctets([UInt8](repeating: 1, count: 300)) }
        XCTAssertEqual(Array(twoOctets.bytes.prefix(3)), [0x82, 0x01, 0x2C])
    }
}
