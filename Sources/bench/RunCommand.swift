import ArgumentParser
import BenchFormats
import Foundation
import Scenarios

/// The default subcommand: runs a tier (or named scenarios) and streams raw samples.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run scenarios (the default when no subcommand is given).")

    @Option(help: "Run every scenario of this tier (\(ScenarioCatalog.tiers.map(String.init).joined(separator: ", "))).")
    var tier: Int?

    @Option(name: .customLong("scenario"), help: "Run this scenario (repeatable); see --list.")
    var scenarios: [String] = []

    @Flag(help: "List the scenarios with their tier and summary, then exit.")
    var list = false

    @Option(help: "Seed of every random choice (keys, topologies, workloads).")
    var seed: UInt64 = 1

    @Option(help: "Repetitions of each scenario's measurement (the unit of replication for analyze).")
    var repetitions = 1

    @Option(help: "Write raw samples to FILE instead of standard output (gzip when FILE ends in .gz).")
    var out: String?

    @Option(name: .customLong("dump-events"), help: "Write every published event as a NIP-01 JSON line to FILE.")
    var dumpEvents: String?

    @Option(name: .customLong("inject-delay-us"), help: "Delay every node adds before forwarding (µs): a known regression.")
    var injectDelayMicros = 0

    @Flag(help: "No progress on standard error.")
    var quiet = false

    @Flag(help: "Debug logs on standard error (also MESHBENCH_LOG=debug).")
    var verbose = false

    @Flag(help: "Run under perf (or callgrind) and write folded stacks and memory footprints (docs/development.md).")
    var profile = false

    @Option(name: .customLong("profile-out"), help: ArgumentHelp("Folder for --profile's folded stacks and raw profile.", valueName: "dir"))
    var profileOut = "artifacts/profile"

    func validate() throws {
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1 (got \(repetitions))") }
        guard injectDelayMicros >= 0 else { throw ValidationError("--inject-delay-us must be 0 or more (got \(injectDelayMicros))") }
        if let tier, !ScenarioCatalog.tiers.contains(tier) {
            throw ValidationError("unknown tier \(tier); valid tiers: \(ScenarioCatalog.tiers.map(String.init).joined(separator: ", "))")
        }
        for name in scenarios where ScenarioCatalog.scenario(named: name) == nil {
            throw ValidationError("unknown scenario '\(name)'; valid scenarios: \(ScenarioCatalog.all.map(\.name).joined(separator: ", ")) (bench --list)")
        }
        if !list, tier == nil, scenarios.isEmpty {
            throw ValidationError("say what to run: --tier N or --scenario NAME (bench --list shows them)")
        }
    }

    func run() async throws {
        if list {
            for scenario in ScenarioCatalog.all {
                print("\(scenario.name)\ttier \(scenario.tier)\t\(scenario.summary)")
            }
            return
        }
        try DiagnosticLogging.bootstrap(verbose: verbose)
        if profile && !ProfileSession.isChild {
            let status = try ProfileSession(outputFolder: profileOut).run(progress: ProgressReporter(quiet: quiet).note)
            if status != 0 { throw ExitCode(status) }
            return
        }
        let selected = selection()
        let workDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("meshbench-run-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workDirectory) }

        let settings = BenchSettings(seed: seed, repetitions: repetitions, injectedDelayMicros: injectDelayMicros,
                                     timeoutMultiplier: ProcessInfo.processInfo.environment["CI"] == "true" ? 2 : 1,
                                     workDirectory: workDirectory.path)
        let header = RunHeader(runID: RunIdentifier.make(), startedAt: Date(), tier: tier ?? selected.map(\.tier).max() ?? 1,
                               seed: seed, git: GitProbe.current(), host: HostProbe.current(), mode: .real,
                               config: configuration(selected, settings: settings))
        let writer: SamplesWriter
        do {
            writer = try SamplesWriter(path: out ?? "-", run: header, gzip: out?.hasSuffix(".gz") ?? false)
        } catch {
            throw UsageError("\(error)")
        }
        let dump = try dumpEvents.map(EventDump.init(path:))
        defer { dump?.close() }

        let progress = ProgressReporter(quiet: quiet)
        let runner = ScenarioRunner(settings: settings, sink: writer, progress: progress,
                                    onPublish: dump.map { dump in { dump.append($0) } })
        runner.recordsFootprint = profile || ProfileSession.isChild
        let failed = try await runner.run(selected)
        try writer.finish()
        if !failed.isEmpty {
            progress.note("failed twice: \(failed.joined(separator: ", "))")
            throw ExitCode(1)
        }
    }

    private func selection() -> [Scenario] {
        var chosen = tier.map(ScenarioCatalog.scenarios(inTier:)) ?? []
        for name in scenarios where !chosen.contains(where: { $0.name == name }) {
            if let scenario = ScenarioCatalog.scenario(named: name) { chosen.append(scenario) }
        }
        return chosen
    }

    private func configuration(_ selected: [Scenario], settings: BenchSettings) -> [String: JSONValue] {
        [
            "scenarios": .array(selected.map { .string($0.name) }),
            "repetitions": .number(Double(settings.repetitions)),
            "inject_delay_us": .number(Double(settings.injectedDelayMicros)),
            "timeout_multiplier": .number(settings.timeoutMultiplier),
            "transport": .string("loopback WebSocket, in-process nodes"),
        ]
    }
}

/// A run id that sorts by time and is unique per run: `20261128T233546Z-1a2b3c`.
enum RunIdentifier {
    static func make(now: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let suffix = UUID().uuidString.prefix(6).lowercased()
        return "\(formatter.string(from: now))-\(suffix)"
    }
}
