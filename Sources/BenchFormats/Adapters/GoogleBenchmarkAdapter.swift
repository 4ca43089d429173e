import Foundation
import Units

/// Google Benchmark JSON (`--benchmark_format=json`, `--benchmark_out`). Each `iteration` entry
/// is one batch of `iterations` iterations whose per-iteration `real_time` and `cpu_time` (in
/// `time_unit`) become one sample each; `repetition_index` is the repetition (the unit of
/// replication). `aggregate` entries (mean, median, stddev, cv, BigO, RMS) summarise those same
/// batches and are skipped, unless a benchmark has nothing else (`--benchmark_report_aggregates_only`):
/// then its mean is kept as a metric marked "summary only". User counters become exact counters
/// when every repetition reports the same whole number, and samples otherwise (rates).
enum GoogleBenchmarkAdapter {
    /// Keys of a benchmark entry that are not user counters.
    static let knownKeys: Set<String> = [
        "name", "family_index", "per_family_instance_index", "run_name", "run_type", "repetitions",
        "repetition_index", "threads", "iterations", "real_time", "cpu_time", "time_unit", "aggregate_name",
        "aggregate_unit", "error_occurred", "error_message", "label", "big_o", "rms", "cpu_coefficient",
        "real_coefficient", "complexity_n", "skipped", "skip_message", "manual_time",
    ]
    /// The `time_unit` values Google Benchmark writes; Units converts them.
    static let timeUnits: Set<String> = ["ns", "us", "ms", "s"]

    /// One benchmark instance (`run_name`) and what was read of it, in file order.
    private struct Instance {
        let name: String
        let line: Int
        var order: (family: Int, instance: Int)
        var unit = "ns"
        var real: [Double] = []
        var cpu: [Double] = []
        var rep: [Int] = []
        var counters: [String: [Double]] = [:]
        var counterOrder: [String] = []
        var meanAggregate: (real: Double, cpu: Double, unit: String, repetitions: Int?)?
        var errors: [String] = []
        var batches = 0
        /// Wall time the batches took (iterations × real_time), for the outcome record.
        var durationMS = 0.0
    }

    static func read(_ bytes: [UInt8], file: String) throws(ImportError) -> ImportedRun {
        let fields = JSONFields(file: file, format: .googleBenchmark)
        let root = try fields.object(try fields.parse(bytes), "the document")
        let entries = try fields.array(root, "benchmarks", "the document")
        let context = fields.optional(root, "context")
        if let context { _ = try fields.object(context, "context") }
        var instances: [Instance] = []
        var index: [String: Int] = [:]
        var aggregatesSkipped = 0
        for (k, entry) in entries.enumerated() {
            let path = "benchmarks[\(k)]"
            _ = try fields.object(entry, path)
            let name = try fields.string(entry, "name", path)
            let runName = try fields.optionalString(entry, "run_name", path) ?? name
            let runType = try fields.optionalString(entry, "run_type", path) ?? "iteration"
            let family = try fields.optionalInteger(entry, "family_index", path) ?? instances.count
            let member = try fields.optionalInteger(entry, "per_family_instance_index", path) ?? 0
            let slot: Int
            if let existing = index[runName] {
                slot = existing
            } else {
                slot = instances.count
                index[runName] = slot
                instances.append(Instance(name: runName, line: entry.line, order: (family, member)))
            }
            switch runType {
            case "iteration":
                try readIteration(entry, path, fields, into: &instances[slot])
            case "aggregate":
                aggregatesSkipped += 1
                if try fields.optionalString(entry, "aggregate_name", path) == "mean",
                    let real = try fields.optionalNumber(entry, "real_time", path),
                    let cpu = try fields.optionalNumber(entry, "cpu_time", path)
                {
                    instances[slot].meanAggregate = (
                        real, cpu, try timeUnit(entry, path, fields).0,
                        try fields.optionalInteger(entry, "repetitions", path)
                    )
                }
            default:
                throw fields.fail(
                    entry["run_type"] ?? entry,
                    "`\(path).run_type` is \"\(runType)\"; Google Benchmark writes \"iteration\" or \"aggregate\"")
            }
        }
        guard !instances.isEmpty else {
            throw fields.fail(
                root, "`benchmarks` is empty",
                fix: "Run the benchmark binary with a --benchmark_filter that matches at least one benchmark")
        }
        let scenario = scenarioName(context)
        var builder = ImportedRunBuilder(file: file, format: .googleBenchmark)
        var summaryOnly: [JSONValue] = []
        instances.sort { ($0.order.family, $0.order.instance, $0.line) < ($1.order.family, $1.order.instance, $1.line) }
        for instance in instances {
            try emit(instance, scenario: scenario, into: &builder, summaryOnly: &summaryOnly)
        }
        var config: [String: JSONValue] = ["aggregates_skipped": .number(Double(aggregatesSkipped))]
        if let context { config["context"] = context.plain }
        if !summaryOnly.isEmpty { config["summary_only"] = .array(summaryOnly) }
        config["benchmarks"] = .array(
            instances.map {
                .object([
                    "name": .string($0.name), "family_index": .number(Double($0.order.family)),
                    "per_family_instance_index": .number(Double($0.order.instance)),
                ])
            })
        var hash = FNV1a()
        hash.add(bytes)
        let run = builder.run(
            contentHash: hash, startedAt: try startDate(context, fields), git: nil,
            host: host(context), config: config)
        return try builder.finish(run)
    }

    private static func readIteration(
        _ entry: LocatedJSON, _ path: String, _ fields: JSONFields,
        into instance: inout Instance
    ) throws(ImportError) {
        if try fields.optionalBool(entry, "error_occurred", path) == true {
            instance.errors.append(try fields.optionalString(entry, "error_message", path) ?? "error_occurred")
            return
        }
        let (unit, nanosecondsPerUnit) = try timeUnit(entry, path, fields)
        if instance.batches > 0 && unit != instance.unit {
            throw fields.fail(
                entry,
                "`\(path).time_unit` is \"\(unit)\" but earlier repetitions of \(instance.name) used \"\(instance.unit)\""
            )
        }
        instance.unit = unit
        let real = try fields.number(entry, "real_time", path)
        instance.real.append(real)
        let iterations = try fields.optionalNumber(entry, "iterations", path) ?? 1
        instance.durationMS += iterations * real * nanosecondsPerUnit / 1e6
        instance.cpu.append(try fields.number(entry, "cpu_time", path))
        instance.rep.append(try fields.optionalInteger(entry, "repetition_index", path) ?? instance.batches)
        instance.batches += 1
        for (key, value) in entry.members ?? [] where !knownKeys.contains(key) {
            guard let n = value.number else { continue }
            if instance.counters[key] == nil { instance.counterOrder.append(key) }
            instance.counters[key, default: []].append(n)
        }
    }

    private static func emit(
        _ instance: Instance, scenario: String, into builder: inout ImportedRunBuilder,
        summaryOnly: inout [JSONValue]
    ) throws(ImportError) {
        let name = instance.name
        if instance.batches > 0 {
            try builder.addSamples(
                scenario: scenario, metric: "\(name) real_time", unit: instance.unit, better: .lower,
                values: instance.real, rep: instance.rep, line: instance.line)
            try builder.addSamples(
                scenario: scenario, metric: "\(name) cpu_time", unit: instance.unit, better: .lower,
                values: instance.cpu, rep: instance.rep, line: instance.line)
            for key in instance.counterOrder {
                let values = instance.counters[key] ?? []
                if values.count == instance.batches, let first = values.first, values.allSatisfy({ $0 == first }),
                    let exact = Int64(exactly: first)
                {
                    try builder.add(
                        .counter(
                            CounterRecord(scenario: scenario, metric: "\(name) \(key)", unit: "count", value: exact)),
                        line: instance.line)
                } else {
                    try builder.addSamples(
                        scenario: scenario, metric: "\(name) \(key)", unit: counterUnit(key),
                        better: key.hasSuffix("per_second") ? .higher : .lower,
                        values: values, rep: values.count == instance.batches ? instance.rep : nil,
                        line: instance.line)
                }
            }
        } else if let mean = instance.meanAggregate {
            let label = "mean of \(mean.repetitions.map(String.init) ?? "all") repetitions, summary only"
            try builder.addSamples(
                scenario: scenario, metric: "\(name) real_time (\(label))", unit: mean.unit,
                better: .lower, values: [mean.real], rep: nil, line: instance.line)
            try builder.addSamples(
                scenario: scenario, metric: "\(name) cpu_time (\(label))", unit: mean.unit,
                better: .lower, values: [mean.cpu], rep: nil, line: instance.line)
            summaryOnly.append(.string(name))
        }
        let failed = !instance.errors.isEmpty
        try builder.add(
            .outcome(
                OutcomeRecord(
                    test: name, tier: 0, attempt: 1, status: failed ? .fail : .pass, durationMS: instance.durationMS,
                    message: failed
                        ? "\(instance.errors.count) repetition(s) failed: \(Set(instance.errors).sorted().joined(separator: "; "))"
                        : "")),
            line: instance.line)
    }

    /// The entry's `time_unit` and how many nanoseconds one of it is.
    private static func timeUnit(
        _ entry: LocatedJSON, _ path: String, _ fields: JSONFields
    ) throws(ImportError) -> (String, Double) {
        let unit = try fields.optionalString(entry, "time_unit", path) ?? "ns"
        guard timeUnits.contains(unit), let parsed = ParsedUnit.known(unit) else {
            throw fields.fail(
                entry["time_unit"] ?? entry,
                "`\(path).time_unit` is \"\(unit)\"; Google Benchmark writes ns, us, ms or s")
        }
        return (unit, parsed.toBase)
    }

    /// `bytes_per_second` → `B/s`, `items_per_second` → `items/s`; other counters keep their name as unit.
    private static func counterUnit(_ key: String) -> String {
        switch key {
        case "bytes_per_second": "B/s"
        case "items_per_second": "items/s"
        default: key.hasSuffix("_per_second") ? "\(key.dropLast("_per_second".count))/s" : "count"
        }
    }

    /// The benchmark binary's name (`context.executable`), so two binaries' results stay apart.
    private static func scenarioName(_ context: LocatedJSON?) -> String {
        guard let executable = context?["executable"]?.string, !executable.isEmpty else { return "google-benchmark" }
        return URL(fileURLWithPath: executable).lastPathComponent
    }

    private static func startDate(_ context: LocatedJSON?, _ fields: JSONFields) throws(ImportError) -> Date? {
        guard let node = context?["date"], let text = node.string else { return nil }
        guard let date = ImportedDates.parse(text) else {
            throw fields.fail(node, "`context.date` is \"\(text)\", not an ISO 8601 date")
        }
        return date
    }

    /// Google Benchmark records CPUs and the library build, but no CPU model, memory or OS.
    private static func host(_ context: LocatedJSON?) -> ImportedHost {
        var host = ImportedHost()
        if let cpus = context?["num_cpus"]?.number { host.cpus = Int(exactly: cpus) }
        var toolchain = "Google Benchmark"
        if let version = context?["library_version"]?.string { toolchain += " \(version)" }
        if let build = context?["library_build_type"]?.string { toolchain += " (library build: \(build))" }
        host.toolchain = toolchain
        return host
    }
}
