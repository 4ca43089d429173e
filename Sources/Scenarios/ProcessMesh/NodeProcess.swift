import Foundation
import NIOConcurrencyHelpers

/// One `bench node` child and its control channel: sends commands, matches replies by `seq`,
/// hands arrival reports to `onArrival`, keeps the tail of the child's standard error for error
/// messages, and fails every waiting request if the child exits.
final class NodeProcess: Sendable {
    let index: Int
    private let process = Process()
    private let channel: LineChannel
    private let errors = Pipe()
    /// The requests awaiting replies and what the child said on standard error, under one lock
    /// (replies arrive on the channel's reader thread, standard error on the pipe's handler).
    private struct Exchange {
        var waiting: [Int: CheckedContinuation<NodeReply, Error>] = [:]
        var nextSeq = 1
        var ended = false
        var errorTail = Data()
    }
    private let lock = NIOLockedValueBox(Exchange())
    private let encoder = JSONEncoder()

    init(index: Int, executable: String, onArrival: @escaping @Sendable (ArrivalWire) -> Void) throws {
        self.index = index
        let toChild = Pipe(), fromChild = Pipe()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["node"]
        process.standardInput = toChild
        process.standardOutput = fromChild
        process.standardError = errors
        channel = LineChannel(input: fromChild.fileHandleForReading, output: toChild.fileHandleForWriting)
        do {
            try process.run()
        } catch {
            throw ProcessMeshError.spawnFailed(node: index, executable: executable, reason: "\(error)")
        }
        // The parent's copies of the child's ends must close, or end of file never arrives; a
        // close that fails leaves nothing open to close.
        try? toChild.fileHandleForReading.close()
        try? fromChild.fileHandleForWriting.close()
        try? errors.fileHandleForWriting.close()
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            guard let self else { return }
            if chunk.isEmpty { handle.readabilityHandler = nil; return }
            self.keepInErrorTail(chunk)
        }
        let decoder = JSONDecoder()
        channel.start(
            onLine: { [weak self] line in
                guard let self else { return }
                let reply: NodeReply
                do {
                    reply = try decoder.decode(NodeReply.self, from: line)
                } catch {
                    // No `seq` to answer: kept beside the child's standard error, which the
                    // failure of any waiting request quotes.
                    let text = String(decoding: line.prefix(200), as: UTF8.self)
                    return self.keepInErrorTail(Data("unreadable reply from the child (\(error)): \(text)\n".utf8))
                }
                if reply.op == "arrival", let arrival = reply.arrival { return onArrival(arrival) }
                guard let seq = reply.seq,
                    let continuation = self.lock.withLockedValue({ $0.waiting.removeValue(forKey: seq) })
                else { return }
                if reply.op == "error" {
                    continuation.resume(
                        throwing: ProcessMeshError.nodeFailed(
                            node: self.index, reason: reply.message ?? "unknown error"))
                } else {
                    continuation.resume(returning: reply)
                }
            }, onEnd: { [weak self] in self?.childEnded() })
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// The last lines the child wrote to standard error.
    var standardErrorTail: String {
        lock.withLockedValue { exchange in String(decoding: exchange.errorTail, as: UTF8.self) }
    }

    func request(_ command: NodeCommand) async throws -> NodeReply {
        try await withCheckedThrowingContinuation { continuation in
            let seq: Int? = lock.withLockedValue { exchange in
                guard !exchange.ended else { return nil }
                defer { exchange.nextSeq += 1 }
                exchange.waiting[exchange.nextSeq] = continuation
                return exchange.nextSeq
            }
            guard let seq else {
                return continuation.resume(
                    throwing: ProcessMeshError.nodeExited(node: index, detail: standardErrorTail))
            }
            var numbered = command
            numbered.seq = seq
            let failure: ProcessMeshError
            do {
                if channel.send(try encoder.encode(numbered)) { return }
                failure = .nodeExited(node: index, detail: standardErrorTail)
            } catch {
                failure = .nodeFailed(node: index, reason: "command \(command.op) cannot be encoded: \(error)")
            }
            lock.withLockedValue { $0.waiting.removeValue(forKey: seq) }?.resume(throwing: failure)
        }
    }

    /// Asks the child to stop and waits up to `grace` seconds; a child still alive then is killed.
    func stop(grace: Double) async {
        if process.isRunning {
            // A command of one string always encodes; without it the child is killed below.
            if let line = try? encoder.encode(NodeCommand(op: "shutdown")) { channel.send(line) }
        }
        let deadline = Date().addingTimeInterval(grace)
        // Cancelled, the sleep returns at once: the deadline still bounds the wait.
        while process.isRunning && Date() < deadline { try? await Task.sleep(nanoseconds: 10_000_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Keeps the last 4 KiB of what the child said on standard error (and of replies that were
    /// not replies), for the error messages.
    private func keepInErrorTail(_ chunk: Data) {
        lock.withLockedValue { exchange in
            exchange.errorTail.append(chunk)
            if exchange.errorTail.count > 4_096 { exchange.errorTail.removeFirst(exchange.errorTail.count - 4_096) }
        }
    }

    private func childEnded() {
        let pending: [CheckedContinuation<NodeReply, Error>] = lock.withLockedValue { exchange in
            exchange.ended = true
            defer { exchange.waiting.removeAll() }
            return Array(exchange.waiting.values)
        }
        for continuation in pending {
            continuation.resume(throwing: ProcessMeshError.nodeExited(node: index, detail: standardErrorTail))
        }
    }
}

/// Why a process-per-node mesh could not run; each names the node and how to fix it.
enum ProcessMeshError: Error, CustomStringConvertible {
    case noExecutable
    case spawnFailed(node: Int, executable: String, reason: String)
    case nodeFailed(node: Int, reason: String)
    case nodeExited(node: Int, detail: String)
    case notIdle(waitedSeconds: Double)

    var description: String {
        switch self {
        case .noExecutable:
            return
                "--process-per-node needs the path of the bench executable to start `bench node` children; run bench from its built binary"
        case let .spawnFailed(node, executable, reason):
            return "node \(node): cannot start \(executable) node: \(reason)"
        case let .nodeFailed(node, reason):
            return "node \(node) (bench node process): \(reason)"
        case let .nodeExited(node, detail):
            return "node \(node) (bench node process) exited unexpectedly"
                + (detail.isEmpty ? "" : "; its last standard error: \(detail.suffix(500))")
        case .notIdle(let waited):
            return "node processes still had Prepares in flight after \(waited) s"
        }
    }
}
