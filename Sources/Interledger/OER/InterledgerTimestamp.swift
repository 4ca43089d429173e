import Foundation

/// UTC timestamps as the Interledger wire formats spell them, converted without DateFormatter
/// (which is slow and locale-sensitive) using the proleptic Gregorian calendar.
///
/// - ILPv4 `expiresAt` (RFC 27, InterledgerTypes.asn): fixed 17 characters `YYYYMMDDHHmmssfff`.
/// - BTP `triggeredAt` / BTP/1.0 `expiresAt` (GeneralizedTime, as btp-packet writes it):
///   19 characters `YYYYMMDDHHmmss.fffZ`.
///
/// Both carry milliseconds; a `Date` is rounded to the nearest millisecond and clamped to years
/// 0000–9999, the range four digits can spell.
public enum InterledgerTimestamp {
    public enum Format: Sendable {
        /// `YYYYMMDDHHmmssfff` (ILPv4).
        case ilp
        /// `YYYYMMDDHHmmss.fffZ` (BTP GeneralizedTime).
        case generalizedTime

        public var length: Int { self == .ilp ? 17 : 19 }
    }

    /// Milliseconds since 1970 of 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z.
    static let minimumMilliseconds: Int64 = -62_167_219_200_000
    static let maximumMilliseconds: Int64 = 253_402_300_799_999

    /// Encodes `date` as ASCII bytes in `format`.
    public static func encode(_ date: Date, format: Format) -> [UInt8] {
        var out: [UInt8] = []
        append(date, format: format, to: &out)
        return out
    }

    /// Encodes milliseconds since 1970 (which must lie in years 0000–9999).
    public static func encode(milliseconds: Int64, format: Format) -> [UInt8] {
        var out: [UInt8] = []
        append(milliseconds: milliseconds, format: format, to: &out)
        return out
    }

    /// Appends `date` in `format` to `out`: how a packet writer spells it in place (every ILP
    /// Prepare carries one), without an array of its own.
    static func append(_ date: Date, format: Format, to out: inout [UInt8]) {
        let raw = (date.timeIntervalSince1970 * 1000).rounded()
        // NaN and ±infinity would trap in Int64(_:); they clamp like any out-of-range date.
        let milliseconds =
            raw.isNaN
            ? minimumMilliseconds
            : raw <= Double(minimumMilliseconds)
                ? minimumMilliseconds
                : raw >= Double(maximumMilliseconds)
                    ? maximumMilliseconds
                    : Int64(raw)
        append(milliseconds: milliseconds, format: format, to: &out)
    }

    static func append(milliseconds: Int64, format: Format, to out: inout [UInt8]) {
        let ms = min(max(milliseconds, minimumMilliseconds), maximumMilliseconds)
        let days = floorDivide(ms, 86_400_000)
        let msOfDay = ms - days * 86_400_000
        let (year, month, day) = civil(fromDays: days)
        func put(_ value: Int64, digits: Int) {
            var divisor: Int64 = 1
            for _ in 1..<digits { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8((value / divisor) % 10))
                divisor /= 10
            }
        }
        put(year, digits: 4); put(month, digits: 2); put(day, digits: 2)
        put(msOfDay / 3_600_000, digits: 2)
        put(msOfDay / 60_000 % 60, digits: 2)
        put(msOfDay / 1000 % 60, digits: 2)
        if format == .generalizedTime { out.append(UInt8(ascii: ".")) }
        put(msOfDay % 1000, digits: 3)
        if format == .generalizedTime { out.append(UInt8(ascii: "Z")) }
    }

    /// Parses `format` from `bytes`; returns nil for anything that is not exactly a valid
    /// calendar date and time in that format (wrong length, non-digits, month 13, Feb 30, second 60…).
    public static func decodeMilliseconds<Bytes: RandomAccessCollection>(_ bytes: Bytes, format: Format) -> Int64?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        guard bytes.count == format.length else { return nil }
        let base = bytes.startIndex
        func number(_ from: Int, _ count: Int) -> Int64? {
            var value: Int64 = 0
            for index in (base + from)..<(base + from + count) {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int64(digit)
            }
            return value
        }
        let millisecondStart: Int
        if format == .generalizedTime {
            guard bytes[base + 14] == UInt8(ascii: "."), bytes[base + 18] == UInt8(ascii: "Z") else { return nil }
            millisecondStart = 15
        } else {
            millisecondStart = 14
        }
        guard let year = number(0, 4), let month = number(4, 2), let day = number(6, 2),
            let hour = number(8, 2), let minute = number(10, 2), let second = number(12, 2),
            let millisecond = number(millisecondStart, 3),
            (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month),
            hour < 24, minute < 60, second < 60
        else { return nil }
        let days = days(fromCivil: year, month, day)
        return days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond
    }

    /// The `Date` for a millisecond count.
    public static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    // Howard Hinnant's days_from_civil / civil_from_days (public-domain algorithms,
    // http://howardhinnant.github.io/date_algorithms.html), days counted from 1970-01-01.
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
