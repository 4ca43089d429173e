import XCTest

/// Asserts |actual − expected| ≤ relative·|expected| (or ≤ relative when expected is 0), the
/// many-digit comparison every reference value in this target is checked with.
func assertClose(
    _ actual: Double, _ expected: Double, relative: Double = 1e-13,
    _ message: String = "", file: StaticString = #filePath, line: UInt = #line
) {
    let tolerance = expected == 0 ? relative : relative * abs(expected)
    XCTAssertEqual(actual, expected, accuracy: tolerance, message, file: file, line: line)
}

/// Element-wise `assertClose` for arrays of equal length.
func assertClose(
    _ actual: [Double], _ expected: [Double], relative: Double = 1e-13,
    file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(actual.count, expected.count, "length", file: file, line: line)
    for (index, (a, e)) in zip(actual, expected).enumerated() {
        assertClose(a, e, relative: relative, "index \(index)", file: file, line: line)
    }
}

/// Asserts that `body` throws exactly `expected`.
func assertThrows<T>(
    _ expected: StatisticsErrorMatcher, file: StaticString = #filePath, line: UInt = #line,
    _ body: () throws -> T
) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
        XCTAssertTrue(expected.matches(error), "unexpected error \(error)", file: file, line: line)
    }
}

import Statistics

/// Matches the case of a `StatisticsError` without spelling out every associated value.
enum StatisticsErrorMatcher {
    case tooFewValues, nonFiniteValue, invalidParameter, lengthMismatch, degenerate

    func matches(_ error: Error) -> Bool {
        guard let error = error as? StatisticsError else { return false }
        switch (self, error) {
        case (.tooFewValues, .tooFewValues), (.nonFiniteValue, .nonFiniteValue),
            (.invalidParameter, .invalidParameter), (.lengthMismatch, .lengthMismatch),
            (.degenerate, .degenerate):
            return true
        default:
            return false
        }
    }
}
