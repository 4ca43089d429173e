import BenchFormats
import Foundation

/// What `analyze --format` writes to standard output or `--out`.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// `meshbench.results/1`, what render reads (the default).
    case results
    /// Bencher Metric Format (`bencher run --adapter json`).
    case bencher
    /// github-action-benchmark `customSmallerIsBetter` entries: metrics where lower is better.
    case githubActionBenchmark = "github-action-benchmark"
    /// github-action-benchmark `customBiggerIsBetter` entries: metrics where higher is better
    /// (that tool applies one direction per file).
    case githubActionBenchmarkBigger = "github-action-benchmark-bigger"
    /// JUnit XML of the test outcomes (attempts, flakes, failures) for CI test reporters.
    case junit

    public func render(_ doc: ResultsDocument, outcomes: [OutcomeRecord]) throws -> [UInt8] {
        var bytes: [UInt8]
        switch self {
        case .results:
            bytes = [UInt8](try FormatsJSON.encoder(pretty: true).encode(doc))
        case .bencher:
            bytes = try BencherExport.json(doc)
        case .githubActionBenchmark:
            bytes = try GitHubActionBenchmarkExport.json(doc, better: .lower)
        case .githubActionBenchmarkBigger:
            bytes = try GitHubActionBenchmarkExport.json(doc, better: .higher)
        case .junit:
            bytes = Array(JUnitExport.xml(doc, attempts: outcomes).utf8)
        }
        bytes.append(0x0A)
        return bytes
    }
}
