import ExecutableTesting
import Foundation

/// The built `analyze` executable, found and run as `BuiltExecutable` finds and runs every tool.
enum AnalyzeBinary {
    static func url() throws -> URL { try BuiltExecutable("analyze").url }

    /// Runs `analyze args` in `directory` with standard input fed from a file (like `cat F | analyze`).
    static func run(_ args: [String], in directory: URL, stdinFile: URL? = nil) throws -> BuiltExecutable.Run {
        try BuiltExecutable("analyze").run(args, stdin: try stdinFile.map { try Data(contentsOf: $0) }, in: directory)
    }
}
