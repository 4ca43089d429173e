/// Escapes untrusted strings (scenario names, metric names, messages, branch names, host names)
/// before they reach a Markdown document that GitHub renders as GitHub-flavoured Markdown with
/// inline HTML.
///
/// Mustache's HTML escaping is not enough: a `|` splits a table cell, a backtick opens a code
/// span, `[x](y)` makes a link, a newline ends a table row, `@name` pings a person. Every view
/// model field that carries text from a results file goes through here; the templates then print
/// it verbatim (they are rendered with the TEXT content type, see `TemplateSet`).
public enum MarkdownEscaping {
    /// Text for a table cell, heading, list item or paragraph: one line, no markup.
    public static func text(_ raw: String) -> String {
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        var lastWasSpace = false
        for scalar in raw.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                // A line break would end a table row or a list item: fold it into one space.
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                continue  // other control characters have no business in a report
            }
            if let replacement = replacements[scalar] {
                out.append(replacement)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text for image alt text or a link label: `text` plus nothing else needed, since brackets
    /// are already escaped; kept as its own name so call sites say what they produce.
    public static func altText(_ raw: String) -> String { text(raw) }

    /// Characters with a meaning in GFM tables, inline Markdown or HTML, and what replaces them.
    /// HTML-significant characters become entities (GitHub decodes them); Markdown punctuation
    /// gets a backslash (CommonMark's escape for ASCII punctuation, which also works in cells).
    private static let replacements: [Unicode.Scalar: String] = [
        "&": "&amp;", "<": "&lt;", ">": "&gt;",
        "|": "\\|", "`": "\\`", "\\": "\\\\", "*": "\\*", "_": "\\_", "~": "\\~",
        "[": "\\[", "]": "\\]", "#": "\\#",
        // `@name` would notify a user or team on GitHub; the entity shows "@" without pinging.
        "@": "&#64;",
    ]
}
