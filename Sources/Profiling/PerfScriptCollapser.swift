import Foundation

/// Converts the text `perf script` prints for a `perf record -g` profile into folded stacks.
///
/// Each sample is a header line starting in column 0 (`comm pid/tid [cpu] time: period event:`)
/// followed by indented frames, leaf first (`addr symbol+0xoff (dso)`), and a blank line. The
/// folded stack is the thread name, then the frames root first; offsets are dropped so samples in
/// one function merge, and unresolved frames are named after their binary (`[libc.so.6]`).
public struct PerfScriptCollapser {
    public struct Options: Sendable {
        /// Starts every stack with the thread name (e.g. `NIO-ELT-0-#1`), as stackcollapse-perf does.
        public var includeThreadName: Bool
        public var rename: @Sendable (String) -> String

        public init(
            includeThreadName: Bool = true,
            rename: @escaping @Sendable (String) -> String = { SwiftDemangler.shortName($0) }
        ) {
            self.includeThreadName = includeThreadName
            self.rename = rename
        }
    }

    public let options: Options
    private var profile = FoldedProfile()
    private var thread: String?
    private var leafFirst: [String] = []
    private var lineNumber = 0
    /// Demangling costs more than everything else per frame, and hot frames repeat in every sample.
    private var renamed: [Substring: String] = [:]

    public init(options: Options = Options()) { self.options = options }

    /// Converts a whole `perf script` output.
    public static func collapse(
        _ text: String, options: Options = Options()
    ) throws(ProfileConversionError) -> FoldedProfile {
        var collapser = PerfScriptCollapser(options: options)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) { try collapser.feed(line) }
        return collapser.finish()
    }

    /// Takes one line (without its newline), so a large profile streams through without being held.
    public mutating func feed(_ rawLine: Substring) throws(ProfileConversionError) {
        lineNumber += 1
        let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
        if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
            finishSample()
        } else if line.first == " " || line.first == "\t" {
            guard thread != nil else {
                throw .perfScript(line: lineNumber, problem: "a stack frame before any sample header")
            }
            leafFirst.append(frameName(line.trimmingLeadingSpaces()))
        } else if !line.hasPrefix("#") {
            finishSample()
            thread = try threadName(line, line: lineNumber)
        }
    }

    /// Ends the last sample and returns everything folded so far.
    public mutating func finish() -> FoldedProfile {
        finishSample()
        return profile
    }

    private mutating func finishSample() {
        defer { thread = nil; leafFirst = [] }
        guard let thread else { return }
        var stack = Array(leafFirst.reversed())
        if options.includeThreadName { stack.insert(thread, at: 0) }
        if stack.isEmpty { stack = ["[no stack]"] }
        profile.add(rootFirst: stack)
    }

    /// The command (thread) name: everything before the `pid` or `pid/tid` field. A name may hold
    /// spaces and digits ("Thread pool 1"), so the pid is found backwards from the timestamp
    /// (`12.345678:`), skipping an optional `[cpu]` field; without a timestamp, the first
    /// pid-like field after the first word is taken.
    func threadName(_ header: Substring, line: Int) throws(ProfileConversionError) -> String {
        let tokens = header.split(separator: " ", omittingEmptySubsequences: true)
        if let time = tokens.firstIndex(where: Self.isTimestamp) {
            var pid = time - 1
            if pid > 0, tokens[pid].hasPrefix("[") { pid -= 1 }
            if pid > 0, Self.isProcessField(tokens[pid]) { return tokens[..<pid].joined(separator: " ") }
        }
        for index in tokens.indices.dropFirst() where Self.isProcessField(tokens[index]) {
            return tokens[..<index].joined(separator: " ")
        }
        throw .perfScript(line: line, problem: "sample header without a pid or pid/tid field: \"\(header.prefix(60))\"")
    }

    static func isTimestamp(_ token: Substring) -> Bool {
        guard token.hasSuffix(":") else { return false }
        let parts = token.dropLast().split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    static func isProcessField(_ token: Substring) -> Bool {
        let parts = token.split(separator: "/", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// `55d1c2a3b4c5 symbol+0x25 (/path/bench)` → `symbol` (demangled); `[unknown] (/x/libc.so.6)` → `[libc.so.6]`.
    mutating func frameName(_ frame: Substring) -> String {
        guard let space = frame.firstIndex(of: " ") else {
            return "[unknown]"
        }
        var rest = frame[frame.index(after: space)...].trimmingLeadingSpaces()
        var binary: Substring = ""
        if rest.hasSuffix(")"), let open = rest.range(of: " (", options: .backwards) {
            binary = rest[open.upperBound..<rest.index(before: rest.endIndex)]
            rest = rest[..<open.lowerBound]
        } else if rest.hasPrefix("("), rest.hasSuffix(")") {
            binary = rest.dropFirst().dropLast()
            rest = ""
        }
        if let plus = rest.range(of: "+0x", options: .backwards), rest[plus.upperBound...].allSatisfy(\.isHexDigit) {
            rest = rest[..<plus.lowerBound]
        }
        if rest.isEmpty || rest == "[unknown]" {
            let file = binary.split(separator: "/").last.map(String.init) ?? ""
            return file.isEmpty || file == "[unknown]" ? "[unknown]" : "[\(file)]"
        }
        if let known = renamed[rest] { return known }
        let name = options.rename(String(rest))
        renamed[rest] = name
        return name
    }
}
