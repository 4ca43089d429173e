extension JSONScanner {
    /// Skips one complete value of any type, validating all of it, and returns its byte span
    /// (without surrounding whitespace). A loop with a bit per level instead of recursion, so
    /// hostile nesting costs neither stack nor more than `maximumDepth` levels.
    @discardableResult
    public mutating func skipValue(_ field: @autoclosure () -> String) throws(JSONError) -> Range<Int> {
        skipWhitespace()
        let start = position
        var depth = 0
        var objectMask: UInt64 = 0  // bit d set: the container at depth d + 1 is an object
        while true {
            guard let byte = peek() else { throw fail(field(), .syntax(expected: "a value", found: found)) }
            var opened = false
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = byte == UInt8(ascii: "{")
                position += 1
                if consume(isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) { break }
                guard depth < Self.maximumDepth else { throw fail(field(), .nestingTooDeep(limit: Self.maximumDepth)) }
                if isObject { objectMask |= 1 << UInt64(depth) } else { objectMask &= ~(1 << UInt64(depth)) }
                depth += 1
                opened = true
                if isObject { try skipMemberName(field()) }
            case UInt8(ascii: "\""):
                _ = try skipString(field())
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                guard consumeLiteral("true") || consumeLiteral("false") || consumeLiteral("null") else {
                    throw fail(field(), .syntax(expected: "true, false or null", found: found))
                }
            default:
                _ = try skipNumber(field())
            }
            if opened { continue }
            // After a complete value: close containers or move to the next element.
            while depth > 0 {
                let inObject = objectMask & (1 << UInt64(depth - 1)) != 0
                if consume(UInt8(ascii: ",")) {
                    if inObject { try skipMemberName(field()) }
                    break
                }
                guard consume(inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                    throw fail(field(), .syntax(expected: inObject ? "`,` or `}`" : "`,` or `]`", found: found))
                }
                depth -= 1
            }
            if depth == 0 { return start..<position }
        }
    }

    /// Consumes `byte` after whitespace if it is next.
    public mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        position += 1
        return true
    }

    /// Skips `"name" :` inside an object.
    private mutating func skipMemberName(_ field: @autoclosure () -> String) throws(JSONError) {
        guard peek() == UInt8(ascii: "\"") else {
            throw fail(field(), .syntax(expected: "a member name", found: found))
        }
        _ = try skipString(field())
        guard consume(UInt8(ascii: ":")) else {
            throw fail(field(), .syntax(expected: "`:` after a member name", found: found))
        }
    }
}
