import Foundation

/// pytest-benchmark JSON (`--benchmark-json`, or a file `--benchmark-save` wrote). Each benchmark
/// becomes one metric named by its `fullname` (test id), in seconds per iteration: every round's
/// time from `stats.data` when the file has it (`--benchmark-json` always does; saved files only
/// with `--benchmark-save-data`). Without data only the mean survives: it is kept as one value in
/// a metric whose name says "summary only", so nothing pretends to be a distribution.
/// `machine_info` and `commit_info` fill the run header.
enum PytestBenchmarkAdapter {
    static let defaultScenario = "pytest-benchmark"

    static func read(_ bytes: [UInt8], file: String) throws(ImportError) -> ImportedRun {
        let fields = JSONFields(file: file, format: .pytestBenchmark)
        let root = try fields.object(try fields.parse(bytes), "the document")
        let benchmarks = try fields.array(root, "benchmarks", "the document")
        guard !benchmarks.isEmpty else {
            throw fields.fail(
                root, "`benchmarks` is empty",
                fix: "Run pytest with tests that use the `benchmark` fixture, and without --benchmark-disable")
        }
        var builder = ImportedRunBuilder(file: file, format: .pytestBenchmark)
        var summaryOnly: [JSONValue] = []
        var seen: Set<String> = []
        for (k, benchmark) in benchmarks.enumerated() {
            let path = "benchmarks[\(k)]"
            _ = try fields.object(benchmark, path)
            var name = try fields.optionalString(benchmark, "fullname", path)
            if name == nil { name = try fields.string(benchmark, "name", path) }
            guard let name else { continue }
            let scenario = try fields.optionalString(benchmark, "group", path) ?? defaultScenario
            guard seen.insert("\(scenario)/\(name)").inserted else {
                throw fields.fail(benchmark, "the benchmark \(name) appears twice")
            }
            let stats = try fields.object(try fields.required(benchmark, "stats", path), "\(path).stats")
            if fields.optional(stats, "data") != nil {
                let data = try fields.numbers(stats, "data", "\(path).stats")
                guard !data.isEmpty else { throw fields.fail(stats, "`\(path).stats.data` is empty") }
                try builder.addSamples(
                    scenario: scenario, metric: name, unit: "s", better: .lower,
                    values: data, rep: nil, line: stats["data"]?.line ?? stats.line)
            } else {
                let mean = try fields.number(stats, "mean", "\(path).stats")
                let rounds = try fields.optionalInteger(stats, "rounds", "\(path).stats")
                let label = "mean of \(rounds.map(String.init) ?? "all") rounds, summary only"
                try builder.addSamples(
                    scenario: scenario, metric: "\(name) (\(label))", unit: "s", better: .lower,
                    values: [mean], rep: nil, line: stats["mean"]?.line ?? stats.line)
                summaryOnly.append(.string(name))
            }
        }
        var config: [String: JSONValue] = [:]
        for key in ["machine_info", "commit_info", "version"] {
            if let value = root[key] { config[key] = value.plain }
        }
        if !summaryOnly.isEmpty { config["summary_only"] = .array(summaryOnly) }
        var hash = FNV1a()
        hash.add(bytes)
        let run = builder.run(
            contentHash: hash, startedAt: try startDate(root, fields), git: try git(root, fields),
            host: host(root["machine_info"]), config: config)
        return try builder.finish(run)
    }

    private static func startDate(_ root: LocatedJSON, _ fields: JSONFields) throws(ImportError) -> Date? {
        guard let text = try fields.optionalString(root, "datetime", "the document") else { return nil }
        guard let date = ImportedDates.parse(text) else {
            throw fields.fail(root["datetime"] ?? root, "`datetime` is \"\(text)\", not an ISO 8601 date")
        }
        return date
    }

    /// `commit_info.id`, `branch` and `dirty`; pytest-benchmark writes "unknown" ids outside git.
    private static func git(_ root: LocatedJSON, _ fields: JSONFields) throws(ImportError) -> GitInfo? {
        guard let info = fields.optional(root, "commit_info") else { return nil }
        _ = try fields.object(info, "commit_info")
        return GitInfo(
            commit: try fields.optionalString(info, "id", "commit_info") ?? "unknown",
            branch: try fields.optionalString(info, "branch", "commit_info") ?? "unknown",
            dirty: try fields.optionalBool(info, "dirty", "commit_info") ?? false)
    }

    /// py-cpuinfo's `cpu.brand_raw` and `cpu.count`, `system` (the OS family: pytest-benchmark has
    /// no distribution name) and `release` (the kernel), and the Python that ran the tests.
    private static func host(_ info: LocatedJSON?) -> ImportedHost {
        var host = ImportedHost()
        guard let info else { return host }
        host.cpuModel = nonEmpty(info["cpu"]?["brand_raw"]?.string) ?? nonEmpty(info["processor"]?.string)
        host.cpus = info["cpu"]?["count"]?.number.flatMap { Int(exactly: $0) }
        host.os = nonEmpty(info["system"]?.string)
        host.kernel = nonEmpty(info["release"]?.string)
        if let implementation = info["python_implementation"]?.string, let version = info["python_version"]?.string {
            host.toolchain = "\(implementation) \(version)"
        }
        return host
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return text
    }
}
