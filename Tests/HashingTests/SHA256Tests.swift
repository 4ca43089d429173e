import Hashing
import SeededRandom
import XCTest

final class SHA256Tests: XCTestCase {
    func testTheFIPS180ExamplesAndTheEmptyMessage() {
        XCTAssertEqual(
            hex(SHA256.hash(Array("abc".utf8))), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(
            hex(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(hex(SHA256.hash([])), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        var million = SHA256()
        let thousand = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000)
        for _ in 0..<1_000 { million.update(thousand) }
        XCTAssertEqual(hex(million.finalize()), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testEveryLengthAroundTheBlockBoundariesMatchesTheReference() {
        for length in Array(0...200) + [1_000, 4_099] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            XCTAssertEqual(SHA256.hash(bytes).bytes, ReferenceSHA256.hash(bytes), "\(length) B")
        }
    }

    func testAbsorbingInPiecesEqualsHashingAtOnceAndFinalizeLeavesTheStateUsable() {
        var random = SplitMix64(seed: 12)
        for _ in 0..<50 {
            let bytes = (0..<Int(random.next() % 600)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            var hasher = SHA256()
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + Int(random.next() % 130))
                hasher.update(Array(bytes[offset..<end]))
                offset = end
            }
            XCTAssertEqual(hasher.finalize(), SHA256.hash(bytes))
            // A copy of a state is independent of the original, and finalizing does not consume it.
            let prefix = hasher
            hasher.update([1, 2, 3])
            XCTAssertEqual(prefix.finalize(), SHA256.hash(bytes))
            XCTAssertEqual(hasher.finalize(), SHA256.hash(bytes + [1, 2, 3]))
        }
    }

    func testDigestsAreEqualAndHashedByTheirBytes() {
        let a = SHA256.hash(Array("a".utf8))
        XCTAssertEqual(a, SHA256.hash(Array("a".utf8)))
        XCTAssertNotEqual(a, SHA256.hash(Array("b".utf8)))
        XCTAssertEqual(Set([a, SHA256.hash(Array("a".utf8)), SHA256.hash(Array("b".utf8))]).count, 2)
        XCTAssertEqual(a.bytes.count, SHA256Digest.byteCount)
    }
}

func hex(_ digest: SHA256Digest) -> String { hex(digest.bytes) }

func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
}
