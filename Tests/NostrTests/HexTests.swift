import XCTest

@testable import Nostr

final class HexTests: XCTestCase {
    /// Every ASCII character in every position of a byte, against the definition of a lowercase
    /// hex digit written out here: `0`–`9` and `a`–`f` decode, everything else (uppercase included)
    /// makes the whole string malformed.
    func testEveryASCIICharacterInEitherNibbleDecodesOnlyWhenItIsALowercaseHexDigit() {
        let digits = Array("0123456789abcdef")
        for code in 0..<128 {
            let character = Character(Unicode.Scalar(UInt8(code)))
            let expected = digits.firstIndex(of: character).map(UInt8.init)
            for (text, shift) in [("\(character)7", 4), ("7\(character)", 0)] {
                let decoded = Hex.decodeLowercase(text + "00", byteCount: 2)
                if let expected {
                    let other: UInt8 = shift == 4 ? 7 : 0x70
                    XCTAssertEqual(decoded, [expected << UInt8(shift) | other, 0], "\(text)")
                } else {
                    XCTAssertNil(decoded, "character \(code) in \(text)")
                }
                XCTAssertEqual(Hex.isLowercase(text, byteCount: 1), expected != nil, "character \(code) in \(text)")
            }
        }
    }

    func testLengthsOtherThanTwiceTheByteCountAndNonASCIIAreRejected() {
        XCTAssertNil(Hex.decodeLowercase("abc", byteCount: 2))
        XCTAssertNil(Hex.decodeLowercase("abcdef", byteCount: 2))
        XCTAssertNil(Hex.decodeLowercase("é0", byteCount: 1))  // two UTF-8 bytes plus one: three
        XCTAssertNil(Hex.decodeLowercase("é", byteCount: 1))  // 0xC3 0xA9: two bytes, neither a digit
        XCTAssertEqual(Hex.decodeLowercase("", byteCount: 0), [])
    }

    func testEveryByteRoundTripsThroughEncode() {
        let bytes = (0...255).map(UInt8.init)
        XCTAssertEqual(Hex.decodeLowercase(Hex.encode(bytes), byteCount: 256), bytes)
    }
}
