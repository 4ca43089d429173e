/// Brendan Gregg's folded stack format, one stack per line: frames joined by ";", a space,
/// then a sample count ("main;run;verify 123").
public struct FoldedStack: Hashable, Sendable {
    public var frames: [String]
    public var count: Int
    public init(frames: [String], count: Int) { self.frames = frames; self.count = count }

    /// Parses folded text; blank lines are skipped, anything else malformed is refused with its
    /// line number, and so is a stack deeper than `maxFrames` (drawing recurses once per frame)
    /// or counts whose total does not fit in an `Int`.
    public static func parse(_ text: String, maxFrames: Int = .max) throws(FoldedStackError) -> [FoldedStack] {
        var stacks: [FoldedStack] = []
        var total = 0
        // "\r\n" is one Character in Swift, so both line endings are separators.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (offset, line) in lines.enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            guard let space = line.lastIndex(of: " ") else { throw .missingCount(line: offset + 1) }
            let countText = line[line.index(after: space)...]
            guard let count = Int(countText), count >= 0 else {
                throw .badCount(line: offset + 1, text: String(countText.prefix(40)))
            }
            let (sum, overflow) = total.addingReportingOverflow(count)
            guard !overflow else { throw .totalOverflow(line: offset + 1) }
            total = sum
            let frameText = line[..<space]
            guard frameText.utf8.lazy.filter({ $0 == UInt8(ascii: ";") }).count < maxFrames else {
                throw .tooDeep(line: offset + 1, limit: maxFrames)
            }
            let frames = frameText.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            guard !frames.isEmpty, !frames.contains(where: \.isEmpty) else { throw .emptyFrame(line: offset + 1) }
            stacks.append(FoldedStack(frames: frames, count: count))
        }
        return stacks
    }
}

public enum FoldedStackError: Error, CustomStringConvertible, Equatable {
    case missingCount(line: Int)
    case badCount(line: Int, text: String)
    case emptyFrame(line: Int)
    /// The counts up to this line add up to more than `Int.max`.
    case totalOverflow(line: Int)
    case tooDeep(line: Int, limit: Int)

    public var description: String {
        switch self {
        case let .missingCount(line):
            return "folded stacks line \(line): no sample count; expected \"frame;frame;frame <count>\""
        case let .badCount(line, text):
            return "folded stacks line \(line): \"\(text)\" is not a non-negative whole sample count"
        case let .emptyFrame(line):
            return "folded stacks line \(line): an empty frame name (\";;\" or a leading/trailing \";\"); remove it"
        case let .totalOverflow(line):
            return "folded stacks line \(line): the sample counts add up to more than \(Int.max)"
        case let .tooDeep(line, limit):
            return "folded stacks line \(line): more than \(limit) frames in one stack"
        }
    }
}

/// Folded stacks merged into a tree: each node's count includes its children's. A node's count
/// is at most the stacks' total, which `FoldedStack.parse` refuses once it leaves Int.
struct FlameNode {
    var name: String
    var count = 0
    var children: [String: FlameNode] = [:]

    init(name: String) { self.name = name }

    init(stacks: [FoldedStack], rootName: String) {
        self.init(name: rootName)
        for stack in stacks where stack.count > 0 { add(stack.frames[...], count: stack.count) }
    }

    private mutating func add(_ frames: ArraySlice<String>, count: Int) {
        self.count += count
        guard let first = frames.first else { return }
        children[first, default: FlameNode(name: first)].add(frames.dropFirst(), count: count)
    }

    var depth: Int { 1 + (children.values.map(\.depth).max() ?? 0) }

    /// Children sorted by name, as flamegraph.pl does, so equal inputs draw equal pictures.
    var sortedChildren: [FlameNode] { children.values.sorted { $0.name < $1.name } }
}
