import JSON

/// A top-level value captured from a record line.
enum ScannedValue {
    case string(String)
    case number(Double)
    case numbers([Double])
    /// Valid JSON of another shape (object, bool, null, mixed array); the record decoder says
    /// which type was expected.
    case other
}

/// Reads one line of a samples file, which must hold exactly one JSON object: `JSONScanner`
/// validates all of it and the top-level members in `capturedKeys` are kept, number arrays
/// straight into `[Double]` (a `samples` line often holds 10,000 of them).
enum RecordLineScanner {
    /// Top-level keys captured; every other key is validated and skipped.
    static let capturedKeys: Set<String> = [
        "type", "schema", "scenario", "metric", "unit", "better", "sla_class",
        "values", "t", "hops", "node", "rep", "mesh_size",
        // Whole-number fields of the small records, range-checked before Foundation decodes them.
        "seed", "tier", "value", "attempt", "records",
    ]

    /// Whether the line holds only whitespace (such lines are skipped).
    static func isBlank(_ line: UnsafeRawBufferPointer) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// Scans one line; a `JSONError`'s offset is the 0-based byte column.
    static func scan(_ line: UnsafeRawBufferPointer) throws(JSONError) -> [String: ScannedValue] {
        var scanner = JSONScanner(line.assumingMemoryBound(to: UInt8.self))
        guard scanner.peek() == UInt8(ascii: "{") else {
            throw JSONError(
                field: "", offset: scanner.position,
                problem: .syntax(expected: "`{` at the start of a record", found: scanner.found))
        }
        try scanner.beginObject("")
        var captured: [String: ScannedValue] = [:]
        var first = true
        while let key = try scanner.nextObjectKey(first: &first, "") {
            if capturedKeys.contains(key) {
                captured[key] = try capture(&scanner, key)
            } else {
                try scanner.skipValue(key)
            }
        }
        try scanner.finish("")
        return captured
    }

    private static func capture(_ scanner: inout JSONScanner, _ key: String) throws(JSONError) -> ScannedValue {
        switch scanner.peek() ?? 0 {
        case UInt8(ascii: "\""):
            return .string(try scanner.readString(key))
        case UInt8(ascii: "["):
            let start = scanner.position
            do {
                return .numbers(try scanner.readDoubleArray(key))
            } catch  where error.problem == .wrongType(expected: "a number") {
                scanner = JSONScanner(scanner.input, position: start)
                try scanner.skipValue(key)
                return .other
            }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "N"), UInt8(ascii: "I"):
            return .number(try scanner.readDouble(key))
        default:
            try scanner.skipValue(key)
            return .other
        }
    }
}

extension JSONError {
    /// A non-finite number, which a samples reader reports as such rather than as broken JSON.
    var isNonFinite: Bool {
        switch problem {
        case .nonFiniteLiteral, .numberOutOfRange: true
        default: false
        }
    }
}
