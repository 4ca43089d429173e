import XCTest
@testable import Interledger

/// Reference milliseconds come from python3:
/// `int(datetime(Y,M,D,h,m,s,us,tzinfo=timezone.utc).timestamp()*1000)`.
final class InterledgerTimestampTests: XCTestCase {
    func testILPFormatMatchesPythonEpochMilliseconds() throws {
        let cases: [(String, Int64)] = [
            ("20180607204842483", 1_528_404_522_483),  // interledger-rs fixture expiry
            ("19700101000000000", 0),
            ("20000229235959999", 951_868_799_999),  // leap day
            ("00010101000000000", -62_135_596_800_000),
            ("99991231235959999", 253_402_300_799_999),
        ]
        for (text, milliseconds) in cases {
            XCTAssertEqual(InterledgerTimestamp.decodeMilliseconds(Array(text.utf8), format: .ilp), milliseconds, text)
            XCTAssertEqual(
                String(decoding: InterledgerTimestamp.encode(milliseconds: milliseconds, format: .ilp), as: UTF8.self),
                text)
        }
    }

    func testGeneralizedTimeFormat() {
        // btp-packet test: new Date('2017-08-28T18:32:00.000Z') → "20170828183200.000Z".
        let bytes = Array("20170828183200.000Z".utf8)
        XCTAssertEqual(InterledgerTimestamp.decodeMilliseconds(bytes, format: .generalizedTime), 1_503_945_120_000)
        XCTAssertEqual(InterledgerTimestamp.encode(milliseconds: 1_503_945_120_000, format: .generalizedTime), bytes)
    }

    func testInvalidTimesAreRejected() {
        for text in [
            "2018060720484248", "201806072048424833", "20181307204842483", "20190229000000000",
            "20180631000000000", "20180607244842483", "20180607206042483", "20180607204860483",
            "2018-6-07204842483", "20180607204842 83", "20180600204842483",
        ] {
            XCTAssertNil(InterledgerTimestamp.decodeMilliseconds(Array(text.utf8), format: .ilp), text)
        }
        XCTAssertNil(
            InterledgerTimestamp.decodeMilliseconds(Array("20170828183200.000X".utf8), format: .generalizedTime))
        XCTAssertNil(
            InterledgerTimestamp.decodeMilliseconds(Array("20170828183200,000Z".utf8), format: .generalizedTime))
    }

    func testDatesRoundToMillisecondsAndClampToFourDigitYears() {
        let date = Date(timeIntervalSince1970: 1_528_404_522.4834)
        XCTAssertEqual(
            String(decoding: InterledgerTimestamp.encode(date, format: .ilp), as: UTF8.self), "20180607204842483")
        // Date.distantFuture is 4001-01-01, still spellable; 1e15 s after 1970 is far past year 9999.
        XCTAssertEqual(
            String(decoding: InterledgerTimestamp.encode(.distantFuture, format: .ilp), as: UTF8.self),
            "40010101000000000")
        XCTAssertEqual(
            String(
                decoding: InterledgerTimestamp.encode(Date(timeIntervalSince1970: 1e15), format: .ilp), as: UTF8.self),
            "99991231235959999")
        XCTAssertEqual(
            String(
                decoding: InterledgerTimestamp.encode(Date(timeIntervalSince1970: .nan), format: .ilp), as: UTF8.self),
            "00000101000000000")
    }

    func testCivilConversionAgreesOverFourCenturies() {
        // days_from_civil and civil_from_days are inverses on every day of a full 400-year cycle.
        var mismatches = 0
        var previous = InterledgerTimestamp.civil(fromDays: -146_098)
        for days in stride(from: Int64(-146_097), to: 146_097, by: 1) {
            let (y, m, d) = InterledgerTimestamp.civil(fromDays: days)
            let valid = (1...12).contains(m) && d >= 1 && d <= InterledgerTimestamp.daysInMonth(year: y, month: m)
            // Consecutive days: same month and day + 1, or the 1st of the next month/year.
            let follows =
                (y, m, d) == (previous.year, previous.month, previous.day + 1)
                || (d == 1 && (m == previous.month + 1 || (m == 1 && y == previous.year + 1)))
            if InterledgerTimestamp.days(fromCivil: y, m, d) != days || !valid || !follows { mismatches += 1 }
            previous = (y, m, d)
        }
        XCTAssertEqual(mismatches, 0)
    }
}
