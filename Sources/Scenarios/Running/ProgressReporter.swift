import Foundation

/// Progress on standard error: a redrawn bar when standard error is a terminal, plain lines
/// otherwise (CI logs), nothing with `--quiet`. Standard output carries only data.
public final class ProgressReporter: Sendable {
    public enum Style: Sendable { case bar, lines, silent }
    private let style: Style
    private let useColor: Bool
    private let started = Date()

    public init(quiet: Bool) {
        let terminal = isatty(STDERR_FILENO) == 1
        style = quiet ? .silent : (terminal ? .bar : .lines)
        useColor = terminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    func begin(scenario: String, index: Int, of total: Int) {
        switch style {
        case .silent: return
        case .lines: emit("[\(index + 1)/\(total)] \(scenario)\n")
        case .bar:
            let width = 24
            let filled = total == 0 ? 0 : width * index / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            emit("\r\u{1B}[2K\(bar) \(index + 1)/\(total) \(scenario)")
        }
    }

    func end(scenario: String, passed: Bool) {
        guard style != .silent else { return }
        let mark = passed ? paint("pass", code: 32) : paint("FAIL", code: 31)
        let elapsed = String(format: "%.1fs", Date().timeIntervalSince(started))
        emit((style == .bar ? "\r\u{1B}[2K" : "") + "\(mark) \(scenario) (\(elapsed) since start)\n")
    }

    /// A message that must be seen (a failure, a retry); shown unless `--quiet`.
    public func note(_ message: String) {
        guard style != .silent else { return }
        emit((style == .bar ? "\r\u{1B}[2K" : "") + message + "\n")
    }

    private func paint(_ text: String, code: Int) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The throwing write: a closed standard error drops the text (FileHandle's plain `write` traps).
    private func emit(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }
}
