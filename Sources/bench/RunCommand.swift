import ArgumentParser
import CommandLineSupport
import Foundation
import Profiling
import Scenarios

/// The default subcommand: runs a tier (or named scenarios) and streams raw samples.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run scenarios (the default when no subcommand is given).")

    @Option(
        help: "Run every scenario of this tier (\(ScenarioCatalog.tiers.map(String.init).joined(separator: ", "))).")
    var tier: Int?

    @Option(name: .customLong("scenario"), help: "Run this scenario (repeatable); see --list.")
    var scenarios: [String] = []

    @Flag(help: "List the scenarios with their tier and summary, then exit.")
    var list = false

    @Option(
        name: .customLong("target"),
        help: ArgumentHelp(
            "Measure this relay from outside over NIP-01 (repeatable): ws://HOST:PORT[/PATH]. Runs the external scenarios.",
            valueName: "url"))
    var targetURLs: [String] = []

    @Option(
        name: .customLong("targets"),
        help: ArgumentHelp(
            "Measure the relays listed in this JSON file (labels, URLs, optional links; docs/external.md).",
            valueName: "file"))
    var targetsFile: String?

    @Option(help: "Seed of every random choice (keys, topologies, workloads).")
    var seed: UInt64 = 1

    @Option(help: "Repetitions of each scenario's measurement (the unit of replication for analyze).")
    var repetitions = 1

    @Option(help: "Write raw samples to FILE instead of standard output (gzip when FILE ends in .gz).")
    var out: String?

    @Option(name: .customLong("dump-events"), help: "Write every published event as a NIP-01 JSON line to FILE.")
    var dumpEvents: String?

    @Option(
        name: .customLong("inject-delay-us"), help: "Delay every node adds before forwarding (µs): a known regression.")
    var injectDelayMicros = 0

    @Option(help: "Mesh size of the scalable scenarios (throughput, burst, scalability, stress, soak); at least 2.")
    var nodes: Int?

    @Option(
        help: ArgumentHelp(
            "Sustained-load duration: 90, 90s, 5m, 10m (throughput, stress, soak; the burst's length for burst scenarios).",
            valueName: "duration"))
    var duration: DurationArgument?

    @Option(help: "Offered load in events per second over all publishers (the burst rate for burst scenarios).")
    var rate: Double?

    @Option(help: "Measured events of the latency scenarios (propagation, five-hop, scalability light load).")
    var events: Int?

    @Option(help: "Degree k of random-regular and small-world meshes (k < nodes).")
    var degree: Int?

    @Option(help: "Topology family of the scalable scenarios: \(TopologyFamily.names).")
    var topology: String?

    @Option(
        name: .customLong("sample-interval"),
        help: ArgumentHelp("Seconds between resource samples (default 1).", valueName: "duration"))
    var sampleInterval: DurationArgument?

    @Flag(
        name: .customLong("process-per-node"),
        help: "Run every node as its own OS process (bench node) so memory and CPU are measured per node.")
    var processPerNode = false

    @Flag(help: "No progress on standard error.")
    var quiet = false

    @Flag(help: "Debug logs on standard error (also MESHBENCH_LOG=debug).")
    var verbose = false

    @Flag(help: "Run under perf (or callgrind) and write folded stacks and memory footprints (docs/development.md).")
    var profile = false

    @Option(
        name: .customLong("profile-out"),
        help: ArgumentHelp("Folder for --profile's folded stacks and raw profile.", valueName: "dir"))
    var profileOut = "artifacts/profile"

    func validate() throws {
        guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1 (got \(repetitions))") }
        // The delay becomes nanoseconds in every node: at most 60 s keeps it far inside UInt64.
        guard (0...60_000_000).contains(injectDelayMicros) else {
            throw ValidationError("--inject-delay-us must be 0 to 60,000,000 (60 s) (got \(injectDelayMicros))")
        }
        if let tier, !ScenarioCatalog.tiers.contains(tier) {
            throw ValidationError(
                "unknown tier \(tier); valid tiers: \(ScenarioCatalog.tiers.map(String.init).joined(separator: ", "))")
        }
        for name in scenarios where ScenarioCatalog.scenario(named: name) == nil {
            throw ValidationError(
                "unknown scenario '\(name)'; valid scenarios: \(ScenarioCatalog.all.map(\.name).joined(separator: ", ")) (bench --list)"
            )
        }
        try ExternalSelection.validate(
            scenarios: scenarios, urls: targetURLs, file: targetsFile, processPerNode: processPerNode)
        if injectDelayMicros != 0 && (!targetURLs.isEmpty || targetsFile != nil) {
            throw ValidationError(
                "--inject-delay-us is a delay inside the nodes bench starts; relays given by address run on their own (start our node servers with bench node-server --inject-delay-us)"
            )
        }
        if let topology, TopologyFamily(rawValue: topology) == nil {
            throw ValidationError("unknown topology '\(topology)'; valid topologies: \(TopologyFamily.names)")
        }
        do {
            try overrides.validate()
        } catch {
            throw ValidationError(error.description)
        }
        if !list, tier == nil, scenarios.isEmpty {
            throw ValidationError("say what to run: --tier N or --scenario NAME (bench --list shows them)")
        }
    }

    /// The sizes and durations given on the command line.
    var overrides: ScenarioOverrides {
        ScenarioOverrides(
            nodes: nodes, duration: duration?.seconds, rate: rate, events: events, degree: degree,
            topology: topology.flatMap(TopologyFamily.init(rawValue:)), sampleInterval: sampleInterval?.seconds)
    }

    func run() async throws {
        if list {
            for scenario in ScenarioCatalog.all {
                try Console.output("\(scenario.name)\ttier \(scenario.tier)\t\(scenario.summary)\n")
            }
            return
        }
        try DiagnosticLogging.bootstrap(verbose: verbose)
        let progress = ProgressReporter(quiet: quiet)
        if profile && !ProfileSession.isChild {
            let status = try ProfileSession(outputFolder: profileOut).run(progress: progress.note)
            if status != 0 { throw ExitCode(status) }
            return
        }
        let targets = try ExternalSelection.targets(urls: targetURLs, file: targetsFile)
        let selected = try ScenarioSelection.admitNamespaceScenarios(
            try ScenarioSelection.scenarios(tier: tier, names: scenarios, targets: targets), named: scenarios,
            note: progress.note)
        // Every relay must answer before anything is written: an unreachable one is exit 2.
        let identities = try await ExternalSelection.identify(targets, timeoutMultiplier: timeoutMultiplier)
        let settings = BenchSettings(
            seed: seed, repetitions: repetitions, injectedDelayMicros: injectDelayMicros,
            timeoutMultiplier: timeoutMultiplier, overrides: overrides, processPerNode: processPerNode,
            nodeExecutable: Bundle.main.executablePath, workDirectory: BenchRun.freshWorkDirectory(), targets: targets)
        let run = BenchRun(
            scenarios: selected, tier: tier, settings: settings,
            relayConfiguration: identities.map { RelayPreflight.configuration($0, links: targets?.links) } ?? [:],
            samplesPath: out, dumpEventsPath: dumpEvents, recordsFootprint: profile || ProfileSession.isChild)
        let failed = try await run.run(progress: progress)
        if !failed.isEmpty {
            progress.note("failed twice: \(failed.joined(separator: ", "))")
            throw ExitCode(1)
        }
    }

    private var timeoutMultiplier: Double { ProcessInfo.processInfo.environment["CI"] == "true" ? 2 : 1 }
}
