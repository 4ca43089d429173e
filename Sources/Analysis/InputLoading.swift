import BenchFormats
import Foundation

/// Reads the inputs of an analysis and turns every format error into an `AnalysisError` that
/// names the file and the fix (exit 2).
public enum InputLoading {
    /// Reads one side of a comparison: one or more samples files (`-` = standard input), each file
    /// a run whose repetitions are kept apart from the other files'. Files of other harnesses
    /// (hyperfine, Google Benchmark, pytest-benchmark, Go) are recognised by content unless
    /// `format` names one.
    public static func readRun(paths: [String], allowPartial: Bool, format: InputFormat = .auto) throws -> RunSamples {
        guard !paths.isEmpty else {
            throw AnalysisError.usage("give at least one samples file (or `-` for standard input)")
        }
        if paths.filter({ $0 == "-" }).count > 1 {
            throw AnalysisError.usage("standard input (`-`) can be read only once")
        }
        var builder = RunSamplesBuilder()
        for path in paths {
            let reader: any SampleRecordSource
            do {
                reader = try BenchmarkInput.open(path: path, format: format, allowPartial: allowPartial)
            } catch {
                throw inputError(error)
            }
            builder.beginFile(reader.fileName)
            try builder.add(.run(reader.run), record: 1)
            do {
                while let record = try reader.next() {
                    try builder.add(record, record: reader.recordCount)
                }
            } catch {
                throw inputError(error)
            }
            if reader.isPartial { builder.markPartial() }
        }
        return try builder.build()
    }

    /// The baseline at `path`, or nil when `path` does not exist and `required` is false (the
    /// default location). A corrupt baseline is an error and is left untouched.
    public static func readBaseline(path: String, required: Bool) throws -> Baseline? {
        if !FileManager.default.fileExists(atPath: path) {
            guard required else { return nil }
            throw AnalysisError.badInput(
                file: path, line: nil, problem: "no baseline at this path",
                fix: "record one with `analyze --update-baseline --baseline \(path) FILE`, or run with --no-baseline")
        }
        do {
            return try Baseline.read(from: path)
        } catch {
            throw AnalysisError.badInput(
                file: path, line: nil, problem: "unusable baseline (\(error)); it was left untouched",
                fix:
                    "restore it from git (`git checkout -- \(path)`), re-record it with --update-baseline after moving it away, or run with --no-baseline"
            )
        }
    }

    /// The thresholds at `path`; a missing file says how to create one.
    public static func readThresholds(path: String) throws -> Thresholds {
        guard FileManager.default.fileExists(atPath: path) else { throw AnalysisError.missingThresholds(path: path) }
        do {
            return try Thresholds.read(from: path)
        } catch {
            throw AnalysisError.badInput(
                file: path, line: nil, problem: "unusable thresholds (\(error))",
                fix:
                    "fix the field named above, or compare with the committed copy (`git diff -- \(BenchmarksLayout.thresholds)`)"
            )
        }
    }

    /// SamplesError and ImportError messages already name the file, line and fix: kept verbatim.
    static func inputError(_ error: Error) -> Error {
        switch error {
        case let error as SamplesError: AnalysisError.rejected(error.description)
        case let error as ImportError: AnalysisError.rejected(error.description)
        default: error
        }
    }
}
