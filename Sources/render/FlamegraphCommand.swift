import ArgumentParser
import Reports

/// `render flamegraph FOLDED --out PNG`: folded stacks → flame graph.
struct FlamegraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flamegraph",
        abstract: "Draw a flame graph PNG from folded stacks (one \"frame;frame;frame COUNT\" per line).")

    @Argument(help: "Folded stacks file (stackcollapse output), or - for standard input.")
    var input: String

    @Option(name: .long, help: ArgumentHelp("PNG to write (its folder is created if missing).", valueName: "PNG"))
    var out: String = "artifacts/flamegraph.png"

    @Option(name: .long, help: "Title drawn above the graph.")
    var title: String?

    @OptionGroup var drawing: DrawingOptions

    func run() throws {
        let path = try FlameGraphPipeline(
            options: .init(inputPath: input, outputPath: out, title: title, scale: drawing.scale)
        ).run()
        drawing.progress.say("render flamegraph: wrote \(path)")
    }
}
