import BenchFormats
import Foundation

/// `analyze [FILES]`: everything the command does, so the executable stays a thin parser.
/// Nothing is written until the analysis has succeeded; then the results (atomically, or to
/// standard output) and, when asked, the baseline (atomically).
public struct AnalyzeRunCommand {
    public var inputs: [String] = ["-"]
    public var out = "-"
    public var baselinePath = ".benchmarks/baseline.json"
    /// `--baseline` was given explicitly: a missing file is then an error, not "no baseline yet".
    public var baselineExplicit = false
    public var noBaseline = false
    public var thresholdsPath = ".benchmarks/thresholds.json"
    public var allowPartial = false
    public var updateBaseline = false
    public var failOn = FailPolicy.fail
    public var options = AnalysisOptions()

    public init() {}

    /// Runs the analysis and returns the exit code (0 or 1 by `failOn`); throws on bad input.
    public func execute(log: (String) -> Void = { _ in }) throws -> Int32 {
        if noBaseline && baselineExplicit {
            throw AnalysisError.usage("--baseline and --no-baseline contradict each other; give one")
        }
        if out != "-" && inputs.contains(out) {
            throw AnalysisError.usage("--out \(out) is also an input; write the results elsewhere")
        }
        let thresholds = try InputLoading.readThresholds(path: thresholdsPath)
        let existingBaseline = noBaseline && !updateBaseline ? nil
            : try InputLoading.readBaseline(path: baselinePath, required: baselineExplicit && !updateBaseline)
        let run = try InputLoading.readRun(paths: inputs, allowPartial: allowPartial)
        let analyzed = try RunAnalyzer.analyze(run, baseline: noBaseline ? nil : existingBaseline,
                                               thresholds: thresholds, options: options)
        var doc = analyzed.document
        if updateBaseline {
            doc.notes.append("baseline \(baselinePath) re-recorded from this run")
        }
        try write(doc, to: out)
        if updateBaseline {
            let baseline = BaselineBuilder.build(run: run, summarized: analyzed.summarized, previous: existingBaseline,
                                                 recordedAt: options.generatedAt)
            do {
                try baseline.write(to: baselinePath)
            } catch {
                throw AnalysisError.badInput(file: baselinePath, line: nil, problem: "cannot write the baseline (\(error))",
                                             fix: "make sure the folder exists and is writable")
            }
            log("analyze: baseline written to \(baselinePath)")
        }
        log("analyze: verdict \(doc.verdict.rawValue.uppercased()) — \(doc.verdictReason)")
        return failOn.exitCode(for: doc.verdict)
    }

    func write(_ doc: ResultsDocument, to path: String) throws {
        do {
            try doc.write(to: path)
        } catch {
            throw AnalysisError.badInput(file: path, line: nil, problem: "cannot write the results (\(error))",
                                         fix: "choose a writable --out path")
        }
    }
}
