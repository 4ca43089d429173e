/// Checks the GitHub-flavoured Markdown tables of a document the way GitHub parses them: a
/// table is a header row, a delimiter row (`|---|:--:|`) and body rows; a row's cells are split
/// on pipes that are not backslash-escaped. Every row must have as many cells as the header,
/// or GitHub shifts or drops cells.
enum GFMTableChecker {
    /// Problems found, as "line N: ..." strings; empty when every table is well formed.
    static func problems(in markdown: String) -> [String] {
        let lines = markdown.components(separatedBy: "\n")
        var problems: [String] = []
        var index = 0
        while index + 1 < lines.count {
            guard lines[index].hasPrefix("|"), isDelimiterRow(lines[index + 1]) else { index += 1; continue }
            let columns = cells(lines[index]).count
            if cells(lines[index + 1]).count != columns {
                problems.append(
                    "line \(index + 2): delimiter row has \(cells(lines[index + 1]).count) cells, header \(columns)")
            }
            var row = index + 2
            while row < lines.count, lines[row].hasPrefix("|") {
                let count = cells(lines[row]).count
                if count != columns {
                    problems.append("line \(row + 1): \(count) cells, header has \(columns): \(lines[row])")
                }
                row += 1
            }
            index = row
        }
        return problems
    }

    static func tableCount(in markdown: String) -> Int {
        let lines = markdown.components(separatedBy: "\n")
        return zip(lines, lines.dropFirst()).filter { $0.0.hasPrefix("|") && isDelimiterRow($0.1) }.count
    }

    static func isDelimiterRow(_ line: String) -> Bool {
        line.hasPrefix("|") && line.allSatisfy { "|-: ".contains($0) } && line.contains("-")
    }

    /// Cells of a row: split on unescaped pipes, ignoring the leading and trailing one.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped { current.append(character); escaped = false; continue }
            if character == "\\" { escaped = true; current.append(character); continue }
            if character == "|" { cells.append(current); current = ""; continue }
            current.append(character)
        }
        cells.append(current)
        if line.hasPrefix("|") { cells.removeFirst() }
        if line.hasSuffix("|") && !line.hasSuffix("\\|") { cells.removeLast() }
        return cells
    }
}
