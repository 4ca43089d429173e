import Analysis
import BenchFormats
import Foundation
import Reports

/// The file readers: each input is one file, handed over as a pipe so that the reader's own
/// opening, gzip detection, cap and decoding all run.
extension FuzzTarget {
    static let samples = FuzzTarget(
        name: "samples", summary: "a samples file as analyze reads it: reader, record validation, run builder",
        seeds: { [DocumentSeeds.samples] }
    ) { bytes in
        PipeFile.with(bytes) { path in
            refusedOrDecoded { _ = try InputLoading.readRun(paths: [path], allowPartial: false) }
        }
    }

    static let results = document("results", "a results document as analyze reads it") {
        _ = try ResultsDocument.read(from: $0)
    }

    static let renderResults = FuzzTarget(
        name: "render-results", summary: "a results document as render reads it, section by section",
        seeds: { DocumentSeeds.documents }
    ) { bytes in
        refusedOrDecoded { _ = try ResultsLoader.parse(Data(bytes), name: "fuzz") }
    }

    static let baseline = document("baseline", "a baseline") { _ = try Baseline.read(from: $0) }
    static let thresholds = document("thresholds", "a thresholds file, every field range-checked") {
        _ = try Thresholds.read(from: $0)
    }
    static let history = document("history", "a history entry (gzip or plain)") { _ = try HistoryEntry.read(from: $0) }
    static let flakeHistory = document("flake-history", "the flake history") { _ = try FlakeHistory.read(from: $0) }

    private static func document(
        _ name: String, _ summary: String, read: @escaping @Sendable (String) throws -> Void
    ) -> FuzzTarget {
        FuzzTarget(name: name, summary: summary, seeds: { DocumentSeeds.documents }) { bytes in
            PipeFile.with(bytes) { path in refusedOrDecoded { try read(path) } }
        }
    }

    /// Every error a reader throws is a refusal: the wanted outcome for a bad file.
    static func refusedOrDecoded(_ decode: () throws -> Void) -> String {
        do {
            try decode()
            return "decoded"
        } catch {
            return "refused"
        }
    }
}
