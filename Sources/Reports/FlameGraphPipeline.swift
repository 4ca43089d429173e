import BenchFormats
import Charts
import Foundation

/// `render flamegraph FOLDED --out PNG`: folded stacks ("a;b;c 123" per line, as stackcollapse
/// writes them) → a flame graph PNG. A malformed line stops it with exit 2 naming the line,
/// and the output folder is proved writable before anything is drawn.
public struct FlameGraphPipeline {
    public struct Options: Sendable {
        public var inputPath: String
        public var outputPath: String
        public var title: String?
        public var scale: Double

        public init(
            inputPath: String, outputPath: String = "artifacts/flamegraph.png", title: String? = nil, scale: Double = 1
        ) {
            self.inputPath = inputPath
            self.outputPath = outputPath
            self.title = title
            self.scale = scale
        }
    }

    /// Wide enough for frame names; rows are 18 points, so the height follows the deepest stack.
    static let width = 1200
    static let rowHeight = 18
    static let maxHeight = 4000

    public let options: Options

    public init(options: Options) { self.options = options }

    /// Returns the path written.
    public func run() throws(ReportError) -> String {
        let name = options.inputPath == "-" ? "standard input" : options.inputPath
        let stacks = try Self.parse(try Self.read(options.inputPath), name: name)
        let output = URL(fileURLWithPath: options.outputPath)
        let folder = try OutputFolder(path: output.deletingLastPathComponent().path)
        let samples = stacks.reduce(0) { $0 + $1.count }
        let depth = (stacks.map(\.frames.count).max() ?? 0) + 1
        let chart = FlameGraphChart(
            title: options.title ?? "Flame graph",
            subtitle:
                "\(ValueText().count(samples)) samples in \(ValueText().count(stacks.count)) stacks from \(name); width is the share of samples, colour only tells frames apart",
            stacks: stacks, orientation: .flame)
        let height = min(Self.maxHeight, max(220, 130 + Self.rowHeight * depth))
        let page = ChartPage(
            width: Self.width, height: height, scale: options.scale, sourceLine: "folded stacks: \(name)")
        try ChartSet.write(page, chart, name: output.lastPathComponent, folder: folder)
        try folder.commit()
        return output.path
    }

    /// The folded text, at most `InputCap.documentMegabytes` of it.
    static func read(_ path: String) throws(ReportError) -> String {
        let name = path == "-" ? "standard input" : path
        if path == "-" {
            try StandardInput.refuseTerminal(what: "folded stacks")
        } else if !FileManager.default.fileExists(atPath: path) {
            throw .inputUnreadable(path: path, reason: "no such file")
        }
        let bytes: [UInt8]
        do {
            bytes = try DocumentFile.readBytes(path)
        } catch {
            switch error {
            case .tooLarge: throw .inputInvalid(path: name, reason: "\(error)")
            default: throw .inputUnreadable(path: path, reason: "\(error)")
            }
        }
        guard let text = String(data: Data(bytes), encoding: .utf8) else {
            throw .inputInvalid(path: name, reason: "folded stacks must be UTF-8 text")
        }
        return text
    }

    static func parse(_ text: String, name: String) throws(ReportError) -> [FoldedStack] {
        let stacks: [FoldedStack]
        do {
            stacks = try FoldedStack.parse(text, maxFrames: InputCap.stackFrames.value)
        } catch {
            switch error {
            case .missingCount(let line):
                throw .foldedStacksInvalid(path: name, line: line, reason: "no sample count after the last space")
            case .badCount(let line, let count):
                throw .foldedStacksInvalid(
                    path: name, line: line, reason: "\"\(count)\" is not a whole number of samples")
            case .emptyFrame(let line):
                throw .foldedStacksInvalid(
                    path: name, line: line, reason: "an empty frame name (\";;\" or a leading or trailing \";\")")
            case .totalOverflow(let line):
                throw .foldedStacksInvalid(
                    path: name, line: line, reason: "the sample counts add up to more than \(Int.max); scale them down")
            case .tooDeep(let line, _):
                throw .foldedStacksInvalid(path: name, line: line, reason: InputCap.stackFrames.refusal)
            }
        }
        guard stacks.contains(where: { $0.count > 0 }) else {
            throw .inputInvalid(
                path: name, reason: "no stack has a sample: nothing to draw; check that the profiler ran")
        }
        return stacks
    }
}
