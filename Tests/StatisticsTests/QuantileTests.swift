import XCTest
import Statistics

/// Expected values: `float(np.quantile(x, p))` with numpy 2.4 (default method 'linear'). The
/// implementation copies numpy's interpolation rule, so results are compared for exact equality.
final class QuantileTests: XCTestCase {
    let ps = [0, 0.1, 0.25, 0.333, 0.5, 0.9, 0.95, 0.99, 0.999, 1]

    func testOddSizeMatchesNumpyExactly() throws {
        // odd = [3.5, -1.25, 7.0, 2.0, 9.75, 0.5, 4.0]; [np.quantile(odd, p) for p in ps]
        let odd = [3.5, -1.25, 7.0, 2.0, 9.75, 0.5, 4.0]
        let expected = [
            -1.25, -0.19999999999999984, 1.25, 1.9970000000000003, 3.5, 8.100000000000001,
            8.924999999999997, 9.584999999999999, 9.7335, 9.75,
        ]
        XCTAssertEqual(try Quantile.of(odd, ps: ps), expected)
    }

    func testEvenSizeMatchesNumpyExactly() throws {
        // even = [10.0, 2.5, 8.25, -3.0, 6.0, 1.0, 4.5, 12.0]; [np.quantile(even, p) for p in ps]
        let even = [10.0, 2.5, 8.25, -3.0, 6.0, 1.0, 4.5, 12.0]
        let expected = [
            -3.0, -0.19999999999999973, 2.125, 3.162, 5.25, 10.6, 11.299999999999999,
            11.86, 11.986, 12.0,
        ]
        XCTAssertEqual(try Quantile.of(even, ps: ps), expected)
        XCTAssertEqual(try Quantile.of(even, p: 0.5), 5.25)
    }

    func testSingleValueAndEdges() throws {
        XCTAssertEqual(try Quantile.of([42], ps: [0, 0.37, 1]), [42, 42, 42])
        assertThrows(.tooFewValues) { try Quantile.of([], p: 0.5) }
        assertThrows(.nonFiniteValue) { try Quantile.of([1, .nan], p: 0.5) }
        assertThrows(.invalidParameter) { try Quantile.of([1, 2], p: 1.01) }
        assertThrows(.invalidParameter) { try Quantile.of([1, 2], p: .nan) }
        assertThrows(.invalidParameter) { try Quantile.ofSorted([3, 1, 2], p: 0.5) }
    }

    func testRadixSortAgreesWithTheStandardSort() {
        // Above the small-input threshold, with negatives, ±0, subnormals, huge and repeated values.
        var generator = Xoshiro256StarStar(seed: 7)
        var values: [Double] = (0..<20_000).map { index in
            let magnitude = Double(generator.next() >> 11) * 0x1p-53
            switch index % 5 {
            case 0: return -magnitude * 1e6
            case 1: return magnitude * 0x1p-1030  // subnormal (about 8.7e-311), exact in binary
            case 2: return Double(index % 13)
            case 3: return magnitude * 1e300
            default: return -Double(index % 7)
            }
        }
        values += [0.0, -0.0, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]
        let expected = values.sorted()
        XCTAssertEqual(RadixSort.sorted(values), expected)
        XCTAssertEqual(RadixSort.sorted([3, -1, 2]), [-1, 2, 3])
    }
}
