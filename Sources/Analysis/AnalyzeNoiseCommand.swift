import BenchFormats
import Foundation

/// `analyze noise FILE...`: A/A runs in, per-metric noise floor and MDE out (JSON on standard
/// output or --out); with `--update-baseline` the floors are stored in the baseline, committed together with --out.
public struct AnalyzeNoiseCommand {
    public var inputs: [String] = []
    public var out = "-"
    public var baselinePath = BenchmarksLayout.baseline
    public var thresholdsPath = BenchmarksLayout.thresholds
    public var allowPartial = false
    /// `--input-format`: the inputs' format when detection by content cannot decide.
    public var inputFormat = InputFormat.auto
    public var updateBaseline = false

    public init() {}

    public func execute(log: (String) -> Void = { _ in }) throws -> Int32 {
        guard !inputs.isEmpty else {
            throw AnalysisError.usage("noise needs the samples files of at least two A/A runs")
        }
        let thresholds = try InputLoading.readThresholds(path: thresholdsPath)
        let baseline = updateBaseline ? try InputLoading.readBaseline(path: baselinePath, required: true) : nil
        let run = try InputLoading.readRun(paths: inputs, allowPartial: allowPartial, format: inputFormat)
        let report = try NoiseCalibration.measure(run, alpha: thresholds.alpha)
        var updated: Baseline?
        if let baseline {
            let (b, notes) = try NoiseCalibration.apply(report, to: baseline, baselinePath: baselinePath)
            notes.forEach(log)
            updated = b
        }
        let encoder = FormatsJSON.encoder(pretty: true)
        var bytes = [UInt8](try encoder.encode(report))
        bytes.append(0x0A)
        var outputs = [OutputWriting.Output(bytes: bytes, path: out)]
        if let updated {
            outputs.append(OutputWriting.Output(bytes: try updated.encoded(for: baselinePath), path: baselinePath))
        }
        try OutputWriting.commit(outputs, inputs: inputs + [thresholdsPath])
        if updated != nil { log("analyze noise: noise floors stored in \(baselinePath)") }
        for m in report.metrics {
            if let cv = m.cvPct, let mde = m.mdeSingleRunPct {
                log(
                    String(
                        format: "%@: run-to-run CV %.2f %% over %d runs; detectable with 1 run per side: %.1f %%",
                        m.key.description, cv, m.runs, mde))
            } else {
                log("\(m.key): \(m.skipped ?? "no floor")")
            }
        }
        return 0
    }
}
