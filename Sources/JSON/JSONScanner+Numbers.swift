#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONScanner {
    /// Reads a whole number (no fraction, no exponent) that fits in Int64.
    public mutating func readInt64(_ field: @autoclosure () -> String) throws(JSONError) -> Int64 {
        skipWhitespace()
        let start = position
        guard let first = input.at(position), first == UInt8(ascii: "-") || Self.isDigit(first) else {
            throw wrongTypeOrSyntax(field(), expected: "an integer")
        }
        guard try !skipNumber(field()) else { throw fail(field(), .notWholeNumber, at: start) }
        let negative = first == UInt8(ascii: "-")
        var value: Int64 = 0
        for index in (negative ? start + 1 : start)..<position {
            let digit = Int64(input[index] &- UInt8(ascii: "0"))
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflow1 && !overflow2 else { throw fail(field(), .integerOverflow, at: start) }
            value = next
        }
        return value
    }

    /// Reads a number as the nearest Double. `NaN`, `Infinity` and the like are named in the error,
    /// and a number beyond the Double range (`1e999`) is refused rather than read as infinity.
    public mutating func readDouble(_ field: @autoclosure () -> String) throws(JSONError) -> Double {
        skipWhitespace()
        let start = position
        guard let first = input.at(position), first == UInt8(ascii: "-") || Self.isDigit(first) else {
            for token in Self.nonFiniteTokens where matches(token) {
                throw fail(field(), .nonFiniteLiteral("\(token)"))
            }
            throw wrongTypeOrSyntax(field(), expected: "a number")
        }
        if first == UInt8(ascii: "-"), let second = input.at(position + 1), !Self.isDigit(second) {
            for token in Self.nonFiniteTokens where matches(token) {
                throw fail(field(), .nonFiniteLiteral("\(token)"))
            }
        }
        _ = try skipNumber(field())
        let value = Self.parse(UnsafeBufferPointer(rebasing: input[start..<position]))
        guard value.isFinite else { throw fail(field(), .numberOutOfRange, at: start) }
        return value
    }

    /// Reads `[n, n, …]` into Doubles; a non-number element is a wrong type.
    public mutating func readDoubleArray(_ field: @autoclosure () -> String) throws(JSONError) -> [Double] {
        try beginArray(field())
        var values: [Double] = []
        var first = true
        while try nextArrayElement(first: &first, field()) {
            values.append(try readDouble(field()))
        }
        return values
    }

    /// Skips a number (RFC 8259: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, and it must
    /// end there); returns whether it had a fraction or an exponent.
    mutating func skipNumber(_ field: @autoclosure () -> String) throws(JSONError) -> Bool {
        if input.at(position) == UInt8(ascii: "-") { position += 1 }
        guard let first = input.at(position), Self.isDigit(first) else {
            throw fail(field(), .syntax(expected: "a value", found: found))
        }
        position += 1
        if first == UInt8(ascii: "0") {
            if let next = input.at(position), Self.isDigit(next) {
                throw fail(field(), .syntax(expected: "a number without leading zeros", found: found))
            }
        } else {
            skipDigits()
        }
        var fractional = false
        if input.at(position) == UInt8(ascii: ".") {
            position += 1
            guard skipDigits() > 0 else {
                throw fail(field(), .syntax(expected: "a digit after the decimal point", found: found))
            }
            fractional = true
        }
        if let marker = input.at(position), marker | 0x20 == UInt8(ascii: "e") {
            position += 1
            if input.at(position) == UInt8(ascii: "+") || input.at(position) == UInt8(ascii: "-") { position += 1 }
            guard skipDigits() > 0 else {
                throw fail(field(), .syntax(expected: "a digit in the exponent", found: found))
            }
            fractional = true
        }
        if let next = input.at(position), Self.continuesNumber(next) {
            throw fail(field(), .syntax(expected: "the end of the number", found: found))
        }
        return fractional
    }

    @discardableResult
    private mutating func skipDigits() -> Int {
        let start = position
        while let byte = input.at(position), Self.isDigit(byte) { position += 1 }
        return position - start
    }

    private func matches(_ token: StaticString) -> Bool {
        let length = token.utf8CodeUnitCount
        guard input.count - position >= length else { return false }
        return token.withUTF8Buffer { expected in (0..<length).allSatisfy { input[position + $0] == expected[$0] } }
    }

    /// Literal tokens some writers emit for non-finite floats, recognised so the error says so.
    private static let nonFiniteTokens: [StaticString] = [
        "-Infinity", "+Infinity", "Infinity", "-NaN", "NaN", "-inf", "+inf", "inf", "-nan", "nan",
    ]

    /// Correctly rounded value of a validated number token: Clinger's fast path when mantissa and
    /// power of ten are both exact Doubles (one IEEE operation then rounds correctly), else strtod
    /// on a NUL-terminated stack copy.
    private static func parse(_ token: UnsafeBufferPointer<UInt8>) -> Double {
        var index = 0
        let negative = token[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        while index < token.count, isDigit(token[index]) {
            mantissa = mantissa &* 10 &+ UInt64(token[index] &- UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        if index < token.count, token[index] == UInt8(ascii: ".") {
            index += 1
            while index < token.count, isDigit(token[index]) {
                mantissa = mantissa &* 10 &+ UInt64(token[index] &- UInt8(ascii: "0"))
                digits += 1
                exponent -= 1
                index += 1
            }
        }
        if index == token.count, digits <= 19, mantissa <= 1 << 53, exponent >= -22 {
            let value = Double(mantissa) / powersOfTen[-exponent]
            return negative ? -value : value
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: token.count + 1) { buffer in
            for k in 0..<token.count { buffer[k] = CChar(bitPattern: token[k]) }
            buffer[token.count] = 0
            return strtod(buffer.baseAddress!, nil)
        }
    }

    private static let powersOfTen: [Double] = (0...22).map { k in
        (0..<k).reduce(1.0) { value, _ in value * 10 }  // exact: every 10^k for k ≤ 22 is a Double
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func continuesNumber(_ byte: UInt8) -> Bool {
        isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The byte at `index`, nil past the end.
    @inline(__always)
    func at(_ index: Int) -> UInt8? { index < count ? self[index] : nil }
}
