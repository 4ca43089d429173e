import BenchFormats
import Foundation

/// Everything that stops `render` before or while it writes. Each message names the file (and
/// line, where there is one) and says what to do; `exitCode` follows the README's table:
/// 2 for bad input or usage, 3 for a fault of MeshBench itself.
public enum ReportError: Error, CustomStringConvertible, Equatable {
    case inputUnreadable(path: String, reason: String)
    case inputNotJSON(path: String, line: Int?, column: Int? = nil, reason: String)
    case rawSamplesGiven(path: String)
    case wrongFileKind(path: String, schema: String, hint: String)
    case inputInvalid(path: String, reason: String)
    case templateFolderMissing(path: String)
    case templateMissing(name: String, searched: [String])
    case templateUnreadable(path: String, reason: String)
    case templateInvalid(path: String, line: Int, column: Int, text: String, reason: String)
    /// `option` is the flag that named the path, so the message says which one to change.
    case outputNotWritable(path: String, reason: String, option: String = "--out")
    case foldedStacksInvalid(path: String, line: Int, reason: String)
    case historyUnreadable(path: String, reason: String)
    case baselineUnreadable(path: String, reason: String)
    case thresholdsUnreadable(path: String, reason: String)
    case drawingFailed(chart: String, reason: String)
    /// An output could not be written; nothing was changed (`FileCommit`).
    case output(FileCommitError)

    public var exitCode: Int32 {
        switch self {
        case .drawingFailed: return 3
        default: return 2
        }
    }

    public var description: String {
        switch self {
        case .inputUnreadable(let path, let reason):
            return "\(path): cannot read the results file (\(reason)); check the path, or pass - to read standard input"
        case .inputNotJSON(let path, let line, let column, let reason):
            let place = (line.map { "\(path):\($0)" } ?? path) + (column.map { ":\($0)" } ?? "")
            return "\(place): not a JSON results document (\(reason)); render reads what `analyze` writes"
        case .rawSamplesGiven(let path):
            return
                "\(path): this is a raw samples file: run analyze first (meshbench.samples/1 is what bench writes; try `analyze \(path) | render`)"
        case .wrongFileKind(let path, let schema, let hint):
            return "\(path): schema \"\(schema)\" is not a results file: \(hint)"
        case .inputInvalid(let path, let reason):
            return "\(path): \(reason)"
        case .templateFolderMissing(let path):
            return "\(path): template folder does not exist; pass --templates with a folder of *.mustache files"
        case .templateMissing(let name, let searched):
            return
                "template \(name) not found in \(searched.joined(separator: " or ")); copy it from the repository's templates/ folder"
        case .templateUnreadable(let path, let reason):
            return "\(path): template \(reason)"
        case .templateInvalid(let path, let line, let column, let text, let reason):
            let shown = text.trimmingCharacters(in: .whitespaces)
            return "\(path):\(line):\(column): invalid template: \(reason)" + (shown.isEmpty ? "" : " (line: \(shown))")
        case .outputNotWritable(let path, let reason, let option):
            return "\(path): output folder is not writable (\(reason)); choose another with \(option)"
        case .foldedStacksInvalid(let path, let line, let reason):
            return
                "\(path):\(line): not a folded stack line (\(reason)); expected `frame;frame;frame COUNT` as written by stackcollapse or `bench --profile`"
        case .historyUnreadable(let path, let reason):
            return "\(path): cannot read the benchmark history (\(reason)); record runs with `analyze --record`"
        case .baselineUnreadable(let path, let reason):
            return "\(path): cannot read the baseline (\(reason)); record one with `analyze --update-baseline`"
        case .thresholdsUnreadable(let path, let reason):
            return
                "\(path): cannot read the thresholds (\(reason)); pass the repository's \(BenchmarksLayout.thresholds)"
        case .output(let error):
            return error.description
        case .drawingFailed(let chart, let reason):
            return "internal error while drawing \(chart): \(reason); please report it with the command line"
        }
    }
}
