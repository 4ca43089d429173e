/// What happened to one chart of the set: drawn (with its alt text for the Markdown), or left
/// out with the reason, so a report never shows an empty chart or silently omits one.
public struct ChartOutcome: Sendable, Equatable {
    public let file: String
    public let title: String
    /// Unescaped; the view models escape it.
    public let alt: String
    /// `nil` when drawn; otherwise why there is no chart (which section had no data).
    public let missingReason: String?

    public static func drawn(_ file: String, title: String, alt: String) -> ChartOutcome {
        ChartOutcome(file: file, title: title, alt: alt, missingReason: nil)
    }

    public static func missing(_ file: String, title: String, reason: String) -> ChartOutcome {
        ChartOutcome(file: file, title: title, alt: "", missingReason: reason)
    }

    public var isDrawn: Bool { missingReason == nil }
}
