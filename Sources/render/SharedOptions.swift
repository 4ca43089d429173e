import ArgumentParser
import Foundation
import Reports

/// `--templates DIR`, shared by every subcommand that writes Markdown.
struct TemplateOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Folder of *.mustache files that replace the default templates of the same name.", valueName: "DIR"))
    var templates: String?

    var directory: URL? { templates.map { URL(fileURLWithPath: $0, isDirectory: true) } }
}

/// `--scale` and `--quiet`, shared by every subcommand that draws.
struct DrawingOptions: ParsableArguments {
    @Option(name: .long, help: "Pixel density of the PNGs (2 for HiDPI screens).")
    var scale: Double = 1

    @Flag(name: .long, help: "Print nothing on success.")
    var quiet = false

    func validate() throws {
        guard scale.isFinite, scale >= 0.5, scale <= 4 else {
            throw ValidationError("--scale must be between 0.5 and 4 (got \(scale))")
        }
    }

    var progress: Progress { Progress(quiet: quiet) }

    /// Says which charts were left out and why, after `command` ("render", "render trends").
    func sayMissing(_ charts: [ChartOutcome], command: String) {
        for chart in charts where !chart.isDrawn {
            progress.say("\(command): no \(chart.file): \(chart.missingReason ?? "")")
        }
    }
}

/// A repository file used when it exists unless the user names another: `--thresholds` and
/// `--baseline` default to the committed `.benchmarks/` files, and a path the user gives must exist.
enum DefaultFile {
    static func resolve(_ given: String?, default path: String) -> String? {
        if let given { return given }
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
