import Nostr
import XCTest

final class SecureRandomTests: XCTestCase {
    /// A fill larger than one `getentropy` call is filled in every call's part: 1,000 zero bytes
    /// (four calls) come back with no 232-byte part left zero or repeated (each such event has
    /// probability 2^-1856 for random bytes).
    func testAFillOfSeveralCallsFillsEveryPart() {
        var bytes = [UInt8](repeating: 0, count: 1_000)
        bytes.withUnsafeMutableBytes { SecureRandom.fill($0) }
        let parts = stride(from: 0, to: 1_000, by: SecureRandom.bytesPerCall).map { Array(bytes[$0..<($0 + 232)]) }
        XCTAssertEqual(parts.count, 4)
        for part in parts { XCTAssertTrue(part.contains { $0 != 0 }) }
        XCTAssertEqual(Set(parts).count, 4)
        XCTAssertEqual(SecureRandom.bytes(count: 33).count, 33)
    }
}
