import JSON

extension NostrEvent {
    /// Compact wire JSON `{"id":…,"pubkey":…,"created_at":…,"kind":…,"tags":…,"content":…,"sig":…}`,
    /// valid RFC 8259 (control characters other than NIP-01's named ones become `\u00XX`).
    public func jsonBytes() -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 400 + content.utf8.count + tags.count * 80)
        writer.appendEvent(self)
        return writer.bytes
    }

    /// Decodes one event object; whitespace may surround it, nothing else may follow.
    public init(json: [UInt8]) throws(NostrDecodingError) {
        self = try JSONScanner.scan(json) { (scanner) throws(NostrDecodingError) in
            let event = try NostrEvent.read(from: &scanner, "event")
            try scan { () throws(JSONError) in try scanner.finish("event") }
            return event
        }
    }

    /// Reads an event object at the scanner's position. Unknown members are skipped (later NIPs may
    /// add some); missing, duplicated or mistyped members are refused.
    static func read(
        from scanner: inout JSONScanner, _ field: @autoclosure () -> String
    ) throws(NostrDecodingError) -> NostrEvent {
        try scan { () throws(JSONError) in try scanner.beginObject(field()) }
        var id: String?, pubkey: String?, createdAt: Int64?, kind: Int64?
        var tags: [[String]]?, content: String?, sig: String?
        var first = true
        while let key = try scan({ () throws(JSONError) in try scanner.nextObjectKey(first: &first, field()) }) {
            let keyOffset = scanner.position
            func duplicate() -> NostrDecodingError { .duplicateField(field: key, object: field(), offset: keyOffset) }
            switch key {
            case "id":
                guard id == nil else { throw duplicate() }
                id = try scan { () throws(JSONError) in try scanner.readString("\(field()).id") }
            case "pubkey":
                guard pubkey == nil else { throw duplicate() }
                pubkey = try scan { () throws(JSONError) in try scanner.readString("\(field()).pubkey") }
            case "created_at":
                guard createdAt == nil else { throw duplicate() }
                createdAt = try scan { () throws(JSONError) in try scanner.readInt64("\(field()).created_at") }
            case "kind":
                guard kind == nil else { throw duplicate() }
                kind = try scan { () throws(JSONError) in try scanner.readInt64("\(field()).kind") }
            case "tags":
                guard tags == nil else { throw duplicate() }
                tags = try scan { () throws(JSONError) in try readTags(from: &scanner, "\(field()).tags") }
            case "content":
                guard content == nil else { throw duplicate() }
                content = try scan { () throws(JSONError) in try scanner.readString("\(field()).content") }
            case "sig":
                guard sig == nil else { throw duplicate() }
                sig = try scan { () throws(JSONError) in try scanner.readString("\(field()).sig") }
            default:
                try scan { () throws(JSONError) in try scanner.skipValue("\(field()).\(key)") }
            }
        }
        func missing(_ name: String) -> NostrDecodingError { .missingField(field: name, object: field()) }
        guard let id else { throw missing("id") }
        guard let pubkey else { throw missing("pubkey") }
        guard let createdAt else { throw missing("created_at") }
        guard let kind else { throw missing("kind") }
        guard let tags else { throw missing("tags") }
        guard let content else { throw missing("content") }
        guard let sig else { throw missing("sig") }
        guard let kindValue = Int(exactly: kind), kindRange.contains(kindValue) else {
            throw .invalidValue(field: "\(field()).kind", reason: kindOutOfRangeReason(Int(truncatingIfNeeded: kind)))
        }
        return NostrEvent(
            id: id, pubkey: pubkey, createdAt: createdAt, kind: kindValue, tags: tags, content: content, sig: sig)
    }

    private static func readTags(
        from scanner: inout JSONScanner, _ field: @autoclosure () -> String
    ) throws(JSONError) -> [[String]] {
        try scanner.beginArray(field())
        var tags: [[String]] = []
        var first = true
        while try scanner.nextArrayElement(first: &first, field()) {
            tags.append(try scanner.readStringArray("\(field())[\(tags.count)]"))
        }
        return tags
    }
}

extension JSONWriter {
    mutating func appendEvent(_ event: NostrEvent) {
        append(ascii: "{\"id\":")
        append(string: event.id)
        append(ascii: ",\"pubkey\":")
        append(string: event.pubkey)
        append(ascii: ",\"created_at\":")
        append(integer: event.createdAt)
        append(ascii: ",\"kind\":")
        append(integer: event.kind)
        append(ascii: ",\"tags\":")
        appendArray(event.tags) { $0.append(strings: $1) }
        append(ascii: ",\"content\":")
        append(string: event.content)
        append(ascii: ",\"sig\":")
        append(string: event.sig)
        append(byte: UInt8(ascii: "}"))
    }
}
