import XCTest
@testable import Interledger

/// Hostile and malformed ILP packets must produce a typed error that names the field and offset.
final class ILPRejectionTests: XCTestCase {
    private func decodeError(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> ILPDecodingError?
    {
        do {
            _ = try ILPPacket(bytes: bytes)
            XCTFail("decoded \(bytes.count) bytes that should fail", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    /// A Prepare whose data has `dataLength` bytes, built by hand so sizes can exceed the limit.
    private func handmadePrepare(dataLength: Int, destination: String = "g.a") -> [UInt8] {
        var content = OERWriter()
        content.writeUInt64(5)
        content.writeOctets(Array("20240101000000000".utf8))
        content.writeOctets([UInt8](repeating: 0, count: 32))
        content.writeVarString(destination)
        content.writeVarOctetString([UInt8](repeating: 0xEE, count: dataLength))
        var packet = OERWriter()
        packet.writeUInt8(12)
        packet.writeVarOctetString(content.bytes)
        return packet.bytes
    }

    func testDataOfExactly32767BytesIsAcceptedAnd32768Rejected() throws {
        XCTAssertNoThrow(try ILPPacket(bytes: handmadePrepare(dataLength: 32_767)))
        let error = decodeError(handmadePrepare(dataLength: 32_768))
        XCTAssertEqual(error?.field, "ILP Prepare.data")
        XCTAssertEqual(error?.problem, .structure(.lengthAboveLimit(length: 32_768, limit: 32_767)))
        // type(1) + envelope prefix(0x82 xx xx = 3) + 8 + 17 + 32 + address(1 + 3) = 65.
        XCTAssertEqual(error?.offset, 65)
    }

    func testBadAddressesAreRejected() {
        for (address, problem) in [
            ("gg.alice", ILPAddress.Problem.unknownScheme("gg")),
            ("g", .missingSegment),
            ("g..a", .emptySegment(position: 2)),
            ("g.a.", .emptySegment(position: 4)),
            ("g.al ice", .invalidCharacter(0x20, position: 4)),
            ("test4.a", .unknownScheme("test4")),
            ("", .empty),
        ] {
            let error = decodeError(handmadePrepare(dataLength: 0, destination: address))
            XCTAssertEqual(error?.problem, .invalidAddress(problem), address)
            XCTAssertEqual(error?.field, "ILP Prepare.destination")
        }
        let tooLong = "g." + String(repeating: "a", count: 1022)
        XCTAssertEqual(
            decodeError(handmadePrepare(dataLength: 0, destination: tooLong))?.problem,
            .structure(.lengthAboveLimit(length: 1024, limit: 1023)))
        XCTAssertNil(ILPAddress.problem(in: "example.alice"))
        XCTAssertNil(ILPAddress.problem(in: "self.~_-AZaz09"))
    }

    func testBadExpiryIsRejectedWithOffset() {
        var bytes = RustFixtures.prepareBytes
        bytes[12 + 4] = UInt8(ascii: "1"); bytes[12 + 5] = UInt8(ascii: "3")  // month 13
        let error = decodeError(bytes)
        XCTAssertEqual(error?.problem, .invalidTimestamp("20181307204842483"))
        XCTAssertEqual(error?.offset, 12)
        XCTAssertTrue(error?.description.contains("ILP Prepare.expiresAt at byte 12") ?? false)
    }

    func testTruncationAtEveryOffsetThrows() {
        for fixture in [RustFixtures.prepareBytes, RustFixtures.fulfillBytes, RustFixtures.rejectBytes] {
            for length in 0..<fixture.count {
                let error = decodeError(Array(fixture.prefix(length)))
                XCTAssertNotNil(error, "prefix \(length)")
                if let error { XCTAssertLessThanOrEqual(error.offset, length) }
            }
        }
    }

    func testLyingLengthPrefixesFailWithoutAllocating() {
        // Envelope claims 2^32 − 1 bytes.
        XCTAssertEqual(
            decodeError([12, 0x84, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0])?.problem,
            .structure(.truncated(needed: 4_294_967_295, available: 2)))
        // Envelope fine, inner data claims 2^31 bytes.
        var bytes = RustFixtures.prepareBytes
        let dataPrefix = 4 + 8 + 17 + 32 + 14
        bytes.replaceSubrange(dataPrefix..<(dataPrefix + 3), with: [0x84, 0x80, 0x00, 0x00])
        XCTAssertNotNil(decodeError(bytes))
        // Envelope understates the content.
        var short = RustFixtures.fulfillBytes
        short[3] = 0x23
        XCTAssertNotNil(decodeError(short))
    }

    func testTrailingBytesAreRejected() {
        // interledger-rs tolerates junk after the envelope; MeshBench frames carry exactly one packet.
        let error = decodeError(RustFixtures.prepareBytes + [0x11, 0x12, 0x13])
        XCTAssertEqual(error?.problem, .structure(.trailingBytes(count: 3)))
        XCTAssertEqual(error?.offset, 335)
        // Junk inside the envelope (declared length covers it).
        var inner = OERWriter()
        inner.writeOctets([UInt8](repeating: 1, count: 32))
        inner.writeVarOctetString([])
        inner.writeUInt8(0)
        XCTAssertEqual(
            decodeError([13, UInt8(inner.bytes.count)] + inner.bytes)?.problem, .structure(.trailingBytes(count: 1)))
    }

    func testUnknownTypeAndEmptyInput() {
        XCTAssertEqual(decodeError([0x99, 0])?.problem, .unknownPacketType(0x99))
        XCTAssertEqual(decodeError([1, 0])?.problem, .unknownPacketType(1))
        XCTAssertEqual(decodeError([])?.problem, .structure(.truncated(needed: 1, available: 0)))
    }

    func testRejectWithInvalidUTF8MessageOrNonASCIICodeFails() {
        var bytes = RustFixtures.rejectBytes
        bytes[4] = 0xC6  // code byte
        XCTAssertEqual(decodeError(bytes)?.problem, .structure(.notIA5(byte: 0xC6)))
        var message = RustFixtures.rejectBytes
        message[4 + 3 + 18 + 1] = 0xFF  // first byte of "Some error"
        XCTAssertEqual(decodeError(message)?.problem, .structure(.invalidUTF8))
    }
}
