import Foundation
import Hashing

/// What two linked nodes agree on out of band: the BTP auth token the dialer presents and the
/// shared secret both sides use for ILP conditions (fulfillment = HMAC-SHA256(secret, data)).
/// Derived from the network seed and the link, so runs are reproducible and every link differs.
public struct LinkCredentials: Sendable, Equatable {
    public let authToken: String
    public let sharedSecret: [UInt8]

    public init(authToken: String, sharedSecret: [UInt8]) {
        self.authToken = authToken
        self.sharedSecret = sharedSecret
    }

    public static func derive(seed: UInt64, edge: Edge) -> LinkCredentials {
        let hmac = HMACSHA256(key: withUnsafeBytes(of: seed.bigEndian) { Array($0) })
        func mac(_ label: String) -> [UInt8] {
            hmac.authenticationCode(for: Array("\(label):\(edge.a)-\(edge.b)".utf8)).bytes
        }
        let token = mac("btp-auth-token").prefix(16).map { String(format: "%02x", $0) }.joined()
        return LinkCredentials(authToken: token, sharedSecret: mac("ilp-shared-secret"))
    }
}
