import Foundation

/// Where a record sits, for error messages.
struct RecordLocation {
    let file: String
    let line: Int
}

/// Turns one scanned line into a `SampleRecord`: `samples` and `series` (the large ones) are
/// built from the scanner's captures; the small records go through JSONDecoder.
enum RecordDecoder {
    static func decode(
        _ line: UnsafeRawBufferPointer, _ fields: [String: ScannedValue],
        at loc: RecordLocation
    ) throws(SamplesError) -> SampleRecord {
        guard case .string(let type)? = fields["type"] else {
            if case .string(let schema)? = fields["schema"], let hint = SchemaName.consumerHint(for: schema) {
                throw .wrongFileKind(file: loc.file, schema: schema, hint: hint)
            }
            throw .invalidRecord(
                file: loc.file, line: loc.line,
                detail: fields["type"] == nil
                    ? "no \"type\" key; every record is tagged with one of \(kinds)"
                    : "\"type\" must be a string, one of \(kinds)")
        }
        guard let kind = SampleRecord.Kind(rawValue: type) else {
            throw .invalidRecord(
                file: loc.file, line: loc.line, detail: "unknown record type \"\(type)\"; expected one of \(kinds)")
        }
        let f = Fields(fields: fields, loc: loc, type: type)
        switch kind {
        case .samples:
            return .samples(
                SamplesBlock(
                    scenario: try f.string("scenario"), metric: try f.string("metric"), unit: try f.string("unit"),
                    better: try f.better(), values: try f.numbers("values"),
                    hops: try f.optionalIntegers("hops"), node: try f.optionalIntegers("node"),
                    t: try f.optionalNumbers("t"), rep: try f.optionalIntegers("rep"),
                    meshSize: try f.optionalInteger("mesh_size"), slaClass: try f.optionalString("sla_class")))
        case .series:
            return .series(
                Series(
                    scenario: try f.string("scenario"), metric: try f.string("metric"), unit: try f.string("unit"),
                    node: try f.optionalInteger("node"), t: try f.numbers("t"), values: try f.numbers("values")))
        default:
            try checkWholeNumbers(kind, fields, at: loc)
            return try decodeWithFoundation(line, at: loc)
        }
    }

    /// The whole-number fields of the small records and their ranges. Foundation reports a
    /// number outside its field's type (`"seed": -1` for a UInt64) as "not valid JSON" without
    /// naming the field, so these are checked first, with the field and the range in the message.
    private static let wholeNumberFields:
        [SampleRecord.Kind: [(key: String, low: Double, high: Double, range: String)]] = {
            let int64 = (
                low: -9_223_372_036_854_775_808.0, high: 9_223_372_036_854_775_807.0, range: "from -2^63 to 2^63 - 1"
            )
            return [
                .run: [
                    ("seed", 0, 18_446_744_073_709_551_615.0, "from 0 to 2^64 - 1"),
                    ("tier", int64.low, int64.high, int64.range),
                ],
                .counter: [("value", int64.low, int64.high, int64.range)],
                .outcome: [
                    ("tier", int64.low, int64.high, int64.range), ("attempt", int64.low, int64.high, int64.range),
                ],
                .end: [("records", int64.low, int64.high, int64.range)],
            ]
        }()

    private static func checkWholeNumbers(
        _ kind: SampleRecord.Kind, _ fields: [String: ScannedValue],
        at loc: RecordLocation
    ) throws(SamplesError) {
        for field in wholeNumberFields[kind] ?? [] {
            guard case .number(let d)? = fields[field.key] else { continue }
            // `high` as a double rounds up to 2^63 or 2^64, which are out of range: hence `<`.
            guard d.rounded() == d, d >= field.low, d < field.high else {
                throw .invalidRecord(
                    file: loc.file, line: loc.line,
                    detail:
                        "`\(field.key)` of a `\(kind.rawValue)` record is \(d); it must be a whole number \(field.range)"
                )
            }
        }
    }

    private static let kinds = SampleRecord.Kind.allCases.map(\.rawValue).joined(separator: ", ")

    private static func decodeWithFoundation(
        _ line: UnsafeRawBufferPointer, at loc: RecordLocation
    ) throws(SamplesError) -> SampleRecord {
        do {
            return try FormatsJSON.decoder().decode(SampleRecord.self, from: Data(line))
        } catch let error as DecodingError {
            throw .invalidRecord(file: loc.file, line: loc.line, detail: DecodingErrorText.describe(error))
        } catch {
            throw .invalidRecord(file: loc.file, line: loc.line, detail: "\(error)")
        }
    }

    /// Typed access to captured fields with messages that name the field and the record type.
    private struct Fields {
        let fields: [String: ScannedValue]
        let loc: RecordLocation
        let type: String

        func string(_ key: String) throws(SamplesError) -> String {
            guard let v = try optionalString(key) else { throw missing(key, "a string") }
            return v
        }

        func optionalString(_ key: String) throws(SamplesError) -> String? {
            switch fields[key] {
            case nil: return nil
            case .string(let s)?: return s
            default: throw mistyped(key, "a string")
            }
        }

        func better() throws(SamplesError) -> Better {
            let text = try string("better")
            guard let b = Better(rawValue: text) else {
                throw .invalidRecord(
                    file: loc.file, line: loc.line,
                    detail: "`better` is \"\(text)\"; it must be \"lower\" or \"higher\"")
            }
            return b
        }

        func numbers(_ key: String) throws(SamplesError) -> [Double] {
            guard let v = try optionalNumbers(key) else { throw missing(key, "an array of numbers") }
            return v
        }

        func optionalNumbers(_ key: String) throws(SamplesError) -> [Double]? {
            switch fields[key] {
            case nil: return nil
            case .numbers(let a)?: return a
            default: throw mistyped(key, "an array of numbers")
            }
        }

        func optionalIntegers(_ key: String) throws(SamplesError) -> [Int]? {
            guard let doubles = try optionalNumbers(key) else { return nil }
            var out = [Int]()
            out.reserveCapacity(doubles.count)
            for (index, d) in doubles.enumerated() {
                guard let k = Self.integer(d) else {
                    throw .invalidRecord(
                        file: loc.file, line: loc.line, detail: "\(key)[\(index)] = \(d) is not an integer")
                }
                out.append(k)
            }
            return out
        }

        func optionalInteger(_ key: String) throws(SamplesError) -> Int? {
            switch fields[key] {
            case nil: return nil
            case .number(let d)?:
                guard let k = Self.integer(d) else { throw mistyped(key, "an integer") }
                return k
            default: throw mistyped(key, "an integer")
            }
        }

        private static func integer(_ d: Double) -> Int? {
            d.rounded() == d && abs(d) <= 9_007_199_254_740_992 ? Int(d) : nil
        }

        private func missing(_ key: String, _ what: String) -> SamplesError {
            .invalidRecord(file: loc.file, line: loc.line, detail: "`\(type)` record without `\(key)` (\(what))")
        }

        private func mistyped(_ key: String, _ what: String) -> SamplesError {
            .invalidRecord(file: loc.file, line: loc.line, detail: "`\(key)` of a `\(type)` record must be \(what)")
        }
    }
}

/// Short, field-naming text for a Foundation decoding error.
enum DecodingErrorText {
    static func describe(_ error: DecodingError) -> String {
        func path(_ p: [CodingKey]) -> String {
            p.isEmpty
                ? "the record"
                : "`"
                    + p.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                    .joined(separator: ".").replacingOccurrences(of: ".[", with: "[") + "`"
        }
        switch error {
        case let .keyNotFound(key, ctx):
            return "missing `\(key.stringValue)` in \(path(ctx.codingPath))"
        case let .typeMismatch(type, ctx):
            return "\(path(ctx.codingPath)) must be \(name(of: type))"
        case let .valueNotFound(type, ctx):
            return "\(path(ctx.codingPath)) is null but must be \(name(of: type))"
        case let .dataCorrupted(ctx):
            return "\(path(ctx.codingPath)): \(ctx.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is UInt64.Type: "an integer"
        case is Double.Type: "a number"
        default: "\(type)"
        }
    }
}
