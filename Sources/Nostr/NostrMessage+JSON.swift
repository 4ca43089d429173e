import JSON

extension NostrMessage {
    /// Compact JSON array, e.g. `["OK","b1a6…",true,""]`.
    public func jsonBytes() -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 512)
        writer.append(byte: UInt8(ascii: "["))
        writer.append(string: name)
        func comma() { writer.append(byte: UInt8(ascii: ",")) }
        switch self {
        case let .event(event), let .authResponse(event):
            comma(); writer.appendEvent(event)
        case let .subscriptionEvent(subscriptionID, event):
            comma(); writer.append(string: subscriptionID)
            comma(); writer.appendEvent(event)
        case let .request(subscriptionID, filters):
            comma(); writer.append(string: subscriptionID)
            for filter in filters { comma(); writer.appendFilter(filter) }
        case let .close(subscriptionID), let .endOfStoredEvents(subscriptionID):
            comma(); writer.append(string: subscriptionID)
        case let .closed(subscriptionID, message):
            comma(); writer.append(string: subscriptionID)
            comma(); writer.append(string: message)
        case let .notice(message), let .authChallenge(message):
            comma(); writer.append(string: message)
        case let .ok(eventID, accepted, message):
            comma(); writer.append(string: eventID)
            comma(); writer.append(bool: accepted)
            comma(); writer.append(string: message)
        }
        writer.append(byte: UInt8(ascii: "]"))
        return writer.bytes
    }

    /// Decodes one message. The shape is checked element by element, so an error names the message,
    /// the element and what was expected there.
    public init(json: [UInt8]) throws(NostrDecodingError) {
        self = try JSONScanner.scan(json) { (scanner) throws(NostrDecodingError) in
            let message = try NostrMessage.read(from: &scanner)
            try scan { () throws(JSONError) in try scanner.finish("message") }
            return message
        }
    }

    private static func read(from scanner: inout JSONScanner) throws(NostrDecodingError) -> NostrMessage {
        try scan { () throws(JSONError) in try scanner.beginArray("message") }
        var reader = ElementReader()
        guard try reader.next(&scanner) else { throw .unknownMessageType("(empty array)") }
        let name = try scan { () throws(JSONError) in try scanner.readString("message[0]") }
        let message: NostrMessage
        switch name {
        case "EVENT":
            try reader.require(&scanner, name, expected: "2 (client) or 3 (relay)")
            if scanner.peek() == UInt8(ascii: "{") {
                message = .event(try NostrEvent.read(from: &scanner, "EVENT[1]"))
            } else {
                let subscriptionID = try readSubscriptionID(&scanner, "EVENT[1]")
                try reader.require(&scanner, name, expected: "3")
                message = .subscriptionEvent(
                    subscriptionID: subscriptionID, event: try NostrEvent.read(from: &scanner, "EVENT[2]"))
            }
        case "REQ":
            try reader.require(&scanner, name, expected: "at least 3")
            let subscriptionID = try readSubscriptionID(&scanner, "REQ[1]")
            var filters: [NostrFilter] = []
            while try reader.next(&scanner) {
                filters.append(try NostrFilter.read(from: &scanner, "REQ[\(reader.count - 1)]"))
            }
            guard !filters.isEmpty else {
                throw .wrongArity(message: name, expected: "at least 3 (a REQ needs a filter)", found: reader.count)
            }
            return .request(subscriptionID: subscriptionID, filters: filters)
        case "CLOSE":
            try reader.require(&scanner, name, expected: "2")
            message = .close(subscriptionID: try readSubscriptionID(&scanner, "CLOSE[1]"))
        case "CLOSED":
            try reader.require(&scanner, name, expected: "3")
            let subscriptionID = try readSubscriptionID(&scanner, "CLOSED[1]")
            try reader.require(&scanner, name, expected: "3")
            message = .closed(
                subscriptionID: subscriptionID,
                message: try scan { () throws(JSONError) in try scanner.readString("CLOSED[2]") })
        case "NOTICE":
            try reader.require(&scanner, name, expected: "2")
            message = .notice(try scan { () throws(JSONError) in try scanner.readString("NOTICE[1]") })
        case "EOSE":
            try reader.require(&scanner, name, expected: "2")
            message = .endOfStoredEvents(subscriptionID: try readSubscriptionID(&scanner, "EOSE[1]"))
        case "OK":
            try reader.require(&scanner, name, expected: "4")
            let eventID = try scan { () throws(JSONError) in try scanner.readString("OK[1]") }
            guard Hex.isLowercase(eventID, byteCount: 32) else {
                throw .invalidValue(
                    field: "OK[1]", reason: "event id \"\(eventID.prefix(80))\" is not 64 lowercase hex characters")
            }
            try reader.require(&scanner, name, expected: "4")
            let accepted = try scan { () throws(JSONError) in try scanner.readBool("OK[2]") }
            try reader.require(&scanner, name, expected: "4")
            message = .ok(
                eventID: eventID, accepted: accepted,
                message: try scan { () throws(JSONError) in try scanner.readString("OK[3]") })
        case "AUTH":
            try reader.require(&scanner, name, expected: "2")
            if scanner.peek() == UInt8(ascii: "{") {
                message = .authResponse(try NostrEvent.read(from: &scanner, "AUTH[1]"))
            } else {
                message = .authChallenge(
                    try scan { () throws(JSONError) in
                        try scanner.readString("AUTH[1] (challenge string or event object)")
                    })
            }
        default:
            throw .unknownMessageType("\"\(name.prefix(40))\"")
        }
        try reader.requireEnd(&scanner, name)
        return message
    }

    private static func readSubscriptionID(
        _ scanner: inout JSONScanner, _ field: String
    ) throws(NostrDecodingError) -> String {
        let subscriptionID = try scan { () throws(JSONError) in try scanner.readString(field) }
        guard !subscriptionID.isEmpty, subscriptionID.count <= maximumSubscriptionIDLength else {
            throw .invalidValue(
                field: field,
                reason:
                    "subscription id has \(subscriptionID.count) characters; NIP-01 allows 1 to \(maximumSubscriptionIDLength)"
            )
        }
        return subscriptionID
    }

    /// Walks the elements of the message array and counts them for arity errors.
    private struct ElementReader {
        private var first = true
        private(set) var count = 0

        /// True when another element follows (and is now at the scanner's position).
        mutating func next(_ scanner: inout JSONScanner) throws(NostrDecodingError) -> Bool {
            guard try scan({ () throws(JSONError) in try scanner.nextArrayElement(first: &first, "message") }) else {
                return false
            }
            count += 1
            return true
        }

        /// Requires another element; otherwise the message is too short.
        mutating func require(_ scanner: inout JSONScanner, _ name: String, expected: String) throws(NostrDecodingError)
        {
            guard try next(&scanner) else { throw .wrongArity(message: name, expected: expected, found: count) }
        }

        /// Requires the closing bracket; otherwise skips and counts the surplus elements for the error.
        mutating func requireEnd(_ scanner: inout JSONScanner, _ name: String) throws(NostrDecodingError) {
            let expected = count
            while try next(&scanner) {
                try scan { () throws(JSONError) in try scanner.skipValue("\(name)[\(count - 1)]") }
            }
            guard count == expected else { throw .wrongArity(message: name, expected: "\(expected)", found: count) }
        }
    }
}
