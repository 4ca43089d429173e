/// One NIP-01 filter in the store's terms, turned into parameterised SQL (values are bound, never
/// spliced into the text).
struct StoreQuery: Equatable {
    var ids: [String]?
    var authors: [String]?
    var kinds: [Int]?
    /// Single-letter tag name → accepted values (`#e`, `#p`, …).
    var tags: [(name: String, values: [String])] = []
    var since: Int64?
    var until: Int64?
    var limit: Int?

    enum Argument: Equatable {
        case text(String)
        case integer(Int64)
    }

    static func == (l: StoreQuery, r: StoreQuery) -> Bool {
        l.ids == r.ids && l.authors == r.authors && l.kinds == r.kinds && l.since == r.since
            && l.until == r.until && l.limit == r.limit
            && l.tags.map(\.name) == r.tags.map(\.name) && l.tags.map(\.values) == r.tags.map(\.values)
    }

    /// `SELECT rowid, created_at, json …` with one `?` per bound argument.
    func sql() -> (String, [Argument]) {
        var conditions: [String] = []
        var arguments: [Argument] = []
        func list(_ column: String, _ values: [Argument]) {
            guard !values.isEmpty else { conditions.append("0"); return }
            conditions.append("\(column) IN (\(Array(repeating: "?", count: values.count).joined(separator: ",")))")
            arguments += values
        }
        if let ids { list("id", ids.map { .text($0) }) }
        if let authors { list("pubkey", authors.map { .text($0) }) }
        if let kinds { list("kind", kinds.map { .integer(Int64($0)) }) }
        for tag in tags {
            guard !tag.values.isEmpty else { conditions.append("0"); continue }
            let marks = Array(repeating: "?", count: tag.values.count).joined(separator: ",")
            conditions.append("rowid IN (SELECT event FROM tags WHERE name = ? AND value IN (\(marks)))")
            arguments.append(.text(tag.name))
            arguments += tag.values.map { .text($0) }
        }
        if let since { conditions.append("created_at >= ?"); arguments.append(.integer(since)) }
        if let until { conditions.append("created_at <= ?"); arguments.append(.integer(until)) }
        var sql = "SELECT rowid, created_at, json FROM events"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY created_at DESC, rowid DESC"
        if let limit { sql += " LIMIT ?"; arguments.append(.integer(Int64(max(0, limit)))) }
        return (sql, arguments)
    }
}
