import ArgumentParser
import BenchFormats
import Foundation

/// Maps every way a command can end onto MeshBench's exit codes, shared by all three tools:
/// 0 success, 1 the measured system failed, 2 bad input or usage, 3 internal error.
enum CommandLineExit {
    static func run<Command: ParsableCommand>(_ root: Command.Type) async {
        do {
            var command = try root.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch SamplesError.readerClosed {
            // `bench | head`: the reader has all it wanted; like any Unix filter, stop quietly.
            exit(0)
        } catch let error as UsageError {
            report("error: \(error.description)")
            exit(2)
        } catch {
            let code = root.exitCode(for: error)
            if code == .success {
                print(root.fullMessage(for: error))
                exit(0)
            }
            if code == .validationFailure {
                // Parse errors and ValidationError: usage mistakes, exit 2 (not ArgumentParser's 64).
                report(root.fullMessage(for: error))
                exit(2)
            }
            report("internal error: \(error)\nThis is a bug in MeshBench; please report it with the command line.")
            exit(3)
        }
    }

    static func report(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

/// Bad input or usage found while running (a file that cannot be written, an unknown name):
/// the message says what and how to fix it; exit code 2.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
