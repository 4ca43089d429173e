/// Why a frame is not an acceptable BTP authentication request (RFC 23 §Authentication). The
/// server answers with an ERROR and closes the connection.
public enum BTPAuthError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAMessage(BTPPacketType)
    case primaryProtocolNotAuth(found: String?)
    case authEntryNotEmptyOctetStream
    case missingAuthToken
    case authTokenNotUTF8
    case duplicateProtocolName(String)

    public var description: String {
        switch self {
        case let .notAMessage(type):
            return "BTP auth: the first frame must be a MESSAGE, got \(type)"
        case let .primaryProtocolNotAuth(found):
            return
                "BTP auth: the first protocol-data entry must be 'auth', got \(found.map { "'\($0)'" } ?? "no entries")"
        case .authEntryNotEmptyOctetStream:
            return "BTP auth: the 'auth' entry must have content type application/octet-stream (0) and empty data"
        case .missingAuthToken:
            return "BTP auth: no 'auth_token' entry (send an empty token when none is needed, but do not omit it)"
        case .authTokenNotUTF8:
            return "BTP auth: the 'auth_token' data is not valid UTF-8"
        case let .duplicateProtocolName(name):
            return "BTP auth: protocol-data entry '\(name)' appears more than once"
        }
    }
}

/// Builds and checks the authentication MESSAGE a BTP client sends first.
public enum BTPAuth {
    /// The first MESSAGE: primary entry `auth` (octet-stream, empty) then `auth_token` (UTF-8 text).
    public static func request(requestId: UInt32, token: String, extra: [BTPProtocolData] = []) -> BTPPacket {
        .message(
            requestId: requestId,
            protocolData: [
                BTPProtocolData(protocolName: "auth", contentType: .applicationOctetStream, data: []),
                BTPProtocolData(protocolName: "auth_token", contentType: .textPlainUTF8, data: Array(token.utf8)),
            ] + extra)
    }

    /// Returns the token of a valid authentication request, or why it is not one.
    public static func token(from packet: BTPPacket) throws(BTPAuthError) -> String {
        guard case let .message(entries) = packet.body else { throw .notAMessage(packet.type) }
        guard let primary = entries.first, primary.protocolName == "auth" else {
            throw .primaryProtocolNotAuth(found: entries.first?.protocolName)
        }
        guard primary.contentType == .applicationOctetStream, primary.data.isEmpty else {
            throw .authEntryNotEmptyOctetStream
        }
        var seen = Set<String>()
        for entry in entries where !seen.insert(entry.protocolName).inserted {
            throw .duplicateProtocolName(entry.protocolName)
        }
        guard let tokenEntry = entries.entry(named: "auth_token") else { throw .missingAuthToken }
        guard let token = String(validating: tokenEntry.data, as: UTF8.self) else { throw .authTokenNotUTF8 }
        return token
    }
}
