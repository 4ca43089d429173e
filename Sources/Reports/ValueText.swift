import Foundation
import Units

/// Numbers as reports show them, through `Units` so tables and chart axes agree ("1.23 ms").
/// A unit string `Units` does not know is kept verbatim after the number rather than guessed.
/// The unit comes from the input: with `markdown`, every result is escaped for a Markdown
/// document (`MarkdownEscaping.text`); chart text (drawn, not parsed) uses the plain form.
struct ValueText {
    let formatter = UnitFormatter(significantDigits: 3)
    var markdown = false

    /// One value with its best display unit.
    func value(_ value: Double, unit: String) -> String {
        guard let parsed = ParsedUnit.known(unit) else {
            return escaped(formatter.format(value, .plain(symbol: unit)))
        }
        return escaped(formatter.format(parsed.base(value), parsed.dimension))
    }

    /// Several values of one row or column in one shared display unit, so they compare at a glance.
    func values(_ values: [Double], unit: String) -> [String] {
        guard let parsed = ParsedUnit.known(unit) else {
            return values.map { escaped(formatter.format($0, .plain(symbol: unit))) }
        }
        let base = values.map(parsed.base)
        let display = formatter.unit(for: base, parsed.dimension)
        return base.map { escaped(formatter.format($0, in: display, parsed.dimension)) }
    }

    private func escaped(_ text: String) -> String { markdown ? MarkdownEscaping.text(text) : text }

    func percent(_ percent: Double) -> String { formatter.signedPercent(percent) }

    func count(_ count: Int) -> String { formatter.count(count) }

    /// A p- or q-value the way journals print them: three decimals, "< 0.001" below that.
    func probability(_ p: Double?) -> String {
        guard let p, p.isFinite else { return "–" }
        if p < 0.001 { return "< 0.001" }
        return String(format: "%.3f", min(p, 1))
    }

    /// Whether the unit is a duration (latency tables and the spectrum chart take only those).
    static func isDuration(_ unit: String) -> Bool {
        guard let parsed = ParsedUnit.known(unit) else { return false }
        if case .duration = parsed.dimension { return true }
        return false
    }
}
