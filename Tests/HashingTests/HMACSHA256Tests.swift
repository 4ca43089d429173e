import Hashing
import XCTest

final class HMACSHA256Tests: XCTestCase {
    /// RFC 4231 §4.2–4.8, every case whose output is not truncated.
    func testTheRFC4231Cases() {
        let cases: [(key: [UInt8], data: [UInt8], mac: String)] = [
            (
                [UInt8](repeating: 0x0B, count: 20), Array("Hi There".utf8),
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
            ),
            (
                Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
            ),
            (
                [UInt8](repeating: 0xAA, count: 20), [UInt8](repeating: 0xDD, count: 50),
                "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
            ),
            (
                Array(1...25), [UInt8](repeating: 0xCD, count: 50),
                "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
            ),
            (
                [UInt8](repeating: 0xAA, count: 131),
                Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
            ),
            (
                [UInt8](repeating: 0xAA, count: 131),
                Array(
                    ("This is a test using a larger than block-size key and a larger than block-size data. "
                        + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
            ),
        ]
        for (index, entry) in cases.enumerated() {
            XCTAssertEqual(
                hex(HMACSHA256(key: entry.key).authenticationCode(for: entry.data)), entry.mac, "case \(index)")
        }
    }

    func testTheKeyedStatesMatchTheReferenceAtEveryBlockBoundary() {
        // Keys shorter than, equal to and longer than a block; data ending on either side of a block boundary.
        for keyLength in [0, 1, 32, 63, 64, 65, 131] {
            let key = (0..<keyLength).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
            let hmac = HMACSHA256(key: key)
            for dataLength in Array(0...130) + [700, 5_000] {
                let data = (0..<dataLength).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ keyLength) }
                XCTAssertEqual(
                    hmac.authenticationCode(for: data).bytes, ReferenceSHA256.hmac(key: key, message: data),
                    "key \(keyLength) B, data \(dataLength) B")
            }
        }
    }
}
