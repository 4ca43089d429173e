import Foundation

/// The names of one run's network namespaces and links. Every name starts with `mbnx` and the
/// id of the process that made it (`mbnx4711n3`, `mbnx4711v3`, `mbnx4711b`), so a later run can
/// tell its own kind's leftovers from anything else on the host, and whether the process that made
/// them is still alive; nothing without that prefix is ever touched. Interface names have at most
/// 15 bytes, which leaves three digits of node index beside a seven-digit process id.
struct NamespaceNames: Sendable, Equatable {
    static let marker = "mbnx"
    static let maximumNodes = 240

    let owner: Int32

    var prefix: String { "\(Self.marker)\(owner)" }
    /// The bridge every node's veth pair is attached to (in the host's namespace).
    var bridge: String { prefix + "b" }
    func namespace(_ node: Int) -> String { prefix + "n\(node)" }
    /// The host's end of node `node`'s veth pair (the other end is `eth0` in its namespace).
    func hostEnd(_ node: Int) -> String { prefix + "v\(node)" }

    /// The process id a name of ours carries; nil for every name that is not of this form.
    static func owner(of name: String) -> Int32? {
        guard name.hasPrefix(marker) else { return nil }
        let rest = name.dropFirst(marker.count)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let owner = Int32(digits) else { return nil }
        let suffix = rest.dropFirst(digits.count)
        if suffix == "b" { return owner }
        guard let kind = suffix.first, kind == "n" || kind == "v" else { return nil }
        let index = suffix.dropFirst()
        guard !index.isEmpty, index.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return owner
    }
}

/// The addresses of a run: 198.18.X.0/24, from the range RFC 2544 reserves for benchmarking
/// network devices (never routed on the internet). The bridge is .1, node *i* is .(10 + i).
struct NamespaceSubnet: Sendable, Equatable {
    let third: Int

    var bridgeAddress: String { "198.18.\(third).1" }
    func nodeAddress(_ node: Int) -> String { "198.18.\(third).\(10 + node)" }

    /// The first subnet, counting from `start`, that no address on this host is in; reads
    /// `ip -4 -o addr show`.
    static func free(ip: IPTool, start: Int) throws -> NamespaceSubnet {
        let used = Set(
            try ip.run(["-4", "-o", "addr", "show"]).split(separator: "\n").compactMap { line -> Int? in
                guard let range = line.range(of: "inet 198.18.") else { return nil }
                return Int(line[range.upperBound...].prefix { $0.isNumber })
            })
        for offset in 0..<256 where !used.contains((start + offset) % 256) {
            return NamespaceSubnet(third: (start + offset) % 256)
        }
        throw NamespaceError.noFreeSubnet
    }
}
