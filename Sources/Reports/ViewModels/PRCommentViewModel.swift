import BenchFormats

/// Everything `templates/pr-comment.mustache` can print: the verdict, only what changed beyond
/// noise (at most `maxChangedRows` rows, so the comment stays around 60 lines), the key chart
/// and, when something regressed, what to do next.
public struct PRCommentViewModel: Sendable {
    public static let maxChangedRows = 8
    public static let maxNotices = 3
    public static let maxFailedChecks = 5

    public let verdict: VerdictView
    public let environment: EnvironmentView
    public let notices: [String]
    public let hasNotices: Bool
    public let slaMisses: [SLARow]
    public let hasSLAMisses: Bool
    /// Checks that failed (at most `maxFailedChecks`): the headline counts them, so the comment
    /// names them too.
    public let failedChecks: [CheckRow]
    public let hasFailedChecks: Bool
    public let hasMoreFailedChecks: Bool
    public let moreFailedChecks: Int
    /// Tests that failed on every attempt (at most `maxFailedChecks`), escaped: the headline
    /// counts them, so the comment names them.
    public let failedTests: [String]
    public let hasFailedTests: Bool
    public let changedRows: [ComparisonRow]
    public let hasChangedRows: Bool
    public let hasMoreChanged: Bool
    public let moreChanged: Int
    public let noChangeSentence: String
    /// Base against head, for a same-runner A/B comparison; nil against a stored baseline.
    public let comparedWith: String?
    public let referenceColumn: String
    public let candidateColumn: String
    public let keyImage: ImageView?
    public let nextSteps: [String]
    public let hasNextSteps: Bool
    /// Shell lines for a code block: `make report`, and this run's tier and seed when known.
    public let reproduceCommand: String

    public init(results: LoadedResults, charts: [ChartOutcome]) {
        verdict = VerdictView(results: results)
        environment = EnvironmentView(results: results)
        let allNotices = Notices.build(results)
        notices =
            Array(allNotices.prefix(Self.maxNotices))
            + (allNotices.count > Self.maxNotices
                ? [
                    VerdictView.plural(allNotices.count - Self.maxNotices, "more note", "more notes")
                        + " in the full report."
                ] : [])
        hasNotices = !notices.isEmpty

        slaMisses = TableRows.sla(results).filter { !$0.ok }
        hasSLAMisses = !slaMisses.isEmpty
        let failed = TableRows.checks(results).enumerated().filter { results.checks[$0.offset].status == .fail }.map(
            \.element)
        failedChecks = Array(failed.prefix(Self.maxFailedChecks))
        hasFailedChecks = !failedChecks.isEmpty
        moreFailedChecks = failed.count - failedChecks.count
        hasMoreFailedChecks = moreFailedChecks > 0
        let failedOutcomes = results.outcomes.filter { $0.status == .fail }.map { MarkdownEscaping.text($0.test) }
        failedTests =
            Array(failedOutcomes.prefix(Self.maxFailedChecks))
            + (failedOutcomes.count > Self.maxFailedChecks
                ? ["…and \(failedOutcomes.count - Self.maxFailedChecks) more in the full report"] : [])
        hasFailedTests = !failedTests.isEmpty

        let comparison = ComparisonView(results: results)
        referenceColumn = comparison.referenceColumn
        candidateColumn = comparison.candidateColumn
        comparedWith = comparison.comparedWith
        changedRows = Array(comparison.changed.prefix(Self.maxChangedRows))
        hasChangedRows = !changedRows.isEmpty
        moreChanged = comparison.changed.count - changedRows.count
        hasMoreChanged = moreChanged > 0
        if results.comparison == nil && comparison.unchanged.isEmpty {
            noChangeSentence = "No baseline to compare with: record one with `analyze --update-baseline`."
        } else if !comparison.isComparable {
            noChangeSentence = comparison.notes.first ?? "The baseline could not be compared."
        } else if comparison.comparedCount == 0 {
            noChangeSentence =
                "None of this run's metrics is in the baseline, so nothing was compared: record a baseline of this tier with `analyze --update-baseline`."
        } else {
            noChangeSentence = "No metric changed beyond noise (\(comparison.comparedCount) compared)."
        }

        let preferred = ["baseline-delta.png", "latency-spectrum.png"]
        keyImage = preferred.lazy.compactMap { name in charts.first { $0.file == name && $0.isDrawn } }.first.map {
            ImageView(file: $0.file, title: MarkdownEscaping.text($0.title), alt: MarkdownEscaping.altText($0.alt))
        }

        let regressed =
            comparison.changed.contains { $0.rank <= 1 } || !slaMisses.isEmpty || !failed.isEmpty || hasFailedTests
        nextSteps = regressed ? Self.nextSteps(results) : []
        hasNextSteps = !nextSteps.isEmpty
        reproduceCommand = Self.reproduceCommand(results.run)
    }

    static func reproduceCommand(_ run: RunHeader?) -> String {
        if let run, let source = EnvironmentView.importedFormat(run) {
            return [
                "# this run was imported from \(source): re-run that benchmark, then",
                "analyze FILE | render --out artifacts",
            ]
            .joined(separator: "\n")
        }
        var lines = ["make report    # tier 1: bench | analyze | render into artifacts/"]
        if let run {
            lines.append("# this run exactly (tier \(run.tier), seed \(run.seed)):")
            lines.append(
                "make build && .build/release/bench --tier \(run.tier) --seed \(run.seed) | .build/release/analyze | .build/release/render --out artifacts"
            )
        }
        return lines.joined(separator: "\n")
    }

    /// Bisect, profile, or accept: each with the exact command. Revisions are printed only when
    /// they are plain hexadecimal commits (anything else could break out of the code span).
    static func nextSteps(_ results: LoadedResults) -> [String] {
        if let run = results.run, let source = EnvironmentView.importedFormat(run) {
            // bench's bisect and profiler do not apply to another harness's benchmarks.
            return [
                "Find the commit: run the same benchmark on the last good commit and on this one, then `analyze compare good.json this.json` (\(source), one file per side; bisect by halving the range).",
                "If the change is intended: `analyze --update-baseline FILE` and commit `\(BenchmarksLayout.baseline)` with the reason.",
            ]
        }
        let commit = results.run?.git.commit ?? ""
        let head = !commit.isEmpty && commit.allSatisfy(\.isHexDigit) ? String(commit.prefix(12)) : "<this-commit>"
        return [
            "Find the commit: `make compare A=<last-good-commit> B=\(head)` runs both revisions with the same seed and compares them (bisect by halving the range).",
            "Find the hot spot: `bench --profile` records stacks; `render flamegraph profile.folded --out flame.png` draws them.",
            "If the change is intended: `analyze --update-baseline` and commit `\(BenchmarksLayout.baseline)` with the reason.",
        ]
    }
}
