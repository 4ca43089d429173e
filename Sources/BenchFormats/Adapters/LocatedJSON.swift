import JSON

/// A JSON value and the 1-based line it starts on.
///
/// The adapters must name the line of a bad field (`h.json:17: results[0].times[3] is "fast",
/// not a number`), and `JSONSerialization` / `JSONDecoder` report neither the line of a value
/// nor, on Linux, of a syntax error; on Linux `JSONSerialization` also misreads numbers of the
/// hyperfine fixture by a few ulp (`0.014107771380000002` becomes `…005`, LocatedJSONTests). So
/// the adapters build this small tree with `JSONScanner` (strict, correctly rounded numbers) and
/// a line index. Documents are small (hyperfine, Google Benchmark and pytest-benchmark write
/// kilobytes to a few MB).
struct LocatedJSON {
    indirect enum Value {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([LocatedJSON])
        /// Keys in document order (Google Benchmark's counters are extra keys: order is kept).
        case object([(key: String, value: LocatedJSON)])
    }

    let value: Value
    let line: Int

    /// The member `key` of an object, nil when absent or when this is not an object.
    subscript(key: String) -> LocatedJSON? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    var number: Double? { if case .number(let n) = value { n } else { nil } }
    var string: String? { if case .string(let s) = value { s } else { nil } }
    var bool: Bool? { if case .bool(let b) = value { b } else { nil } }
    var array: [LocatedJSON]? { if case .array(let a) = value { a } else { nil } }
    var members: [(key: String, value: LocatedJSON)]? { if case .object(let m) = value { m } else { nil } }
    var isNull: Bool { if case .null = value { true } else { false } }

    /// What kind of value this is, for messages (`found a string`).
    var kindName: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// Why a document is not JSON: where (1-based line and column) and what, and whether the input
/// simply stopped (a truncated file) rather than holding a wrong byte.
struct JSONSyntaxError: Error {
    let line: Int
    let column: Int
    let detail: String
    let endOfInput: Bool
}

/// Builds a `LocatedJSON` tree with the one JSON scanner, recording the line of every value.
enum LocatedJSONParser {
    /// Parses one JSON document (a UTF-8 byte order mark is skipped); trailing whitespace only.
    static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> LocatedJSON {
        let lines = LineIndex(bytes)
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        do throws(JSONError) {
            return try JSONScanner.scan(bytes, from: start) { (scanner) throws(JSONError) -> LocatedJSON in
                let value = try value(&scanner, lines: lines, depth: 0)
                try scanner.finish("")
                return value
            }
        } catch {
            let place = lines.place(of: error.offset)
            throw JSONSyntaxError(
                line: place.line, column: place.column, detail: error.detail,
                endOfInput: error.offset >= bytes.count)
        }
    }

    private static func value(
        _ scanner: inout JSONScanner, lines: LineIndex, depth: Int
    ) throws(JSONError) -> LocatedJSON {
        guard let byte = scanner.peek() else {
            throw JSONError(
                field: "", offset: scanner.position, problem: .syntax(expected: "a value", found: scanner.found))
        }
        guard depth < JSONScanner.maximumDepth else {
            throw JSONError(
                field: "", offset: scanner.position, problem: .nestingTooDeep(limit: JSONScanner.maximumDepth))
        }
        let line = lines.place(of: scanner.position).line
        let value: LocatedJSON.Value
        switch byte {
        case UInt8(ascii: "{"):
            try scanner.beginObject("")
            var members: [(key: String, value: LocatedJSON)] = []
            var first = true
            while let key = try scanner.nextObjectKey(first: &first, "") {
                members.append((key, try Self.value(&scanner, lines: lines, depth: depth + 1)))
            }
            value = .object(members)
        case UInt8(ascii: "["):
            try scanner.beginArray("")
            var elements: [LocatedJSON] = []
            var first = true
            while try scanner.nextArrayElement(first: &first, "") {
                elements.append(try Self.value(&scanner, lines: lines, depth: depth + 1))
            }
            value = .array(elements)
        case UInt8(ascii: "\""):
            value = .string(try scanner.readString(""))
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            value = .bool(try scanner.readBool(""))
        case UInt8(ascii: "n") where scanner.consumeNull():
            value = .null
        default:
            value = .number(try scanner.readDouble(""))
        }
        return LocatedJSON(value: value, line: line)
    }
}

/// 1-based line and column of a byte offset, by binary search over the offsets of the newlines.
private struct LineIndex {
    private let newlines: [Int]

    init(_ bytes: [UInt8]) {
        newlines = bytes.indices.filter { bytes[$0] == 0x0A }
    }

    func place(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = newlines.count  // first newline at or after offset
        while low < high {
            let middle = (low + high) / 2
            if newlines[middle] < offset { low = middle + 1 } else { high = middle }
        }
        let lineStart = low == 0 ? 0 : newlines[low - 1] + 1
        return (low + 1, offset - lineStart + 1)
    }
}
