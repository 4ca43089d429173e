import Foundation

/// `render` reads standard input when no file is named (`bench | analyze | render`). Typed at a
/// terminal without a pipe, that read waits for an end-of-file nobody sends, which looks like a
/// hang; refusing at once with what to do instead is kinder.
enum StandardInput {
    static func refuseTerminal(what: String) throws(ReportError) {
        guard isatty(STDIN_FILENO) != 0 else { return }
        throw .inputUnreadable(
            path: "standard input",
            reason: "it is a terminal, not a pipe: pipe the \(what) into render or name a file")
    }
}
