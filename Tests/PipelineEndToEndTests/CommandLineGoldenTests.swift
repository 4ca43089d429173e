import ExecutableTesting
import Foundation
import XCTest

/// What users read on the command line, compared whole with golden transcripts under
/// `Golden/commandline/` in the style of benchstat's testdata: the command, its exit status,
/// its standard output and its standard error. Covers `--help` of every tool and subcommand,
/// verdict lines, and one message of every error class (usage, validation, unreadable input,
/// malformed samples, malformed configuration, malformed results, foreign formats).
///
/// Re-record after an intended change: `MESHBENCH_UPDATE_GOLDEN=1 swift test --filter
/// CommandLineGoldenTests`, then read `git diff -- Tests/PipelineEndToEndTests/Golden`.
final class CommandLineGoldenTests: XCTestCase {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/commandline")
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    var scratch: ScratchFolder!

    override func setUpWithError() throws {
        scratch = try ScratchFolder("cli-golden")
        let benchmarks = scratch.url.appendingPathComponent(".benchmarks")
        try FileManager.default.createDirectory(at: benchmarks, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.repositoryRoot.appendingPathComponent(".benchmarks/thresholds.json"),
            to: benchmarks.appendingPathComponent("thresholds.json"))
    }

    override func tearDown() {
        scratch.remove()
    }

    /// Runs `tool arguments` in the scratch folder and compares the transcript with `golden`.
    /// The scratch folder's path reads `$WORK`, so transcripts do not depend on where tests run.
    /// Returns the standard output.
    @discardableResult
    func assertTranscript(
        _ golden: String, _ tool: String, _ arguments: [String], stdin: Data? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "100"
        environment["NO_COLOR"] = "1"
        let run = try BuiltExecutable(tool).run(
            arguments, stdin: stdin ?? Data(), in: scratch.url, environment: environment)
        let transcript =
            "$ \(([tool] + arguments).joined(separator: " "))\nexit \(run.status)\n--- stdout\n\(run.stdoutText)"
            + "--- stderr\n\(run.stderr)"
        GoldenFile.assertMatches(
            transcript.replacingOccurrences(of: scratch.url.path, with: "$WORK"),
            Self.goldenFolder.appendingPathComponent(golden + ".txt"), file: file, line: line)
        return run.stdoutText
    }

    func write(_ text: String, _ name: String) throws {
        try Data(text.utf8).write(to: scratch.url.appendingPathComponent(name))
    }

    /// Walks each tool's command tree from its own `--help` (the SUBCOMMANDS section), so a new
    /// subcommand cannot ship without a golden help transcript.
    func testHelpOfEveryToolAndSubcommand() throws {
        var pending: [(tool: String, path: [String])] = [("bench", []), ("analyze", []), ("render", [])]
        var visited: [String] = []
        while let (tool, path) = pending.popLast() {
            let name = (["help", tool] + path).joined(separator: "-")
            visited.append(name)
            let help = try assertTranscript(name, tool, path + ["--help"])
            pending += Self.subcommands(inHelp: help).map { (tool, path + [$0]) }
        }
        XCTAssertEqual(visited.count, 21, "tools and subcommands found: \(visited.sorted())")
    }

    /// The names listed under `SUBCOMMANDS:` (lines indented by two spaces, first word).
    static func subcommands(inHelp help: String) -> [String] {
        guard let section = help.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first else { return [] }
        return section.split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.isEmpty }
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    /// Ten latencies; the same in another order; the same 1.6 times slower: PASS with no
    /// baseline, PASS with timings compared, then FAIL against the baseline.
    func testVerdictLines() throws {
        let latencies: [Double] = [10.2, 9.8, 10.5, 10.1, 9.9, 10.3, 10.0, 9.7, 10.4, 10.1]
        try write(SamplesText.file([SamplesText.samplesLine(latencies)]), "base.jsonl")
        try write(SamplesText.file([SamplesText.samplesLine(latencies.reversed())]), "same.jsonl")
        try write(SamplesText.file([SamplesText.samplesLine(latencies.map { $0 * 1.6 })]), "slow.jsonl")
        try assertTranscript("verdict-no-baseline", "analyze", ["--no-baseline", "--out", "first.json", "base.jsonl"])
        try assertTranscript(
            "verdict-baseline-recorded", "analyze", ["--update-baseline", "--out", "base.json", "base.jsonl"])
        try assertTranscript("verdict-no-regression", "analyze", ["--out", "same.json", "same.jsonl"])
        try assertTranscript("verdict-regression", "analyze", ["--out", "slow.json", "slow.jsonl"])
    }

    func testOneMessageOfEveryErrorClass() throws {
        try write(
            [SamplesText.runLine(), #"{"type":"samples","scenario":"#, SamplesText.endLine(records: 2)]
                .joined(separator: "\n") + "\n", "malformed.jsonl")
        try write(SamplesText.file([SamplesText.samplesLine([1, 2, 3])]), "ok.jsonl")
        try write(#"{"schema":"meshbench.thresholds/1","noise_pct":"five"}"# + "\n", "bad-thresholds.json")
        try write(#"{"schema":"meshbench.results/1","run":"#, "bad-results.json")
        try write("goos: linux\nBenchmarkX 10 abc ns/op\n", "bad-go.txt")
        try assertTranscript("error-usage-unknown-option", "analyze", ["--frobnicate"])
        try assertTranscript("error-usage-invalid-value", "bench", ["--tier", "9"])
        try assertTranscript("error-usage-render", "render", ["report", "--scale", "fast"])
        try assertTranscript("error-input-missing", "analyze", ["--no-baseline", "missing.jsonl"])
        try assertTranscript("error-samples-malformed", "analyze", ["--no-baseline", "malformed.jsonl"])
        try assertTranscript(
            "error-thresholds-malformed", "analyze",
            ["--no-baseline", "--thresholds", "bad-thresholds.json", "ok.jsonl"])
        try assertTranscript(
            "error-foreign-format", "analyze", ["--no-baseline", "--input-format", "go", "bad-go.txt"])
        try assertTranscript("error-results-malformed", "render", ["--out", "artifacts", "bad-results.json"])
        try assertTranscript("error-baseline-missing", "analyze", ["--baseline", "nowhere.json", "ok.jsonl"])
    }
}
