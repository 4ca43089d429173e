import Foundation
import Mesh
import Nostr
import Statistics

/// What one node-event cannot avoid on this machine, measured on the spot: one BIP-340
/// verification (`NostrEvent.verify`, id hash included) and one insert into a node's SQLite store
/// (`EventStore`, committed in groups as a node commits per batch of work). From it, the
/// machine's ceiling for a mesh of n nodes where every event is verified and stored at every
/// node: cores ÷ (floor × n) events/s. No mesh on this machine can beat it; the knee's share of
/// it is the mesh's efficiency.
struct NodeEventFloor: Sendable, Equatable {
    /// Type-7 median of the rounds, µs per event.
    var verifyMicroseconds: Double
    var insertMicroseconds: Double
    var cores: Int

    var floorMicroseconds: Double { verifyMicroseconds + insertMicroseconds }

    /// The highest rate (events/s) a mesh of `nodes` could reach if the cores did nothing but
    /// the floor's work.
    func ceiling(nodes: Int) -> Double {
        Double(cores) / (floorMicroseconds * 1e-6 * Double(max(1, nodes)))
    }

    /// Events per round and rounds: the median of 5 rounds of 400 keeps one busy moment of the
    /// shared machine from setting the figure, in about 0.2 s.
    static let eventsPerRound = 400
    static let rounds = 5
    /// A node commits its store once per batch of work; under load a batch holds many events.
    static let commitEvery = 50

    /// Measures both costs with events signed beforehand, in a scratch store under `directory`
    /// (removed after).
    static func measure(
        directory: URL, cores: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws -> NodeEventFloor {
        let key = NostrKeyPair.deterministic(seed: 0x666c_6f6f_72, index: 0)
        let events = (0..<eventsPerRound * rounds).map {
            key.sign(kind: 1, content: String(format: "meshbench floor %08d", $0), tags: [], createdAt: 1_700_000_000)
        }
        let folder = directory.appendingPathComponent("floor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try EventStore(path: folder.appendingPathComponent("floor.sqlite").path)
        defer { store.close() }
        var verify: [Double] = [], insert: [Double] = []
        for round in 0..<rounds {
            let slice = events[(round * eventsPerRound)..<((round + 1) * eventsPerRound)]
            verify.append(try timePerEvent(slice) { try $0.verify() })
            var index = 0
            insert.append(
                try timePerEvent(slice) { event in
                    try store.insert(event)
                    index += 1
                    if index % commitEvery == 0 { try store.commit() }
                })
            try store.commit()
        }
        return NodeEventFloor(
            verifyMicroseconds: try RobustStatistics.median(verify),
            insertMicroseconds: try RobustStatistics.median(insert), cores: cores)
    }

    private static func timePerEvent(
        _ events: ArraySlice<NostrEvent>, _ work: (NostrEvent) throws -> Void
    ) throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        for event in events { try work(event) }
        return (clock.now - start) / .microseconds(1) / Double(events.count)
    }
}
