import JSON

/// Parses the JSON payload of a BTP-NIPs packet member by member, keeping the Nostr message as a
/// byte span of the input instead of decoding it.
struct BTPNIPsPayload {
    var payment: BTPNIPsPayment
    var nostr: Range<Int>
    var metadata: BTPNIPsMetadata

    /// Parses from the scanner's position to the end of its input.
    static func parse(_ json: inout JSONScanner) throws(BTPNIPsError) -> BTPNIPsPayload {
        let objectStart = json.position
        var payment: BTPNIPsPayment?
        var nostr: Range<Int>?
        var metadata: BTPNIPsMetadata?
        try forEachMember(&json, field: "payload") { (name: String, json: inout JSONScanner) throws(BTPNIPsError) in
            let memberOffset = json.position
            switch name {
            case "payment":
                guard payment == nil else { throw duplicate("payment", memberOffset) }
                payment = try parsePayment(&json)
            case "nostr":
                guard nostr == nil else { throw duplicate("nostr", memberOffset) }
                guard json.peek() == UInt8(ascii: "[") else {
                    throw BTPNIPsError(
                        field: "nostr", offset: json.position,
                        problem: .wrongType(expected: "a JSON array (a NIP-01 message)"))
                }
                nostr = try scan { () throws(JSONError) in try json.skipValue("nostr") }
            case "metadata":
                guard metadata == nil else { throw duplicate("metadata", memberOffset) }
                metadata = try parseMetadata(&json)
            default:
                try scan { () throws(JSONError) in try json.skipValue("payload.\(name)") }
            }
        }
        try scan { () throws(JSONError) in try json.finish("payload") }
        guard let payment else { throw missing("payment", objectStart) }
        guard let nostr else { throw missing("nostr", objectStart) }
        guard let metadata else { throw missing("metadata", objectStart) }
        return BTPNIPsPayload(payment: payment, nostr: nostr, metadata: metadata)
    }

    private static func parsePayment(_ json: inout JSONScanner) throws(BTPNIPsError) -> BTPNIPsPayment {
        let start = json.position
        var amount: String?, currency: String?, purpose: String?
        try forEachMember(&json, field: "payment") { (name: String, json: inout JSONScanner) throws(BTPNIPsError) in
            let valueOffset = json.position
            switch name {
            case "amount":
                guard amount == nil else { throw duplicate("payment.amount", valueOffset) }
                let text = try scan { () throws(JSONError) in try json.readString("payment.amount") }
                guard isCanonicalDecimal(text.utf8), UInt64(text) != nil else {
                    throw BTPNIPsError(field: "payment.amount", offset: valueOffset, problem: .invalidAmount(text))
                }
                amount = text
            case "currency":
                guard currency == nil else { throw duplicate("payment.currency", valueOffset) }
                currency = try scan { () throws(JSONError) in try json.readString("payment.currency") }
            case "purpose":
                guard purpose == nil else { throw duplicate("payment.purpose", valueOffset) }
                purpose = try scan { () throws(JSONError) in try json.readString("payment.purpose") }
            default:
                try scan { () throws(JSONError) in try json.skipValue("payment.\(name)") }
            }
        }
        guard let amount else { throw missing("payment.amount", start) }
        guard let currency else { throw missing("payment.currency", start) }
        guard let purpose else { throw missing("payment.purpose", start) }
        return BTPNIPsPayment(amount: amount, currency: currency, purpose: purpose)
    }

    private static func parseMetadata(_ json: inout JSONScanner) throws(BTPNIPsError) -> BTPNIPsMetadata {
        let start = json.position
        var timestamp: Int64?, sender: String?, ttl: Int?
        try forEachMember(&json, field: "metadata") { (name: String, json: inout JSONScanner) throws(BTPNIPsError) in
            let valueOffset = json.position
            switch name {
            case "timestamp":
                guard timestamp == nil else { throw duplicate("metadata.timestamp", valueOffset) }
                let value = try scan { () throws(JSONError) in try json.readInt64("metadata.timestamp") }
                guard value >= 0 else {
                    throw BTPNIPsError(
                        field: "metadata.timestamp", offset: valueOffset, problem: .invalidInteger("must be ≥ 0"))
                }
                timestamp = value
            case "sender":
                guard sender == nil else { throw duplicate("metadata.sender", valueOffset) }
                sender = try scan { () throws(JSONError) in try json.readString("metadata.sender") }
            case "ttl":
                guard ttl == nil else { throw duplicate("metadata.ttl", valueOffset) }
                let value = try scan { () throws(JSONError) in try json.readInt64("metadata.ttl") }
                guard value >= 0, value <= Int64(Int32.max) else {
                    throw BTPNIPsError(
                        field: "metadata.ttl", offset: valueOffset, problem: .invalidInteger("must be 0 to 2147483647"))
                }
                ttl = Int(value)
            default:
                try scan { () throws(JSONError) in try json.skipValue("metadata.\(name)") }
            }
        }
        guard let timestamp else { throw missing("metadata.timestamp", start) }
        guard let sender else { throw missing("metadata.sender", start) }
        guard let ttl else { throw missing("metadata.ttl", start) }
        return BTPNIPsMetadata(timestamp: timestamp, sender: sender, ttl: ttl)
    }

    /// Walks `{ "name": value, ... }`, handing each member name to `body` (positioned at the
    /// value, which `body` must consume).
    private static func forEachMember(
        _ json: inout JSONScanner, field: String,
        _ body: (String, inout JSONScanner) throws(BTPNIPsError) -> Void
    ) throws(BTPNIPsError) {
        try scan { () throws(JSONError) in try json.beginObject(field) }
        var first = true
        while let name = try scan({ () throws(JSONError) in try json.nextObjectKey(first: &first, field) }) {
            try body(name, &json)
        }
    }

    private static func duplicate(_ field: String, _ offset: Int) -> BTPNIPsError {
        BTPNIPsError(field: field, offset: offset, problem: .duplicateField)
    }

    private static func missing(_ field: String, _ offset: Int) -> BTPNIPsError {
        BTPNIPsError(field: field, offset: offset, problem: .missingField)
    }
}
