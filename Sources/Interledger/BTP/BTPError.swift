/// Why bytes are not a valid BTP frame. Names the field and byte offset where decoding stopped.
///
/// RFC 23 says an unreadable frame gets no response; callers log this error and drop the frame.
public struct BTPError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Problem: Equatable, Sendable {
        /// An OER structural problem (truncation, bad length prefix, trailing bytes, non-IA5 text…).
        case structure(OERDecodingError.Problem)
        /// The type byte is not 1–7.
        case unknownPacketType(UInt8)
        /// A GeneralizedTime field is not `YYYYMMDDHHmmss.fffZ`.
        case invalidTimestamp(String)
    }

    public let field: String
    public let offset: Int
    public let problem: Problem

    public init(field: String, offset: Int, problem: Problem) {
        self.field = field
        self.offset = offset
        self.problem = problem
    }

    init(_ error: OERDecodingError) {
        self.init(field: error.field, offset: error.offset, problem: .structure(error.problem))
    }

    public var description: String {
        switch problem {
        case let .structure(problem):
            return "BTP frame: " + OERDecodingError(field: field, offset: offset, problem: problem).description
        case let .unknownPacketType(type):
            return "BTP frame: \(field) at byte \(offset): unknown packet type \(type); expected 1 to 7 (RFC 23)"
        case let .invalidTimestamp(text):
            return
                "BTP frame: \(field) at byte \(offset): '\(text)' is not a GeneralizedTime of the form YYYYMMDDHHmmss.fffZ"
        }
    }
}

/// Runs OER reads and re-throws their failures as `BTPError`.
@inline(__always)
func btpRead<T>(_ body: () throws(OERDecodingError) -> T) throws(BTPError) -> T {
    do { return try body() } catch { throw BTPError(error) }
}

/// Reads a length-prefixed GeneralizedTime (`YYYYMMDDHHmmss.fffZ`).
func readGeneralizedTime(_ reader: inout OERReader, field: String) throws(BTPError) -> Int64 {
    let start = reader.offset
    let text = try btpRead { () throws(OERDecodingError) -> ArraySlice<UInt8> in
        let length = try reader.readBoundedLength(field, limit: 64)
        return try reader.readSlice(length, field)
    }
    guard let milliseconds = InterledgerTimestamp.decodeMilliseconds(text, format: .generalizedTime) else {
        throw BTPError(field: field, offset: start, problem: .invalidTimestamp(String(decoding: text, as: UTF8.self)))
    }
    return milliseconds
}
