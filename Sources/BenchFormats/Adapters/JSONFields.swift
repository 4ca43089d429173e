/// Typed access to the fields of an imported JSON document; every refusal names the file, the
/// line of the offending value, its path (`results[0].times[3]`) and the fix.
struct JSONFields {
    let file: String
    let format: InputFormat

    /// Parses a whole document, telling a cut-off file from a malformed one.
    func parse(_ bytes: [UInt8]) throws(ImportError) -> LocatedJSON {
        do {
            return try LocatedJSONParser.parse(bytes)
        } catch {
            if error.endOfInput {
                throw ImportError(
                    file: file, line: error.line, column: error.column, format: format,
                    problem: "truncated: \(error.detail)",
                    fix: "The file was cut off while being written or copied; re-run \(format.producer)")
            }
            throw ImportError(
                file: file, line: error.line, column: error.column, format: format,
                problem: "malformed JSON: \(error.detail)",
                fix: "Give the file exactly as \(format.producer) wrote it")
        }
    }

    func fail(_ node: LocatedJSON, _ problem: String, fix: String? = nil) -> ImportError {
        ImportError(
            file: file, line: node.line, format: format, problem: problem,
            fix: fix ?? "Give the file exactly as \(format.producer) wrote it")
    }

    func object(_ node: LocatedJSON, _ path: String) throws(ImportError) -> LocatedJSON {
        guard node.members != nil else { throw fail(node, "`\(path)` is \(node.kindName), not an object") }
        return node
    }

    func required(_ node: LocatedJSON, _ key: String, _ path: String) throws(ImportError) -> LocatedJSON {
        guard let value = node[key] else { throw fail(node, "`\(path)` has no `\(key)`") }
        return value
    }

    /// `node[key]` unless absent or null.
    func optional(_ node: LocatedJSON, _ key: String) -> LocatedJSON? {
        guard let value = node[key], !value.isNull else { return nil }
        return value
    }

    func array(_ node: LocatedJSON, _ key: String, _ path: String) throws(ImportError) -> [LocatedJSON] {
        let value = try required(node, key, path)
        guard let elements = value.array else {
            throw fail(value, "`\(path).\(key)` is \(value.kindName), not an array")
        }
        return elements
    }

    func string(_ node: LocatedJSON, _ key: String, _ path: String) throws(ImportError) -> String {
        let value = try required(node, key, path)
        guard let text = value.string else { throw fail(value, "`\(path).\(key)` is \(value.kindName), not a string") }
        return text
    }

    func optionalString(_ node: LocatedJSON, _ key: String, _ path: String) throws(ImportError) -> String? {
        guard let value = optional(node, key) else { return nil }
        guard let text = value.string else { throw fail(value, "`\(path).\(key)` is \(value.kindName), not a string") }
        return text
    }

    func number(_ node: LocatedJSON, _ key: String, _ path: String) throws(ImportError) -> Double {
        let value = try required(node, key, path)
        guard let n = value.number else { throw fail(value, "`\(path).\(key)` is \(value.kindName), not a number") }
        return n
    }

    func optionalNumber(_ node: LocatedJSON, _ key: String, _ path: String) throws(ImportError) -> Double? {
        guard let value = optional(node, key) else { return nil }
        guard let n = value.number else { throw fail(value, "`\(path).\(key)` is \(value.kindName), not a number") }
        return n
    }

    /// A whole number that fits an `Int` (checked: a count or index never wraps or truncates).
    func optionalInteger(_ node: LocatedJSON, _ key: String, _ path: String) throws(ImportError) -> Int? {
        guard let value = optional(node, key) else { return nil }
        return try integer(value, "\(path).\(key)")
    }

    func integer(_ value: LocatedJSON, _ path: String) throws(ImportError) -> Int {
        guard let n = value.number, let whole = Int(exactly: n) else {
            throw fail(value, "`\(path)` is \(value.number.map { "\($0)" } ?? value.kindName), not a whole number")
        }
        return whole
    }

    func optionalBool(_ node: LocatedJSON, _ key: String, _ path: String) throws(ImportError) -> Bool? {
        guard let value = optional(node, key) else { return nil }
        guard let b = value.bool else { throw fail(value, "`\(path).\(key)` is \(value.kindName), not true or false") }
        return b
    }

    /// An array of numbers, each checked (`path[3]` named when one is not a number).
    func numbers(_ node: LocatedJSON, _ key: String, _ path: String) throws(ImportError) -> [Double] {
        let elements = try array(node, key, path)
        var values: [Double] = []
        values.reserveCapacity(elements.count)
        for (k, element) in elements.enumerated() {
            guard let n = element.number else {
                throw fail(element, "`\(path).\(key)[\(k)]` is \(element.kindName), not a number")
            }
            values.append(n)
        }
        return values
    }
}

extension LocatedJSON {
    /// The value as free-form `JSONValue`, for copying a harness's context into `run.config`.
    var plain: JSONValue {
        switch value {
        case .null: .null
        case .bool(let b): .bool(b)
        case .number(let n): .number(n)
        case .string(let s): .string(s)
        case .array(let a): .array(a.map(\.plain))
        case .object(let members):
            .object(Dictionary(members.map { ($0.key, $0.value.plain) }, uniquingKeysWith: { _, last in last }))
        }
    }
}
