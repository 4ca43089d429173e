import Foundation

/// Locale-free decimal rendering, so a chart made on any machine reads the same:
/// "." for decimals, "," between thousands, U+2212 "−" for negatives (the typographic minus,
/// as wide as "+", so signed columns line up). Charts and reports reach it through
/// `UnitFormatter`; analyze's reasons and check details use `short`.
public enum NumberText {
    /// How numbers read in analyze's reasons, notes and check details: whole numbers exactly (an
    /// exact counter must show every digit), others with four significant digits in C's `%g`
    /// form, ASCII only, because verdict lines are grepped and diffed.
    public static func short(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.4g", value)
    }

    static let minus = "\u{2212}"
    static let thousandsSeparator = ","

    /// `value` with exactly `decimals` digits after the point (half away from zero).
    static func fixed(_ value: Double, decimals: Int, groupThousands: Bool = true) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value < 0 ? minus + "∞" : "∞") }
        var places = max(0, min(decimals, 12))
        let magnitude = abs(value)
        while places > 0, magnitude * pow10(places) >= 9e15 { places -= 1 }
        let scaled = (magnitude * pow10(places)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else {
            return (value < 0 ? minus : "") + "\(magnitude)"
        }
        var digits = String(UInt64(scaled))
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            let split = digits.index(digits.endIndex, offsetBy: -places)
            let integerPart = String(digits[..<split])
            digits = (groupThousands ? grouped(integerPart) : integerPart) + "." + digits[split...]
        } else if groupThousands {
            digits = grouped(digits)
        }
        let isZero = scaled == 0
        return (value < 0 && !isZero ? minus : "") + digits
    }

    /// Decimals needed to show `value` with `significantDigits`, never dropping integer digits.
    static func decimals(for value: Double, significantDigits: Int) -> Int {
        let magnitude = abs(value)
        guard magnitude > 0, magnitude.isFinite else { return 0 }
        let exponent = Int((log10(magnitude)).rounded(.down))
        return max(0, significantDigits - 1 - exponent)
    }

    /// `value` rounded to `significantDigits` (integers keep all their digits).
    static func significant(_ value: Double, significantDigits: Int, groupThousands: Bool = true) -> String {
        guard value != 0 else { return "0" }
        var places = decimals(for: value, significantDigits: significantDigits)
        // Rounding can carry into a new digit (9.996 → 10.0): recount on the rounded value.
        let rounded = roundedTo(value, decimals: places)
        places = decimals(for: rounded, significantDigits: significantDigits)
        return fixed(value, decimals: places, groupThousands: groupThousands)
    }

    /// The smallest number of decimals (up to 9) that shows every value exactly.
    static func decimalsToShowExactly(_ values: [Double]) -> Int {
        for places in 0...9 {
            let scale = pow10(places)
            if values.allSatisfy({ value in
                let scaled = abs(value) * scale
                return abs(scaled - scaled.rounded()) <= 1e-6 * max(1, scaled)
            }) {
                return places
            }
        }
        return 9
    }

    static func roundedTo(_ value: Double, decimals: Int) -> Double {
        let scale = pow10(decimals)
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }

    static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent >= 0 ? result : 1 / result
    }

    private static func grouped(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out += thousandsSeparator }
            out.append(character)
        }
        return out
    }
}
