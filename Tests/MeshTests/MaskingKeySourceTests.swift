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

    /// Each key takes the next eight bytes b0…b7 of the buffer: NIO keeps the low 32 bits of the
    /// little-endian word, b0 | b1<<8 | b2<<16 | b3<<24, and sends them in network order.
    func testKeysTakeTheRandomBytesEightAtATimeAndRefillOnlyWhenUsedUp() {
        let refill = CountingRefill()
        let source = MaskingKeySource(capacity: 16, refill: refill.fill)
        XCTAssertEqual(refill.calls, 0, "nothing is fetched before the first key")
        let keys = (0..<5).map { _ in source.nextKey() }
        let expected: [WebSocketMaskingKey] = [
            [3, 2, 1, 0], [11, 10, 9, 8], [19, 18, 17, 16], [27, 26, 25, 24], [35, 34, 33, 32],
        ]
        XCTAssertEqual(keys, expected, "across the buffer's boundary no byte is skipped or reused")
        XCTAssertEqual(refill.calls, 3, "two keys per 16-byte refill")
    }

    /// Kernel keys over eight refills: 256 random 32-bit keys hold a repeated key with probability
    /// about 256²/2³³ ≈ 8·10⁻⁶, so at most one repeat is allowed and a source that hands out a key
    /// twice or refills wrongly (zeros, the same bytes again) fails.
    func testKernelKeysDoNotRepeat() {
        let source = MaskingKeySource()
        let keys = (0..<256).map { _ in Array(source.nextKey()) }
        XCTAssertGreaterThanOrEqual(Set(keys).count, 255)
    }
}
