import Analysis
import BenchFormats
import Foundation
import Fuzzing
import Reports

/// One decoder under fuzzing: its seeds and a function that feeds it one input. Every error a
/// decoder throws is a refusal (the wanted outcome); a crash, a trap or a hang is a finding.
struct FuzzTarget: Sendable {
    let name: String
    let seeds: [[UInt8]]
    let run: @Sendable ([UInt8]) -> Void

    static let all: [FuzzTarget] = [
        samples, results, renderResults, baseline, thresholds, history, btp, ilp, btpNIPs, nip01,
    ]

    /// Samples files as analyze reads them: reader, record validation and the run builder.
    static let samples = FuzzTarget(name: "samples", seeds: Seeds.samples) { bytes in
        PipeFile.with(bytes) { path in _ = try? InputLoading.readRun(paths: [path], allowPartial: false) }
    }
    static let results = FuzzTarget(name: "results", seeds: Seeds.documents) { bytes in
        PipeFile.with(bytes) { path in _ = try? ResultsDocument.read(from: path) }
    }
    /// render's reading of a results document (section by section).
    static let renderResults = FuzzTarget(name: "render-results", seeds: Seeds.documents) { bytes in
        _ = try? ResultsLoader.parse(Data(bytes), name: "fuzz")
    }
    static let baseline = FuzzTarget(name: "baseline", seeds: Seeds.documents) { bytes in
        PipeFile.with(bytes) { path in _ = try? Baseline.read(from: path) }
    }
    static let thresholds = FuzzTarget(name: "thresholds", seeds: Seeds.documents) { bytes in
        PipeFile.with(bytes) { path in _ = try? Thresholds.read(from: path) }
    }
    static let history = FuzzTarget(name: "history", seeds: Seeds.documents) { bytes in
        PipeFile.with(bytes) { path in _ = try? FlakeHistory.read(from: path) }
    }
    static let btp = FuzzTarget(CodecFuzzTarget.btp)
    static let ilp = FuzzTarget(CodecFuzzTarget.ilp)
    static let btpNIPs = FuzzTarget(CodecFuzzTarget.btpNIPs)
    static let nip01 = FuzzTarget(CodecFuzzTarget.nip01)
}

extension FuzzTarget {
    init(_ codec: CodecFuzzTarget) {
        self.init(name: codec.name, seeds: codec.seeds, run: codec.run)
    }
}

/// Hands bytes to a reader that takes a path: through a pipe named `/dev/fd/N`, so no file is
/// written per input. Inputs are kept below the pipe's buffer so the write never blocks.
enum PipeFile {
    static let maxBytes = 60_000

    static func with(_ bytes: [UInt8], _ body: (String) -> Void) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { fatalError("pipe: \(String(cString: strerror(errno)))") }
        let count = min(bytes.count, maxBytes)
        _ = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, count) }
        close(fds[1])
        body("/dev/fd/\(fds[0])")
        close(fds[0])
    }
}
