import JSON

extension NostrFilter {
    /// Compact JSON in a fixed member order (`ids, authors, kinds, #a…#Z, since, until, limit`), so the
    /// same filter always serializes to the same bytes.
    public func jsonBytes() -> [UInt8] {
        var writer = JSONWriter()
        writer.appendFilter(self)
        return writer.bytes
    }

    /// Decodes one filter object and checks NIP-01's value rules.
    public init(json: [UInt8]) throws(NostrDecodingError) {
        self = try JSONScanner.scan(json) { (scanner) throws(NostrDecodingError) in
            let filter = try NostrFilter.read(from: &scanner, "filter")
            try scan { () throws(JSONError) in try scanner.finish("filter") }
            return filter
        }
    }

    /// Reads a filter object at the scanner's position. Unknown members are refused: ignoring one
    /// would make the subscription match more than the client asked for.
    static func read(
        from scanner: inout JSONScanner, _ field: @autoclosure () -> String
    ) throws(NostrDecodingError) -> NostrFilter {
        try scan { () throws(JSONError) in try scanner.beginObject(field()) }
        var filter = NostrFilter()
        var seen: Set<String> = []
        var first = true
        while let key = try scan({ () throws(JSONError) in try scanner.nextObjectKey(first: &first, field()) }) {
            let offset = scanner.position
            guard seen.insert(key).inserted else { throw .duplicateField(field: key, object: field(), offset: offset) }
            switch key {
            case "ids": filter.ids = try scan { () throws(JSONError) in try scanner.readStringArray("\(field()).ids") }
            case "authors":
                filter.authors = try scan { () throws(JSONError) in try scanner.readStringArray("\(field()).authors") }
            case "kinds":
                filter.kinds = try scan { () throws(JSONError) in try readIntArray(from: &scanner, "\(field()).kinds") }
            case "since": filter.since = try scan { () throws(JSONError) in try scanner.readInt64("\(field()).since") }
            case "until": filter.until = try scan { () throws(JSONError) in try scanner.readInt64("\(field()).until") }
            case "limit":
                filter.limit = Int(try scan { () throws(JSONError) in try scanner.readInt64("\(field()).limit") })
            default:
                guard let letter = tagLetter(ofMemberName: key) else {
                    throw .unknownField(field: key, object: field(), offset: offset)
                }
                filter.tags[letter] = try scan { () throws(JSONError) in
                    try scanner.readStringArray("\(field()).\(key)")
                }
            }
        }
        try filter.validate(path: field())
        return filter
    }

    private static func readIntArray(
        from scanner: inout JSONScanner, _ field: @autoclosure () -> String
    ) throws(JSONError) -> [Int] {
        try scanner.beginArray(field())
        var values: [Int] = []
        var first = true
        while try scanner.nextArrayElement(first: &first, field()) {
            values.append(Int(try scanner.readInt64("\(field())[\(values.count)]")))
        }
        return values
    }
}

extension JSONWriter {
    mutating func appendFilter(_ filter: NostrFilter) {
        var first = true
        func member(_ name: String, _ writer: inout JSONWriter) {
            writer.append(byte: first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            first = false
            writer.append(string: name)
            writer.append(byte: UInt8(ascii: ":"))
        }
        if let ids = filter.ids { member("ids", &self); append(strings: ids) }
        if let authors = filter.authors { member("authors", &self); append(strings: authors) }
        if let kinds = filter.kinds {
            member("kinds", &self)
            append(byte: UInt8(ascii: "["))
            for (index, kind) in kinds.enumerated() {
                if index > 0 { append(byte: UInt8(ascii: ",")) }
                append(integer: kind)
            }
            append(byte: UInt8(ascii: "]"))
        }
        for letter in filter.tags.keys.sorted() {
            member("#" + letter, &self)
            append(strings: filter.tags[letter]!)
        }
        if let since = filter.since { member("since", &self); append(integer: since) }
        if let until = filter.until { member("until", &self); append(integer: until) }
        if let limit = filter.limit { member("limit", &self); append(integer: limit) }
        if first { append(byte: UInt8(ascii: "{")) }
        append(byte: UInt8(ascii: "}"))
    }
}
