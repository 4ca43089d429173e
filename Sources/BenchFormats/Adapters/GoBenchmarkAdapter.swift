import Foundation
import Units

/// Go's benchmark text format, as `go test -bench` prints it and benchstat reads it, following
/// golang.org/design/14313-benchmark-format:
/// - a configuration line `key: value` (key starts lower case, has no space or upper case letter;
///   the value may be empty) describes every result after it until the same key is set again;
/// - a result line `<name> <iterations> <value> <unit> [<value> <unit>...]` (name `Benchmark`
///   followed by an upper case letter or nothing; fields split on white space, an even number of
///   at least four) gives one sample per unit; the same name again is another run (`-count`),
///   numbered as a repetition;
/// - every other line (`PASS`, `ok …`, blank, `#` comments, logs) is ignored.
/// Each `<name> <unit>` is a metric, in the scenario named by the `pkg` key (else `go`).
/// `cpu`, `cpu-count`, `mem`, `os`/`goos`, `goarch` and `commit` fill the run header.
enum GoBenchmarkAdapter {
    static let defaultScenario = "go"
    /// Configuration keys that describe the machine: they may not change once results were read.
    static let hostKeys: Set<String> = ["cpu", "cpu-count", "mem", "os", "goos", "goarch"]

    private struct Metric {
        let scenario: String
        let metric: String
        let unit: String
        let better: Better
        let line: Int
        var values: [Double] = []
        var rep: [Int] = []
    }

    /// Reads the stream line by line: memory holds the values, never more than one line of text.
    struct Reader {
        let file: String
        let allowPartial: Bool
        private var config: [String: String] = [:]
        private var configOrder: [String] = []
        private var firstConfig: [String: String] = [:]
        private var metrics: [Metric] = []
        private var metricIndex: [String: Int] = [:]
        private var runsOfName: [String: Int] = [:]
        private var resultLines = 0
        private(set) var isPartial = false
        private var hash = FNV1a()

        init(file: String, allowPartial: Bool) {
            self.file = file
            self.allowPartial = allowPartial
        }

        private func fail(
            _ line: Int, _ problem: String,
            fix: String = "Fix that line or give the output exactly as `go test -bench` printed it"
        ) -> ImportError {
            ImportError(file: file, line: line, format: .go, problem: problem, fix: fix)
        }

        /// One line (without its newline); `unterminated` when the input ended inside it.
        mutating func consume(_ text: String, line: Int, unterminated: Bool) throws(ImportError) {
            hash.add(text.utf8)
            hash.add([0x0A])
            if let (key, value) = Self.configuration(text) {
                if resultLines > 0, GoBenchmarkAdapter.hostKeys.contains(key), let old = firstConfig[key], old != value
                {
                    throw fail(
                        line, "`\(key): \(value)` changes the machine after results measured with `\(key): \(old)`",
                        fix: "Give one machine's results per file: split the file at this line")
                }
                if config[key] == nil { configOrder.append(key) }
                config[key] = value
                if firstConfig[key] == nil { firstConfig[key] = value }
                return
            }
            let fields = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            guard let name = fields.first, Self.isBenchmarkName(name), fields.count >= 4, fields.count % 2 == 0,
                let iterations = Int(fields[1]), iterations >= 0
            else { return }
            if unterminated {
                if allowPartial { isPartial = true; return }
                throw fail(
                    line, "truncated: the file ends inside this result line (no newline after it)",
                    fix: "The output was cut off; re-run the benchmarks, or pass --allow-partial to drop this line")
            }
            resultLines += 1
            let scenario = config["pkg"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultScenario
            let runKey = "\(scenario)\u{0}\(name)"
            let rep = runsOfName[runKey, default: 0]
            runsOfName[runKey] = rep + 1
            var seenUnits: Set<String> = []
            for pair in stride(from: 2, to: fields.count, by: 2) {
                let unitText = fields[pair + 1]
                guard seenUnits.insert(unitText).inserted else {
                    throw fail(line, "the unit \(unitText) appears twice in one result")
                }
                guard let value = Double(fields[pair]) else {
                    throw fail(line, "`\(fields[pair])` (before \(unitText)) is not a number")
                }
                guard value.isFinite else {
                    throw fail(
                        line,
                        "`\(fields[pair]) \(unitText)` is not a finite number; MeshBench keeps finite measurements only",
                        fix: "Fix the benchmark that reported it (b.ReportMetric with a finite value)")
                }
                let (unit, better) = Self.unit(unitText)
                let key = "\(runKey)\u{0}\(unitText)"
                let slot: Int
                if let existing = metricIndex[key] {
                    slot = existing
                } else {
                    slot = metrics.count
                    metricIndex[key] = slot
                    metrics.append(
                        Metric(
                            scenario: scenario, metric: "\(name) \(unitText)", unit: unit, better: better, line: line))
                }
                metrics[slot].values.append(value)
                metrics[slot].rep.append(rep)
            }
        }

        func finish() throws(ImportError) -> ImportedRun {
            var builder = ImportedRunBuilder(file: file, format: .go)
            for metric in metrics {
                try builder.addSamples(
                    scenario: metric.scenario, metric: metric.metric, unit: metric.unit,
                    better: metric.better, values: metric.values, rep: metric.rep, line: metric.line)
            }
            var host = ImportedHost()
            host.cpuModel = firstConfig["cpu"]
            host.cpus = firstConfig["cpu-count"].flatMap { Int($0) }
            host.memoryMB = firstConfig["mem"].flatMap(Self.megabytes)
            host.os = firstConfig["os"] ?? firstConfig["goos"]
            if let goos = firstConfig["goos"], let goarch = firstConfig["goarch"] {
                host.toolchain = "Go (\(goos)/\(goarch))"
            }
            let git = firstConfig["commit"].map {
                GitInfo(commit: $0, branch: firstConfig["branch"] ?? "unknown", dirty: false)
            }
            let configObject = Dictionary(
                configOrder.compactMap { key in firstConfig[key].map { (key, JSONValue.string($0)) } },
                uniquingKeysWith: { first, _ in first })
            let run = builder.run(
                contentHash: hash, startedAt: nil, git: git, host: host,
                config: ["go_config": .object(configObject)])
            guard !metrics.isEmpty else {
                throw ImportError(
                    file: file, format: .go, problem: "no benchmark result lines",
                    fix: "Run `go test -run '^$' -bench . -count 5 > FILE`: result lines start with `Benchmark`")
            }
            return try builder.finish(run, isPartial: isPartial)
        }

        /// `key: value` with the spec's key rules, or nil.
        static func configuration(_ text: String) -> (String, String)? {
            guard let colon = text.firstIndex(of: ":") else { return nil }
            let key = text[..<colon]
            guard let first = key.first, first.isLowercase,
                !key.contains(where: { $0.isWhitespace || $0.isUppercase })
            else { return nil }
            let rest = text[text.index(after: colon)...]
            if rest.isEmpty { return (String(key), "") }
            guard rest.first == " " || rest.first == "\t" else { return nil }
            return (String(key), rest.trimmingCharacters(in: .whitespaces))
        }

        /// `Benchmark` alone or followed by an upper case letter.
        static func isBenchmarkName(_ field: String) -> Bool {
            guard field.hasPrefix("Benchmark") else { return false }
            let rest = field.dropFirst("Benchmark".count)
            return rest.first.map(\.isUppercase) ?? true
        }

        /// The spec lets tools take the last hyphen-separated word as the measurement: `ns/op`
        /// and `L1-miss-ns/op` are times in ns, `B/op` bytes; `…/s` is a rate (higher is better).
        static func unit(_ text: String) -> (String, Better) {
            if text.hasSuffix("/s") { return (text, .higher) }
            guard text.hasSuffix("/op") else { return (text, .lower) }
            let measure = String(text.dropLast(3).split(separator: "-").last ?? "")
            guard let parsed = ParsedUnit.known(measure), parsed.dimension == .duration || measure == "B",
                let symbol = ParsedUnit.canonicalSymbol(measure)
            else { return (text, .lower) }  // a count per op
            return (symbol, .lower)
        }

        /// `16 GB`, `512 MB`, `8 GiB`… → MiB, as `HostProbe` records `memory_mb`; nil when it cannot
        /// be read. Host memory comes in powers of two, so Go's "16 GB" is read as 16 GiB.
        static func megabytes(_ text: String) -> Int? {
            let parts = text.split(separator: " ")
            guard parts.count == 2, let amount = Double(parts[0]), amount.isFinite, amount >= 0 else { return nil }
            let factor: Double
            switch parts[1] {
            case "MB", "MiB": factor = 1
            case "GB", "GiB": factor = 1024
            case "TB", "TiB": factor = 1024 * 1024
            default: return nil
            }
            return Int(exactly: (amount * factor).rounded())
        }
    }
}
