import BenchFormats
import Foundation

/// analyze's side of `FileCommit`: the outputs of one command (results, baseline, history entry,
/// flake history) are checked before anything is written and committed together or not at all;
/// `-` and special files are written as streams. Errors become `AnalysisError.output`.
enum OutputWriting {
    struct Output {
        let bytes: [UInt8]
        let path: String
        var createFolder = false
    }

    /// Refuses an output path now (missing folder, a folder, one of `inputs`…), before any work is locked or written.
    static func check(_ path: String, createFolder: Bool = false, inputs: [String]) throws {
        do {
            try FileCommit.check(path, createFolder: createFolder, inputs: inputs)
        } catch {
            throw AnalysisError.output(error)
        }
    }

    static func write(_ bytes: [UInt8], to path: String, inputs: [String]) throws {
        try commit([Output(bytes: bytes, path: path)], inputs: inputs)
    }

    static func commit(_ outputs: [Output], inputs: [String]) throws {
        let commit = FileCommit(inputs: inputs)
        do {
            for output in outputs { try commit.add(output.bytes, to: output.path, createFolder: output.createFolder) }
            try commit.commit()
        } catch {
            throw AnalysisError.output(error)
        }
    }
}
