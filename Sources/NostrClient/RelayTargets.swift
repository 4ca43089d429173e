import Foundation

/// The relays a run measures from outside: each with a label and its address, and optionally the
/// links between them (which relay forwards to which), so propagation latency can be given per
/// hop. From `--target URL` (repeatable; labels `relay-0`, `relay-1`, …) or `--targets FILE`:
///
///     {"relays": [{"label": "a", "url": "ws://127.0.0.1:7001"}, {"label": "b", "url": "ws://127.0.0.1:7002"}],
///      "links": [["a", "b"]], "placement": "kubernetes"}
///
/// `placement` (optional) says where the relays run when they are our own mesh (`netns`,
/// `kubernetes`, `process-per-node`); the run header carries it so runs of different placements
/// are not compared.
public struct RelayTargets: Sendable, Equatable {
    public struct Relay: Sendable, Equatable {
        public let label: String
        public let url: RelayURL
    }

    public let relays: [Relay]
    /// Undirected links as relay indices, nil when the file gives none (hops then unknown).
    public let links: [[Int]]?
    /// Where the relays run, as the targets file says; nil when it does not.
    public let placement: String?

    /// The placements a targets file may name.
    public static let placements = ["in-process", "process-per-node", "netns", "kubernetes", "external"]

    /// Largest targets file read; bigger is refused before parsing.
    public static let maximumFileBytes = 1 << 20

    public init(urls: [String]) throws(RelayTargetsError) {
        var relays: [Relay] = []
        for (index, text) in urls.enumerated() {
            do {
                relays.append(Relay(label: "relay-\(index)", url: try RelayURL(text)))
            } catch {
                throw .invalid(place: "--target \(text)", reason: error.description)
            }
        }
        guard !relays.isEmpty else { throw .invalid(place: "--target", reason: "give at least one relay address") }
        try self.init(relays: relays, links: nil, place: "--target")
    }

    init(relays: [Relay], links: [[Int]]?, placement: String? = nil, place: String) throws(RelayTargetsError) {
        var seenURL: Set<RelayURL> = []
        for (index, relay) in relays.enumerated() where !seenURL.insert(relay.url).inserted {
            throw .invalid(
                place: "\(place) relays[\(index)]", reason: "\(relay.url) is listed twice; measure each relay once")
        }
        self.relays = relays
        self.links = links
        self.placement = placement
    }

    /// Reads a targets file; every error names the file, the field and the fix.
    public static func load(path: String) throws(RelayTargetsError) -> RelayTargets {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > maximumFileBytes {
                throw RelayTargetsError.invalid(
                    place: path,
                    reason: "larger than \(maximumFileBytes) bytes; a targets file lists relays and links only")
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as RelayTargetsError {
            throw error
        } catch {
            throw .invalid(
                place: path, reason: "cannot read: \(error.localizedDescription). Check the path and its permissions")
        }
        return try parse(data, path: path)
    }

    public static func parse(_ data: Data, path: String) throws(RelayTargetsError) -> RelayTargets {
        guard data.count <= maximumFileBytes else {
            throw .invalid(
                place: path, reason: "larger than \(maximumFileBytes) bytes; a targets file lists relays and links only"
            )
        }
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw .invalid(
                place: path,
                reason:
                    #"not a JSON object; expected {"relays": [{"label": "a", "url": "ws://127.0.0.1:7777"}], "links": [["a", "b"]]}"#
            )
        }
        guard let list = root["relays"] as? [Any], !list.isEmpty else {
            throw .invalid(
                place: "\(path): relays",
                reason: #"missing or empty; list the relays as [{"label": "a", "url": "ws://HOST:PORT"}]"#)
        }
        var relays: [Relay] = []
        var index: [String: Int] = [:]
        for (i, item) in list.enumerated() {
            let place = "\(path): relays[\(i)]"
            guard let object = item as? [String: Any] else {
                throw .invalid(place: place, reason: #"not an object; write {"label": "a", "url": "ws://HOST:PORT"}"#)
            }
            guard let url = object["url"] as? String else {
                throw .invalid(place: "\(place).url", reason: "missing or not a string")
            }
            let label = (object["label"] as? String) ?? "relay-\(i)"
            guard !label.isEmpty, index[label] == nil else {
                throw .invalid(
                    place: "\(place).label",
                    reason: "\"\(label)\" is empty or used twice; labels name relays in links and reports")
            }
            do {
                relays.append(Relay(label: label, url: try RelayURL(url)))
            } catch {
                throw .invalid(place: "\(place).url", reason: error.description)
            }
            index[label] = i
        }
        var links: [[Int]]?
        if let raw = root["links"] {
            guard let pairs = raw as? [Any] else {
                throw .invalid(place: "\(path): links", reason: #"not a list; write [["a", "b"], ["b", "c"]]"#)
            }
            links = []
            for (i, pair) in pairs.enumerated() {
                guard let ends = pair as? [String], ends.count == 2 else {
                    throw .invalid(
                        place: "\(path): links[\(i)]", reason: #"a link is two relay labels, e.g. ["a", "b"]"#)
                }
                guard let a = index[ends[0]], let b = index[ends[1]] else {
                    let unknown = index[ends[0]] == nil ? ends[0] : ends[1]
                    throw .invalid(
                        place: "\(path): links[\(i)]",
                        reason:
                            "no relay is labelled \"\(unknown)\"; labels: \(relays.map(\.label).joined(separator: ", "))"
                    )
                }
                guard a != b else {
                    throw .invalid(place: "\(path): links[\(i)]", reason: "links \"\(ends[0])\" to itself")
                }
                links?.append([min(a, b), max(a, b)])
            }
        }
        var placement: String?
        if let raw = root["placement"] {
            guard let name = raw as? String, placements.contains(name) else {
                throw .invalid(
                    place: "\(path): placement", reason: "must be one of \(placements.joined(separator: ", "))")
            }
            placement = name
        }
        return try RelayTargets(relays: relays, links: links, placement: placement, place: path)
    }

    /// Hops from relay `source` to every relay over the links (BFS), nil where there are no
    /// links or no path.
    public func hops(from source: Int) -> [Int?] {
        var distance = [Int?](repeating: nil, count: relays.count)
        guard let links else { return distance }
        var neighbours = [[Int]](repeating: [], count: relays.count)
        for link in links {
            neighbours[link[0]].append(link[1])
            neighbours[link[1]].append(link[0])
        }
        distance[source] = 0
        var queue = [source]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            guard let here = distance[node] else { continue }
            for next in neighbours[node] where distance[next] == nil {
                distance[next] = here + 1
                queue.append(next)
            }
        }
        return distance
    }
}

/// A bad `--target` or targets file (exit 2).
public enum RelayTargetsError: Error, Equatable, CustomStringConvertible {
    case invalid(place: String, reason: String)

    public var description: String {
        switch self {
        case let .invalid(place, reason): return "\(place): \(reason)"
        }
    }
}
