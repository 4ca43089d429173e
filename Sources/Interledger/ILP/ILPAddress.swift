/// ILP address syntax (RFC 15): an allocation scheme followed by one or more `.`-separated
/// segments of `[A-Za-z0-9_~-]`, 1023 characters at most, e.g. `g.us.bank.alice`, `test.node-3`.
public enum ILPAddress {
    public static let maximumLength = 1023
    /// The allocation schemes RFC 15 defines.
    public static let schemes: [String] = [
        "g", "private", "example", "peer", "self", "test", "test1", "test2", "test3", "local",
    ]

    /// Why an address is not valid.
    public enum Problem: Equatable, Sendable, CustomStringConvertible {
        case empty
        case tooLong(length: Int)
        case unknownScheme(String)
        case missingSegment
        case emptySegment(position: Int)
        case invalidCharacter(UInt8, position: Int)

        public var description: String {
            switch self {
            case .empty: return "address is empty"
            case let .tooLong(length):
                return "address has \(length) characters; at most \(ILPAddress.maximumLength) are allowed"
            case let .unknownScheme(scheme):
                return "allocation scheme '\(scheme)' is not one of \(ILPAddress.schemes.joined(separator: ", "))"
            case .missingSegment: return "address needs at least one segment after the scheme, e.g. 'g.alice'"
            case let .emptySegment(position): return "empty segment at character \(position) ('..' or trailing '.')"
            case let .invalidCharacter(byte, position):
                return
                    "character 0x\(String(byte, radix: 16)) at position \(position) is not allowed; segments use A-Z a-z 0-9 _ ~ -"
            }
        }
    }

    /// Returns nil when `bytes` is a valid ILP address, the first problem otherwise.
    public static func problem<Bytes: Collection>(in bytes: Bytes) -> Problem? where Bytes.Element == UInt8 {
        guard !bytes.isEmpty else { return .empty }
        guard bytes.count <= maximumLength else { return .tooLong(length: bytes.count) }
        var position = 0
        var schemeEnd: Int?
        var segmentLength = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if schemeEnd == nil {
                    schemeEnd = position
                } else if segmentLength == 0 {
                    return .emptySegment(position: position)
                }
                segmentLength = 0
            } else if schemeEnd == nil || isSegmentCharacter(byte) {
                segmentLength += 1
            } else {
                return .invalidCharacter(byte, position: position)
            }
            position += 1
        }
        let scheme = String(decoding: bytes.prefix(schemeEnd ?? bytes.count), as: UTF8.self)
        guard schemes.contains(scheme) else { return .unknownScheme(scheme) }
        guard schemeEnd != nil else { return .missingSegment }
        guard segmentLength > 0 else { return .emptySegment(position: position) }
        return nil
    }

    /// Returns nil when `address` is valid, the problem otherwise.
    public static func problem(in address: String) -> Problem? {
        problem(in: address.utf8)
    }

    public static func isValid(_ address: String) -> Bool { problem(in: address) == nil }

    @inline(__always)
    static func isSegmentCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
