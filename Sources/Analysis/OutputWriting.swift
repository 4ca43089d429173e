import BenchFormats
import Foundation

/// Writes a finished output: to standard output for `-`, else atomically (temporary file in the
/// same folder, fsync, rename), so a failed command never leaves a half-written file.
enum OutputWriting {
    static func write(_ bytes: [UInt8], to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw AnalysisError.badInput(file: path, line: nil, problem: "cannot write (\(error))", fix: "choose a writable --out path")
        }
    }
}
