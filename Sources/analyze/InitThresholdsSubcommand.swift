import Analysis
import ArgumentParser
import BenchFormats
import Foundation

/// `analyze init-thresholds [FILE]`: writes story 11.6's limits as a starting thresholds file.
struct InitThresholdsSubcommand: ParsableCommand, ExitCodeCommand {
    static let configuration = CommandConfiguration(
        commandName: "init-thresholds",
        abstract: "Write the story's default thresholds (SLAs, WARN/FAIL, noise, α) to a new file to commit.")

    @Argument(help: ArgumentHelp("Where to write it.", valueName: "FILE"))
    var path: String = ".benchmarks/thresholds.json"

    @Flag(name: .long, help: "Replace an existing file.")
    var force = false

    func execute() throws -> Int32 {
        if FileManager.default.fileExists(atPath: path) && !force {
            throw AnalysisError.usage("\(path) exists; pass --force to replace it (it is versioned config: review the diff)")
        }
        do {
            try DefaultThresholds.story11_6().write(to: path)
        } catch {
            throw AnalysisError.badInput(file: path, line: nil, problem: "cannot write (\(error))",
                                         fix: "create the folder first (mkdir -p \((path as NSString).deletingLastPathComponent))")
        }
        Console.error("analyze: wrote \(path)")
        return 0
    }
}
