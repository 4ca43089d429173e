import NIOWebSocket
import XCTest
@testable import Mesh

final class MaskingKeySourceTests: XCTestCase {
    /// Counts refills and fills each with the next bytes of 0, 1, 2, … so keys can be traced.
    private final class CountingRefill {
        var calls = 0
        var nextByte: UInt8 = 0
        func fill(_ buffer: UnsafeMutableRawBufferPointer) {
            calls += 1
            for index in buffer.indices {
                buffer[index] = nextByte
                nextByte &+= 1
            }
        }
    }

    func testKeysAreTheRandomBytesFourAtATimeAndRefillOnlyWhenUsedUp() {
        let refill = CountingRefill()
        let source = MaskingKeySource(capacity: 8, refill: refill.fill)
        XCTAssertEqual(refill.calls, 0, "nothing is fetched before the first key")
        let keys = (0..<5).map { _ in source.next() }
        let expected: [WebSocketMaskingKey] = [
            [0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15], [16, 17, 18, 19],
        ]
        XCTAssertEqual(keys, expected, "across the buffer's boundary no byte is skipped or reused")
        XCTAssertEqual(refill.calls, 3, "two keys per 8-byte refill")
    }

    /// Kernel keys over four refills: 256 random 32-bit keys hold a repeated key with probability
    /// about 256²/2³³ ≈ 8·10⁻⁶, so at most one repeat is allowed and a source that hands out a key
    /// twice or refills wrongly (zeros, the same bytes again) fails.
    func testKernelKeysDoNotRepeat() {
        let source = MaskingKeySource()
        let keys = (0..<256).map { _ in Array(source.next()) }
        XCTAssertGreaterThanOrEqual(Set(keys).count, 255)
    }
}
