import ArgumentParser
import CStandardStreams
import Foundation

/// The one `main` of MeshBench's three tools: parse, run, and map every way of ending onto
/// `ToolExit`. Usage mistakes exit 2 (not ArgumentParser's 64), errors the tool knows end as
/// its `classify` says, anything else is an internal error (3) that asks for a bug report.
public enum ToolMain {
    public static func run<Root: ParsableCommand>(
        _ root: Root.Type, name: String,
        classify: @Sendable (Error) -> ToolEnding? = { _ in nil }
    ) async -> Never {
        // A closed pipe is an EPIPE error each tool handles (a reader that has what it wanted:
        // exit 0 quietly), not a signal that kills it with status 141.
        signal(SIGPIPE, SIG_IGN)
        // Closed standard descriptors were reserved before main (CStandardStreams).
        _ = meshbench_reserved_standard_descriptors()
        let command: ParsableCommand
        do {
            command = try root.parseAsRoot()
        } catch {
            end(root, name: name, error: error, classify: classify)
        }
        do {
            if let status = command as? StatusCommand {
                exit(try await status.execute())
            }
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var plain = command
                try plain.run()
            }
            exit(ToolExit.success)
        } catch {
            end(root, name: name, error: error, classify: classify)
        }
    }

    private static func end<Root: ParsableCommand>(
        _ root: Root.Type, name: String, error: Error,
        classify: @Sendable (Error) -> ToolEnding?
    ) -> Never {
        if let code = error as? ExitCode { exit(code.rawValue) }
        if let output = error as? StandardOutputError {
            if !output.readerClosed { Console.error("\(name): \(output)") }
            exit(output.readerClosed ? ToolExit.success : ToolExit.badInput)
        }
        switch classify(error) {
        case let .report(message, code)?:
            Console.error("\(name): \(message)")
            exit(code)
        case let .quiet(code)?:
            exit(code)
        case nil:
            break
        }
        let code = root.exitCode(for: error)
        if code == .success {
            // --help, --version: ArgumentParser's text on standard output.
            do {
                try Console.output(root.fullMessage(for: error) + "\n")
            } catch {
                end(root, name: name, error: error, classify: classify)
            }
            exit(ToolExit.success)
        }
        if code == .validationFailure || error is ValidationError {
            Console.error(root.fullMessage(for: error))
            exit(ToolExit.badInput)
        }
        Console.error(
            "\(name): internal error: \(error). This is a bug in MeshBench: please report it with the command line")
        exit(ToolExit.internalError)
    }
}
