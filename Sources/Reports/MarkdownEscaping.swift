/// Escapes untrusted strings (scenario names, metric names, messages, branch names, host names)
/// before they reach a Markdown document that GitHub renders as GitHub-flavoured Markdown with
/// inline HTML.
///
/// Mustache's HTML escaping is not enough: a `|` splits a table cell, a backtick opens a code
/// span, `[x](y)` makes a link, a newline ends a table row, `@name` pings a person. Every view
/// model field that carries text from a results file goes through here; the templates then print
/// it verbatim (they are rendered with the TEXT content type, see `TemplateSet`).
public enum MarkdownEscaping {
    /// Text for a table cell, heading, list item or paragraph: one line, no markup, no link
    /// (GFM's autolinks are defeated too: see `defeatingAutolinks`), no invisible direction or
    /// zero-width controls that could make the text read differently from what it is.
    public static func text(_ raw: String) -> String {
        defeatingAutolinks(escaped(raw))
    }

    private static func escaped(_ raw: String) -> String {
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
            if invisibleControls.contains(where: { $0.contains(scalar.value) }) {
                out.append("\u{FFFD}")  // shown, so a reader sees that something was there
                continue
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

    /// Bidirectional overrides, embeddings and isolates (the "Trojan Source" controls), the
    /// Arabic letter mark, zero-width spaces and joiners, word joiners, invisible operators and
    /// the byte-order mark.
    private static let invisibleControls: [ClosedRange<UInt32>] = [
        0x061C...0x061C, 0x180E...0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069,
        0xFEFF...0xFEFF,
    ]

    /// GFM's autolink extension turns `http://…`, `https://…`, `ftp://…`, `www.…` and e-mail
    /// addresses in plain text into links. It matches the source text, so a backslash-escaped
    /// `/` after the scheme's colon and an escaped `.` after `www` stop it, and render the same
    /// characters. `@` is already an entity (`&#64;`), which the e-mail rule does not match.
    static func defeatingAutolinks(_ text: String) -> String {
        guard text.contains("://") || text.range(of: "www.", options: .caseInsensitive) != nil else { return text }
        return text.replacingOccurrences(of: "://", with: ":\\/\\/")
            .replacingOccurrences(of: "(?i)(www)\\.", with: "$1\\\\.", options: .regularExpression)
    }

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
