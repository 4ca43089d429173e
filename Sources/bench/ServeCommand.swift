import ArgumentParser
import BenchFormats
import CommandLineSupport
import Foundation
import NIOConcurrencyHelpers
import Scenarios

/// `bench serve`: starts a mesh of our nodes as separate processes and prints their NIP-01
/// client addresses, then runs until SIGINT or SIGTERM, so `bench --target` (or any Nostr
/// client) can measure the mesh as a black box (docs/external.md).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run a mesh of relay nodes (one process each) for outside NIP-01 clients until stopped.",
        discussion: """
            Prints one line per node, `node-<i><TAB>ws://127.0.0.1:PORT/nostr`,
            then `ready`.
            Example:
              bench serve --nodes 10 --topology regular --degree 4 \\
                  --targets-out mesh.json &
              bench --targets mesh.json --tier 1 | analyze | render --out artifacts
            """)

    @OptionGroup var shape: MeshShapeOptions

    @Option(
        name: .customLong("targets-out"),
        help: ArgumentHelp("Also write a targets file (nodes and links) for bench --targets.", valueName: "file"))
    var targetsOut: String?

    func run() async throws {
        let topology = try shape.build()
        let storage = FileManager.default.temporaryDirectory.appendingPathComponent(
            "meshbench-serve-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: storage, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: storage) }
        let stop = StopSignal()
        let mesh = try await ServedMesh.start(
            topology: topology, seed: shape.seed, executable: Bundle.main.executablePath,
            storage: storage, linkTimeout: 30)
        do {
            if let targetsOut {
                do {
                    let commit = FileCommit()
                    try commit.add([UInt8](try mesh.targetsFile()), to: targetsOut)
                    try commit.commit()
                } catch {
                    throw UsageError("cannot write the targets file \(targetsOut): \(error)")
                }
            }
            try Console.output(
                mesh.clientURLs.enumerated().map { "node-\($0.offset)\t\($0.element)\n" }.joined() + "ready\n")
            await stop.wait()
        } catch {
            await mesh.stop()
            throw error
        }
        await mesh.stop()
    }
}

/// Resumes once SIGINT or SIGTERM arrives (their default actions are turned off, so the mesh
/// can be stopped cleanly). `@unchecked Sendable` because Dispatch's signal sources do not say
/// they are. Invariant: `sources` is written only in `init`; `continuation` and `stopped`, touched
/// by the awaiting task and the signal queue, are under `lock`.
final class StopSignal: @unchecked Sendable {
    private let lock = NIOLock()
    private var sources: [DispatchSourceSignal] = []
    private var continuation: CheckedContinuation<Void, Never>?
    private var stopped = false

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.fire() }
            source.resume()
            sources.append(source)
        }
    }

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = lock.withLock { () -> Bool in
                if stopped { return true }
                self.continuation = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    private func fire() {
        let waiting = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            stopped = true
            defer { continuation = nil }
            return continuation
        }
        waiting?.resume()
    }
}
