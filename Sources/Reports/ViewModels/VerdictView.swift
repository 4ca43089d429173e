import BenchFormats

/// The headline of a report: the verdict word and one sentence that says why, built from counts
/// in the results (not from free text), so the reason always matches the tables below it.
public struct VerdictView: Sendable {
    public let word: String
    /// A status mark GitHub shows in colour: ✅ ⚠️ ❌, ❔ when the verdict is unknown.
    public let emoji: String
    public let headline: String
    public let isFail: Bool

    init(results: LoadedResults) {
        let changes = results.metrics.compactMap(\.change)
        let fails = changes.filter { $0.verdict == .fail }.count
        let warns = changes.filter { $0.verdict == .warn }.count
        let improved = changes.filter { $0.verdict == .improved }.count
        let slaMissed = results.metrics.flatMap { $0.sla ?? [] }.filter { !$0.ok }.count
        let checksFailed = results.checks.filter { $0.status == .fail }.count
        let testsFailed = results.outcomes.filter { $0.status == .fail }.count

        switch results.verdict {
        case .pass?: word = "PASS"; emoji = "✅"
        case .warn?: word = "WARN"; emoji = "⚠️"
        case .fail?: word = "FAIL"; emoji = "❌"
        case nil: word = "UNKNOWN"; emoji = "❔"
        }
        isFail = results.verdict == .fail

        var parts: [String] = []
        if fails > 0 { parts.append(Self.plural(fails, "regression", "regressions") + " past the FAIL threshold") }
        if warns > 0 { parts.append(Self.plural(warns, "regression", "regressions") + " past the WARN threshold") }
        if slaMissed > 0 { parts.append(Self.plural(slaMissed, "SLA", "SLAs") + " missed") }
        if checksFailed > 0 { parts.append(Self.plural(checksFailed, "check", "checks") + " failed") }
        if testsFailed > 0 { parts.append(Self.plural(testsFailed, "test", "tests") + " failed after retry") }
        if improved > 0 { parts.append(Self.plural(improved, "metric", "metrics") + " improved") }
        if results.verdict == nil {
            headline = "The results file has no verdict; see the notes below for what is missing."
        } else if !results.problems.isEmpty {
            headline = "The results file is incomplete (" + Self.plural(results.problems.count, "problem", "problems")
                + "): the verdict \(word) covers only what it contains; see the notes below."
        } else if parts.isEmpty {
            headline = results.metrics.isEmpty
                ? "No metrics were measured in this run."
                : "No regression beyond noise, every SLA met, every check passed."
        } else {
            headline = Self.sentence(parts) + "."
        }
    }

    static func plural(_ count: Int, _ one: String, _ many: String) -> String {
        "\(count) \(count == 1 ? one : many)"
    }

    /// "a", "a and b", "a, b and c"; the first letter capitalised.
    static func sentence(_ parts: [String]) -> String {
        var text: String
        switch parts.count {
        case 0: text = ""
        case 1: text = parts[0]
        default: text = parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
        }
        if let first = text.first { text = first.uppercased() + text.dropFirst() }
        return text
    }
}
