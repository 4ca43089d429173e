import Foundation
import Mesh
import NIOConcurrencyHelpers
import Nostr

/// The child side of `--process-per-node` (`bench node`): one relay node in this process, driven
/// by commands on standard input (NodeControlProtocol), answering and reporting arrivals on
/// standard output. Returns when told to shut down or when standard input closes.
public enum NodeServer {
    public static func run() async {
        let channel = LineChannel(input: .standardInput, output: .standardOutput)
        let (lines, continuation) = AsyncStream.makeStream(of: Data.self, bufferingPolicy: .unbounded)
        channel.start(onLine: { continuation.yield($0) }, onEnd: { continuation.finish() })
        let writer = ReplyWriter(channel: channel)
        let reply = writer.send
        let decoder = JSONDecoder()
        var node: StandaloneNode?
        for await line in lines {
            guard let command = try? decoder.decode(NodeCommand.self, from: line) else {
                reply(
                    NodeReply(seq: nil, op: "error").with(
                        message: "undecodable command: \(String(decoding: line.prefix(200), as: UTF8.self))"))
                continue
            }
            do {
                if command.op == "shutdown" { break }
                if command.op == "start" {
                    let started = try start(
                        command,
                        report: { arrival in
                            var message = NodeReply(seq: nil, op: "arrival")
                            message.arrival = arrival
                            reply(message)
                        })
                    node = started
                    var answer = NodeReply(seq: command.seq, op: "started")
                    answer.port = try await started.listen()
                    reply(answer)
                    continue
                }
                guard let node else { throw NodeServerError.notStarted(op: command.op) }
                reply(try await handle(command, on: node))
            } catch {
                reply(NodeReply(seq: command.seq, op: "error").with(message: "\(error)"))
            }
        }
        do {
            try await node?.shutdown()
        } catch {
            // Nobody waits for an answer now; standard error reaches the parent's error tail (and
            // a closed standard error has nowhere to say it). Not a Logger: its default handler
            // writes to standard output, the reply channel.
            try? FileHandle.standardError.write(contentsOf: Data("node shutdown failed: \(error)\n".utf8))
        }
        reply(NodeReply(seq: nil, op: "stopped"))
    }

    private static func start(
        _ command: NodeCommand, report: @escaping @Sendable (ArrivalWire) -> Void
    ) throws -> StandaloneNode {
        guard let id = command.id, let peers = command.peers, let seed = command.seed, let store = command.store else {
            throw NodeServerError.missingField(op: "start", fields: "id, peers, seed, store")
        }
        var config = NodeConfig()
        if let ttl = command.ttl { config.ttl = ttl }
        let node = try StandaloneNode(id: id, peers: peers, config: config, seed: seed, storePath: store)
        node.setArrivalHandler { eventID, arrival in
            report(
                ArrivalWire(id: eventID, node: arrival.node, time: arrival.time, hops: arrival.hops, from: arrival.from)
            )
            return true
        }
        return node
    }

    private static func handle(_ command: NodeCommand, on node: StandaloneNode) async throws -> NodeReply {
        var answer = NodeReply(seq: command.seq, op: "ok")
        switch command.op {
        case "dial":
            guard let peer = command.peer, let port = command.port else {
                throw NodeServerError.missingField(op: "dial", fields: "peer, port")
            }
            try await node.dial(peer: peer, port: port)
        case "await_links":
            let milliseconds = try bounded(command.timeoutMS ?? 10_000, "timeout_ms", of: "await_links", 0...3_600_000)
            try await node.waitForLinks(timeoutNanoseconds: UInt64(milliseconds) * 1_000_000)
        case "publish":
            guard let event = command.event else { throw NodeServerError.missingField(op: "publish", fields: "event") }
            try await node.publish(event, amount: command.amount)
        case "subscribe":
            let count = try bounded(command.count ?? 1, "count", of: "subscribe", 0...100_000)
            try await node.addLocalSubscriptions((0..<count).map { (id: $0, filters: [NostrFilter()]) })
        case "counters":
            answer.counters = try await node.counters()
        case "memory":
            answer.heapInUse = MemoryFootprint.current()?.heapInUseBytes
            answer.sqliteInUse = try await node.storeMemoryInUse()
        case "timings":
            let limit = try bounded(command.limit ?? 1_000, "limit", of: "timings", 0...Int.max)
            let log = try await node.timings(recordLimit: limit)
            answer.timings = TimingWire(count: log.count, totals: log.totals, records: log.records)
        case "idle":
            answer.idle = try await node.isIdle()
        default:
            throw NodeServerError.unknownCommand(command.op)
        }
        return answer
    }
}

/// Encodes and writes replies; arrivals come from the node's thread, answers from the command
/// loop, so encoding is serialized by a lock.
private final class ReplyWriter: Sendable {
    private let channel: LineChannel
    private let encoder = JSONEncoder()
    private let lock = NIOLock()

    init(channel: LineChannel) { self.channel = channel }

    @Sendable func send(_ message: NodeReply) {
        let data: Data? = lock.withLock {
            do {
                return try encoder.encode(message)
            } catch {
                // Still answer the request, or its sender waits for nothing; an error reply holds
                // strings only and always encodes.
                let failure = NodeReply(seq: message.seq, op: "error").with(
                    message: "reply \(message.op) cannot be encoded: \(error)")
                return try? encoder.encode(failure)
            }
        }
        if let data { channel.send(data) }
    }
}

extension NodeReply {
    func with(message: String) -> NodeReply {
        var copy = self
        copy.message = message
        return copy
    }
}

/// A field of a command, checked before it becomes a count or a duration (a negative count is
/// an invalid range, a huge timeout overflows nanoseconds).
private func bounded(_ value: Int, _ field: String, of op: String, _ range: ClosedRange<Int>) throws -> Int {
    guard range.contains(value) else {
        throw NodeServerError.outOfRange(
            op: op, field: field, value: value, allowed: "\(range.lowerBound)…\(range.upperBound)")
    }
    return value
}

enum NodeServerError: Error, CustomStringConvertible {
    case notStarted(op: String)
    case missingField(op: String, fields: String)
    case outOfRange(op: String, field: String, value: Int, allowed: String)
    case unknownCommand(String)

    var description: String {
        switch self {
        case .notStarted(let op): return "bench node: '\(op)' before 'start'; send start {id, peers, seed, store} first"
        case let .missingField(op, fields): return "bench node: '\(op)' needs \(fields)"
        case let .outOfRange(op, field, value, allowed):
            return "bench node: '\(op)' \(field) \(value) is out of range; allowed: \(allowed)"
        case .unknownCommand(let op):
            return
                "bench node: unknown command '\(op)'; valid: start, dial, await_links, publish, subscribe, counters, memory, timings, idle, shutdown"
        }
    }
}
