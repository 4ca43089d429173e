import Foundation

/// The measured bottlenecks and ranked optimisation opportunities (docs/bottlenecks.md), written
/// by people from `bench trace` and `bench --profile`, included in the generated
/// performance-baseline.md so the baseline figures and what limits them are read together.
/// Its headings move one level down to nest under the baseline document's own.
public struct BottleneckNotes: Sendable {
    public let source: String
    public let markdown: String

    init(path: String) throws(ReportError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .inputUnreadable(
                path: path,
                reason: "bottleneck notes: \((error as NSError).localizedDescription); "
                    + "pass --bottlenecks with the measured notes (docs/bottlenecks.md) or --no-bottlenecks")
        }
        source = MarkdownEscaping.text(path)
        markdown = Self.nested(text)
    }

    /// `# Title` becomes `## Title` and so on, outside fenced code blocks.
    static func nested(_ text: String) -> String {
        var inFence = false
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("```") { inFence.toggle() }
            return !inFence && line.hasPrefix("#") ? "#" + line : String(line)
        }.joined(separator: "\n")
    }
}
