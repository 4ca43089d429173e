import BenchFormats
import Foundation
import Nostr

/// One `bench` run put together from what its command line asked: the run header with the
/// configuration analyze and render read, the samples writer, the `--dump-events` file, the
/// runner, and the work folder that lives as long as the run. `bench` parses and validates;
/// this runs, so a test can run exactly what a user runs.
public struct BenchRun {
    public let scenarios: [Scenario]
    /// The tier asked for; without one, the highest tier among the scenarios.
    public let tier: Int?
    /// `settings.workDirectory` is created when the run starts and removed when it ends.
    public let settings: BenchSettings
    /// Added to the header's configuration: the relays measured (`RelayPreflight.configuration`).
    public let relayConfiguration: [String: JSONValue]
    /// Raw samples go here (gzip when it ends in `.gz`); nil: standard output.
    public let samplesPath: String?
    public let dumpEventsPath: String?
    /// Record each scenario's memory footprint (`bench --profile`).
    public let recordsFootprint: Bool

    public init(
        scenarios: [Scenario], tier: Int?, settings: BenchSettings, relayConfiguration: [String: JSONValue] = [:],
        samplesPath: String?, dumpEventsPath: String?, recordsFootprint: Bool
    ) {
        self.scenarios = scenarios
        self.tier = tier
        self.settings = settings
        self.relayConfiguration = relayConfiguration
        self.samplesPath = samplesPath
        self.dumpEventsPath = dumpEventsPath
        self.recordsFootprint = recordsFootprint
    }

    /// A folder for node databases and attempt spools that no other run uses.
    public static func freshWorkDirectory() -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("meshbench-run-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
            .path
    }

    /// Runs every scenario into the samples file; returns the names of those that failed twice.
    public func run(progress: ProgressReporter) async throws -> [String] {
        try FileManager.default.createDirectory(atPath: settings.workDirectory, withIntermediateDirectories: true)
        defer { removeWorkDirectory(progress: progress) }
        let writer: SamplesWriter
        do {
            writer = try SamplesWriter(
                path: samplesPath ?? "-", run: header(), gzip: samplesPath?.hasSuffix(".gz") ?? false)
        } catch {
            throw RunSetupError.samplesNotWritable(reason: error.description)
        }
        let dump = try dumpEventsPath.map { path throws(RunSetupError) in try EventDump(path: path) }
        let runner = ScenarioRunner(
            settings: settings, sink: writer, progress: progress,
            onPublish: dump.map { dump in { @Sendable event in dump.append(event) } })
        runner.recordsFootprint = recordsFootprint
        let failed: [String]
        do {
            failed = try await runner.run(scenarios)
        } catch {
            // The run's own error is the one to report; a dump error behind it adds nothing.
            try? dump?.finish()
            throw error
        }
        try dump?.finish()
        try writer.finish()
        return failed
    }

    /// The samples file's header: a new run id, this checkout and this host.
    func header(now: Date = Date()) -> RunHeader {
        RunHeader(
            runID: RunIdentifier.make(now: now), startedAt: now, tier: tier ?? scenarios.map(\.tier).max() ?? 1,
            seed: settings.seed, git: GitProbe.current(), host: HostProbe.current(), mode: .real,
            config: configuration.merging(relayConfiguration) { $1 })
    }

    /// What the run was asked to do, as `run.config`: analyze compares only like with like
    /// (placement, process model, sizes), and charts read the scenario parameters.
    var configuration: [String: JSONValue] {
        var config: [String: JSONValue] = [
            "process_model": .string(settings.processModel),
            "placement": .string(settings.placement(of: scenarios)),
            "scenario_placements": .object(
                Dictionary(
                    scenarios.map { ($0.name, .string(settings.placement(of: $0))) },
                    uniquingKeysWith: { first, _ in first })),
            "sample_interval_s": .number(settings.sampleInterval),
            "scenarios": .array(scenarios.map { .string($0.name) }),
            "repetitions": .number(Double(settings.repetitions)),
            "inject_delay_us": .number(Double(settings.injectedDelayMicros)),
            "timeout_multiplier": .number(settings.timeoutMultiplier),
            "transport": .string(
                settings.processPerNode
                    ? "loopback WebSocket, one OS process per node"
                    : "loopback WebSocket, in-process nodes"),
        ]
        let given = settings.overrides
        let overrides: [(String, Double?)] = [
            ("nodes", given.nodes.map(Double.init)), ("duration_s", given.duration), ("rate_events_per_s", given.rate),
            ("events", given.events.map(Double.init)), ("degree", given.degree.map(Double.init)),
        ]
        for (key, value) in overrides { if let value { config[key] = .number(value) } }
        if let family = given.topology { config["topology"] = .string(family.rawValue) }
        // Scenario parameters (the burst window) at the top level, where charts look for them.
        for scenario in scenarios {
            for (key, value) in scenario.configuration(settings) { config[key] = .number(value) }
        }
        return config
    }

    /// The work folder goes with the run; one that cannot be removed is said, not fatal (the
    /// samples are written by then).
    private func removeWorkDirectory(progress: ProgressReporter) {
        do {
            try FileManager.default.removeItem(atPath: settings.workDirectory)
        } catch {
            progress.note("could not remove the work folder \(settings.workDirectory): \(error.localizedDescription)")
        }
    }
}
