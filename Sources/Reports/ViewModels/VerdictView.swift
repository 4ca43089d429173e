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

        var word: String
        switch results.verdict {
        case .pass?: word = "PASS"; emoji = "✅"
        case .warn?: word = "WARN"; emoji = "⚠️"
        case .fail?: word = "FAIL"; emoji = "❌"
        case nil: word = "UNKNOWN"; emoji = "❔"
        }
        // The heading itself says when the verdict covers no timing comparison.
        if results.verdict != nil, let scope = results.scope, scope.timings == 0, scope.timingsNotCompared != nil {
            word += " (timings not compared)"
        }
        self.word = word
        isFail = results.verdict == .fail

        var parts: [String] = []
        if fails > 0 { parts.append(Self.plural(fails, "regression", "regressions") + " past the FAIL threshold") }
        if warns > 0 { parts.append(Self.plural(warns, "regression", "regressions") + " past the WARN threshold") }
        if slaMissed > 0 { parts.append(Self.plural(slaMissed, "SLA", "SLAs") + " missed") }
        if !results.missing.isEmpty {
            parts.append(
                Self.plural(results.missing.count, "metric", "metrics") + " of the baseline missing from this run")
        }
        if checksFailed > 0 { parts.append(Self.plural(checksFailed, "check", "checks") + " failed") }
        if testsFailed > 0 { parts.append(Self.plural(testsFailed, "test", "tests") + " failed after retry") }
        if improved > 0 { parts.append(Self.plural(improved, "metric", "metrics") + " improved") }
        if results.verdict == nil {
            headline = "The results file has no verdict; see the notes below for what is missing."
        } else if !results.problems.isEmpty {
            headline =
                "The results file is incomplete (" + Self.plural(results.problems.count, "problem", "problems")
                + "): the verdict \(word) covers only what it contains; see the notes below."
        } else if parts.isEmpty {
            headline =
                results.metrics.isEmpty
                ? "No metrics were measured in this run."
                : Self.passHeadline(results)
        } else {
            headline = Self.sentence(parts) + "." + Self.untimed(results.scope)
        }
    }

    /// Says what was checked, and only that: "no regression" only when timed metrics were
    /// compared, and SLAs, checks or counters only when some were judged. Files without a scope
    /// (older analyze) count what was judged themselves.
    static func passHeadline(_ results: LoadedResults) -> String {
        let scope =
            results.scope
            ?? VerdictScope(counting: results.metrics, checks: results.checks, counters: results.counters)
        let judged = scope.judgedBesidesTimings
        guard scope.timings == 0 else {
            return "No regression beyond noise in " + plural(scope.timings, "timed metric", "timed metrics")
                + (judged.map { "; \($0) met." } ?? ".")
        }
        let what = judged.map { "Passed: \($0)" } ?? "Nothing was judged"
        return what + "."
            + untimed(
                scope.timingsNotCompared == nil
                    ? VerdictScope(
                        slas: scope.slas, checks: scope.checks, counters: scope.counters, timings: 0,
                        timingsNotCompared: "no baseline to compare with")
                    : scope)
    }

    /// " Timings not compared: … Compare them on this machine with `make compare`." when none were.
    static func untimed(_ scope: VerdictScope?) -> String {
        guard let scope, scope.timings == 0, let why = scope.timingsNotCompared else { return "" }
        // The command is shown as code only when it cannot break out of the code span.
        let safe = scope.compareCommand.flatMap { command in
            command.allSatisfy { $0.isLetter || $0.isNumber || " ._=/-".contains($0) } ? command : nil
        }
        let command = safe.map { " Compare them on this machine with `\($0)`." } ?? ""
        return " Timings not compared: " + MarkdownEscaping.text(why) + "." + command
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
