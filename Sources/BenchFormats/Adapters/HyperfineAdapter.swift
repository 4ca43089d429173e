/// `hyperfine --export-json`: one metric per command (`results[].command`, the `--command-name`
/// when given) with every run's wall time (`times`, seconds) as a sample. hyperfine records no
/// host, commit or date: those header fields stay unknown and the file's modification time
/// stands in for the start.
enum HyperfineAdapter {
    static let scenario = "hyperfine"

    static func read(_ bytes: [UInt8], file: String) throws(ImportError) -> ImportedRun {
        let fields = JSONFields(file: file, format: .hyperfine)
        let root = try fields.object(try fields.parse(bytes), "the document")
        let results = try fields.array(root, "results", "the document")
        guard !results.isEmpty else {
            throw fields.fail(root, "`results` is empty", fix: "Run hyperfine with at least one command")
        }
        var builder = ImportedRunBuilder(file: file, format: .hyperfine)
        var parameters: [String: JSONValue] = [:]
        var seen: Set<String> = []
        for (k, result) in results.enumerated() {
            let path = "results[\(k)]"
            _ = try fields.object(result, path)
            let command = try fields.string(result, "command", path)
            guard seen.insert(command).inserted else {
                throw fields.fail(
                    result, "the command \"\(command)\" appears twice in `results`",
                    fix: "Give each command its own name with hyperfine's --command-name")
            }
            let times = try fields.numbers(result, "times", path)
            guard !times.isEmpty else {
                throw fields.fail(result, "`\(path).times` is empty", fix: "Run hyperfine with --runs 2 or more")
            }
            let line = result["times"]?.line ?? result.line
            try builder.addSamples(
                scenario: scenario, metric: command, unit: "s", better: .lower,
                values: times, rep: nil, line: line)
            for key in ["user", "system"] {
                if let mean = try fields.optionalNumber(result, key, path) {
                    try builder.addSamples(
                        scenario: scenario, metric: "\(command) (mean \(key) time)", unit: "s",
                        better: .lower, values: [mean], rep: nil, line: result[key]?.line ?? line)
                }
            }
            if let codes = try exitCodes(result, path, fields) {
                try addOutcome(
                    command: command, codes: codes, times: times, line: result["exit_codes"]?.line ?? line,
                    into: &builder)
            }
            if let p = result["parameters"], !p.isNull { parameters[command] = p.plain }
        }
        var config: [String: JSONValue] = [:]
        if !parameters.isEmpty { config["parameters"] = .object(parameters) }
        var hash = FNV1a()
        hash.add(bytes)
        let run = builder.run(contentHash: hash, startedAt: nil, git: nil, host: ImportedHost(), config: config)
        return try builder.finish(run)
    }

    /// `exit_codes`, one per run; `null` where the command was killed by a signal.
    private static func exitCodes(
        _ result: LocatedJSON, _ path: String, _ fields: JSONFields
    ) throws(ImportError) -> [Int?]? {
        guard let node = fields.optional(result, "exit_codes") else { return nil }
        guard let elements = node.array else {
            throw fields.fail(node, "`\(path).exit_codes` is \(node.kindName), not an array")
        }
        var codes: [Int?] = []
        for (k, element) in elements.enumerated() {
            codes.append(element.isNull ? nil : try fields.integer(element, "\(path).exit_codes[\(k)]"))
        }
        return codes
    }

    /// One outcome per command: it failed when any run exited non-zero (hyperfine -i kept going),
    /// so flaky commands show up in the flake history; the count is kept as an exact counter.
    private static func addOutcome(
        command: String, codes: [Int?], times: [Double], line: Int,
        into builder: inout ImportedRunBuilder
    ) throws(ImportError) {
        let failed = codes.filter { $0 != 0 }
        let message =
            failed.isEmpty
            ? ""
            : "\(failed.count) of \(codes.count) runs failed (exit codes: "
                + Set(failed.map { $0.map(String.init) ?? "killed by a signal" }).sorted().joined(separator: ", ") + ")"
        try builder.add(
            .outcome(
                OutcomeRecord(
                    test: command, tier: 0, attempt: 1, status: failed.isEmpty ? .pass : .fail,
                    durationMS: times.reduce(0, +) * 1000, message: message)), line: line)
        try builder.add(
            .counter(
                CounterRecord(
                    scenario: scenario, metric: "\(command) (failed runs)", unit: "runs",
                    value: Int64(failed.count))), line: line)
    }
}
